import { parse as parseCsv } from 'csv-parse/sync';

/** One on-demand price step of a Price List product. */
export interface PriceDimension {
  rateCode: string;
  unit: string;
  description: string;
  beginRange: number;
  /** Infinity for "Inf". */
  endRange: number;
  usd: number;
}

/**
 * A Price List product with its on-demand terms, whatever it came from: a GetProducts `PriceList` string, a bulk
 * offer file (JSON `products` + `terms`, or CSV rows). Reserved terms are ignored.
 */
export interface PriceListProduct {
  sku: string;
  serviceCode: string;
  productFamily: string;
  attributes: Record<string, string>;
  /** On-demand steps sorted by `beginRange`. */
  onDemand: PriceDimension[];
  effectiveDate?: string;
  publicationDate?: string;
}

interface RawTerm {
  effectiveDate?: string;
  priceDimensions?: Record<string, { rateCode?: string; unit?: string; description?: string; beginRange?: string; endRange?: string; pricePerUnit?: Record<string, string> }>;
}

function num(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  if (v === 'Inf') return Infinity;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

function dimensionsOf(terms: Record<string, RawTerm> | undefined): { dims: PriceDimension[]; effectiveDate?: string } {
  const dims: PriceDimension[] = [];
  let effectiveDate: string | undefined;
  // Normally one term keyed SKU.JRTCKXETXF; iterate rather than rely on the key.
  for (const term of Object.values(terms ?? {})) {
    effectiveDate ??= term.effectiveDate;
    for (const d of Object.values(term.priceDimensions ?? {})) {
      const usd = d.pricePerUnit?.USD;
      if (usd === undefined) continue;
      dims.push({ rateCode: d.rateCode ?? '', unit: d.unit ?? '', description: d.description ?? '', beginRange: num(d.beginRange, 0), endRange: num(d.endRange, Infinity), usd: Number(usd) });
    }
  }
  dims.sort((a, b) => a.beginRange - b.beginRange);
  return { dims, ...(effectiveDate ? { effectiveDate } : {}) };
}

/** Parses one GetProducts item (the JSON string the API returns, or the object after JSON.parse). */
export function parsePriceListItem(item: string | Record<string, unknown>): PriceListProduct {
  const o = (typeof item === 'string' ? JSON.parse(item) : item) as {
    product?: { sku?: string; productFamily?: string; attributes?: Record<string, string> };
    serviceCode?: string;
    terms?: { OnDemand?: Record<string, RawTerm> };
    publicationDate?: string;
  };
  if (!o.product?.sku) throw new Error('Price List item has no product.sku');
  const { dims, effectiveDate } = dimensionsOf(o.terms?.OnDemand);
  return {
    sku: o.product.sku,
    serviceCode: o.serviceCode ?? o.product.attributes?.servicecode ?? '',
    productFamily: o.product.productFamily ?? '',
    attributes: o.product.attributes ?? {},
    onDemand: dims,
    ...(effectiveDate ? { effectiveDate } : {}),
    ...(o.publicationDate ? { publicationDate: o.publicationDate } : {}),
  };
}

/** Parses a whole GetProducts response page (`{ PriceList: string[] }`). */
export function parseGetProductsResponse(response: { PriceList?: Array<string | Record<string, unknown>> }): PriceListProduct[] {
  return (response.PriceList ?? []).map(parsePriceListItem);
}

/** Parses a bulk offer file in JSON (`/offers/v1.0/aws/<Code>/current/<region>/index.json`). */
export function parseBulkOfferJson(text: string): PriceListProduct[] {
  const o = JSON.parse(text) as {
    offerCode?: string;
    publicationDate?: string;
    products?: Record<string, { sku: string; productFamily?: string; attributes?: Record<string, string> }>;
    terms?: { OnDemand?: Record<string, Record<string, RawTerm>> };
  };
  const out: PriceListProduct[] = [];
  for (const [sku, p] of Object.entries(o.products ?? {})) {
    const { dims, effectiveDate } = dimensionsOf(o.terms?.OnDemand?.[sku]);
    out.push({
      sku,
      serviceCode: o.offerCode ?? p.attributes?.servicecode ?? '',
      productFamily: p.productFamily ?? '',
      attributes: p.attributes ?? {},
      onDemand: dims,
      ...(effectiveDate ? { effectiveDate } : {}),
      ...(o.publicationDate ? { publicationDate: o.publicationDate } : {}),
    });
  }
  return out;
}

/** Columns of a bulk CSV that are term/price fields; every other column is a product attribute. */
const TERM_COLUMNS = new Set(['SKU', 'OfferTermCode', 'RateCode', 'TermType', 'PriceDescription', 'EffectiveDate', 'StartingRange', 'EndingRange', 'Unit', 'PricePerUnit', 'Currency', 'Product Family', 'LeaseContractLength', 'PurchaseOption', 'OfferingClass']);

/** CSV headers are display names ("Region Code", "usageType"); attributes are camelCase ("regionCode", "usagetype"). */
function attributeName(column: string): string {
  const parts = column.split(/\s+/);
  const camel = parts[0]!.charAt(0).toLowerCase() + parts[0]!.slice(1) + parts.slice(1).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  return camel === 'usageType' ? 'usagetype' : camel;
}

/**
 * Parses a bulk offer file in CSV: five metadata lines (FormatVersion, Disclaimer, Publication Date, Version,
 * OfferCode), then a header and one row per price step. Rows of the same SKU and on-demand term are grouped.
 */
export function parseBulkOfferCsv(text: string): PriceListProduct[] {
  const records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const meta = new Map<string, string>();
  let i = 0;
  for (; i < records.length && records[i]!.length <= 2 && records[i]![0] !== 'SKU'; i++) meta.set(records[i]![0]!, records[i]![1] ?? '');
  const header = records[i];
  if (!header || header[0] !== 'SKU') throw new Error('bulk offer CSV: header row (SKU, OfferTermCode, ...) not found');
  const col = new Map(header.map((h, k) => [h, k]));
  const at = (row: string[], name: string) => row[col.get(name) ?? -1] ?? '';
  const bySku = new Map<string, PriceListProduct>();
  for (const row of records.slice(i + 1)) {
    if (at(row, 'TermType') !== 'OnDemand' || at(row, 'Currency') !== 'USD') continue;
    const sku = at(row, 'SKU');
    let p = bySku.get(sku);
    if (!p) {
      const attributes: Record<string, string> = {};
      header.forEach((h, k) => {
        if (!TERM_COLUMNS.has(h) && row[k] !== undefined && row[k] !== '') attributes[attributeName(h)] = row[k]!;
      });
      p = {
        sku,
        serviceCode: attributes.serviceCode ?? meta.get('OfferCode') ?? '',
        productFamily: at(row, 'Product Family'),
        attributes,
        onDemand: [],
        ...(at(row, 'EffectiveDate') ? { effectiveDate: at(row, 'EffectiveDate') } : {}),
        ...(meta.get('Publication Date') ? { publicationDate: meta.get('Publication Date')! } : {}),
      };
      bySku.set(sku, p);
    }
    p.onDemand.push({ rateCode: at(row, 'RateCode'), unit: at(row, 'Unit'), description: at(row, 'PriceDescription'), beginRange: num(at(row, 'StartingRange'), 0), endRange: num(at(row, 'EndingRange'), Infinity), usd: Number(at(row, 'PricePerUnit')) });
  }
  for (const p of bySku.values()) p.onDemand.sort((a, b) => a.beginRange - b.beginRange);
  return [...bySku.values()];
}
