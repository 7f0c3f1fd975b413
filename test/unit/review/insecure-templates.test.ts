import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Framework, Severity } from '../../../src/model/index.js';
import { reviewTemplate, type TemplateContext } from '../../../src/review/index.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

interface Expected {
  rule: string;
  resource?: string;
  severity?: Severity;
  /** Reason text the acknowledgement must carry. */
  acknowledged?: string;
}

interface Row {
  file: string;
  why: string;
  frameworks?: Framework[];
  context?: TemplateContext;
  expect: Expected[];
  /** Rules that must not fire (the template gets those right). */
  absent?: string[];
  packs?: 'run' | 'not-run' | 'not-selected';
  /** Fragment of the reason the packs did not run. */
  reason?: string;
  notCovered?: string[];
}

const TABLE: Row[] = [
  {
    file: 'cloudformation/public-bucket.yaml',
    why: 'a public website bucket is critical in both the model rules and the packs',
    frameworks: ['well-architected', 'aws-solutions', 'hipaa'],
    expect: [
      { rule: 'WA-SEC-20', resource: 'SiteBucket', severity: 'critical' },
      { rule: 'AwsSolutions-S2', resource: 'SiteBucket', severity: 'high' },
      { rule: 'AwsSolutions-S5', resource: 'SiteBucket' },
      { rule: 'HIPAA.Security-S3BucketPublicReadProhibited', resource: 'SiteBucket', severity: 'critical' },
      { rule: 'HIPAA-8', resource: 'SiteBucket', severity: 'critical' },
    ],
    absent: ['WA-SEC-14'],
    packs: 'run',
  },
  {
    file: 'cloudformation/open-ssh.yaml',
    why: 'SSH and RDP open to the world',
    expect: [
      { rule: 'WA-SEC-19', resource: 'BastionSecurityGroup', severity: 'critical' },
      { rule: 'WA-SEC-19', resource: 'RdpIngress', severity: 'critical' },
      { rule: 'AwsSolutions-EC23', resource: 'BastionSecurityGroup', severity: 'high' },
    ],
    absent: ['AwsSolutions-EC27'],
  },
  {
    file: 'cloudformation/wildcard-iam.json',
    why: 'Action * on Resource * is administrator access; s3:* is a service-wide wildcard',
    frameworks: ['well-architected', 'aws-solutions', 'pci-dss'],
    expect: [
      { rule: 'WA-SEC-18', resource: 'WorkerRole', severity: 'critical' },
      { rule: 'WA-SEC-18', resource: 'StoragePolicy', severity: 'high' },
      { rule: 'AwsSolutions-IAM5[Action::*]', resource: 'WorkerRole', severity: 'critical' },
      { rule: 'AwsSolutions-IAM5[Action::s3:*]', resource: 'StoragePolicy', severity: 'high' },
      { rule: 'PCI-13', resource: 'WorkerRole', severity: 'critical' },
    ],
  },
  {
    file: 'cloudformation/unencrypted-db.yaml',
    why: 'StorageEncrypted defaults to false',
    expect: [
      { rule: 'WA-SEC-21', resource: 'OrdersDb', severity: 'high' },
      { rule: 'AwsSolutions-RDS2', resource: 'OrdersDb', severity: 'high' },
    ],
    absent: ['AP-SPOF-1', 'WA-REL-8', 'AwsSolutions-RDS3'],
  },
  {
    file: 'cloudformation/no-backups.yaml',
    why: 'BackupRetentionPeriod 0 switches automated backups off',
    frameworks: ['well-architected', 'aws-solutions', 'hipaa'],
    expect: [
      { rule: 'WA-REL-8', resource: 'LedgerDb', severity: 'high' },
      { rule: 'AwsSolutions-RDS13', resource: 'LedgerDb', severity: 'high' },
      { rule: 'HIPAA-4', resource: 'LedgerDb', severity: 'high' },
    ],
    absent: ['WA-SEC-21'],
  },
  {
    file: 'cloudformation/single-az-db.yaml',
    why: 'a single-AZ database cannot meet a 99.99 % target',
    context: { availabilityTarget: 99.99 },
    expect: [
      { rule: 'AP-SPOF-1', resource: 'AccountsDb', severity: 'high' },
      { rule: 'AwsSolutions-RDS3', resource: 'AccountsDb' },
    ],
  },
  {
    file: 'cloudformation/open-api.yaml',
    why: 'an unauthenticated method, and a function that outlives the 29 s API timeout',
    expect: [
      { rule: 'WA-SEC-2', resource: 'OrdersApi', severity: 'high' },
      { rule: 'AwsSolutions-APIG4', resource: 'OrdersMethod' },
      { rule: 'WA-PERF-1', resource: 'OrdersFunction', severity: 'medium' },
      { rule: 'WA-SEC-1', resource: 'OrdersApi' },
    ],
    absent: ['WA-SUS-1'],
  },
  {
    file: 'cloudformation/public-database.yaml',
    why: 'PubliclyAccessible true',
    frameworks: ['well-architected', 'hipaa', 'pci-dss'],
    expect: [
      { rule: 'WA-SEC-22', resource: 'ReportsDb', severity: 'critical' },
      { rule: 'HIPAA.Security-RDSInstancePublicAccess', resource: 'ReportsDb', severity: 'critical' },
      { rule: 'HIPAA-8', resource: 'ReportsDb', severity: 'critical' },
      { rule: 'PCI-12', resource: 'ReportsDb', severity: 'critical' },
    ],
  },
  {
    file: 'cloudformation/queue-consumer.yaml',
    why: 'default 30 s visibility against a 120 s consumer, a password in the environment, a deprecated runtime',
    expect: [
      { rule: 'WA-REL-5', resource: 'JobsQueue', severity: 'high' },
      { rule: 'WA-SEC-8', resource: 'JobsFunction', severity: 'high' },
      { rule: 'WA-OPS-2', resource: 'JobsFunction', severity: 'medium' },
      { rule: 'AP-MON-1', severity: 'medium' },
      { rule: 'AwsSolutions-SQS3', resource: 'JobsQueue' },
    ],
  },
  {
    file: 'cloudformation/eks-public.yaml',
    why: 'the EKS endpoint is public by default and the node group has one node',
    expect: [
      { rule: 'WA-SEC-9', resource: 'Cluster', severity: 'high' },
      { rule: 'AP-SPOF-2', resource: 'Cluster', severity: 'high' },
      { rule: 'WA-PERF-2', resource: 'Cluster' },
    ],
  },
  {
    file: 'cloudformation/sam-function.yaml',
    why: 'SAM cannot be loaded by CfnInclude: the model rules still catch the open group and the API',
    expect: [
      { rule: 'WA-SEC-19', resource: 'OpenGroup', severity: 'critical' },
      { rule: 'WA-SEC-2', resource: 'Api' },
      { rule: 'WA-OPS-2', resource: 'Handler' },
      { rule: 'WA-PERF-1', resource: 'Handler' },
      { rule: 'WA-PERF-3', resource: 'Handler' },
      { rule: 'WA-REL-2', resource: 'Items' },
    ],
    packs: 'not-run',
    reason: 'Transform AWS::Serverless-2016-10-31',
  },
  {
    file: 'cloudformation/foreach.yaml',
    why: 'Fn::ForEach cannot be loaded by CfnInclude: the plain resources are still reviewed',
    expect: [{ rule: 'WA-SEC-20', resource: 'PlainBucket', severity: 'critical' }],
    packs: 'not-run',
    reason: 'AWS::LanguageExtensions',
  },
  {
    file: 'cloudformation/dangling-ref.yaml',
    why: 'a Ref to a missing resource makes CfnInclude throw; the fallback still finds the admin policy',
    expect: [{ rule: 'WA-SEC-18', resource: 'Admin', severity: 'critical' }],
    packs: 'not-run',
    reason: "logical ID: 'MissingQueue' not found",
  },
  {
    file: 'cloudformation/acknowledged.yaml',
    why: 'findings accepted in metadata are reported as acknowledged; one without a real reason is not',
    expect: [
      { rule: 'AwsSolutions-S1', resource: 'AssetsBucket', acknowledged: 'Access to public marketing assets is logged by CloudFront, not S3.' },
      { rule: 'AwsSolutions-IAM5[Resource::*]', resource: 'TaskRole', acknowledged: 'X-Ray segments cannot be scoped to a resource.' },
      { rule: 'AwsSolutions-S10', resource: 'AssetsBucket' },
      { rule: 'AwsSolutions-IAM5[Action::s3:*]', resource: 'TaskRole' },
    ],
  },
  {
    file: 'terraform/open-ssh.tf',
    why: 'Terraform security groups: an ingress block on 22 and a rule opening everything over IPv6; 443 is fine',
    expect: [
      { rule: 'WA-SEC-19', resource: 'aws_security_group.bastion', severity: 'critical' },
      { rule: 'WA-SEC-19', resource: 'aws_vpc_security_group_ingress_rule.everything', severity: 'critical' },
    ],
    frameworks: ['well-architected', 'aws-solutions'],
    packs: 'not-run',
    reason: 'cdk-nag packs evaluate CloudFormation',
  },
  {
    file: 'terraform/wildcard-iam.tf',
    why: 'jsonencode policies are parsed back through HCL; policy document data sources are checked too',
    expect: [
      { rule: 'WA-SEC-18', resource: 'aws_iam_role_policy.everything', severity: 'critical' },
      { rule: 'WA-SEC-18', resource: 'data.aws_iam_policy_document.dynamo', severity: 'high' },
      { rule: 'WA-REL-2', resource: 'aws_dynamodb_table.orders' },
    ],
    packs: 'not-selected',
  },
  {
    file: 'terraform/public-bucket.tf',
    why: 'a canned public-read ACL in a split aws_s3_bucket_acl resource',
    expect: [{ rule: 'WA-SEC-20', resource: 'aws_s3_bucket.uploads', severity: 'critical' }],
    absent: ['WA-REL-4'],
    packs: 'not-selected',
  },
  {
    file: 'terraform/weak-database.tf',
    why: 'Terraform defaults: storage_encrypted false, multi_az false; backups explicitly off',
    context: { availabilityTarget: 99.99 },
    expect: [
      { rule: 'WA-SEC-21', resource: 'aws_db_instance.ledger', severity: 'high' },
      { rule: 'WA-REL-8', resource: 'aws_db_instance.ledger', severity: 'high' },
      { rule: 'AP-SPOF-1', resource: 'aws_db_instance.ledger', severity: 'high' },
      { rule: 'WA-SUS-1', resource: 'aws_db_instance.ledger', severity: 'low' },
    ],
    packs: 'not-selected',
  },
  {
    file: 'terraform/unmapped.tf',
    why: 'resources without a model mapping and module calls are listed as not covered',
    expect: [],
    packs: 'not-selected',
    notCovered: ['aws_lightsail_instance.blog', 'module.network'],
  },
];

