import type { Architecture } from '../model/index.js';
import { REGION_CODES } from '../model/index.js';
import type { PriceCatalog } from './catalog/load.js';
import { checkRegion, estimateCost, type EstimateOptions } from './estimate.js';

export interface RegionCost {
  region: string;
  monthly: number;
  annual: number;
  /** Line items with no price in this region (service unavailable, type not offered, no curated price). */
  unpricedItems: number;
  /** What is missing, one line each (component: dimension: reason). */
  unavailable: string[];
  /** Monthly difference from the design's own region (positive: dearer). */
  deltaFromBase: number;
}

export interface RegionComparison {
  baseRegion: string;
  freeTier: boolean;
  regions: RegionCost[];
  /** Cheapest region whose estimate is complete (no unpriced items), if any. */
  cheapestComplete?: string;
}

/**
 * The same design and usage priced in each region. A region where something is not offered is reported with what
 * is missing, never priced from another region, and never called cheapest.
 */
export function compareRegions(arch: Architecture, catalog: PriceCatalog, regions: readonly string[] = REGION_CODES, options: Omit<EstimateOptions, 'region' | 'factors'> = {}): RegionComparison {
  const list = regions.map((r, i) => checkRegion(r, `regions[${i}]`));
  const opts = { ...options, factors: [], recommendations: false };
  const base = estimateCost(arch, catalog, { ...opts, region: arch.region });
  const rows: RegionCost[] = list.map((region) => {
    const r = region === arch.region ? base : estimateCost(arch, catalog, { ...opts, region });
    const missing = r.lineItems.filter((i) => i.unpriced);
    return {
      region,
      monthly: r.totals.monthly,
      annual: r.totals.annual,
      unpricedItems: missing.length,
      unavailable: missing.map((i) => `${i.component}: ${i.dimension}: ${i.unpriced}`),
      deltaFromBase: r.totals.monthly - base.totals.monthly,
    };
  });
  rows.sort((a, b) => a.unpricedItems - b.unpricedItems || a.monthly - b.monthly);
  const cheapest = rows.find((r) => r.unpricedItems === 0);
  return { baseRegion: arch.region, freeTier: options.freeTier ?? true, regions: rows, ...(cheapest ? { cheapestComplete: cheapest.region } : {}) };
}
