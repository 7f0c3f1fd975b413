import { defineService } from '../types.js';

export default defineService({
  id: 'iam',
  name: 'AWS Identity and Access Management',
  aliases: ['iam', 'roles', 'policies', 'permissions', 'least privilege'],
  layer: 'security',
  role: 'platform',
  emittedFrom: 'connections',
  summary: 'Roles and policies for every workload: each component gets its own role, and its statements come from the connections in the design (least privilege), plus the OIDC deploy role for CI.',
  goodFor: ['least-privilege access between services', 'keyless deployments from GitHub Actions with OIDC'],
  badFor: ['end-user identity (Cognito)'],
  limits: [
    { key: 'roles', what: 'Roles per account', value: 1000, unit: 'roles', adjustable: true, impact: 'rarely binding for one system' },
    { key: 'inline-policy', what: 'Inline policy size per role', value: 10240, unit: 'characters', adjustable: false, impact: 'large grant sets split into managed policies' },
    { key: 'managed-policy', what: 'Managed policy size', value: 6144, unit: 'characters', adjustable: false, impact: 'keep statements scoped, not enumerated' },
  ],
  scaling: { model: 'global service', scalesToZero: true, latency: 'none per request', availability: 'global control plane; data plane in every region' },
  operations: { burden: 1, notes: ['IAM Access Analyzer finds unused and external access'] },
  pricing: { model: 'free', dimensions: [], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: [], pci: ['AWS Identity and Access Management'], note: 'Not on the HIPAA eligible list because it does not store or process PHI; HIPAA designs use it as a control-plane tool.' },
  iac: {
    cloudformation: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::OIDCProvider'],
    terraform: ['aws_iam_role', 'aws_iam_role_policy', 'aws_iam_openid_connect_provider'],
    cdk: ['aws_iam.Role', 'aws_iam.PolicyStatement', 'aws_iam.OpenIdConnectProvider'],
  },
  security: [
    { setting: 'Actions', recommendation: 'no wildcards in actions; resources scoped to ARNs', why: 'least privilege' },
    { setting: 'Service principals', recommendation: 'aws:SourceArn and aws:SourceAccount conditions in resource policies', why: 'no confused deputy' },
    { setting: 'Humans', recommendation: 'federated access through IAM Identity Center; no long-lived access keys', why: 'credential leaks' },
  ],
  related: ['kms'],
});
