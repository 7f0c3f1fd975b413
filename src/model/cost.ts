import { z } from 'zod';

/** Where a price came from. Every line item carries one, with its date. */
export const PriceSource = z.enum(['bundled-catalog', 'price-list-api', 'bulk-offer-file', 'curated']).describe('bundled-catalog, price-list-api, bulk-offer-file or curated (hand-entered with a cited source).');
export type PriceSource = z.infer<typeof PriceSource>;

/** One priced quantity: `quantity * unitPrice = monthly`, after tiers and free tier. */
export const CostLineItem = z.object({
  component: z.string().describe('Component id, or "platform" for shared items (NAT, logs, ...).'),
  service: z.string().describe('Catalog id of the service.'),
  dimension: z.string().describe('What is billed, e.g. "requests" or "GB-seconds (arm64)".'),
  quantity: z.number().describe('Billable quantity per month, after free tier.'),
  unit: z.string().describe('Unit of the quantity, e.g. "requests", "GB-Mo", "hours".'),
  /** Effective price per unit; for tiered prices, monthly / quantity. */
  unitPrice: z.number().describe('Effective USD per unit (blended across tiers).'),
  monthly: z.number().describe('USD per month.'),
  source: PriceSource,
  sku: z.string().optional().describe('SKU or rate code when the source has one.'),
  priceDate: z.string().describe('Date of the price (YYYY-MM-DD).'),
  freeTierApplied: z.number().default(0).describe('Quantity covered by the free tier.'),
  /** Set when no price exists (service unavailable in the region, unknown instance type): never silently zero. */
  unpriced: z.string().optional().describe('Why this item has no price; monthly is then 0 and the total is incomplete.'),
  note: z.string().optional().describe('How the quantity was derived.'),
});
export type CostLineItem = z.infer<typeof CostLineItem>;

export const CostRecommendation = z.object({
  id: z.string(),
  title: z.string().describe('What to change.'),
  component: z.string().optional(),
  monthlySavings: z.number().describe('Estimated USD saved per month.'),
  how: z.string().describe('How to do it and what it trades off.'),
});
export type CostRecommendation = z.infer<typeof CostRecommendation>;

export const CostScenario = z.object({
  factor: z.number().positive().describe('Load multiple, e.g. 10 for 10x.'),
  monthly: z.number().describe('USD per month at this load.'),
  annual: z.number().describe('USD per year at this load.'),
  lineItems: z.array(CostLineItem).optional(),
});
export type CostScenario = z.infer<typeof CostScenario>;

export const CostReport = z.object({
  region: z.string(),
  currency: z.literal('USD').default('USD'),
  /** Oldest price date used. */
  asOf: z.string().describe('Oldest price date used (YYYY-MM-DD).'),
  freeTier: z.boolean().describe('Whether account free tiers were applied.'),
  lineItems: z.array(CostLineItem),
  totals: z.object({ monthly: z.number(), annual: z.number(), unpricedItems: z.number().int() }),
  scenarios: z.array(CostScenario).describe('The same design priced at other loads (10x by default).'),
  drivers: z.array(z.object({ component: z.string(), monthly: z.number(), share: z.number() })).describe('Top cost drivers, largest first.'),
  recommendations: z.array(CostRecommendation),
  assumptions: z.array(z.string()),
});
export type CostReport = z.infer<typeof CostReport>;
