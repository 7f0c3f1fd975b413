import { defineService } from '../types.js';

export default defineService({
  id: 'sqs',
  name: 'Amazon Simple Queue Service',
  aliases: ['sqs', 'queue', 'message queue', 'work queue', 'simple queue service'],
  layer: 'integration',
  role: 'component',
  summary: 'Fully managed message queues (standard or FIFO) that buffer work between producers and consumers, with dead-letter queues, delays and long polling.',
  goodFor: ['decoupling request handling from slow work (orders, emails, image processing)', 'absorbing spikes in front of a database', 'retries with a dead-letter queue', 'ordered per-key processing with FIFO message groups'],
  badFor: ['fan-out of one message to many consumers (SNS or EventBridge in front)', 'replaying history (messages are deleted once processed; use Kinesis)', 'messages over 1 MiB (S3 pointer)'],
  limits: [
    { key: 'message-size', what: 'Message size', value: 1024, unit: 'KB', adjustable: false, impact: 'raised from 256 KB in 2025; larger payloads go to S3 with a pointer' },
    { key: 'retention', what: 'Message retention', value: 14, unit: 'days', adjustable: false, impact: 'consumers must catch up within two weeks' },
    { key: 'visibility-timeout', what: 'Visibility timeout', value: 12, unit: 'hours', adjustable: false, impact: 'set at least six times the consumer timeout' },
    { key: 'in-flight', what: 'In-flight messages per standard queue', value: 120000, unit: 'messages', adjustable: true, impact: 'very slow consumers of huge backlogs hit this' },
    { key: 'fifo-throughput', what: 'FIFO throughput per API action without batching', value: 300, unit: 'messages/second', adjustable: false, impact: 'batching gives 3,000; high-throughput FIFO mode goes much higher with many message groups' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'tens of ms to enqueue and receive', availability: 'messages stored across multiple AZs' },
  operations: { burden: 1, notes: ['alarm on queue age and dead-letter queue depth', 'consumers must be idempotent (at-least-once delivery on standard queues)'] },
  pricing: { model: 'per million requests (each 64 KB chunk is one request); FIFO costs more', dimensions: ['requests', 'data transfer'], idleCost: 'none', atScale: 'efficient', freeTier: '1 million requests a month, always free' },
  compliance: { hipaa: ['Amazon Simple Queue Service'], pci: ['Amazon Simple Queue Service'] },
  iac: {
    cloudformation: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'],
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_policy', 'aws_sqs_queue_redrive_policy'],
    cdk: ['aws_sqs.Queue'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'SSE-SQS by default; SSE-KMS with a customer-managed key for regulated data', why: 'encryption at rest' },
    { setting: 'Queue policy', recommendation: 'allow service principals only with aws:SourceArn conditions', why: 'no confused deputy' },
    { setting: 'TLS', recommendation: 'deny aws:SecureTransport false', why: 'encryption in transit' },
    { setting: 'Dead-letter queue', recommendation: 'maxReceiveCount 3-5 with an alarm', why: 'poison messages do not loop forever' },
  ],
  related: ['lambda', 'ecs-fargate', 'sns', 'eventbridge'],
});
