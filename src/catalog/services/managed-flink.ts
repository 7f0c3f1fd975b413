import { defineService } from '../types.js';

export default defineService({
  id: 'managed-flink',
  name: 'Amazon Managed Service for Apache Flink',
  aliases: ['flink', 'apache flink', 'kinesis data analytics', 'stream processing', 'managed flink'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Managed Apache Flink applications for stateful stream processing: windows, joins and aggregations over Kinesis or Kafka streams with exactly-once state.',
  goodFor: ['windowed aggregations and joins over streams', 'complex event processing with large state'],
  badFor: ['simple per-record processing (Lambda on the stream is simpler)', 'small teams without Flink experience'],
  limits: [
    { key: 'kpu-minimum', what: 'Minimum billed capacity per application', value: 2, unit: 'KPUs (1 running plus 1 orchestration)', adjustable: false, impact: 'an always-on cost floor' },
  ],
  scaling: { model: 'KPUs by parallelism, auto scaling available', scalesToZero: false, latency: 'sub-second', availability: 'managed with checkpoints and snapshots' },
  operations: { burden: 3, notes: ['application code, checkpoints and upgrades'] },
  pricing: { model: 'per KPU-hour plus running application storage', dimensions: ['KPU-hours', 'storage'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Managed Service for Apache Flink'], pci: ['Amazon Managed Service for Apache Flink'] },
  iac: {
    cloudformation: ['AWS::KinesisAnalyticsV2::Application'],
    terraform: ['aws_kinesisanalyticsv2_application'],
    cdk: ['aws_kinesisanalyticsv2.CfnApplication'],
  },
  security: [
    { setting: 'Network', recommendation: 'VPC configuration when reading private sources', why: 'no public paths' },
  ],
  related: ['kinesis-streams', 'msk'],
});
