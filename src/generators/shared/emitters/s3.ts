import type { ComponentOfService } from '../../../model/index.js';
import type { BucketSpec, LifecycleRule, Target } from '../target.js';
import type { Prop, Stmt } from '../values.js';
import { envKey } from './common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Bucket = ComponentOfService<'s3'>;

/** Targets an S3 bucket can notify directly. */
const NOTIFIED = ['lambda', 'sqs', 'sns'] as const;

/**
 * A bucket that notifies others gets a fixed name (a `Fn::Sub` string), so the permissions it depends on can name
 * it without referencing the bucket (which would be a circular dependency).
 */
function fixedName(c: Bucket, ctx: Target): string | undefined {
  if (ctx.targets(c, ['trigger'], [...NOTIFIED]).length === 0) return undefined;
  const stem = `${ctx.a.name}-${c.id}`.slice(0, 28).replace(/-+$/, '');
  return `${stem}-\${EnvironmentName}-\${AWS::AccountId}`;
}

/** Object-created notifications to functions, queues and topics; the bucket waits for the policies that allow them. */
function notifications(c: Bucket, ctx: Target): NonNullable<BucketSpec['extra']>[number] | undefined {
  const targets = ctx.targets(c, ['trigger'], [...NOTIFIED]);
  if (!targets.length) return undefined;
  const events = ['s3:ObjectCreated:*'];
  const byKind = (s: string) => targets.filter((t) => t.service === s);
  const configs = (kind: string, key: string): Prop =>
    byKind(kind).length ? byKind(kind).flatMap((t) => events.map((Event) => ({ Event, [key]: ctx.refOf({ component: t.id, part: 'arn' }) }))) : undefined;
  const dependsOn: string[] = [];
  for (const g of ctx.grants) {
    if (g.type !== 'resource' || g.source !== c.id) continue;
    const t = ctx.component(g.target);
    dependsOn.push(t.service === 'lambda' ? ctx.id(t, g.sid) : `${ctx.id(t, t.service === 'sqs' ? 'Queue' : 'Topic')}Policy`);
  }
  return {
    property: 'NotificationConfiguration',
    value: () => ({ LambdaConfigurations: configs('lambda', 'Function'), QueueConfigurations: configs('sqs', 'Queue'), TopicConfigurations: configs('sns', 'Topic') }),
    dependsOn,
  };
}

/** Replication to the design's replica region, through a role of its own; the destination bucket is the DR stack's. */
function replication(c: Bucket, ctx: Target, id: string, region: string): NonNullable<BucketSpec['extra']>[number] {
  return {
    property: 'ReplicationConfiguration',
    value: () => {
      const stem = `${ctx.a.name}-${c.id}`.slice(0, 22).replace(/-+$/, '');
      const destName = `${stem}-\${EnvironmentName}-\${AWS::AccountId}-${region}`;
      ctx.warn(`components.${c.id}.config.replicationRegion`, `replication needs the destination bucket ${stem}-<stage>-<account>-${region} (versioned) in ${region}; create it with the DR stack before deploying`);
      const replicaKey = ctx.cmk ? ctx.sub(`arn:\${AWS::Partition}:kms:${region}:\${AWS::AccountId}:alias/${ctx.a.name}-\${EnvironmentName}`) : undefined;
      const { role } = ctx.role(c, ctx.id(c, 'ReplicationRole'), {
        services: ['s3.amazonaws.com'],
        description: `Replicates bucket ${c.id} to ${region}`,
        statements: [
          { Sid: 'ReadSourceConfiguration', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: ctx.att(id, 'Arn') },
          { Sid: 'ReadSourceVersions', Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: ctx.sub(`\${${id}.Arn}/*`), why: `Replication reads every object version of bucket ${c.id}` },
          { Sid: 'WriteReplicas', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: ctx.sub(`arn:\${AWS::Partition}:s3:::${destName}/*`), why: `Replication writes every object of bucket ${c.id} into its replica` },
          ...(ctx.cmk
            ? [
                { Sid: 'DecryptSource', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: ctx.keyArn()! },
                { Sid: 'EncryptReplica', Effect: 'Allow' as const, Action: 'kms:Encrypt', Resource: replicaKey! },
              ]
            : []),
        ],
      });
      return {
        Role: ctx.att(role, 'Arn'),
        Rules: [
          {
            Id: 'ReplicateAll',
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Enabled' },
            SourceSelectionCriteria: ctx.cmk ? { SseKmsEncryptedObjects: { Status: 'Enabled' } } : undefined,
            Destination: { Bucket: ctx.sub(`arn:\${AWS::Partition}:s3:::${destName}`), StorageClass: 'STANDARD_IA', EncryptionConfiguration: replicaKey ? { ReplicaKmsKeyID: replicaKey } : undefined },
          },
        ],
      };
    },
  };
}

