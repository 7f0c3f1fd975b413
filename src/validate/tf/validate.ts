import type { ValidationFinding } from '../../model/generated.js';
import { distance } from 'fastest-levenshtein';
import { didYouMean, suggest } from '../../shared/suggest.js';
import { buildReport, type ValidationReport } from '../report.js';
import { childBlock, scanHcl, type HclBlock, type PositionOf } from './locate.js';
import { referencesIn, type TfReference } from './refs.js';
import { loadTfSchema, type TfBlockDef, type TfSchema } from './schema.js';

/** A Terraform file to validate: its path (shown in findings) and text. */
export interface TfFile {
  path: string;
  content: string;
}

/** Arguments and blocks Terraform itself handles in every resource and data block. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const VARIABLE_KEYS = ['type', 'default', 'description', 'validation', 'sensitive', 'nullable', 'ephemeral'];
const OUTPUT_KEYS = ['value', 'description', 'sensitive', 'depends_on', 'precondition', 'ephemeral'];
/** Reference roots that are not declarations: counters, iterators, paths, and the block itself. */
const BUILTIN_ROOTS = new Set(['count', 'each', 'self', 'path', 'terraform']);

type Kind = 'resource' | 'data' | 'ephemeral';

interface Parsed {
  file: TfFile;
  json: Record<string, unknown>;
  blocks: HclBlock[];
  position: PositionOf;
}

/** Declarations across all files, for references and duplicates. */
interface Declarations {
  resources: Map<string, Set<string>>;
  data: Map<string, Set<string>>;
  ephemeral: Map<string, Set<string>>;
  variables: Set<string>;
  locals: Set<string>;
  modules: Set<string>;
}

/**
 * Validates Terraform files offline: HCL syntax with @cdktf/hcl2json, then resource/data/ephemeral types, argument
 * and block names at every depth, required arguments and blocks, and references, against the AWS provider schema
 * extracted at build time. Value types and provider-side rules are not checked (no `terraform validate` offline); the
 * report says so. Nothing here throws for bad input: a file that does not parse is a `syntax` finding.
 */
export async function validateTerraform(files: TfFile[]): Promise<ValidationReport> {
  const started = performance.now();
  const findings: ValidationFinding[] = [];
  const notChecked = new Set<string>();
  const { parse } = await import('@cdktf/hcl2json');
  const parsed: Parsed[] = [];
  for (const file of files) {
    if (file.path.endsWith('.tf.json')) {
      notChecked.add(`${file.path}: Terraform JSON syntax (.tf.json) files are not checked.`);
      continue;
    }
    try {
      const json = (await parse(file.path, file.content)) as Record<string, unknown>;
      const { blocks, position } = scanHcl(file.content);
      parsed.push({ file, json, blocks, position });
    } catch (e) {
      findings.push(syntaxFinding(file.path, e));
    }
  }
  const schema = await loadTfSchema();
  const decl = declarations(parsed, findings);
  for (const p of parsed) new FileChecker(p, schema, decl, findings, notChecked).run();

  const h = schema.header;
  const checked = [
    'HCL syntax (@cdktf/hcl2json: the HashiCorp HCL parser compiled to WebAssembly)',
    `Resource, data source and ephemeral resource types against the ${h.provider.replace('registry.terraform.io/', '')} ${h.providerVersion} provider schema (extracted ${h.extracted} from ${h.input})`,
    'Argument and nested block names at every depth (dynamic blocks included), required arguments and blocks, read-only attributes that are set',
    'References: resource and data source addresses and their attribute names, var.*, local.*, module.*; duplicate declarations; provider "aws" arguments',
  ];
  const not = [
    ...notChecked,
    'terraform validate and provider-side validation are not run offline: argument value types, allowed values, ConflictsWith/ExactlyOneOf rules and plan-time checks are not checked.',
    'Modules are not fetched: module inputs and the outputs they export are not checked.',
  ];
  return buildReport(findings, checked, not, started);
}

/** hcl2json reports `parse config: [main.tf:4,1-1: Missing expression; Expected the start of an expression...]`. */
function syntaxFinding(path: string, e: unknown): ValidationFinding {
  const text = e instanceof Error ? e.message : String(e);
  const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+)(?:; ([^\]]*))?/.exec(text);
  if (!m) return { severity: 'error', message: `not valid HCL: ${text}`, file: path, rule: 'syntax', source: 'hcl-parse' };
  const detail = m[4] ? `: ${m[4].trim()}` : '';
  return {
    severity: 'error',
    message: `not valid HCL: ${m[3]!.trim()}${detail}`,
    file: path,
    line: Number(m[1]),
    column: Number(m[2]),
    rule: 'syntax',
    source: 'hcl-parse',
  };
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function bodies(v: unknown): Array<Record<string, unknown>> {
  return Array.isArray(v) ? v.map(asRecord) : v && typeof v === 'object' ? [asRecord(v)] : [];
}

