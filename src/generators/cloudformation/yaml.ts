import type { Value } from './fn.js';

/** Intrinsics written with their short-form tag (`!Ref`, `!GetAtt`, `!Sub`, ...). */
const SHORT_FORMS = new Set([
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString',
]);

/** Words YAML 1.1 and 1.2 parsers read as something other than a string. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** YAML 1.1 timestamps (`2012-10-17` would become a date). */
const DATE = /^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/;
const NUMERIC = /^[-+]?(?:\.?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o?[0-7]+|\.inf|\.nan)$/i;
/** Characters a plain scalar may use anywhere (a conservative subset of YAML's rules). */
const PLAIN = /^[A-Za-z0-9_$/.(][A-Za-z0-9_$/.@()+=,*:<>'-]*$/;

/**
 * Template object -> CloudFormation YAML with short-form intrinsics (`{ "Fn::GetAtt": [A, B] }` -> `!GetAtt A.B`,
 * `{ Ref: X }` -> `!Ref X`).
 *
 * A dedicated writer rather than the `yaml` package's Document API: templates are plain JSON with a fixed set of
 * intrinsics, and this renders a 300 KB template in a few milliseconds instead of ~100 ms, which keeps
 * `generate_iac` inside its latency budget. The output is checked by parsing it back with the `yaml` package and
 * the CloudFormation tags (test/unit/generators/cloudformation/yaml.test.ts, test/property/generators.test.ts).
 */
export function toCfnYaml(template: Value): string {
  const out: string[] = [];
  writeMapBody(out, template as Record<string, Value>, 0);
  return `${out.join('\n')}\n`;
}

function isMap(v: Value): v is { [key: string]: Value } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The short form of an intrinsic, or undefined when `v` is not one. */
function intrinsic(v: Value): { tag: string; value: Value } | undefined {
  if (!isMap(v)) return undefined;
  const keys = Object.keys(v).filter((k) => v[k] !== undefined);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  const short = key === 'Ref' || key === 'Condition' ? key : key.startsWith('Fn::') ? key.slice(4) : undefined;
  if (!short || !SHORT_FORMS.has(short)) return undefined;
  const value = v[key]!;
  // A tag on a number, boolean or null would read back as a string: keep the long form.
  if (value === null || (typeof value !== 'string' && typeof value !== 'object')) return undefined;
  // `Condition:` is also an ordinary key (IAM statements, resources); only a string value is the intrinsic.
  if (key === 'Condition' && typeof value !== 'string') return undefined;
  if (short === 'GetAtt' && Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'string')) {
    return { tag: '!GetAtt', value: `${value[0]}.${value[1]}` };
  }
  return { tag: `!${short}`, value };
}

/** A scalar as YAML: plain when unambiguous, else double-quoted (JSON string syntax is valid YAML). */
function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} in a template`);
    return String(v);
  }
  if (v.length > 0 && PLAIN.test(v) && !RESERVED.test(v) && !NUMERIC.test(v) && !DATE.test(v) && !v.includes(': ') && !v.endsWith(':') && !v.includes(' #')) return v;
  return quoted(v);
}

/** Characters YAML does not allow raw (or reads as line breaks) in a scalar; escaped in double quotes. */
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/g;

/** A double-quoted scalar: JSON string syntax, which YAML shares, plus `\uXXXX` for what YAML will not take raw. */
function quoted(v: string): string {
  return JSON.stringify(v).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function key(k: string): string {
  return scalar(k);
}

/** `|` block for multi-line strings; the chomping indicator keeps trailing newlines exact. */
function block(s: string, indent: number): string[] {
  const trailing = /\n*$/.exec(s)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? s : s.slice(0, s.length - (trailing === 1 ? 1 : 0));
  const lines = body.split('\n');
  if (chomp === '+') lines.pop();
  const pad = ' '.repeat(indent);
  // Content starting with a space needs an explicit indentation indicator (relative to the parent's indent).
  const indicator = /^[ \n]/.test(s) ? '2' : '';
  return [`|${indicator}${chomp}`, ...lines.map((l) => (l.length ? pad + l : ''))];
}

/** Text for a `|` block: several lines and nothing a block scalar cannot hold (carriage returns, control characters). */
const BLOCK_SAFE = /^[\t\n\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

function multiline(v: Value): v is string {
  return typeof v === 'string' && v.includes('\n') && BLOCK_SAFE.test(v);
}

/** Writes `prefix` + value: inline for scalars and tagged scalars, nested blocks otherwise. */
function writeValue(out: string[], prefix: string, v: Value, indent: number): void {
  const i = intrinsic(v);
  if (i) {
    if (typeof i.value === 'string' && !multiline(i.value)) out.push(`${prefix} ${i.tag} ${scalar(i.value)}`);
    else if (multiline(i.value)) pushBlock(out, `${prefix} ${i.tag} `, i.value, indent + 2);
    else if (i.value === null || typeof i.value !== 'object') out.push(`${prefix} ${i.tag} ${scalar(i.value as string | number | boolean | null)}`);
    else if (Array.isArray(i.value)) {
      if (i.value.length === 0) out.push(`${prefix} ${i.tag} []`);
      else {
        out.push(`${prefix} ${i.tag}`);
        writeSeqBody(out, i.value, indent + 2);
      }
    } else if (Object.values(i.value).every((x) => x === undefined)) out.push(`${prefix} ${i.tag} {}`);
    else {
      out.push(`${prefix} ${i.tag}`);
      writeMapBody(out, i.value as { [key: string]: Value }, indent + 2);
    }
    return;
  }
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== undefined);
    if (items.length === 0) out.push(`${prefix} []`);
    else {
      out.push(prefix);
      writeSeqBody(out, items, indent + 2);
    }
  } else if (isMap(v)) {
    if (Object.values(v).every((x) => x === undefined)) out.push(`${prefix} {}`);
    else {
      out.push(prefix);
      writeMapBody(out, v, indent + 2);
    }
  } else if (multiline(v)) pushBlock(out, `${prefix} `, v, indent + 2);
  else out.push(`${prefix} ${scalar(v as string | number | boolean | null)}`);
}

function pushBlock(out: string[], prefix: string, s: string, indent: number): void {
  const [head, ...rest] = block(s, indent);
  out.push(prefix + head!, ...rest);
}

function writeMapBody(out: string[], m: { [key: string]: Value }, indent: number): void {
  const pad = ' '.repeat(indent);
  for (const [k, v] of Object.entries(m)) {
    if (v === undefined) continue;
    writeValue(out, `${pad}${key(k)}:`, v, indent);
  }
}

function writeSeqBody(out: string[], items: Value[], indent: number): void {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (item === undefined) continue;
    if (isMap(item) && !intrinsic(item) && Object.values(item).some((x) => x !== undefined)) {
      // `- Key: value` with the rest of the map aligned under the first key.
      const inner: string[] = [];
      writeMapBody(inner, item, indent + 2);
      inner[0] = `${pad}- ${inner[0]!.slice(indent + 2)}`;
      out.push(...inner);
    } else if (Array.isArray(item) && item.some((x) => x !== undefined)) {
      const inner: string[] = [];
      writeSeqBody(inner, item, indent + 2);
      inner[0] = `${pad}- ${inner[0]!.slice(indent + 2)}`;
      out.push(...inner);
    } else {
      writeValue(out, `${pad}-`, item, indent);
    }
  }
}
