import type { ComponentOfService } from '../../../model/components.js';
import { policyDocument, secureBucket } from '../common.js';
import type { TfContext } from '../context.js';
import { ACCOUNT_ID } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';
import type { Block, Raw } from '../hcl.js';
import { resourceStatements } from '../iam.js';
import { lambdaArn } from './lambda.js';

type Bucket = ComponentOfService<'s3'>;

/** Bucket name: system, stage, component and account id (bucket names are global). */
export function bucketName(ctx: TfContext, id: string): Raw {
  return ctx.awsName([id], { max: 63, tail: ACCOUNT_ID, tailLength: 12 });
}

function lifecycleRules(c: Bucket): Block[] {
  return c.config.lifecycle.map((r, i) =>
    blk('rule', {
      id: r.prefix ? `${r.prefix.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'rule'}-${i + 1}` : `all-objects-${i + 1}`,
      status: 'Enabled',
      filter: blk('filter', r.prefix ? { prefix: r.prefix } : {}),
      transition: r.transitions.length ? r.transitions.map((t) => blk('transition', { days: t.days, storage_class: t.storageClass })) : undefined,
      expiration: r.expirationDays ? blk('expiration', { days: r.expirationDays }) : undefined,
    }),
  );
}

function notifications(ctx: TfContext, c: Bucket, bucketId: Raw): void {
  const file = ctx.fileOf(c.id);
  const lambdas: Block[] = [];
  const queues: Block[] = [];
  const topics: Block[] = [];
  const dependsOn: Raw[] = [];
  const edges = ctx.out(c.id, 'trigger', 'subscribe', 'invoke');
  for (const { to, scope } of edges.filter((x, i) => edges.findIndex((y) => y.to.id === x.to.id) === i)) {
    const filter = scope ? { filter_prefix: scope } : {};
    if (to.service === 'lambda') {
      lambdas.push(blk('lambda_function', { lambda_function_arn: lambdaArn(ctx, to), events: ['s3:ObjectCreated:*'], ...filter }));
      dependsOn.push(raw(`aws_lambda_permission.${ctx.n(to.id, 'allow', c.id)}`));
    } else if (to.service === 'sqs') {
      queues.push(blk('queue', { queue_arn: raw(`aws_sqs_queue.${ctx.n(to.id)}.arn`), events: ['s3:ObjectCreated:*'], ...filter }));
      dependsOn.push(raw(`aws_sqs_queue_policy.${ctx.n(to.id)}`));
    } else if (to.service === 'sns') {
      topics.push(blk('topic', { topic_arn: raw(`aws_sns_topic.${ctx.n(to.id)}.arn`), events: ['s3:ObjectCreated:*'], ...filter }));
      dependsOn.push(raw(`aws_sns_topic_policy.${ctx.n(to.id)}`));
    } else {
      ctx.note(`S3 bucket ${c.id} triggers ${to.service} ${to.id}: S3 notifies Lambda, SQS and SNS directly; put a queue or function in between for ${to.id}.`);
    }
  }
  if (!lambdas.length && !queues.length && !topics.length) return;
  ctx.resource(file, 'aws_s3_bucket_notification', ctx.n(c.id), {
    bucket: bucketId,
    lambda_function: lambdas.length ? lambdas : undefined,
    queue: queues.length ? queues : undefined,
    topic: topics.length ? topics : undefined,
    depends_on: dependsOn,
  });
}

