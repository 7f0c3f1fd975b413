import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isRegionCode, REGION_CODES } from '../model/region-data.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import type { Brief, IacFormat } from './plan.js';

/**
 * The short names a brief may use for the facts people state most often. They land on Requirements paths, and
 * override what the text says; anything else goes under `fields` as a partial Requirements.
 */
const FLAT: Record<string, string> = {
  region: 'regions.primary',
  secondaryRegion: 'regions.secondary',
  residency: 'regions.residency',
  compliance: 'compliance',
  patterns: 'workload.patterns',
  users: 'traffic.users',
  dailyActiveUsers: 'traffic.dailyActiveUsers',
  peakRps: 'traffic.peakRps',
  availabilityPercent: 'availability.targetPercent',
  rpoMinutes: 'availability.rpoMinutes',
  rtoMinutes: 'availability.rtoMinutes',
  monthlyBudgetUsd: 'budget.monthlyUsd',
  compute: 'preferences.compute',
  languages: 'preferences.languages',
  preferredServices: 'preferences.preferredServices',
  avoidServices: 'preferences.avoidServices',
};

/** Keys that steer the plan itself rather than the requirements. */
const PLAN_KEYS = ['name', 'format', 'frameworks', 'recordDecisions', 'description', 'fields'] as const;

export interface ParsedBrief {
  brief: Brief;
  name?: string;
  format?: IacFormat;
  frameworks?: string[];
  recordDecisions?: boolean;
}

/** Turns flat brief keys and `fields` into the structured fields analyze_requirements takes. */
export function briefFields(flat: Record<string, unknown>, where: string): Record<string, unknown> {
  const known = [...Object.keys(FLAT), ...PLAN_KEYS];
  const out: Record<string, unknown> = structuredClone((flat.fields as Record<string, unknown> | undefined) ?? {});
  for (const [key, value] of Object.entries(flat)) {
    if ((PLAN_KEYS as readonly string[]).includes(key)) continue;
    const path = FLAT[key];
    if (!path) throw new UserError(`${where}.${key}`, `unknown brief field '${key}'${didYouMean(key, known)}`, `Brief fields are: ${known.join(', ')}.`);
    if (key === 'region' || key === 'secondaryRegion') {
      if (typeof value !== 'string' || !isRegionCode(value)) {
        throw new UserError(`${where}.${key}`, `unknown region '${String(value)}'${didYouMean(String(value), REGION_CODES)}`, 'Use a Region code such as us-east-1.');
      }
    }
    const list = key === 'compliance' || key === 'patterns' || key === 'languages' || key === 'preferredServices' || key === 'avoidServices';
    const v = list && typeof value === 'string' ? [value] : value;
    const parts = path.split('.');
    let cur = out;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1]!] = v;
  }
  return out;
}

function options(meta: Record<string, unknown>, where: string): Omit<ParsedBrief, 'brief'> {
  const out: Omit<ParsedBrief, 'brief'> = {};
  if (meta.name !== undefined) out.name = String(meta.name);
  if (meta.format !== undefined) {
    if (!['cloudformation', 'terraform', 'cdk'].includes(String(meta.format))) throw new UserError(`${where}.format`, `'${String(meta.format)}' is not cloudformation, terraform or cdk`);
    out.format = meta.format as IacFormat;
  }
  if (meta.frameworks !== undefined) out.frameworks = Array.isArray(meta.frameworks) ? meta.frameworks.map(String) : [String(meta.frameworks)];
  if (meta.recordDecisions !== undefined) out.recordDecisions = Boolean(meta.recordDecisions);
  return out;
}

/**
 * Reads a brief from a markdown file (front matter for fields, body for the description), a YAML file
 * (`description` plus fields), or plain text.
 */
export function readBrief(arg: string): ParsedBrief {
  const isFile = existsSync(arg) && /\.(md|markdown|txt|ya?ml)$/i.test(arg);
  if (!isFile) {
    if (/\.(md|markdown|txt|ya?ml)$/i.test(arg)) throw new UserError('brief', `no such file: ${arg}`, 'Give a path to a brief file, or the brief itself in quotes.');
    return { brief: { description: arg } };
  }
  const text = readFileSync(arg, 'utf8');
  const ext = extname(arg).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      throw new UserError(arg, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UserError(arg, 'a YAML brief must be a mapping with at least `description`');
    const meta = doc as Record<string, unknown>;
    if (typeof meta.description !== 'string' || !meta.description.trim()) throw new UserError(`${arg}.description`, 'the brief has no description', 'Describe the backend in `description`.');
    return { brief: { description: meta.description, fields: briefFields(meta, arg) }, ...options(meta, arg) };
  }
  const matter = createRequire(import.meta.url)('gray-matter') as (s: string) => { data: Record<string, unknown>; content: string };
  let parsed;
  try {
    parsed = matter(text);
  } catch (e) {
    throw new UserError(arg, `the front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return { brief: { description: parsed.content.trim(), fields: briefFields(parsed.data, arg) }, ...options(parsed.data, arg) };
}
