import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchitecture } from '../../src/model/index.js';
import { connect, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';

/**
 * Every scenario brief goes through the MCP client: analyze_requirements, then select_services. Each .expect.json
 * lists what a reviewer would check in the design for that brief.
 */
interface Expectation {
  checks: string;
  requirements?: Record<string, unknown>;
  mustChoose?: string[];
  mustNotChoose?: string[];
  decisions?: Record<string, string>;
  rejected?: Record<string, Record<string, string>>;
  compliance?: string[];
  dataClassification?: string;
  region?: string;
  regionIn?: string;
  multiAz?: boolean;
  drStrategy?: string[];
  secondaryRegion?: string | null;
  encryptionKeys?: string;
  backupRetentionDays?: number;
  network?: null | { natGateways?: string; azCount?: number };
  wafProtects?: string[];
  configs?: Array<{ service: string; id?: string; match: Record<string, unknown> }>;
  questions?: string[];
  conflicts?: string[];
  assumptionsFor?: string[];
  minAssumptions?: number;
  maxComponents?: number;
  noPublicDataStores?: boolean;
  allHipaaEligible?: boolean;
  allPciInScope?: boolean;
  security?: Record<string, unknown>;
  logRetentionDays?: number;
}

type Arch = {
  name: string;
  region: string;
  components: Array<{ id: string; service: string; config: Record<string, unknown> }>;
  connections: Array<{ from: string; to: string; kind: string }>;
  network?: { natGateways: string; azCount: number; publicSubnets: boolean; isolatedSubnets: boolean };
  compliance: string[];
  dataClassification: string;
  security: Record<string, unknown>;
  resilience: { multiAz: boolean; drStrategy: string; secondaryRegion?: string; backupRetentionDays: number };
  observability: { logRetentionDays: number };
  decisions: Array<{ id: string; chosen: string; components: string[]; rationale: string; alternatives: Array<{ service: string; whyNot: string }> }>;
};

const dir = join(FIXTURES_DIR, 'scenarios');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();
const EU = ['eu-west-1', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2'];
const US = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];
const DATA_STORES = new Set(['aurora', 'rds', 'documentdb', 'elasticache', 'opensearch', 'redshift']);

describe('scenario briefs through analyze_requirements and select_services', () => {
  let c: Connected;
  let hipaaEligible: Set<string>;
  let pciInScope: Set<string>;
  beforeAll(async () => {
    c = await connect();
    const ids = async (filter: Record<string, string>) => new Set((await c.ok<{ services: Array<{ id: string }> }>('list_services', filter)).services.map((s) => s.id));
    hipaaEligible = await ids({ hipaa: 'eligible' });
    pciInScope = await ids({ pci: 'in-scope' });
  });
  afterAll(async () => c.close());

  it('has at least 12 briefs, each with its expectations', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const n of names) expect(() => readFileSync(join(dir, `${n}.expect.json`), 'utf8'), n).not.toThrow();
  });

  it.each(names)('%s', async (name) => {
    const brief = readFileSync(join(dir, `${name}.md`), 'utf8');
    const x = JSON.parse(readFileSync(join(dir, `${name}.expect.json`), 'utf8')) as Expectation;
    const analyzed = await c.ok<{ requirements: Record<string, any>; assumptions: Array<{ field: string }>; openQuestions: Array<{ id: string }>; conflicts: Array<{ id: string }> }>('analyze_requirements', { description: brief });
    const req = analyzed.requirements;
    if (x.requirements) expect(matches(req, x.requirements), `requirements ${JSON.stringify(x.requirements)} in ${JSON.stringify({ traffic: req.traffic, workload: req.workload, data: req.data, identity: req.identity })}`).toBe(true);
    expect(analyzed.assumptions.length).toBeGreaterThanOrEqual(x.minAssumptions ?? 1);
    for (const f of x.assumptionsFor ?? []) expect(analyzed.assumptions.map((a) => a.field), `assumption for ${f}`).toContain(f);
    for (const q of x.questions ?? []) expect(analyzed.openQuestions.map((o) => o.id)).toContain(q);

    const res = await c.call('select_services', { requirements: req, useMemory: false });
    expect(res.isError, JSON.stringify(res.content).slice(0, 400)).toBeFalsy();
    const out = res.structuredContent as { architecture: Arch; conflicts: Array<{ id: string }>; warnings: string[] };
    const a = out.architecture;

    // The design is a valid model with no warnings, and every decision is explained.
    const parsed = parseArchitecture(a);
    expect(parsed.issues).toEqual([]);
    expect(out.warnings).toEqual([]);
    const ids = new Set(a.components.map((k) => k.id));
    for (const d of a.decisions) {
      expect(d.rationale.length, d.id).toBeGreaterThan(20);
      for (const k of d.components) expect(ids.has(k), `${d.id} -> ${k}`).toBe(true);
      for (const alt of d.alternatives) expect(alt.whyNot.length, `${d.id} ${alt.service}`).toBeGreaterThan(10);
    }
    expect(((res.content[0] as { text: string }).text).length).toBeLessThan(4000);

    const services = new Set(a.components.map((k) => k.service));
    for (const s of x.mustChoose ?? []) expect(services.has(s), `${name} must choose ${s}`).toBe(true);
    for (const s of x.mustNotChoose ?? []) expect(services.has(s), `${name} must not choose ${s}`).toBe(false);
    for (const [id, chosen] of Object.entries(x.decisions ?? {})) expect(a.decisions.find((d) => d.id === id)?.chosen, id).toBe(chosen);
    for (const [id, alts] of Object.entries(x.rejected ?? {})) {
      for (const [svc, why] of Object.entries(alts)) expect(a.decisions.find((d) => d.id === id)?.alternatives.find((alt) => alt.service === svc)?.whyNot, `${id} ${svc}`).toContain(why);
    }
    if (x.compliance) expect(a.compliance).toEqual(x.compliance);
    if (x.dataClassification) expect(a.dataClassification).toBe(x.dataClassification);
    if (x.region) expect(a.region).toBe(x.region);
    const inJurisdiction = x.regionIn === 'EU' ? EU : x.regionIn === 'US' ? US : undefined;
    if (inJurisdiction) {
      expect(inJurisdiction).toContain(a.region);
      if (a.resilience.secondaryRegion) expect(inJurisdiction).toContain(a.resilience.secondaryRegion);
    }
    if (x.multiAz !== undefined) expect(a.resilience.multiAz).toBe(x.multiAz);
    if (x.drStrategy) expect(x.drStrategy).toContain(a.resilience.drStrategy);
    if (x.secondaryRegion !== undefined) expect(a.resilience.secondaryRegion ?? null).toBe(x.secondaryRegion);
    if (x.encryptionKeys) expect(a.security.encryptionKeys).toBe(x.encryptionKeys);
    if (x.security) expect(a.security).toMatchObject(x.security);
    if (x.backupRetentionDays) expect(a.resilience.backupRetentionDays).toBe(x.backupRetentionDays);
    if (x.logRetentionDays) expect(a.observability.logRetentionDays).toBe(x.logRetentionDays);
    if (x.network === null) expect(a.network).toBeUndefined();
    else if (x.network) expect(a.network).toMatchObject(x.network);
    if (x.maxComponents) expect(a.components.length).toBeLessThanOrEqual(x.maxComponents);
    for (const cfg of x.configs ?? []) {
      const candidates = a.components.filter((k) => k.service === cfg.service && (!cfg.id || k.id === cfg.id));
      expect(candidates.length, `${cfg.service}${cfg.id ? ` ${cfg.id}` : ''}`).toBeGreaterThan(0);
      expect(candidates.some((k) => matches(k.config, cfg.match)), `${cfg.service} config ${JSON.stringify(cfg.match)} in ${JSON.stringify(candidates.map((k) => k.config))}`).toBe(true);
    }
    if (x.wafProtects) {
      const protectedServices = a.connections.filter((k) => k.kind === 'protect').map((k) => a.components.find((m) => m.id === k.to)!.service);
      for (const s of x.wafProtects) expect(protectedServices, `WAF protects ${s}`).toContain(s);
    }
    for (const id of x.conflicts ?? []) expect(out.conflicts.map((k) => k.id)).toContain(id);
    if (x.noPublicDataStores) {
      // Databases sit in isolated subnets; buckets are private (public access blocked by the model's defaults, CloudFront reads through OAC).
      for (const k of a.components.filter((m) => DATA_STORES.has(m.service))) expect(a.network?.isolatedSubnets, `${k.id} is in isolated subnets`).toBe(true);
    }
    if (x.allHipaaEligible) for (const s of services) expect(hipaaEligible.has(s), `${s} is HIPAA eligible`).toBe(true);
    if (x.allPciInScope) for (const s of services) expect(pciInScope.has(s), `${s} is in PCI DSS scope`).toBe(true);
  });
});

