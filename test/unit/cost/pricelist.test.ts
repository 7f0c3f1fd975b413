process.env.AWS_EC2_METADATA_DISABLED = 'true';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { bulkOfferSource } from '../../../src/aws/pricing-bulk.js';
import { LivePricing, NoCredentialsError } from '../../../src/aws/pricing.js';
import { loadPriceCatalog } from '../../../src/cost/catalog/load.js';
import { parseBulkOfferCsv, parseGetProductsResponse, parsePriceListItem } from '../../../src/cost/pricelist/parse.js';
import { RECIPES, matches } from '../../../src/cost/pricelist/recipes.js';
import { refreshPrices, withOverlay, writeOverlay } from '../../../src/cost/refresh.js';
import { isUserError } from '../../../src/shared/errors.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { testCatalog } from './helpers.js';

const sample = (name: string) => readFileSync(join(FIXTURES_DIR, 'prices', name), 'utf8');
const lambdaResponse = JSON.parse(sample('getproducts__AWSLambda__usagetype=APN1-Request__2022-12.json'));
const ec2Response = JSON.parse(sample('getproducts__AmazonEC2__t2.micro_linux_eu-west-1__2021-01__abridged.json'));

describe('Price List parsing (recorded responses)', () => {
  it('parses a GetProducts page: JSON strings, on-demand terms into tiers, reserved terms ignored', () => {
    const [p] = parseGetProductsResponse(ec2Response);
    expect(p!.sku).toBe('STTHYT3WDDQU8UBR');
    expect(p!.attributes.instanceType).toBe('t2.micro');
    expect(p!.onDemand).toEqual([{ rateCode: 'STTHYT3WDDQU8UBR.JRTCKXETXF.6YS6EN2CT7', unit: 'Hrs', description: '$0.0126 per On Demand Linux t2.micro Instance Hour', beginRange: 0, endRange: Infinity, usd: 0.0126 }]);
    const [l] = parseGetProductsResponse(lambdaResponse);
    expect(l!.attributes.regionCode).toBe('ap-northeast-1');
    expect(l!.onDemand[0]!.usd).toBe(0.0000002);
    expect(RECIPES.filter((r) => matches(r, l!)).map((r) => r.id)).toEqual(['requests-x86_64']);
  });

  it('keeps only Linux, shared, licence-free, used-capacity EC2 rows (the real eu-west-2 items)', () => {
    const items = JSON.parse(sample('pricelist-items__AmazonEC2__eu-west-2__2026-02__parsed.json')).items.map(parsePriceListItem);
    const ec2 = RECIPES.find((r) => r.catalog === 'ec2')!;
    expect(items).toHaveLength(3);
    expect(items.filter((p: any) => matches(ec2, p))).toEqual([]);
  });

  it('parses a bulk CSV offer file: metadata lines, header, ranges grouped per SKU', () => {
    const products = parseBulkOfferCsv(sample('bulk-offer-file__comprehend__ap-south-1__2026-01-16__head.csv'));
    const pii = products.find((p) => p.sku === '3AXMQWKDDFYP7NT5')!;
    expect(pii.serviceCode).toBe('comprehend');
    expect(pii.attributes.regionCode).toBe('ap-south-1');
    expect(pii.attributes.usagetype).toBe('APS3-DetectPiiEntities');
    expect(pii.publicationDate).toBe('2026-01-16T16:02:58Z');
    expect(pii.onDemand.map((d) => [d.beginRange, d.endRange, d.usd])).toEqual([
      [0, 10_000_000, 0.0001],
      [10_000_000, 50_000_000, 0.00005],
      [50_000_000, 100_000_000, 0.000025],
      [100_000_000, Infinity, 0.000005],
    ]);
  });
});

