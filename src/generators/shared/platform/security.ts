import { keyServicePrincipals } from '../../../model/index.js';
import type { StackTarget, Target } from '../target.js';
import type { Stmt } from '../values.js';

/** Key policy statements for each AWS service that encrypts with the key on the design's behalf. */
export function finishKeyPolicy(ctx: StackTarget): void {
  if (!ctx.cmk) return;
  const statements: Stmt[] = [];
  if (ctx.keyServices.has('logs')) {
    statements.push({
      Sid: 'AllowCloudWatchLogs',
      Effect: 'Allow',
      Principal: { Service: ctx.sub('logs.${AWS::Region}.amazonaws.com') },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ctx.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*') } },
    });
  }
  if (ctx.keyServices.has('cloudtrail')) {
    statements.push({
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
    statements.push({
      Sid: 'AllowServiceDelivery',
      Effect: 'Allow',
      Principal: { Service: [...services].sort() },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
    });
  }
  ctx.keyPolicy(statements);
}

/** CloudTrail trail for management events into an encrypted, access-logged bucket, also sent to CloudWatch Logs. */
export function emitAuditTrail(ctx: Target): void {
  if (!ctx.a.security.auditTrail) return;
  const P = 'platform' as const;
  if (ctx.cmk) ctx.keyServices.add('cloudtrail');
  ctx.comment('Audit trail.');
  const trailArn = ctx.sub(`arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/${ctx.a.name}-\${EnvironmentName}`);
  const { bucket, policy } = ctx.bucket(P, 'TrailBucket', {
    lifecycle: [{ id: 'ArchiveTrail', transitions: [{ storageClass: 'GLACIER', days: 90 }], noncurrentDays: 90 }],
    statements: [
      { Sid: 'AllowCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: ctx.att('TrailBucket', 'Arn'), Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
      {
        Sid: 'AllowCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: ctx.sub('${TrailBucket.Arn}/AWSLogs/${AWS::AccountId}/*'),
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      },
    ],
  });
  ctx.ack(bucket, 'The audit trail stays in the primary region; CloudTrail delivers to it directly and it is retained with versioning and Glacier archiving', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
  const lg = ctx.logGroup(P, 'TrailLogGroup', undefined, Math.max(365, ctx.a.observability.logRetentionDays));
  const { role } = ctx.role(P, 'TrailRole', {
    services: ['cloudtrail.amazonaws.com'],
    description: 'Lets CloudTrail deliver events to its log group',
    statements: [{ Sid: 'DeliverTrailEvents', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(lg, 'Arn') }],
  });
  const trail = ctx.resource(
    P,
    'Trail',
    'AWS::CloudTrail::Trail',
    {
      TrailName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`),
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: ctx.ref(bucket),
      KMSKeyId: ctx.keyArn(),
      CloudWatchLogsLogGroupArn: ctx.att(lg, 'Arn'),
      CloudWatchLogsRoleArn: ctx.att(role, 'Arn'),
    },
    // The bucket policy must exist before CloudTrail checks it.
    { dependsOn: [policy] },
  );
  if (!ctx.cmk) {
    ctx.ack(trail, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); trail files are encrypted with SSE-S3 in the trail bucket', 'HIPAA.Security-CloudTrailEncryptionEnabled', 'PCI.DSS.321-CloudTrailEncryptionEnabled');
  }
  ctx.output('TrailBucketName', ctx.ref(bucket), 'Bucket holding the CloudTrail audit log');
}

/** GuardDuty detector with S3 and runtime protections. */
export function emitThreatDetection(ctx: Target): void {
  if (!ctx.a.security.threatDetection) return;
  ctx.resource('platform', 'GuardDutyDetector', 'AWS::GuardDuty::Detector', {
    Enable: true,
    FindingPublishingFrequency: 'FIFTEEN_MINUTES',
    Features: [
      { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
      { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
      { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
    ],
  });
}
