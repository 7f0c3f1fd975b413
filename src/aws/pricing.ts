import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetProductsCommand, PricingClient, type Filter } from '@aws-sdk/client-pricing';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { parseGetProductsResponse, type PriceListProduct } from '../cost/pricelist/parse.js';
import type { ProductSource } from '../cost/refresh.js';
import { UserError } from '../shared/errors.js';
import { writeAtomic } from '../shared/fs-safe.js';

/** The Price List API is served from us-east-1 (also eu-central-1 and ap-south-1); the region filter picks the prices. */
const PRICING_ENDPOINT_REGION = 'us-east-1';

export interface LivePricingOptions {
  /** Named profile for the default credential chain. */
  profile?: string;
  /** Folder for the disk cache (`<cacheDir>/pricing/`). */
  cacheDir: string;
  /** Hours a cached response stays fresh. */
  ttlHours: number;
  /** Injected client (tests replay recorded responses through aws-sdk-client-mock). */
  client?: PricingClient;
  now?: () => number;
}

interface CacheEntry {
  fetchedAt: number;
  serviceCode: string;
  filters: Record<string, string>;
  priceList: string[];
}

/** Thrown when no AWS credentials are available: the caller falls back to the bundled catalog and says so. */
export class NoCredentialsError extends UserError {
  constructor(detail: string) {
    super('live', `live pricing needs AWS credentials with pricing:GetProducts (${detail})`, 'Configure a profile (--aws-profile) or environment credentials; the bundled catalog is used meanwhile.');
  }
}

function isCredentialsError(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  const msg = (e as Error)?.message ?? '';
  return /CredentialsProviderError|ExpiredToken|UnrecognizedClient|InvalidClientTokenId|AccessDenied/i.test(name) || /Could not load credentials|credential/i.test(msg);
}

/**
 * GetProducts with TERM_MATCH filters, all pages, cached on disk for `ttlHours`. Every PriceList element is a JSON
 * string; they are parsed into products.
 */
export class LivePricing {
  private readonly client: PricingClient;
  constructor(private readonly options: LivePricingOptions) {
    this.client =
      options.client ??
      new PricingClient({ region: PRICING_ENDPOINT_REGION, credentials: fromNodeProviderChain(options.profile ? { profile: options.profile } : {}), maxAttempts: 3 });
  }

  private cachePath(serviceCode: string, filters: Record<string, string>): string {
    const key = createHash('sha256').update(JSON.stringify([serviceCode, Object.entries(filters).sort()])).digest('hex').slice(0, 32);
    return join(this.options.cacheDir, 'pricing', `${serviceCode}-${key}.json`);
  }

  async getProducts(serviceCode: string, filters: Record<string, string>): Promise<{ products: PriceListProduct[]; cached: boolean; fetchedAt: number }> {
    const now = (this.options.now ?? Date.now)();
    const path = this.cachePath(serviceCode, filters);
    const hit = await readFile(path, 'utf8').then((t) => JSON.parse(t) as CacheEntry, () => undefined);
    if (hit && now - hit.fetchedAt < this.options.ttlHours * 3600_000) {
      return { products: parseGetProductsResponse({ PriceList: hit.priceList }), cached: true, fetchedAt: hit.fetchedAt };
    }
    const priceList: string[] = [];
    let token: string | undefined;
    const Filters: Filter[] = Object.entries(filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value }));
    try {
      do {
        const page = await this.client.send(new GetProductsCommand({ ServiceCode: serviceCode, Filters, FormatVersion: 'aws_v1', MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
        for (const item of page.PriceList ?? []) priceList.push(typeof item === 'string' ? item : JSON.stringify(item));
        token = page.NextToken;
      } while (token);
    } catch (e) {
      if (isCredentialsError(e)) throw new NoCredentialsError((e as Error).message.split('\n')[0]!);
      throw e;
    }
    await writeAtomic(path, JSON.stringify({ fetchedAt: now, serviceCode, filters, priceList } satisfies CacheEntry));
    return { products: parseGetProductsResponse({ PriceList: priceList }), cached: false, fetchedAt: now };
  }

  /** This client as a product source for `refreshPrices`. */
  source(): ProductSource {
    return { kind: 'price-list-api', products: async (serviceCode, _region, filters) => (await this.getProducts(serviceCode, filters)).products };
  }
}
