import { loadPriceCatalog, type PriceCatalog } from '../../../src/cost/catalog/load.js';
import { estimateCost, type EstimateOptions } from '../../../src/cost/estimate.js';
import { parseArchitecture, type Architecture, type ArchitectureInput } from '../../../src/model/index.js';

let catalog: Promise<PriceCatalog> | undefined;
export function testCatalog(): Promise<PriceCatalog> {
  catalog ??= loadPriceCatalog();
  return catalog;
}

/** A minimal valid design around the given components, with observability extras off so line items stay focused. */
export function design(input: Partial<ArchitectureInput> & Pick<ArchitectureInput, 'components'>): Architecture {
  const r = parseArchitecture({
    name: 'test-design',
    region: 'us-east-1',
    security: { auditTrail: false, threatDetection: false },
    observability: { tracing: false, dashboard: false },
    resilience: { drStrategy: 'none' },
    ...input,
  });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

export async function estimate(arch: Architecture, options: EstimateOptions = {}) {
  return estimateCost(arch, await testCatalog(), { factors: [], ...options });
}

/** Sum of the monthly cost of a component's line items whose dimension matches. */
export function cost(items: ReadonlyArray<{ component: string; dimension: string; monthly: number }>, component: string, dimension?: RegExp): number {
  return items.filter((i) => i.component === component && (!dimension || dimension.test(i.dimension))).reduce((s, i) => s + i.monthly, 0);
}

export function cents(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}
