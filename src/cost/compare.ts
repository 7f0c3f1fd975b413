import type { Architecture } from '../model/index.js';
import { REGION_CODES } from '../model/index.js';
import type { PriceCatalog } from './catalog/load.js';
import { checkRegion, checkUsage, type EstimateOptions } from './estimate.js';
import { priceDesign } from './price.js';
import { deriveUsage } from './usage.js';

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
  checkUsage(options.usage, arch);
  const freeTier = options.freeTier ?? true;
  // Usage does not depend on the region: derive it once, then price it everywhere.
  const { profile } = deriveUsage(arch, { ...(options.requirements ? { requirements: options.requirements } : {}), ...(options.usage ? { override: options.usage } : {}) });
  const priceIn = (region: string) => priceDesign(arch, profile, catalog, region, freeTier).lineItems;
  const baseItems = priceIn(arch.region);
  const baseMonthly = baseItems.reduce((s, i) => s + i.monthly, 0);
  const rows: RegionCost[] = list.map((region) => {
    const items = region === arch.region ? baseItems : priceIn(region);
    const monthly = items.reduce((s, i) => s + i.monthly, 0);
    const missing = items.filter((i) => i.unpriced);
    return {
      region,
      monthly,
      annual: monthly * 12,
      unpricedItems: missing.length,
      unavailable: missing.map((i) => `${i.component}: ${i.dimension}: ${i.unpriced}`),
      deltaFromBase: monthly - baseMonthly,
    };
  });
  rows.sort((a, b) => a.unpricedItems - b.unpricedItems || a.monthly - b.monthly);
  const cheapest = rows.find((r) => r.unpricedItems === 0);
  return { baseRegion: arch.region, freeTier, regions: rows, ...(cheapest ? { cheapestComplete: cheapest.region } : {}) };
}