function declarations(parsed: Parsed[], findings: ValidationFinding[]): Declarations {
  const d: Declarations = { resources: new Map(), data: new Map(), ephemeral: new Map(), variables: new Set(), locals: new Set(), modules: new Set() };
  const seen = new Map<string, string>();
  const declare = (p: Parsed, address: string, block: HclBlock | undefined) => {
    const first = seen.get(address);
    if (first !== undefined) {
      findings.push({
        severity: 'error',
        message: `${address} is declared more than once (first in ${first})`,
        path: address,
        file: p.file.path,
        ...(block ? { line: block.line, column: block.column } : {}),
        rule: 'duplicate',
        source: 'tf-schema',
      });
    } else seen.set(address, p.file.path);
  };
  for (const p of parsed) {
    for (const [key, kind] of [['resource', 'resources'], ['data', 'data'], ['ephemeral', 'ephemeral']] as const) {
      for (const [type, names] of Object.entries(asRecord(p.json[key]))) {
        const set = d[kind].get(type) ?? new Set<string>();
        d[kind].set(type, set);
        for (const [name, list] of Object.entries(asRecord(names))) {
          set.add(name);
          const prefix = key === 'resource' ? '' : `${key}.`;
          bodies(list).forEach((_, i) => declare(p, `${prefix}${type}.${name}`, findBlock(p.blocks, key, [type, name], i)));
        }
      }
    }
    for (const [name, list] of Object.entries(asRecord(p.json.variable))) {
      d.variables.add(name);
      bodies(list).forEach((_, i) => declare(p, `var.${name}`, findBlock(p.blocks, 'variable', [name], i)));
    }
    for (const [name, list] of Object.entries(asRecord(p.json.module))) {
      d.modules.add(name);
      bodies(list).forEach((_, i) => declare(p, `module.${name}`, findBlock(p.blocks, 'module', [name], i)));
    }
    for (const [name, list] of Object.entries(asRecord(p.json.output))) bodies(list).forEach((_, i) => declare(p, `output.${name}`, findBlock(p.blocks, 'output', [name], i)));
    for (const locals of bodies(p.json.locals)) for (const name of Object.keys(locals)) d.locals.add(name);
  }
  return d;
}

function findBlock(blocks: HclBlock[], type: string, labels: string[], index: number): HclBlock | undefined {
  return blocks.filter((b) => b.type === type && labels.every((l, i) => b.labels[i] === l))[index];
}

class FileChecker {
  constructor(
    private readonly p: Parsed,
    private readonly schema: TfSchema,
    private readonly decl: Declarations,
    private readonly findings: ValidationFinding[],
    private readonly notChecked: Set<string>,
  ) {}

  private add(severity: ValidationFinding['severity'], message: string, address: string, at: { line: number; column: number } | undefined, rule: string): void {
    this.findings.push({ severity, message, path: address, file: this.p.file.path, ...(at ? { line: at.line, column: at.column } : {}), rule, source: 'tf-schema' });
  }

  run(): void {
    const j = this.p.json;
    this.typed('resource', 'resource', this.schema.resources);
    this.typed('data', 'data', this.schema.dataSources);
    this.typed('ephemeral', 'ephemeral', this.schema.ephemeralResources);
    for (const [name, list] of Object.entries(asRecord(j.provider))) {
      bodies(list).forEach((body, i) => {
        const block = findBlock(this.p.blocks, 'provider', [name], i);
        const address = `provider.${name}`;
        if (name === 'aws') {
          const { alias: _alias, version: _version, ...rest } = body;
          this.checkBody(rest, this.schema.defs[this.schema.provider]!, block, address, false);
        }
        this.refs(body, block, address);
      });
    }
    for (const [name, list] of Object.entries(asRecord(j.variable))) {
      bodies(list).forEach((body, i) => {
        const block = findBlock(this.p.blocks, 'variable', [name], i);
        for (const k of Object.keys(body)) {
          if (!VARIABLE_KEYS.includes(k)) this.add('error', `unknown argument '${k}' in variable "${name}"${didYouMean(k, VARIABLE_KEYS)}`, `var.${name}`, block?.attrs.get(k) ?? childBlock(block, k, 0) ?? block, 'unknown-argument');
        }
        this.refs(body.validation, block, `var.${name}`);
      });
    }
    for (const [name, list] of Object.entries(asRecord(j.output))) {
      bodies(list).forEach((body, i) => {
        const block = findBlock(this.p.blocks, 'output', [name], i);
        for (const k of Object.keys(body)) {
          if (!OUTPUT_KEYS.includes(k)) this.add('error', `unknown argument '${k}' in output "${name}"${didYouMean(k, OUTPUT_KEYS)}`, `output.${name}`, block?.attrs.get(k) ?? block, 'unknown-argument');
        }
        if (!('value' in body)) this.add('error', `output "${name}" has no value`, `output.${name}`, block, 'missing-argument');
        this.refs(body, block, `output.${name}`);
      });
    }
    for (const [name, list] of Object.entries(asRecord(j.module))) {
      bodies(list).forEach((body, i) => {
        const block = findBlock(this.p.blocks, 'module', [name], i);
        if (!('source' in body)) this.add('error', `module "${name}" has no source`, `module.${name}`, block, 'missing-argument');
        this.refs(body, block, `module.${name}`);
      });
    }
    const localBlocks = this.p.blocks.filter((b) => b.type === 'locals');
    bodies(j.locals).forEach((body, i) => this.refs(body, localBlocks[i], 'locals'));
  }

