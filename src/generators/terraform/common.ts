import type { Component } from '../../model/components.js';
import type { Statement, TfContext } from './context.js';
import { ACCOUNT_ID, PARTITION, REGION } from './context.js';
import { Block, blk, obj, raw, tpl } from './hcl.js';
import type { Body, Raw, Value } from './hcl.js';

/** `aws_iam_policy_document` statement block. */
export function statementBlock(st: Statement): Block {
  const body: Body = {};
  if (st.sid) body.sid = st.sid;
  if (st.effect && st.effect !== 'Allow') body.effect = st.effect;
  body.actions = [...st.actions];
  if (st.resources.length) body.resources = [...st.resources];
  if (st.principals) body.principals = blk('principals', { type: st.principals.type, identifiers: [...st.principals.identifiers] });
  if (st.conditions?.length) body.condition = st.conditions.map((c) => blk('condition', { test: c.test, variable: c.variable, values: [...c.values] }));
  return blk('statement', body);
}

/** Writes a policy document data source and returns its `.json` expression. */
export function policyDocument(ctx: TfContext, file: string, name: string, statements: readonly Statement[]): Raw {
  ctx.data(file, 'aws_iam_policy_document', name, { statement: statements.map(statementBlock) });
  return raw(`data.aws_iam_policy_document.${name}.json`);
}

/** Denies any request that does not use TLS: the standard guard on bucket, queue and topic policies. */
export function denyInsecureTransport(actions: readonly string[], resources: readonly Value[]): Statement {
  return {
    sid: 'DenyInsecureTransport',
    effect: 'Deny',
    actions,
    resources,
    principals: { type: '*', identifiers: ['*'] },
    conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
}

/** Condition limiting a service principal to calls made for this account. */
export function sameAccount(): { test: string; variable: string; values: Value[] } {
  return { test: 'StringEquals', variable: 'aws:SourceAccount', values: [ACCOUNT_ID] };
}

/** ARN built from parts: `arn(PARTITION-aware) service:region:account:resource`. */
export function arn(service: string, resource: string | Raw, opts: { region?: boolean; account?: boolean } = {}): Raw {
  const region = opts.region === false ? '' : REGION;
  const account = opts.account === false ? '' : ACCOUNT_ID;
  return tpl`arn:${PARTITION}:${service}:${region}:${account}:${resource}`;
}

/**
 * A CloudWatch log group with the design's retention and, with customer-managed keys, encryption. Returns the
 * Terraform address (`aws_cloudwatch_log_group.<name>`).
 */
export function logGroup(ctx: TfContext, file: string, key: string, name: Value, tags: Value, opts: { region?: string } = {}): string {
  const local = ctx.n(key, 'logs');
  return ctx.resource(file, 'aws_cloudwatch_log_group', local, {
    region: opts.region,
    name,
    retention_in_days: raw('var.log_retention_days'),
    kms_key_id: ctx.kms(['logs'], opts.region),
    tags,
  });
}

/**
 * The component's security group: no inline rules; ingress comes from the network rules derived from
 * connections, egress from `egress` (`all` for compute that calls AWS APIs, `vpc` for load balancers).
 */
export function securityGroup(ctx: TfContext, c: Component, description: string, egress: 'all' | 'vpc' | 'none'): string {
  const file = ctx.fileOf(c.id);
  const local = ctx.n(c.id);
  ctx.resource(file, 'aws_security_group', local, {
    name: ctx.awsName([c.id], { max: 255 }),
    description,
    vpc_id: ctx.vpcId,
    tags: ctx.tags(c),
    lifecycle: blk('lifecycle', { create_before_destroy: true }),
  });
  if (egress !== 'none') {
    ctx.resource(file, 'aws_vpc_security_group_egress_rule', ctx.n(c.id, 'egress'), {
      security_group_id: raw(`aws_security_group.${local}.id`),
      description: egress === 'all' ? 'Outbound to AWS APIs and dependencies' : 'Outbound to targets in the VPC',
      ip_protocol: '-1',
      cidr_ipv4: egress === 'all' ? '0.0.0.0/0' : ctx.vpcCidr,
    });
  }
  for (const rule of ctx.networkRules.filter((r) => r.to === c.id)) {
    const from = ctx.component(rule.from);
    if (!ctx.inVpc(from)) continue;
    ctx.resource(file, 'aws_vpc_security_group_ingress_rule', ctx.n(c.id, 'from', rule.from), {
      security_group_id: raw(`aws_security_group.${local}.id`),
      description: rule.reason,
      referenced_security_group_id: raw(`${ctx.sg(rule.from)}.id`),
      ip_protocol: rule.protocol,
      from_port: rule.port,
      to_port: rule.port,
    });
  }
  return `aws_security_group.${local}`;
}

/** An ingress rule from a CIDR (internet-facing load balancers, interface endpoints). */
export function cidrIngress(ctx: TfContext, file: string, sgAddr: string, local: string, description: string, port: number, cidr: Value): void {
  ctx.resource(file, 'aws_vpc_security_group_ingress_rule', local, {
    security_group_id: raw(`${sgAddr}.id`),
    description,
    cidr_ipv4: cidr,
    ip_protocol: 'tcp',
    from_port: port,
    to_port: port,
  });
}

export interface BucketOptions {
  /** Component the bucket belongs to (tags, file). */
  owner: string;
  file: string;
  local: string;
  name: Raw;
  tags: Value;
  /** `cmk`: the design's customer-managed key when it has one; `s3`: SSE-S3 (services that cannot use KMS). */
  encryption: 'cmk' | 's3';
  versioning: boolean;
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days: number };
  /** Extra statements of the bucket policy (resource grants, log delivery). TLS-only is always added. */
  policy?: (bucketArn: Raw) => Statement[];
  lifecycle?: Block[];
  /** Server access logs to the shared log bucket. */
  accessLogs: boolean;
  region?: string;
  comments?: string[];
}

