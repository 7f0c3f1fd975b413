import { defineService } from '../types.js';

export default defineService({
  id: 'eventbridge',
  name: 'Amazon EventBridge',
  aliases: ['eventbridge', 'event bus', 'events', 'cloudwatch events', 'scheduler', 'event-driven'],
  layer: 'integration',
  role: 'component',
  summary: 'Serverless event bus with content-based routing rules, schema registry, archive and replay, plus schedules; connects your services, SaaS partners and AWS services.',
  goodFor: ['event-driven microservices that publish domain events', 'routing events by content to many targets', 'archive and replay for new consumers', 'cron-style schedules'],
  badFor: ['very high-throughput streams (Kinesis)', 'strict ordering (no ordering guarantee)', 'consumers that need to pull at their own pace (put SQS behind a rule)'],
  limits: [
    { key: 'event-size', what: 'Event size', value: 1024, unit: 'KB', adjustable: false, impact: 'raised from 256 KB in January 2026; larger payloads go to S3' },
    { key: 'put-events', what: 'PutEvents requests per second (us-east-1)', value: 10000, unit: 'requests/second', adjustable: true, impact: 'lower in smaller regions; batch up to 10 events per call' },
    { key: 'targets-per-rule', what: 'Targets per rule', value: 5, unit: 'targets', adjustable: false, impact: 'add rules or fan out through SNS' },
    { key: 'rules-per-bus', what: 'Rules per event bus', value: 300, unit: 'rules', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'typically about half a second end to end', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['define event schemas and versioning', 'dead-letter queues on targets', 'archive retention for replay'] },
  pricing: { model: 'per million custom events published; rule matching and AWS service events free', dimensions: ['custom events', 'archive GB and replays', 'schema discovery', 'scheduler invocations'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon EventBridge'], pci: ['Amazon EventBridge'] },
  iac: {
    cloudformation: ['AWS::Events::EventBus', 'AWS::Events::Rule', 'AWS::Events::Archive'],
    terraform: ['aws_cloudwatch_event_bus', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'aws_cloudwatch_event_archive'],
    cdk: ['aws_events.EventBus', 'aws_events.Rule', 'aws_events_targets.SqsQueue'],
  },
  security: [
    { setting: 'Bus policy', recommendation: 'only named accounts and roles may PutEvents', why: 'no spoofed events' },
    { setting: 'Encryption', recommendation: 'customer-managed KMS key on the bus for regulated data', why: 'key control' },
    { setting: 'Target DLQs', recommendation: 'SQS dead-letter queue on every target', why: 'failed deliveries are not lost' },
  ],
  related: ['sqs', 'lambda', 'step-functions'],
});
