import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PriceCatalog, overlayService } from './catalog/load.js';
import type { CatalogIndex, ServicePrices } from './catalog/types.js';
import type { PriceListProduct } from './pricelist/parse.js';
import { RECIPES, matches, overlayFromProducts, productRegion, recipesFor } from './pricelist/recipes.js';
import { regionByLocation } from '../model/index.js';

/**
 * Where Price List products come from: the Pricing API (GetProducts with filters, credentials needed) or the
 * public bulk offer files (a whole region's offer, no credentials). Both are filtered again by the recipes here.
 */
export interface ProductSource {
  kind: 'price-list-api' | 'bulk-offer-file';
  products(serviceCode: string, region: string, filters: Record<string, string>): Promise<PriceListProduct[]>;
}

export interface RefreshResult {
  services: ServicePrices[];
  /** One line per catalog service and region: what was refreshed and what kept its bundled price. */
  report: string[];
}

/** Catalog services that have Price List recipes (the ones a refresh can update). */
export function refreshableServices(): string[] {
  return [...new Set(RECIPES.map((r) => r.catalog))].sort();
}

/** Fetches and re-derives catalog prices for the given services and regions. */
export async function refreshPrices(catalog: PriceCatalog, source: ProductSource, regions: string[], services: string[] = refreshableServices()): Promise<RefreshResult> {
  const out = new Map<string, ServicePrices>();
  const report: string[] = [];
  for (const svc of services) {
    const recipes = recipesFor(svc);
    for (const region of regions) {
      const products: PriceListProduct[] = [];
      const seen = new Set<string>();
      for (const r of recipes) {
        for (const p of await source.products(r.serviceCode, region, { ...r.filters, regionCode: region })) {
          if (seen.has(p.sku) || productRegion(p, (l) => regionByLocation(l)?.code) !== region || !matches(r, p)) continue;
          seen.add(p.sku);
          products.push(p);
        }
      }
      const { service, found, missing } = overlayFromProducts(catalog, svc, region, products, source.kind);
      report.push(`${svc} ${region}: ${found.length} refreshed${found.length ? ` (${found.join(', ')})` : ''}${missing.length ? `; kept bundled: ${missing.join(', ')}` : ''}`);
      if (!found.length) continue;
      const prev = out.get(svc);
      out.set(svc, prev ? overlayService(prev, service) : service);
    }
  }
  return { services: [...out.values()], report };
}

/** Writes refreshed service files and an index to `dir`; loadPriceCatalog({ overlayDir: dir }) lays them over the bundled ones. */
export async function writeOverlay(dir: string, services: ServicePrices[], generator: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const index: CatalogIndex = { version: 1, builtAt: new Date().toISOString().slice(0, 10), generator, services: [] };
  const files: string[] = [];
  for (const s of services) {
    const file = `${s.id}.json`;
    await writeFile(join(dir, file), JSON.stringify(s) + '\n');
    files.push(join(dir, file));
    const sources = [...Object.values(s.dimensions), ...Object.values(s.tables)].map((p) => p.source);
    index.services.push({ id: s.id, file, asOf: s.asOf, source: sources[0] ?? 'price-list-api' });
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
  return files;
}

/** A catalog with refreshed services laid over (used for live lookups without touching disk). */
export function withOverlay(catalog: PriceCatalog, services: ServicePrices[]): PriceCatalog {
  const merged = new Map(catalog.services);
  for (const s of services) merged.set(s.id, overlayService(merged.get(s.id), s));
  return new PriceCatalog(catalog.index, merged, new Set([...catalog.refreshed, ...services.map((s) => s.id)]));
}
