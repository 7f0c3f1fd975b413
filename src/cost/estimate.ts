import type { Architecture, ComponentUsage, CostLineItem, CostReport, CostScenario, Requirements, UsageProfile } from '../model/index.js';
import { isRegionCode, REGION_CODES } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import type { PriceCatalog } from './catalog/load.js';
import { priceDesign } from './price.js';
import { recommend } from './recommend.js';
import { deriveUsage, scaleUsage } from './usage.js';

export interface EstimateOptions {
  /** Region to price in; the design's region when absent. */
  region?: string;
  /** Load multiples to re-price at (default [10]). */
  factors?: number[];
  /** Apply always-free allowances (default true). */
  freeTier?: boolean;
  /** Requirements to derive missing usage from. */
  requirements?: Requirements;
  /** Usage that overrides the design's own, field by field. */
  usage?: Partial<UsageProfile> & { components?: Record<string, ComponentUsage> };
  /** Include each scenario's line items (large; for files, not tool output). */
  scenarioLineItems?: boolean;
  /** Skip recommendations (used when pricing the variants recommendations compare). */
  recommendations?: boolean;
}

/** A report plus the complete usage it priced (what the plan workflow shows and the CSV lists). */
export interface Estimate extends CostReport {
  usage: UsageProfile;
}

/** Largest monthly usage figure accepted: beyond it the input is surely a unit mistake. */
const ABSURD = 1e15;
const MAX_FACTOR = 10_000;

export function checkRegion(region: string, field = 'region'): string {
  if (!isRegionCode(region)) {
    throw new UserError(field, `'${region}' is not a commercial AWS region${didYouMean(region, REGION_CODES)}`, 'Use a region code such as us-east-1 or eu-west-1.');
  }
  return region;
}

/** Refuses negative, non-finite or absurd usage, naming the field. */
export function checkUsage(usage: EstimateOptions['usage'], arch: Architecture, field = 'usage'): void {
  if (!usage) return;
  const check = (path: string, v: unknown) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserError(path, `must be a number, got ${JSON.stringify(v)}`);
    if (v < 0) throw new UserError(path, `must not be negative (got ${v})`, 'Give a monthly quantity of zero or more.');
    if (v > ABSURD) throw new UserError(path, `${v} is not a plausible monthly figure`, 'Check the unit: fields are per month, in the unit their name says (GB, TB, ms, ...).');
  };
  for (const k of ['dataOutGb', 'natProcessedGb', 'logsIngestedGb', 'crossAzGb'] as const) check(`${field}.${k}`, usage[k]);
  const ids = new Set(arch.components.map((c) => c.id));
  for (const [id, u] of Object.entries(usage.components ?? {})) {
    if (!ids.has(id)) throw new UserError(`${field}.components.${id}`, `no component '${id}' in the design${didYouMean(id, ids)}`, `Components: ${[...ids].join(', ')}.`);
    if (typeof u !== 'object' || u === null) throw new UserError(`${field}.components.${id}`, 'must be an object of usage fields');
    for (const [k, v] of Object.entries(u)) {
      check(`${field}.components.${id}.${k}`, v);
      if (k === 'hoursPerMonth' && typeof v === 'number' && v > 744) throw new UserError(`${field}.components.${id}.hoursPerMonth`, `${v} hours is more than a month has (744 at most)`);
    }
  }
}

function totals(items: readonly CostLineItem[]) {
  const monthly = items.reduce((s, i) => s + i.monthly, 0);
  return { monthly, annual: monthly * 12, unpricedItems: items.filter((i) => i.unpriced).length };
}

/**
 * The cost engine's entry point: an architecture and a usage profile (explicit, derived from requirements, or
 * defaulted, each assumption listed) into line items, totals, load scenarios re-priced from scaled usage, top
 * drivers and recommendations with estimated savings. Pure: the catalog is passed in.
 */
export function estimateCost(arch: Architecture, catalog: PriceCatalog, options: EstimateOptions = {}): Estimate {
  const region = checkRegion(options.region ?? arch.region);
  const freeTier = options.freeTier ?? true;
  const factors = options.factors ?? [10];
  factors.forEach((f, i) => {
    if (!Number.isFinite(f) || f <= 0) throw new UserError(`factors[${i}]`, `load multiple must be a positive number, got ${f}`);
    if (f > MAX_FACTOR) throw new UserError(`factors[${i}]`, `${f}x is beyond what an estimate can say anything about`, `Use a multiple up to ${MAX_FACTOR}.`);
  });
  checkUsage(options.usage, arch);

  const derived = deriveUsage(arch, { ...(options.requirements ? { requirements: options.requirements } : {}), ...(options.usage ? { override: options.usage } : {}) });
  const base = priceDesign(arch, derived.profile, catalog, region, freeTier);
  const t = totals(base.lineItems);

  const scenarios: CostScenario[] = factors.map((factor) => {
    const scaled = scaleUsage(arch, derived.profile, factor);
    const priced = priceDesign(arch, scaled.profile, catalog, region, freeTier);
    const st = totals(priced.lineItems);
    for (const note of scaled.notes) derived.assumptions.push(`at ${factor}x: ${note}`);
    return { factor, monthly: st.monthly, annual: st.annual, ...(options.scenarioLineItems ? { lineItems: priced.lineItems } : {}) };
  });

  const byComponent = new Map<string, number>();
  for (const i of base.lineItems) byComponent.set(i.component, (byComponent.get(i.component) ?? 0) + i.monthly);
  const drivers = [...byComponent.entries()]
    .filter(([, m]) => m > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([component, monthly]) => ({ component, monthly, share: t.monthly > 0 ? monthly / t.monthly : 0 }));

  const dates = base.lineItems.map((i) => i.priceDate).filter(Boolean).sort();
  const unpriced = base.lineItems.filter((i) => i.unpriced);
  const assumptions = [
    ...derived.assumptions,
    ...base.assumptions,
    freeTier ? 'always-free allowances applied once per account (Lambda, CloudFront, SQS, SNS, DynamoDB, Cognito, KMS, CloudWatch, data transfer); 12-month trials are not' : 'free tiers not applied',
    'on-demand list prices in USD, 730 hours a month, before tax, support plans and negotiated discounts',
    ...(unpriced.length ? [`${unpriced.length} line item(s) have no price and count as $0: the total is incomplete (see their 'unpriced' reason)`] : []),
  ];

  const report: Estimate = {
    region,
    currency: 'USD',
    asOf: dates[0] ?? catalog.index.builtAt,
    freeTier,
    lineItems: base.lineItems,
    totals: t,
    scenarios,
    drivers,
    recommendations: [],
    assumptions,
    usage: derived.profile,
  };
  if (options.recommendations !== false) report.recommendations = recommend(arch, report, catalog, { region, freeTier, profile: derived.profile });
  return report;
}