/** A private, encrypted, versioned, access-logged bucket with lifecycle, CORS, Object Lock, replication and notifications. */
export const s3 = emitter('s3', {
  emit(c: Bucket, ctx: Target) {
    const cfg = c.config;
    const id = ctx.id(c, 'Bucket');
    const name = fixedName(c, ctx);
    const lifecycle: LifecycleRule[] = cfg.lifecycle.map((r, i) => ({
      id: `Rule${i + 1}`,
      prefix: r.prefix || undefined,
      transitions: r.transitions.length ? r.transitions : undefined,
      expirationDays: r.expirationDays,
    }));
    lifecycle.push({ id: 'CleanUp', abortIncompleteUploadDays: 7, noncurrentDays: cfg.versioning ? 90 : undefined });
    // Object Lock retention ends no later than the earliest lifecycle expiry, so expiry can still clean up.
    const expiries = cfg.lifecycle.flatMap((r) => (r.expirationDays ? [r.expirationDays] : []));
    const lockDays = expiries.length ? Math.min(...expiries) : 365;
    const statements: Stmt[] = resourceGrantsInto(ctx, c).map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ctx.refs({ component: c.id, part: 'objects' })[0]!,
      Condition: { StringEquals: { 'AWS:SourceArn': grantSourceArn(ctx, g) } },
    }));
    if (ctx.cmk && statements.some((p) => JSON.stringify(p.Principal).includes('cloudfront'))) ctx.keyServices.add('cloudfront.amazonaws.com');
    const notify = notifications(c, ctx);
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? `${cfg.purpose} bucket`}`);
    ctx.bucket(c, id, {
      name: name ? ctx.sub(name) : undefined,
      lifecycle,
      cors: cfg.corsAllowedOrigins.length ? { origins: cfg.corsAllowedOrigins, methods: ['GET', 'PUT', 'POST', 'HEAD'], headers: ['*'], maxAgeSeconds: 3000 } : undefined,
      objectLock: cfg.objectLock ? { mode: 'GOVERNANCE', days: Math.min(lockDays, 3650) } : undefined,
      versioned: cfg.versioning,
      statements,
      extra: [...(notify ? [notify] : []), ...(cfg.replicationRegion ? [replication(c, ctx, id, cfg.replicationRegion)] : [])],
    });
    if (!cfg.versioning) ctx.ack(id, 'Versioning is turned off in the design (versioning: false)', 'HIPAA.Security-S3BucketVersioningEnabled', 'PCI.DSS.321-S3BucketVersioningEnabled');
    if (!cfg.replicationRegion) {
      ctx.ack(id, `The design sets no replicationRegion for ${c.id}; objects are protected by versioning${ctx.a.resilience.drStrategy !== 'none' && cfg.versioning ? ' and AWS Backup' : ''} in ${ctx.a.region}`, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
    }
    ctx.output(`${ctx.prefixes.get(c.id)}BucketName`, ctx.ref(id), `Bucket ${c.id}`);
  },
  ref(c, part, ctx) {
    const id = ctx.id(c, 'Bucket');
    const name = fixedName(c, ctx);
    if (part === 'arn') return name ? ctx.sub(`arn:\${AWS::Partition}:s3:::${name}`) : ctx.att(id, 'Arn');
    if (part === 'objects') return name ? ctx.sub(`arn:\${AWS::Partition}:s3:::${name}/*`) : ctx.sub(`\${${id}.Arn}/*`);
    return noPart('s3', part);
  },
  attr(c, name, ctx) {
    const id = ctx.id(c, 'Bucket');
    if (name === 'name') return ctx.ref(id);
    if (name === 'regionalDomainName') return ctx.att(id, 'RegionalDomainName');
    return undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_BUCKET_NAME`]: ctx.ref(ctx.id(c, 'Bucket')) };
  },
  backup(c, ctx) {
    if (!c.config.versioning) return { unsupported: 'AWS Backup needs versioning on S3 buckets (versioning: false)' };
    return { arn: ctx.att(ctx.id(c, 'Bucket'), 'Arn') };
  },
});
