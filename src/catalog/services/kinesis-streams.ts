import { defineService } from '../types.js';

export default defineService({
  id: 'kinesis-streams',
  name: 'Amazon Kinesis Data Streams',
  aliases: ['kinesis', 'kinesis data streams', 'data stream', 'stream', 'streaming'],
  layer: 'integration',
  role: 'component',
  summary: 'Durable, ordered, replayable data streams for high-throughput events, read by several consumers (Lambda, Firehose, Flink) independently.',
  goodFor: ['telemetry, clickstream and log ingestion at thousands of records per second', 'several independent consumers of the same stream', 'ordered processing per key and replay'],
  badFor: ['low-volume work queues (SQS is simpler and cheaper)', 'per-message routing to many targets (EventBridge)'],
  limits: [
    { key: 'shard-write', what: 'Write throughput per shard', value: 1, unit: 'MB/s (1,000 records/s)', adjustable: false, impact: 'partition keys must spread load across shards' },
    { key: 'shard-read', what: 'Shared read throughput per shard', value: 2, unit: 'MB/s', adjustable: false, impact: 'enhanced fan-out gives each consumer its own 2 MB/s' },
    { key: 'record-size', what: 'Record size', value: 1, unit: 'MiB (configurable up to 10 MiB)', adjustable: true, impact: 'large records are for occasional use only' },
    { key: 'retention', what: 'Retention', value: 365, unit: 'days (24 hours default)', adjustable: false, impact: 'longer retention costs extra; archive to S3 with Firehose' },
    { key: 'on-demand-write', what: 'On-demand write capacity per stream (default)', value: 200, unit: 'MB/s', adjustable: true, impact: 'on-demand doubles from the previous peak within 15 minutes' },
  ],
  scaling: { model: 'on-demand (automatic) or provisioned shards', scalesToZero: false, latency: 'under a second from put to get (about 70 ms with enhanced fan-out)', availability: 'records replicated across three AZs' },
  operations: { burden: 2, notes: ['watch iterator age of consumers', 'hot partition keys throttle single shards'] },
  pricing: { model: 'on-demand: per stream-hour plus per GB written and read; provisioned: per shard-hour plus PUT payload units', dimensions: ['stream or shard hours', 'GB ingested', 'GB retrieved', 'extended retention', 'enhanced fan-out'], idleCost: 'low', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Kinesis Data Streams'], pci: ['Amazon Kinesis Data Streams'] },
  iac: {
    cloudformation: ['AWS::Kinesis::Stream'],
    terraform: ['aws_kinesis_stream'],
    cdk: ['aws_kinesis.Stream'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'server-side encryption with KMS', why: 'encryption at rest' },
    { setting: 'Access', recommendation: 'producers can only put, consumers only read', why: 'least privilege' },
  ],
  related: ['lambda', 'kinesis-firehose', 'iot-core', 'managed-flink'],
});
