import { defineService } from '../types.js';

export default defineService({
  id: 'kinesis-firehose',
  name: 'Amazon Data Firehose',
  aliases: ['firehose', 'kinesis firehose', 'data firehose', 'delivery stream'],
  layer: 'integration',
  role: 'component',
  summary: 'Fully managed delivery of streaming data to S3, Redshift, OpenSearch and HTTP endpoints, with buffering, compression, Parquet conversion and dynamic partitioning.',
  goodFor: ['archiving streams to an S3 data lake as partitioned Parquet', 'loading logs and events into OpenSearch or Redshift', 'zero-code ingestion pipelines'],
  badFor: ['sub-second delivery (buffers for seconds to minutes)', 'custom per-record processing beyond a transformation Lambda'],
  limits: [
    { key: 'record-size', what: 'Record size', value: 1000, unit: 'KiB', adjustable: false, impact: 'larger records are split by the producer' },
    { key: 'buffer', what: 'Buffer interval', value: 900, unit: 'seconds', adjustable: false, impact: '0-900 s and 1-128 MB; bigger buffers mean fewer, larger files' },
    { key: 'direct-put', what: 'Direct PUT throughput per stream (major regions, default)', value: 5, unit: 'MiB/s', adjustable: true, impact: 'no limit beyond the source when reading from a Kinesis stream' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'seconds to minutes (buffering)', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['failed records go to an S3 error prefix', 'schema in the Glue Data Catalog for Parquet conversion'] },
  pricing: { model: 'per GB ingested (5 KB increments) plus format conversion and dynamic partitioning per GB', dimensions: ['GB ingested', 'format conversion GB', 'dynamic partitioning GB and objects'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Data Firehose'], pci: ['Amazon Data Firehose'] },
  iac: {
    cloudformation: ['AWS::KinesisFirehose::DeliveryStream'],
    terraform: ['aws_kinesis_firehose_delivery_stream'],
    cdk: ['aws_kinesisfirehose.CfnDeliveryStream'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'server-side encryption and KMS on the S3 destination', why: 'encryption at rest' },
    { setting: 'Delivery role', recommendation: 'write only to its destination prefix', why: 'least privilege' },
  ],
  related: ['kinesis-streams', 's3', 'athena'],
});
