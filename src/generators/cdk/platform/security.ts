import { keyServicePrincipals } from '../../../model/index.js';
import { code, print } from '../code.js';
import type { CdkContext, Stmt } from '../context.js';

/** The customer-managed key (L2 `kms.Key` with rotation and its alias); service statements are added at the end. */
export function emitKey(ctx: CdkContext): void {
  if (!ctx.cmk) return;
  const kms = ctx.mod('aws-kms');
  ctx.comment('Customer-managed key for data, logs, backups and secrets.');
  const props = {
    description: `${ctx.a.name}: encrypts data, logs, backups and secrets`,
    enableKeyRotation: true,
    pendingWindow: code('cdk.Duration.days(30)'),
    alias: code(`\`alias/${ctx.a.name}-\${stage}\``),
    removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
  };
  ctx.construct('platform', 'Cmk', (s, id) => `new ${kms}.Key(${s}, ${id}, ${print(props, 2)})`, [], ['CmkAlias'], 'key');
  ctx.output('KeyArn', ctx.keyArn()!, 'Customer-managed KMS key');
}

/** Key policy statements for the services that encrypt with the key on the design's behalf. */
export function finishKeyPolicy(ctx: CdkContext): void {
  if (!ctx.cmk) return;
  const add = (st: Stmt) => {
    const c = ctx.statement(st);
    ctx.stmt(() => `cmk.addToResourcePolicy(${c.code});`, ['cmk', ...c.deps]);
  };
  if (ctx.keyServices.has('logs')) {
    add({
      Sid: 'AllowCloudWatchLogs',
      Effect: 'Allow',
      Principal: { Service: ctx.sub('logs.${AWS::Region}.amazonaws.com') },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ctx.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*') } },
    });
  }
  if (ctx.keyServices.has('cloudtrail')) {
    add({
      Sid: 'AllowCloudTrail',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': ctx.sub('arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*') } },
    });
  }
  const services = new Set<string>(keyServicePrincipals(ctx.a, ctx.grants));
  for (const s of ctx.keyServices) if (s.endsWith('.amazonaws.com')) services.add(s);
  if (ctx.keyServices.has('cloudwatch')) services.add('cloudwatch.amazonaws.com');
  if (services.size) {
    add({ Sid: 'AllowServiceDelivery', Effect: 'Allow', Principal: { Service: [...services].sort() }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': code('cdk.Aws.ACCOUNT_ID') } } });
  }
}

/** CloudTrail trail into an encrypted, access-logged bucket and CloudWatch Logs. */
export function emitAuditTrail(ctx: CdkContext): void {
  if (!ctx.a.security.auditTrail) return;
  const P = 'platform' as const;
  if (ctx.cmk) ctx.keyServices.add('cloudtrail');
  ctx.comment('Audit trail.');
  const trailArn = ctx.sub(`arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/${ctx.a.name}-\${EnvironmentName}`);
  ctx.bucket(P, 'TrailBucket', {
    lifecycle: [{ id: 'ArchiveTrail', transitions: [{ storageClass: 'GLACIER', days: 90 }], noncurrentDays: 90 }],
    statements: [
      { Sid: 'AllowCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: ctx.att('TrailBucket', 'Arn'), Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
      { Sid: 'AllowCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: ctx.sub('${TrailBucket.Arn}/AWSLogs/${AWS::AccountId}/*'), Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } } },
    ],
  });
  ctx.ack('TrailBucket', 'The audit trail stays in the primary region; CloudTrail delivers to it directly and it is retained with versioning and Glacier archiving', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
  ctx.logGroup(P, 'TrailLogGroup', undefined, Math.max(365, ctx.a.observability.logRetentionDays));
  ctx.role(P, 'TrailRole', {
    services: ['cloudtrail.amazonaws.com'],
    description: 'Lets CloudTrail deliver events to its log group',
    statements: [{ Sid: 'DeliverTrailEvents', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att('TrailLogGroup', 'Arn') }],
  });
  ctx.l1(P, 'Trail', 'AWS::CloudTrail::Trail', {
    TrailName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`),
    IsLogging: true,
    IsMultiRegionTrail: true,
    IncludeGlobalServiceEvents: true,
    EnableLogFileValidation: true,
    S3BucketName: ctx.ref('TrailBucket'),
    KMSKeyId: ctx.keyArn(),
    CloudWatchLogsLogGroupArn: ctx.att('TrailLogGroup', 'Arn'),
    CloudWatchLogsRoleArn: ctx.att('TrailRole', 'Arn'),
  });
  // The bucket policy must exist before CloudTrail checks it.
  ctx.stmt('trail.node.addDependency(trailBucket.policy!);', ['trail', 'trailBucket']);
  if (!ctx.cmk) ctx.ack('Trail', 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); trail files are encrypted with SSE-S3 in the trail bucket', 'HIPAA.Security-CloudTrailEncryptionEnabled', 'PCI.DSS.321-CloudTrailEncryptionEnabled');
  ctx.output('TrailBucketName', ctx.ref('TrailBucket'), 'Bucket holding the CloudTrail audit log');
}

export function emitThreatDetection(ctx: CdkContext): void {
  if (!ctx.a.security.threatDetection) return;
  ctx.l1('platform', 'GuardDutyDetector', 'AWS::GuardDuty::Detector', {
    Enable: true,
    FindingPublishingFrequency: 'FIFTEEN_MINUTES',
    Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' }, { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' }],
  });
}
