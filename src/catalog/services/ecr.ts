import { defineService } from '../types.js';

export default defineService({
  id: 'ecr',
  name: 'Amazon Elastic Container Registry',
  aliases: ['ecr', 'container registry', 'docker registry', 'image repository'],
  layer: 'compute',
  role: 'platform',
  emittedFrom: 'components',
  summary: 'Private container image registry with vulnerability scanning, lifecycle policies and cross-region replication; created for container components that have no image of their own.',
  goodFor: ['images for ECS, EKS, Lambda container images and SageMaker'],
  badFor: ['public distribution of images (ECR Public)'],
  limits: [
    { key: 'images-per-repo', what: 'Images per repository', value: 10000, unit: 'images', adjustable: true, impact: 'lifecycle policies expire old images' },
    { key: 'layer-size', what: 'Layer size', value: 52000, unit: 'MiB', adjustable: false, impact: 'multi-stage builds keep images and layers lean' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'image pulls in seconds', availability: 'regional, replicated across AZs' },
  operations: { burden: 1, notes: ['lifecycle policy to expire untagged images', 'pull through VPC endpoints (ecr.api, ecr.dkr, s3) to avoid NAT'] },
  pricing: { model: 'per GB-month stored plus data transfer out of the region', dimensions: ['storage GB-months', 'data transfer', 'enhanced scanning'], idleCost: 'low', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Elastic Container Registry'], pci: ['Amazon Elastic Container Registry'] },
  iac: {
    cloudformation: ['AWS::ECR::Repository'],
    terraform: ['aws_ecr_repository', 'aws_ecr_lifecycle_policy'],
    cdk: ['aws_ecr.Repository'],
  },
  security: [
    { setting: 'Tag immutability', recommendation: 'immutable tags', why: 'a deployed tag cannot be swapped' },
    { setting: 'Scanning', recommendation: 'scan on push (enhanced scanning for continuous checks)', why: 'known CVEs are caught' },
    { setting: 'Encryption', recommendation: 'KMS encryption for regulated systems', why: 'encryption at rest with key control' },
  ],
  related: ['ecs-fargate', 'eks'],
});
