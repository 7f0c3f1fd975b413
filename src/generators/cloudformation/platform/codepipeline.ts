import { buildspec } from '../../pipeline/buildspec.js';
import { deliveryStages, deployServices, wantsCodePipeline } from '../../pipeline/stages.js';
import type { CfnContext } from '../context.js';
import { equals, getAtt, ref, sub } from '../fn.js';
import type { Value } from '../fn.js';

/** File name of the template inside the build artifact. */
export const TEMPLATE_FILE = 'template.yaml';

const DEPLOY_WHY = 'CloudFormation execution role of the pipeline: it creates and updates every resource type of this stack, so each service the design uses is allowed in full; only CloudFormation can assume it';

/**
 * An AWS CodePipeline inside the template (when the design asks for one): GitHub source through a CodeStar
 * connection, a CodeBuild step that lints the template, then each delivery stage deployed by CloudFormation
 * with automatic rollback, and a manual approval before the last. It lives in the last stage's stack (parameter
 * PipelineHost) and updates that stack too, so no separate pipeline stack is needed.
 */
export function emitCodePipeline(ctx: CfnContext): void {
  if (!wantsCodePipeline(ctx.options.pipeline)) return;
  const a = ctx.a;
  const O = 'operations' as const;
  const stages = deliveryStages(a);
  ctx.t.parameter('PipelineHost', { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'], Description: 'Create the delivery pipeline in this stack (only the last stage hosts it)' });
  ctx.t.condition('HostsPipeline', equals(ref('PipelineHost'), 'true'));
  const cond = { Condition: 'HostsPipeline' };
  const kms = ctx.keyArn();

  const { bucket } = ctx.bucket(O, 'CicdArtifactsBucket', { lifecycle: [{ id: 'ExpireArtifacts', expirationDays: 30, noncurrentDays: 7 }] });
  ctx.ack(bucket, 'Pipeline artifacts are rebuilt from source on every run and expire after 30 days', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
  const connection = ctx.add(O, 'CicdConnection', 'AWS::CodeStarConnections::Connection', { ConnectionName: `${a.name}`.slice(0, 24) + '-github', ProviderType: 'GitHub' });
  const logGroup = ctx.logGroup(O, 'CicdBuildLogGroup');
  const build = ctx.role(O, 'CicdBuildRole', {
    services: ['codebuild.amazonaws.com'],
    description: 'Lets the pipeline build step read sources and write artifacts and logs',
    statements: [
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: getAtt(logGroup, 'Arn') },
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion'], Resource: sub('${CicdArtifactsBucket.Arn}/*'), why: 'The build reads and writes objects the pipeline names per execution in its own artifact bucket' },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  const project = ctx.add(O, 'CicdBuildProject', 'AWS::CodeBuild::Project', {
    Description: `Validates the ${a.name} template`,
    ServiceRole: getAtt(build.role, 'Arn'),
    Source: { Type: 'CODEPIPELINE', BuildSpec: buildspec(a, 'cloudformation', TEMPLATE_FILE) },
    Artifacts: { Type: 'CODEPIPELINE' },
    Environment: { Type: 'ARM_CONTAINER', ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0', PrivilegedMode: false },
    EncryptionKey: kms ?? sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/s3'),
    LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: ref(logGroup) } },
    TimeoutInMinutes: 20,
  });
  ctx.ack(project, 'The source comes from CodePipeline (the GitHub connection), not from a repository URL with credentials', 'HIPAA.Security-CodeBuildProjectSourceRepoUrl', 'PCI.DSS.321-CodeBuildProjectSourceRepoUrl');
  const services = deployServices(a, true);
  const deploy = ctx.role(O, 'CicdDeployRole', {
    services: ['cloudformation.amazonaws.com'],
    description: 'CloudFormation execution role the pipeline deploys every stage with',
    statements: [{ Sid: 'ManageStackResources', Effect: 'Allow', Action: services.map((s) => `${s}:*`), Resource: '*', why: DEPLOY_WHY }],
  });
  ctx.ack(deploy.policy!, DEPLOY_WHY, 'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', 'PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess');
  const stackArns = stages.map((s) => sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${s.stack}/*`));
  const pipelineRole = ctx.role(O, 'CicdPipelineRole', {
    services: ['codepipeline.amazonaws.com'],
    description: 'Lets the pipeline fetch sources, run the build and deploy the stage stacks',
    statements: [
      { Sid: 'UseArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion', 's3:GetBucketVersioning'], Resource: [getAtt(bucket, 'Arn'), sub('${CicdArtifactsBucket.Arn}/*')], why: 'The pipeline reads and writes objects it names per execution in its own artifact bucket' },
      { Sid: 'UseConnection', Effect: 'Allow', Action: 'codestar-connections:UseConnection', Resource: ref(connection) },
      { Sid: 'RunBuild', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], Resource: getAtt(project, 'Arn') },
      { Sid: 'DeployStages', Effect: 'Allow', Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet'], Resource: stackArns, why: 'Each stage stack ARN ends in the stack id CloudFormation assigns at creation' },
      { Sid: 'NotifyApprovers', Effect: 'Allow', Action: 'sns:Publish', Resource: ctx.alarmTopic() },
      { Sid: 'PassDeployRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: getAtt(deploy.role, 'Arn'), Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } } },
      ...(kms ? [{ Sid: 'UseArtifactKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kms }] : []),
    ],
  });
  const deployAction = (s: (typeof stages)[number], last: boolean): Value => ({
    Name: 'Deploy',
    ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
    InputArtifacts: [{ Name: 'Template' }],
    RunOrder: 1,
    Configuration: {
      ActionMode: 'CREATE_UPDATE',
      StackName: s.stack,
      TemplatePath: `Template::${TEMPLATE_FILE}`,
      Capabilities: 'CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND',
      RoleArn: getAtt(deploy.role, 'Arn'),
      ParameterOverrides: JSON.stringify({ EnvironmentName: s.environment, PipelineHost: last ? 'true' : 'false' }),
    },
  });
  const pipelineStages: Value[] = [
    {
      Name: 'Source',
      Actions: [{ Name: 'GitHub', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' }, OutputArtifacts: [{ Name: 'Source' }], Configuration: { ConnectionArn: ref(connection), FullRepositoryId: a.delivery.repository, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP' } }],
    },
    { Name: 'Validate', Actions: [{ Name: 'Lint', ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' }, InputArtifacts: [{ Name: 'Source' }], OutputArtifacts: [{ Name: 'Template' }], Configuration: { ProjectName: ref(project) } }] },
  ];
  stages.forEach((s, i) => {
    const last = i === stages.length - 1;
    if (s.approval) pipelineStages.push({ Name: `Approve-${s.environment}`, Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' }, Configuration: { NotificationArn: ctx.alarmTopic(), CustomData: `Approve deploying ${a.name} to ${s.name}` } }] });
    pipelineStages.push({ Name: `Deploy-${s.environment}`, Actions: [deployAction(s, last)], OnFailure: { Result: 'ROLLBACK' } });
  });
  ctx.add(O, 'CicdPipeline', 'AWS::CodePipeline::Pipeline', {
    Name: `${a.name}-delivery`,
    PipelineType: 'V2',
    ExecutionMode: 'QUEUED',
    RoleArn: getAtt(pipelineRole.role, 'Arn'),
    ArtifactStore: { Type: 'S3', Location: ref(bucket), EncryptionKey: kms ? { Type: 'KMS', Id: kms } : undefined },
    RestartExecutionOnUpdate: false,
    Stages: pipelineStages,
  }, { DependsOn: [pipelineRole.policy!] });
  if (ctx.cmk) for (const s of ['codepipeline.amazonaws.com', 'codebuild.amazonaws.com']) ctx.keyServices.add(s);
  // Every resource above belongs to the pipeline host only.
  for (const id of ctx.t.resourceIds()) {
    if (ctx.t.ownerOf(id) !== O || !id.startsWith('Cicd')) continue;
    ctx.t.get(id).Condition = cond.Condition;
  }
  ctx.stackLevel('PipelineConnectionArn', 'platform');
  ctx.t.output('PipelineConnectionArn', { Description: 'Approve this GitHub connection once in the console (Developer Tools > Connections)', Value: ref(connection), Condition: 'HostsPipeline' });
}
