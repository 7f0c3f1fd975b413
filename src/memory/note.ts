import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { Document, isMap, parseDocument } from 'yaml';
import { z } from 'zod';
import { describeZodIssues } from '../shared/zod.js';
import { DECISION_STATUSES, NOTE_TYPES, SERVICE_ID, type DecisionStatus, type NoteType } from './types.js';

// YAML gives numbers or booleans for bare scalars such as `tags: [2024]`; a tag is text either way.
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const textList = z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(text));
const serviceList = z.array(z.string().regex(SERVICE_ID, 'must be a lower-case service id such as dynamodb'));

/**
 * The known front-matter fields, as read. Every field is optional on read (a note without front matter is still a
 * note); unknown fields are not checked here and are kept verbatim in the note's YAML.
 */
export const FrontMatterSchema = z.object({
  type: z.enum(NOTE_TYPES).optional(),
  title: text.pipe(z.string().min(1, 'must not be empty')).optional(),
  tags: textList.optional(),
  created: text.optional(),
  updated: text.optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  supersedes: text.optional(),
  superseded_by: text.optional(),
  deciders: textList.optional(),
  chosen: serviceList.optional(),
  rejected: serviceList.optional(),
  layer: z.string().optional(),
  services: serviceList.optional(),
});

/** The normalised metadata of a note: front matter with fallbacks filled in. */
export interface NoteMeta {
  type: NoteType;
  title: string;
  tags: string[];
  created?: string;
  updated?: string;
  status?: DecisionStatus;
  supersedes?: string;
  supersededBy?: string;
  deciders: string[];
  chosen: string[];
  rejected: string[];
  layer?: string;
  /** Services a pattern uses. */
  services: string[];
}

/** A note split into its parts. `problem` is set when the front matter could not be used; the body is still there. */
export interface ParsedNote {
  meta: NoteMeta;
  /** Front matter as plain data, unknown fields included. */
  data: Record<string, unknown>;
  /** The markdown after the front matter. */
  body: string;
  /** Whether the file had a front-matter block at all. */
  hasFrontMatter: boolean;
  problem?: string;
}

