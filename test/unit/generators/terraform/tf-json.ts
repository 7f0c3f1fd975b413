import { parse } from '@cdktf/hcl2json';
import { ENV_MAX } from '../../../../src/generators/terraform/context.js';
import type { GeneratedFile } from '../../../../src/model/index.js';

type Json = Record<string, unknown>;

/** Generated Terraform parsed by the real HCL parser, merged across files and indexed by address. */
export interface ParsedTf {
  /** `aws_s3_bucket.web` -> body of the block */
  resources: Map<string, Json>;
  /** `aws_iam_policy_document.fn_grants` (without the `data.` prefix) -> body */
  data: Map<string, Json>;
  variables: Map<string, Json>;
  outputs: Map<string, Json>;
  providers: Json[];
  /** file of each resource / data address (`data.` prefixed for data sources) */
  fileOf: Map<string, string>;
  /** addresses declared twice */
  duplicates: string[];
}

/** Parses every .tf file with @cdktf/hcl2json (throws on a syntax error) and indexes the blocks. */
export async function parseTf(files: readonly Pick<GeneratedFile, 'path' | 'content'>[]): Promise<ParsedTf> {
  const out: ParsedTf = { resources: new Map(), data: new Map(), variables: new Map(), outputs: new Map(), providers: [], fileOf: new Map(), duplicates: [] };
  for (const f of files) {
    if (!f.path.endsWith('.tf')) continue;
    const doc = (await parse(f.path, f.content)) as Json;
    for (const [kind, target, prefix] of [['resource', out.resources, ''], ['data', out.data, 'data.']] as const) {
      for (const [type, byName] of Object.entries((doc[kind] ?? {}) as Record<string, Record<string, Json[]>>)) {
        for (const [name, bodies] of Object.entries(byName)) {
          const addr = `${type}.${name}`;
          if (out.fileOf.has(prefix + addr)) out.duplicates.push(prefix + addr);
          target.set(addr, bodies[0]!);
          out.fileOf.set(prefix + addr, f.path);
        }
      }
    }
    for (const [name, bodies] of Object.entries((doc.variable ?? {}) as Record<string, Json[]>)) out.variables.set(name, bodies[0]!);
    for (const [name, bodies] of Object.entries((doc.output ?? {}) as Record<string, Json[]>)) out.outputs.set(name, bodies[0]!);
    for (const bodies of Object.values((doc.provider ?? {}) as Record<string, Json[]>)) out.providers.push(...bodies);
  }
  return out;
}

/** Nested block list (hcl2json gives every block as an array of bodies). */
export function blocks(body: Json | undefined, name: string): Json[] {
  const v = body?.[name];
  return Array.isArray(v) ? (v as Json[]) : [];
}

/** Resources of one type: name -> body. */
export function ofType(tf: ParsedTf, type: string): Array<[string, Json]> {
  return [...tf.resources].filter(([addr]) => addr.startsWith(`${type}.`)).map(([addr, body]) => [addr.slice(type.length + 1), body]);
}

export interface Statement {
  sid?: string;
  effect?: string;
  actions: string[];
  resources: string[];
}

/** Statements of an aws_iam_policy_document data source. */
export function statements(tf: ParsedTf, doc: string): Statement[] {
  return blocks(tf.data.get(`aws_iam_policy_document.${doc}`), 'statement').map((s) => ({
    sid: s.sid as string | undefined,
    effect: s.effect as string | undefined,
    actions: (s.actions as string[] | undefined) ?? [],
    resources: (s.resources as string[] | undefined) ?? [],
  }));
}

const REF = /(?<![\w.])((?:data\.)?aws_[a-z0-9_]+\.[a-z0-9_-]+)/g;

function collect(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') for (const m of v.matchAll(REF)) out.add(m[1]!);
  else if (Array.isArray(v)) for (const x of v) collect(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x, out);
}

/** Addresses a block refers to (expressions and depends_on). */
export function referencesOf(body: unknown): Set<string> {
  const out = new Set<string>();
  collect(body, out);
  return out;
}

/** Dependency cycles between resources and data sources, as address paths; Terraform refuses to plan any. */
export function dependencyCycles(tf: ParsedTf): string[][] {
  const deps = new Map<string, Set<string>>();
  for (const [addr, body] of tf.resources) deps.set(addr, referencesOf(body));
  for (const [addr, body] of tf.data) deps.set(`data.${addr}`, referencesOf(body));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (a: string) => {
    state.set(a, 1);
    stack.push(a);
    for (const b of deps.get(a) ?? []) {
      if (b === a || !deps.has(b)) continue;
      if (state.get(b) === 1) cycles.push([...stack.slice(stack.indexOf(b)), b]);
      else if (!state.has(b)) visit(b);
    }
    stack.pop();
    state.set(a, 2);
  };
  for (const a of deps.keys()) if (!state.has(a)) visit(a);
  return cycles;
}

/** The longest value a name template can take: `${var.environment}` at its length limit, account ids 12 digits. */
export function longestName(template: string): number {
  return template
    .replace(/\$\{replace\(var\.environment, "-", "_"\)\}/g, 'x'.repeat(ENV_MAX))
    .replace(/\$\{var\.environment\}/g, 'x'.repeat(ENV_MAX))
    .replace(/\$\{data\.aws_caller_identity\.current\.account_id\}/g, '1'.repeat(12)).length;
}
