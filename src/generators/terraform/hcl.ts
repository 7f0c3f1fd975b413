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
export function escapeString(s: string): string {
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
  // A single quoted template: no unescaped quote inside.
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return false;
  }
  return true;
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

/** One printed line: indentation, the part before `=`, and the rest when the line is an alignable assignment. */
interface Line {
  indent: number;
  lead: string;
  /** `= value` tail of a single-line assignment; lines with it align their `=` with their neighbours. */
  assign?: string;
}

const INLINE_LIST_MAX = 100;

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

/**
 * Prints a value that may span lines. Returns the first line's text (appended after `key = `) and the following
 * lines, whose indentation is relative to the attribute's own.
 */
function printValue(v: Value, indent: number): { first: string; rest: Line[] } {
  if (isScalar(v)) return { first: scalar(v), rest: [] };
  if (v instanceof Call) {
    const inner = printValue(v.arg, indent);
    if (inner.rest.length === 0) return { first: `${v.fn}(${inner.first})`, rest: [] };
    const last = inner.rest[inner.rest.length - 1]!;
    return { first: `${v.fn}(${inner.first}`, rest: [...inner.rest.slice(0, -1), { indent: last.indent, lead: `${last.lead})` }] };
  }
  if (Array.isArray(v)) {
    const list = v as readonly Value[];
    if (list.length === 0) return { first: '[]', rest: [] };
    if (list.every(isScalar)) {
      const inline = `[${list.map(scalar).join(', ')}]`;
      if (inline.length <= INLINE_LIST_MAX) return { first: inline, rest: [] };
    }
    const rest: Line[] = [];
    for (const item of list) {
      const p = printValue(item, indent + 1);
      if (p.rest.length === 0) rest.push({ indent: indent + 1, lead: `${p.first},` });
      else {
        rest.push({ indent: indent + 1, lead: p.first }, ...p.rest.slice(0, -1));
        const last = p.rest[p.rest.length - 1]!;
        rest.push({ ...last, lead: `${last.lead},` });
      }
    }
    rest.push({ indent, lead: ']' });
    return { first: '[', rest };
  }
  if (v instanceof Obj) {
    if (v.entries.length === 0) return { first: '{}', rest: [] };
    const rest: Line[] = [];
    for (const [k, val] of v.entries) rest.push(...attrLines(OBJECT_KEY.test(k) ? k : `"${escapeString(k)}"`, val, indent + 1));
    rest.push({ indent, lead: '}' });
    return { first: '{', rest };
  }
  throw new Error(`unprintable value ${String(v)}`);
}

function attrLines(key: string, v: Value, indent: number): Line[] {
  if (v instanceof Heredoc) {
    // hclwrite treats a heredoc as part of the line that opens it: aligned like a one-line assignment, body untouched.
    const pad = '  '.repeat(indent + 1);
    const body = v.text
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => (l ? pad + l.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{') : ''));
    return [{ indent, lead: key, assign: [`= <<-${v.marker}`, ...body, pad + v.marker].join('\n') }];
  }
  const p = printValue(v, indent);
  if (p.rest.length === 0) {
    // terraform fmt aligns `=` only on assignments whose value closes on the same line.
    return [{ indent, lead: key, assign: `= ${p.first}` }];
  }
  return [{ indent, lead: `${key} = ${p.first}` }, ...p.rest];
}

function blockLines(b: Block, indent: number): Line[] {
  const head = [b.type, ...b.labels.map((l) => `"${escapeString(l)}"`)].join(' ');
  const inner = bodyLines(b.body, indent + 1);
  if (inner.length === 0) return [{ indent, lead: `${head} {}` }];
  return [{ indent, lead: `${head} {` }, ...inner, { indent, lead: '}' }];
}

const BLANK: Line = { indent: 0, lead: '' };

function bodyLines(body: Body, indent: number): Line[] {
  const out: Line[] = [];
  let prev: 'attr' | 'block' | 'comment' | undefined;
  for (const [key, v] of Object.entries(body)) {
    if (v === undefined) continue;
    if (v instanceof Comment) {
      if (prev === 'block') out.push(BLANK);
      for (const line of v.text.split('\n')) out.push({ indent, lead: line ? `# ${line}` : '#' });
      prev = 'comment';
      continue;
    }
    const blocks = v instanceof Block ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Block) ? (v as readonly Block[]) : undefined;
    if (blocks) {
      for (const b of blocks) {
        if (prev === 'attr' || prev === 'block') out.push(BLANK);
        out.push(...blockLines(b.type === key ? b : new Block(key, b.labels, b.body), indent));
        prev = 'block';
      }
      continue;
    }
    if (prev === 'block') out.push(BLANK);
    out.push(...attrLines(key, v as Value, indent));
    prev = 'attr';
  }
  return out;
}

/** Aligns `=` across runs of consecutive single-line assignments, as hclwrite's formatter does. */
function render(lines: Line[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.assign === undefined) {
      const l = lines[i]!;
      out.push(l.lead ? '  '.repeat(l.indent) + l.lead : '');
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < lines.length && lines[j]!.assign !== undefined) {
      width = Math.max(width, lines[j]!.indent * 2 + lines[j]!.lead.length);
      j++;
    }
    for (let k = i; k < j; k++) {
      const l = lines[k]!;
      const lead = '  '.repeat(l.indent) + l.lead;
      out.push(`${lead}${' '.repeat(width - lead.length + 1)}${l.assign}`);
    }
    i = j;
  }
  return out.join('\n');
}

/** Prints top-level blocks separated by blank lines, with a trailing newline. */
export function printFile(blocks: readonly TopBlock[], header?: readonly string[]): string {
  const chunks: string[] = [];
  if (header?.length) chunks.push(header.map((h) => (h ? `# ${h}` : '#')).join('\n'));
  for (const { block, comments } of blocks) {
    const lines: Line[] = (comments ?? []).flatMap((c) => c.split('\n')).map((c) => ({ indent: 0, lead: c ? `# ${c}` : '#' }));
    lines.push(...blockLines(block, 0));
    chunks.push(render(lines));
  }
  return `${chunks.join('\n\n')}\n`;
}

/** Prints one value on its own, for tests and for embedding in comments. */
export function printValueText(v: Value): string {
  const p = printValue(v, 0);
  return render([{ indent: 0, lead: p.first }, ...p.rest]);
}
