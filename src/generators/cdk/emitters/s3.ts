import type { ComponentOfService } from '../../../model/index.js';
import { code, print } from '../code.js';
import type { TsValue } from '../code.js';
import type { CdkContext, Stmt } from '../context.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Bucket = ComponentOfService<'s3'>;

const NOTIFIED = ['lambda', 'sqs', 'sns'] as const;
const STORAGE: Record<string, string> = {
  STANDARD_IA: 'INFREQUENT_ACCESS',
  ONEZONE_IA: 'ONE_ZONE_INFREQUENT_ACCESS',
  INTELLIGENT_TIERING: 'INTELLIGENT_TIERING',
  GLACIER_IR: 'GLACIER_INSTANT_RETRIEVAL',
  GLACIER: 'GLACIER',
  DEEP_ARCHIVE: 'DEEP_ARCHIVE',
};

function fixedName(c: Bucket, ctx: CdkContext): string | undefined {
  if (ctx.targets(c, ['trigger'], [...NOTIFIED]).length === 0) return undefined;
  const stem = `${ctx.a.name}-${c.id}`.slice(0, 28).replace(/-+$/, '');
  return `${stem}-\${EnvironmentName}-\${AWS::AccountId}`;
}

/**
 * A bucket through the shared secure-bucket helper (L2 `s3.Bucket`: private, encrypted, TLS-only, access-logged),
 * with lifecycle, CORS and Object Lock as L2 properties; notifications and replication go through the CloudFormation
 * properties because the L2 adds its own handler function and replication role for them.
 */
