import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Pair, Scalar, YAMLMap } from 'yaml';
import type { Node as YamlNode, ParsedNode, ScalarTag, CollectionTag } from 'yaml';

/** Intrinsic functions with a YAML short form (`!Ref`, `!GetAtt`, `!Sub`, ...). */
export const SHORT_FORM_FUNCTIONS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
] as const;

const SHORT = new Set<string>(SHORT_FORM_FUNCTIONS);

/** `Ref` and `Condition` keep their name; every other function is `Fn::<Name>` in long form. */
function longName(short: string): string {
  return short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
}

function wrapInMap(short: string, node: YamlNode): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(longName(short)), node));
  // Keep the tagged node's position so findings inside `!Join [...]` still point at it.
  if ((node as ParsedNode).range) (map as unknown as { range: unknown }).range = (node as ParsedNode).range;
  return map;
}

/**
 * The custom tags that turn short forms into the long JSON form while parsing. Without them the `yaml` package only
 * warns and drops the tag, so `!GetAtt Role.Arn` would silently become the string "Role.Arn".
 */
export const CFN_TAGS: Array<ScalarTag | CollectionTag> = SHORT_FORM_FUNCTIONS.flatMap((fn): Array<ScalarTag | CollectionTag> => [
  {
    tag: `!${fn}`,
    // A scalar form resolves to a plain value: returning a Node here would be wrapped in a Scalar and leak into toJS().
    resolve: (s: string) => {
      if (fn !== 'GetAtt') return { [longName(fn)]: s };
      const dot = s.indexOf('.');
      return { 'Fn::GetAtt': dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)] };
    },
  } as ScalarTag,
  { tag: `!${fn}`, collection: 'seq', resolve: (seq: YamlNode) => wrapInMap(fn, seq) } as unknown as CollectionTag,
  { tag: `!${fn}`, collection: 'map', resolve: (map: YamlNode) => wrapInMap(fn, map) } as unknown as CollectionTag,
]);

/** Where a template failed to parse. */
export interface CfnSyntaxError {
  message: string;
  line: number;
  column: number;
}

/** A parsed template plus what is needed to point findings at lines. */
export interface CfnSource {
  /** The template as plain JSON values (intrinsics in long form). */
  value: unknown;
  /** `json` when the text is a JSON document, else `yaml`. */
  syntax: 'json' | 'yaml';
  /** 1-based line and column of the node at a JSON path, or of its deepest existing ancestor. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

/**
 * Parses CloudFormation YAML or JSON (JSON is read by the same YAML 1.2 parser, so positions work alike) and returns
 * either the source or the first syntax error with its line and column.
 */
export function parseCfnSource(text: string): { ok: true; source: CfnSource } | { ok: false; error: CfnSyntaxError } {
  // JSON templates take the native parser (tens of times faster on large files); positions are only worked out, with
  // the YAML parser, when a finding needs one.
  if (/^\s*\{/.test(text)) {
    try {
      const value = JSON.parse(text) as unknown;
      let located: CfnSource | undefined;
      return {
        ok: true,
        source: {
          value,
          syntax: 'json',
          locate(path) {
            if (!located) {
              const r = parseWithYaml(text);
              if (!r.ok) return undefined;
              located = r.source;
            }
            return located.locate(path);
          },
        },
      };
    } catch {
      // Not strict JSON: CloudFormation then reads it as YAML, and so do we (with error positions).
    }
  }
  return parseWithYaml(text);
}

function parseWithYaml(text: string): { ok: true; source: CfnSource } | { ok: false; error: CfnSyntaxError } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CFN_TAGS, lineCounter, prettyErrors: false, strict: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    return { ok: false, error: { message: cleanYamlMessage(first.message), line: pos.line, column: pos.col } };
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const syntax = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  return {
    ok: true,
    source: {
      value,
      syntax,
      locate(path) {
        const offset = offsetOf(doc.contents as YamlNode | null, path);
        if (offset === undefined) return undefined;
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
      },
    },
  };
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends " at line X, column Y:" plus a code excerpt; the location is reported separately.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/**
 * Offset of the key (for map entries) or node (for sequence items) at `path`, walking as far as the document goes:
 * a finding below a short-form scalar such as `!Sub '...'` points at the tag.
 */
function offsetOf(root: YamlNode | null, path: ReadonlyArray<string | number>): number | undefined {
  let node: YamlNode | null | undefined = root;
  let best = rangeStart(root);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      best = rangeStart(pair.key as YamlNode) ?? best;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      best = rangeStart(item) ?? best;
      node = item;
    } else break;
  }
  return best;
}

function rangeStart(node: YamlNode | null | undefined): number | undefined {
  return (node as ParsedNode | null | undefined)?.range?.[0];
}

/** Thrown by {@link parseCfnTemplate} for text that is not YAML or JSON. */
export class CfnParseError extends Error {
  override readonly name = 'CfnParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/**
 * Parses a CloudFormation template (YAML with short-form tags, or JSON) into plain JSON values with intrinsics in
 * long form (`{ "Fn::GetAtt": ["Fn", "Arn"] }`).
 * @throws CfnParseError with the line and column when the text is not YAML or JSON.
 */
export function parseCfnTemplate(text: string): Record<string, unknown> {
  const r = parseCfnSource(text);
  if (!r.ok) throw new CfnParseError(r.error.message, r.error.line, r.error.column);
  const v = r.source.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * Renders a template as YAML with short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub ...`), the inverse of
 * {@link parseCfnTemplate}: `parseCfnTemplate(stringifyCfnYaml(t))` deep-equals `t`.
 * @example stringifyCfnYaml({ Resources: { B: { Type: 'AWS::S3::Bucket' } }, Outputs: { N: { Value: { Ref: 'B' } } } })
 */
export function stringifyCfnYaml(template: unknown): string {
  const doc = new Document(template, { aliasDuplicateObjects: false });
  doc.contents = shorten(doc.contents as YamlNode | null) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Replaces single-key intrinsic maps by tagged nodes, innermost first. A node carries one tag only, so when the
 * argument of a function is itself a short form (`Fn::Base64: !Sub ...`) the outer one stays in long form.
 */
function shorten(node: YamlNode | null): YamlNode | null {
  if (isSeq(node)) {
    node.items = node.items.map((i) => shorten(i as YamlNode));
    return node;
  }
  if (!isMap(node)) return node;
  for (const pair of node.items) pair.value = shorten(pair.value as YamlNode | null);
  if (node.items.length !== 1) return node;
  const [pair] = node.items;
  if (!pair || !isScalar(pair.key)) return node;
  const key = String(pair.key.value);
  const short = key === 'Ref' || key === 'Condition' ? key : key.startsWith('Fn::') ? key.slice(4) : undefined;
  if (!short || !SHORT.has(short)) return node;
  let value = pair.value as YamlNode | null;
  if (value === null || (value as { tag?: string }).tag) return node;
  // `Condition` as a map key is also an ordinary property name (resource and output level); only a string is a function.
  if (key === 'Condition' && !(isScalar(value) && typeof value.value === 'string')) return node;
  if (short === 'GetAtt' && isSeq(value) && value.items.length === 2 && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
    value = new Scalar(`${(value.items[0] as Scalar).value}.${(value.items[1] as Scalar).value}`);
  }
  if (isScalar(value) && typeof value.value !== 'string') return node;
  value.tag = `!${short}`;
  return value;
}
