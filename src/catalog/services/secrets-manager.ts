import { defineService } from '../types.js';

export default defineService({
  id: 'secrets-manager',
  name: 'AWS Secrets Manager',
  aliases: ['secrets manager', 'secrets', 'api key', 'credentials', 'secret'],
  layer: 'security',
  role: 'component',
  summary: 'Encrypted storage for secrets (third-party API keys, database credentials) with fine-grained access, audit in CloudTrail and automatic rotation.',
  goodFor: ['third-party API keys (payment providers, SaaS)', 'database credentials with rotation', 'sharing a secret across services without copying it'],
  badFor: ['plain configuration (Systems Manager Parameter Store is cheaper)', 'values read on every request without caching (cost and latency)'],
  limits: [
    { key: 'secret-size', what: 'Secret value size', value: 64, unit: 'KB', adjustable: false, impact: 'store keys, not files' },
    { key: 'get-rate', what: 'GetSecretValue requests per second (combined with DescribeSecret)', value: 10000, unit: 'requests/second', adjustable: false, impact: 'cache secrets in the process (the AWS caching clients or Lambda extension)' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'tens of ms per read; cache in process', availability: 'regional; secrets can be replicated to other regions' },
  operations: { burden: 1, notes: ['rotation Lambda for custom secrets', 'replicate secrets to the DR region'] },
  pricing: { model: 'per secret per month plus per 10,000 API calls', dimensions: ['secrets', 'API calls'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: ['AWS Secrets Manager'], pci: ['AWS Secrets Manager'] },
  iac: {
    cloudformation: ['AWS::SecretsManager::Secret', 'AWS::SecretsManager::RotationSchedule'],
    terraform: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_rotation'],
    cdk: ['aws_secretsmanager.Secret'],
  },
  security: [
    { setting: 'Encryption key', recommendation: 'customer-managed KMS key for regulated data', why: 'separate control over who decrypts' },
    { setting: 'Rotation', recommendation: 'automatic rotation (30-90 days) where the provider supports it', why: 'limits exposure of a leaked secret' },
    { setting: 'Resource policy', recommendation: 'deny access outside the account and from unexpected principals', why: 'least privilege' },
  ],
  related: ['lambda', 'ecs-fargate', 'kms'],
});
