import { defineService } from '../types.js';

export default defineService({
  id: 'codepipeline',
  name: 'AWS CodePipeline',
  aliases: ['codepipeline', 'codebuild', 'ci/cd', 'pipeline', 'continuous delivery'],
  layer: 'observability',
  role: 'platform',
  emittedFrom: 'delivery',
  summary: 'Managed release pipelines with CodeBuild stages and manual approvals, for teams that want CI/CD inside the AWS account (the alternative to GitHub Actions with OIDC).',
  goodFor: ['releases that must run inside the AWS account (regulated environments)', 'manual approval gates before production'],
  badFor: ['teams already running CI elsewhere (GitHub Actions with an OIDC role is simpler)'],
  limits: [
    { key: 'pipelines', what: 'Pipelines per region', value: 1000, unit: 'pipelines', adjustable: true, impact: 'rarely binding' },
    { key: 'build-timeout', what: 'CodeBuild build timeout', value: 36, unit: 'hours', adjustable: false, impact: 'not binding for normal builds' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'not applicable', availability: 'regional managed service' },
  operations: { burden: 2, notes: ['build images and buildspec maintenance'] },
  pricing: { model: 'per active pipeline per month (V1) or per action execution minute (V2) plus CodeBuild minutes', dimensions: ['pipelines or action minutes', 'build minutes'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: ['AWS CodePipeline', 'AWS CodeBuild'], pci: ['AWS CodePipeline', 'AWS CodeBuild'] },
  iac: {
    cloudformation: ['AWS::CodePipeline::Pipeline', 'AWS::CodeBuild::Project'],
    terraform: ['aws_codepipeline', 'aws_codebuild_project'],
    cdk: ['aws_codepipeline.Pipeline', 'aws_codebuild.PipelineProject'],
  },
  security: [
    { setting: 'Artifact store', recommendation: 'KMS-encrypted S3 artifact bucket', why: 'build outputs are protected' },
    { setting: 'Deploy roles', recommendation: 'separate least-privilege roles per stage', why: 'a staging build cannot change production' },
  ],
  related: ['iam', 'ecr'],
});
