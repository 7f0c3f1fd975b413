import { defineService } from '../types.js';

export default defineService({
  id: 'app-runner',
  name: 'AWS App Runner',
  aliases: ['app runner', 'apprunner'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Simplest way to run a containerised web service or API from an image or source repository, with built-in load balancing, TLS and request-based scaling.',
  goodFor: ['a single small web service without networking expertise'],
  badFor: ['HIPAA workloads (not on the HIPAA eligible list)', 'workers, queues and scheduled jobs', 'fine-grained network control'],
  limits: [
    { key: 'instance-concurrency', what: 'Concurrent requests per instance', value: 200, unit: 'requests', adjustable: false, impact: 'scaling is by request concurrency' },
  ],
  scaling: { model: 'by concurrent requests per instance', scalesToZero: false, latency: 'no per-request overhead beyond its load balancer', availability: 'instances across AZs' },
  operations: { burden: 1, notes: ['few knobs: that is the point and the limit'] },
  pricing: { model: 'per vCPU-hour and GB-hour of active instances plus memory of provisioned idle instances', dimensions: ['active vCPU-hours', 'GB-hours', 'build minutes'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: [], pci: ['AWS App Runner'], note: 'Not on the HIPAA eligible services list of 2026-05-22.' },
  iac: {
    cloudformation: ['AWS::AppRunner::Service'],
    terraform: ['aws_apprunner_service'],
    cdk: ['aws_apprunner.CfnService'],
  },
  security: [
    { setting: 'Ingress', recommendation: 'private endpoint when only internal callers need it', why: 'smaller attack surface' },
  ],
  related: ['ecs-fargate'],
});