describe('live pricing through @aws-sdk/client-pricing (replayed with aws-sdk-client-mock)', () => {
  it('pages through GetProducts with TERM_MATCH filters, caches on disk, and refreshes after the TTL', async () => {
    const mock = mockClient(PricingClient);
    const half = { ...lambdaResponse, PriceList: [], NextToken: 'page-2' };
    mock.on(GetProductsCommand, { NextToken: undefined }).resolves(half).on(GetProductsCommand, { NextToken: 'page-2' }).resolves(lambdaResponse);
    let now = 1_000_000;
    const live = new LivePricing({ cacheDir: mkdtempSync(join(tmpdir(), 'aba-price-')), ttlHours: 24, client: new PricingClient({ region: 'us-east-1' }), now: () => now });
    const first = await live.getProducts('AWSLambda', { regionCode: 'ap-northeast-1', group: 'AWS-Lambda-Requests' });
    expect(first.cached).toBe(false);
    expect(first.products).toHaveLength(1);
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(2);
    const input = mock.commandCalls(GetProductsCommand)[0]!.args[0].input;
    expect(input.Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'ap-northeast-1' },
      { Type: 'TERM_MATCH', Field: 'group', Value: 'AWS-Lambda-Requests' },
    ]);
    const second = await live.getProducts('AWSLambda', { group: 'AWS-Lambda-Requests', regionCode: 'ap-northeast-1' });
    expect(second.cached).toBe(true);
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(2);
    now += 25 * 3600_000;
    expect((await live.getProducts('AWSLambda', { regionCode: 'ap-northeast-1', group: 'AWS-Lambda-Requests' })).cached).toBe(false);
    mock.restore();
  });

  it('re-derives catalog prices from the API and marks them price-list-api with their date', async () => {
    const mock = mockClient(PricingClient);
    mock.on(GetProductsCommand, { ServiceCode: 'AWSLambda' }).callsFake((input) => (input.Filters.some((f: any) => f.Value === 'AWS-Lambda-Requests') ? lambdaResponse : { PriceList: [] }));
    const catalog = await testCatalog();
    const live = new LivePricing({ cacheDir: mkdtempSync(join(tmpdir(), 'aba-price-')), ttlHours: 1, client: new PricingClient({ region: 'us-east-1' }) });
    const r = await refreshPrices(catalog, live.source(), ['ap-northeast-1'], ['lambda']);
    expect(r.report[0]).toMatch(/lambda ap-northeast-1: 1 refreshed \(requests-x86_64\); kept bundled: requests-arm64, duration-x86_64, duration-arm64/);
    const merged = withOverlay(catalog, r.services);
    const look = merged.dimension('lambda', 'requests-x86_64', 'ap-northeast-1');
    expect(look.ok && look.source).toBe('price-list-api');
    expect(look.ok && look.asOf).toBe('2022-12-14');
    expect(look.ok && look.tiers[0]!.rateCode).toBe('3BE8DYKG4FYSZGDW.JRTCKXETXF.6YS6EN2CT7');
    // Everything else keeps its bundled price.
    expect(merged.dimension('lambda', 'duration-arm64', 'ap-northeast-1').source).toBe('bundled-catalog');
    // Written to disk and laid over the bundled catalog by the loader.
    const dir = mkdtempSync(join(tmpdir(), 'aba-overlay-'));
    await writeOverlay(dir, r.services, 'test');
    const reloaded = await loadPriceCatalog({ overlayDir: dir });
    expect(reloaded.refreshed.has('lambda')).toBe(true);
    expect(reloaded.dimension('lambda', 'requests-x86_64', 'ap-northeast-1').source).toBe('price-list-api');
    expect(reloaded.dimension('lambda', 'requests-x86_64', 'us-east-1').source).toBe('bundled-catalog');
    mock.restore();
  });

  it('turns missing credentials into a clear user error', async () => {
    const mock = mockClient(PricingClient);
    mock.on(GetProductsCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const live = new LivePricing({ cacheDir: mkdtempSync(join(tmpdir(), 'aba-price-')), ttlHours: 1, client: new PricingClient({ region: 'us-east-1' }) });
    const e = await live.getProducts('AWSLambda', { regionCode: 'us-east-1' }).catch((x) => x);
    expect(e).toBeInstanceOf(NoCredentialsError);
    expect(e.describe()).toMatch(/^live: live pricing needs AWS credentials/);
    mock.restore();
  });
});

describe('bulk offer files', () => {
  it('reads the per-region CSV file and reports a network failure clearly', async () => {
    const csv = sample('bulk-offer-file__comprehend__ap-south-1__2026-01-16__head.csv');
    const urls: string[] = [];
    const ok = bulkOfferSource(async (url) => {
      urls.push(url);
      return { ok: true, status: 200, text: async () => csv };
    });
    expect((await ok.products('comprehend', 'ap-south-1', {})).length).toBe(2);
    await ok.products('comprehend', 'ap-south-1', {});
    expect(urls).toEqual(['https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/comprehend/current/ap-south-1/index.csv']);
    const offline = bulkOfferSource(async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    });
    const e = await offline.products('AWSLambda', 'us-east-1', {}).catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect(e.describe()).toMatch(/cannot download the bulk offer file .*AWSLambda\/current\/us-east-1\/index.csv \(ENOTFOUND\)/);
  });
});
