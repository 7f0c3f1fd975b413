import type { OpenIngress, WildcardStatement } from '../types.js';
import { arr, obj } from './values.js';

/**
 * Actions that accept no resource ARN (the Service Authorization Reference lists no resource type for them), or that
 * AWS's own managed policies grant on `*` for Lambda's VPC networking: `Resource: *` is the only way to grant them.
 */
const RESOURCELESS_ACTIONS: ReadonlySet<string> = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'cloudwatch:PutMetricData',
  'ecr:GetAuthorizationToken',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'secretsmanager:GetRandomPassword',
  'sts:GetCallerIdentity',
]);

/** AWS managed policies that amount to administrator access when attached to a workload role. */
const ADMIN_POLICIES = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

/**
 * Allow statements of an IAM policy document that use wildcards: any action `*`, a whole service (`s3:*`), or
 * `Resource: *`. `NotAction` allows everything not listed, so it counts as a wildcard too.
 */
export function wildcardStatements(document: unknown, resource: string): WildcardStatement[] {
  const doc = obj(document);
  if (!doc) return [];
  const out: WildcardStatement[] = [];
  for (const raw of arr(doc.Statement)) {
    const st = obj(raw);
    if (!st || st.Effect === 'Deny') continue;
    const actions = arr(st.Action).filter((a): a is string => typeof a === 'string');
    const notActions = arr(st.NotAction).filter((a): a is string => typeof a === 'string');
    // Resources built with intrinsics (Fn::Sub, Fn::GetAtt) are named, not wildcards; keep them readable in evidence.
    const resources = arr(st.Resource).map((r) => (typeof r === 'string' ? r : '(an ARN built from template references)'));
    const wildActions = actions.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
    const wildResources = resources.filter((r) => r === '*');
    if (notActions.length) {
      out.push({ resource, actions: [`NotAction ${notActions.join(', ')}`], resources: resources.length ? resources : ['*'], admin: wildResources.length > 0 });
      continue;
    }
    if (!wildActions.length && !wildResources.length) continue;
    // EC2 Describe* actions take no resource ARN either.
    if (!wildActions.length && actions.length && actions.every((a) => RESOURCELESS_ACTIONS.has(a) || /^ec2:Describe[A-Za-z]+$/.test(a))) continue;
    out.push({
      resource,
      actions: wildActions.length ? wildActions : actions,
      resources: wildResources.length ? wildResources : resources,
      admin: actions.includes('*') && wildResources.length > 0,
      nagIds: [...wildActions.map((a) => `AwsSolutions-IAM5[Action::${a}]`), ...(wildResources.length ? ['AwsSolutions-IAM5[Resource::*]'] : [])],
    });
  }
  return out;
}

/** A managed policy ARN that grants administrator-level access, as a wildcard statement. */
export function adminPolicyAttachment(arn: unknown, resource: string): WildcardStatement | undefined {
  if (typeof arn !== 'string' || !ADMIN_POLICIES.test(arn)) return undefined;
  const name = arn.split('/').pop()!;
  return { resource, actions: [`${name} (AWS managed policy)`], resources: ['*'], admin: name === 'AdministratorAccess' };
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** An ingress rule as an open-ingress fact when its source is the whole internet. */
export function openIngress(resource: string, cidr: unknown, protocol: unknown, fromPort: unknown, toPort: unknown): OpenIngress | undefined {
  if (typeof cidr !== 'string' || !WORLD.has(cidr)) return undefined;
  const proto = String(protocol ?? '-1').toLowerCase();
  const all = proto === '-1' || proto === 'all';
  const from = all ? 0 : Number(fromPort ?? 0);
  const to = all ? 65535 : Number(toPort ?? fromPort ?? 65535);
  return { resource, cidr, protocol: all ? '-1' : proto, fromPort: Number.isFinite(from) ? from : 0, toPort: Number.isFinite(to) ? to : 65535 };
}
