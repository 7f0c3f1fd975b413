process.env.AWS_EC2_METADATA_DISABLED = 'true'; // no instance-metadata probe from tests: live pricing must fall back offline
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/client.js';
import { rawArchitectureFixture } from '../helpers/fixtures.js';

let c: Connected;
beforeAll(async () => {
  c = await connect();
});
afterAll(async () => {
  await c.close();
});

describe('estimate_cost', () => {
  it('prices an inline design with totals, a 10x scenario that is not 10 times 1x, drivers, markdown and CSV', async () => {
    const r = await c.ok<any>('estimate_cost', { architecture: rawArchitectureFixture('realtime-chat') });
    expect(r.region).toBe('us-east-1');
    expect(r.totals.monthly).toBeGreaterThan(100);
    expect(r.totals.unpricedItems).toBe(0);
    const tenX = r.scenarios.find((s: any) => s.factor === 10);
    expect(tenX.monthly).toBeGreaterThan(r.totals.monthly * 5);
    expect(Math.abs(tenX.monthly - 10 * r.totals.monthly)).toBeGreaterThan(1);
    expect(r.drivers[0].monthly).toBeGreaterThan(0);
    expect(r.markdown).toContain('| component | service | dimension |');
    expect(r.csv.split('\n')[0]).toContain('component,service,dimension,quantity');
    for (const i of r.lineItems) {
      expect(i.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['bundled-catalog', 'curated', 'price-list-api', 'bulk-offer-file']).toContain(i.source);
    }
  });

  it('writes cost.json, cost.md and cost.csv for a saved design and links them', async () => {
    const dir = join(c.config.projectDir!, '.ai', 'architecture', 'chat');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'architecture.json'), JSON.stringify(rawArchitectureFixture('realtime-chat')));
    const res = await c.call('estimate_cost', { design: 'chat', factors: [2, 10] });
    expect(res.isError).toBeFalsy();
    const links = res.content.filter((x) => x.type === 'resource_link').map((x: any) => x.uri);
    expect(links).toEqual(['design://chat/cost.json', 'design://chat/cost.md', 'design://chat/cost.csv']);
    for (const f of ['cost.json', 'cost.md', 'cost.csv']) expect(existsSync(join(dir, f))).toBe(true);
    const saved = JSON.parse(readFileSync(join(dir, 'cost.json'), 'utf8'));
    expect(saved.scenarios.map((s: any) => s.factor)).toEqual([2, 10]);
    expect(saved.scenarios[1].lineItems.length).toBeGreaterThan(10);
    const text = res.content.find((x) => x.type === 'text') as { text: string };
    expect(text.text.length).toBeLessThan(800);
    expect(text.text).toMatch(/10x load: \$/);
  });

  it('refuses an unknown region with a suggestion', async () => {
    const e = await c.err('estimate_cost', { architecture: rawArchitectureFixture('static-site'), region: 'eu-west-9' });
    expect(e).toContain('region');
    expect(e).toMatch(/did you mean 'eu-west-[0-9]'/);
  });

  it('refuses negative and absurd usage naming the field', async () => {
    const neg = await c.err('estimate_cost', { architecture: rawArchitectureFixture('static-site'), usage: { components: { 'form-fn': { requestsPerMonth: -5 } } } });
    expect(neg).toContain('usage.components.form-fn.requestsPerMonth');
    expect(neg).toContain('negative');
    const absurd = await c.err('estimate_cost', { architecture: rawArchitectureFixture('static-site'), usage: { dataOutGb: 1e18 } });
    expect(absurd).toContain('usage.dataOutGb');
    const unknown = await c.err('estimate_cost', { architecture: rawArchitectureFixture('static-site'), usage: { components: { 'form-fnn': { requestsPerMonth: 5 } } } });
    expect(unknown).toMatch(/did you mean 'form-fn'/);
  });

  it('reports an unknown instance type as an unpriced line item with a suggestion, never as zero', async () => {
    const arch = rawArchitectureFixture('ecommerce-api') as any;
    arch.components.find((x: any) => x.id === 'db').config.instanceClass = 'db.r7g.lrge';
    const r = await c.ok<any>('estimate_cost', { architecture: arch });
    const item = r.lineItems.find((i: any) => i.component === 'db' && i.dimension.startsWith('instances'));
    expect(item.unpriced).toMatch(/unknown .*db\.r7g\.lrge.*did you mean 'db\.r7g\.large'/);
    expect(item.monthly).toBe(0);
    expect(r.totals.unpricedItems).toBeGreaterThan(0);
    expect(r.assumptions.join(' ')).toContain('total is incomplete');
  });
});

