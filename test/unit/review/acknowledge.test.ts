import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/index.js';
import { applyAcknowledgements, renderText, reviewModel, templateAcknowledgements, visibleFindings } from '../../../src/review/index.js';
import { broken, configure } from './helpers.js';

const finding = (rule: string, resource: string, extra: Partial<Finding> = {}): Finding => ({
  id: `${rule}:${resource}`,
  rule,
  framework: 'aws-solutions',
  severity: 'high',
  title: 't',
  resource,
  evidence: 'e',
  fix: 'f',
  ...extra,
});

/** The baseline declares HIPAA and PCI DSS; these tests are about Well-Architected findings only. */
const WA = { exclude: ['hipaa', 'pci-dss'] as Array<'hipaa' | 'pci-dss'> };

describe('model acknowledgements', () => {
  const twoHttp = () =>
    broken((d) => {
      configure(d, 'lb', { https: false });
      d.components.push({ id: 'lb2', service: 'alb', config: { https: false } });
    });

  it('a component acknowledgement marks its finding acknowledged with the reason; the framework then passes', () => {
    const a = broken((d) => {
      configure(d, 'lb', { https: false });
      d.components.find((c) => c.id === 'lb')!.acknowledgements = [{ rule: 'WA-SEC-10', reason: 'TLS terminates on the NLB in front of this ALB.' }];
    });
    const r = reviewModel(a, WA);
    const f = r.findings.find((x) => x.rule === 'WA-SEC-10')!;
    expect(f.acknowledged).toEqual({ reason: 'TLS terminates on the NLB in front of this ALB.' });
    expect(r.frameworks.find((x) => x.framework === 'well-architected')).toMatchObject({ status: 'pass', findings: 1, acknowledged: 1, failing: 0 });
    expect(r.summary.acknowledged).toBe(1);
    expect(r.summary.bySeverity.high).toBe(0);
    expect(visibleFindings(r.findings, { includeAcknowledged: false })).toEqual([]);
    expect(visibleFindings(r.findings, {})).toHaveLength(1);
  });

  it('a design-wide acknowledgement scoped to a component covers only that component; unscoped covers all', () => {
    const scoped = twoHttp();
    scoped.acknowledgements = [{ rule: 'WA-SEC-10', reason: 'lb2 is only reachable from the office VPN.', component: 'lb2' }];
    const r1 = reviewModel(scoped, WA);
    expect(r1.findings.filter((f) => f.rule === 'WA-SEC-10').map((f) => [f.component, Boolean(f.acknowledged)])).toEqual([
      ['lb', false],
      ['lb2', true],
    ]);
    const all = twoHttp();
    all.acknowledgements = [{ rule: 'WA-SEC-10', reason: 'Both load balancers sit behind a TLS proxy.' }];
    expect(reviewModel(all, WA).findings.filter((f) => f.rule === 'WA-SEC-10').every((f) => f.acknowledged)).toBe(true);
  });

  it('accepts the finding id as well as the rule id', () => {
    const a = twoHttp();
    a.acknowledgements = [{ rule: 'WA-SEC-10:lb', reason: 'Internal test endpoint, no user data.' }];
    const r = reviewModel(a, WA);
    expect(r.findings.filter((f) => f.rule === 'WA-SEC-10' && f.acknowledged).map((f) => f.component)).toEqual(['lb']);
  });

  it('acknowledged findings are reported, never dropped, and listed after unacknowledged ones of the same severity', () => {
    const a = twoHttp();
    a.acknowledgements = [{ rule: 'WA-SEC-10:lb', reason: 'Internal test endpoint, no user data.' }];
    const r = reviewModel(a, WA);
    const http = r.findings.filter((f) => f.rule === 'WA-SEC-10');
    expect(http.map((f) => f.component)).toEqual(['lb2', 'lb']);
    expect(renderText(r)).toContain('1 acknowledged');
  });
});

