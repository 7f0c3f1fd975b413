import { defineService } from '../types.js';

export default defineService({
  id: 'sns',
  name: 'Amazon Simple Notification Service',
  aliases: ['sns', 'notifications', 'pub/sub', 'push notifications', 'alerts', 'topic', 'fan-out'],
  layer: 'integration',
  role: 'component',
  summary: 'Managed pub/sub topics: fan out each message to SQS queues, Lambda functions, HTTP endpoints, email, SMS and mobile push.',
  goodFor: ['fan-out of one event to several queues or functions', 'alarms and alerts to people by email or SMS', 'mobile push notifications'],
  badFor: ['content-based routing across many event types (EventBridge)', 'buffering and retries for slow consumers on its own (put SQS behind it)', 'messages over 256 KB'],
  limits: [
    { key: 'message-size', what: 'Message size', value: 256, unit: 'KB', adjustable: false, impact: 'larger payloads go to S3 with a pointer' },
    { key: 'publish-rate', what: 'Publish requests per second (us-east-1, standard topics)', value: 30000, unit: 'requests/second', adjustable: true, impact: 'lower in smaller regions; ask before big launches' },
    { key: 'subscriptions', what: 'Subscriptions per standard topic', value: 12500000, unit: 'subscriptions', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'tens of ms to deliver', availability: 'messages stored across multiple AZs until delivered' },
  operations: { burden: 1, notes: ['subscription filter policies reduce consumer work', 'email subscriptions must be confirmed by the recipient'] },
  pricing: { model: 'per million publishes plus per delivery by protocol (SQS and Lambda deliveries free)', dimensions: ['publishes', 'deliveries (HTTP, email, SMS, mobile push)', 'data transfer'], idleCost: 'none', atScale: 'efficient', freeTier: '1 million publishes a month, always free' },
  compliance: { hipaa: ['Amazon Simple Notification Service'], pci: ['Amazon Simple Notification Service'] },
  iac: {
    cloudformation: ['AWS::SNS::Topic', 'AWS::SNS::Subscription', 'AWS::SNS::TopicPolicy'],
    terraform: ['aws_sns_topic', 'aws_sns_topic_subscription', 'aws_sns_topic_policy'],
    cdk: ['aws_sns.Topic', 'aws_sns_subscriptions.EmailSubscription'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'SSE with a KMS key', why: 'encryption at rest' },
    { setting: 'Topic policy', recommendation: 'publishers restricted by aws:SourceArn or account', why: 'no confused deputy' },
    { setting: 'Content', recommendation: 'never put PHI or card data in SMS or email notifications', why: 'those channels leave your control' },
  ],
  related: ['sqs', 'lambda', 'eventbridge'],
});
