import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Firehose = ComponentOfService<'kinesis-firehose'>;

const COMPRESSION: Record<string, string> = { GZIP: 'GZIP', SNAPPY: 'Snappy', UNCOMPRESSED: 'UNCOMPRESSED' };

/** A delivery stream from Direct PUT or a Kinesis stream into the S3 bucket it writes to, with error logging. */
export const kinesisFirehose = emitter('kinesis-firehose', {
  emit(c: Firehose, ctx: Target) {
    const cfg = c.config;
    const source = ctx.sources(c, ['trigger'], ['kinesis-streams'])[0];
    let dest = ctx.targets(c, ['write', 'read-write'], ['s3'])[0];
    if (!dest) {
      ctx.warn(`components.${c.id}`, `delivery stream ${c.id} writes to no S3 bucket; connect it to one with a write connection`);
    }
    const logGroup = ctx.logGroup(c, ctx.id(c, 'LogGroup'));
    ctx.resource(c, ctx.id(c, 'LogStream'), 'AWS::Logs::LogStream', { LogGroupName: ctx.ref(logGroup), LogStreamName: 'S3Delivery' });
    const bucketArn: Prop = dest ? ctx.refOf({ component: dest.id, part: 'arn' }) : ctx.artifactsBucketArn();
    const { role, policy, grantsPolicy } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['firehose.amazonaws.com'],
      description: `Delivery role of ${c.id}`,
      assumeCondition: { StringEquals: { 'sts:ExternalId': ctx.aws.account } },
      statements: [
        { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'], Resource: bucketArn },
        { Sid: 'WriteErrors', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: ctx.att(logGroup, 'Arn') },
      ],
      grants: true,
    });
    if (cfg.format === 'parquet') {
      ctx.warn(`components.${c.id}.config.format`, `Parquet conversion needs a Glue table describing the records; ${c.id} delivers ${cfg.compression.toLowerCase()}-compressed JSON until DataFormatConversionConfiguration is added`);
    }
    const stream = ctx.resource(
      c,
      ctx.id(c, 'DeliveryStream'),
      'AWS::KinesisFirehose::DeliveryStream',
      {
        DeliveryStreamType: source ? 'KinesisStreamAsSource' : 'DirectPut',
        KinesisStreamSourceConfiguration: source ? { KinesisStreamARN: ctx.refOf({ component: source.id, part: 'arn' }), RoleARN: ctx.att(role, 'Arn') } : undefined,
        DeliveryStreamEncryptionConfigurationInput: source ? undefined : ctx.cmk ? { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: ctx.keyArn() } : { KeyType: 'AWS_OWNED_CMK' },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn,
          RoleARN: ctx.att(role, 'Arn'),
          Prefix: `${c.id}/!{timestamp:yyyy/MM/dd}/`,
          ErrorOutputPrefix: `${c.id}-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/`,
          BufferingHints: { IntervalInSeconds: cfg.bufferSeconds, SizeInMBs: cfg.bufferMb },
          CompressionFormat: COMPRESSION[cfg.compression],
          EncryptionConfiguration: ctx.cmk ? { KMSEncryptionConfig: { AWSKMSKeyARN: ctx.keyArn() } } : { NoEncryptionConfig: 'NoEncryption' },
          CloudWatchLoggingOptions: { Enabled: true, LogGroupName: ctx.ref(logGroup), LogStreamName: 'S3Delivery' },
        },
      },
      { dependsOn: [policy, grantsPolicy].filter((p): p is string => p !== undefined) },
    );
    if (source) ctx.ack(stream, `Records arrive from Kinesis stream ${source.id}, which encrypts them with KMS; Firehose server-side encryption applies only to Direct PUT`, 'AwsSolutions-KDF1');
    ctx.alarm(c, ctx.id(c, 'FreshnessAlarm'), {
      description: `${c.id}: records older than 15 minutes not yet delivered to S3`,
      namespace: 'AWS/Firehose',
      metric: 'DeliveryToS3.DataFreshness',
      dimensions: { DeliveryStreamName: `\${${stream}}` },
      statistic: 'Maximum',
      threshold: 900 + cfg.bufferSeconds,
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'DeliveryStream'), 'Arn');
    return noPart('kinesis-firehose', part);
  },
  attr(c, name, ctx) {
    return name === 'name' ? ctx.ref(ctx.id(c, 'DeliveryStream')) : undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_DELIVERY_STREAM`]: ctx.ref(ctx.id(c, 'DeliveryStream')) };
  },
});
