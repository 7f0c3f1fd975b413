import type { ComponentOfService } from '../../../model/components.js';
import { alarmAndWidget, arn, logGroup, policyDocument, secureBucket } from '../common.js';
import type { Statement, TfContext } from '../context.js';
import { ACCOUNT_ID } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { Block, blk, obj, raw, tpl } from '../hcl.js';
import type { Body, Raw } from '../hcl.js';
import { bucketName } from './s3.js';

export const kinesisStreams: Emitter<'kinesis-streams'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    ctx.resource(file, 'aws_kinesis_stream', n, {
      name: ctx.awsName([c.id], { max: 128 }),
      shard_count: cfg.mode === 'PROVISIONED' ? cfg.shards : undefined,
      retention_period: cfg.retentionHours,
      encryption_type: 'KMS',
      kms_key_id: ctx.kms() ?? 'alias/aws/kinesis',
      stream_mode_details: blk('stream_mode_details', { stream_mode: cfg.mode }),
      tags: ctx.tags(c),
    });
    const dims = { StreamName: raw(`aws_kinesis_stream.${n}.name`) };
    alarmAndWidget(ctx, c.id, 'iterator-age', `Consumers of ${c.id} are more than a minute behind`, 'AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', dims, 'Maximum', 'GreaterThanThreshold', 60000, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'write-throttles', `Writes to ${c.id} exceed its throughput`, 'AWS/Kinesis', 'WriteProvisionedThroughputExceeded', dims, 'Sum', 'GreaterThanThreshold', 0);
    ctx.output({ name: `${n}_stream_name`, value: raw(`aws_kinesis_stream.${n}.name`), description: `Name of stream ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_kinesis_stream.${ctx.n(c.id)}.arn`)];
    return noPart('kinesis-streams', part);
  },
  env(c, ctx) {
    return [['STREAM_NAME', ctx.awsName([c.id], { max: 128 })]];
  },
};

type Firehose = ComponentOfService<'kinesis-firehose'>;

/** Firehose names its own compression values; Parquet output is compressed by the serializer instead. */
const COMPRESSION = { GZIP: 'GZIP', SNAPPY: 'Snappy', UNCOMPRESSED: 'UNCOMPRESSED' } as const;

