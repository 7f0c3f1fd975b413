import { defineService } from '../types.js';

export default defineService({
  id: 'cloudtrail',
  name: 'AWS CloudTrail',
  aliases: ['cloudtrail', 'audit trail', 'audit log', 'api audit'],
  layer: 'security',
  role: 'platform',
  emittedFrom: 'security',
  summary: 'Record of every AWS API call in the account (who, what, when, from where), delivered to an encrypted S3 bucket and optionally CloudWatch Logs.',
  goodFor: ['audit evidence for HIPAA, PCI, SOC 2', 'security investigations', 'alerting on sensitive changes'],
  badFor: ['application-level audit (log that in the application)'],
  limits: [
    { key: 'trails', what: 'Trails per region', value: 5, unit: 'trails', adjustable: false, impact: 'one multi-region trail is enough' },
    { key: 'delivery', what: 'Typical delivery delay', value: 5, unit: 'minutes', adjustable: false, impact: 'near-real-time detection uses EventBridge rules' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'minutes to deliver', availability: 'regional managed service' },
  operations: { burden: 1, notes: ['organization trails cover every account', 'log file validation for integrity'] },
  pricing: { model: 'first copy of management events free; data events and extra copies per 100,000 events', dimensions: ['data events', 'additional management event copies', 'Lake ingestion'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['AWS CloudTrail'], pci: ['AWS CloudTrail'] },
  iac: {
    cloudformation: ['AWS::CloudTrail::Trail'],
    terraform: ['aws_cloudtrail'],
    cdk: ['aws_cloudtrail.Trail'],
  },
  security: [
    { setting: 'Scope', recommendation: 'multi-region trail including global service events', why: 'no blind regions' },
    { setting: 'Integrity', recommendation: 'log file validation on; KMS-encrypted bucket with Object Lock', why: 'tamper-evident audit logs' },
    { setting: 'Data events', recommendation: 'S3 and Lambda data events for buckets holding regulated data', why: 'who read which object' },
  ],
  related: ['s3', 'kms', 'cloudwatch'],
});
