import { afterAll, describe, expect, it } from 'vitest';
import { cdkAppEntry, generateCdk } from '../../../../src/generators/cdk/index.js';
import { buildTemplate, renderTemplate } from '../../../../src/generators/cloudformation/index.js';
import type { Architecture, ArchitectureInput } from '../../../../src/model/index.js';
import { parseArchitecture } from '../../../../src/model/index.js';
import { checkCdkApps, compareTemplates } from '../../../../src/validate/cdk.js';
import { stopSharedEngine, validateCloudFormation } from '../../../../src/validate/index.js';
import { nag, packsFor } from '../../../golden/cloudformation/nag.js';

afterAll(async () => stopSharedEngine());

function model(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

const regulated: Pick<ArchitectureInput, 'compliance' | 'dataClassification' | 'security'> = { compliance: ['hipaa', 'pci-dss'], dataClassification: 'phi', security: { encryptionKeys: 'customer-managed' } };

/** Designs the property test found awkward, each kept here with what the generators must do about it. */
const CASES: Record<string, ArchitectureInput> = {
  // A distribution connected to nothing: it gets a private content bucket as its origin.
  'cdn-without-origin': { name: 'cdn', ...regulated, components: [{ id: 'site', service: 'cloudfront' }] },
  // Two SES components on one domain: one identity, reputation alarms once.
  'ses-same-domain': { name: 'mail', components: [{ id: 'receipts', service: 'ses', config: { domain: 'example.com' } }, { id: 'alerts', service: 'ses', config: { domain: 'example.com', configurationSet: true } }] },
  // RDS read replicas: encryption comes from the source, so StorageEncrypted is left off.
  'rds-replicas': { name: 'db', ...regulated, network: { cidr: '10.0.0.0/16', azCount: 2 }, components: [{ id: 'db', service: 'rds', config: { engine: 'postgresql', readReplicas: 2 } }], resilience: { drStrategy: 'backup-restore' } },
  // A regulated design that keeps AWS managed keys and plain HTTP: every HIPAA/PCI finding that follows from those
  // choices is acknowledged with the design field behind it; MySQL exports its audit log through the audit plugin.
  'regulated-aws-managed': {
    name: 'clinic',
    compliance: ['hipaa', 'pci-dss'],
    dataClassification: 'phi',
    security: { encryptionKeys: 'aws-managed' },
    network: { cidr: '10.0.0.0/16', azCount: 2 },
    components: [
      { id: 'lb', service: 'alb', config: { https: false } },
      { id: 'db', service: 'rds', config: { engine: 'mysql' } },
      { id: 'docs', service: 'documentdb', config: { backupRetentionDays: 3 } },
      { id: 'cache', service: 'elasticache' },
      { id: 'fn', service: 'lambda', config: { inVpc: true } },
    ],
    connections: [{ from: 'lb', to: 'fn', kind: 'route' }, { from: 'fn', to: 'db', kind: 'read-write' }, { from: 'fn', to: 'docs', kind: 'read' }, { from: 'fn', to: 'cache', kind: 'read-write' }],
    resilience: { drStrategy: 'backup-restore' },
  },
  // Functions calling each other (in the VPC, with provisioned concurrency): each passes the other's name, so
  // all three get fixed names, and each function depends only on its own permissions, not on the grants.
  'function-cycle': {
    name: 'pingpong',
    network: { cidr: '10.0.0.0/16', azCount: 2 },
    components: [
      { id: 'ping', service: 'lambda', config: { inVpc: true, provisionedConcurrency: 2 } },
      { id: 'pong', service: 'lambda', config: { inVpc: true } },
      { id: 'relay', service: 'lambda' },
    ],
    connections: [{ from: 'ping', to: 'pong', kind: 'invoke' }, { from: 'pong', to: 'relay', kind: 'invoke' }, { from: 'relay', to: 'ping', kind: 'invoke' }],
  },
  // Components named like platform resources: `backup` (a function) + Role against the backup plan's BackupRole, `vpc` as a
  // construct scope against the VPC itself.
  'platform-names': {
    name: 'clash',
    network: { cidr: '10.0.0.0/16', azCount: 2 },
    components: [{ id: 'backup', service: 'lambda' }, { id: 'vpc', service: 'redshift' }, { id: 'alarm-topic', service: 'sns' }, { id: 'table', service: 'dynamodb' }],
    resilience: { drStrategy: 'backup-restore' },
    delivery: { pipeline: 'codepipeline' },
  },
};

const designs = Object.entries(CASES).map(([name, input]) => ({ name, a: model(input) }));

describe.each(designs)('$name', ({ name, a }) => {
  const built = buildTemplate(a, { pipeline: a.delivery.pipeline });
  const yaml = renderTemplate(built, 'yaml');

  it('passes the full CloudFormation check and cdk-nag', async () => {
    const report = await validateCloudFormation(yaml, { file: `${name}.yaml`, full: true });
    expect(report.findings.map((f) => `${f.severity} ${f.rule ?? ''} ${f.path ?? ''} ${f.message}`)).toEqual([]);
    for (const r of await nag(yaml, packsFor(a.compliance))) expect(r.errors, r.pack).toEqual([]);
  }, 120_000);
});

describe('what the generators decide', () => {
  const template = (name: string) => buildTemplate(designs.find((d) => d.name === name)!.a, { pipeline: 'codepipeline' });

  it('serves a content bucket from a distribution with no origin, readable only by that distribution', () => {
    const b = template('cdn-without-origin');
    const origins = (b.template.Resources['SiteDistribution']!.Properties!['DistributionConfig'] as { Origins: Array<{ Id: string; DomainName: unknown }> }).Origins;
    expect(origins).toEqual([expect.objectContaining({ Id: 'content', DomainName: { 'Fn::GetAtt': ['SiteContentBucket', 'RegionalDomainName'] } })]);
    expect(JSON.stringify(b.template.Resources['SiteContentBucketPolicy'])).toContain('cloudfront.amazonaws.com');
    expect(b.warnings.some((w) => w.path === 'components.site' && /content bucket/.test(w.message))).toBe(true);
  });

  it('creates one identity per SES domain and one set of reputation alarms', () => {
    const types = Object.entries(template('ses-same-domain').template.Resources);
    expect(types.filter(([, r]) => r.Type === 'AWS::SES::EmailIdentity').map(([id]) => id)).toEqual(['ReceiptsEmailIdentity']);
    expect(types.filter(([id]) => /BounceRateAlarm$/.test(id)).length).toBe(1);
  });

  it('gives functions on a call cycle fixed names and passes those names', () => {
    const t = template('function-cycle').template.Resources;
    expect(t['PingFunction']!.Properties!['FunctionName']).toEqual({ 'Fn::Sub': 'pingpong-${EnvironmentName}-ping' });
    expect((t['RelayFunction']!.Properties!['Environment'] as { Variables: Record<string, unknown> }).Variables['PING_FUNCTION_NAME']).toEqual({ 'Fn::Sub': 'pingpong-${EnvironmentName}-ping' });
    // Each function waits for its own permissions only; the grants naming the next function are a separate policy.
    expect(t['PingFunction']!.DependsOn).toEqual(['PingRolePolicy']);
    expect(JSON.stringify(t['PingRolePolicy'])).not.toContain('Pong');
    expect(JSON.stringify(t['PingRoleGrantsPolicy'])).toContain('PongFunction');
  });

  it('never sees a VPC with fewer zones than a service accepts: the model refuses it first', () => {
    expect(() => model({ name: 'narrow', network: { cidr: '10.0.0.0/16', azCount: 1 }, components: [{ id: 'lb', service: 'alb' }, { id: 'db', service: 'aurora' }] })).toThrow(/network\.azCount: alb 'lb', aurora 'db' need subnets in at least two Availability Zones/);
  });

  it('renames components that take a platform resource\'s name, in CloudFormation and CDK alike', () => {
    expect(template('platform-names').renamed.sort()).toEqual(['alarm-topic', 'backup', 'vpc']);
  });

  it('the CDK app of every case type-checks, synthesizes and matches the CloudFormation template', async () => {
    const apps = designs.map(({ name, a }) => ({ name, files: generateCdk(a, { pipeline: a.delivery.pipeline }), entry: cdkAppEntry(a) }));
    const results = await checkCdkApps(apps, { timeoutMs: 240_000 });
    for (const [i, r] of results.entries()) {
      const { a } = designs[i]!;
      expect(r.findings.map((f) => f.message), r.name).toEqual([]);
      const cfn = JSON.parse(JSON.stringify(buildTemplate(a, { pipeline: a.delivery.pipeline }).template)) as Record<string, unknown>;
      expect(compareTemplates(cfn, r.templates[cdkAppEntry(a).stacks.at(-1)!.id]!), r.name).toEqual({ counts: [], onlyCloudFormation: [], onlyCdk: [] });
    }
  }, 300_000);
});
