import type { CostLineItem, PriceSource } from '../model/index.js';
import type { PriceCatalog } from './catalog/load.js';
import { FREE_TIERS, freePoolFor } from './free-tier.js';
import { tieredCost } from './tiers.js';

/**
 * What a cost builder asks for: a quantity of one catalog price. The engine groups charges of the same price
 * across components, because tiers and free tiers are per account, not per resource, then splits the cost back
 * to each component in proportion to its quantity.
 */
export type Charge = {
  component: string;
  /** Component kind or platform service, shown as the line item's service. */
  service: string;
  /** What is billed, in words: "requests (arm64)". */
  dimension: string;
  quantity: number;
  note?: string;
} & (
  | { price: 'dimension'; catalog: string; key: string; /** Region to price in when not the design's (replicas, DR). */ region?: string }
  | { price: 'instance'; catalog: string; table: string; type: string; region?: string; /** Source override (derived from another table). */ derived?: string }
  | { price: 'unpriced'; unit: string; reason: string }
);

export interface PriceContext {
  catalog: PriceCatalog;
  region: string;
  freeTier: boolean;
}

const SOURCE: Record<string, PriceSource> = {
  'bundled-catalog': 'bundled-catalog',
  'price-list-api': 'price-list-api',
  'bulk-offer-file': 'bulk-offer-file',
  curated: 'curated',
};

/** Turns charges into line items: tiers and free tiers applied per account, cost split back per component. */
export function priceCharges(charges: readonly Charge[], ctx: PriceContext): CostLineItem[] {
  const out: CostLineItem[] = new Array(charges.length);
  const groups = new Map<string, number[]>();
  charges.forEach((c, i) => {
    if (c.price === 'dimension') {
      const key = `${c.catalog}/${c.key}@${c.region ?? ctx.region}`;
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    } else if (c.price === 'instance') {
      out[i] = priceInstance(c, ctx);
    } else {
      out[i] = unpriced(c, c.unit, c.reason, 'curated', ctx.catalog.index.builtAt);
    }
  });

  // Free pools are spent on the most expensive dimension first; process groups in that order.
  const pools = new Map<string, number>(ctx.freeTier ? Object.entries(FREE_TIERS).map(([k, v]) => [k, v.quantity]) : []);
  const ordered = [...groups.entries()].sort(([a], [b]) => poolOrder(a) - poolOrder(b) || a.localeCompare(b));
  for (const [, idx] of ordered) {
    const first = charges[idx[0]!]! as Extract<Charge, { price: 'dimension' }>;
    const region = first.region ?? ctx.region;
    const look = ctx.catalog.dimension(first.catalog, first.key, region);
    if (!look.ok) {
      for (const i of idx) out[i] = unpriced(charges[i]!, look.unit, look.reason, SOURCE[look.source]!, look.asOf);
      continue;
    }
    const total = idx.reduce((s, i) => s + charges[i]!.quantity, 0);
    // Edge groups and global services are not regions: only a real other region is "elsewhere".
    const elsewhere = region !== ctx.region && ctx.catalog.service(first.catalog)?.scope === 'region';
    const poolId = freePoolFor(`${first.catalog}/${first.key}`);
    // The allowance is spent once, in the design's region; replicas in other regions pay in full.
    const left = poolId && !elsewhere ? (pools.get(poolId) ?? 0) : 0;
    const priced = tieredCost(look.tiers, total, left);
    if (poolId && priced.free > 0) pools.set(poolId, left - priced.free);
    const unitPrice = priced.billable > 0 ? priced.cost / priced.billable : priced.marginalFrom;
    for (const i of idx) {
      const c = charges[i]!;
      const share = total > 0 ? c.quantity / total : 0;
      const free = priced.free * share;
      out[i] = {
        component: c.component,
        service: c.service,
        dimension: c.dimension,
        quantity: c.quantity - free,
        unit: look.unit,
        unitPrice,
        monthly: priced.cost * share,
        source: SOURCE[look.source]!,
        ...(priced.rateCode ? { sku: priced.rateCode } : look.tiers[0]?.rateCode ? { sku: look.tiers[0].rateCode } : {}),
        priceDate: look.asOf,
        freeTierApplied: free,
        ...(c.note ? { note: elsewhere ? `${c.note} (priced in ${region})` : c.note } : elsewhere ? { note: `priced in ${region}` } : {}),
      };
    }
  }
  return out;
}

function poolOrder(groupKey: string): number {
  const key = groupKey.slice(0, groupKey.indexOf('@'));
  const pool = freePoolFor(key);
  return pool ? FREE_TIERS[pool]!.covers.indexOf(key) : 0;
}

function priceInstance(c: Extract<Charge, { price: 'instance' }>, ctx: PriceContext): CostLineItem {
  const region = c.region ?? ctx.region;
  const look = ctx.catalog.instance(c.catalog, c.table, region, c.type);
  if (!look.ok) {
    const hint = look.suggestions.length ? ` (did you mean ${look.suggestions.map((s) => `'${s}'`).join(' or ')}?)` : '';
    return unpriced(c, look.unit, `${look.reason}${hint}`, SOURCE[look.source]!, look.asOf);
  }
  const notes = [c.note, look.note, c.derived, region !== ctx.region ? `priced in ${region}` : undefined].filter(Boolean);
  return {
    component: c.component,
    service: c.service,
    dimension: c.dimension,
    quantity: c.quantity,
    unit: look.unit,
    unitPrice: look.usd,
    monthly: c.quantity * look.usd,
    source: c.derived ? 'curated' : SOURCE[look.source]!,
    ...(look.rateCode ? { sku: look.rateCode } : {}),
    priceDate: look.asOf,
    freeTierApplied: 0,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

function unpriced(c: Charge, unit: string, reason: string, source: PriceSource, date: string): CostLineItem {
  return {
    component: c.component,
    service: c.service,
    dimension: c.dimension,
    quantity: c.quantity,
    unit,
    unitPrice: 0,
    monthly: 0,
    source,
    priceDate: date,
    freeTierApplied: 0,
    unpriced: reason,
    ...(c.note ? { note: c.note } : {}),
  };
}
