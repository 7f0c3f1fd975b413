/**
 * A small HCL document model and printer. Emitters build values and blocks; the printer lays them out the way
 * `terraform fmt` does (two-space indent, `=` aligned across consecutive single-line attributes, a multi-line value
 * or a nested block breaking the alignment run), so generated files pass `terraform fmt -check` unchanged.
 */

/** An expression printed verbatim: a reference, a function call, a conditional. */
export class Raw {
  constructor(readonly text: string) {}
}

/** A nested block inside a body: `name "label" { ... }`. */
export class Block {
  constructor(
    readonly type: string,
    readonly labels: readonly string[],
    readonly body: Body,
  ) {}
}

/** A comment line inside a body (`# text`). */
export class Comment {
  constructor(readonly text: string) {}
}

/** A function call wrapping one value: `jsonencode({ ... })`. */
export class Call {
  constructor(
    readonly fn: string,
    readonly arg: Value,
  ) {}
}

/** An HCL object expression whose keys are printed as given (identifier or quoted). */
export class Obj {
  constructor(readonly entries: ReadonlyArray<readonly [string, Value]>) {}
}

/** A multi-line string printed as an indented heredoc (`<<-EOT`). Template sequences in it are escaped. */
export class Heredoc {
  constructor(
    readonly marker: string,
    readonly text: string,
  ) {}
}

export type Value = string | number | boolean | null | Raw | Call | Obj | Heredoc | readonly Value[];

/**
 * A body: attribute name -> value, nested block(s) or comment. Insertion order is kept; `undefined` entries are
 * dropped so emitters can write optional settings inline. Keys starting with `#` hold comments.
 */
export type Body = Record<string, Value | Block | readonly Block[] | Comment | undefined>;

/** A top-level block of a file. */
export interface TopBlock {
  block: Block;
  /** Comment lines printed above the block. */
  comments?: readonly string[];
}

/** Verbatim expression. */
export const raw = (text: string): Raw => new Raw(text);

/** Nested block with no labels. */
export const blk = (type: string, body: Body): Block => new Block(type, [], body);

/** Comment entry for a body. */
export const comment = (text: string): Comment => new Comment(text);

/** `jsonencode(value)`. */
export const jsonencode = (value: Value): Call => new Call('jsonencode', value);

/** Object expression from a plain record (undefined entries dropped). */
export function obj(record: Record<string, Value | undefined>): Obj {
  return new Obj(Object.entries(record).filter((e): e is [string, Value] => e[1] !== undefined));
}

/** Object expression from ordered entries, for keys that are computed or look like numbers. */
export const entries = (list: ReadonlyArray<readonly [string, Value]>): Obj => new Obj(list);

/** Escapes literal text for an HCL quoted string, including template introducers. */
const NEEDS_ESCAPE = /[\\"\n\r\t]|[$%]\{/;

export function escapeString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
}

/**
 * A quoted template mixing literal text and expressions: ``tpl`${raw('var.a')}-orders` `` prints
 * `"${var.a}-orders"`. Plain strings are escaped; Raw parts are interpolated.
 */
export function tpl(strings: TemplateStringsArray, ...parts: Array<Raw | string | number>): Raw {
  let out = '"';
  strings.forEach((s, i) => {
    out += escapeString(s);
    if (i < parts.length) out += templatePart(parts[i]!);
  });
  return new Raw(`${out}"`);
}

/** Joins literal text and expressions into one quoted template (like {@link tpl}, for computed pieces). */
export function concat(parts: ReadonlyArray<Raw | string>): Raw {
  return new Raw(`"${parts.map(templatePart).join('')}"`);
}

function templatePart(p: Raw | string | number): string {
  if (!(p instanceof Raw)) return escapeString(String(p));
  return isQuoted(p.text) ? p.text.slice(1, -1) : `\${${p.text}}`;
}

function isQuoted(text: string): boolean {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return false;
  // One quoted template from end to end: the opening quote closes only at the last character. Interpolations
  // may hold strings of their own (`${replace(var.x, "-", "_")}`), so quotes inside `${...}` do not count.
  let depth = 0;
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (depth === 0) {
      if (ch === '"') return false;
      if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
        if (text[i - 1] === ch) continue;
        depth = 1;
        i++;
      }
    } else if (ch === '"') {
      // skip a string inside the interpolation
      for (i++; i < text.length - 1 && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}') depth--;
  }
  return depth === 0;
}

