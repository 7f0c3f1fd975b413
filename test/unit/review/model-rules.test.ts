import { describe, expect, it } from 'vitest';
import type { Architecture, Severity } from '../../../src/model/index.js';
import { FRAMEWORKS, PILLARS, SEVERITIES } from '../../../src/model/index.js';
import { MODEL_RULES, buildReport, reviewModel } from '../../../src/review/index.js';
import { baselineInput, broken, configure, design } from './helpers.js';

type Draft = Parameters<Parameters<typeof broken>[0]>[0];

function singleAz(d: Draft): void {
  const needTwo = new Set(['alb', 'nlb', 'rds', 'aurora', 'documentdb', 'eks']);
  const gone = new Set(d.components.filter((c) => needTwo.has(c.service as string)).map((c) => c.id));
  d.components = d.components.filter((c) => !gone.has(c.id));
  const conns = (d.connections ?? []) as Array<{ from: string; to: string }>;
  d.connections = conns.filter((x) => !gone.has(x.from) && !gone.has(x.to));
  for (const c of d.components) {
    const cfg = c.config as { protects?: string[] } | undefined;
    if (cfg?.protects) cfg.protects = cfg.protects.filter((id) => !gone.has(id));
  }
  (d.network as Record<string, unknown>).azCount = 1;
}

const ALL = ['well-architected', 'anti-patterns', 'hipaa', 'pci-dss'] as const;
const review = (a: Architecture) => reviewModel(a, { frameworks: [...ALL] });