  private typed(key: Kind, label: string, table: Record<string, number>): void {
    for (const [type, names] of Object.entries(asRecord(this.p.json[key]))) {
      for (const [name, list] of Object.entries(asRecord(names))) {
        bodies(list).forEach((body, i) => {
          const block = findBlock(this.p.blocks, key, [type, name], i);
          const address = `${key === 'resource' ? '' : `${key}.`}${type}.${name}`;
          this.refs(body, block, address);
          const def = table[type];
          if (def === undefined) {
            if (type.startsWith('aws_')) {
              this.add('error', `unknown ${label === 'data' ? 'data source' : label === 'ephemeral' ? 'ephemeral resource' : 'resource'} type '${type}'${didYouMean(type, Object.keys(table))}`, address, block, 'unknown-type');
            } else {
              this.notChecked.add(`Resources of providers other than aws (${type.split('_')[0]}): only the AWS provider schema is bundled.`);
            }
            return;
          }
          this.checkBody(body, this.schema.defs[def]!, block, address, true);
        });
      }
    }
  }

  /** Names in a block against its def, then its nested blocks; `top` allows Terraform's meta-arguments. */
  private checkBody(body: Record<string, unknown>, def: TfBlockDef, block: HclBlock | undefined, address: string, top: boolean): void {
    const blocks = def.b ?? {};
    const known = [...Object.keys(def.a), ...Object.keys(blocks)];
    const computed = new Set(def.c ?? []);
    const dynamicNames = new Set(Object.keys(asRecord(body.dynamic)));
    for (const [k, v] of Object.entries(body)) {
      if (top && META_ARGUMENTS.has(k)) continue;
      if (k === 'dynamic') {
        for (const [name, list] of Object.entries(asRecord(v))) {
          bodies(list).forEach((dyn, i) => {
            const dynBlock = childBlock(block, 'dynamic', i, name);
            const nested = blocks[name];
            if (!nested) {
              this.add('error', `unknown block '${name}' in dynamic block of ${address}${didYouMean(name, Object.keys(blocks))}`, address, dynBlock ?? block, 'unknown-block');
              return;
            }
            bodies(dyn.content).forEach((content, ci) => this.checkBody(content, this.schema.defs[nested[0]]!, childBlock(dynBlock, 'content', ci), `${address}.${name}`, false));
          });
        }
        continue;
      }
      if (k in def.a) continue;
      const nested = blocks[k];
      if (nested) {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === 'object' && !Array.isArray(item)) this.checkBody(item as Record<string, unknown>, this.schema.defs[nested[0]]!, childBlock(block, k, i), `${address}.${k}`, false);
        });
        continue;
      }
      const at = block?.attrs.get(k) ?? childBlock(block, k, 0) ?? block;
      if (computed.has(k)) {
        this.add('error', `'${k}' of ${address} is read-only: the provider computes it and it cannot be set`, address, at, 'read-only');
        continue;
      }
      const kindWord = block?.attrs.has(k) ? 'argument' : childBlock(block, k, 0) ? 'block' : 'argument';
      this.add('error', `unknown ${kindWord} '${k}' in ${address}${didYouMean(k, known)}`, address, at, kindWord === 'block' ? 'unknown-block' : 'unknown-argument');
    }
    for (const [name, req] of Object.entries(def.a)) {
      if (req && !(name in body)) this.add('error', `missing required argument '${name}' in ${address}`, address, block, 'missing-argument');
    }
    for (const [name, [, req]] of Object.entries(blocks)) {
      if (req && !(name in body) && !dynamicNames.has(name)) this.add('error', `missing required block '${name}' in ${address}`, address, block, 'missing-block');
    }
  }

  /** Checks every reference in a value; `block` is where to look for its text. */
  private refs(value: unknown, block: HclBlock | undefined, address: string): void {
    for (const r of referencesIn(value)) this.checkRef(r, block, address);
  }

  private checkRef(r: TfReference, block: HclBlock | undefined, address: string): void {
    const [root, ...rest] = r.parts;
    if (!root || BUILTIN_ROOTS.has(root)) return;
    const at = () => this.locateText(r.text, block);
    const names = rest.filter((x) => x !== '[]');
    switch (root) {
      case 'var':
        if (names[0] && !this.decl.variables.has(names[0])) this.add('error', `reference to undeclared variable var.${names[0]}${didYouMean(names[0], this.decl.variables)}`, address, at(), 'undeclared-reference');
        return;
      case 'local':
        if (names[0] && !this.decl.locals.has(names[0])) this.add('error', `reference to undeclared local value local.${names[0]}${didYouMean(names[0], this.decl.locals)}`, address, at(), 'undeclared-reference');
        return;
      case 'module':
        if (names[0] && !this.decl.modules.has(names[0])) this.add('error', `reference to undeclared module module.${names[0]}${didYouMean(names[0], this.decl.modules)}`, address, at(), 'undeclared-reference');
        return;
      case 'data': {
        const [type, name] = rest;
        if (!type || !name || type === '[]' || name === '[]') return;
        this.checkAddress('data', type, name, rest.slice(2), r, at, address);
        return;
      }
      case 'ephemeral': {
        const [type, name] = rest;
        if (!type || !name || type === '[]' || name === '[]') return;
        this.checkAddress('ephemeral', type, name, rest.slice(2), r, at, address);
        return;
      }
      default: {
        // Anything else is a resource reference when its root names a resource type; iterators and for-expression
        // variables (`ingress.value`, `s.name`) are not.
        const name = rest[0];
        if (!name || name === '[]') return;
        if (!this.decl.resources.has(root) && !root.startsWith('aws_')) return;
        this.checkAddress('resource', root, name, rest.slice(1), r, at, address);
      }
    }
  }

  private checkAddress(kind: Kind, type: string, name: string, tail: string[], r: TfReference, at: () => { line: number; column: number } | undefined, address: string): void {
    const declared = this.decl[kind === 'resource' ? 'resources' : kind].get(type);
    const prefix = kind === 'resource' ? '' : `${kind}.`;
    if (!declared?.has(name)) {
      const all = [...(this.decl[kind === 'resource' ? 'resources' : kind].entries())].flatMap(([t, ns]) => [...ns].map((n) => `${prefix}${t}.${n}`));
      this.add('error', `reference to undeclared ${kind === 'resource' ? 'resource' : kind === 'data' ? 'data source' : 'ephemeral resource'} ${prefix}${type}.${name}${didYouMean(`${prefix}${type}.${name}`, all)}`, address, at(), 'undeclared-reference');
      return;
    }
    const attr = tail.find((x) => x !== '[]');
    if (!attr) return;
    const table = kind === 'resource' ? this.schema.resources : kind === 'data' ? this.schema.dataSources : this.schema.ephemeralResources;
    const defIndex = table[type];
    if (defIndex === undefined) return;
    const def = this.schema.defs[defIndex]!;
    const names = new Set(['id', ...Object.keys(def.a), ...Object.keys(def.b ?? {}), ...(def.c ?? [])]);
    if (!names.has(attr)) {
      // A near spelling comes first (acount_id -> account_id); otherwise `bucket_arn` is usually `arn`, a word of it.
      const near = suggest(attr, names).filter((n) => distance(n, attr) <= 2);
      const part = [...names].filter((n) => n !== 'id' && (attr.endsWith(`_${n}`) || attr.startsWith(`${n}_`)));
      const hints = [...new Set([...near, ...part, ...suggest(attr, names)])].slice(0, 3);
      const hint = hints.length ? ` (did you mean ${hints.map((n) => `'${n}'`).join(' or ')}?)` : '';
      this.add('error', `${prefix}${type} has no attribute '${attr}' (in ${r.text})${hint}`, address, at(), 'unknown-attribute');
    }
  }

  /** Line of the first occurrence of a reference's text inside a block (nested blocks included). */
  private locateText(text: string, block: HclBlock | undefined): { line: number; column: number } | undefined {
    if (!block) return undefined;
    const src = this.p.file.content;
    const search = (b: HclBlock): number | undefined => {
      for (const a of b.attrs.values()) {
        const k = src.slice(a.exprStart, a.exprEnd).indexOf(text);
        if (k >= 0) return a.exprStart + k;
      }
      for (const c of b.blocks) {
        const hit = search(c);
        if (hit !== undefined) return hit;
      }
      return undefined;
    };
    const offset = search(block);
    return offset === undefined ? { line: block.line, column: block.column } : this.p.position(offset);
  }
}