/** Object keys print bare only when unambiguous to a human reader too (a dash reads like subtraction). */
const OBJECT_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSON value (parsed event pattern, user data) as an HCL value. */
export function fromJson(v: unknown): Value {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object') return new Obj(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJson(x)] as const));
  throw new Error(`not JSON: ${String(v)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------------------------

const INLINE_LIST_MAX = 100;

const INDENTS: string[] = [];
function indentOf(n: number): string {
  return (INDENTS[n] ??= '  '.repeat(n));
}

/**
 * Printed lines. Consecutive single-line assignments are held back as a run and written with their `=` aligned
 * when any other line ends the run, as hclwrite's formatter does.
 */
class Out {
  readonly lines: string[] = [];
  private run: Array<{ lead: string; assign: string }> = [];
  private width = 0;

  line(indent: number, text: string): void {
    this.flush();
    this.lines.push(text ? indentOf(indent) + text : '');
  }

  /** `key = value` on one line; `assign` is the `= value` part. */
  assign(indent: number, key: string, assign: string): void {
    const lead = indentOf(indent) + key;
    if (lead.length > this.width) this.width = lead.length;
    this.run.push({ lead, assign });
  }

  flush(): void {
    for (const { lead, assign } of this.run) this.lines.push(`${lead}${' '.repeat(this.width - lead.length + 1)}${assign}`);
    this.run = [];
    this.width = 0;
  }

  text(): string {
    this.flush();
    return this.lines.join('\n');
  }
}

function isScalar(v: Value): boolean {
  return v === null || typeof v !== 'object' || v instanceof Raw;
}

function scalar(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `"${escapeString(v)}"`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot print non-finite number ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Raw) return v.text;
  throw new Error('not a scalar');
}

/** The value on one line, when it fits there: scalars, short lists of scalars, empty collections, calls of those. */
function inline(v: Value): string | undefined {
  if (isScalar(v)) return scalar(v);
  if (v instanceof Call) {
    const arg = inline(v.arg);
    return arg === undefined ? undefined : `${v.fn}(${arg})`;
  }
  if (Array.isArray(v)) {
    const list = v as readonly Value[];
    if (list.length === 0) return '[]';
    if (!list.every(isScalar)) return undefined;
    const text = `[${list.map(scalar).join(', ')}]`;
    return text.length <= INLINE_LIST_MAX ? text : undefined;
  }
  if (v instanceof Obj) return v.entries.length === 0 ? '{}' : undefined;
  return undefined;
}

/**
 * Writes a value that spans lines: `prefix` goes before its opening bracket on the first line, `suffix` after its
 * closing bracket (a `)` of a call, a `,` of a list item).
 */
function multiline(prefix: string, v: Value, indent: number, suffix: string, out: Out): void {
  if (v instanceof Call) {
    multiline(`${prefix}${v.fn}(`, v.arg, indent, `)${suffix}`, out);
    return;
  }
  if (Array.isArray(v)) {
    out.line(indent, `${prefix}[`);
    for (const item of v as readonly Value[]) {
      const one = inline(item);
      if (one !== undefined) out.line(indent + 1, `${one},`);
      else multiline('', item, indent + 1, ',', out);
    }
    out.line(indent, `]${suffix}`);
    return;
  }
  if (v instanceof Obj) {
    out.line(indent, `${prefix}{`);
    for (const [k, val] of v.entries) attr(OBJECT_KEY.test(k) ? k : `"${escapeString(k)}"`, val, indent + 1, out);
    out.line(indent, `}${suffix}`);
    return;
  }
  throw new Error(`unprintable value ${String(v)}`);
}

function attr(key: string, v: Value, indent: number, out: Out): void {
  if (v instanceof Heredoc) {
    // hclwrite treats a heredoc as part of the line that opens it: aligned like a one-line assignment, body untouched.
    const pad = indentOf(indent + 1);
    const body = v.text
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => (l ? pad + l.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{') : ''));
    out.assign(indent, key, [`= <<-${v.marker}`, ...body, pad + v.marker].join('\n'));
    return;
  }
  const one = inline(v);
  // terraform fmt aligns `=` only on assignments whose value closes on the same line.
  if (one !== undefined) out.assign(indent, key, `= ${one}`);
  else multiline(`${key} = `, v, indent, '', out);
}

function isEmpty(b: Body): boolean {
  for (const key in b) if (b[key] !== undefined) return false;
  return true;
}

function block(b: Block, indent: number, out: Out): void {
  const head = b.labels.length ? `${b.type} ${b.labels.map((l) => `"${escapeString(l)}"`).join(' ')}` : b.type;
  if (isEmpty(b.body)) {
    out.line(indent, `${head} {}`);
    return;
  }
  out.line(indent, `${head} {`);
  body(b.body, indent + 1, out);
  out.line(indent, '}');
}

function body(b: Body, indent: number, out: Out): void {
  let prev: 'attr' | 'block' | 'comment' | undefined;
  for (const key in b) {
    const v = b[key];
    if (v === undefined) continue;
    if (v instanceof Comment) {
      if (prev === 'block') out.line(0, '');
      for (const line of v.text.split('\n')) out.line(indent, line ? `# ${line}` : '#');
      prev = 'comment';
      continue;
    }
    if (v instanceof Block || (Array.isArray(v) && v.length > 0 && v[0] instanceof Block)) {
      for (const one of v instanceof Block ? [v] : (v as readonly Block[])) {
        if (prev === 'attr' || prev === 'block') out.line(0, '');
        block(one.type === key ? one : new Block(key, one.labels, one.body), indent, out);
        prev = 'block';
      }
      continue;
    }
    if (prev === 'block') out.line(0, '');
    attr(key, v as Value, indent, out);
    prev = 'attr';
  }
}

/** Prints top-level blocks separated by blank lines, with a trailing newline. */
export function printFile(blocks: readonly TopBlock[], header?: readonly string[]): string {
  const out = new Out();
  if (header?.length) for (const h of header) out.line(0, h ? `# ${h}` : '#');
  blocks.forEach(({ block: b, comments }, i) => {
    if (i > 0 || header?.length) out.line(0, '');
    for (const c of comments ?? []) for (const l of c.split('\n')) out.line(0, l ? `# ${l}` : '#');
    block(b, 0, out);
  });
  return `${out.text()}\n`;
}

/** Prints one value on its own, for tests and for embedding in comments. */
export function printValueText(v: Value): string {
  const one = inline(v);
  if (one !== undefined) return one;
  const out = new Out();
  multiline('', v, 0, '', out);
  return out.text();
}
