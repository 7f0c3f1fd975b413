import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectFormat, reviewTemplate } from '../../../src/review/index.js';
import { mapCloudFormation } from '../../../src/review/template/cfn-model.js';
import { parseCfn } from '../../../src/review/template/cfn-parse.js';
import { PACK_FIXES, controlsOf, fallbackFix, packSeverity, pillarOf } from '../../../src/review/template/nag-rules.js';
import { adminPolicyAttachment, wildcardStatements } from '../../../src/review/template/policy.js';
import { mapTerraform } from '../../../src/review/template/terraform.js';

const cfn = (resources: Record<string, unknown>) => mapCloudFormation(parseCfn(JSON.stringify({ Resources: resources })), 'test');
const comp = (m: ReturnType<typeof cfn>, id: string) => m.architecture.components.find((c) => c.id === id) as { service: string; config: Record<string, unknown> } | undefined;

describe('CloudFormation into the model', () => {
  it('reads missing properties as CloudFormation defaults, not the model\'s secure defaults', () => {
    const m = cfn({
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'a.b', Role: 'r', Code: {} } },
      Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro' } },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } },
      Queue: { Type: 'AWS::SQS::Queue' },
      Pool: { Type: 'AWS::Cognito::UserPool' },
    });
    expect(comp(m, 'fn')!.config).toMatchObject({ timeoutSeconds: 3, memoryMb: 128, architecture: 'x86_64', tracing: false, inVpc: false });
    expect(comp(m, 'db')!.config).toMatchObject({ multiAz: false, deletionProtection: false, backupRetentionDays: 1, iamAuthentication: false });
    expect(comp(m, 'table')!.config).toMatchObject({ billingMode: 'PROVISIONED', pointInTimeRecovery: false, deletionProtection: false, partitionKey: { name: 'id' } });
    expect(comp(m, 'queue')!.config).toMatchObject({ visibilityTimeoutSeconds: 30, retentionDays: 4 });
    expect(comp(m, 'pool')!.config).toMatchObject({ mfa: 'OFF', passwordMinLength: 8, deletionProtection: false });
    expect(m.facts.unencrypted.map((u) => u.resource)).toEqual(['Db']);
  });

  it('folds Aurora instances into their cluster as readers, and VPC pieces into the network', () => {
    const m = cfn({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } } },
      SubnetB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] } } },
      Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: { Ref: 'SubnetA' } } },
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', StorageEncrypted: true } },
      Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' }, DBInstanceClass: 'db.r7g.large', Engine: 'aurora-postgresql' } },
      Reader: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' }, DBInstanceClass: 'db.r7g.large', Engine: 'aurora-postgresql' } },
    });
    expect(m.architecture.network).toMatchObject({ azCount: 2, natGateways: 'single', flowLogs: false });
    expect(comp(m, 'cluster')).toMatchObject({ service: 'aurora', config: { readers: 1, instanceClass: 'db.r7g.large' } });
    expect(m.architecture.components.map((c) => c.id)).toEqual(['cluster']);
    expect([...m.mapped].sort()).toEqual(['Cluster', 'Nat', 'Reader', 'SubnetA', 'SubnetB', 'Vpc', 'Writer']);
    expect(m.resourceOf.get('network')).toBe('Vpc');
  });

  it('derives the connections rules read: CDN origins, WAF associations, event sources and API integrations', () => {
    const m = cfn({
      Site: { Type: 'AWS::S3::Bucket' },
      Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { WebACLId: { 'Fn::GetAtt': ['EdgeAcl', 'Arn'] }, Origins: [{ Id: 's', DomainName: { 'Fn::GetAtt': ['Site', 'RegionalDomainName'] } }] } } },
      EdgeAcl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'CLOUDFRONT' } },
      Queue: { Type: 'AWS::SQS::Queue' },
      Worker: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 10 } },
      Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, FunctionName: { Ref: 'Worker' } } },
    });
    expect(m.architecture.connections).toEqual(
      expect.arrayContaining([
        { from: 'cdn', to: 'site', kind: 'route' },
        { from: 'queue', to: 'worker', kind: 'trigger' },
      ]),
    );
    expect(comp(m, 'edge-acl')!.config.protects).toEqual(['cdn']);
  });

  it('collects facts the model cannot hold', () => {
    const m = cfn({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }, { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '10.0.0.0/8' }] } },
      Admin: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } },
      Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
    });
    expect(m.facts.openIngress).toEqual([{ resource: 'Sg', cidr: '0.0.0.0/0', protocol: '-1', fromPort: 0, toPort: 65535 }]);
    expect(m.facts.wildcardIam).toEqual([expect.objectContaining({ resource: 'Admin', admin: true })]);
    expect(m.facts.alarms).toBe(1);
    expect(m.architecture.components).toEqual([]);
  });

  it('takes alarm routing from email subscriptions, literal or from a parameter', () => {
    const literal = cfn({ Topic: { Type: 'AWS::SNS::Topic', Properties: { Subscription: [{ Protocol: 'email', Endpoint: 'oncall@example.com' }] } } });
    expect(literal.architecture.observability.alarmEmail).toBe('oncall@example.com');
    const param = cfn({ Topic: { Type: 'AWS::SNS::Topic', Properties: { Subscription: [{ Protocol: 'email', Endpoint: { Ref: 'Email' } }] } } });
    expect(param.architecture.observability.alarmEmail).toBe('subscriber@template.invalid');
    expect(cfn({ Topic: { Type: 'AWS::SNS::Topic' } }).architecture.observability.alarmEmail).toBeUndefined();
  });

  it('reports a template with no Resources, or broken YAML, as a user error on template', () => {
    expect(() => parseCfn('Description: nothing\n')).toThrow(/no Resources section/);
    expect(() => parseCfn('Resources:\n  A:\n    Type: [unclosed\n')).toThrow(/not valid YAML or JSON.*line/);
    expect(() => parseCfn('Resources:\n  A:\n    Properties: {}\n')).toThrow(/resource has no Type/);
  });
});

