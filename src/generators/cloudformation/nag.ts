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

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** An IAM statement plus why its wildcards (if any) are acceptable; `why` never reaches the template. */
export interface ExplainedStatement extends Statement {
  why?: string;
}

/** The AwsSolutions-IAM5 findings a policy will raise, each with the reason of the statement that causes it. */
export function wildcardFindings(statements: ExplainedStatement[]): Array<{ id: string; reason: string }> {
  const out = new Map<string, string>();
  for (const st of statements) {
    if (st.Effect !== 'Allow') continue;
    const why = st.why;
    for (const action of asArray(st.Action)) {
      if (action.includes('*')) out.set(`AwsSolutions-IAM5[Action::${action}]`, why ?? '');
    }
    for (const res of asArray(st.Resource as Value | Value[] | undefined)) {
      const flat = flatten(res);
      if (flat.includes('*')) out.set(`AwsSolutions-IAM5[Resource::${flat}]`, why ?? '');
    }
  }
  for (const [id, reason] of out) {
    // A wildcard nobody explained is a generator bug: every broad grant must say why it is needed.
    if (!reason) throw new Error(`statement behind ${id} has no reason`);
  }
  return [...out].map(([id, reason]) => ({ id, reason }));
}

/** Statement without the generator-only `why`. */
export function plain(st: ExplainedStatement): Statement {
  const { why: _why, ...rest } = st;
  return rest;
}
