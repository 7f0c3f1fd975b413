import type { ComponentOfService } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import { getAtt, ref, sub } from '../fn.js';
import type { Statement, Value } from '../fn.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Bucket = ComponentOfService<'s3'>;

/** Targets an S3 bucket can notify directly. */
const NOTIFIED = ['lambda', 'sqs', 'sns'] as const;

/**
 * A bucket that notifies others gets a fixed name, so the permissions it depends on can name it without
 * referencing the bucket (which would be a circular dependency).
 */
function fixedName(c: Bucket, ctx: CfnContext): Value | undefined {
  if (ctx.targets(c, ['trigger'], [...NOTIFIED]).length === 0) return undefined;
  const stem = `${ctx.a.name}-${c.id}`.slice(0, 28).replace(/-+$/, '');
  return sub(`${stem}-\${EnvironmentName}-\${AWS::AccountId}`);
}

/** A private, encrypted, versioned, access-logged bucket with lifecycle, CORS, Object Lock, replication and notifications. */
export const s3 = emitter('s3', {
  emit(c: Bucket, ctx: CfnContext) {
    const cfg = c.config;
    const id = ctx.id(c, 'Bucket');
    const name = fixedName(c, ctx);

    const rules: Value[] = cfg.lifecycle.map((r, i) => ({
      Id: `Rule${i + 1}`,
      Status: 'Enabled',
      Prefix: r.prefix || undefined,
      Transitions: r.transitions.length ? r.transitions.map((t) => ({ StorageClass: t.storageClass, TransitionInDays: t.days })) : undefined,
      ExpirationInDays: r.expirationDays,
    } as Value));
    rules.push({ Id: 'CleanUp', Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, ...(cfg.versioning ? { NoncurrentVersionExpiration: { NoncurrentDays: 90 } } : {}) });

    // Object Lock retention ends no later than the earliest lifecycle expiry, so expiry can still clean up.
    const expiries = cfg.lifecycle.flatMap((r) => (r.expirationDays ? [r.expirationDays] : []));
    const lockDays = expiries.length ? Math.min(...expiries) : 365;
    const props: Record<string, Value> = {
      BucketName: name,
      LifecycleConfiguration: { Rules: rules },
      CorsConfiguration: cfg.corsAllowedOrigins.length
        ? { CorsRules: [{ AllowedOrigins: cfg.corsAllowedOrigins, AllowedMethods: ['GET', 'PUT', 'POST', 'HEAD'], AllowedHeaders: ['*'], MaxAge: 3000 }] }
        : undefined,
      ObjectLockEnabled: cfg.objectLock ? true : undefined,
      ObjectLockConfiguration: cfg.objectLock ? { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: Math.min(lockDays, 3650) } } } : undefined,
    };

    const notifications = ctx.targets(c, ['trigger'], [...NOTIFIED]);
    const dependsOn: string[] = [];
    if (notifications.length) {
      const events = ['s3:ObjectCreated:*'];
      const byKind = (s: string) => notifications.filter((t) => t.service === s);
      props['NotificationConfiguration'] = {
        LambdaConfigurations: byKind('lambda').length ? byKind('lambda').flatMap((t) => events.map((Event) => ({ Event, Function: ctx.ref({ component: t.id, part: 'arn' }) }))) : undefined,
        QueueConfigurations: byKind('sqs').length ? byKind('sqs').flatMap((t) => events.map((Event) => ({ Event, Queue: ctx.ref({ component: t.id, part: 'arn' }) }))) : undefined,
        TopicConfigurations: byKind('sns').length ? byKind('sns').flatMap((t) => events.map((Event) => ({ Event, Topic: ctx.ref({ component: t.id, part: 'arn' }) }))) : undefined,
      } as Value;
      for (const g of ctx.grants) {
        if (g.type !== 'resource' || g.source !== c.id) continue;
        const t = ctx.component(g.target);
        dependsOn.push(t.service === 'lambda' ? ctx.id(t, g.sid) : t.service === 'sqs' ? `${ctx.id(t, 'Queue')}Policy` : `${ctx.id(t, 'Topic')}Policy`);
      }
    }

    if (cfg.replicationRegion) {
      const stem = `${ctx.a.name}-${c.id}`.slice(0, 22).replace(/-+$/, '');
      const dest = sub(`arn:\${AWS::Partition}:s3:::${stem}-\${EnvironmentName}-\${AWS::AccountId}-${cfg.replicationRegion}`);
      ctx.warn(`components.${c.id}.config.replicationRegion`, `replication needs the destination bucket ${stem}-<stage>-<account>-${cfg.replicationRegion} (versioned) in ${cfg.replicationRegion}; create it with the DR stack before deploying`);
      const replicaKey = ctx.cmk ? sub(`arn:\${AWS::Partition}:kms:${cfg.replicationRegion}:\${AWS::AccountId}:alias/${ctx.a.name}-\${EnvironmentName}`) : undefined;
      const statements = [
        { Sid: 'ReadSourceConfiguration', Effect: 'Allow' as const, Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: getAtt(id, 'Arn') },
        { Sid: 'ReadSourceVersions', Effect: 'Allow' as const, Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: sub(`\${${id}.Arn}/*`), why: `Replication reads every object version of bucket ${c.id}` },
        { Sid: 'WriteReplicas', Effect: 'Allow' as const, Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: sub(`arn:\${AWS::Partition}:s3:::${stem}-\${EnvironmentName}-\${AWS::AccountId}-${cfg.replicationRegion}/*`), why: `Replication writes every object of bucket ${c.id} into its replica` },
        ...(ctx.cmk
          ? [
              { Sid: 'DecryptSource', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: getAtt('Cmk', 'Arn') },
              { Sid: 'EncryptReplica', Effect: 'Allow' as const, Action: 'kms:Encrypt', Resource: replicaKey! },
            ]
          : []),
      ];
      const { role } = ctx.role(c, ctx.id(c, 'ReplicationRole'), { services: ['s3.amazonaws.com'], description: `Replicates bucket ${c.id} to ${cfg.replicationRegion}`, statements });
      props['ReplicationConfiguration'] = {
        Role: getAtt(role, 'Arn'),
        Rules: [
          {
            Id: 'ReplicateAll',
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Enabled' },
            SourceSelectionCriteria: ctx.cmk ? { SseKmsEncryptedObjects: { Status: 'Enabled' } } : undefined,
            Destination: { Bucket: dest, StorageClass: 'STANDARD_IA', EncryptionConfiguration: replicaKey ? { ReplicaKmsKeyID: replicaKey } : undefined },
          } as Value,
        ],
      };
    }

    const policy: Statement[] = resourceGrantsInto(ctx, c).map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ctx.refs({ component: c.id, part: 'objects' })[0]!,
      Condition: { StringEquals: { 'AWS:SourceArn': grantSourceArn(ctx, g) } },
    }));
    if (ctx.cmk && policy.some((p) => JSON.stringify(p.Principal).includes('cloudfront'))) ctx.keyServices.add('cloudfront.amazonaws.com');
    const { bucket } = ctx.bucket(c, id, props, policy, { versioned: cfg.versioning });
    if (dependsOn.length) ctx.t.get(bucket).DependsOn = dependsOn;
    if (!cfg.versioning) ctx.ack(bucket, 'Versioning is turned off in the design (versioning: false)', 'HIPAA.Security-S3BucketVersioningEnabled', 'PCI.DSS.321-S3BucketVersioningEnabled');
    if (!cfg.replicationRegion) {
      ctx.ack(bucket, `The design sets no replicationRegion for ${c.id}; objects are protected by versioning${ctx.a.resilience.drStrategy !== 'none' && cfg.versioning ? ' and AWS Backup' : ''} in ${ctx.a.region}`, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
    }
    ctx.output(`${ctx.prefixes.get(c.id)}BucketName`, ref(bucket), `Bucket ${c.id}`);
  },
  ref(c, part, ctx) {
    const id = ctx.id(c, 'Bucket');
    const name = fixedName(c, ctx);
    const arn = name ? sub(`arn:\${AWS::Partition}:s3:::${(name as { 'Fn::Sub': string })['Fn::Sub']}`) : getAtt(id, 'Arn');
    if (part === 'arn') return arn;
    if (part === 'objects') return name ? sub(`arn:\${AWS::Partition}:s3:::${(name as { 'Fn::Sub': string })['Fn::Sub']}/*`) : sub(`\${${id}.Arn}/*`);
    return noPart('s3', part);
  },
  attr(c, name, ctx) {
    const id = ctx.id(c, 'Bucket');
    if (name === 'name') return ref(id);
    if (name === 'regionalDomainName') return getAtt(id, 'RegionalDomainName');
    return undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_BUCKET_NAME`]: ref(ctx.id(c, 'Bucket')) };
  },
  backup(c, ctx) {
    if (!c.config.versioning) return { unsupported: 'AWS Backup needs versioning on S3 buckets (versioning: false)' };
    return { arn: getAtt(ctx.id(c, 'Bucket'), 'Arn') };
  },
});