describe('template acknowledgements (cdk_nag rules_to_suppress metadata)', () => {
  const resources = {
    Role: {
      Type: 'AWS::IAM::Role',
      Metadata: {
        cdk_nag: {
          rules_to_suppress: [
            { id: 'AwsSolutions-IAM5', reason: 'X-Ray and CloudWatch metrics need Resource *.', applies_to: ['Resource::*', { regex: '/^Action::xray:.*$/' }] },
            { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'Managed basic execution role for log delivery.' },
            { id: 'AwsSolutions-L1', reason: 'short' },
            { reason: 'no id is ignored' },
          ],
        },
      },
    },
    Bucket: { Type: 'AWS::S3::Bucket', Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself.' }] } } },
    Other: { Type: 'AWS::S3::Bucket' },
  };
  const acks = templateAcknowledgements(resources);

  it('reads every entry with an id', () => {
    expect(acks.map((a) => `${a.resource} ${a.rule}`)).toEqual([
      'Role AwsSolutions-IAM5',
      'Role AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'Role AwsSolutions-L1',
      'Bucket AwsSolutions-S1',
    ]);
  });

  it('narrows a granular rule to applies_to entries (strings and regexes) and matches exact granular ids', () => {
    const out = applyAcknowledgements(
      [
        finding('AwsSolutions-IAM5[Resource::*]', 'Role'),
        finding('AwsSolutions-IAM5[Action::xray:PutTraceSegments]', 'Role'),
        finding('AwsSolutions-IAM5[Action::s3:*]', 'Role'),
        finding('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'Role'),
        finding('AwsSolutions-S1', 'Bucket'),
        finding('AwsSolutions-S1', 'Other'),
      ],
      { template: acks },
    );
    expect(out.map((f) => Boolean(f.acknowledged))).toEqual([true, true, false, true, true, false]);
    expect(out[0]!.acknowledged!.reason).toBe('X-Ray and CloudWatch metrics need Resource *.');
  });

  it('does not apply an acknowledgement whose reason is too short, and says so in the evidence', () => {
    const [f] = applyAcknowledgements([finding('AwsSolutions-L1', 'Role')], { template: acks });
    expect(f!.acknowledged).toBeUndefined();
    expect(f!.evidence).toContain('has no reason of at least 10 characters');
  });
});

describe('one reason covers the same problem in both reviews', () => {
  it('acknowledging the cdk-nag findings in metadata acknowledges the equivalent model finding on that resource', async () => {
    const { reviewTemplate } = await import('../../../src/review/index.js');
    const template = {
      Resources: {
        Bastion: {
          Type: 'AWS::EC2::SecurityGroup',
          Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-EC23', reason: 'Public HTTPS endpoint of the partner SFTP gateway.' }] } },
          Properties: { GroupDescription: 'sftp', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
        },
        Deployer: {
          Type: 'AWS::IAM::ManagedPolicy',
          Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: 'The pipeline role deploys every service of the stack.', applies_to: ['Action::s3:*'] }] } },
          Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::artifacts/*' }, { Effect: 'Allow', Action: 'iam:*', Resource: '*' }] } },
        },
      },
    };
    const r = await reviewTemplate(JSON.stringify(template), { frameworks: ['well-architected', 'aws-solutions'] });
    const wa19 = r.findings.find((f) => f.rule === 'WA-SEC-19')!;
    expect(wa19.acknowledged?.reason).toBe('Public HTTPS endpoint of the partner SFTP gateway.');
    const wa18 = r.findings.filter((f) => f.rule === 'WA-SEC-18');
    // s3:* on a named resource is covered by the Action::s3:* acknowledgement; iam:* on * is not.
    expect(wa18.find((f) => f.evidence.includes('s3:*'))!.acknowledged?.reason).toBe('The pipeline role deploys every service of the stack.');
    expect(wa18.find((f) => f.evidence.includes('iam:*'))!.acknowledged).toBeUndefined();
  });

  it('does not flag actions that cannot be scoped to a resource (X-Ray, ENI management, ECR tokens)', async () => {
    const { wildcardStatements } = await import('../../../src/review/template/policy.js');
    expect(wildcardStatements({ Statement: [{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }, { Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' }] }, 'R')).toEqual([]);
    expect(wildcardStatements({ Statement: [{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 's3:GetObject'], Resource: '*' }] }, 'R')).toHaveLength(1);
  });
});
