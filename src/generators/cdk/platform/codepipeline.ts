import { buildspec } from '../../pipeline/buildspec.js';
import { deliveryStages, deployServices, wantsCodePipeline } from '../../pipeline/stages.js';
import { code } from '../code.js';
import type { CdkContext } from '../context.js';
import { json } from '../context.js';

/**
 * The in-stack CodePipeline (last stage only): GitHub source through a CodeStar connection, a CodeBuild step that
 * type-checks and synthesizes the app, then each stage's template deployed by CloudFormation with rollback, and a
 * manual approval before the last. L1 constructs: CDK Pipelines would add self-mutation and asset stages that the
 * CloudFormation output does not have.
 */
export function emitCodePipeline(ctx: CdkContext): void {
  if (!wantsCodePipeline(ctx.options.pipeline)) return;
  const a = ctx.a;
  const O = 'operations' as const;
  const stages = deliveryStages(a);
  const kms = ctx.keyArn();
  // The topic that notifies approvers exists in every stage, as in the CloudFormation template.
  ctx.alarmTopic();
  ctx.section = 'pipeline';
  ctx.comment('Delivery pipeline, hosted by the last stage.');
  ctx.bucket(O, 'CicdArtifactsBucket', { lifecycle: [{ id: 'ExpireArtifacts', expirationDays: 30, noncurrentDays: 7 }] });
  ctx.ack('CicdArtifactsBucket', 'Pipeline artifacts are rebuilt from source on every run and expire after 30 days', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
  ctx.l1(O, 'CicdConnection', 'AWS::CodeStarConnections::Connection', { ConnectionName: `${a.name}`.slice(0, 24) + '-github', ProviderType: 'GitHub' });
  ctx.logGroup(O, 'CicdBuildLogGroup');
  ctx.role(O, 'CicdBuildRole', {
    services: ['codebuild.amazonaws.com'],
    description: 'Lets the pipeline build step read sources and write artifacts and logs',
    statements: [
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att('CicdBuildLogGroup', 'Arn') },
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion'], Resource: ctx.sub('${CicdArtifactsBucket.Arn}/*'), why: 'The build reads and writes objects the pipeline names per execution in its own artifact bucket' },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  ctx.l1(O, 'CicdBuildProject', 'AWS::CodeBuild::Project', {
    Description: `Type-checks and synthesizes the ${a.name} app`,
    ServiceRole: ctx.att('CicdBuildRole', 'Arn'),
    Source: { Type: 'CODEPIPELINE', BuildSpec: buildspec(a, 'cdk', '') },
    Artifacts: { Type: 'CODEPIPELINE' },
    Environment: { Type: 'ARM_CONTAINER', ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0', PrivilegedMode: false },
    EncryptionKey: kms ?? ctx.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/s3'),
    LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: ctx.ref('CicdBuildLogGroup') } },
    TimeoutInMinutes: 20,
  });
  ctx.ack('CicdBuildProject', 'The source comes from CodePipeline (the GitHub connection), not from a repository URL with credentials', 'HIPAA.Security-CodeBuildProjectSourceRepoUrl', 'PCI.DSS.321-CodeBuildProjectSourceRepoUrl');
  const why = 'CloudFormation execution role of the pipeline: it creates and updates every resource type of this stack, so each service the design uses is allowed in full; only CloudFormation can assume it';
  const deploy = ctx.role(O, 'CicdDeployRole', {
    services: ['cloudformation.amazonaws.com'],
    description: 'CloudFormation execution role the pipeline deploys every stage with',
    statements: [{ Sid: 'ManageStackResources', Effect: 'Allow', Action: deployServices(a, true).map((s) => `${s}:*`), Resource: '*', why }],
  });
  ctx.ack(deploy.policy ? 'CicdDeployRolePolicy' : 'CicdDeployRole', why, 'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', 'PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess');
  ctx.role(O, 'CicdPipelineRole', {
    services: ['codepipeline.amazonaws.com'],
    description: 'Lets the pipeline fetch sources, run the build and deploy the stage stacks',
    statements: [
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion', 's3:GetBucketVersioning'], Resource: [ctx.att('CicdArtifactsBucket', 'Arn'), ctx.sub('${CicdArtifactsBucket.Arn}/*')], why: 'The pipeline reads and writes objects it names per execution in its own artifact bucket' },
      { Sid: 'UseConnection', Effect: 'Allow', Action: 'codestar-connections:UseConnection', Resource: ctx.ref('CicdConnection') },
      { Sid: 'RunBuild', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], Resource: ctx.att('CicdBuildProject', 'Arn') },
      { Sid: 'DeployStages', Effect: 'Allow', Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet'], Resource: stages.map((s) => ctx.sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${s.stack}/*`)), why: 'Each stage stack ARN ends in the stack id CloudFormation assigns at creation' },
      { Sid: 'NotifyApprovers', Effect: 'Allow', Action: 'sns:Publish', Resource: ctx.alarmTopicArn() },
      { Sid: 'PassDeployRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: ctx.att('CicdDeployRole', 'Arn'), Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } } },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  const pipelineStages = [
    { Name: 'Source', Actions: [{ Name: 'GitHub', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' }, OutputArtifacts: [{ Name: 'Source' }], Configuration: json({ ConnectionArn: ctx.ref('CicdConnection'), FullRepositoryId: a.delivery.repository, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP' }) }] },
    { Name: 'Synthesize', Actions: [{ Name: 'Synth', ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' }, InputArtifacts: [{ Name: 'Source' }], OutputArtifacts: [{ Name: 'Template' }], Configuration: json({ ProjectName: ctx.ref('CicdBuildProject') }) }] },
    ...stages.flatMap((s) => {
      const deployStage = {
        Name: `Deploy-${s.environment}`,
        Actions: [{
          Name: 'Deploy',
          ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
          InputArtifacts: [{ Name: 'Template' }],
          RunOrder: 1,
          Configuration: json({ ActionMode: 'CREATE_UPDATE', StackName: s.stack, TemplatePath: `Template::${s.stack}.template.json`, Capabilities: 'CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND', RoleArn: ctx.att('CicdDeployRole', 'Arn') }),
        }],
        OnFailure: { Result: 'ROLLBACK' },
      };
      return s.approval
        ? [{ Name: `Approve-${s.environment}`, Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' }, Configuration: json({ NotificationArn: ctx.alarmTopicArn(), CustomData: `Approve deploying ${a.name} to ${s.name}` }) }] }, deployStage]
        : [deployStage];
    }),
  ];
  ctx.l1(O, 'CicdPipeline', 'AWS::CodePipeline::Pipeline', {
    Name: `${a.name}-delivery`,
    PipelineType: 'V2',
    ExecutionMode: 'QUEUED',
    RoleArn: ctx.att('CicdPipelineRole', 'Arn'),
    ArtifactStore: { Type: 'S3', Location: ctx.ref('CicdArtifactsBucket'), EncryptionKey: kms ? { Type: 'KMS', Id: kms } : undefined },
    RestartExecutionOnUpdate: false,
    Stages: pipelineStages,
  }, { dependsOn: ['CicdPipelineRolePolicy'] });
  if (ctx.cmk) for (const s of ['codepipeline.amazonaws.com', 'codebuild.amazonaws.com']) ctx.keyServices.add(s);
  ctx.output('PipelineConnectionArn', ctx.ref('CicdConnection'), 'Approve this GitHub connection once in the console (Developer Tools > Connections)');
  ctx.section = 'main';
}
