import { keyServicePrincipals } from '../../../model/permissions.js';
import { arn, logGroup, policyDocument, sameAccount, secureBucket } from '../common.js';
import type { Statement, TfContext } from '../context.js';
import { ACCOUNT_ID, PARTITION } from '../context.js';
import { blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Raw } from '../hcl.js';
import { ALARM_TOPIC } from './observability.js';

const FILE = 'security.tf';

/**
 * security.tf: CloudTrail to an encrypted, access-blocked bucket; GuardDuty; and, with customer-managed keys, the
 * design's KMS key (rotated, aliased, with a policy naming each AWS service that must use it) and its replicas in
 * the DR regions. Runs after every other section so the key policy knows which services need the key.
 */
export function security(ctx: TfContext): void {
  const a = ctx.a;
  if (a.security.auditTrail) cloudTrail(ctx);
  if (a.security.threatDetection) guardDuty(ctx);
  if (ctx.cmk) key(ctx);
}

function keyPolicy(ctx: TfContext, name: string, region: Raw | string): Raw {
  const services = [...new Set([...ctx.keyServices, ...keyServicePrincipals(ctx.a, ctx.grants)])].sort();
  const statements: Statement[] = [
    {
      sid: 'AccountAdministersKeyThroughIam',
      actions: ['kms:*'],
      resources: ['*'],
      principals: { type: 'AWS', identifiers: [tpl`arn:${PARTITION}:iam::${ACCOUNT_ID}:root`] },
    },
  ];
  for (const svc of services) {
    if (svc === 'logs') {
      statements.push({
        sid: 'CloudWatchLogs',
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        principals: { type: 'Service', identifiers: [tpl`logs.${region}.amazonaws.com`] },
        conditions: [{ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: [tpl`arn:${PARTITION}:logs:${region}:${ACCOUNT_ID}:log-group:*`] }],
      });
    } else if (svc === 'cloudtrail.amazonaws.com') {
      statements.push({
        sid: 'CloudTrailEncryptsLogs',
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        principals: { type: 'Service', identifiers: [svc] },
        conditions: [{ test: 'StringLike', variable: 'kms:EncryptionContext:aws:cloudtrail:arn', values: [tpl`arn:${PARTITION}:cloudtrail:*:${ACCOUNT_ID}:trail/*`] }],
      });
      statements.push({ sid: 'CloudTrailDescribesKey', actions: ['kms:DescribeKey'], resources: ['*'], principals: { type: 'Service', identifiers: [svc] } });
    } else {
      const sid = svc.split('.')[0]!.split('-').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
      statements.push({
        sid: `${sid}UsesKey`,
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        principals: { type: 'Service', identifiers: [svc] },
        conditions: [sameAccount()],
      });
    }
  }
  return policyDocument(ctx, FILE, name, statements);
}

function key(ctx: TfContext): void {
  const replicas = [...ctx.replicaKeyRegions].sort();
  ctx.resource(
    FILE,
    'aws_kms_key',
    'main',
    {
      description: `${ctx.a.name} data at rest`,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      multi_region: replicas.length ? true : undefined,
      policy: keyPolicy(ctx, 'key', raw('var.region')),
      tags: ctx.tags('security'),
    },
    ['The design key: customer managed, rotated yearly. IAM policies of each role grant its use (kms:Decrypt, kms:GenerateDataKey).'],
  );
  ctx.resource(FILE, 'aws_kms_alias', 'main', { name: tpl`alias/${ctx.awsName([], { max: 200 })}`, target_key_id: raw('aws_kms_key.main.key_id') });
  for (const region of replicas) {
    const local = ctx.n('key', region);
    ctx.resource(
      FILE,
      'aws_kms_replica_key',
      local,
      {
        region,
        description: `${ctx.a.name} data at rest (replica in ${region})`,
        primary_key_arn: raw('aws_kms_key.main.arn'),
        deletion_window_in_days: 30,
        policy: keyPolicy(ctx, ctx.n('key', region, 'policy'), region),
        tags: ctx.tags('security'),
      },
      [`Replica of the design key for the copies kept in ${region}.`],
    );
  }
  ctx.output({ platform: true, name: 'kms_key_arn', value: raw('aws_kms_key.main.arn'), description: 'Customer-managed key encrypting the data stores.' });
}

