import { describe, expect, it } from 'vitest';
import type { ArchitectureInput } from '../../../src/model/index.js';
import { defaultComplianceLookup, reviewModel } from '../../../src/review/index.js';
import type { ComplianceLookup } from '../../../src/review/index.js';
import { architectureFixture, rawArchitectureFixture } from '../../helpers/fixtures.js';
import { design } from './helpers.js';

type Raw = ArchitectureInput & { components: Array<{ id: string; service: string; config?: Record<string, unknown> }> };

function fixtureWith(name: string, change: (d: Raw) => void) {
  const d = structuredClone(rawArchitectureFixture(name)) as unknown as Raw;
  change(d);
  return design(d);
}
const set = (d: Raw, id: string, config: Record<string, unknown>) => {
  const c = d.components.find((x) => x.id === id)!;
  c.config = { ...(c.config ?? {}), ...config };
};
const rules = (r: ReturnType<typeof reviewModel>, framework: string) => r.findings.filter((f) => f.framework === framework).map((f) => `${f.rule}${f.component ? `:${f.component}` : ''}`);

describe('HIPAA model rules', () => {
  it('the HIPAA patient portal fixture passes with no HIPAA finding', () => {
    const r = reviewModel(architectureFixture('hipaa-patient-portal'), { frameworks: ['hipaa'] });
    expect(rules(r, 'hipaa')).toEqual([]);
    expect(r.frameworks).toEqual([expect.objectContaining({ framework: 'hipaa', status: 'pass' })]);
  });

  it.each([
    { rule: 'HIPAA-2', control: '164.312(a)(2)(iv)', change: (d: Raw) => (d.security = { ...d.security, encryptionKeys: 'aws-managed' }) },
    { rule: 'HIPAA-3', control: '164.312(b)', change: (d: Raw) => (d.security = { ...d.security, auditTrail: false }) },
    { rule: 'HIPAA-4', control: '164.308(a)(7)(ii)(A)', change: (d: Raw) => set(d, 'db', { backupRetentionDays: 14 }), component: 'db' },
    { rule: 'HIPAA-5', control: '164.308(a)(7)(ii)(B)', change: (d: Raw) => (d.resilience = { ...d.resilience, drStrategy: 'none', crossRegionBackupCopy: false }) },
    { rule: 'HIPAA-6', control: '164.312(d)', change: (d: Raw) => set(d, 'api', { authorizer: 'none' }), component: 'api', severity: 'high' },
    { rule: 'HIPAA-6', control: '164.312(d)', change: (d: Raw) => set(d, 'auth', { mfa: 'OPTIONAL' }), component: 'auth', severity: 'medium' },
    { rule: 'HIPAA-8', control: '164.312(a)(1)', change: (d: Raw) => (d.connections = d.connections!.filter((c) => c.to !== 'web')), component: 'web', severity: 'critical' },
    { rule: 'HIPAA-9', control: '164.308(a)(1)(ii)(D)', change: (d: Raw) => (d.security = { ...d.security, threatDetection: false }) },
  ])('$rule ($control) fires when the portal breaks it', ({ rule, control, change, component, severity }: { rule: string; control: string; change: (d: Raw) => void; component?: string; severity?: string }) => {
    const r = reviewModel(fixtureWith('hipaa-patient-portal', change), { frameworks: ['hipaa'] });
    const f = r.findings.find((x) => x.rule === rule && (!component || x.component === component));
    expect(f, rules(r, 'hipaa').join(', ')).toBeDefined();
    expect(f!.control).toBe(control);
    if (severity) expect(f!.severity).toBe(severity);
  });

  it('HIPAA-1 flags a service the lookup says is not on the BAA list, naming the list date', () => {
    const lookup: ComplianceLookup = (service, programme, config) =>
      service === 'ses' && programme === 'hipaa' ? { status: 'not-listed', awsName: 'Amazon Simple Email Service', asOf: '2026-05-22' } : defaultComplianceLookup(service, programme, config);
    const r = reviewModel(architectureFixture('hipaa-patient-portal'), { frameworks: ['hipaa'], compliance: lookup });
    const f = r.findings.find((x) => x.rule === 'HIPAA-1')!;
    expect(f).toMatchObject({ component: 'mail', severity: 'critical', control: '164.308(b)(1)' });
    expect(f.evidence).toContain('2026-05-22');
    expect(r.passed).toBe(false);
  });

  it('the catalog lists every component kind as HIPAA eligible', () => {
    const kitchen = architectureFixture('kitchen-sink');
    expect(reviewModel(kitchen, { frameworks: ['hipaa'] }).findings.filter((f) => f.rule === 'HIPAA-1')).toEqual([]);
  });
});

