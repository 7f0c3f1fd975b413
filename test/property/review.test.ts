import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Architecture, ArchitectureInput, ComponentService } from '../../src/model/index.js';
import { COMPONENT_KINDS, COMPONENT_SERVICES, CONNECTION_KINDS, DR_STRATEGIES, parseArchitecture } from '../../src/model/index.js';
import { reviewModel } from '../../src/review/index.js';

type JsonProp = { type?: string; enum?: unknown[]; minimum?: number; maximum?: number };

/** Random values for every boolean, enum and numeric config field of a kind, from its own schema. */
const configArb = (service: ComponentService) => {
  const schema = z.toJSONSchema(COMPONENT_KINDS[service].config, { io: 'input' }) as { properties?: Record<string, JsonProp> };
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    if (p.enum?.length) fields[key] = fc.constantFrom(...p.enum);
    else if (p.type === 'boolean') fields[key] = fc.boolean();
    else if (p.type === 'integer') fields[key] = fc.integer({ min: p.minimum ?? 0, max: Math.min(p.maximum ?? 1000, (p.minimum ?? 0) + 1000) });
    else if (p.type === 'number') fields[key] = fc.double({ min: p.minimum ?? 0, max: Math.min(p.maximum ?? 1000, (p.minimum ?? 0) + 1000), noNaN: true });
  }
  return fc.record(fields, { requiredKeys: [] });
};

const componentArb = fc.constantFrom(...COMPONENT_SERVICES).chain((service) => configArb(service).map((config) => ({ service, config })));

const designArb: fc.Arbitrary<ArchitectureInput> = fc
  .record({
    components: fc.array(componentArb, { minLength: 1, maxLength: 14 }),
    edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom(...CONNECTION_KINDS) }), { maxLength: 16 }),
    environment: fc.constantFrom('dev', 'staging', 'prod'),
    dataClassification: fc.constantFrom('public', 'internal', 'confidential', 'pii', 'phi', 'pci'),
    compliance: fc.subarray(['hipaa', 'pci-dss', 'gdpr'] as const),
    availabilityTarget: fc.double({ min: 90, max: 100, noNaN: true }),
    rpoMinutes: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    rtoMinutes: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    drStrategy: fc.constantFrom(...DR_STRATEGIES),
    crossRegionBackupCopy: fc.boolean(),
    backupRetentionDays: fc.integer({ min: 1, max: 400 }),
    network: fc.record({ azCount: fc.integer({ min: 1, max: 3 }), natGateways: fc.constantFrom('none', 'single', 'per-az'), flowLogs: fc.boolean() }),
    security: fc.record({ encryptionKeys: fc.constantFrom('aws-managed', 'customer-managed'), auditTrail: fc.boolean(), threatDetection: fc.boolean() }),
    observability: fc.record({ logRetentionDays: fc.constantFrom(1, 14, 30, 365, 731), tracing: fc.boolean(), dashboard: fc.boolean(), alarmEmail: fc.option(fc.constant('ops@example.com'), { nil: undefined }) }),
  })
  .map((d) => {
    const components = d.components.map((c, i) => ({ id: `c${i}`, ...c }));
    const n = components.length;
    const connections = d.edges.map((e) => ({ from: `c${e.from % n}`, to: `c${e.to % n}`, kind: e.kind })).filter((e) => e.from !== e.to);
    const multiRegion = d.drStrategy !== 'none' && d.drStrategy !== 'backup-restore';
    return {
      name: 'prop',
      environment: d.environment,
      dataClassification: d.dataClassification,
      compliance: d.compliance,
      components,
      connections,
      network: d.network,
      security: d.security,
      observability: d.observability,
      resilience: {
        availabilityTarget: d.availabilityTarget,
        rpoMinutes: d.rpoMinutes,
        rtoMinutes: d.rtoMinutes,
        drStrategy: d.drStrategy,
        backupRetentionDays: d.backupRetentionDays,
        ...(multiRegion || d.crossRegionBackupCopy ? { secondaryRegion: 'us-west-2', crossRegionBackupCopy: d.crossRegionBackupCopy } : {}),
      },
    } as ArchitectureInput;
  });

/** The model refuses some random edges; drop what it refuses rather than the whole case. */
function valid(input: ArchitectureInput): Architecture | undefined {
  let r = parseArchitecture(input);
  if (r.ok) return r.value;
  r = parseArchitecture({ ...input, connections: [] });
  return r.ok ? r.value : undefined;
}

describe('review laws', () => {
  it('any valid model reviews without throwing; findings name real components, unique ids and known severities', () => {
    let reviewed = 0;
    fc.assert(
      fc.property(designArb, (input) => {
        const a = valid(input);
        if (!a) return;
        reviewed++;
        const ids = new Set(a.components.map((c) => c.id));
        const r = reviewModel(a, { frameworks: ['well-architected', 'anti-patterns', 'hipaa', 'pci-dss'] });
        expect(new Set(r.findings.map((f) => f.id)).size).toBe(r.findings.length);
        for (const f of r.findings) {
          if (f.component) expect(ids.has(f.component), f.id).toBe(true);
          expect(['info', 'low', 'medium', 'high', 'critical']).toContain(f.severity);
          expect(f.evidence.length).toBeGreaterThan(5);
        }
        expect(r.summary.total).toBe(r.findings.length);
        expect(r.passed).toBe(r.frameworks.every((x) => x.status === 'pass'));
      }),
      { numRuns: 300 },
    );
    expect(reviewed).toBeGreaterThan(100);
  });

  it('is deterministic, and acknowledging every finding keeps every finding but passes every framework', () => {
    fc.assert(
      fc.property(designArb, (input) => {
        const a = valid(input);
        if (!a) return;
        const first = reviewModel(a);
        expect(reviewModel(a)).toEqual(first);
        const accepted = { ...a, acknowledgements: first.findings.map((f) => ({ rule: f.id, reason: 'accepted for this property test' })) };
        const again = reviewModel(accepted);
        expect(again.findings.map((f) => f.id).sort()).toEqual(first.findings.map((f) => f.id).sort());
        expect(again.findings.every((f) => f.acknowledged)).toBe(true);
        expect(again.passed).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
