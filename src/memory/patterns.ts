import { Document } from 'yaml';
import { UserError } from '../shared/errors.js';
import { slugify } from '../shared/ids.js';
import { checkWriteSize } from './limits.js';
import { serializeNote, setFields } from './note.js';
import type { MemoryStore, WriteResult } from './store.js';
import { SERVICE_ID } from './types.js';

/** Folder of reusable implementation patterns inside the memory folder. */
export const PATTERNS_DIR = 'patterns';

/** The parts of a reusable AWS pattern; the headings match the built-in library's patterns. */
export interface PatternInput {
  title: string;
  /** One paragraph: what the pattern is and the problem it solves. */
  summary: string;
  /** When it fits and when it does not. */
  whenToUse?: string;
  /** How it is built: components, connections, data flow, key settings. */
  architecture: string;
  /** Catalog service ids it uses. */
  services?: string[];
  /** Limits, pitfalls and trade-offs learnt. */
  considerations?: string;
  security?: string;
  cost?: string;
  tags?: string[];
  /** File name part after `aws-`; from the title when absent. */
  slug?: string;
  /** The version read, to replace an existing pattern of the same name. */
  expectedVersion?: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** `patterns/aws-<slug>.md` for a pattern input: the slug given, else one made from the title (without a doubled `aws-`). */
export function patternPath(input: Pick<PatternInput, 'title' | 'slug'>): string {
  if (input.slug !== undefined && !SLUG.test(input.slug)) {
    throw new UserError('slug', `'${input.slug}' is not a valid slug`, 'Use lower-case letters, digits and dashes, e.g. serverless-api.');
  }
  const slug = (input.slug ?? slugify(input.title, 60)).replace(/^aws-/, '') || 'pattern';
  return `${PATTERNS_DIR}/aws-${slug}.md`;
}

/** Renders a pattern note (front matter and body); `created`/`updated` are filled in by the store. */
export function renderPattern(input: PatternInput): string {
  const doc = new Document({});
  setFields(doc, { type: 'pattern', title: input.title.trim(), tags: input.tags ?? [], services: input.services?.length ? input.services : undefined });
  const lines = [`# ${input.title.trim()}`, '', input.summary.trim(), ''];
  const section = (heading: string, text: string | undefined) => {
    if (text?.trim()) lines.push(`## ${heading}`, '', text.trim(), '');
  };
  section('When to use', input.whenToUse);
  section('Architecture', input.architecture);
  if (input.services?.length) lines.push('## Services', '', ...input.services.map((s) => `- \`${s}\``), '');
  section('Considerations', input.considerations);
  section('Security', input.security);
  section('Cost', input.cost);
  return serializeNote({ doc, body: lines.join('\n') });
}

/**
 * Saves a reusable pattern as `patterns/aws-<slug>.md`. Replacing an existing pattern of that name needs the
 * version read (as with any note); a library pattern of the same name is overridden for this project only.
 */
export async function savePattern(store: MemoryStore, input: PatternInput): Promise<WriteResult> {
  checkWriteSize({ ...input });
  for (const field of ['title', 'summary', 'architecture'] as const) {
    if (typeof input[field] !== 'string' || !input[field].trim()) throw new UserError(field, `${field} is empty`, `A pattern needs a ${field}.`);
  }
  input.services?.forEach((id, i) => {
    if (!SERVICE_ID.test(id)) throw new UserError(`services[${i}]`, `'${id}' is not a service id`, 'Use catalog ids in lower case, e.g. lambda, dynamodb, apigateway-http.');
  });
  return store.write({ path: patternPath(input), content: renderPattern(input), ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}) });
}
