// Checks the bundled catalog against the raw AWS data it was built from: 100 random dimension prices and 100
// random instance prices, each read back from the file and label its provenance names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../src/model/index.js';
import { testCatalog } from './helpers.js';

const RAW = join(process.cwd(), '..', 'shared', 'data', 'prices');
const present = existsSync(RAW);
if (!present) console.warn(`catalog-vs-raw: ${RAW} is absent; skipping the check against the raw price data`);

const location = new Map<string, string>(REGIONS.map((r) => [r.code, r.location]));
const cache = new Map<string, any>();
const load = (file: string) => {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(join(RAW, file), 'utf8')));
  return cache.get(file);
};

describe.skipIf(!present)('bundled catalog agrees with the raw data', () => {
  it('for 100 random dimension prices', async () => {
    const catalog = await testCatalog();
    const picks: Array<{ service: string; dim: string; region: string; tier: number }> = [];
    for (const [service, s] of catalog.services) {
      for (const [dim, d] of Object.entries(s.dimensions)) {
        if (d.source !== 'bundled-catalog') continue;
        for (const region of Object.keys(d.regions)) d.tiers.forEach((_, tier) => picks.push({ service, dim, region, tier }));
      }
    }
    expect(picks.length).toBeGreaterThan(1000);
    const sample = fc.sample(fc.constantFrom(...picks), { numRuns: 100, seed: 20251206 });
    for (const p of sample) {
      const d = catalog.service(p.service)!.dimensions[p.dim]!;
      const [usd, rateCode] = d.regions[p.region]![p.tier]!;
      const label = d.tiers[p.tier]!.label;
      const { file, format } = d.provenance!;
      const raw = load(file);
      const scope = catalog.service(p.service)!.scope;
      let expected: number;
      if (format === 'raw') {
        const loc = scope === 'region' ? location.get(p.region)! : scope === 'global' ? (raw.regions.Any?.[label] ? 'Any' : '') : p.region;
        const entry = scope === 'edge-group' && d.tiers.length > 1 ? raw.regions[''][`Regional DT from ${p.region} to Internet ${label}`] : raw.regions[loc][label];
        expected = Number(entry.price);
        if (rateCode) expect(rateCode, `${p.service}.${p.dim} ${p.region}`).toBe(entry.rateCode);
      } else {
        const loc = location.get(p.region)!;
        const key = Object.keys(raw[label]).find((k) => k === loc || k.startsWith(`${loc} (`))!;
        expected = Number(String(raw[label][key]).split(';')[0]);
      }
      expect(usd, `${p.service}.${p.dim} ${p.region} tier ${p.tier}`).toBe(expected);
    }
  });

  it('for 100 random instance prices', async () => {
    const catalog = await testCatalog();
    const picks: Array<{ service: string; table: string; region: string; type: string }> = [];
    for (const [service, s] of catalog.services) {
      for (const [table, t] of Object.entries(s.tables)) {
        if (t.source !== 'bundled-catalog') continue;
        for (const [region, types] of Object.entries(t.regions)) {
          for (const type of Object.keys(types)) if (!t.overlays?.some((o) => o.region === region && o.types.includes(type))) picks.push({ service, table, region, type });
        }
      }
    }
    const sample = fc.sample(fc.constantFrom(...picks), { numRuns: 100, seed: 42 });
    for (const p of sample) {
      const t = catalog.service(p.service)!.tables[p.table]!;
      const [usd] = t.regions[p.region]![p.type]!;
      const prov = t.provenance!;
      const raw = load(prov.file);
      const loc = location.get(p.region)!;
      const pattern = new RegExp(prov.labelPattern);
      const found: number[] = [];
      if (prov.format === 'processed') {
        for (const [label, byKey] of Object.entries<Record<string, string>>(raw)) {
          const m = label.match(pattern);
          if (!m) continue;
          for (const [key, value] of Object.entries(byKey)) {
            if (!(key === loc || key.startsWith(`${loc} (`))) continue;
            const type = m[1] && p.service === 'ec2' ? m[1] : key.match(/Instance Type: ([^,)]+)/)?.[1];
            if (type === p.type) found.push(Number(String(value).split(';')[0]));
          }
        }
      } else {
        const sets = new RegExp((prov as { sets?: string }).sets!);
        const members = new Set(Object.entries<string[]>(raw.sets).filter(([n]) => sets.test(n)).flatMap(([, l]) => l));
        for (const [label, e] of Object.entries<any>(raw.regions[loc])) if (members.has(label) && e['Instance Type'] === p.type) found.push(Number(e.price));
      }
      expect(found, `${p.service}.${p.table} ${p.region} ${p.type}`).toContain(usd);
    }
  });

  it('covers all 34 commercial regions for the core services and never prices a region absent from the feed', async () => {
    const catalog = await testCatalog();
    for (const [service, dim] of [['lambda', 'duration-arm64'], ['dynamodb', 'ondemand-reads'], ['s3', 'standard-storage'], ['natgateway', 'hours'], ['datatransfer', 'out-internet'], ['fargate', 'vcpu-arm64']] as const) {
      expect(Object.keys(catalog.service(service)!.dimensions[dim]!.regions).sort(), `${service}.${dim}`).toEqual(REGIONS.map((r) => r.code).sort());
    }
    expect(Object.keys(catalog.service('ec2')!.tables.linux!.regions)).toHaveLength(34);
    // DocumentDB is not offered in eu-central-2: the feed has no price there, so neither does the catalog.
    expect(catalog.dimension('documentdb', 'storage', 'eu-central-2').ok).toBe(false);
  });
});
