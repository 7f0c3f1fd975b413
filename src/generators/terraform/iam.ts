import type { ComponentService } from '../../model/components.js';
import type { ResourceGrant, ResourceRef } from '../../model/permissions.js';
import { deriveKeyGrants } from '../../model/permissions.js';
import { policyDocument } from './common.js';
import type { RoleSpec, Statement, TfContext } from './context.js';
import { ACCOUNT_ID, PARTITION } from './context.js';
import { raw, tpl } from './hcl.js';
import type { Raw, Value } from './hcl.js';

/** Renders the abstract ARNs of permissions.ts; supplied by the emitter table. */
export type RefResolver = (ref: ResourceRef) => Raw[];

/** Who assumes the role of a kind whose emitter did not register one but still receives grants. */
const FALLBACK_TRUST: Partial<Record<ComponentService, string>> = {
  lambda: 'lambda.amazonaws.com',
  'ecs-fargate': 'ecs-tasks.amazonaws.com',
  'ec2-asg': 'ec2.amazonaws.com',
  eks: 'pods.eks.amazonaws.com',
  'glue-job': 'glue.amazonaws.com',
  'sagemaker-endpoint': 'sagemaker.amazonaws.com',
  'step-functions': 'states.amazonaws.com',
  appsync: 'appsync.amazonaws.com',
  'kinesis-firehose': 'firehose.amazonaws.com',
  'transfer-family': 'transfer.amazonaws.com',
  'iot-core': 'iot.amazonaws.com',
  eventbridge: 'events.amazonaws.com',
  'apigateway-rest': 'apigateway.amazonaws.com',
  'apigateway-http': 'apigateway.amazonaws.com',
  'apigateway-websocket': 'apigateway.amazonaws.com',
  cognito: 'cognito-idp.amazonaws.com',
  redshift: 'redshift.amazonaws.com',
};

/**
 * The `aws:SourceArn` of a resource grant. permissions.ts names the source component; the ARN AWS actually
 * presents is sometimes a child resource Terraform creates for the edge: the EventBridge rule that targets the
 * function or queue, the ALB target group that forwards to the function.
 */
export function sourceArnOf(ctx: TfContext, g: ResourceGrant, refs: RefResolver): Raw {
  const source = ctx.component(g.source);
  if (source.service === 'eventbridge') return raw(`aws_cloudwatch_event_rule.${ctx.n(source.id, 'to', g.target)}.arn`);
  if (source.service === 'alb' || source.service === 'nlb') return raw(`aws_lb_target_group.${ctx.n(source.id, 'tg', g.target)}.arn`);
  const rendered = refs(g.sourceArn);
  if (g.sourceArn.part === 'execute-api') return rendered[0]!;
  return rendered[0]!;
}

/** Resource-policy statements other components need on `target` (bucket, queue or topic policies). */
export function resourceStatements(ctx: TfContext, target: string, refs: RefResolver): Statement[] {
  return ctx.grants
    .filter((g): g is ResourceGrant => g.type === 'resource' && g.target === target && ctx.component(target).service !== 'lambda')
    .map((g) => ({
      sid: g.sid,
      actions: g.actions,
      resources: g.resources.flatMap(refs),
      principals: { type: 'Service' as const, identifiers: [g.servicePrincipal] },
      conditions: [{ test: 'ArnLike', variable: 'aws:SourceArn', values: [sourceArnOf(ctx, g, refs)] }],
    }));
}

/** `aws_lambda_permission` resources for every service allowed to invoke a function. */
export function renderLambdaPermissions(ctx: TfContext, refs: RefResolver, qualifier: (fn: string) => Value | undefined): void {
  for (const g of ctx.grants) {
    if (g.type !== 'resource' || ctx.component(g.target).service !== 'lambda') continue;
    const source = ctx.component(g.source);
    ctx.resource(
      ctx.fileOf(g.target),
      'aws_lambda_permission',
      ctx.n(g.target, 'allow', g.source),
      {
        statement_id: g.sid,
        action: 'lambda:InvokeFunction',
        function_name: raw(`aws_lambda_function.${ctx.n(g.target)}.function_name`),
        qualifier: qualifier(g.target),
        principal: g.servicePrincipal,
        source_arn: sourceArnOf(ctx, g, refs),
        // Bucket ARNs carry no account id, so S3 invocations are also pinned to this account.
        source_account: source.service === 's3' ? ACCOUNT_ID : undefined,
      },
      [g.reason],
    );
  }
}

