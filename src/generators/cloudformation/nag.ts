import type { Stmt } from '../shared/values.js';
import type { Statement, Value } from './fn.js';

/**
 * cdk-nag's flattened form of a template value, used in finding ids such as
 * `AwsSolutions-IAM5[Resource::<TableX.Arn>/index/*]`. Acknowledgements must name findings exactly, so the
 * generator computes the same strings cdk-nag will compute for its own policies.
 */
export function flatten(v: Value | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('Fn::Join' in v) {
      const [sep, items] = v['Fn::Join'] as [string, Value[]];
      return items.map(flatten).join(sep);
    }
    if ('Fn::Sub' in v) return flatten(v['Fn::Sub']);
    if ('Fn::GetAtt' in v) {
      const [res, attr] = v['Fn::GetAtt'] as [string, string];
      return `<${res}.${attr}>`;
    }
    if ('Fn::ImportValue' in v) return flatten(v['Fn::ImportValue']);
    if ('Ref' in v) return `<${String(v['Ref'])}>`;
  }
  return JSON.stringify(v);
}

/** An IAM statement plus why its wildcards (if any) are acceptable; `why` never reaches the template. */
export type ExplainedStatement = Stmt;

/** Statement without the generator-only `why`; its values are this target's, so it is template JSON. */
export function plain(st: ExplainedStatement): Statement {
  const { why: _why, ...rest } = st;
  return rest as unknown as Statement;
}
