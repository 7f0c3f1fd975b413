import type { Architecture } from '../../model/index.js';
import type { IacFormat } from './github-actions.js';
import { deliveryStages, deployServices, wantsCodePipeline } from './stages.js';
import type { PipelineChoice } from './stages.js';

type Json = unknown;
const sub = (s: string): Json => ({ 'Fn::Sub': s });
const ref = (s: string): Json => ({ Ref: s });
const getAtt = (r: string, a: string): Json => ({ 'Fn::GetAtt': [r, a] });
const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');

const GITHUB = 'token.actions.githubusercontent.com';
const FULL_ACCESS_WHY = 'The deploying identity creates and updates every resource type of the design, so each service it uses is allowed in full; only the named GitHub environment can assume it';

function nag(rules: Array<[string, string]>): Json {
  return { cdk_nag: { rules_to_suppress: rules.map(([id, reason]) => ({ id, reason })) } };
}

/** Trust policy for GitHub OIDC tokens of one repository and subject (`environment:production`, `pull_request`). */
function githubTrust(repository: string, subject: string): Json {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: { 'Fn::If': ['CreateProvider', ref('GitHubOidcProvider'), sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${GITHUB}`)] } },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: `repo:${repository}:${subject}` } },
      },
    ],
  };
}

function bucket(logicalId: string, purpose: string, noncurrentDays: number): Record<string, Json> {
  return {
    [logicalId]: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Metadata: nag([
        ['AwsSolutions-S1', `${purpose}: every access is made by the pipeline roles and recorded by CloudTrail`],
      ]),
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: { Rules: [{ Id: 'ExpireOldVersions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays } }] },
      },
    },
    [`${logicalId}Policy`]: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref(logicalId),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: [getAtt(logicalId, 'Arn'), sub(`\${${logicalId}.Arn}/*`)], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        },
      },
    },
  };
}

function policy(name: string, roles: string[], statements: Json[], rules: Array<[string, string]>): Json {
  return {
    Type: 'AWS::IAM::ManagedPolicy',
    ...(rules.length ? { Metadata: nag(rules) } : {}),
    Properties: { Description: name, Roles: roles.map(ref), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
  };
}

/**
 * One-time bootstrap for the GitHub Actions workflow, as a CloudFormation template for every IaC format: the
 * GitHub OIDC provider (unless the account has one), a preview role for pull requests and a deploy role per stage
 * environment, each trusted only by this repository and subject, plus what the format needs (a template bucket
 * and CloudFormation execution role, a Terraform state bucket, or access to the CDK bootstrap roles).
 */
export function githubOidcTemplate(a: Architecture, format: IacFormat, pipeline: PipelineChoice): Record<string, Json> {
  const stages = deliveryStages(a);
  const repo = a.delivery.repository;
  const services = deployServices(a, wantsCodePipeline(pipeline) && format !== 'terraform');
  const stackArns = stages.map((s) => sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${s.stack}/*`));
  const cdkRoles = sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-*-${AWS::AccountId}-${AWS::Region}');
  const resources: Record<string, Json> = {
    GitHubOidcProvider: {
      Type: 'AWS::IAM::OIDCProvider',
      Condition: 'CreateProvider',
      Properties: { Url: `https://${GITHUB}`, ClientIdList: ['sts.amazonaws.com'] },
    },
    PreviewRole: {
      Type: 'AWS::IAM::Role',
      Properties: { Description: `Pull-request previews of ${a.name} from ${repo}`, AssumeRolePolicyDocument: githubTrust(repo, 'pull_request'), MaxSessionDuration: 3600 },
    },
  };
  const outputs: Record<string, Json> = {
    AwsPreviewRoleArn: { Description: 'Repository variable AWS_PREVIEW_ROLE_ARN', Value: getAtt('PreviewRole', 'Arn') },
  };
  const deployRoles = stages.map((s) => `${pascal(s.environment)}DeployRole`);
  stages.forEach((s, i) => {
    resources[deployRoles[i]!] = {
      Type: 'AWS::IAM::Role',
      Properties: { Description: `Deploys ${s.stack} from the "${s.name}" environment of ${repo}`, AssumeRolePolicyDocument: githubTrust(repo, `environment:${s.name}`), MaxSessionDuration: 3600 },
    };
    outputs[`${pascal(s.environment)}DeployRoleArn`] = { Description: `Variable AWS_DEPLOY_ROLE_ARN of the "${s.name}" environment`, Value: getAtt(deployRoles[i]!, 'Arn') };
  });

  if (format === 'cloudformation') {
    Object.assign(resources, bucket('TemplateBucket', 'Holds the templates the workflow uploads for change sets and deploys', 30));
    resources['CfnExecutionRole'] = {
      Type: 'AWS::IAM::Role',
      Properties: { Description: `CloudFormation execution role for the ${a.name} stacks`, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
    };
    resources['CfnExecutionPolicy'] = policy(`What CloudFormation may manage in the ${a.name} stacks`, ['CfnExecutionRole'], [{ Sid: 'ManageStackResources', Effect: 'Allow', Action: services.map((x) => `${x}:*`), Resource: '*' }], [
      ...services.map((x): [string, string] => [`AwsSolutions-IAM5[Action::${x}:*]`, FULL_ACCESS_WHY]),
      ['AwsSolutions-IAM5[Resource::*]', FULL_ACCESS_WHY],
    ]);
    const stackActions = ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplateSummary'];
    const stackWhy = 'Stack ARNs end in the id CloudFormation assigns at creation';
    const objectsWhy = 'The workflow names template objects per commit under its own bucket';
    resources['PreviewPolicy'] = policy('Create, read and delete change sets; upload templates', ['PreviewRole'], [
      { Sid: 'ChangeSets', Effect: 'Allow', Action: stackActions, Resource: stackArns },
      { Sid: 'UploadTemplates', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: sub('${TemplateBucket.Arn}/previews/*') },
    ], [
      ...stages.map((s): [string, string] => [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:<AWS::Region>:<AWS::AccountId>:stack/${s.stack}/*]`, stackWhy]),
      ['AwsSolutions-IAM5[Resource::<TemplateBucket.Arn>/previews/*]', objectsWhy],
    ]);
    stages.forEach((s, i) => {
      resources[`${deployRoles[i]}Policy`] = policy(`Deploy ${s.stack} through CloudFormation`, [deployRoles[i]!], [
        { Sid: 'DeployStack', Effect: 'Allow', Action: [...stackActions, 'cloudformation:ExecuteChangeSet', 'cloudformation:ContinueUpdateRollback'], Resource: sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${s.stack}/*`) },
        { Sid: 'UploadTemplates', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: sub(`\${TemplateBucket.Arn}/deploys/${s.stack}/*`) },
        { Sid: 'PassExecutionRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: getAtt('CfnExecutionRole', 'Arn'), Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } } },
      ], [
        [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:<AWS::Region>:<AWS::AccountId>:stack/${s.stack}/*]`, stackWhy],
        [`AwsSolutions-IAM5[Resource::<TemplateBucket.Arn>/deploys/${s.stack}/*]`, objectsWhy],
      ]);
    });
    outputs['CfnTemplateBucket'] = { Description: 'Repository variable CFN_TEMPLATE_BUCKET', Value: ref('TemplateBucket') };
    outputs['CfnExecutionRoleArn'] = { Description: 'Repository variable AWS_CFN_EXECUTION_ROLE_ARN', Value: getAtt('CfnExecutionRole', 'Arn') };
  } else if (format === 'terraform') {
    Object.assign(resources, bucket('StateBucket', 'Holds the Terraform state of every stage', 90));
    const stateWhy = 'Terraform keeps one state object (and lock file) per workspace under the design\'s key';
    const stateObjects = sub(`\${StateBucket.Arn}/*${a.name}/terraform.tfstate*`);
    const state = [
      { Sid: 'ListState', Effect: 'Allow', Action: 's3:ListBucket', Resource: getAtt('StateBucket', 'Arn') },
      { Sid: 'UseState', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: stateObjects },
    ];
    const stateRule: [string, string] = [`AwsSolutions-IAM5[Resource::<StateBucket.Arn>/*${a.name}/terraform.tfstate*]`, stateWhy];
    resources['PreviewRole'] = { ...(resources['PreviewRole'] as object), Metadata: nag([['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess]', 'terraform plan reads every resource type of the design; AWS maintains the read-only policy for that']]) };
    ((resources['PreviewRole'] as { Properties: Record<string, Json> }).Properties)['ManagedPolicyArns'] = [sub('arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess')];
    resources['PreviewPolicy'] = policy('Read the Terraform state and take the plan lock', ['PreviewRole'], state, [stateRule]);
    stages.forEach((s, i) => {
      resources[`${deployRoles[i]}Policy`] = policy(`Apply the ${s.name} workspace`, [deployRoles[i]!], [...state, { Sid: 'ManageResources', Effect: 'Allow', Action: services.map((x) => `${x}:*`), Resource: '*' }], [
        stateRule,
        ...services.map((x): [string, string] => [`AwsSolutions-IAM5[Action::${x}:*]`, FULL_ACCESS_WHY]),
        ['AwsSolutions-IAM5[Resource::*]', FULL_ACCESS_WHY],
      ]);
    });
    outputs['TfStateBucket'] = { Description: 'Repository variable TF_STATE_BUCKET', Value: ref('StateBucket') };
  } else {
    const why = 'The CDK CLI works through the roles `cdk bootstrap` created in this account and region (deploy, file publishing, lookup)';
    const assume = [{ Sid: 'UseCdkBootstrapRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: cdkRoles }];
    const rule: [string, string] = ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-hnb659fds-*-<AWS::AccountId>-<AWS::Region>]', why];
    resources['PreviewPolicy'] = policy('Diff through the CDK bootstrap roles', ['PreviewRole'], assume, [rule]);
    stages.forEach((s, i) => {
      resources[`${deployRoles[i]}Policy`] = policy(`Deploy ${s.stack} through the CDK bootstrap roles`, [deployRoles[i]!], assume, [rule]);
    });
  }

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${a.name}: GitHub Actions OIDC access for ${repo} (deploy once per account with CAPABILITY_NAMED_IAM). Generated by aws-backend-architect.`,
    Parameters: {
      CreateOidcProvider: { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'], Description: 'false when the account already has the GitHub OIDC provider' },
    },
    Conditions: { CreateProvider: { 'Fn::Equals': [ref('CreateOidcProvider'), 'true'] } },
    Resources: resources,
    Outputs: outputs,
  };
}
