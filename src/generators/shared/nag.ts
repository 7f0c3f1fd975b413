import type { Component, ResourceRef } from '../../model/index.js';
import type { Stmt, Val } from './values.js';

/** Rule packs whose findings a design may acknowledge (`components[].acknowledgements`, `acknowledgements`). */
export const NAG_PACK = /^(AwsSolutions|HIPAA\.Security|PCI\.DSS\.321|NIST\.800\.53\.R[45]|Serverless)-/;

/** Why a log group has no customer-managed key. */
export const LOGS_AWS_MANAGED = 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): CloudWatch Logs encrypts log data at rest with keys it manages';

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * The AwsSolutions-IAM5 findings a policy will raise, each with the reason of the statement that causes it.
 * `flat` is cdk-nag's flattened form of a resource as the target writes it (`<TableX.Arn>/index/*`): acknowledgements
 * must name findings exactly as cdk-nag reports them.
 */
export function wildcardFindings(statements: Stmt[], flat: (resource: Val | string) => string): Array<{ id: string; reason: string }> {
  const out = new Map<string, string>();
  for (const st of statements) {
    if (st.Effect !== 'Allow') continue;
    for (const action of asArray(st.Action)) if (action.includes('*')) out.set(`AwsSolutions-IAM5[Action::${action}]`, st.why ?? '');
    for (const res of asArray(st.Resource)) {
      const f = flat(res);
      if (f.includes('*')) out.set(`AwsSolutions-IAM5[Resource::${f}]`, st.why ?? '');
    }
  }
  // A wildcard nobody explained is a generator bug: every broad grant must say why it is needed.
  for (const [id, reason] of out) if (!reason) throw new Error(`statement behind ${id} has no reason`);
  return [...out].map(([id, reason]) => ({ id, reason }));
}

/** What a grant's resource reference covers, for the reason attached to its wildcard acknowledgement. */
export function scopeText(r: ResourceRef, c: Component): string {
  switch (r.part) {
    case 'objects':
      return c.service === 'opensearch' ? `every index path of domain ${c.id} only` : `objects in bucket ${c.id} only`;
    case 'indexes':
      return `indexes of table ${c.id} only`;
    case 'execute-api':
      return `stages and routes of API ${c.id} only`;
    case 'iot-topic':
      return `MQTT topics under ${c.id}'s topic filter only`;
    case 'glue-catalog':
      return `the Glue catalog, database and tables of ${c.id} only`;
    case 'arn':
      return `${c.service} ${c.id}`;
    default:
      return `${r.part} of ${c.id}`;
  }
}