/**
 * An S3 bucket with the provider 6 companion resources: owner-enforced ownership, all public access blocked,
 * default encryption, versioning, a TLS-only policy, lifecycle rules and access logging.
 */
export function secureBucket(ctx: TfContext, o: BucketOptions): { arn: Raw; id: Raw; name: Raw; address: string } {
  const addr = ctx.resource(
    o.file,
    'aws_s3_bucket',
    o.local,
    { region: o.region, bucket: o.name, object_lock_enabled: o.objectLock ? true : undefined, force_destroy: false, tags: o.tags },
    o.comments,
  );
  const id = raw(`${addr}.id`);
  const bucketArn = raw(`${addr}.arn`);
  const region = o.region;
  ctx.resource(o.file, 'aws_s3_bucket_ownership_controls', o.local, {
    region,
    bucket: id,
    rule: blk('rule', { object_ownership: 'BucketOwnerEnforced' }),
  });
  ctx.resource(o.file, 'aws_s3_bucket_public_access_block', o.local, {
    region,
    bucket: id,
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
  });
  const key = o.encryption === 'cmk' ? ctx.kms([], region) : undefined;
  ctx.resource(o.file, 'aws_s3_bucket_server_side_encryption_configuration', o.local, {
    region,
    bucket: id,
    rule: blk('rule', {
      apply_server_side_encryption_by_default: blk('apply_server_side_encryption_by_default', key ? { sse_algorithm: 'aws:kms', kms_master_key_id: key } : { sse_algorithm: 'AES256' }),
      bucket_key_enabled: key ? true : undefined,
    }),
  });
  const versioned = o.versioning || !!o.objectLock;
  ctx.resource(o.file, 'aws_s3_bucket_versioning', o.local, {
    region,
    bucket: id,
    versioning_configuration: blk('versioning_configuration', { status: versioned ? 'Enabled' : 'Suspended' }),
  });
  if (o.objectLock) {
    ctx.resource(o.file, 'aws_s3_bucket_object_lock_configuration', o.local, {
      region,
      bucket: id,
      rule: blk('rule', { default_retention: blk('default_retention', { mode: o.objectLock.mode, days: o.objectLock.days }) }),
      depends_on: [raw(`aws_s3_bucket_versioning.${o.local}`)],
    });
  }
  const statements = [denyInsecureTransport(['s3:*'], [bucketArn, tpl`${bucketArn}/*`]), ...(o.policy?.(bucketArn) ?? [])];
  const doc = policyDocument(ctx, o.file, ctx.n(o.local, 'bucket', 'policy'), statements);
  ctx.resource(o.file, 'aws_s3_bucket_policy', o.local, {
    region,
    bucket: id,
    policy: doc,
    depends_on: [raw(`aws_s3_bucket_public_access_block.${o.local}`)],
  });
  const rules = [
    ...(o.lifecycle ?? []),
    blk('rule', {
      id: 'housekeeping',
      status: 'Enabled',
      filter: blk('filter', {}),
      abort_incomplete_multipart_upload: blk('abort_incomplete_multipart_upload', { days_after_initiation: 7 }),
      noncurrent_version_expiration: versioned ? blk('noncurrent_version_expiration', { noncurrent_days: 90 }) : undefined,
    }),
  ];
  ctx.resource(o.file, 'aws_s3_bucket_lifecycle_configuration', o.local, {
    region,
    bucket: id,
    rule: rules,
    depends_on: [raw(`aws_s3_bucket_versioning.${o.local}`)],
  });
  if (o.accessLogs && !region) {
    ctx.shared.add('log-bucket');
    ctx.resource(o.file, 'aws_s3_bucket_logging', o.local, {
      bucket: id,
      target_bucket: raw('aws_s3_bucket.logs.id'),
      target_prefix: `s3/${o.owner}/`,
    });
  }
  return { arn: bucketArn, id, name: raw(`${addr}.bucket`), address: addr };
}

