import { defineService } from '../types.js';

export default defineService({
  id: 'route53',
  name: 'Amazon Route 53',
  aliases: ['route 53', 'route53', 'dns', 'domain', 'hosted zone'],
  layer: 'edge',
  role: 'component',
  summary: 'Authoritative DNS with health checks and routing policies (failover, latency, weighted) used to point a domain at CloudFront, load balancers or APIs and to fail over between regions.',
  goodFor: ['custom domains for CloudFront, ALB and API Gateway (alias records)', 'DNS failover to a DR region', 'latency-based routing for active-active designs'],
  badFor: ['instant failover (clients cache DNS for the record TTL)', 'application-level routing (use a load balancer or API Gateway)'],
  limits: [
    { key: 'hosted-zones', what: 'Hosted zones per account', value: 500, unit: 'zones', adjustable: true, impact: 'rarely binding' },
    { key: 'records-per-zone', what: 'Records per hosted zone', value: 10000, unit: 'records', adjustable: true, impact: 'rarely binding' },
    { key: 'health-check-interval', what: 'Fastest health check interval', value: 10, unit: 'seconds', adjustable: false, impact: 'failover detection takes tens of seconds plus the record TTL' },
  ],
  scaling: { model: 'global anycast DNS, no capacity to manage', scalesToZero: false, latency: 'answers from the nearest DNS edge', availability: '100 % availability SLA for DNS queries' },
  operations: { burden: 1, notes: ['keep TTLs low (60 s) on records used for failover', 'DNSSEC signing is optional and needs a KMS key in us-east-1'] },
  pricing: { model: 'per hosted zone per month plus per million queries; alias queries to AWS resources are free', dimensions: ['hosted zones', 'standard queries', 'health checks'], idleCost: 'low', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Route 53'], pci: ['Amazon Route 53'] },
  iac: {
    cloudformation: ['AWS::Route53::HostedZone', 'AWS::Route53::RecordSet', 'AWS::Route53::HealthCheck'],
    terraform: ['aws_route53_zone', 'aws_route53_record', 'aws_route53_health_check'],
    cdk: ['aws_route53.HostedZone', 'aws_route53.ARecord', 'aws_route53.CfnHealthCheck'],
  },
  security: [
    { setting: 'Alias records', recommendation: 'use alias records to AWS resources instead of CNAMEs to raw hostnames', why: 'no dangling records when a resource is deleted' },
    { setting: 'Query logging', recommendation: 'enable for public zones of regulated systems', why: 'evidence of DNS activity' },
    { setting: 'Registrar lock', recommendation: 'transfer lock on the domain', why: 'prevents domain hijacking' },
  ],
  related: ['cloudfront', 'alb', 'acm'],
});
