import { parseBulkOfferCsv, type PriceListProduct } from '../cost/pricelist/parse.js';
import type { ProductSource } from '../cost/refresh.js';
import { UserError } from '../shared/errors.js';

/** Public, unsigned bulk offer files: no credentials needed. */
export const BULK_BASE_URL = 'https://pricing.us-east-1.amazonaws.com';

export type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * Reads the per-region CSV offer file of a service (`/offers/v1.0/aws/<Code>/current/<region>/index.csv`); the
 * all-region files are gigabytes, so they are never used. Downloads are memoised per service and region.
 */
export function bulkOfferSource(fetchImpl: Fetch = fetch as unknown as Fetch, baseUrl = BULK_BASE_URL): ProductSource {
  const memo = new Map<string, Promise<PriceListProduct[]>>();
  const load = async (serviceCode: string, region: string): Promise<PriceListProduct[]> => {
    const url = `${baseUrl}/offers/v1.0/aws/${serviceCode}/current/${region}/index.csv`;
    let res;
    try {
      res = await fetchImpl(url, { signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new UserError('source', `cannot download the bulk offer file ${url} (${cause})`, 'The public price files need internet access to pricing.us-east-1.amazonaws.com; use --source api with credentials, or keep the bundled catalog.');
    }
    if (!res.ok) throw new UserError('source', `bulk offer file ${url} answered HTTP ${res.status}`, 'Check the region is one where the service is offered.');
    return parseBulkOfferCsv(await res.text());
  };
  return {
    kind: 'bulk-offer-file',
    products(serviceCode, region) {
      const key = `${serviceCode}/${region}`;
      let p = memo.get(key);
      if (!p) {
        p = load(serviceCode, region);
        memo.set(key, p);
      }
      return p;
    },
  };
}
