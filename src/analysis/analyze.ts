import { isRegionCode, REGION_CODES, Requirements } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import { describeZodIssues } from '../shared/zod.js';
import { findConflicts } from './conflicts.js';
import { derive, safeName } from './derive.js';
import { getPath, setPath } from './draft.js';
import type { Draft } from './draft.js';
import { extract } from './extract.js';
import { rankQuestions } from './questions.js';
import type { AskField } from './questions.js';

export interface AnalyzeInput {
  /** The brief in the user's words. */
  description: string;
  /** Structured values (a partial Requirements) that override what the text says. */
  fields?: Record<string, unknown> | undefined;
}

export interface AnalyzeResult {
  requirements: Requirements;
  /** How to ask each open question through elicitation, by question id. */
  ask: Map<string, AskField[]>;
}

const WHAT_TO_DESCRIBE =
  'Describe the system: what it does, who uses it and how many (daily users or requests per second), where it runs (a Region or "data must stay in the EU"), and any compliance needs. For example: "A real-time chat backend for 50,000 daily users in us-east-1, users sign in with Google".';

/** Top-level Requirements fields a caller may set; anything else is refused with a suggestion. */
const FIELD_KEYS = ['name', 'summary', 'workload', 'traffic', 'data', 'latency', 'availability', 'compliance', 'regions', 'budget', 'identity', 'preferences', 'existing'] as const;

/**
 * Turns a brief plus optional structured fields into checkable {@link Requirements}: stated values, derived values
 * with their assumptions, conflicts with their options, and the open questions that would change the design, most
 * important first. Structured fields override the text. Pure and deterministic.
 */
export function analyzeRequirements(input: AnalyzeInput): AnalyzeResult {
  const description = (input.description ?? '').trim();
  const fields = input.fields ?? {};
  const hasFields = Object.keys(fields).length > 0;
  if (!description && !hasFields) throw new UserError('description', 'the description is empty', WHAT_TO_DESCRIBE);

  const { draft, facts } = extract(description);
  if (description && facts.signals === 0 && !hasFields) {
    const shown = description.length > 60 ? `${description.slice(0, 57)}...` : description;
    throw new UserError('description', `the description does not say what system to design ('${shown}')`, WHAT_TO_DESCRIBE);
  }

  applyFields(draft, fields);
  if (!description && draft.workload.patterns.length === 0 && !hasPattern(fields)) {
    throw new UserError('description', 'no description and no workload patterns were given', WHAT_TO_DESCRIBE);
  }
  derive(draft, facts, description || draft.summary || draft.name || '');
  if (draft.name && draft.sources.name === 'field') draft.name = draft.name.trim();

  const conflicts = findConflicts(draft);
  const { questions, ask } = rankQuestions(draft, facts);
  const candidate = {
    name: draft.name ?? safeName('backend'),
    summary: draft.summary ?? '',
    workload: draft.workload,
    traffic: draft.traffic,
    data: draft.data,
    latency: draft.latency,
    availability: draft.availability,
    compliance: draft.compliance,
    regions: draft.regions,
    budget: draft.budget,
    identity: draft.identity,
    preferences: draft.preferences,
    existing: draft.existing,
    assumptions: draft.assumptions,
    openQuestions: questions,
    conflicts,
    sources: draft.sources,
  };
  const parsed = Requirements.safeParse(candidate);
  if (!parsed.success) {
    const first = describeZodIssues(parsed.error, candidate)[0]!;
    throw new UserError(`fields.${first.field}`, first.message, 'Correct the structured field; the text was read without problems.');
  }
  return { requirements: parsed.data, ask };
}

function hasPattern(fields: Record<string, unknown>): boolean {
  const p = getPath(fields, 'workload.patterns');
  return Array.isArray(p) && p.length > 0;
}

/**
 * Writes structured fields over the draft, leaf by leaf (objects merge, arrays and scalars replace), and records
 * each as `field`. Unknown top-level keys and Regions are refused here with suggestions; everything else is checked
 * by the Requirements schema afterwards.
 */
export function applyFields(draft: Draft, fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) {
    if (!(FIELD_KEYS as readonly string[]).includes(key)) {
      throw new UserError(`fields.${key}`, `unknown requirements field '${key}'${didYouMean(key, FIELD_KEYS)}`, `Fields are: ${FIELD_KEYS.join(', ')}.`);
    }
  }
  const visit = (value: unknown, path: string) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, path ? `${path}.${k}` : k);
      return;
    }
    checkRegion(path, value);
    setPath(draft as unknown as Record<string, unknown>, path, value);
    draft.sources[path] = 'field';
  };
  visit(fields, '');
}

function checkRegion(path: string, value: unknown): void {
  const codes = path === 'regions.allowed' && Array.isArray(value) ? value : path === 'regions.primary' || path === 'regions.secondary' ? [value] : [];
  codes.forEach((code, i) => {
    if (typeof code !== 'string' || !isRegionCode(code)) {
      const field = path === 'regions.allowed' ? `fields.${path}[${i}]` : `fields.${path}`;
      throw new UserError(field, `unknown region '${String(code)}'${didYouMean(String(code), REGION_CODES)}`, 'Use one of the 34 commercial Region codes, e.g. us-east-1 or eu-central-1.');
    }
  });
}

/**
 * Folds elicitation answers into structured fields: each answer lands on the requirement path its question
 * declared. Empty answers are skipped; "none" for a list clears it.
 */
export function answersToFields(answers: Record<string, unknown>, spec: AskField[], base: Record<string, unknown> = {}): Record<string, unknown> {
  const out = structuredClone(base);
  for (const f of spec) {
    const v = answers[f.key];
    if (v === undefined || v === null || v === '') continue;
    let value: unknown = f.type === 'number' || f.type === 'integer' ? Number(v) : v;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    if (f.as === 'list') value = value === 'none' ? [] : [value];
    setPath(out, f.field, value);
  }
  return out;
}