describe('get_pricing', () => {
  it('returns Lambda duration tiers with unit, rate code, source and date', async () => {
    const r = await c.ok<any>('get_pricing', { service: 'lambda', region: 'us-east-1', dimension: 'duration-arm64' });
    const row = r.rows.find((x: any) => x.id === 'duration-arm64');
    expect(row.unit).toBe('GB-seconds');
    expect(row.tiers.map((t: any) => t.usd)).toEqual([0.0000133334, 0.0000120001, 0.0000106667]);
    expect(row.tiers[0].rateCode).toBe('72SBSFWPMDTH8S3J.JRTCKXETXF.6NBUNBXSC3');
    expect(row.source).toBe('bundled-catalog');
    expect(row.asOf).toBe('2025-12-02');
  });

  it('looks up an instance price and suggests for an unknown type, service or region', async () => {
    const r = await c.ok<any>('get_pricing', { service: 'ec2-asg', region: 'us-east-1', instanceType: 'm7g.large' });
    expect(r.rows[0].tiers[0].usd).toBe(0.0816);
    expect(await c.err('get_pricing', { service: 'ec2', region: 'us-east-1', instanceType: 'm7g.lrge' })).toMatch(/did you mean 'm7g\.large'/);
    expect(await c.err('get_pricing', { service: 'lamda', region: 'us-east-1' })).toMatch(/did you mean 'lambda'/);
    expect(await c.err('get_pricing', { service: 'lambda', region: 'us-esat-1' })).toMatch(/did you mean 'us-east-1'/);
  });

  it('says a service is unavailable in a region instead of borrowing another region\'s price', async () => {
    const r = await c.ok<any>('get_pricing', { service: 'documentdb', region: 'eu-central-2', dimension: 'storage' });
    expect(r.rows).toEqual([]);
    expect(r.unavailable[0].reason).toMatch(/not offered in eu-central-2/);
  });

  it('falls back to the bundled catalog with a note when live pricing has no credentials', async () => {
    const r = await c.ok<any>('get_pricing', { service: 'lambda', region: 'us-east-1', dimension: 'requests', live: true });
    expect(r.priceSource).toMatch(/live pricing unavailable|live AWS Price List/);
    expect(r.rows.length).toBeGreaterThan(0);
  });
});

describe('compare_regions', () => {
  it('ranks regions, lists what is missing, and never calls an incomplete region cheapest', async () => {
    const r = await c.ok<any>('compare_regions', { architecture: rawArchitectureFixture('realtime-chat'), regions: ['us-east-1', 'eu-west-1', 'ap-southeast-6', 'sa-east-1'] });
    expect(r.regions).toHaveLength(4);
    const nz = r.regions.find((x: any) => x.region === 'ap-southeast-6');
    expect(nz.unpricedItems).toBeGreaterThan(0);
    expect(nz.unavailable.join(' ')).toMatch(/not offered in ap-southeast-6/);
    expect(r.cheapestComplete).not.toBe('ap-southeast-6');
    const us = r.regions.find((x: any) => x.region === 'us-east-1');
    expect(us.deltaFromBase).toBe(0);
    const sa = r.regions.find((x: any) => x.region === 'sa-east-1');
    expect(sa.monthly).toBeGreaterThan(us.monthly);
  });

  it('covers all 34 regions by default', async () => {
    const r = await c.ok<any>('compare_regions', { architecture: rawArchitectureFixture('static-site') });
    expect(r.regions).toHaveLength(34);
  });
});
