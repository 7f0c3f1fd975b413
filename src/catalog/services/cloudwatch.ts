import { defineService } from '../types.js';

export default defineService({
  id: 'cloudwatch',
  name: 'Amazon CloudWatch',
  aliases: ['cloudwatch', 'monitoring', 'alarms', 'dashboards', 'logs', 'cloudwatch logs', 'metrics'],
  layer: 'observability',
  role: 'platform',
  emittedFrom: 'observability',
  summary: 'Metrics, logs, alarms and dashboards for every service in the design; alarms notify on-call through SNS.',
  goodFor: ['alarms on errors, latency, throttles, queue age and saturation', 'central logs with retention policies', 'dashboards of the key metrics'],
  badFor: ['long-term log archives at volume (export to S3)', 'high-cardinality custom metrics (cost grows per metric)'],
  limits: [
    { key: 'alarm-period', what: 'Shortest alarm period (high-resolution metrics)', value: 10, unit: 'seconds', adjustable: false, impact: 'standard metrics alarm at 60 s' },
    { key: 'metric-retention', what: 'Metric retention', value: 15, unit: 'months', adjustable: false, impact: 'longer trends need exports; one-minute data points roll up after 15 days' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'metrics within a minute', availability: 'regional managed service' },
  operations: { burden: 1, notes: ['set retention on every log group (the default is forever)', 'alarm on symptoms users feel, not on every metric'] },
  pricing: { model: 'per GB of logs ingested and stored, per custom metric, alarm and dashboard', dimensions: ['log GB ingested', 'log GB-months stored', 'custom metrics', 'alarms', 'dashboards', 'Logs Insights GB scanned'], idleCost: 'low', atScale: 'neutral', freeTier: '10 custom metrics, 10 alarms, 5 GB of logs a month, always free' },
  compliance: { hipaa: ['Amazon CloudWatch', 'Amazon CloudWatch Logs'], pci: ['Amazon CloudWatch', 'Amazon CloudWatch Logs'] },
  iac: {
    cloudformation: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::Logs::LogGroup'],
    terraform: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_dashboard', 'aws_cloudwatch_log_group'],
    cdk: ['aws_cloudwatch.Alarm', 'aws_cloudwatch.Dashboard', 'aws_logs.LogGroup'],
  },
  security: [
    { setting: 'Log encryption', recommendation: 'KMS key on log groups holding regulated data', why: 'encryption at rest with key control' },
    { setting: 'Retention', recommendation: 'explicit retention (30 days default, 365+ for HIPAA/PCI audit logs)', why: 'evidence kept as long as required, not longer' },
    { setting: 'Data protection', recommendation: 'log data protection policies to mask PII', why: 'logs do not become a second data store' },
  ],
  related: ['sns', 'xray'],
});
