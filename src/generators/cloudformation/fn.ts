/**
 * CloudFormation intrinsic functions as plain JSON values. Templates are built as objects with the long form
 * (`{ "Fn::GetAtt": [...] }`); the YAML writer turns them into short-form tags.
 */

/**
 * Any value a template may hold: scalars, lists, maps and intrinsic function objects. `undefined` marks an
 * optional property left out; the builder strips it.
 */
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

export const ref = (logicalId: string): Value => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): Value => ({ 'Fn::GetAtt': [logicalId, attribute] });
/** `!Sub 'text ${X.Y} ${AWS::Region}'`; the string form keeps cdk-nag's flattened ids readable. */
export const sub = (text: string): Value => ({ 'Fn::Sub': text });
export const join = (sep: string, parts: Value[]): Value => ({ 'Fn::Join': [sep, parts] });
export const select = (index: number, list: Value): Value => ({ 'Fn::Select': [index, list] });
export const getAZs = (): Value => ({ 'Fn::GetAZs': '' });
export const cidr = (block: Value, count: number, bits: number): Value => ({ 'Fn::Cidr': [block, count, bits] });
export const equals = (a: Value, b: Value): Value => ({ 'Fn::Equals': [a, b] });
export const toJsonString = (v: Value): Value => ({ 'Fn::ToJsonString': v });

export const REGION = ref('AWS::Region');
export const ACCOUNT = ref('AWS::AccountId');
export const PARTITION = ref('AWS::Partition');
export const STACK_NAME = ref('AWS::StackName');
export const URL_SUFFIX = ref('AWS::URLSuffix');
export const NO_VALUE = ref('AWS::NoValue');

/** An IAM policy statement. `Resource` holds ARNs or intrinsics that resolve to ARNs. */
export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Value;
  Action: string | string[];
  Resource?: Value;
  Condition?: Value;
}

export function policyDocument(statements: Statement[]): Value {
  return { Version: '2012-10-17', Statement: statements as unknown as Value[] };
}

/** Trust policy letting the given AWS service principals assume a role. */
export function assumeRolePolicy(services: string[], condition?: Value, actions: string | string[] = 'sts:AssumeRole'): Value {
  const st: Statement = { Effect: 'Allow', Principal: { Service: services.length === 1 ? services[0]! : services }, Action: actions };
  if (condition) st.Condition = condition;
  return policyDocument([st]);
}

/**
 * A value as a `${...}` placeholder inside a Sub string: `!Ref X` -> `${X}`, `!GetAtt X.Y` -> `${X.Y}`, a plain
 * string stays as is. Anything else cannot be embedded and is a generator bug.
 */
export function embed(v: Value): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('Ref' in v) return `\${${String(v['Ref'])}}`;
    if ('Fn::GetAtt' in v) {
      const [a, b] = v['Fn::GetAtt'] as [string, string];
      return `\${${a}.${b}}`;
    }
    if ('Fn::Sub' in v && typeof v['Fn::Sub'] === 'string') return v['Fn::Sub'];
  }
  throw new Error(`cannot embed ${JSON.stringify(v)} in a Sub string`);
}
