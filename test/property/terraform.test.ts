import { format } from '@cdktf/hcl-tools';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateTerraform } from '../../src/generators/terraform/index.js';
import type { Architecture, ArchitectureInput, ComponentService } from '../../src/model/index.js';
import { COMPONENT_KINDS, COMPONENT_SERVICES, CONNECTION_KINDS, DR_STRATEGIES, parseArchitecture } from '../../src/model/index.js';
import { validateTerraform } from '../../src/validate/index.js';
import { dependencyCycles, parseTf } from '../unit/generators/terraform/tf-json.js';

type JsonProp = { type?: string; enum?: unknown[]; minimum?: number; maximum?: number };

/** Random values for every boolean, enum and numeric config field of a kind, taken from its own schema. */
const configArb = (service: ComponentService) => {
  const schema = z.toJSONSchema(COMPONENT_KINDS[service].config, { io: 'input' }) as { properties?: Record<string, JsonProp> };
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    if (p.enum?.length) fields[key] = fc.constantFrom(...p.enum);
    else if (p.type === 'boolean') fields[key] = fc.boolean();
    else if (p.type === 'integer') fields[key] = fc.integer({ min: p.minimum ?? 0, max: Math.min(p.maximum ?? 1000, (p.minimum ?? 0) + 1000) });
    else if (p.type === 'number') fields[key] = fc.integer({ min: Math.ceil(p.minimum ?? 0), max: Math.min(p.maximum ?? 1000, Math.ceil(p.minimum ?? 0) + 1000) });
  }
  return fc.record(fields, { requiredKeys: [] });
};

/**
 * Ids chosen to collide in Terraform names (`a` + `role` against `a-role`), to take platform file names
 * (`network`, `main`, `outputs`) and to be long (name limits).
 */
const ID_POOL = ['a', 'a-role', 'a-tg-b', 'b', 'network', 'main', 'outputs', 'backup', 'api', 'api-logs', 'x9', 'orders-service-with-a-long-identifier'];

const designArb: fc.Arbitrary<ArchitectureInput> = fc
  .record({
    ids: fc.shuffledSubarray(ID_POOL, { minLength: 1, maxLength: 10 }),
    services: fc.array(fc.constantFrom(...COMPONENT_SERVICES), { minLength: 10, maxLength: 10 }),
    configs: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom(...CONNECTION_KINDS) }), { maxLength: 14 }),
    name: fc.constantFrom('p', 'prop-design', 'a-very-long-system-name-to-test-limits-x'),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-7'),
    compliance: fc.subarray(['hipaa', 'pci-dss', 'gdpr'] as const),
    dataClassification: fc.constantFrom('public', 'internal', 'pii', 'phi'),
    drStrategy: fc.constantFrom(...DR_STRATEGIES),
    crossRegionBackupCopy: fc.boolean(),
    rpoMinutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: undefined }),
    backupRetentionDays: fc.integer({ min: 1, max: 400 }),
    network: fc.record({
      cidr: fc.constantFrom('10.0.0.0/16', '10.20.0.0/20', '192.168.0.0/24'),
      azCount: fc.integer({ min: 1, max: 6 }),
      natGateways: fc.constantFrom('none', 'single', 'per-az'),
      publicSubnets: fc.boolean(),
      privateSubnets: fc.boolean(),
      isolatedSubnets: fc.boolean(),
      flowLogs: fc.boolean(),
      vpcEndpoints: fc.subarray(['s3', 'dynamodb', 'secretsmanager', 'logs', 'execute-api'] as const),
    }),
    security: fc.record({ encryptionKeys: fc.constantFrom('aws-managed', 'customer-managed'), auditTrail: fc.boolean(), threatDetection: fc.boolean(), tlsMinimum: fc.constantFrom('1.2', '1.3') }),
    observability: fc.record({ tracing: fc.boolean(), dashboard: fc.boolean(), alarmEmail: fc.option(fc.constant('ops@example.com'), { nil: undefined }) }),
  })
  .chain((d) =>
    fc.tuple(...d.ids.map((_, i) => configArb(d.services[i]!))).map((configs) => {
      const components = d.ids.map((id, i) => ({ id, service: d.services[i]!, config: configs[i] as Record<string, unknown> }));
      const n = components.length;
      const connections = d.edges.map((e) => ({ from: components[e.from % n]!.id, to: components[e.to % n]!.id, kind: e.kind })).filter((e) => e.from !== e.to);
      const multiRegion = d.drStrategy === 'pilot-light' || d.drStrategy === 'warm-standby' || d.drStrategy === 'active-active';
      return {
        name: d.name,
        region: d.region,
        compliance: d.compliance,
        dataClassification: d.dataClassification,
        components,
        connections,
        network: d.network,
        security: d.security,
        observability: d.observability,
        resilience: {
          drStrategy: d.drStrategy,
          rpoMinutes: d.rpoMinutes,
          backupRetentionDays: d.backupRetentionDays,
          ...(multiRegion || d.crossRegionBackupCopy ? { secondaryRegion: 'us-west-2', crossRegionBackupCopy: d.crossRegionBackupCopy } : {}),
        },
      } as ArchitectureInput;
    }),
  );

/** The model refuses some random combinations; keep the design and drop what it refuses (configs, edges, network). */
function valid(input: ArchitectureInput): Architecture | undefined {
  let current: ArchitectureInput = input;
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = parseArchitecture(current);
    if (r.ok) return r.value;
    const errors = r.issues.filter((i) => i.severity === 'error');
    const bad = new Set(errors.map((i) => /components\[(\d+)\]\.config/.exec(i.path)?.[1]).filter((x): x is string => x !== undefined).map(Number));
    current = {
      ...current,
      components: current.components.map((c, i) => (bad.has(i) ? { ...c, config: {} } : c)),
      connections: (current.connections ?? []).filter((_, i) => !errors.some((e) => e.path.startsWith(`architecture.connections[${i}]`))),
      network: errors.some((i) => i.path.includes('network')) ? { cidr: '10.0.0.0/16', azCount: 2 } : current.network,
    };
  }
  return undefined;
}

describe('terraform generator laws', () => {
  it('every valid design generates without throwing and validates clean: schema, references, no cycles, fmt', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(designArb, async (input) => {
        const a = valid(input);
        if (!a) return;
        checked++;
        const files = generateTerraform(a);
        const tf = files.filter((f) => f.path.endsWith('.tf'));
        const report = await validateTerraform(tf.map((f) => ({ path: f.path, content: f.content })));
        expect(report.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
        const parsed = await parseTf(tf);
        expect(parsed.duplicates).toEqual([]);
        expect(dependencyCycles(parsed)).toEqual([]);
        for (const f of tf) expect(await format(f.content), f.path).toBe(f.content);
        expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
      }),
      { numRuns: 50, seed: 20261124, endOnFailure: true },
    );
    expect(checked).toBeGreaterThan(45);
  }, 240_000);

  it('is a pure function of the model', () => {
    fc.assert(
      fc.property(designArb, (input) => {
        const a = valid(input);
        if (!a) return;
        expect(generateTerraform(structuredClone(a))).toEqual(generateTerraform(a));
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