export const s3 = emitter('s3', {
  emit(c: Bucket, ctx: CdkContext) {
    const cfg = c.config;
    const m = ctx.mod('aws-s3');
    const id = ctx.id(c, 'Bucket');
    const name = fixedName(c, ctx);
    const expiries = cfg.lifecycle.flatMap((r) => (r.expirationDays ? [r.expirationDays] : []));
    const lockDays = expiries.length ? Math.min(...expiries) : 365;
    const rules: TsValue[] = cfg.lifecycle.map((r, i) => ({
      id: `Rule${i + 1}`,
      prefix: r.prefix || undefined,
      transitions: r.transitions.length ? r.transitions.map((t) => ({ storageClass: code(`${m}.StorageClass.${STORAGE[t.storageClass]}`), transitionAfter: code(`cdk.Duration.days(${t.days})`) })) : undefined,
      expiration: r.expirationDays ? code(`cdk.Duration.days(${r.expirationDays})`) : undefined,
    }));
    rules.push({ id: 'CleanUp', abortIncompleteMultipartUploadAfter: code('cdk.Duration.days(7)'), noncurrentVersionExpiration: cfg.versioning ? code('cdk.Duration.days(90)') : undefined });
    const props: Record<string, TsValue> = {
      bucketName: name ? ctx.sub(name) : undefined,
      lifecycleRules: rules,
      cors: cfg.corsAllowedOrigins.length
        ? [{ allowedOrigins: cfg.corsAllowedOrigins, allowedMethods: ['GET', 'PUT', 'POST', 'HEAD'].map((x) => code(`${m}.HttpMethods.${x}`)), allowedHeaders: ['*'], maxAge: 3000 }]
        : undefined,
      objectLockEnabled: cfg.objectLock ? true : undefined,
      objectLockDefaultRetention: cfg.objectLock ? code(`${m}.ObjectLockRetention.governance(cdk.Duration.days(${Math.min(lockDays, 3650)}))`) : undefined,
    };
    const policy: Stmt[] = resourceGrantsInto(ctx, c).map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ctx.refs({ component: c.id, part: 'objects' })[0]!,
      Condition: { StringEquals: { 'AWS:SourceArn': grantSourceArn(ctx, g) } },
    }));
    if (ctx.cmk && policy.some((p) => JSON.stringify(p.Principal).includes('cloudfront'))) ctx.keyServices.add('cloudfront.amazonaws.com');
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? `${cfg.purpose} bucket`}`);
    ctx.bucket(c, id, props, policy, { versioned: cfg.versioning });
    const v = ctx.v(id);

    const notifications = ctx.targets(c, ['trigger'], [...NOTIFIED]);
    if (notifications.length) {
      const byKind = (s: string) => notifications.filter((t) => t.service === s);
      const conf = {
        LambdaConfigurations: byKind('lambda').length ? byKind('lambda').map((t) => ({ Event: 's3:ObjectCreated:*', Function: ctx.refOf({ component: t.id, part: 'arn' }) })) : undefined,
        QueueConfigurations: byKind('sqs').length ? byKind('sqs').map((t) => ({ Event: 's3:ObjectCreated:*', Queue: ctx.refOf({ component: t.id, part: 'arn' }) })) : undefined,
        TopicConfigurations: byKind('sns').length ? byKind('sns').map((t) => ({ Event: 's3:ObjectCreated:*', Topic: ctx.refOf({ component: t.id, part: 'arn' }) })) : undefined,
      };
      ctx.stmt(() => `(${v}.node.defaultChild as ${m}.CfnBucket).addPropertyOverride('NotificationConfiguration', ${print(conf as TsValue, 0)});`, [v, ...notifications.flatMap((t) => ctx.refOf({ component: t.id, part: 'arn' }).deps)]);
      for (const g of ctx.grants) {
        if (g.type !== 'resource' || g.source !== c.id) continue;
        const t = ctx.component(g.target);
        const dep = t.service === 'lambda' ? ctx.id(t, g.sid) : t.service === 'sqs' ? ctx.id(t, 'Queue') : ctx.id(t, 'Topic');
        ctx.stmt(() => `${v}.node.addDependency(${ctx.v(dep)});`, [v, ctx.v(dep)]);
      }
    }
    if (cfg.replicationRegion) {
      const stem = `${ctx.a.name}-${c.id}`.slice(0, 22).replace(/-+$/, '');
      const destName = `${stem}-\${EnvironmentName}-\${AWS::AccountId}-${cfg.replicationRegion}`;
      ctx.warn(`components.${c.id}.config.replicationRegion`, `replication needs the destination bucket ${stem}-<stage>-<account>-${cfg.replicationRegion} (versioned) in ${cfg.replicationRegion}; create it with the DR stack before deploying`);
      const replicaKey = ctx.cmk ? ctx.sub(`arn:\${AWS::Partition}:kms:${cfg.replicationRegion}:\${AWS::AccountId}:alias/${ctx.a.name}-\${EnvironmentName}`) : undefined;
      const roleId = ctx.id(c, 'ReplicationRole');
      ctx.role(c, roleId, {
        services: ['s3.amazonaws.com'],
        description: `Replicates bucket ${c.id} to ${cfg.replicationRegion}`,
        statements: [
          { Sid: 'ReadSourceConfiguration', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: ctx.att(id, 'Arn') },
          { Sid: 'ReadSourceVersions', Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: ctx.sub(`\${${id}.Arn}/*`), why: `Replication reads every object version of bucket ${c.id}` },
          { Sid: 'WriteReplicas', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: ctx.sub(`arn:\${AWS::Partition}:s3:::${destName}/*`), why: `Replication writes every object of bucket ${c.id} into its replica` },
          ...(ctx.cmk ? [{ Sid: 'DecryptSource', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: ctx.keyArn()! }, { Sid: 'EncryptReplica', Effect: 'Allow' as const, Action: 'kms:Encrypt', Resource: replicaKey! }] : []),
        ],
      });
      const conf = {
        Role: ctx.att(roleId, 'Arn'),
        Rules: [{ Id: 'ReplicateAll', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Enabled' }, SourceSelectionCriteria: ctx.cmk ? { SseKmsEncryptedObjects: { Status: 'Enabled' } } : undefined, Destination: { Bucket: ctx.sub(`arn:\${AWS::Partition}:s3:::${destName}`), StorageClass: 'STANDARD_IA', EncryptionConfiguration: replicaKey ? { ReplicaKmsKeyID: replicaKey } : undefined } }],
      };
      ctx.stmt(() => `(${v}.node.defaultChild as ${m}.CfnBucket).addPropertyOverride('ReplicationConfiguration', ${print(conf as TsValue, 0)});`, [v, ctx.v(roleId), ...(replicaKey?.deps ?? [])]);
    }
    if (!cfg.versioning) ctx.ack(id, 'Versioning is turned off in the design (versioning: false)', 'HIPAA.Security-S3BucketVersioningEnabled', 'PCI.DSS.321-S3BucketVersioningEnabled');
    if (!cfg.replicationRegion) ctx.ack(id, `The design sets no replicationRegion for ${c.id}; objects are protected by versioning${ctx.a.resilience.drStrategy !== 'none' && cfg.versioning ? ' and AWS Backup' : ''} in ${ctx.a.region}`, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
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

