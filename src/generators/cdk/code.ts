import type { Val } from '../shared/values.js';

/**
 * TypeScript source building blocks for the CDK app: raw expressions that also know how cdk-nag will print them,
 * template literals built from them, and a printer for object literals.
 */

/**
 * A TypeScript expression, plus its cdk-nag flattened form (`<Logical.Attr>`, `<AWS::Region>`, literal text), so
 * acknowledgements can name findings exactly as cdk-nag reports them for the synthesized template.
 */
export class Code implements Val {
  declare readonly __targetValue: true;
  private source: string | (() => string);

  constructor(
    source: string | (() => string),
    readonly nag: string,
    /** Construct variables the expression reads; the stack writer declares them first. */
    readonly deps: readonly string[] = [],
  ) {
    this.source = source;
  }

  /**
   * The TypeScript text. Rendered on demand: whether a construct is an L2 (`bucket.bucketArn`) or an L1
   * (`bucket.attrArn`) is only known once every component has declared its constructs.
   */
  get code(): string {
    // Rendered once: by the time anything prints, every construct is declared.
    if (typeof this.source !== 'string') this.source = this.source();
    return this.source;
  }

  toString(): string {
    return this.code;
  }
}

export const code = (c: string | (() => string), nag = typeof c === 'string' ? c : '', deps: readonly string[] = []): Code => new Code(c, nag, deps);

/** Values the printer understands: JSON values, expressions, and `undefined` for properties left out. */
export type TsValue = string | number | boolean | null | undefined | Code | TsValue[] | { [key: string]: TsValue };

export const AWS = {
  partition: code('cdk.Aws.PARTITION', '<AWS::Partition>'),
  region: code('cdk.Aws.REGION', '<AWS::Region>'),
  account: code('cdk.Aws.ACCOUNT_ID', '<AWS::AccountId>'),
  urlSuffix: code('cdk.Aws.URL_SUFFIX', '<AWS::URLSuffix>'),
  stackName: code('cdk.Aws.STACK_NAME', '<AWS::StackName>'),
};

/** The stage name, a plain string variable of the stack constructor. */
export const STAGE = code('stage', '<stage>');

/**
 * A template literal: `tpl\`arn:${AWS.partition}:s3:::${name}/*\`` -> `` `arn:${cdk.Aws.PARTITION}:s3:::${name}/*` ``.
 * Plain strings interpolated are inlined; a literal without expressions collapses to a quoted string.
 */
export function tpl(strings: TemplateStringsArray, ...values: Array<Code | string>): Code {
  let nag = '';
  let dynamic = false;
  const deps: string[] = [];
  strings.forEach((s, i) => {
    nag += s;
    const v = values[i];
    if (v === undefined) return;
    if (typeof v === 'string') nag += v;
    else {
      nag += v.nag;
      deps.push(...v.deps);
      dynamic = true;
    }
  });
  if (!dynamic) return new Code(quote(nag), nag);
  const render = () => {
    let src = '';
    strings.forEach((s, i) => {
      src += escapeTemplate(s);
      const v = values[i];
      if (v === undefined) return;
      src += typeof v === 'string' ? escapeTemplate(v) : `\${${v.code}}`;
    });
    return `\`${src}\``;
  };
  return new Code(render, nag, deps);
}

function escapeTemplate(s: string): string {
  // A raw carriage return in a template literal would read back as a line feed.
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}

/** A single-quoted string literal; multi-line text becomes a template literal. */
export function quote(s: string): string {
  if (s.includes('\n')) return `\`${escapeTemplate(s)}\``;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function keyOf(k: string): string {
  // `__proto__: x` (quoted or not) would set the prototype instead of a property.
  if (k === '__proto__') return "['__proto__']";
  return IDENT.test(k) ? k : quote(k);
}

/** Prints a value as TypeScript, on one line when it fits in `width`, else broken over lines. */
export function print(v: TsValue, indent = 0, width = 110): string {
  const flat = tryFlat(v, width - indent);
  if (flat !== undefined) return flat;
  const pad = '  '.repeat(indent / 2 + 1);
  const end = '  '.repeat(indent / 2);
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== undefined);
    return `[\n${items.map((x) => `${pad}${print(x, indent + 2, width)},`).join('\n')}\n${end}]`;
  }
  if (v && typeof v === 'object' && !(v instanceof Code)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${pad}${keyOf(k)}: ${print(x, indent + 2, width)},`).join('\n')}\n${end}}`;
  }
  // A scalar or expression longer than the line: it stays on one line.
  return printFlat(v);
}

/** The one-line form if it fits in `budget` characters (and has no line break), else undefined; stops early. */
function tryFlat(v: TsValue, budget: number): string | undefined {
  if (v instanceof Code || v === null || typeof v !== 'object') {
    const s = printFlat(v);
    return s.length <= budget && !s.includes('\n') ? s : undefined;
  }
  const parts: string[] = [];
  let used = 4;
  const items: Array<[string | undefined, TsValue]> = Array.isArray(v) ? v.filter((x) => x !== undefined).map((x) => [undefined, x]) : Object.entries(v).filter(([, x]) => x !== undefined);
  for (const [k, x] of items) {
    const head = k === undefined ? '' : `${keyOf(k)}: `;
    const s = tryFlat(x, budget - used - head.length);
    if (s === undefined) return undefined;
    parts.push(head + s);
    used += head.length + s.length + 2;
    if (used > budget) return undefined;
  }
  if (Array.isArray(v)) return `[${parts.join(', ')}]`;
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

function printFlat(v: TsValue): string {
  if (v instanceof Code) return v.code;
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.filter((x) => x !== undefined).map(printFlat).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return entries.length ? `{ ${entries.map(([k, x]) => `${keyOf(k)}: ${printFlat(x)}`).join(', ')} }` : '{}';
  }
  return 'undefined';
}

/** `OrdersQueue` -> `ordersQueue`, a variable name for a construct. */
export function varName(logicalId: string): string {
  return logicalId[0]!.toLowerCase() + logicalId.slice(1);
}

/** Every construct variable a value reads. */
export function depsOf(v: TsValue, out: Set<string> = new Set()): Set<string> {
  if (v instanceof Code) for (const d of v.deps) out.add(d);
  else if (Array.isArray(v)) for (const x of v) depsOf(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) depsOf(x, out);
  return out;
}
