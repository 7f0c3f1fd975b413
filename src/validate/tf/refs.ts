/**
 * References (`aws_s3_bucket.data.arn`, `var.region`, `data.aws_iam_policy_document.p.json`) in the expression
 * strings hcl2json returns. hcl2json's own `getReferencesInExpression` gives the same answer but costs about 1.5 ms
 * per reference through its WebAssembly bridge (measured: 300 references took 570 ms), so the traversals are read
 * here and the unit tests check this against that function on every fixture.
 */

/** One traversal: its root and the names after it (`[]` stands for an index or splat), and where it starts. */
export interface TfReference {
  /** `aws_s3_bucket.data.arn`, `var.region`, ... as written, without index expressions. */
  text: string;
  parts: string[];
  /** Offset in the string it was found in. */
  offset: number;
}

const START = /[A-Za-z_]/;
const PART = /[A-Za-z0-9_-]/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/** References in one hcl2json string value: only the `${...}` and `%{...}` parts are expressions. */
export function referencesInTemplate(value: string): TfReference[] {
  const out: TfReference[] = [];
  templateRefs(value, 0, value.length, out);
  return out;
}

function templateRefs(s: string, from: number, to: number, out: TfReference[]): void {
  let i = from;
  while (i < to) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      if (s[i + 2] === undefined) return;
      // `$${` and `%%{` are escaped literals.
      if (s[i - 1] === c && i - 1 >= from) {
        i += 2;
        continue;
      }
      const end = matchBrace(s, i + 2, to);
      exprRefs(s, i + 2, end, out);
      i = end + 1;
    } else i++;
  }
}

/** Index of the `}` that closes an interpolation starting at `from`, skipping nested braces and strings. */
function matchBrace(s: string, from: number, to: number): number {
  let depth = 0;
  let i = from;
  while (i < to) {
    const c = s[i];
    if (c === '"') i = skipString(s, i, to);
    else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  return to;
}

/** Index after the string that starts at `i` (its interpolations are expressions too, handled by the caller). */
function skipString(s: string, i: number, to: number): number {
  i++;
  while (i < to) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if ((c === '$' || c === '%') && s[i + 1] === '{') i = matchBrace(s, i + 2, to) + 1;
    else i++;
  }
  return to;
}

/** Names bound by for-expressions (`[for k, v in x : ...]`) in an expression: temporaries, not references. */
function forVariables(s: string, from: number, to: number): Set<string> {
  const vars = new Set<string>();
  const re = /\bfor\s+([A-Za-z_][A-Za-z0-9_-]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_-]*))?\s+in\b/g;
  const span = s.slice(from, to);
  for (let m = re.exec(span); m; m = re.exec(span)) {
    vars.add(m[1]!);
    if (m[2]) vars.add(m[2]);
  }
  return vars;
}

function exprRefs(s: string, from: number, to: number, out: TfReference[], bound: Set<string> = forVariables(s, from, to)): void {
  let i = from;
  while (i < to) {
    const c = s[i]!;
    if (c === '"') {
      const end = skipString(s, i, to);
      templateRefs(s, i + 1, Math.max(i + 1, end - 1), out);
      i = end;
      continue;
    }
    if (c === '<' && s[i + 1] === '<') {
      // A heredoc inside an interpolation is rare enough to read as a template up to its end.
      i += 2;
      continue;
    }
    if (!START.test(c) || (i > from && (PART.test(s[i - 1]!) || s[i - 1] === '.'))) {
      i++;
      continue;
    }
    const start = i;
    const parts: string[] = [];
    let name = ident(s, i, to);
    i += name.length;
    // Function calls and object keys (`{ k = v }`, `{ k: v }`) are not references.
    const j = skipBlank(s, i, to);
    if (s[j] === '(' || KEYWORDS.has(name) || bound.has(name) || /^(=[^=>]|:)/.test(s.slice(j, j + 2))) continue;
    parts.push(name);
    let textEnd = i;
    for (;;) {
      if (s[i] === '.' && s[i + 1] === '*') {
        parts.push('[]');
        i += 2;
      } else if (s[i] === '.' && s[i + 1] !== undefined && START.test(s[i + 1]!)) {
        name = ident(s, i + 1, to);
        parts.push(name);
        i += 1 + name.length;
        textEnd = i;
      } else if (s[i] === '.' && /\d/.test(s[i + 1] ?? '')) {
        // Legacy index syntax: list.0
        let k = i + 1;
        while (k < to && /\d/.test(s[k]!)) k++;
        parts.push('[]');
        i = k;
      } else if (s[i] === '[') {
        const close = matchBracket(s, i + 1, to);
        // The index itself may hold references (aws_subnet.private[count.index]).
        exprRefs(s, i + 1, close, out, bound);
        parts.push('[]');
        i = close + 1;
      } else break;
    }
    out.push({ text: s.slice(start, textEnd), parts, offset: start });
  }
}

function ident(s: string, i: number, to: number): string {
  let k = i;
  while (k < to && PART.test(s[k]!)) k++;
  return s.slice(i, k);
}

function skipBlank(s: string, i: number, to: number): number {
  while (i < to && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function matchBracket(s: string, from: number, to: number): number {
  let depth = 0;
  let i = from;
  while (i < to) {
    const c = s[i];
    if (c === '"') i = skipString(s, i, to);
    else if (c === '[' || c === '(' || c === '{') {
      depth++;
      i++;
    } else if (c === ']' || c === ')' || c === '}') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  return to;
}

/** Every reference in an hcl2json value (strings, lists and objects, recursively). */
export function referencesIn(value: unknown): TfReference[] {
  if (typeof value === 'string') return value.includes('{') ? referencesInTemplate(value) : [];
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}
