import { defineService } from '../types.js';

export default defineService({
  id: 'eks',
  name: 'Amazon Elastic Kubernetes Service',
  aliases: ['eks', 'kubernetes', 'k8s', 'elastic kubernetes service'],
  layer: 'compute',
  role: 'component',
  summary: 'Managed Kubernetes control plane with managed node groups, Fargate or Auto Mode for workers: the full Kubernetes API and ecosystem on AWS.',
  goodFor: ['teams already invested in Kubernetes tooling (Helm, operators, GitOps)', 'many services sharing one platform', 'portability requirements across clouds or on-premises'],
  badFor: ['small teams and simple APIs (cluster upgrades, add-ons and node management are real work)', 'low-traffic workloads (control plane and nodes bill continuously)'],
  limits: [
    { key: 'version-support', what: 'Standard support per Kubernetes version', value: 14, unit: 'months', adjustable: false, impact: 'plan a cluster upgrade at least yearly; extended support costs extra' },
    { key: 'node-groups', what: 'Managed node groups per cluster', value: 30, unit: 'node groups', adjustable: true, impact: 'rarely binding' },
    { key: 'nodes-per-group', what: 'Nodes per managed node group', value: 450, unit: 'nodes', adjustable: true, impact: 'large fleets use several groups or Karpenter' },
  ],
  scaling: { model: 'pod autoscaling plus node autoscaling (Cluster Autoscaler, Karpenter or Auto Mode)', scalesToZero: false, latency: 'no per-request overhead; new nodes take minutes', availability: 'control plane across three AZs; spread nodes and pods across AZs' },
  operations: { burden: 4, notes: ['Kubernetes version upgrades', 'add-ons: VPC CNI, CoreDNS, kube-proxy, load balancer controller', 'node AMI updates', 'RBAC and IRSA/Pod Identity mappings'] },
  pricing: { model: 'per cluster-hour for the control plane plus the EC2 or Fargate capacity of the workers', dimensions: ['cluster hours', 'node instance hours', 'EBS volumes'], idleCost: 'high', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Elastic Kubernetes Service'], pci: ['Amazon Elastic Kubernetes Service'] },
  iac: {
    cloudformation: ['AWS::EKS::Cluster', 'AWS::EKS::Nodegroup', 'AWS::EKS::Addon'],
    terraform: ['aws_eks_cluster', 'aws_eks_node_group', 'aws_eks_addon'],
    cdk: ['aws_eks.Cluster', 'aws_eks.Nodegroup'],
  },
  security: [
    { setting: 'API endpoint', recommendation: 'private endpoint access (public off, or restricted CIDRs)', why: 'the Kubernetes API is a high-value target' },
    { setting: 'Secrets encryption', recommendation: 'envelope encryption of Kubernetes secrets with KMS', why: 'protects secrets in etcd' },
    { setting: 'Pod permissions', recommendation: 'EKS Pod Identity or IRSA per service account', why: 'no node-wide credentials' },
    { setting: 'Control plane logs', recommendation: 'api, audit and authenticator logs to CloudWatch', why: 'audit trail' },
  ],
  related: ['ec2-asg', 'alb', 'ecr', 'vpc'],
});