const matches = (f: Finding, e: Expected) => f.rule === e.rule && (e.resource === undefined || f.resource === e.resource);

describe('insecure templates produce the expected findings', () => {
  it.each(TABLE)('$file: $why', async (row) => {
    const text = readFileSync(join(FIXTURES_DIR, 'insecure', row.file), 'utf8');
    const report = await reviewTemplate(text, { name: row.file.split('/').pop(), frameworks: row.frameworks, context: row.context });
    const listing = report.findings.map((f) => `${f.severity} ${f.rule} ${f.resource ?? f.component ?? '-'}${f.acknowledged ? ' (ack)' : ''}`).join('\n');
    for (const e of row.expect) {
      const f = report.findings.find((x) => matches(x, e));
      expect(f, `expected ${e.rule} on ${e.resource ?? 'the template'}; got:\n${listing}`).toBeDefined();
      if (e.severity) expect(f!.severity, `${e.rule} severity`).toBe(e.severity);
      if (e.acknowledged) expect(f!.acknowledged?.reason).toBe(e.acknowledged);
      else expect(f!.acknowledged, `${e.rule} should not be acknowledged`).toBeUndefined();
      expect(f!.fix.length, `${e.rule} fix`).toBeGreaterThan(10);
      expect(f!.evidence.length, `${e.rule} evidence`).toBeGreaterThan(10);
    }
    for (const rule of row.absent ?? []) expect(report.findings.filter((f) => f.rule === rule), `${rule} should not fire`).toEqual([]);
    if (row.packs) expect(report.coverage.templatePacks).toBe(row.packs);
    if (row.reason) expect(report.coverage.reason).toContain(row.reason);
    if (row.notCovered) expect(report.coverage.notCovered.sort()).toEqual(row.notCovered.sort());
    // Any unacknowledged high or critical finding fails its framework.
    for (const fr of report.frameworks.filter((x) => x.status !== 'not-run')) {
      const failing = report.findings.some((f) => f.framework === fr.framework && !f.acknowledged && (f.severity === 'high' || f.severity === 'critical'));
      expect(fr.status, fr.framework).toBe(failing ? 'fail' : 'pass');
    }
  });

  it('links template findings to the component mapped from the same resource', async () => {
    const report = await reviewTemplate(readFileSync(join(FIXTURES_DIR, 'insecure/cloudformation/no-backups.yaml'), 'utf8'), { name: 'no-backups.yaml' });
    const pack = report.findings.find((f) => f.rule === 'AwsSolutions-RDS13')!;
    const model = report.findings.find((f) => f.rule === 'WA-REL-8')!;
    expect(pack.component).toBe('ledger-db');
    expect(model.component).toBe('ledger-db');
  });

  it('falls back to the structural validator when the packs cannot run, and says what it found', async () => {
    const report = await reviewTemplate(readFileSync(join(FIXTURES_DIR, 'insecure/cloudformation/dangling-ref.yaml'), 'utf8'), { name: 'dangling-ref.yaml' });
    expect(report.frameworks.find((f) => f.framework === 'aws-solutions')).toMatchObject({ status: 'not-run' });
    expect(report.coverage.validation?.errors).toBeGreaterThan(0);
    expect(report.coverage.validation?.first[0]).toContain('MissingQueue');
    expect(report.passed).toBe(false);
  });
});