/** A metric alarm plus its dashboard line, for the common `> threshold over 5 minutes` shape. */
export function alarmAndWidget(
  ctx: TfContext,
  c: string,
  key: string,
  description: string,
  namespace: string,
  metric: string,
  dimensions: Record<string, Value>,
  stat: 'Sum' | 'Average' | 'Maximum' | 'p99' | 'p90' | 'Minimum',
  comparison: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold',
  threshold: number,
  opts: { evaluationPeriods?: number; periodSeconds?: number; region?: string; treatMissingData?: 'notBreaching' | 'breaching' } = {},
): void {
  const percentile = stat.startsWith('p');
  ctx.alarm({
    component: c,
    key,
    description,
    namespace,
    metric,
    dimensions,
    ...(percentile ? { extendedStatistic: stat } : { statistic: stat as 'Sum' }),
    comparison,
    threshold,
    periodSeconds: opts.periodSeconds ?? 300,
    evaluationPeriods: opts.evaluationPeriods ?? 1,
    treatMissingData: opts.treatMissingData ?? 'notBreaching',
    ...(opts.region ? { region: opts.region } : {}),
  });
  ctx.metric({ component: c, title: metric, namespace, metric, dimensions, stat, ...(opts.region ? { region: opts.region } : {}) });
}

/** Route key / method + path from a model route string such as `GET /orders/{id}`. */
export function parseRoute(route: string): { method: string; path: string } {
  const m = route.trim().match(/^([A-Za-z]+)\s+(\/\S*)$/);
  if (!m) return { method: 'ANY', path: route.trim().startsWith('/') ? route.trim() : `/${route.trim()}` };
  return { method: m[1]!.toUpperCase(), path: m[2]! };
}

/** Environment variables naming what a compute component talks to, so code does not hard-code names. */
export function envFor(ctx: TfContext, c: Component, refs: (target: Component) => Array<[string, Value]>): Record<string, Value> {
  const env: Record<string, Value> = {};
  const seen = new Set<string>();
  for (const { to } of ctx.out(c.id)) {
    if (seen.has(to.id)) continue;
    seen.add(to.id);
    for (const [k, v] of refs(to)) env[`${to.id.toUpperCase().replace(/-/g, '_')}_${k}`] = v;
  }
  return env;
}


/**
 * An EventBridge Scheduler schedule that starts `target` with its own small role (the schedule is configuration,
 * not a connection, so its permission is scoped to exactly the one start action).
 */
export function schedule(
  ctx: TfContext,
  c: Component,
  expression: string,
  target: { arn: Value; input?: Value; ecs?: Block },
  permissions: Statement[],
): void {
  const file = ctx.fileOf(c.id);
  const local = ctx.n(c.id, 'schedule');
  const assume = policyDocument(ctx, file, ctx.n(c.id, 'schedule', 'assume'), [
    { actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['scheduler.amazonaws.com'] }, conditions: [sameAccount()] },
  ]);
  ctx.resource(file, 'aws_iam_role', local, {
    name: ctx.awsName([c.id, 'schedule'], { max: 64 }),
    description: `Lets EventBridge Scheduler start ${c.id}`,
    assume_role_policy: assume,
    tags: ctx.tags(c),
  });
  const doc = policyDocument(ctx, file, local, permissions);
  ctx.resource(file, 'aws_iam_role_policy', local, { name: 'start', role: raw(`aws_iam_role.${local}.id`), policy: doc });
  ctx.resource(
    file,
    'aws_scheduler_schedule',
    local,
    {
      name: ctx.awsName([c.id], { max: 64 }),
      schedule_expression: expression,
      schedule_expression_timezone: 'UTC',
      flexible_time_window: blk('flexible_time_window', { mode: 'OFF' }),
      target: blk('target', {
        arn: target.arn,
        role_arn: raw(`aws_iam_role.${local}.arn`),
        input: target.input,
        ecs_parameters: target.ecs,
        retry_policy: blk('retry_policy', { maximum_retry_attempts: 2, maximum_event_age_in_seconds: 3600 }),
      }),
    },
    [`Starts ${c.id} on ${expression}`],
  );
}
