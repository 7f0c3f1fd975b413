import { describe, expect, it } from 'vitest';
import { buildTemplate, generateCloudFormation, renderTemplate } from '../../../../src/generators/cloudformation/index.js';
import type { BuiltTemplate } from '../../../../src/generators/cloudformation/index.js';
import { TAG_PROPERTY, UNTAGGABLE, isTagged } from '../../../../src/generators/cloudformation/tags.js';
import { LogicalIdCollision, TemplateBuilder } from '../../../../src/generators/cloudformation/template.js';
import type { CfnResource, CfnTemplate } from '../../../../src/generators/cloudformation/template.js';
import type { Architecture, ArchitectureInput } from '../../../../src/model/index.js';
import { STATEFUL, deriveGrants, grantsFor, parseArchitecture } from '../../../../src/model/index.js';
import { loadCfnSpec } from '../../../../src/validate/cfn/spec.js';
import { parseCfnTemplate } from '../../../../src/validate/index.js';
import { architectureFixture, architectureFixtureNames } from '../../../helpers/fixtures.js';

function model(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

const built = new Map<string, { a: Architecture; b: BuiltTemplate }>();
for (const name of architectureFixtureNames()) {
  const a = architectureFixture(name);
  built.set(name, { a, b: buildTemplate(a, { pipeline: a.delivery.pipeline }) });
}
const each = () => [...built.entries()];
const resourcesOf = (t: CfnTemplate, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);
const props = (r: CfnResource) => (r.Properties ?? {}) as Record<string, any>;
const suppressed = (r: CfnResource, id: string) => ((r.Metadata?.['cdk_nag'] as any)?.rules_to_suppress ?? []).some((s: { id: string }) => s.id === id || s.id.startsWith(`${id}[`));

describe('template shape', () => {
  it('keeps the conventional section order and a parameterised environment', () => {
    for (const [name, { b }] of each()) {
      const keys = Object.keys(b.template);
      expect(keys.slice(0, 2), name).toEqual(['AWSTemplateFormatVersion', 'Description']);
      expect(keys.indexOf('Parameters'), name).toBeLessThan(keys.indexOf('Resources'));
      expect(b.template.Parameters?.['EnvironmentName']?.AllowedPattern, name).toBe('^[a-z][a-z0-9]{0,15}$');
    }
  });

  it('orders resource attributes as CloudFormation documents them', () => {
    const order = ['Type', 'Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'Properties'];
    for (const [, { b }] of each()) {
      for (const [id, r] of Object.entries(b.template.Resources)) {
        const keys = Object.keys(r).map((k) => order.indexOf(k));
        expect(keys.every((k) => k >= 0), id).toBe(true);
        expect([...keys].sort((x, y) => x - y), id).toEqual(keys);
      }
    }
  });

  it('never leaves undefined or null in the template (bar `ResultPath: null` in state machine definitions)', () => {
    const walk = (v: unknown, path: string): string[] => {
      if (v === null && path.endsWith('.ResultPath') && path.includes('.Definition.')) return [];
      if (v === undefined || v === null) return [path];
      if (Array.isArray(v)) return v.flatMap((x, i) => walk(x, `${path}[${i}]`));
      if (typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => walk(x, `${path}.${k}`));
      return [];
    };
    for (const [name, { b }] of each()) expect(walk(b.template, name)).toEqual([]);
  });

  it('is deterministic and pure: the same model yields the same template and the model is not modified', () => {
    const a = architectureFixture('kitchen-sink');
    const before = structuredClone(a);
    const first = renderTemplate(buildTemplate(a, { pipeline: 'both' }), 'yaml');
    expect(renderTemplate(buildTemplate(a, { pipeline: 'both' }), 'yaml')).toBe(first);
    expect(a).toEqual(before);
  });

  it('renders JSON or YAML on request, the same template either way', () => {
    const a = architectureFixture('nightly-etl');
    const [json] = generateCloudFormation(a, { pipeline: 'none', syntax: 'json' });
    const [yaml] = generateCloudFormation(a, { pipeline: 'none', syntax: 'yaml' });
    expect(json!.path).toBe('template.json');
    expect(yaml!.path).toBe('template.yaml');
    expect(JSON.parse(json!.content)).toEqual(parseCfnTemplate(yaml!.content));
  });

  it('puts the CodePipeline into the template only when asked for', () => {
    const a = architectureFixture('ecommerce-api');
    const types = (p: 'none' | 'github-actions' | 'codepipeline' | 'both') => Object.values(buildTemplate(a, { pipeline: p }).template.Resources).map((r) => r.Type);
    expect(types('github-actions')).not.toContain('AWS::CodePipeline::Pipeline');
    expect(types('none')).not.toContain('AWS::CodePipeline::Pipeline');
    expect(types('codepipeline')).toContain('AWS::CodePipeline::Pipeline');
    expect(types('both')).toContain('AWS::CodePipeline::Pipeline');
  });
});

describe('logical ids', () => {
  it('the builder refuses a duplicate or invalid logical id', () => {
    const t = new TemplateBuilder('x');
    t.add('a', 'Queue', { Type: 'AWS::SQS::Queue' });
    expect(() => t.add('b', 'Queue', { Type: 'AWS::SQS::Queue' })).toThrow(LogicalIdCollision);
    expect(() => t.add('b', 'my-queue', { Type: 'AWS::SQS::Queue' })).toThrow(/invalid logical id/);
  });

  it('renames the later of two components whose logical ids collide, and says so', () => {
    const a = model({ name: 'clash', components: [{ id: 'orders', service: 'sqs' }, { id: 'orders-dead-letter', service: 'sqs' }] });
    const b = buildTemplate(a, { pipeline: 'none' });
    expect(b.renamed).toEqual(['orders-dead-letter']);
    expect(b.template.Resources['OrdersDeadLetterQueue']).toBeDefined();
    expect(b.template.Resources['OrdersDeadLetterN2Queue']).toBeDefined();
    expect(b.warnings.some((w) => w.severity === 'info' && w.path === 'components.orders-dead-letter' && /N2/.test(w.message))).toBe(true);
  });

  it('keeps component ids that cannot collide unchanged', () => {
    for (const [name, { b }] of each()) expect(b.renamed, name).toEqual([]);
  });

  it('every Ref, GetAtt and Sub variable points at something the template declares', () => {
    const pseudo = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);
    for (const [name, { b }] of each()) {
      const t = b.template;
      const known = new Set([...Object.keys(t.Resources), ...Object.keys(t.Parameters ?? {}), ...pseudo]);
      const missing: string[] = [];
      const walk = (v: unknown, locals: Set<string> = new Set()): void => {
        if (Array.isArray(v)) return v.forEach((x) => walk(x, locals));
        if (!v || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        if (typeof o['Ref'] === 'string' && !known.has(o['Ref'])) missing.push(`Ref ${o['Ref']}`);
        if (Array.isArray(o['Fn::GetAtt']) && !known.has(o['Fn::GetAtt'][0] as string)) missing.push(`GetAtt ${o['Fn::GetAtt'][0]}`);
        if ('Fn::Sub' in o) {
          const [text, vars] = typeof o['Fn::Sub'] === 'string' ? [o['Fn::Sub'], {}] : (o['Fn::Sub'] as [string, Record<string, unknown>]);
          for (const m of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
            const head = m[1]!.split('.')[0]!;
            if (!known.has(head) && !(head in vars)) missing.push(`Sub \${${m[1]}}`);
          }
          walk(vars, locals);
          return;
        }
        for (const x of Object.values(o)) walk(x, locals);
      };
      walk(t.Resources);
      walk(t.Outputs ?? {});
      expect(missing, name).toEqual([]);
    }
  });
});

describe('secure defaults', () => {
  it('every bucket blocks public access, is encrypted, is kept on stack deletion and refuses plain HTTP', () => {
    for (const [name, { b }] of each()) {
      const policies = resourcesOf(b.template, 'AWS::S3::BucketPolicy').map(([, r]) => JSON.stringify(props(r)));
      for (const [id, r] of resourcesOf(b.template, 'AWS::S3::Bucket')) {
        const p = props(r);
        expect(p['PublicAccessBlockConfiguration'], `${name} ${id}`).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(p['BucketEncryption']?.ServerSideEncryptionConfiguration?.length, `${name} ${id}`).toBeGreaterThan(0);
        expect(r.DeletionPolicy, `${name} ${id}`).toBe('Retain');
        expect(p['OwnershipControls'] ?? { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }, `${name} ${id}`).toBeTruthy();
        const policy = policies.find((s) => s.includes(`"Ref":"${id}"`) && s.includes('aws:SecureTransport'));
        expect(policy, `${name} ${id} has a TLS-only bucket policy`).toBeDefined();
      }
    }
  });

  it('databases are encrypted, private, protected from deletion and snapshotted on replacement', () => {
    for (const [name, { b }] of each()) {
      for (const type of ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::DocDB::DBCluster']) {
        for (const [id, r] of resourcesOf(b.template, type)) {
          const p = props(r);
          if (type === 'AWS::RDS::DBInstance' && p['DBClusterIdentifier']) {
            expect(p['PubliclyAccessible'] ?? false, `${name} ${id}`).toBe(false);
            continue;
          }
          expect(p['StorageEncrypted'], `${name} ${id}`).toBe(true);
          expect(p['PubliclyAccessible'] ?? false, `${name} ${id}`).toBe(false);
          expect(p['DeletionProtection'], `${name} ${id}`).toBe(true);
          expect(r.DeletionPolicy, `${name} ${id}`).toBe('Snapshot');
        }
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::DynamoDB::Table')) {
        const p = props(r);
        expect(p['SSESpecification']?.SSEEnabled ?? true, `${name} ${id}`).toBe(true);
        expect(p['PointInTimeRecoverySpecification']?.PointInTimeRecoveryEnabled, `${name} ${id}`).toBe(true);
        expect(p['DeletionProtectionEnabled'], `${name} ${id}`).toBe(true);
        expect(r.DeletionPolicy, `${name} ${id}`).toBe('Retain');
      }
    }
  });

  it('queues, topics, streams and caches are encrypted; log groups expire', () => {
    for (const [name, { a, b }] of each()) {
      for (const [id, r] of resourcesOf(b.template, 'AWS::SQS::Queue')) {
        const p = props(r);
        expect(p['KmsMasterKeyId'] !== undefined || p['SqsManagedSseEnabled'] === true, `${name} ${id}`).toBe(true);
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::SNS::Topic')) {
        expect(props(r)['KmsMasterKeyId'] !== undefined || suppressed(r, 'AwsSolutions-SNS2') || id === 'AlarmTopic', `${name} ${id}`).toBe(true);
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::Kinesis::Stream')) expect(props(r)['StreamEncryption'], `${name} ${id}`).toBeDefined();
      for (const [id, r] of resourcesOf(b.template, 'AWS::ElastiCache::ReplicationGroup')) {
        expect(props(r)['AtRestEncryptionEnabled'], `${name} ${id}`).toBe(true);
        expect(props(r)['TransitEncryptionEnabled'], `${name} ${id}`).toBe(true);
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::Logs::LogGroup')) {
        expect(props(r)['RetentionInDays'], `${name} ${id}`).toBeGreaterThan(0);
        if (a.security.encryptionKeys === 'customer-managed') expect(props(r)['KmsKeyId'], `${name} ${id}`).toBeDefined();
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::KMS::Key')) expect(props(r)['EnableKeyRotation'], `${name} ${id}`).toBe(true);
    }
  });

  it('a customer-managed key encrypts the sensitive stores when the design asks for one', () => {
    const { b } = built.get('hipaa-patient-portal')!;
    expect(resourcesOf(b.template, 'AWS::KMS::Key').length).toBe(1);
    for (const [id, r] of resourcesOf(b.template, 'AWS::S3::Bucket')) {
      const rule = props(r)['BucketEncryption'].ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
      if (id !== 'AccessLogsBucket') expect(rule.SSEAlgorithm, id).toBe('aws:kms');
    }
  });

  it('stateful resources survive stack deletion', () => {
    for (const [name, { b }] of each()) {
      for (const [id, r] of Object.entries(b.template.Resources)) {
        // A cache AUTH token is the one secret not kept: a cache restored from a snapshot is given a new token.
        const regenerable = r.Type === 'AWS::SecretsManager::Secret' && String(props(r)['Description']).startsWith('AUTH token of cache');
        if (['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret', 'AWS::Cognito::UserPool'].includes(r.Type) && !regenerable) {
          expect(['Retain', 'RetainExceptOnCreate', 'Snapshot'], `${name} ${id} ${r.Type}`).toContain(r.DeletionPolicy);
          expect(r.UpdateReplacePolicy, `${name} ${id}`).toBeDefined();
        }
      }
    }
  });

  it('no security group is open to the internet except a public load balancer on 80/443', () => {
    for (const [name, { b }] of each()) {
      const open = (rules: any[] | undefined) => (rules ?? []).filter((r) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0');
      for (const [id, r] of resourcesOf(b.template, 'AWS::EC2::SecurityGroup')) {
        for (const rule of open(props(r)['SecurityGroupIngress'])) {
          expect([80, 443], `${name} ${id}`).toContain(rule.FromPort);
          expect(/Lb|LoadBalancer|Alb|Nlb/i.test(id), `${name} ${id}`).toBe(true);
        }
      }
      for (const [id, r] of resourcesOf(b.template, 'AWS::EC2::SecurityGroupIngress')) {
        const p = props(r);
        expect(p['CidrIp'] === '0.0.0.0/0' && ![80, 443].includes(p['FromPort']), `${name} ${id}`).toBe(false);
      }
    }
  });

  it('no IAM statement allows every action; whole services only for the CloudFormation execution role; wildcards acknowledged', () => {
    for (const [name, { b }] of each()) {
      for (const [id, r] of Object.entries(b.template.Resources)) {
        if (r.Type !== 'AWS::IAM::ManagedPolicy' && r.Type !== 'AWS::IAM::Policy') continue;
        const roles = ((props(r)['Roles'] ?? []) as Array<{ Ref: string }>).map((x) => b.template.Resources[x.Ref]!);
        const cfnOnly = roles.length > 0 && roles.every((role) => JSON.stringify(props(role)['AssumeRolePolicyDocument'].Statement.map((st: { Principal: unknown }) => st.Principal)) === '[{"Service":"cloudformation.amazonaws.com"}]');
        for (const st of props(r)['PolicyDocument'].Statement as Array<{ Action: string | string[]; Resource: unknown }>) {
          const actions = [st.Action].flat();
          expect(actions, `${name} ${id}`).not.toContain('*');
          for (const x of actions.filter((x) => x.endsWith(':*'))) {
            expect(cfnOnly, `${name} ${id} ${x}`).toBe(true);
            expect(suppressed(r, `AwsSolutions-IAM5[Action::${x}]`), `${name} ${id} ${x}`).toBe(true);
          }
          if (JSON.stringify(st.Resource).includes('*')) expect(suppressed(r, 'AwsSolutions-IAM5'), `${name} ${id}`).toBe(true);
        }
      }
    }
  });
});

describe('IAM from the design', () => {
  it('every identity grant of a connection becomes a statement on the principal component\'s role, scoped to the target', () => {
    for (const [name, { a, b }] of each()) {
      const statements = new Map<string, Array<{ role: string; st: any }>>();
      for (const [, r] of resourcesOf(b.template, 'AWS::IAM::ManagedPolicy')) {
        const roles = (props(r)['Roles'] ?? []).map((x: { Ref: string }) => x.Ref);
        for (const st of props(r)['PolicyDocument'].Statement) for (const role of roles) statements.set(st.Sid, [...(statements.get(st.Sid) ?? []), { role, st }]);
      }
      const grants = deriveGrants(a);
      for (const c of a.components) {
        for (const g of grantsFor(grants, c.id)) {
          const found = (statements.get(g.sid) ?? []).find(({ role }) => b.template.Resources[role] && role.startsWith(c.id.replace(/(^|-)([a-z0-9])/g, (_, __, x: string) => x.toUpperCase())));
          expect(found, `${name}: ${c.id} ${g.sid}`).toBeDefined();
          expect([found!.st.Action].flat().sort(), `${name}: ${c.id} ${g.sid}`).toEqual([...g.actions].sort());
          expect(found!.st.Resource, `${name}: ${c.id} ${g.sid}`).not.toBe('*');
        }
      }
    }
  });

  it('a design without connections grants nothing beyond the runtime basics', () => {
    const a = model({ name: 'lonely', components: [{ id: 'fn', service: 'lambda' }, { id: 'table', service: 'dynamodb' }] });
    const t = buildTemplate(a, { pipeline: 'none' }).template;
    const text = JSON.stringify(t);
    expect(text).not.toContain('dynamodb:PutItem');
    expect(text).not.toContain('dynamodb:GetItem');
  });

  it('a read connection grants reads only; read-write adds writes', () => {
    const read = buildTemplate(model({ name: 'r', components: [{ id: 'fn', service: 'lambda' }, { id: 'table', service: 'dynamodb' }], connections: [{ from: 'fn', to: 'table', kind: 'read' }] }), { pipeline: 'none' });
    const rw = buildTemplate(model({ name: 'r', components: [{ id: 'fn', service: 'lambda' }, { id: 'table', service: 'dynamodb' }], connections: [{ from: 'fn', to: 'table', kind: 'read-write' }] }), { pipeline: 'none' });
    const actions = (b: BuiltTemplate) => (props(b.template.Resources['FnRoleGrantsPolicy']!)['PolicyDocument'].Statement as Array<{ Action: string[] }>).flatMap((s) => [s.Action].flat());
    expect(actions(read)).toContain('dynamodb:GetItem');
    expect(actions(read)).not.toContain('dynamodb:PutItem');
    expect(actions(rw)).toContain('dynamodb:PutItem');
  });
});

describe('tags', () => {
  it('tags every resource that takes tags, in the property the resource specification names', async () => {
    const spec = await loadCfnSpec();
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const type of UNTAGGABLE) expect((spec.resource(type) as unknown as { tagInformation?: unknown })?.tagInformation, `${type} takes tags`).toBeUndefined();
    for (const [type, { property, style }] of Object.entries(TAG_PROPERTY)) {
      const info = (spec.resource(type) as unknown as { tagInformation?: { tagPropertyName: string; variant: string } }).tagInformation;
      expect(info?.tagPropertyName, type).toBe(property);
      expect(info?.variant, type).toBe(style === 'list' ? 'standard' : style);
    }
    for (const [name, { b }] of each()) {
      for (const [id, r] of Object.entries(b.template.Resources)) {
        const info = (spec.resource(r.Type) as unknown as { tagInformation?: { tagPropertyName: string } } | undefined)?.tagInformation;
        if (seen.has(r.Type)) continue;
        seen.add(r.Type);
        if (!info) {
          if (isTagged(r.Type) && JSON.stringify(props(r)).includes('"Project"')) problems.push(`${name} ${id}: ${r.Type} is tagged but takes no tags`);
          continue;
        }
        const tags = props(r)[info.tagPropertyName];
        const text = JSON.stringify(tags ?? null);
        if (!text.includes('Project') || !text.includes('ManagedBy')) problems.push(`${name} ${id}: ${r.Type} has no Project/ManagedBy tags in ${info.tagPropertyName}`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  }, 60_000);
});

describe('compliance', () => {
  it('HIPAA and PCI acknowledgements appear only in designs that claim them', () => {
    for (const [name, { a, b }] of each()) {
      const text = JSON.stringify(b.template);
      if (!a.compliance.includes('hipaa')) expect(text.includes('"HIPAA.Security-'), name).toBe(false);
      if (!a.compliance.includes('pci-dss')) expect(text.includes('"PCI.DSS.'), name).toBe(false);
    }
  });

  it('stateful components get a backup plan unless the design has no disaster-recovery strategy', () => {
    for (const [name, { a, b }] of each()) {
      const plans = resourcesOf(b.template, 'AWS::Backup::BackupPlan');
      const stateful = a.components.some((c) => STATEFUL.has(c.service));
      if (a.resilience.drStrategy === 'none' || !stateful) continue;
      expect(plans.length, name).toBe(1);
    }
  });

  it('explains every acknowledgement', () => {
    for (const [name, { b }] of each()) {
      for (const [id, r] of Object.entries(b.template.Resources)) {
        for (const s of ((r.Metadata?.['cdk_nag'] as any)?.rules_to_suppress ?? []) as Array<{ id: string; reason: string }>) {
          expect(s.reason.length, `${name} ${id} ${s.id}`).toBeGreaterThanOrEqual(20);
          expect(s.id, `${name} ${id}`).toMatch(/^(AwsSolutions|HIPAA\.Security|PCI\.DSS\.\d+)-[A-Za-z0-9]+(\[.+\])?$/);
        }
      }
    }
  });
});
