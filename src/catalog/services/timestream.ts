import { defineService } from '../types.js';

export default defineService({
  id: 'timestream',
  name: 'Amazon Timestream',
  aliases: ['timestream', 'time series database', 'tsdb', 'influxdb', 'timestream for influxdb'],
  layer: 'data',
  role: 'knowledge',
  summary: 'Time-series databases: Timestream for LiveAnalytics (serverless, closed to new customers since 2025-06-20) and Timestream for InfluxDB (managed InfluxDB instances).',
  goodFor: ['time-series queries with time functions (rollups, interpolation) over sensor data', 'teams already using InfluxDB'],
  badFor: ['new projects wanting the serverless LiveAnalytics engine (no longer open to new customers)', 'simple last-24-hours lookups by device (DynamoDB with TTL is simpler)'],
  limits: [],
  scaling: { model: 'LiveAnalytics serverless; InfluxDB by instance size', scalesToZero: false, latency: 'single-digit to tens of ms', availability: 'InfluxDB Multi-AZ deployments available' },
  operations: { burden: 2, notes: ['InfluxDB instances need sizing and version management'] },
  pricing: { model: 'InfluxDB: per instance-hour plus storage; LiveAnalytics: writes, memory and magnetic storage, queries', dimensions: ['instance hours', 'storage'], idleCost: 'medium', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon Timestream'], pci: ['Amazon Timestream'], note: 'Timestream for InfluxDB (launched 2024) is not named separately on either list.' },
  iac: {
    cloudformation: ['AWS::Timestream::Database', 'AWS::Timestream::Table', 'AWS::Timestream::InfluxDBInstance'],
    terraform: ['aws_timestreamwrite_database', 'aws_timestreamwrite_table', 'aws_timestreaminfluxdb_db_instance'],
    cdk: ['aws_timestream.CfnDatabase', 'aws_timestream.CfnTable', 'aws_timestream.CfnInfluxDBInstance'],
  },
  security: [
    { setting: 'Network', recommendation: 'InfluxDB instances in private subnets', why: 'no public data stores' },
    { setting: 'Encryption', recommendation: 'KMS encryption at rest', why: 'encryption at rest' },
  ],
  related: ['iot-core', 'kinesis-streams'],
});