function parquetTable(ctx: TfContext, c: Firehose, bucket: Raw): { database: Raw; table: Raw; arns: Raw[] } {
  const file = ctx.fileOf(c.id);
  const n = ctx.n(c.id);
  const columns = ctx.variable({
    name: `${n}_columns`,
    type: 'map(string)',
    description: `Columns of the records ${c.id} converts to Parquet: name = Hive type, e.g. { device_id = "string", ts = "timestamp", value = "double" }.`,
  });
  ctx.note(`Set \`${n}_columns\` to the record schema before applying: Firehose needs it to write Parquet.`);
  ctx.resource(file, 'aws_glue_catalog_database', n, { name: ctx.awsName([c.id], { max: 255, sep: '_' }), description: `Schema of the records ${c.id} delivers` });
  ctx.resource(file, 'aws_glue_catalog_table', n, {
    name: 'records',
    database_name: raw(`aws_glue_catalog_database.${n}.name`),
    table_type: 'EXTERNAL_TABLE',
    parameters: obj({ classification: 'parquet' }),
    storage_descriptor: blk('storage_descriptor', {
      location: tpl`s3://${bucket}/data/`,
      input_format: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      output_format: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      ser_de_info: blk('ser_de_info', { serialization_library: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' }),
      dynamic: new Block('dynamic', ['columns'], { for_each: columns, content: blk('content', { name: raw('columns.key'), type: raw('columns.value') }) }),
    }),
  });
  return {
    database: raw(`aws_glue_catalog_database.${n}.name`),
    table: raw(`aws_glue_catalog_table.${n}.name`),
    arns: [arn('glue', 'catalog'), arn('glue', tpl`database/${raw(`aws_glue_catalog_database.${n}.name`)}`), arn('glue', tpl`table/${raw(`aws_glue_catalog_database.${n}.name`)}/*`)],
  };
}

export const kinesisFirehose: Emitter<'kinesis-firehose'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 64 });
    const source = ctx.in(c.id, 'trigger').find((x) => x.from.service === 'kinesis-streams')?.from;
    let dest = ctx.out(c.id, 'write', 'read-write').find((x) => x.to.service === 's3')?.to;
    let bucketArn: Raw;
    let bucketNameExpr: Raw;
    const baseline: Statement[] = [];
    if (dest) {
      bucketArn = raw(`aws_s3_bucket.${ctx.n(dest.id)}.arn`);
      bucketNameExpr = bucketName(ctx, dest.id);
    } else {
      // Nothing to deliver to in the design: the stream gets a bucket of its own.
      const b = secureBucket(ctx, { owner: c.id, file, local: ctx.n(c.id, 'archive'), name: ctx.awsName([c.id, 'archive'], { max: 63, tail: ACCOUNT_ID, tailLength: 12 }), tags, encryption: 'cmk', versioning: true, accessLogs: true });
      bucketArn = b.arn;
      bucketNameExpr = b.name;
      baseline.push({ sid: 'WriteOwnArchive', actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:ListBucket'], resources: [b.arn, tpl`${b.arn}/*`] });
      dest = undefined;
    }
    const logs = logGroup(ctx, file, c.id, tpl`/aws/kinesisfirehose/${name}`, tags);
    ctx.resource(file, 'aws_cloudwatch_log_stream', n, { name: 'DestinationDelivery', log_group_name: raw(`${logs}.name`) });
    baseline.push({ sid: 'WriteLogs', actions: ['logs:PutLogEvents'], resources: [tpl`${raw(`${logs}.arn`)}:*`] });
    const parquet = cfg.format === 'parquet' ? parquetTable(ctx, c, bucketNameExpr) : undefined;
    if (parquet) baseline.push({ sid: 'ReadRecordSchema', actions: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'], resources: parquet.arns });
    const role = ctx.role(c, { assumedBy: ['firehose.amazonaws.com'], baseline, description: `Delivery role of Firehose stream ${c.id}` });
    const key = ctx.kms();

    const s3: Body = {
      role_arn: role,
      bucket_arn: bucketArn,
      prefix: 'data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
      error_output_prefix: 'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
      buffering_size: parquet ? Math.max(64, cfg.bufferMb) : cfg.bufferMb,
      buffering_interval: cfg.bufferSeconds,
      compression_format: parquet ? 'UNCOMPRESSED' : COMPRESSION[cfg.compression],
      kms_key_arn: key,
      cloudwatch_logging_options: blk('cloudwatch_logging_options', { enabled: true, log_group_name: raw(`${logs}.name`), log_stream_name: raw(`aws_cloudwatch_log_stream.${n}.name`) }),
    };
    if (parquet) {
      s3.data_format_conversion_configuration = blk('data_format_conversion_configuration', {
        input_format_configuration: blk('input_format_configuration', { deserializer: blk('deserializer', { open_x_json_ser_de: blk('open_x_json_ser_de', {}) }) }),
        output_format_configuration: blk('output_format_configuration', {
          serializer: blk('serializer', { parquet_ser_de: blk('parquet_ser_de', { compression: cfg.compression === 'GZIP' ? 'GZIP' : cfg.compression === 'SNAPPY' ? 'SNAPPY' : 'UNCOMPRESSED' }) }),
        }),
        schema_configuration: blk('schema_configuration', { database_name: parquet.database, table_name: parquet.table, role_arn: role }),
      });
    }
    ctx.resource(file, 'aws_kinesis_firehose_delivery_stream', n, {
      name,
      destination: 'extended_s3',
      kinesis_source_configuration: source
        ? blk('kinesis_source_configuration', { kinesis_stream_arn: raw(`aws_kinesis_stream.${ctx.n(source.id)}.arn`), role_arn: role })
        : undefined,
      // A stream reading from Kinesis inherits the source's encryption; direct PUTs are encrypted here.
      server_side_encryption: source ? undefined : blk('server_side_encryption', key ? { enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: key } : { enabled: true, key_type: 'AWS_OWNED_CMK' }),
      extended_s3_configuration: blk('extended_s3_configuration', s3),
      tags,
    });
    alarmAndWidget(ctx, c.id, 'freshness', `Records wait in ${c.id} longer than three buffer intervals`, 'AWS/Firehose', 'DeliveryToS3.DataFreshness', { DeliveryStreamName: raw(`aws_kinesis_firehose_delivery_stream.${n}.name`) }, 'Maximum', 'GreaterThanThreshold', Math.max(900, cfg.bufferSeconds * 3));
    ctx.output({ name: `${n}_delivery_stream_name`, value: raw(`aws_kinesis_firehose_delivery_stream.${n}.name`), description: `Name of Firehose stream ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(c.id)}.arn`)];
    return noPart('kinesis-firehose', part);
  },
  env(c, ctx) {
    return [['DELIVERY_STREAM_NAME', ctx.awsName([c.id], { max: 64 })]];
  },
};
