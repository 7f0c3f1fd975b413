import { deliveryStages, deployServices, wantsCodePipeline } from '../../pipeline/stages.js';
import type { StackTarget } from '../target.js';
import type { Prop } from '../values.js';

const DEPLOY_WHY = 'CloudFormation execution role of the pipeline: it creates and updates every resource type of this stack, so each service the design uses is allowed in full; only CloudFormation can assume it';

/**
 * An AWS CodePipeline inside the stack (when the design asks for one): GitHub source through a CodeStar
 * connection, a CodeBuild step that checks what the target generated (`ctx.pipeline`), then each delivery stage
 * deployed by CloudFormation with automatic rollback, and a manual approval before the last. It lives in the last
 * stage's stack and updates that stack too, so no separate pipeline stack is needed. Plain resources in both
 * targets: CDK Pipelines would add self-mutation and asset stages the CloudFormation output does not have.
 */
export function emitCodePipeline(ctx: StackTarget): void {
  if (!wantsCodePipeline(ctx.options.pipeline)) return;
  const a = ctx.a;
  const O = 'operations' as const;
  const stages = deliveryStages(a);
  const kms = ctx.keyArn();
  const flavour = ctx.pipeline;
  ctx.beginPipeline();
  ctx.comment('Delivery pipeline, hosted by the last stage.');
  const { bucket } = ctx.bucket(O, 'CicdArtifactsBucket', { lifecycle: [{ id: 'ExpireArtifacts', expirationDays: 30, noncurrentDays: 7 }] });
  ctx.ack(bucket, 'Pipeline artifacts are rebuilt from source on every run and expire after 30 days', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
  const connection = ctx.resource(O, 'CicdConnection', 'AWS::CodeStarConnections::Connection', { ConnectionName: `${a.name}`.slice(0, 24) + '-github', ProviderType: 'GitHub' });
  const logGroup = ctx.logGroup(O, 'CicdBuildLogGroup');
  const build = ctx.role(O, 'CicdBuildRole', {
    services: ['codebuild.amazonaws.com'],
    description: 'Lets the pipeline build step read sources and write artifacts and logs',
    statements: [
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(logGroup, 'Arn') },
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion'], Resource: ctx.sub('${CicdArtifactsBucket.Arn}/*'), why: 'The build reads and writes objects the pipeline names per execution in its own artifact bucket' },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  const project = ctx.resource(O, 'CicdBuildProject', 'AWS::CodeBuild::Project', {
    Description: flavour.build.description,
    ServiceRole: ctx.att(build.role, 'Arn'),
    Source: { Type: 'CODEPIPELINE', BuildSpec: flavour.build.buildspec },
    Artifacts: { Type: 'CODEPIPELINE' },
    Environment: { Type: 'ARM_CONTAINER', ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0', PrivilegedMode: false },
    EncryptionKey: kms ?? ctx.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/s3'),
    LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: ctx.ref(logGroup) } },
    TimeoutInMinutes: 20,
  });
  ctx.ack(project, 'The source comes from CodePipeline (the GitHub connection), not from a repository URL with credentials', 'HIPAA.Security-CodeBuildProjectSourceRepoUrl', 'PCI.DSS.321-CodeBuildProjectSourceRepoUrl');
  const deploy = ctx.role(O, 'CicdDeployRole', {
    services: ['cloudformation.amazonaws.com'],
    description: 'CloudFormation execution role the pipeline deploys every stage with',
    statements: [{ Sid: 'ManageStackResources', Effect: 'Allow', Action: deployServices(a, true).map((s) => `${s}:*`), Resource: '*', why: DEPLOY_WHY }],
  });
  ctx.ack(deploy.policy!, DEPLOY_WHY, 'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', 'PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess');
  const pipelineRole = ctx.role(O, 'CicdPipelineRole', {
    services: ['codepipeline.amazonaws.com'],
    description: 'Lets the pipeline fetch sources, run the build and deploy the stage stacks',
    statements: [
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion', 's3:GetBucketVersioning'], Resource: [ctx.att(bucket, 'Arn'), ctx.sub('${CicdArtifactsBucket.Arn}/*')], why: 'The pipeline reads and writes objects it names per execution in its own artifact bucket' },
      { Sid: 'UseConnection', Effect: 'Allow', Action: 'codestar-connections:UseConnection', Resource: ctx.ref(connection) },
      { Sid: 'RunBuild', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], Resource: ctx.att(project, 'Arn') },
      {
        Sid: 'DeployStages',
        Effect: 'Allow',
        Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet'],
        Resource: stages.map((s) => ctx.sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${s.stack}/*`)),
        why: 'Each stage stack ARN ends in the stack id CloudFormation assigns at creation',
      },
      { Sid: 'NotifyApprovers', Effect: 'Allow', Action: 'sns:Publish', Resource: ctx.alarmTopicArn() },
      { Sid: 'PassDeployRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: ctx.att(deploy.role, 'Arn'), Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } } },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  const pipelineStages: Prop[] = [
    {
      Name: 'Source',
      Actions: [{ Name: 'GitHub', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' }, OutputArtifacts: [{ Name: 'Source' }], Configuration: ctx.json({ ConnectionArn: ctx.ref(connection), FullRepositoryId: a.delivery.repository, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP' }) }],
    },
    { Name: flavour.build.stage, Actions: [{ Name: flavour.build.action, ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' }, InputArtifacts: [{ Name: 'Source' }], OutputArtifacts: [{ Name: 'Template' }], Configuration: ctx.json({ ProjectName: ctx.ref(project) }) }] },
  ];
  stages.forEach((s, i) => {
    const last = i === stages.length - 1;
    if (s.approval) pipelineStages.push({ Name: `Approve-${s.environment}`, Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' }, Configuration: ctx.json({ NotificationArn: ctx.alarmTopicArn(), CustomData: `Approve deploying ${a.name} to ${s.name}` }) }] });
    const deployAction = {
      Name: 'Deploy',
      ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
      InputArtifacts: [{ Name: 'Template' }],
      RunOrder: 1,
      Configuration: ctx.json({
        ActionMode: 'CREATE_UPDATE',
        StackName: s.stack,
        TemplatePath: flavour.templatePath(s.stack),
        Capabilities: 'CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND',
        RoleArn: ctx.att(deploy.role, 'Arn'),
        ParameterOverrides: flavour.parameterOverrides?.(s.environment, last),
      }),
    };
    pipelineStages.push({ Name: `Deploy-${s.environment}`, Actions: [deployAction], OnFailure: { Result: 'ROLLBACK' } });
  });
  ctx.resource(O, 'CicdPipeline', 'AWS::CodePipeline::Pipeline', {
    Name: `${a.name}-delivery`,
    PipelineType: 'V2',
    ExecutionMode: 'QUEUED',
    RoleArn: ctx.att(pipelineRole.role, 'Arn'),
    ArtifactStore: { Type: 'S3', Location: ctx.ref(bucket), EncryptionKey: kms ? { Type: 'KMS', Id: kms } : undefined },
    RestartExecutionOnUpdate: false,
    Stages: pipelineStages,
  }, { dependsOn: [pipelineRole.policy!] });
  if (ctx.cmk) for (const s of ['codepipeline.amazonaws.com', 'codebuild.amazonaws.com']) ctx.keyServices.add(s);
  ctx.output('PipelineConnectionArn', ctx.ref(connection), 'Approve this GitHub connection once in the console (Developer Tools > Connections)');
  ctx.endPipeline();
}
