/**
 * The shape of the bundled price catalog (src/cost/data/*.json). One file per service, written by
 * `scripts/build-prices` from the raw AWS data and by `prices refresh` from the Pricing API or bulk offer files.
 *
 * Every price keeps its unit, its tiers, the rate code (SKU.offerTerm.rateCode) where the source has one, where it
 * came from and its date, so every figure of an estimate can be traced back to a published number.
 */

/** Where a catalog price came from; mirrors `PriceSource` in the model. */
export type CatalogSource = 'bundled-catalog' | 'price-list-api' | 'bulk-offer-file' | 'curated';

/**
 * One price step. `upTo` is the upper bound of the step in the dimension's unit, counted over the whole monthly
 * quantity (null: no upper bound). Free tiers are not steps: they live in `free-tier.ts`.
 */
export interface TierDef {
  upTo: number | null;
  /** Source label (pricing-page feed label, usagetype, or curated row id) this step was read from. */
  label: string;
}

/** A region's prices for one dimension: one `[usd, rateCode?]` per tier, aligned with the dimension's `tiers`. */
export type RegionPrices = Array<[number, string?]>;

/** Where in the raw data a dimension or table was read from, so a test can check the catalog against it. */
export interface Provenance {
  /** Path relative to the raw data folder (`../shared/data/prices/`). */
  file: string;
  /** `raw`: pricing-page feed with `regions[location][label]`; `processed`: `{label: {location: price}}`. */
  format: 'raw' | 'processed' | 'natgw' | 'csv' | 'curated' | 'price-list';
}

export interface CatalogDimension {
  /** Billing unit of the quantity, e.g. `requests`, `GB-seconds`, `GB-Mo`, `hours`. */
  unit: string;
  description: string;
  tiers: TierDef[];
  /** Region code (or CloudFront edge group) -> prices per tier. A region that is absent does not offer it. */
  regions: Record<string, RegionPrices>;
  source: CatalogSource;
  /** YYYY-MM-DD: publication date of the source. */
  asOf: string;
  provenance?: Provenance;
  /** For curated prices: the public page the value was taken from. */
  url?: string;
  /** For curated prices: why it is hand-entered. */
  reason?: string;
  /** Regions refreshed from another source than the rest (set when an overlay is laid over the bundled file). */
  regionSources?: Record<string, { source: CatalogSource; asOf: string }>;
}

/** Hourly (or monthly) prices by instance type or node type, per region. */
export interface CatalogTable {
  unit: string;
  description: string;
  /** Region -> type -> `[usd, rateCode?]`. */
  regions: Record<string, Record<string, [number, string?]>>;
  source: CatalogSource;
  asOf: string;
  provenance?: Provenance & { labelPattern: string };
  url?: string;
  reason?: string;
  /** Types whose price came from a secondary source, with its date (e.g. newer EC2 types from a later list). */
  overlays?: Array<{ region: string; types: string[]; source: string; asOf: string }>;
  /** Regions refreshed from another source than the rest. */
  regionSources?: Record<string, { source: CatalogSource; asOf: string }>;
}

/** One service file of the catalog. */
export interface ServicePrices {
  /** Catalog id of the price file: lambda, fargate, ec2, rds, ... */
  id: string;
  name: string;
  /** Newest publication date among its prices (per-dimension dates are on each dimension). */
  asOf: string;
  /** Human-readable origin: feed, snapshot, commit. */
  origin: string;
  /** `region` for regional services, `edge-group` for CloudFront, `global` for Route 53. */
  scope: 'region' | 'edge-group' | 'global';
  dimensions: Record<string, CatalogDimension>;
  tables: Record<string, CatalogTable>;
}

/** The catalog index file: which service files exist and when the catalog was built. */
export interface CatalogIndex {
  version: 1;
  builtAt: string;
  generator: string;
  services: Array<{ id: string; file: string; asOf: string; source: CatalogSource }>;
}
