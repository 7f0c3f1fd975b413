/** Pseudo parameters every template may `Ref`. */
export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** The one key of an intrinsic function object (`Ref`, `Fn::GetAtt`, ...), or undefined for ordinary objects. */
export function intrinsicName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [k] = keys as [string];
  return k === 'Ref' || k.startsWith('Fn::') ? k : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A `${...}` placeholder of an `Fn::Sub` string: its name and offset in the string. */
export interface SubVariable {
  name: string;
  offset: number;
}

/** Placeholders of an `Fn::Sub` string; `${!Literal}` escapes are skipped as CloudFormation does. */
export function subVariables(template: string): SubVariable[] {
  const out: SubVariable[] = [];
  const re = /\$\{([^}]*)\}/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const name = (m[1] ?? '').trim();
    if (name.startsWith('!') || name === '') continue;
    out.push({ name, offset: m.index });
  }
  return out;
}

/** `Fn::GetAtt` in either form as `[logicalId, attribute]`; the attribute may itself be an intrinsic (a `Ref`). */
export function getAttParts(arg: unknown): [string, unknown] | undefined {
  if (typeof arg === 'string') {
    const dot = arg.indexOf('.');
    return dot < 0 ? undefined : [arg.slice(0, dot), arg.slice(dot + 1)];
  }
  if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') return [arg[0], arg[1]];
  return undefined;
}
