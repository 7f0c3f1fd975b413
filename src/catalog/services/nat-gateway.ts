import { defineService } from '../types.js';

export default defineService({
  id: 'nat-gateway',
  name: 'NAT gateway',
  aliases: ['nat', 'nat gateway', 'egress', 'internet egress'],
  layer: 'network',
  role: 'platform',
  emittedFrom: 'network',
  summary: 'Managed outbound internet access for private subnets (third-party APIs, package downloads), one per AZ for resilience or a single one to save cost.',
  goodFor: ['private workloads calling third-party APIs (payment providers, SaaS)', 'EC2 and EKS nodes that pull packages'],
  badFor: ['reaching AWS services that have VPC endpoints (S3 and DynamoDB gateway endpoints are free)', 'high-volume traffic to AWS services (per-GB processing charge)'],
  limits: [
    { key: 'bandwidth', what: 'Bandwidth per NAT gateway', value: 100, unit: 'Gbps', adjustable: false, impact: 'scales automatically up to this' },
    { key: 'connections', what: 'Simultaneous connections per destination', value: 55000, unit: 'connections', adjustable: false, impact: 'connection pooling to busy third-party endpoints' },
  ],
  scaling: { model: 'automatic', scalesToZero: false, latency: 'adds under a millisecond', availability: 'zonal: one per AZ survives an AZ loss; a single one is a shared point of failure for egress' },
  operations: { burden: 1, notes: ['watch bytes processed; route AWS traffic through endpoints instead'] },
  pricing: { model: 'per NAT gateway-hour plus per GB processed', dimensions: ['gateway hours', 'GB processed'], idleCost: 'medium', atScale: 'costly' },
  compliance: { hipaa: ['Amazon Virtual Private Cloud'], pci: ['Amazon Virtual Private Cloud'] },
  iac: {
    cloudformation: ['AWS::EC2::NatGateway', 'AWS::EC2::EIP'],
    terraform: ['aws_nat_gateway', 'aws_eip'],
    cdk: ['aws_ec2.NatProvider', 'aws_ec2.CfnNatGateway'],
  },
  security: [
    { setting: 'Egress control', recommendation: 'restrict outbound security group rules (or AWS Network Firewall) to the destinations needed', why: 'limits data exfiltration' },
  ],
  related: ['vpc', 'vpc-endpoints'],
});