describe('model rule data', () => {
  it('every rule is complete data: unique id, known framework and pillar, what it checks, why, and a fix', () => {
    const ids = new Set<string>();
    for (const r of MODEL_RULES) {
      expect(ids.has(r.id), `duplicate ${r.id}`).toBe(false);
      ids.add(r.id);
      expect(r.id).toMatch(/^(WA-(OPS|SEC|REL|PERF|COST|SUS)|AP-(SPOF|MON|MANUAL|SEC|COST|OVER)|DR|HIPAA|PCI)-\d+$/);
      expect(FRAMEWORKS).toContain(r.framework);
      expect(PILLARS).toContain(r.pillar);
      expect(SEVERITIES).toContain(r.severity);
      for (const text of [r.title, r.checks, r.why, r.fix]) expect(text.length, r.id).toBeGreaterThan(15);
      if (r.framework === 'hipaa') expect(r.control, r.id).toMatch(/^164\.3\d\d\(/);
      if (r.framework === 'pci-dss') expect(r.control, r.id).toMatch(/^\d+(\.\d+)*$/);
    }
  });

  it('covers the six pillars, the six seed anti-patterns, DR, HIPAA and PCI DSS', () => {
    const wa = MODEL_RULES.filter((r) => r.framework === 'well-architected');
    for (const p of PILLARS) expect(wa.some((r) => r.pillar === p), p).toBe(true);
    for (const prefix of ['AP-SPOF', 'AP-MON', 'AP-MANUAL', 'AP-SEC', 'AP-COST', 'AP-OVER', 'DR', 'HIPAA', 'PCI']) {
      expect(MODEL_RULES.some((r) => r.id.startsWith(`${prefix}-`)), prefix).toBe(true);
    }
  });
});

describe('the baseline design', () => {
  it('passes every model rule of every framework with no finding at all', () => {
    const r = review(design(baselineInput()));
    expect(r.findings.map((f) => `${f.rule} ${f.component ?? ''}: ${f.evidence}`)).toEqual([]);
    expect(r.passed).toBe(true);
  });
});

type Change = Parameters<typeof broken>[0];
interface Row {
  rule: string;
  change: Change;
  component?: string;
  severity?: Severity;
  evidence?: RegExp;
}

const comp = (id: string, service: string, config: Record<string, unknown> = {}) => ({ id, service, config });

const ROWS: Row[] = [
  { rule: 'WA-OPS-1', change: (d) => ((d.observability as Record<string, unknown>).logRetentionDays = 14), severity: 'low' },
  { rule: 'WA-OPS-2', change: (d) => configure(d, 'worker', { runtime: 'nodejs20.x' }), component: 'worker', evidence: /2026-04-30/ },
  { rule: 'WA-SEC-1', change: (d) => configure(d, 'api-waf', { protects: ['api'] }), component: 'lb', severity: 'medium' },
  { rule: 'WA-SEC-1', change: (d) => { d.dataClassification = 'pii'; configure(d, 'api-waf', { protects: ['api'] }); }, component: 'lb', severity: 'high' },
  { rule: 'WA-SEC-2', change: (d) => configure(d, 'api', { authorizer: 'none' }), component: 'api', severity: 'high' },
  { rule: 'WA-SEC-2', change: (d) => d.components.push(comp('graph', 'appsync', { authorizer: 'api-key' })), component: 'graph', severity: 'medium' },
  { rule: 'WA-SEC-3', change: (d) => ((d.security as Record<string, unknown>).encryptionKeys = 'aws-managed'), severity: 'low' },
  { rule: 'WA-SEC-3', change: (d) => { (d.security as Record<string, unknown>).encryptionKeys = 'aws-managed'; d.dataClassification = 'pci'; d.compliance = ['pci-dss']; }, severity: 'high' },
  { rule: 'WA-SEC-4', change: (d) => ((d.security as Record<string, unknown>).auditTrail = false), severity: 'high' },
  { rule: 'WA-SEC-5', change: (d) => ((d.security as Record<string, unknown>).threatDetection = false), severity: 'low' },
  { rule: 'WA-SEC-6', change: (d) => configure(d, 'auth', { mfa: 'OFF' }), component: 'auth', severity: 'medium' },
  { rule: 'WA-SEC-7', change: (d) => configure(d, 'key', { rotationDays: 0 }), component: 'key' },
  { rule: 'WA-SEC-8', change: (d) => configure(d, 'worker', { environment: { DB_PASSWORD: 'x', TABLE_NAME: 't' } }), component: 'worker', severity: 'high', evidence: /DB_PASSWORD/ },
  { rule: 'WA-SEC-9', change: (d) => d.components.push(comp('k8s', 'eks', { endpointPublicAccess: true })), component: 'k8s' },
  { rule: 'WA-SEC-10', change: (d) => configure(d, 'lb', { https: false }), component: 'lb', severity: 'high' },
  { rule: 'WA-SEC-11', change: (d) => ((d.network as Record<string, unknown>).flowLogs = false) },
  { rule: 'WA-SEC-12', change: (d) => configure(d, 'db', { iamAuthentication: false }), component: 'db', severity: 'low' },
  { rule: 'WA-SEC-13', change: (d) => configure(d, 'lake', { corsAllowedOrigins: ['*'] }), component: 'lake' },
  { rule: 'WA-SEC-14', change: (d) => (d.connections = (d.connections as Array<{ from: string }>).filter((c) => c.from !== 'cdn')), component: 'site', severity: 'high' },
  { rule: 'WA-SEC-15', change: (d) => configure(d, 'cdn', { minimumTlsVersion: 'TLSv1.2_2019' }), component: 'cdn' },
  { rule: 'WA-SEC-16', change: (d) => (d.connections as unknown[]).push({ from: 'lb', to: 'db', kind: 'read' }), component: 'db', severity: 'high', evidence: /port 5432/ },
  {
    rule: 'WA-SEC-17',
    change: (d) => (d.connections as unknown[]).push({ from: 'api-fn', to: 'lake', kind: 'write' }, { from: 'api-fn', to: 'audit', kind: 'write' }, { from: 'api-fn', to: 'db', kind: 'read-write' }),
    component: 'api-fn',
    evidence: /4 data stores/,
  },
  { rule: 'WA-REL-1', change: (d) => ((d.resilience as Record<string, unknown>).backupRetentionDays = 3), severity: 'medium' },
  { rule: 'WA-REL-2', change: (d) => configure(d, 'table', { pointInTimeRecovery: false }), component: 'table', severity: 'high' },
  { rule: 'WA-REL-3', change: (d) => configure(d, 'table', { deletionProtection: false }), component: 'table', severity: 'medium' },
  { rule: 'WA-REL-4', change: (d) => configure(d, 'lake', { versioning: false }), component: 'lake', severity: 'medium' },
  { rule: 'WA-REL-5', change: (d) => configure(d, 'jobs', { visibilityTimeoutSeconds: 120 }), component: 'jobs', severity: 'medium', evidence: /needs 360s/ },
  { rule: 'WA-REL-5', change: (d) => configure(d, 'jobs', { visibilityTimeoutSeconds: 30 }), component: 'jobs', severity: 'high' },
  { rule: 'WA-REL-6', change: (d) => d.components.push(comp('flow', 'step-functions', { maxAttempts: 0 })), component: 'flow' },
  { rule: 'WA-REL-7', change: (d) => configure(d, 'worker', { reservedConcurrency: 0 }), component: 'worker', severity: 'high' },
  { rule: 'WA-REL-9', change: (d) => configure(d, 'cache', { snapshotRetentionDays: 0 }), component: 'cache', severity: 'low' },
  { rule: 'DR-1', change: (d) => delete (d.resilience as Record<string, unknown>).rpoMinutes, severity: 'low', evidence: /rpoMinutes/ },
  { rule: 'DR-2', change: (d) => ((d.resilience as Record<string, unknown>).rtoMinutes = 60), severity: 'high', evidence: /RTO is 60 minutes/ },
  { rule: 'DR-3', change: (d) => ((d.resilience as Record<string, unknown>).rpoMinutes = 5), severity: 'high', evidence: /RPO is 5 minutes/ },
  { rule: 'DR-4', change: (d) => ((d.resilience as Record<string, unknown>).drStrategy = 'pilot-light'), component: 'db', severity: 'high' },
  { rule: 'DR-5', change: (d) => ((d.resilience as Record<string, unknown>).crossRegionBackupCopy = false), severity: 'high', evidence: /stay in us-east-1/ },
  { rule: 'DR-6', change: (d) => Object.assign(d.resilience as object, { drStrategy: 'none', crossRegionBackupCopy: false }), severity: 'high' },
  { rule: 'DR-7', change: (d) => Object.assign(d.resilience as object, { drStrategy: 'warm-standby', rtoMinutes: 15, rpoMinutes: 5 }), severity: 'medium', evidence: /no route53/ },
  { rule: 'WA-PERF-1', change: (d) => configure(d, 'api-fn', { timeoutSeconds: 45 }), component: 'api-fn', evidence: /after 29s/ },
  { rule: 'WA-PERF-2', change: (d) => configure(d, 'svc', { maxCount: 2 }), component: 'svc' },
  { rule: 'WA-PERF-3', change: (d) => configure(d, 'api-fn', { memoryMb: 128 }), component: 'api-fn' },
  { rule: 'WA-PERF-4', change: (d) => configure(d, 'cdn', { caching: 'disabled' }), component: 'cdn' },
  { rule: 'WA-PERF-5', change: (d) => (d.compliance = []), component: 'api-fn', severity: 'low' },
  { rule: 'WA-COST-1', change: (d) => { configure(d, 'table', { billingMode: 'PROVISIONED' }); d.usage = { components: { api: { requestsPerMonth: 1 } } }; }, component: 'table' },
  { rule: 'WA-COST-2', change: (d) => d.components.push(comp('batch', 'ecs-fargate', { mode: 'worker' })), component: 'batch' },
  { rule: 'WA-COST-3', change: (d) => { d.compliance = []; (d.observability as Record<string, unknown>).logRetentionDays = 731; } },
  { rule: 'WA-COST-4', change: (d) => { d.environment = 'staging'; (d.network as Record<string, unknown>).vpcEndpoints = ['s3', 'logs', 'sqs', 'kms']; } },
  { rule: 'WA-COST-5', change: (d) => configure(d, 'cdn', { priceClass: 'PriceClass_All' }), component: 'cdn' },
  { rule: 'WA-SUS-1', change: (d) => configure(d, 'worker', { architecture: 'x86_64' }), component: 'worker' },
  { rule: 'WA-SUS-1', change: (d) => configure(d, 'db', { instanceClass: 'db.r6i.large' }), component: 'db', evidence: /db\.r6i\.large/ },
  { rule: 'WA-SUS-2', change: (d) => configure(d, 'lake', { lifecycle: [] }), component: 'lake' },
  {
    rule: 'WA-SUS-3',
    change: (d) => { d.components.push(comp('model', 'sagemaker-endpoint', { mode: 'real-time' })); d.usage = { components: { api: { requestsPerMonth: 1 }, model: { requestsPerMonth: 1000 } } }; },
    component: 'model',
  },
  { rule: 'AP-SPOF-1', change: (d) => configure(d, 'db', { readers: 0 }), component: 'db', severity: 'high' },
  {
    rule: 'AP-SPOF-1',
    change: (d) => { d.components.push(comp('ledger', 'rds', { multiAz: false, backupRetentionDays: 35 })); (d.resilience as Record<string, unknown>).availabilityTarget = 99.99; Object.assign(d.resilience as object, { drStrategy: 'warm-standby', rtoMinutes: 15, rpoMinutes: 5 }); },
    component: 'ledger',
    severity: 'high',
    evidence: /99\.99 % cannot be met/,
  },
  { rule: 'AP-SPOF-2', change: (d) => configure(d, 'svc', { minCount: 1 }), component: 'svc', severity: 'high' },
  // The model refuses one AZ for load balancers, RDS/Aurora/DocumentDB and EKS, so those leave the design first.
  { rule: 'AP-SPOF-3', change: (d) => singleAz(d), severity: 'high' },
  { rule: 'AP-SPOF-4', change: (d) => ((d.network as Record<string, unknown>).natGateways = 'single'), severity: 'medium' },
  { rule: 'AP-SPOF-5', change: (d) => ((d.resilience as Record<string, unknown>).availabilityTarget = 99.99), severity: 'high' },
  { rule: 'AP-MON-1', change: (d) => delete (d.observability as Record<string, unknown>).alarmEmail, severity: 'medium', evidence: /alarms on 'cdn', 'lb', 'svc', 'db' and \d+ more notify the alarm topic, which has no subscriber/ },
  { rule: 'AP-MON-2', change: (d) => configure(d, 'worker', { tracing: false }), component: 'worker' },
  { rule: 'AP-MON-3', change: (d) => ((d.observability as Record<string, unknown>).dashboard = false) },
  { rule: 'AP-MANUAL-1', change: (d) => ((d.delivery as Record<string, unknown>).pipeline = 'none'), severity: 'medium' },
  { rule: 'AP-MANUAL-2', change: (d) => ((d.delivery as Record<string, unknown>).stages = ['production']), severity: 'low' },
  { rule: 'AP-MANUAL-3', change: (d) => configure(d, 'cert', { validation: 'email' }), component: 'cert' },
  { rule: 'AP-SEC-1', change: (d) => { d.dataClassification = 'phi'; d.compliance = ['pci-dss']; }, severity: 'high' },
  { rule: 'AP-COST-1', change: (d) => (d.usage = { components: {} }) },
  { rule: 'AP-COST-2', change: (d) => (d.tags = { env: 'prod' }) },
  { rule: 'AP-COST-4', change: (d) => (d.environment = 'dev') },
  { rule: 'AP-COST-5', change: (d) => configure(d, 'api-waf', { protects: ['lb'] }), component: 'api' },
  { rule: 'AP-OVER-1', change: (d) => Object.assign(d.resilience as object, { drStrategy: 'active-active', availabilityTarget: 99.9, rtoMinutes: 480, rpoMinutes: 60 }) },
  { rule: 'AP-OVER-3', change: (d) => configure(d, 'table', { replicaRegions: ['us-west-2'] }), component: 'table' },
  { rule: 'AP-OVER-4', change: (d) => (d.environment = 'dev'), evidence: /azCount is 3/ },
  {
    rule: 'AP-OVER-5',
    change: (d) => { d.components.push(comp('warehouse', 'redshift')); d.usage = { components: { api: { requestsPerMonth: 1 }, warehouse: { storageGb: 2 } } }; },
    component: 'warehouse',
  },
];

describe('each rule fires on the baseline broken in one place', () => {
  it.each(ROWS.map((r, i) => ({ ...r, name: `${r.rule} #${i}` })))('$name', (row) => {
    const r = review(broken(row.change));
    const hits = r.findings.filter((f) => f.rule === row.rule && (row.component === undefined || f.component === row.component));
    expect(hits.length, `${row.rule} did not fire; got ${r.findings.map((f) => f.rule).join(', ')}`).toBeGreaterThan(0);
    const f = hits[0]!;
    if (row.severity) expect(f.severity).toBe(row.severity);
    if (row.evidence) expect(f.evidence).toMatch(row.evidence);
    const rule = MODEL_RULES.find((x) => x.id === row.rule)!;
    expect(f).toMatchObject({ framework: rule.framework, pillar: rule.pillar, title: rule.title, whyItMatters: rule.why });
    expect(f.id.startsWith(row.rule)).toBe(true);
  });

  it('fires only the rules whose facts changed (no collateral findings from an unrelated change)', () => {
    const r = review(broken((d) => configure(d, 'cdn', { priceClass: 'PriceClass_All' })));
    expect(r.findings.map((f) => f.rule)).toEqual(['WA-COST-5']);
  });

  it('a NAT gateway with nothing in private subnets is ignored cost', () => {
    const a = design({ name: 'nat', network: { natGateways: 'single' }, components: [{ id: 'fn', service: 'lambda' }, { id: 't', service: 'dynamodb' }], connections: [{ from: 'fn', to: 't', kind: 'read' }] });
    expect(reviewModel(a).findings.map((f) => f.rule)).toContain('AP-COST-3');
  });

  it('a missing alarm recipient is medium when the design has alarms, and high only when nothing is alarmed', () => {
    const mon1 = (a: Architecture) => reviewModel(a).findings.filter((f) => f.rule === 'AP-MON-1');
    const alarmed = mon1(broken((d) => delete (d.observability as Record<string, unknown>).alarmEmail));
    expect(alarmed).toHaveLength(1);
    expect(alarmed[0]).toMatchObject({ severity: 'medium', fix: 'Set observability.alarmEmail (or subscribe the alarm topic).' });
    // Buckets, DNS and a user pool carry no alarm; a distribution outside us-east-1 cannot alarm (its metrics live there).
    const quiet = design({ name: 'quiet', region: 'eu-west-1', components: [{ id: 'files', service: 's3' }, { id: 'cdn', service: 'cloudfront' }, { id: 'users', service: 'cognito' }], connections: [{ from: 'cdn', to: 'files', kind: 'route' }] });
    expect(mon1(quiet)).toMatchObject([{ severity: 'high' }]);
    expect(mon1(design({ ...quiet, region: 'us-east-1' }))).toMatchObject([{ severity: 'medium', evidence: expect.stringContaining("'cdn'") }]);
    expect(mon1(design({ ...quiet, observability: { alarmEmail: 'ops@example.com' } }))).toEqual([]);
    // An email subscription on a topic of the design routes alerts too.
    expect(mon1(design({ ...quiet, components: [...quiet.components, { id: 'ops', service: 'sns', config: { emailSubscriptions: ['ops@example.com'] } }] }))).toEqual([]);
  });

  it('Kubernetes as the only compute is over-engineering', () => {
    const a = design({ name: 'k', network: {}, components: [{ id: 'k8s', service: 'eks' }] });
    expect(reviewModel(a).findings.find((f) => f.rule === 'AP-OVER-2')?.component).toBe('k8s');
  });
});

describe('frameworks and severities', () => {
  it('runs well-architected and anti-patterns by default, and adds hipaa / pci-dss when the design declares them', () => {
    expect(reviewModel(broken((d) => (d.compliance = []))).frameworks.map((f) => f.framework)).toEqual(['well-architected', 'anti-patterns']);
    const hipaa = design(baselineInput());
    expect(reviewModel(hipaa).frameworks.map((f) => f.framework)).toEqual(['well-architected', 'anti-patterns', 'hipaa', 'pci-dss']);
    expect(reviewModel(hipaa, { exclude: ['anti-patterns'] }).frameworks.map((f) => f.framework)).toEqual(['well-architected', 'hipaa', 'pci-dss']);
  });

  it('fails a framework on an unacknowledged high finding but not on medium ones', () => {
    const medium = reviewModel(broken((d) => configure(d, 'key', { rotationDays: 0 })), { exclude: ['pci-dss'] });
    expect(medium.frameworks.find((f) => f.framework === 'well-architected')).toMatchObject({ status: 'pass', findings: 1, failing: 0 });
    const high = reviewModel(broken((d) => configure(d, 'lb', { https: false })));
    expect(high.frameworks.find((f) => f.framework === 'well-architected')).toMatchObject({ status: 'fail', failing: 1 });
    expect(high.passed).toBe(false);
  });

  it('passes when no framework fails and at least one ran; a framework that could not run does not pass the review alone', () => {
    const coverage = { modelRules: 'run' as const, rulesEvaluated: 1, rulesSkipped: 0, templatePacks: 'not-run' as const, notCovered: [], notes: [] };
    const subject = { kind: 'template' as const, name: 't' };
    expect(buildReport(subject, [], [{ framework: 'well-architected' }, { framework: 'aws-solutions', notRun: 'no CloudFormation' }], coverage).passed).toBe(true);
    expect(buildReport(subject, [], [{ framework: 'aws-solutions', notRun: 'no CloudFormation' }], coverage).passed).toBe(false);
  });

  it('summarises by pillar and framework and sorts the worst first', () => {
    const r = reviewModel(broken((d) => { configure(d, 'lb', { https: false }); configure(d, 'cdn', { priceClass: 'PriceClass_All' }); (d.security as Record<string, unknown>).auditTrail = false; }), { exclude: ['hipaa', 'pci-dss'] });
    expect(r.findings.map((f) => f.severity)).toEqual(['high', 'high', 'low']);
    expect(r.summary.byPillar.security).toMatchObject({ findings: 2, high: 2 });
    expect(r.summary.byPillar['cost-optimization']).toMatchObject({ findings: 1, low: 1 });
    expect(r.summary.byFramework['well-architected']).toMatchObject({ findings: 3 });
    expect(r.summary.bySeverity).toEqual({ critical: 0, high: 2, medium: 0, low: 1, info: 0 });
  });
});