function replication(ctx: TfContext, c: Bucket, source: { arn: Raw; id: Raw }, region: string): void {
  const file = ctx.fileOf(c.id);
  const local = ctx.n(c.id, 'replica');
  const dest = secureBucket(ctx, {
    owner: c.id,
    file,
    local,
    name: ctx.awsName([c.id, 'replica'], { max: 63, tail: ACCOUNT_ID, tailLength: 12 }),
    tags: ctx.tags(c),
    encryption: 'cmk',
    versioning: true,
    accessLogs: false,
    region,
    comments: [`Replica of ${c.id} in ${region} for disaster recovery.`],
  });
  const sourceKey = ctx.kms();
  const destKey = ctx.kms([], region);
  const assume = policyDocument(ctx, file, ctx.n(c.id, 'replication', 'assume'), [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['s3.amazonaws.com'] } }]);
  const role = ctx.n(c.id, 'replication');
  ctx.resource(file, 'aws_iam_role', role, {
    name: ctx.awsName([c.id, 'replication'], { max: 64 }),
    description: `Lets S3 replicate ${c.id} to ${region}`,
    assume_role_policy: assume,
    tags: ctx.tags(c),
  });
  const doc = policyDocument(ctx, file, role, [
    { sid: 'ReadSourceConfiguration', actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'], resources: [source.arn] },
    { sid: 'ReadSourceVersions', actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], resources: [tpl`${source.arn}/*`] },
    { sid: 'WriteReplicas', actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], resources: [tpl`${dest.arn}/*`] },
    ...(sourceKey && destKey
      ? [
          { sid: 'DecryptSource', actions: ['kms:Decrypt'], resources: [sourceKey] },
          { sid: 'EncryptReplica', actions: ['kms:Encrypt', 'kms:GenerateDataKey'], resources: [destKey] },
        ]
      : []),
  ]);
  ctx.resource(file, 'aws_iam_role_policy', role, { name: 'replication', role: raw(`aws_iam_role.${role}.id`), policy: doc });
  ctx.resource(file, 'aws_s3_bucket_replication_configuration', ctx.n(c.id), {
    role: raw(`aws_iam_role.${role}.arn`),
    bucket: source.id,
    rule: blk('rule', {
      id: 'disaster-recovery',
      status: 'Enabled',
      filter: blk('filter', {}),
      delete_marker_replication: blk('delete_marker_replication', { status: 'Enabled' }),
      source_selection_criteria: sourceKey ? blk('source_selection_criteria', { sse_kms_encrypted_objects: blk('sse_kms_encrypted_objects', { status: 'Enabled' }) }) : undefined,
      destination: blk('destination', {
        bucket: dest.arn,
        storage_class: 'STANDARD',
        encryption_configuration: destKey ? blk('encryption_configuration', { replica_kms_key_id: destKey }) : undefined,
      }),
    }),
    depends_on: [raw(`aws_s3_bucket_versioning.${ctx.n(c.id)}`), raw(`aws_s3_bucket_versioning.${local}`)],
  });
}

export const s3: Emitter<'s3'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const servedByCdn = ctx.in(c.id, 'route').some((x) => x.from.service === 'cloudfront');
    if (servedByCdn) ctx.kms(['cloudfront.amazonaws.com']);
    if (ctx.out(c.id, 'trigger', 'subscribe', 'invoke').some((x) => x.to.service === 'sqs' || x.to.service === 'sns')) ctx.kms(['s3.amazonaws.com']);
    const expiries = cfg.lifecycle.map((r) => r.expirationDays).filter((d): d is number => d !== undefined);
    const bucket = secureBucket(ctx, {
      owner: c.id,
      file,
      local: n,
      name: bucketName(ctx, c.id),
      tags: ctx.tags(c),
      encryption: 'cmk',
      versioning: cfg.versioning || !!cfg.replicationRegion,
      objectLock: cfg.objectLock ? { mode: ctx.a.compliance.length ? 'COMPLIANCE' : 'GOVERNANCE', days: expiries.length ? Math.min(...expiries) : 365 } : undefined,
      lifecycle: lifecycleRules(c),
      accessLogs: true,
      policy: () => resourceStatements(ctx, c.id, ctx.refs),
      comments: c.description || c.name ? [`${c.name ?? c.id}${c.description ? `: ${c.description}` : ''} (${cfg.purpose})`] : undefined,
    });
    if (cfg.corsAllowedOrigins.length) {
      ctx.resource(file, 'aws_s3_bucket_cors_configuration', n, {
        bucket: bucket.id,
        cors_rule: blk('cors_rule', {
          allowed_methods: ['GET', 'HEAD', 'PUT', 'POST'],
          allowed_origins: cfg.corsAllowedOrigins,
          allowed_headers: ['*'],
          expose_headers: ['ETag'],
          max_age_seconds: 3000,
        }),
      });
    }
    notifications(ctx, c, bucket.id);
    if (cfg.replicationRegion) replication(ctx, c, bucket, cfg.replicationRegion);
    // AWS Backup protects S3 only with versioning on.
    if (cfg.versioning || cfg.objectLock || cfg.replicationRegion) ctx.backup(c.id, bucket.arn);
    ctx.output({ name: `${n}_bucket_name`, value: bucket.name, description: `Name of bucket ${c.id}` });
  },
  ref(c, part, ctx) {
    const b = `aws_s3_bucket.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${b}.arn`)];
    if (part === 'objects') return [tpl`${raw(`${b}.arn`)}/*`];
    return noPart('s3', part);
  },
  env(c, ctx) {
    return [['BUCKET_NAME', bucketName(ctx, c.id)]];
  },
};

