import { defineService } from '../types.js';

export default defineService({
  id: 'guardduty',
  name: 'Amazon GuardDuty',
  aliases: ['guardduty', 'threat detection', 'intrusion detection'],
  layer: 'security',
  role: 'platform',
  emittedFrom: 'security',
  summary: 'Managed threat detection over CloudTrail, VPC flow logs and DNS logs, with optional S3, EKS, RDS, Lambda and malware protection.',
  goodFor: ['regulated workloads that must detect compromise', 'accounts without a security operations team'],
  badFor: ['prevention (it detects; pair findings with automated response)'],
  limits: [
    { key: 'detectors', what: 'Detectors per account per region', value: 1, unit: 'detector', adjustable: false, impact: 'enable once per region, ideally organisation-wide' },
  ],
  scaling: { model: 'automatic', scalesToZero: false, latency: 'findings within minutes', availability: 'regional managed service' },
  operations: { burden: 2, notes: ['route high-severity findings to on-call (EventBridge to SNS)', 'suppress known-benign findings'] },
  pricing: { model: 'per million events analysed and per GB of logs, by data source', dimensions: ['CloudTrail events', 'VPC flow and DNS log GB', 'S3 data events', 'runtime monitoring vCPU-hours'], idleCost: 'low', atScale: 'neutral', freeTier: '30-day trial per account' },
  compliance: { hipaa: ['Amazon GuardDuty'], pci: ['Amazon GuardDuty'] },
  iac: {
    cloudformation: ['AWS::GuardDuty::Detector'],
    terraform: ['aws_guardduty_detector'],
    cdk: ['aws_guardduty.CfnDetector'],
  },
  security: [
    { setting: 'Protection plans', recommendation: 'S3 protection for buckets with sensitive data; runtime monitoring for containers', why: 'coverage where data lives' },
  ],
  related: ['cloudtrail', 'eventbridge'],
});