/** Partial deep match where arrays of objects match element-wise by index and arrays of scalars by inclusion. */
function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    if (expected.every((e) => e === null || typeof e !== 'object')) return expected.every((e) => actual.includes(e));
    return expected.every((e, i) => matches(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
  }
  return actual === expected;
}

describe('scenario designs feed the generators', () => {
  it.each(names)('%s: CloudFormation wiring has no unconnectable edges', async (name) => {
    const [{ analyzeRequirements, selectServices }, { buildTemplate }] = await Promise.all([import('../../src/analysis/index.js'), import('../../src/generators/cloudformation/index.js')]);
    const { requirements } = analyzeRequirements({ description: readFileSync(join(dir, `${name}.md`), 'utf8') });
    const architecture = selectServices(requirements).architecture;
    const built = buildTemplate(architecture, { pipeline: architecture.delivery.pipeline });
    // Warnings like "cannot route to", "cannot alias" or "none of its functions is one" mean a connection selection drew is not buildable.
    const wiring = built.warnings.filter((w) => /cannot (route|alias|reach)|none of its functions|no cognito component|does not run in the VPC/.test(w.message));
    expect(wiring.map((w) => w.message)).toEqual([]);
    expect(Object.keys(built.template.Resources ?? {}).length).toBeGreaterThan(10);
  });
});
