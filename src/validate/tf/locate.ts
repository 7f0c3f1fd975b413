/**
 * Positions of blocks and attributes in HCL source. hcl2json gives the meaning of a file but no positions, so this
 * scanner walks the text once to find where each block and attribute starts. It only needs to know enough of HCL to
 * skip what it does not care about (expressions, strings with interpolations, heredocs, comments); syntax errors are
 * hcl2json's job, so on odd input the scanner moves on rather than failing.
 */

/** Where an attribute sits: its name's position and the source range of its expression. */
export interface HclAttr {
  line: number;
  column: number;
  exprStart: number;
  exprEnd: number;
}

/** A block (`resource "aws_s3_bucket" "data" { ... }`) with its position and what it contains, in source order. */
export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  column: number;
  attrs: Map<string, HclAttr>;
  blocks: HclBlock[];
}

/** Line/column (1-based) of an offset. */
export type PositionOf = (offset: number) => { line: number; column: number };

export function positionIndex(text: string): PositionOf {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_-]/;

/** Scans a file into its top-level blocks. Attributes at the top level (none in valid Terraform) are ignored. */
export function scanHcl(text: string): { blocks: HclBlock[]; position: PositionOf } {
  const position = positionIndex(text);
  const s = new Scanner(text, position);
  const root = s.body(false);
  return { blocks: root.blocks, position };
}

class Scanner {
  i = 0;
  constructor(
    private readonly t: string,
    private readonly pos: PositionOf,
  ) {}

  body(nested: boolean): { attrs: Map<string, HclAttr>; blocks: HclBlock[] } {
    const attrs = new Map<string, HclAttr>();
    const blocks: HclBlock[] = [];
    const t = this.t;
    while (this.i < t.length) {
      this.skipSpaceAndComments(true);
      const c = t[this.i];
      if (c === undefined) break;
      if (c === '}') {
        if (nested) {
          this.i++;
          return { attrs, blocks };
        }
        this.i++;
        continue;
      }
      if (!IDENT_START.test(c)) {
        this.i++;
        continue;
      }
      const start = this.i;
      const name = this.ident();
      this.skipSpaceAndComments(false);
      if (t[this.i] === '=' && t[this.i + 1] !== '=') {
        this.i++;
        const exprStart = this.i;
        this.expression();
        const p = this.pos(start);
        if (!attrs.has(name)) attrs.set(name, { line: p.line, column: p.column, exprStart, exprEnd: this.i });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpaceAndComments(false);
        const d = t[this.i];
        if (d === '"') {
          const from = this.i + 1;
          this.string();
          labels.push(t.slice(from, this.i - 1));
        } else if (d !== undefined && IDENT_START.test(d)) labels.push(this.ident());
        else break;
      }
      if (t[this.i] === '{') {
        this.i++;
        const p = this.pos(start);
        const inner = this.body(true);
        blocks.push({ type: name, labels, line: p.line, column: p.column, ...inner });
      } else {
        this.skipLine();
      }
    }
    return { attrs, blocks };
  }

  private ident(): string {
    const from = this.i;
    while (this.i < this.t.length && IDENT.test(this.t[this.i]!)) this.i++;
    return this.t.slice(from, this.i);
  }

  private skipLine(): void {
    while (this.i < this.t.length && this.t[this.i] !== '\n') this.i++;
  }

  /** Skips blanks and comments; newlines too when `newlines` (between statements, not inside one). */
  private skipSpaceAndComments(newlines: boolean): void {
    const t = this.t;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && t[this.i + 1] === '/')) this.skipLine();
      else if (c === '/' && t[this.i + 1] === '*') {
        const end = t.indexOf('*/', this.i + 2);
        this.i = end < 0 ? t.length : end + 2;
      } else break;
    }
  }

  /** Consumes an expression: up to a newline outside brackets, or a `}` that closes the enclosing one-line block. */
  private expression(): void {
    const t = this.t;
    let depth = 0;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === '"') this.string();
      else if (c === '<' && t[this.i + 1] === '<' && /[-A-Za-z_]/.test(t[this.i + 2] ?? '')) this.heredoc();
      else if (c === '#' || (c === '/' && t[this.i + 1] === '/')) this.skipLine();
      else if (c === '/' && t[this.i + 1] === '*') {
        const end = t.indexOf('*/', this.i + 2);
        this.i = end < 0 ? t.length : end + 2;
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.i++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
        this.i++;
      } else if (c === '\n' && depth === 0) return;
      else this.i++;
    }
  }

  /** Consumes a quoted string including `${...}` / `%{...}` templates, which may hold strings of their own. */
  private string(): void {
    const t = this.t;
    this.i++;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return;
      } else if (c === '\n') return;
      else if ((c === '$' || c === '%') && t[this.i + 1] === '{') {
        if (t[this.i - 1] === c) {
          this.i += 2; // $${ and %%{ are escapes
          continue;
        }
        this.i += 2;
        this.templateBody();
      } else this.i++;
    }
  }

  /** Inside `${ ... }`: an expression that ends at the matching brace. */
  private templateBody(): void {
    const t = this.t;
    let depth = 0;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === '"') this.string();
      else if (c === '{') {
        depth++;
        this.i++;
      } else if (c === '}') {
        this.i++;
        if (depth === 0) return;
        depth--;
      } else this.i++;
    }
  }

  private heredoc(): void {
    const t = this.t;
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(t.slice(this.i, this.i + 200));
    if (!m) {
      this.i += 2;
      return;
    }
    const marker = m[1]!;
    this.i += m[0].length;
    while (this.i < t.length) {
      const eol = t.indexOf('\n', this.i);
      const line = t.slice(this.i, eol < 0 ? t.length : eol);
      this.i = eol < 0 ? t.length : eol + 1;
      if (line.trim() === marker) {
        // Leave the newline after the marker for the expression to end on.
        if (eol >= 0) this.i = eol;
        return;
      }
    }
  }
}

/** The `index`-th child block of `type` (and first label, for `dynamic "x"`). */
export function childBlock(parent: HclBlock | undefined, type: string, index: number, label?: string): HclBlock | undefined {
  if (!parent) return undefined;
  const matches = parent.blocks.filter((b) => b.type === type && (label === undefined || b.labels[0] === label));
  return matches[index];
}