/** Short content hash of a note's bytes: what a writer must quote to update it. */
export function noteVersion(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** The type a note gets from where it lives when its front matter does not say. */
export function typeFromPath(path: string): NoteType {
  if (path === 'project.md') return 'project';
  if (path.startsWith('decisions/')) return 'decision';
  if (path.startsWith('patterns/')) return 'pattern';
  return 'note';
}

/** Text of the first level-one heading of a markdown body. */
export function firstHeading(body: string): string | undefined {
  const m = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return m?.[1]?.trim() || undefined;
}

/** A title made from a file name: `aws-serverless-api.md` -> `aws serverless api`. */
export function titleFromPath(path: string): string {
  const stem = path.split('/').pop()!.replace(/\.md$/, '');
  return stem.replace(/[-_]+/g, ' ').trim() || stem;
}

interface Split {
  hasFrontMatter: boolean;
  /** Raw YAML between the delimiters. */
  yaml: string;
  body: string;
}

// Security: gray-matter evaluates `---js` front matter with eval() by default. Here it only splits the note: every
// non-YAML language is refused, and the YAML itself is parsed by js-yaml's core schema or the yaml package, neither
// of which can construct code or custom types.
const refuse = () => {
  throw new Error('front matter must be YAML; JavaScript, JSON and other front-matter languages are not read');
};
const MATTER_OPTIONS = {
  engines: {
    // Parsed separately: by readFrontMatter for reading, as a Document (comments and order kept) for editing.
    yaml: { parse: () => ({}) },
    javascript: { parse: refuse },
    js: { parse: refuse },
    json: { parse: refuse },
    coffee: { parse: refuse },
  },
};

/** Splits front matter from the body with gray-matter (passing options also keeps its global cache out of the way). */
function split(content: string): Split {
  const file = matter(content, MATTER_OPTIONS);
  const language = (file.language || 'yaml').toLowerCase();
  if (language !== 'yaml' && language !== 'yml') throw new Error(`front matter must be YAML, not '${language}'`);
  const text = content.replace(/^\uFEFF/, '');
  const hasFrontMatter = text.startsWith('---') && file.content !== text;
  return { hasFrontMatter, yaml: hasFrontMatter ? file.matter : '', body: file.content };
}

/** Parses the YAML block into a Document, or reports why it is unusable. */
export function parseFrontMatter(yaml: string): { doc: Document; error?: undefined } | { doc?: undefined; error: string } {
  const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true, logLevel: 'silent' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // The block starts just after the opening `---`, so its line numbers are the note's.
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line} of the note)` : '';
    const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { error: `front matter is not valid YAML${where}: ${what}` };
  }
  if (doc.contents !== null && !isMap(doc.contents)) return { error: 'front matter must be a mapping of fields (key: value), not a list or a single value' };
  return { doc };
}

/** Describes front-matter schema problems in one line, naming each field. */
export function frontMatterIssues(data: Record<string, unknown>): string | undefined {
  const r = FrontMatterSchema.safeParse(data);
  return r.success ? undefined : describeIssues(r.error, data);
}

function describeIssues(error: z.ZodError, data: Record<string, unknown>): string {
  return describeZodIssues(error, data)
    .map((i) => `${i.field}: ${i.message}`)
    .join('; ');
}

/**
 * Front-matter YAML as plain data, for reading. js-yaml is about ten times faster than the Document parser (measured
 * on typical front matter), which matters when thousands of notes are scanned. A block with anchors or aliases
 * (`&`, `*`) goes through the Document parser instead, because it caps alias expansion and js-yaml does not: a few
 * nested aliases would otherwise expand exponentially when the data is serialised.
 */
export function readFrontMatter(yaml: string): { data: Record<string, unknown>; error?: undefined } | { data?: undefined; error: string } {
  if (/[&*]/.test(yaml)) {
    const fm = parseFrontMatter(yaml);
    return fm.error !== undefined ? { error: fm.error } : { data: docData(fm.doc) };
  }
  let value: unknown;
  try {
    value = loadYaml(yaml, { schema: CORE_SCHEMA });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    // The block starts on the note's first line, just after the opening `---`.
    const where = e.mark ? ` (line ${e.mark.line + 1} of the note)` : '';
    return { error: `front matter is not valid YAML${where}: ${e.reason}` };
  }
  if (value === null || value === undefined) return { data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'front matter must be a mapping of fields (key: value), not a list or a single value' };
  return { data: value as Record<string, unknown> };
}

/**
 * Parses a note. Never throws for bad content: a note whose front matter is unusable comes back with `problem`
 * set and fallback metadata, so one broken file does not take the store down.
 */
export function parseNote(path: string, content: string): ParsedNote {
  let parts: Split;
  try {
    parts = split(content);
  } catch (e) {
    return fallback(path, content, {}, false, (e as Error).message);
  }
  const { hasFrontMatter, yaml, body } = parts;
  if (!hasFrontMatter) return fallback(path, body, {}, false);
  const fm = readFrontMatter(yaml);
  if (fm.error !== undefined) return fallback(path, body, {}, true, fm.error);
  const data = fm.data;
  const r = FrontMatterSchema.safeParse(data);
  if (!r.success) return fallback(path, body, data, true, `front matter: ${describeIssues(r.error, data)}`);
  const f = r.data;
  return {
    meta: {
      type: f.type ?? typeFromPath(path),
      title: f.title ?? firstHeading(body) ?? titleFromPath(path),
      tags: f.tags ?? [],
      ...(f.created !== undefined ? { created: f.created } : {}),
      ...(f.updated !== undefined ? { updated: f.updated } : {}),
      ...(f.status !== undefined ? { status: f.status } : {}),
      ...(f.supersedes !== undefined ? { supersedes: f.supersedes } : {}),
      ...(f.superseded_by !== undefined ? { supersededBy: f.superseded_by } : {}),
      deciders: f.deciders ?? [],
      chosen: f.chosen ?? [],
      rejected: f.rejected ?? [],
      ...(f.layer !== undefined ? { layer: f.layer } : {}),
      services: f.services ?? [],
    },
    data,
    body,
    hasFrontMatter: true,
  };
}

function fallback(path: string, body: string, data: Record<string, unknown>, hasFrontMatter: boolean, problem?: string): ParsedNote {
  return {
    meta: { type: typeFromPath(path), title: firstHeading(body) ?? titleFromPath(path), tags: [], deciders: [], chosen: [], rejected: [], services: [] },
    data,
    body,
    hasFrontMatter,
    ...(problem !== undefined ? { problem } : {}),
  };
}

/** An editable note: its front matter as a YAML Document (comments, order and unknown fields kept) and its body. */
export interface EditableNote {
  doc: Document;
  body: string;
}

/**
 * Opens note text for editing. Throws `Error` with a readable message when the front matter is unusable, so that a
 * write can refuse it naming the field it came from.
 */
export function openNote(content: string): EditableNote & { hasFrontMatter: boolean } {
  const { hasFrontMatter, yaml, body } = split(content);
  if (!hasFrontMatter) return { doc: new Document({}), body, hasFrontMatter };
  const fm = parseFrontMatter(yaml);
  if (fm.error !== undefined) throw new Error(fm.error);
  if (fm.doc.contents === null) fm.doc.contents = fm.doc.createNode({}) as never;
  return { doc: fm.doc, body, hasFrontMatter };
}

/** Sets front-matter fields; `undefined` leaves a field alone, `null` removes it. Other fields are untouched. */
export function setFields(doc: Document, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) doc.delete(key);
    // Lists of short words read best inline, as people write them by hand: `tags: [serverless, api]`.
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length < 40)) {
      const node = doc.createNode(value);
      (node as { flow?: boolean }).flow = true;
      doc.set(key, node);
    } else doc.set(key, value);
  }
}

/** The data of a front-matter Document as a plain object. */
export function docData(doc: Document): Record<string, unknown> {
  return (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
}

/** Writes a note back as text: `---`, the YAML, `---`, a blank line unless the body starts with one, the body. */
export function serializeNote(note: EditableNote): string {
  const yaml = note.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = note.body === '' || note.body.startsWith('\n') ? note.body : `\n${note.body}`;
  return `---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${body}`;
}
