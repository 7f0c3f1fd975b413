import { defineService } from '../types.js';

export default defineService({
  id: 'kms',
  name: 'AWS Key Management Service',
  aliases: ['kms', 'key management', 'encryption keys', 'cmk', 'customer managed key'],
  layer: 'security',
  role: 'platform',
  emittedFrom: 'security',
  summary: 'Managed encryption keys used by almost every AWS service for encryption at rest; customer-managed keys add key policies, rotation control and an audit trail of every decryption.',
  goodFor: ['HIPAA and PCI designs that need control and audit of decryption', 'separating who can read data from who can administer resources'],
  badFor: ['very chatty per-object encryption without data key caching (request quotas and cost)'],
  limits: [
    { key: 'crypto-rate', what: 'Symmetric cryptographic requests per second shared by the account (lowest regional default; higher in large regions)', value: 5500, unit: 'requests/second', adjustable: true, impact: 'S3 Bucket Keys and DynamoDB caching keep request counts low' },
    { key: 'rotation', what: 'Automatic rotation period', value: 365, unit: 'days (configurable 90-2560)', adjustable: true, impact: 'enable rotation on customer-managed keys' },
  ],
  scaling: { model: 'automatic within request quotas', scalesToZero: true, latency: 'single-digit ms per request', availability: 'regional; multi-region keys for cross-region DR' },
  operations: { burden: 1, notes: ['key policies are the root of access control; review them', 'scheduled deletion waits 7-30 days'] },
  pricing: { model: 'per customer-managed key per month plus per 10,000 requests; AWS-managed keys free to hold', dimensions: ['keys', 'requests'], idleCost: 'low', atScale: 'neutral', freeTier: '20,000 requests a month, always free' },
  compliance: { hipaa: ['AWS Key Management Service'], pci: ['AWS Key Management Service'] },
  iac: {
    cloudformation: ['AWS::KMS::Key', 'AWS::KMS::Alias'],
    terraform: ['aws_kms_key', 'aws_kms_alias'],
    cdk: ['aws_kms.Key', 'aws_kms.Alias'],
  },
  security: [
    { setting: 'Rotation', recommendation: 'automatic rotation enabled', why: 'limits the amount of data under one key version' },
    { setting: 'Key policy', recommendation: 'separate key administrators from key users; no kms:* to application roles', why: 'separation of duties' },
    { setting: 'Deletion', recommendation: '30-day pending window and an alarm on ScheduleKeyDeletion', why: 'losing a key loses the data' },
  ],
  related: ['s3', 'dynamodb', 'aurora', 'secrets-manager'],
});