describe('Terraform into the model', () => {
  it('folds split bucket resources into the bucket and lists what it cannot map', async () => {
    const m = await mapTerraform(
      [
        {
          name: 'main.tf',
          text: `
resource "aws_s3_bucket" "logs" { bucket = "logs" }
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id = "expire"
    status = "Enabled"
    expiration { days = 90 }
  }
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role = "x"
  runtime = "nodejs22.x"
  architectures = ["arm64"]
  timeout = 20
}
resource "aws_sqs_queue" "q" { visibility_timeout_seconds = 60 }
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name = aws_lambda_function.fn.arn
}
resource "aws_batch_job_queue" "jobs" { name = "jobs" }
`,
        },
      ],
      'main.tf',
    );
    expect(m.architecture.components.find((c) => c.id === 'logs')!.config).toMatchObject({ versioning: true });
    expect((m.architecture.components.find((c) => c.id === 'logs')!.config as { lifecycle: unknown[] }).lifecycle).toHaveLength(1);
    expect(m.architecture.components.find((c) => c.id === 'fn')!.config).toMatchObject({ architecture: 'arm64', timeoutSeconds: 20, memoryMb: 128 });
    expect(m.architecture.connections).toEqual([{ from: 'q', to: 'fn', kind: 'trigger' }]);
    expect(m.all.filter((a) => !m.mapped.has(a))).toEqual(['aws_batch_job_queue.jobs']);
  });

  it('reads counted subnets and NAT gateways, folds an Aurora global secondary into its primary, and authorizes WebSockets on $connect', async () => {
    const m = await mapTerraform(
      [
        {
          name: 'main.tf',
          text: `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "private" {
  count = 3
  vpc_id = aws_vpc.main.id
  availability_zone = local.azs[count.index]
}
resource "aws_nat_gateway" "main" {
  count = 3
  subnet_id = aws_subnet.private[count.index].id
}
resource "aws_vpc" "dr" {
  region = "us-west-2"
  cidr_block = "10.1.0.0/16"
}
resource "aws_rds_global_cluster" "db" { global_cluster_identifier = "db" }
resource "aws_rds_cluster" "db" {
  engine = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.db.id
  storage_encrypted = true
}
resource "aws_rds_cluster_instance" "db" {
  count = 2
  cluster_identifier = aws_rds_cluster.db.id
}
resource "aws_rds_cluster" "db_secondary" {
  region = "us-west-2"
  engine = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.db.id
  storage_encrypted = true
}
resource "aws_apigatewayv2_api" "ws" { protocol_type = "WEBSOCKET" }
resource "aws_apigatewayv2_route" "connect" {
  api_id = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
  authorization_type = "CUSTOM"
}
resource "aws_apigatewayv2_route" "send" {
  api_id = aws_apigatewayv2_api.ws.id
  route_key = "send"
}
data "aws_iam_policy_document" "key" {
  statement {
    actions = ["kms:*"]
    resources = ["*"]
    principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}
`,
        },
      ],
      'main.tf',
    );
    expect(m.architecture.network).toMatchObject({ azCount: 3, natGateways: 'per-az' });
    expect(m.resourceOf.get('network')).toBe('aws_vpc.main');
    expect(m.architecture.components.filter((c) => c.service === 'aurora').map((c) => [c.id, (c.config as { readers: number; globalSecondaryRegion?: string }).readers, (c.config as { globalSecondaryRegion?: string }).globalSecondaryRegion])).toEqual([['db', 1, 'us-west-2']]);
    expect(m.architecture.components.find((c) => c.id === 'ws')!.config).toMatchObject({ authorizer: 'lambda' });
    // A key policy's Resource * is the key itself, not a wildcard grant.
    expect(m.facts.wildcardIam).toEqual([]);
  });

  it('always runs the provider-schema validation on Terraform, since no cdk-nag pack can', async () => {
    const r = await reviewTemplate('resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role = "r"\n  memory_sise = 128\n}\n', { name: 'fn.tf' });
    expect(r.coverage.templatePacks).toBe('not-selected');
    expect(r.coverage.validation?.errors).toBeGreaterThan(0);
    expect(r.coverage.validation?.first.join('\n')).toContain('memory_sise');
  });

  it('names the file and line of HCL syntax errors', async () => {
    await expect(reviewTemplate('resource "aws_s3_bucket" "x" {\n', { format: 'terraform', name: 'broken.tf' })).rejects.toThrow(/broken\.tf:1,30-31: Unclosed configuration block/);
  });
});

