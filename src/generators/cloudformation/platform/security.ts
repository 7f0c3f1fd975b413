import { keyServicePrincipals } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import { getAtt, policyDocument, ref, sub } from '../fn.js';
import type { Statement } from '../fn.js';

/** The customer-managed key, created first so everything can reference it; its policy is completed at the end. */
export function emitKey(ctx: CfnContext): void {
  if (!ctx.cmk) return;
  ctx.add(
    'platform',
    'Cmk',
    'AWS::KMS::Key',
    {
      Description: `${ctx.a.name}: encrypts data, logs, backups and secrets`,
      EnableKeyRotation: true,
      PendingWindowInDays: 30,
      KeyPolicy: policyDocument([]),
    },
    { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
  );
  ctx.add('platform', 'CmkAlias', 'AWS::KMS::Alias', { AliasName: sub(`alias/${ctx.a.name}-\${EnvironmentName}`), TargetKeyId: ref('Cmk') });
  ctx.output('KeyArn', getAtt('Cmk', 'Arn'), 'Customer-managed KMS key');
}

/** Key policy: account administrators, then each AWS service that encrypts with the key on the design's behalf. */
export function finishKeyPolicy(ctx: CfnContext): void {
  if (!ctx.cmk) return;
  const statements: Statement[] = [
    {
      Sid: 'AllowAccountAdministration',
      Effect: 'Allow',
      Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (ctx.keyServices.has('logs')) {
    statements.push({
      Sid: 'AllowCloudWatchLogs',
      Effect: 'Allow',
      Principal: { Service: sub('logs.${AWS::Region}.amazonaws.com') },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*') } },
    });
  }
  if (ctx.keyServices.has('cloudtrail')) {
    statements.push({
      Sid: 'AllowCloudTrail',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': sub('arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*') } },
    });
  }
  const services = new Set<string>(keyServicePrincipals(ctx.a, ctx.grants));
  for (const s of ctx.keyServices) if (s.endsWith('.amazonaws.com')) services.add(s);
  if (ctx.keyServices.has('cloudwatch')) services.add('cloudwatch.amazonaws.com');
  if (services.size) {
    statements.push({
      Sid: 'AllowServiceDelivery',
      Effect: 'Allow',
      Principal: { Service: [...services].sort() },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
    });
  }
  ctx.t.get('Cmk').Properties!['KeyPolicy'] = policyDocument(statements);
}

/** CloudTrail trail for management events into an encrypted, access-logged bucket, also sent to CloudWatch Logs. */
export function emitAuditTrail(ctx: CfnContext): void {
  if (!ctx.a.security.auditTrail) return;
  const P = 'platform' as const;
  if (ctx.cmk) ctx.keyServices.add('cloudtrail');
  const trailArn = sub(`arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/${ctx.a.name}-\${EnvironmentName}`);
  const { bucket, policy } = ctx.bucket(P, 'TrailBucket', {
    lifecycle: [{ id: 'ArchiveTrail', transitions: [{ storageClass: 'GLACIER', days: 90 }], noncurrentDays: 90 }],
    statements: [
      { Sid: 'AllowCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: getAtt('TrailBucket', 'Arn'), Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
      {
        Sid: 'AllowCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: sub('${TrailBucket.Arn}/AWSLogs/${AWS::AccountId}/*'),
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      },
    ],
  });
  const why = 'The audit trail stays in the primary region; CloudTrail delivers to it directly and it is retained with versioning and Glacier archiving';
  ctx.suppress(bucket, 'HIPAA.Security-S3BucketReplicationEnabled', why);
  ctx.suppress(bucket, 'PCI.DSS.321-S3BucketReplicationEnabled', why);
  const lg = ctx.logGroup(P, 'TrailLogGroup', undefined, Math.max(365, ctx.a.observability.logRetentionDays));
  const { role } = ctx.role(P, 'TrailRole', {
    services: ['cloudtrail.amazonaws.com'],
    description: 'Lets CloudTrail deliver events to its log group',
    statements: [{ Sid: 'DeliverTrailEvents', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: getAtt(lg, 'Arn') }],
  });
  const trail = ctx.add(
    P,
    'Trail',
    'AWS::CloudTrail::Trail',
    {
      TrailName: sub(`${ctx.a.name}-\${EnvironmentName}`),
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: ref(bucket),
      KMSKeyId: ctx.keyArn(),
      CloudWatchLogsLogGroupArn: getAtt(lg, 'Arn'),
      CloudWatchLogsRoleArn: getAtt(role, 'Arn'),
    },
    { DependsOn: [policy] },
  );
  if (!ctx.cmk) {
    const w = 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); trail files are encrypted with SSE-S3 in the trail bucket';
    ctx.suppress(trail, 'HIPAA.Security-CloudTrailEncryptionEnabled', w);
    ctx.suppress(trail, 'PCI.DSS.321-CloudTrailEncryptionEnabled', w);
  }
  ctx.output('TrailBucketName', ref(bucket), 'Bucket holding the CloudTrail audit log');
}

/** GuardDuty detector with S3 and runtime protections. */
export function emitThreatDetection(ctx: CfnContext): void {
  if (!ctx.a.security.threatDetection) return;
  ctx.add('platform', 'GuardDutyDetector', 'AWS::GuardDuty::Detector', {
    Enable: true,
    FindingPublishingFrequency: 'FIFTEEN_MINUTES',
    Features: [
      { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
      { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
      { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
    ],
  });
}

export { ref };