describe('PCI DSS model rules', () => {
  it('the PCI card vault fixture passes with no PCI finding', () => {
    const r = reviewModel(architectureFixture('pci-payments'), { frameworks: ['pci-dss'] });
    expect(rules(r, 'pci-dss')).toEqual([]);
  });

  it.each([
    { rule: 'PCI-2', control: '3.5', change: (d: Raw) => (d.security = { ...d.security, encryptionKeys: 'aws-managed' }) },
    { rule: 'PCI-3', control: '10.1', change: (d: Raw) => (d.security = { ...d.security, auditTrail: false }) },
    { rule: 'PCI-4', control: '10.7', change: (d: Raw) => (d.observability = { ...d.observability, logRetentionDays: 90 }) },
    { rule: 'PCI-5', control: '6.6', change: (d: Raw) => { d.components = d.components.filter((c) => c.id !== 'firewall'); d.connections = d.connections!.filter((c) => c.from !== 'firewall'); }, component: 'api' },
    { rule: 'PCI-7', control: '11.4', change: (d: Raw) => (d.security = { ...d.security, threatDetection: false }) },
    { rule: 'PCI-8', control: '10.2', change: (d: Raw) => (d.network = { ...d.network, flowLogs: false }) },
    { rule: 'PCI-9', control: '10.5', change: (d: Raw) => set(d, 'audit', { objectLock: false }), component: 'audit' },
    { rule: 'PCI-10', control: '3.6.4', change: (d: Raw) => set(d, 'pan-key', { rotationDays: 0 }), component: 'pan-key' },
    { rule: 'PCI-11', control: '1.3', change: (d: Raw) => { d.components.push({ id: 'report-fn', service: 'lambda' }); d.connections!.push({ from: 'report-fn', to: 'audit', kind: 'read' }); }, component: 'report-fn' },
  ])('$rule (requirement $control) fires when the vault breaks it', ({ rule, control, change, component }: { rule: string; control: string; change: (d: Raw) => void; component?: string }) => {
    const r = reviewModel(fixtureWith('pci-payments', change), { frameworks: ['pci-dss'] });
    const f = r.findings.find((x) => x.rule === rule && (!component || x.component === component));
    expect(f, rules(r, 'pci-dss').join(', ')).toBeDefined();
    expect(f!.control).toBe(control);
  });

  it('PCI-1: ElastiCache with an engine the PCI listing did not name is unconfirmed (medium), Redis is fine', () => {
    const valkey = reviewModel(fixtureWith('pci-payments', (d) => d.components.push({ id: 'sessions', service: 'elasticache', config: { engine: 'valkey' } })), { frameworks: ['pci-dss'] });
    expect(valkey.findings.find((f) => f.rule === 'PCI-1')).toMatchObject({ component: 'sessions', severity: 'medium' });
    expect(valkey.findings.find((f) => f.rule === 'PCI-1')!.evidence).toMatch(/Redis/);
    const redis = reviewModel(fixtureWith('pci-payments', (d) => d.components.push({ id: 'sessions', service: 'elasticache', config: { engine: 'redis' } })), { frameworks: ['pci-dss'] });
    expect(redis.findings.filter((f) => f.rule === 'PCI-1')).toEqual([]);
  });
});

describe('frameworks a design declares', () => {
  it('run by default: the portal is reviewed against HIPAA without asking', () => {
    const r = reviewModel(architectureFixture('hipaa-patient-portal'));
    expect(r.frameworks.map((f) => f.framework)).toContain('hipaa');
    expect(reviewModel(architectureFixture('realtime-chat')).frameworks.map((f) => f.framework)).not.toContain('hipaa');
  });
});