function trustStatement(spec: RoleSpec): Statement {
  const services = spec.assumedBy.filter((p) => p !== 'account');
  const actions = ['sts:AssumeRole', ...(spec.trustActions ?? [])];
  if (services.length) return { actions, resources: [], principals: { type: 'Service', identifiers: services }, conditions: spec.trustConditions };
  return { actions, resources: [], principals: { type: 'AWS', identifiers: [tpl`arn:${PARTITION}:iam::${ACCOUNT_ID}:root`] } };
}

/**
 * Every role: trust policy, the baseline the service needs to run, AWS managed policies a service requires, and
 * the statements derived from connections (identity grants and customer-managed key use), each in its own
 * inline policy so a reviewer sees exactly what each connection granted.
 */
export function renderRoles(ctx: TfContext, refs: RefResolver): void {
  const keyGrants = new Map(deriveKeyGrants(ctx.a, ctx.grants).map((k) => [k.principal, k]));
  const principals = new Set<string>([...ctx.roles.keys()]);
  for (const g of ctx.grants) if (g.type === 'identity') principals.add(g.principal);
  for (const id of ctx.a.components.map((c) => c.id)) {
    if (!principals.has(id)) continue;
    const c = ctx.component(id);
    let spec = ctx.roles.get(id);
    if (!spec) {
      const service = FALLBACK_TRUST[c.service];
      spec = { assumedBy: [service ?? 'account'], description: `Role of ${c.id} for the permissions its connections grant` };
      ctx.roles.set(id, spec);
    }
    const file = ctx.fileOf(id);
    const role = ctx.n(id);
    const assume = policyDocument(ctx, file, ctx.n(id, 'assume'), [trustStatement(spec)]);
    ctx.resource(file, 'aws_iam_role', role, {
      name: ctx.awsName([id], { max: 64 }),
      description: spec.description,
      assume_role_policy: assume,
      tags: ctx.tags(c),
    });
    if (spec.baseline?.length) {
      const doc = policyDocument(ctx, file, ctx.n(id, 'baseline'), spec.baseline);
      ctx.resource(file, 'aws_iam_role_policy', ctx.n(id, 'baseline'), { name: 'baseline', role: raw(`aws_iam_role.${role}.id`), policy: doc });
    }
    for (const policy of spec.managedPolicies ?? []) {
      ctx.resource(file, 'aws_iam_role_policy_attachment', ctx.n(id, policy), {
        role: raw(`aws_iam_role.${role}.name`),
        policy_arn: tpl`arn:${PARTITION}:iam::aws:policy/${policy}`,
      });
    }
    const statements: Statement[] = ctx.grants
      .filter((g) => g.type === 'identity' && g.principal === id)
      .map((g) => ({ sid: g.sid, actions: g.actions, resources: g.type === 'identity' ? g.resources.flatMap(refs) : [] }));
    const key = keyGrants.get(id);
    if (key) statements.push({ sid: key.sid, actions: key.actions, resources: [raw('aws_kms_key.main.arn')] });
    if (statements.length) {
      const reasons = ctx.grants.filter((g) => g.type === 'identity' && g.principal === id).map((g) => g.reason);
      const doc = policyDocument(ctx, file, ctx.n(id, 'grants'), statements);
      ctx.resource(
        file,
        'aws_iam_role_policy',
        ctx.n(id, 'grants'),
        { name: 'connections', role: raw(`aws_iam_role.${role}.id`), policy: doc },
        ['Least privilege derived from the connections:', ...[...new Set(reasons)].map((r) => `  ${r}`)],
      );
    }
  }
}

/** Whether the role of `id` has a connections policy (resources that need it in place use depends_on). */
export function hasGrantPolicy(ctx: TfContext, id: string): boolean {
  return ctx.grants.some((g) => g.type === 'identity' && g.principal === id) || deriveKeyGrants(ctx.a, ctx.grants).some((k) => k.principal === id);
}
