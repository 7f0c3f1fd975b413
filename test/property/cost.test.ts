import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceCatalog } from '../../src/cost/catalog/load.js';
import { estimateCost } from '../../src/cost/estimate.js';
import { tieredCost } from '../../src/cost/tiers.js';
import { COMPONENT_SERVICES, REGION_CODES, parseArchitecture } from '../../src/model/index.js';

const catalog = await loadPriceCatalog();

const usageArb = fc.record(
  {
    requestsPerMonth: fc.double({ min: 0, max: 1e10, noNaN: true }),
    avgDurationMs: fc.double({ min: 0, max: 900_000, noNaN: true }),
    readsPerMonth: fc.double({ min: 0, max: 1e10, noNaN: true }),
    writesPerMonth: fc.double({ min: 0, max: 1e10, noNaN: true }),
    messagesPerMonth: fc.double({ min: 0, max: 1e10, noNaN: true }),
    storageGb: fc.double({ min: 0, max: 1e6, noNaN: true }),
    dataOutGb: fc.double({ min: 0, max: 1e6, noNaN: true }),
    monthlyActiveUsers: fc.double({ min: 0, max: 1e8, noNaN: true }),
  },
  { requiredKeys: [] },
);

describe('cost engine laws', () => {
  it('tiered cost is monotonic in quantity and never negative', () => {
    const tiers = catalog.dimension('s3', 'standard-storage', 'us-east-1');
    if (!tiers.ok) throw new Error('missing');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (a, b, free) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = tieredCost(tiers.tiers, lo, free).cost;
        const y = tieredCost(tiers.tiers, hi, free).cost;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y + 1e-9).toBeGreaterThanOrEqual(x);
      }),
    );
  });

  it('any single-component design in any region prices without crashing; totals equal the sum of line items; more load never costs less', () => {
    const kinds = COMPONENT_SERVICES.filter((k) => k !== 'acm');
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...REGION_CODES), usageArb, fc.boolean(), (service, region, usage, freeTier) => {
        const parsed = parseArchitecture({
          name: 'prop',
          region,
          network: { natGateways: 'single' },
          components: [{ id: 'c', service }],
          usage: { components: { c: usage } },
        });
        if (!parsed.ok) return;
        const r = estimateCost(parsed.value, catalog, { factors: [10], freeTier, recommendations: false });
        const sum = r.lineItems.reduce((s, i) => s + i.monthly, 0);
        expect(r.totals.monthly).toBeCloseTo(sum, 6);
        for (const i of r.lineItems) {
          expect(Number.isFinite(i.monthly) && i.monthly >= 0).toBe(true);
          if (i.unpriced) expect(i.monthly).toBe(0);
        }
        expect(r.scenarios[0]!.monthly + 1e-6).toBeGreaterThanOrEqual(r.totals.monthly);
      }),
      { numRuns: 150 },
    );
  });
});