function cloudTrail(ctx: TfContext): void {
  const trailName = ctx.awsName(['trail'], { max: 128 });
  const trailArn = arn('cloudtrail', tpl`trail/${trailName}`);
  const bucket = secureBucket(ctx, {
    owner: 'security',
    file: FILE,
    local: 'trail',
    name: ctx.awsName(['trail'], { max: 63, tail: ACCOUNT_ID, tailLength: 12 }),
    tags: ctx.tags('security'),
    encryption: 'cmk',
    versioning: true,
    accessLogs: true,
    comments: ['CloudTrail log files: encrypted, versioned, public access blocked, kept as audit evidence.'],
    lifecycle: [
      blk('rule', {
        id: 'archive-trail',
        status: 'Enabled',
        filter: blk('filter', {}),
        transition: blk('transition', { days: 90, storage_class: 'GLACIER_IR' }),
      }),
    ],
    policy: (b) => [
      {
        sid: 'CloudTrailChecksAcl',
        actions: ['s3:GetBucketAcl'],
        resources: [b],
        principals: { type: 'Service', identifiers: ['cloudtrail.amazonaws.com'] },
        conditions: [{ test: 'StringEquals', variable: 'aws:SourceArn', values: [trailArn] }],
      },
      {
        sid: 'CloudTrailWrites',
        actions: ['s3:PutObject'],
        resources: [tpl`${b}/AWSLogs/${ACCOUNT_ID}/*`],
        principals: { type: 'Service', identifiers: ['cloudtrail.amazonaws.com'] },
        conditions: [
          { test: 'StringEquals', variable: 'aws:SourceArn', values: [trailArn] },
          { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] },
        ],
      },
    ],
  });
  const lg = logGroup(ctx, FILE, 'trail', tpl`/aws/cloudtrail/${trailName}`, ctx.tags('security'));
  const assume = policyDocument(ctx, FILE, 'trail_assume', [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['cloudtrail.amazonaws.com'] } }]);
  ctx.resource(FILE, 'aws_iam_role', 'trail', {
    name: ctx.awsName(['trail'], { max: 64 }),
    description: 'Lets CloudTrail deliver events to CloudWatch Logs',
    assume_role_policy: assume,
    tags: ctx.tags('security'),
  });
  const doc = policyDocument(ctx, FILE, 'trail_delivery', [{ sid: 'DeliverEvents', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [tpl`${raw(`${lg}.arn`)}:*`] }]);
  ctx.resource(FILE, 'aws_iam_role_policy', 'trail', { name: 'cloudwatch-logs', role: raw('aws_iam_role.trail.id'), policy: doc });
  ctx.resource(
    FILE,
    'aws_cloudtrail',
    'main',
    {
      name: trailName,
      s3_bucket_name: bucket.id,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      kms_key_id: ctx.kms(['cloudtrail.amazonaws.com']),
      cloud_watch_logs_group_arn: tpl`${raw(`${lg}.arn`)}:*`,
      cloud_watch_logs_role_arn: raw('aws_iam_role.trail.arn'),
      tags: ctx.tags('security'),
      depends_on: [raw('aws_s3_bucket_policy.trail')],
    },
    ['Management events of every region, with log file validation.'],
  );
}

function guardDuty(ctx: TfContext): void {
  const has = (...s: Parameters<TfContext['ofService']>) => ctx.ofService(...s).length > 0;
  ctx.resource(
    FILE,
    'aws_guardduty_detector',
    'main',
    { enable: true, finding_publishing_frequency: 'FIFTEEN_MINUTES', tags: ctx.tags('security') },
    ['One detector per account and region: import it (terraform import aws_guardduty_detector.main <id>) if GuardDuty is already on.'],
  );
  const features: Array<[string, boolean]> = [
    ['S3_DATA_EVENTS', has('s3')],
    ['EKS_AUDIT_LOGS', has('eks')],
    ['RDS_LOGIN_EVENTS', has('aurora', 'rds')],
    ['LAMBDA_NETWORK_LOGS', has('lambda')],
    ['EBS_MALWARE_PROTECTION', has('ec2-asg', 'eks')],
  ];
  for (const [name, on] of features) {
    if (!on) continue;
    ctx.resource(FILE, 'aws_guardduty_detector_feature', ctx.n('guardduty', name.toLowerCase()), {
      detector_id: raw('aws_guardduty_detector.main.id'),
      name,
      status: 'ENABLED',
    });
  }
  ctx.resource(
    FILE,
    'aws_cloudwatch_event_rule',
    'guardduty_findings',
    {
      name: ctx.awsName(['guardduty-findings'], { max: 64 }),
      description: 'GuardDuty findings of high severity',
      event_pattern: jsonencode(
        obj({
          source: ['aws.guardduty'],
          'detail-type': ['GuardDuty Finding'],
          detail: obj({ severity: [obj({ numeric: ['>=', 7] })] }),
        }),
      ),
      tags: ctx.tags('security'),
    },
    ['High-severity findings go to the alarm topic.'],
  );
  ctx.resource(FILE, 'aws_cloudwatch_event_target', 'guardduty_findings', {
    rule: raw('aws_cloudwatch_event_rule.guardduty_findings.name'),
    arn: ALARM_TOPIC,
  });
}
