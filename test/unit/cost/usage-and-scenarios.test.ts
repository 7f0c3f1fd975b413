import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../src/cost/estimate.js';
import { renderCsv, renderMarkdown } from '../../../src/cost/render.js';
import { SCALING, deriveUsage, runsPerMonth, scaleUsage } from '../../../src/cost/usage.js';
import { Requirements } from '../../../src/model/index.js';
import { architectureFixture } from '../../helpers/fixtures.js';
import { cents, cost, design, estimate, testCatalog } from './helpers.js';

describe('load scenarios', () => {
  it('realtime-chat at 10x is re-priced, not multiplied: free tiers and fixed costs do not scale', async () => {
    const r = estimateCost(architectureFixture('realtime-chat'), await testCatalog());
    const tenX = r.scenarios.find((s) => s.factor === 10)!;
    expect(tenX.monthly).not.toBeCloseTo(r.totals.monthly * 10, 0);
    expect(tenX.annual).toBeCloseTo(tenX.monthly * 12, 6);
    // Cognito's 10,000 free MAU are a smaller share at 10x, so the 10x bill grows faster than 10x for that item.
    expect(tenX.monthly / r.totals.monthly).not.toBe(10);
  });

  it('fixed costs stay fixed and tiers discount at scale', async () => {
    const arch = design({
      network: { natGateways: 'single', flowLogs: false },
      components: [
        { id: 'api', service: 'apigateway-rest' },
        { id: 'db', service: 'rds', config: { instanceClass: 'db.t4g.medium', multiAz: true } },
      ],
      usage: { components: { api: { requestsPerMonth: 200_000_000 }, db: { storageGb: 50 } }, natProcessedGb: 0 },
    });
    const r = await estimate(arch, { factors: [10] });
    const scaled = estimateCost(arch, await testCatalog(), { factors: [10], scenarioLineItems: true }).scenarios[0]!.lineItems!;
    // RDS instance and NAT hours are the same at 10x.
    expect(cost(scaled, 'db', /instance/)).toBeCloseTo(cost(r.lineItems, 'db', /instance/), 9);
    expect(cost(scaled, 'platform', /NAT gateways/)).toBeCloseTo(cost(r.lineItems, 'platform', /NAT gateways/), 9);
    // REST: 200M x $3.50/M = $700; 10x = 2B: 333M x 3.5 + 667M x 2.8 + 1B x 2.38 = $1,165.50 + $1,867.60 + $2,380 = $5,413.10 (< $7,000)
    expect(cents(cost(r.lineItems, 'api'))).toBe(700);
    expect(cents(cost(scaled, 'api'))).toBe(5413.1);
  });

  it('documents per field what scales', () => {
    expect(SCALING.requestsPerMonth.scales).toBe(true);
    expect(SCALING.avgDurationMs.scales).toBe(false);
    expect(SCALING.hoursPerMonth.scales).toBe(false);
    const arch = architectureFixture('ecommerce-api');
    const base = deriveUsage(arch).profile;
    const ten = scaleUsage(arch, base, 10);
    expect(ten.profile.components.api!.avgInstances).toBe(60);
    expect(ten.notes.join(' ')).toMatch(/api: 60 tasks at 10x exceeds maxCount/);
  });
});

describe('usage derivation', () => {
  it('derives missing usage from requirements and lists each assumption', () => {
    const arch = design({ components: [{ id: 'api', service: 'apigateway-http' }, { id: 'fn', service: 'lambda' }, { id: 'users', service: 'cognito' }], connections: [{ from: 'api', to: 'fn', kind: 'invoke' }] });
    const req = Requirements.parse({ name: 'x', summary: 'y', traffic: { avgRps: 10, dailyActiveUsers: 5000 } });
    const d = deriveUsage(arch, { requirements: req });
    // 10 rps x 2,628,000 s = 26,280,000 requests; the function is invoked by the API, so it gets the same.
    expect(d.profile.components.api!.requestsPerMonth).toBe(26_280_000);
    expect(d.profile.components.fn!.requestsPerMonth).toBe(26_280_000);
    expect(d.profile.components.users!.monthlyActiveUsers).toBe(15_000);
    expect(d.assumptions.some((a) => a.startsWith('fn.avgDurationMs = 100'))).toBe(true);
    expect(d.assumptions.some((a) => a.includes('10 rps average'))).toBe(true);
  });

  it('falls back to listed per-kind defaults without requirements, and keeps explicit usage', () => {
    const arch = design({ components: [{ id: 'q', service: 'sqs' }, { id: 't', service: 'dynamodb' }], usage: { components: { t: { readsPerMonth: 5 } } } });
    const d = deriveUsage(arch);
    expect(d.profile.components.t!.readsPerMonth).toBe(5);
    expect(d.profile.components.q!.messagesPerMonth).toBe(1_000_000);
    expect(d.assumptions).toContain('q.messagesPerMonth = 1,000,000: default messages for a sqs with no stated load');
  });

  it('counts schedule runs', () => {
    expect(runsPerMonth('rate(5 minutes)')).toBeCloseTo(8760, 6);
    expect(runsPerMonth('cron(0 2 * * ? *)')).toBe(30);
  });
});

describe('every kind and every fixture', () => {
  it('kitchen-sink: every component kind produces at least one line item, and missing prices are explicit', async () => {
    const arch = architectureFixture('kitchen-sink');
    const r = estimateCost(arch, await testCatalog());
    for (const c of arch.components) expect(r.lineItems.some((i) => i.component === c.id), c.id).toBe(true);
    for (const i of r.lineItems) {
      expect(Number.isFinite(i.monthly)).toBe(true);
      if (i.unpriced) expect(i.monthly).toBe(0);
    }
    expect(r.totals.unpricedItems).toBe(r.lineItems.filter((i) => i.unpriced).length);
  });

  it('static-site costs single-digit dollars a month', async () => {
    const r = estimateCost(architectureFixture('static-site'), await testCatalog());
    expect(r.totals.monthly).toBeGreaterThan(0);
    expect(r.totals.monthly).toBeLessThan(10);
  });

  it('renders markdown and CSV with every line item', async () => {
    const r = estimateCost(architectureFixture('hipaa-patient-portal'), await testCatalog());
    const md = renderMarkdown(r);
    expect(md).toContain('## Top cost drivers');
    expect(md).toContain(`| ${r.lineItems[0]!.component} |`);
    const csv = renderCsv(r).trim().split('\n');
    expect(csv).toHaveLength(r.lineItems.length + 1);
  });

  it('recommends Graviton with savings computed by re-pricing', async () => {
    const arch = design({ network: { natGateways: 'none' }, components: [{ id: 'svc', service: 'ecs-fargate', config: { architecture: 'x86_64', cpu: '1024', memoryMb: 2048, desiredCount: 2 } }] });
    const r = await estimate(arch);
    const g = r.recommendations.find((x) => x.id === 'graviton-svc')!;
    // $72.0802 (x86) - $57.67 (arm64) = $14.41
    expect(cents(g.monthlySavings)).toBe(14.41);
  });
});