describe('format detection', () => {
  it('tells CloudFormation from Terraform by name and content, and asks when it cannot', () => {
    expect(detectFormat('{"Resources":{}}')).toBe('cloudformation');
    expect(detectFormat('Resources:\n  A:\n    Type: AWS::S3::Bucket\n')).toBe('cloudformation');
    expect(detectFormat('resource "aws_s3_bucket" "b" {}\n')).toBe('terraform');
    expect(detectFormat('anything', 'main.tf')).toBe('terraform');
    expect(() => detectFormat('hello: world\n')).toThrow(/cannot tell/);
  });
});

describe('IAM statements', () => {
  it('flags Action *, service wildcards, Resource * and NotAction; ignores Deny', () => {
    const found = wildcardStatements(
      {
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
          { Effect: 'Deny', Action: '*', Resource: '*' },
          { Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:::table/t' },
          { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
          { Effect: 'Allow', Action: '*', Resource: '*' },
        ],
      },
      'P',
    );
    expect(found.map((w) => [w.actions.join(','), w.admin])).toEqual([
      ['dynamodb:*', false],
      ['NotAction iam:*', true],
      ['*', true],
    ]);
    expect(adminPolicyAttachment('arn:aws:iam::aws:policy/AdministratorAccess', 'R')?.admin).toBe(true);
    expect(adminPolicyAttachment('arn:aws:iam::aws:policy/ReadOnlyAccess', 'R')).toBeUndefined();
  });
});

describe('cdk-nag rule data', () => {
  const require = createRequire(import.meta.url);
  it('maps levels to severities, with administrator access and public data as critical', () => {
    expect(packSeverity('S3BucketLoggingEnabled', undefined, 'error')).toBe('high');
    expect(packSeverity('DynamoDBPITREnabled', undefined, 'warning')).toBe('medium');
    expect(packSeverity('S3BucketPublicReadProhibited', undefined, 'error')).toBe('critical');
    expect(packSeverity('IAMNoWildcardPermissions', 'Action::*', 'error')).toBe('critical');
    expect(packSeverity('IAMNoWildcardPermissions', 'Resource::*', 'error')).toBe('high');
  });

  it('reads control ids from pack messages, including ones missing the closing parenthesis', () => {
    expect(controlsOf('The trail does not have log file validation enabled - (Control ID: 164.312(c)(1), 164.312(c)(2)).')).toBe('164.312(c)(1), 164.312(c)(2)');
    expect(controlsOf('The Security Group allows unrestricted SSH access - (Control IDs: 164.308(a)(3)(i), 164.312(e)(1).')).toBe('164.308(a)(3)(i), 164.312(e)(1)');
    expect(controlsOf('No controls here.')).toBeUndefined();
    expect(fallbackFix('The thing is off - (Control ID: 1.2).', 'X-Y')).toBe('Change the resource so that this no longer holds: "The thing is off" (cdk-nag X-Y); acknowledge it with a reason if it is intended.');
    expect(pillarOf('RDSInBackupPlan')).toBe('reliability');
    expect(pillarOf('S3BucketLoggingEnabled')).toBe('operational-excellence');
    expect(pillarOf('S3DefaultEncryptionKMS')).toBe('security');
  });

  it('has a specific fix for every rule function of the five packs', () => {
    const { readFileSync, readdirSync } = require('node:fs') as typeof import('node:fs');
    const { dirname, join } = require('node:path') as typeof import('node:path');
    const packs = join(dirname(require.resolve('cdk-nag/package.json')), 'lib', 'packs');
    const used = new Set<string>();
    for (const f of readdirSync(packs).filter((n) => n.endsWith('.js') && !n.includes('r4'))) {
      for (const m of readFileSync(join(packs, f), 'utf8').matchAll(/rule: [a-z0-9_]+\.([A-Za-z0-9]+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((fn) => !PACK_FIXES[fn])).toEqual([]);
  });
});
