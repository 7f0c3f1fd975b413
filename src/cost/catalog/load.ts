import { distance } from 'fastest-levenshtein';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../shared/paths.js';
import type { CatalogDimension, CatalogIndex, CatalogSource, CatalogTable, ServicePrices } from './types.js';

/** One price step resolved for a region: `usd` per unit up to `upTo` (null: unbounded). */
export interface Tier {
  upTo: number | null;
  usd: number;
  rateCode?: string;
}

export type DimensionLookup =
  | { ok: true; service: string; dimension: string; unit: string; description: string; tiers: Tier[]; source: CatalogSource; asOf: string; url?: string }
  | { ok: false; service: string; dimension: string; unit: string; reason: string; source: CatalogSource; asOf: string };

export type InstanceLookup =
  | { ok: true; service: string; table: string; type: string; unit: string; usd: number; rateCode?: string; source: CatalogSource; asOf: string; note?: string }
  | { ok: false; service: string; table: string; type: string; unit: string; reason: string; suggestions: string[]; source: CatalogSource; asOf: string };

/** Folder of the bundled catalog inside the installed package (src/cost/data, listed in package.json "files"). */
export function bundledCatalogDir(): string {
  return join(packageRoot(), 'src', 'cost', 'data');
}

/**
 * The price catalog in memory: the bundled service files, with any refreshed files (`prices refresh`) laid over
 * them region by region. Lookups never fall back to another region: a missing region is an explicit "not
 * available" with the reason.
 */
export class PriceCatalog {
  constructor(
    readonly index: CatalogIndex,
    readonly services: ReadonlyMap<string, ServicePrices>,
    /** Service ids whose prices were (partly) replaced by a refreshed overlay. */
    readonly refreshed: ReadonlySet<string> = new Set(),
  ) {}

  service(id: string): ServicePrices | undefined {
    return this.services.get(id);
  }

  /** Newest publication date of a service's prices. */
  asOf(service: string): string | undefined {
    return this.services.get(service)?.asOf;
  }

  dimensionDef(service: string, dimension: string): CatalogDimension | undefined {
    return this.services.get(service)?.dimensions[dimension];
  }

  tableDef(service: string, table: string): CatalogTable | undefined {
    return this.services.get(service)?.tables[table];
  }

  /** Tiers of one dimension in one region (or edge group / `global`, by the service's scope). */
  dimension(service: string, dimension: string, region: string): DimensionLookup {
    const def = this.dimensionDef(service, dimension);
    if (!def) throw new Error(`price catalog has no dimension ${service}.${dimension}`);
    const s = this.services.get(service)!;
    const key = s.scope === 'global' ? 'global' : region;
    const prices = def.regions[key];
    if (!prices) {
      const known = Object.keys(def.regions);
      const reason =
        def.source === 'curated'
          ? `no list price for ${region} in the curated table (curated regions: ${known.join(', ')}); use get_pricing with live: true or run prices refresh`
          : `not offered in ${region}: the AWS price list has no ${def.description} there`;
      return { ok: false, service, dimension, unit: def.unit, reason, source: def.source, asOf: def.asOf };
    }
    const tiers: Tier[] = def.tiers.map((t, i) => {
      const [usd, rateCode] = prices[i]!;
      return rateCode ? { upTo: t.upTo, usd, rateCode } : { upTo: t.upTo, usd };
    });
    const from = def.regionSources?.[key] ?? def;
    return { ok: true, service, dimension, unit: def.unit, description: def.description, tiers, source: from.source, asOf: from.asOf, ...(def.url && from.source === 'curated' ? { url: def.url } : {}) };
  }

  /** Hourly price of one instance or node type in one region, with suggestions when the type is unknown. */
  instance(service: string, table: string, region: string, type: string): InstanceLookup {
    const def = this.tableDef(service, table);
    if (!def) throw new Error(`price catalog has no table ${service}.${table}`);
    const inRegion = def.regions[region];
    const hit = inRegion?.[type];
    if (hit) {
      const overlay = def.overlays?.find((o) => o.region === region && o.types.includes(type));
      const from = def.regionSources?.[region] ?? def;
      return {
        ok: true,
        service,
        table,
        type,
        unit: def.unit,
        usd: hit[0],
        ...(hit[1] ? { rateCode: hit[1] } : {}),
        source: from.source,
        asOf: overlay?.asOf ?? from.asOf,
        ...(overlay ? { note: `price from ${overlay.source}` } : {}),
      };
    }
    const everywhere = new Set<string>();
    for (const types of Object.values(def.regions)) for (const t of Object.keys(types)) everywhere.add(t);
    const base = { ok: false as const, service, table, type, unit: def.unit, source: def.source, asOf: def.asOf };
    if (!everywhere.has(type)) {
      return { ...base, reason: `unknown ${table} type '${type}'`, suggestions: closest(type, everywhere) };
    }
    if (def.source === 'curated') {
      return { ...base, reason: `no curated price for ${type} in ${region} (curated regions: ${Object.keys(def.regions).join(', ')})`, suggestions: [] };
    }
    return { ...base, reason: `${type} is not offered in ${region}`, suggestions: closest(type, Object.keys(inRegion ?? {})) };
  }

