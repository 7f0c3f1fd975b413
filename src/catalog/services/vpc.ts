import { defineService } from '../types.js';

export default defineService({
  id: 'vpc',
  name: 'Amazon Virtual Private Cloud',
  aliases: ['vpc', 'virtual private cloud', 'network', 'subnets', 'security groups'],
  layer: 'network',
  role: 'platform',
  emittedFrom: 'network',
  summary: 'The private network for VPC-bound services: subnets per AZ (public, private with egress, isolated), route tables, security groups derived from connections, and flow logs.',
  goodFor: ['databases, caches, search clusters and containers that must not be public', 'network isolation tiers for regulated data'],
  badFor: ['purely serverless designs (Lambda, DynamoDB, S3, API Gateway need no VPC)'],
  limits: [
    { key: 'vpcs', what: 'VPCs per region', value: 5, unit: 'VPCs', adjustable: true, impact: 'rarely binding for one system' },
    { key: 'cidr', what: 'VPC CIDR size', value: 16, unit: 'prefix length (/16 largest, /28 smallest)', adjustable: false, impact: 'plan address space for growth and peering' },
    { key: 'sg-rules', what: 'Inbound or outbound rules per security group', value: 60, unit: 'rules', adjustable: true, impact: 'reference security groups rather than CIDRs' },
  ],
  scaling: { model: 'not applicable', scalesToZero: true, latency: 'none', availability: 'subnets live in one AZ each; spread every tier over two or more' },
  operations: { burden: 2, notes: ['IP address planning', 'flow log retention'] },
  pricing: { model: 'the VPC is free; NAT gateways, interface endpoints, public IPv4 addresses and flow logs are billed', dimensions: ['public IPv4 address hours', 'flow log ingestion'], idleCost: 'low', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Virtual Private Cloud'], pci: ['Amazon Virtual Private Cloud'] },
  iac: {
    cloudformation: ['AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable', 'AWS::EC2::InternetGateway', 'AWS::EC2::SecurityGroup', 'AWS::EC2::FlowLog'],
    terraform: ['aws_vpc', 'aws_subnet', 'aws_route_table', 'aws_internet_gateway', 'aws_security_group', 'aws_flow_log'],
    cdk: ['aws_ec2.Vpc', 'aws_ec2.SecurityGroup', 'aws_ec2.FlowLog'],
  },
  security: [
    { setting: 'Subnet tiers', recommendation: 'data stores in isolated subnets, compute in private subnets, only load balancers and NAT in public subnets', why: 'no public data stores' },
    { setting: 'Security groups', recommendation: 'ingress only from the security groups of connected components, on the service port', why: 'least privilege on the network' },
    { setting: 'Default security group', recommendation: 'no rules', why: 'nothing joins it by accident' },
    { setting: 'Flow logs', recommendation: 'enabled', why: 'network forensics' },
  ],
  related: ['nat-gateway', 'vpc-endpoints'],
});
