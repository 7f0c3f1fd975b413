import { defineService } from '../types.js';

export default defineService({
  id: 'vpc-endpoints',
  name: 'VPC endpoints (AWS PrivateLink)',
  aliases: ['vpc endpoint', 'vpc endpoints', 'privatelink', 'interface endpoint', 'gateway endpoint'],
  layer: 'network',
  role: 'platform',
  emittedFrom: 'network',
  summary: 'Private paths from the VPC to AWS services: free gateway endpoints for S3 and DynamoDB, interface endpoints (billed per AZ-hour) for Secrets Manager, SQS, ECR, CloudWatch Logs, KMS and others.',
  goodFor: ['keeping AWS API traffic off the internet', 'removing NAT gateways from designs that only call AWS services', 'regulated workloads that require private connectivity'],
  badFor: ['third-party internet APIs (need NAT)', 'many interface endpoints in a small, cheap design (each costs per AZ-hour)'],
  limits: [
    { key: 'interface-per-vpc', what: 'Interface endpoints per VPC', value: 50, unit: 'endpoints', adjustable: true, impact: 'rarely binding' },
    { key: 'bandwidth', what: 'Bandwidth per interface endpoint ENI', value: 100, unit: 'Gbps', adjustable: false, impact: 'not binding' },
  ],
  scaling: { model: 'automatic', scalesToZero: false, latency: 'none added', availability: 'one interface endpoint ENI per AZ' },
  operations: { burden: 1, notes: ['private DNS makes SDKs use endpoints without code changes', 'endpoint policies can restrict which resources are reachable'] },
  pricing: { model: 'gateway endpoints free; interface endpoints per AZ-hour plus per GB processed', dimensions: ['interface endpoint AZ-hours', 'GB processed'], idleCost: 'low', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Virtual Private Cloud'], pci: ['Amazon Virtual Private Cloud'] },
  iac: {
    cloudformation: ['AWS::EC2::VPCEndpoint'],
    terraform: ['aws_vpc_endpoint'],
    cdk: ['aws_ec2.GatewayVpcEndpoint', 'aws_ec2.InterfaceVpcEndpoint'],
  },
  security: [
    { setting: 'Endpoint policies', recommendation: 'allow only the account\'s own buckets, tables and secrets', why: 'blocks exfiltration to other accounts' },
    { setting: 'Security groups', recommendation: 'interface endpoints accept 443 only from the VPC tiers that need them', why: 'least privilege' },
  ],
  related: ['vpc', 'nat-gateway'],
});