  /** Every region code that prices at least one dimension or table of the service. */
  regionsOf(service: string): string[] {
    const s = this.services.get(service);
    if (!s) return [];
    const out = new Set<string>();
    for (const d of Object.values(s.dimensions)) for (const r of Object.keys(d.regions)) out.add(r);
    for (const t of Object.values(s.tables)) for (const r of Object.keys(t.regions)) out.add(r);
    return [...out].sort();
  }
}

function closest(input: string, candidates: Iterable<string>): string[] {
  // Same family first (m7g.large -> m7g.*), then edit distance; cheap enough for a few thousand names.
  const list = [...candidates];
  const family = input.split('.').slice(0, -1).join('.');
  const sameFamily = family ? list.filter((c) => c.startsWith(`${family}.`)) : [];
  const scored = list
    .map((c) => [c, distance(input.toLowerCase(), c.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([c]) => c);
  return [...new Set([...scored, ...sameFamily.slice(0, 2)])].slice(0, 4);
}

async function readServiceFiles(dir: string): Promise<{ index: CatalogIndex; services: Map<string, ServicePrices> }> {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as CatalogIndex;
  const entries = await Promise.all(index.services.map(async (s) => JSON.parse(await readFile(join(dir, s.file), 'utf8')) as ServicePrices));
  return { index, services: new Map(entries.map((s) => [s.id, s])) };
}

/** Lays a refreshed service file over the bundled one: refreshed regions win, the rest stay bundled. */
export function overlayService(base: ServicePrices | undefined, top: ServicePrices): ServicePrices {
  if (!base) return top;
  const out: ServicePrices = { ...base, dimensions: { ...base.dimensions }, tables: { ...base.tables } };
  const sourcesOf = (regions: string[], part: { source: CatalogSource; asOf: string; regionSources?: Record<string, { source: CatalogSource; asOf: string }> }) =>
    Object.fromEntries(regions.map((r) => [r, part.regionSources?.[r] ?? { source: part.source, asOf: part.asOf }]));
  for (const [id, dim] of Object.entries(top.dimensions)) {
    const under = base.dimensions[id];
    out.dimensions[id] =
      under && sameTiers(under, dim)
        ? { ...under, regions: { ...under.regions, ...dim.regions }, regionSources: { ...under.regionSources, ...sourcesOf(Object.keys(dim.regions), dim) } }
        : dim;
  }
  for (const [id, t] of Object.entries(top.tables)) {
    const under = base.tables[id];
    if (!under) {
      out.tables[id] = t;
      continue;
    }
    const regions: CatalogTable['regions'] = { ...under.regions };
    for (const [r, types] of Object.entries(t.regions)) regions[r] = { ...(regions[r] ?? {}), ...types };
    out.tables[id] = { ...under, regions, regionSources: { ...under.regionSources, ...sourcesOf(Object.keys(t.regions), t) } };
  }
  out.asOf = top.asOf > base.asOf ? top.asOf : base.asOf;
  out.origin = `${top.origin}; over ${base.origin}`;
  return out;
}

function sameTiers(a: CatalogDimension, b: CatalogDimension): boolean {
  return a.tiers.length === b.tiers.length && a.tiers.every((t, i) => t.upTo === b.tiers[i]!.upTo);
}

export interface LoadCatalogOptions {
  /** Folder of the bundled catalog; defaults to the package's src/cost/data. */
  dir?: string;
  /** Folder written by `prices refresh`; its service files are laid over the bundled ones when present. */
  overlayDir?: string;
}

/**
 * Reads the catalog from disk. Call it lazily (first use) and memoise the result: the server never loads prices
 * at start-up.
 */
export async function loadPriceCatalog(options: LoadCatalogOptions = {}): Promise<PriceCatalog> {
  const { index, services } = await readServiceFiles(options.dir ?? bundledCatalogDir());
  const refreshed = new Set<string>();
  if (options.overlayDir && existsSync(join(options.overlayDir, 'index.json'))) {
    const files = new Set(await readdir(options.overlayDir));
    const top = await readServiceFiles(options.overlayDir);
    for (const [id, s] of top.services) {
      if (!files.has(`${id}.json`)) continue;
      services.set(id, overlayService(services.get(id), s));
      refreshed.add(id);
    }
  }
  return new PriceCatalog(index, services, refreshed);
}
