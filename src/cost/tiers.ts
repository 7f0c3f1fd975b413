import type { Tier } from './catalog/load.js';

export interface TieredCost {
  /** USD for the billable part. */
  cost: number;
  /** Units charged (total minus free). */
  billable: number;
  /** Units covered by the free allowance. */
  free: number;
  /** Rate code of the highest tier reached, when the source has one. */
  rateCode?: string;
  /** The price of the lowest tier that was charged (for a zero quantity: the first tier). */
  marginalFrom: number;
}

/**
 * Prices `total` units through graduated tiers. Tier bounds count the whole monthly quantity; a free allowance
 * covers the first `free` units (the bottom of the ladder), as AWS applies free tiers before paid steps.
 * Full precision: round only for display.
 */
export function tieredCost(tiers: readonly Tier[], total: number, free = 0): TieredCost {
  const covered = Math.min(Math.max(free, 0), total);
  let cost = 0;
  let lower = 0;
  let rateCode: string | undefined;
  let marginalFrom: number | undefined;
  for (const t of tiers) {
    const upper = t.upTo ?? Infinity;
    const from = Math.max(lower, covered);
    const to = Math.min(upper, total);
    if (to > from) {
      cost += (to - from) * t.usd;
      rateCode = t.rateCode ?? rateCode;
      marginalFrom ??= t.usd;
    }
    lower = upper;
    if (lower >= total) break;
  }
  return { cost, billable: total - covered, free: covered, ...(rateCode ? { rateCode } : {}), marginalFrom: marginalFrom ?? tiers[0]?.usd ?? 0 };
}
