import type { PriceCatalog } from '../catalog/load.js';
import type { CatalogSource, RegionPrices, ServicePrices } from '../catalog/types.js';
import type { PriceListProduct } from './parse.js';

/**
 * How a catalog price is found in the AWS Price List: the service code and exact-match filters for GetProducts
 * (always with `regionCode`), plus a predicate over the returned products. usagetype prefixes differ by region
 * (USE1-, EU-, APS3-, ...), so usagetypes are matched by suffix. Recipes follow
 * ../shared/notes/pricing-data.md section 6.
 */
export interface Recipe {
  catalog: string;
  /** Dimension id, or table id when `typeAttr` is set. */
  id: string;
  serviceCode: string;
  filters: Record<string, string>;
  usagetype?: RegExp;
  group?: string;
  /** Attributes that must match exactly (case-insensitive) on the product. */
  attrs?: Record<string, string>;
  /** For instance tables: the attribute holding the type. */
  typeAttr?: 'instanceType';
}

const EC2_LINUX = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', licenseModel: 'No License required', capacitystatus: 'Used', marketoption: 'OnDemand' };

export const RECIPES: Recipe[] = [
  { catalog: 'lambda', id: 'requests-x86_64', serviceCode: 'AWSLambda', filters: { group: 'AWS-Lambda-Requests' }, group: 'AWS-Lambda-Requests' },
  { catalog: 'lambda', id: 'requests-arm64', serviceCode: 'AWSLambda', filters: { group: 'AWS-Lambda-Requests-ARM' }, group: 'AWS-Lambda-Requests-ARM' },
  { catalog: 'lambda', id: 'duration-x86_64', serviceCode: 'AWSLambda', filters: { group: 'AWS-Lambda-Duration' }, group: 'AWS-Lambda-Duration' },
  { catalog: 'lambda', id: 'duration-arm64', serviceCode: 'AWSLambda', filters: { group: 'AWS-Lambda-Duration-ARM' }, group: 'AWS-Lambda-Duration-ARM' },
  { catalog: 'fargate', id: 'vcpu-x86_64', serviceCode: 'AmazonECS', filters: {}, usagetype: /(^|-)Fargate-vCPU-Hours:perCPU$/ },
  { catalog: 'fargate', id: 'memory-x86_64', serviceCode: 'AmazonECS', filters: {}, usagetype: /(^|-)Fargate-GB-Hours$/ },
  { catalog: 'fargate', id: 'vcpu-arm64', serviceCode: 'AmazonECS', filters: {}, usagetype: /(^|-)Fargate-ARM-vCPU-Hours:perCPU$/ },
  { catalog: 'fargate', id: 'memory-arm64', serviceCode: 'AmazonECS', filters: {}, usagetype: /(^|-)Fargate-ARM-GB-Hours$/ },
  { catalog: 'ec2', id: 'linux', serviceCode: 'AmazonEC2', filters: { ...EC2_LINUX, productFamily: 'Compute Instance' }, attrs: EC2_LINUX, typeAttr: 'instanceType' },
  { catalog: 'ebs', id: 'gp3-storage', serviceCode: 'AmazonEC2', filters: { productFamily: 'Storage', volumeApiName: 'gp3' }, usagetype: /(^|-)EBS:VolumeUsage\.gp3$/ },
  { catalog: 'ebs', id: 'gp2-storage', serviceCode: 'AmazonEC2', filters: { productFamily: 'Storage', volumeApiName: 'gp2' }, usagetype: /(^|-)EBS:VolumeUsage\.gp2$/ },
  { catalog: 'natgateway', id: 'hours', serviceCode: 'AmazonEC2', filters: { productFamily: 'NAT Gateway' }, usagetype: /(^|-)NatGateway-Hours$/ },
  { catalog: 'natgateway', id: 'data-processed', serviceCode: 'AmazonEC2', filters: { productFamily: 'NAT Gateway' }, usagetype: /(^|-)NatGateway-Bytes$/ },
  { catalog: 'apigateway', id: 'rest-requests', serviceCode: 'AmazonApiGateway', filters: { productFamily: 'API Calls' }, usagetype: /(^|-)ApiGatewayRequest$/ },
  { catalog: 'apigateway', id: 'http-requests', serviceCode: 'AmazonApiGateway', filters: { productFamily: 'API Calls' }, usagetype: /(^|-)ApiGatewayHttpRequest$/ },
  { catalog: 'apigateway', id: 'websocket-messages', serviceCode: 'AmazonApiGateway', filters: { productFamily: 'WebSocket' }, usagetype: /(^|-)ApiGatewayMessage$/ },
  { catalog: 'apigateway', id: 'websocket-connection-minutes', serviceCode: 'AmazonApiGateway', filters: { productFamily: 'WebSocket' }, usagetype: /(^|-)ApiGatewayMinute$/ },
  { catalog: 'dynamodb', id: 'ondemand-reads', serviceCode: 'AmazonDynamoDB', filters: { group: 'DDB-ReadUnits' }, usagetype: /(^|-)ReadRequestUnits$/ },
  { catalog: 'dynamodb', id: 'ondemand-writes', serviceCode: 'AmazonDynamoDB', filters: { group: 'DDB-WriteUnits' }, usagetype: /(^|-)WriteRequestUnits$/ },
  { catalog: 'dynamodb', id: 'storage', serviceCode: 'AmazonDynamoDB', filters: { productFamily: 'Database Storage' }, usagetype: /(^|-)(?<!IA-)TimedStorage-ByteHrs$/ },
  { catalog: 's3', id: 'standard-storage', serviceCode: 'AmazonS3', filters: { productFamily: 'Storage', volumeType: 'Standard' }, usagetype: /(^|-)TimedStorage-ByteHrs$/ },
  { catalog: 's3', id: 'put-requests', serviceCode: 'AmazonS3', filters: { productFamily: 'API Request' }, usagetype: /(^|-)Requests-Tier1$/ },
  { catalog: 's3', id: 'get-requests', serviceCode: 'AmazonS3', filters: { productFamily: 'API Request' }, usagetype: /(^|-)Requests-Tier2$/ },
  { catalog: 'sqs', id: 'standard-requests', serviceCode: 'AWSQueueService', filters: { queueType: 'Standard' }, usagetype: /(^|-)Requests-RBP$/ },
  { catalog: 'sns', id: 'publishes', serviceCode: 'AmazonSNS', filters: { productFamily: 'API Request' }, usagetype: /(^|-)Requests-Tier1$/ },
  { catalog: 'elb', id: 'alb-hours', serviceCode: 'AWSELB', filters: { productFamily: 'Load Balancer-Application' }, usagetype: /(^|-)LoadBalancerUsage$/ },
  { catalog: 'elb', id: 'alb-lcu-hours', serviceCode: 'AWSELB', filters: { productFamily: 'Load Balancer-Application' }, usagetype: /(^|-)LCUUsage$/ },
  { catalog: 'cloudwatch', id: 'logs-ingested', serviceCode: 'AmazonCloudWatch', filters: { productFamily: 'Data Payload' }, usagetype: /(^|-)DataProcessing-Bytes$/ },
  { catalog: 'kms', id: 'keys', serviceCode: 'awskms', filters: { productFamily: 'Encryption Key' }, usagetype: /(^|-)KMS-Keys$/ },
  { catalog: 'secretsmanager', id: 'secrets', serviceCode: 'AWSSecretsManager', filters: { productFamily: 'Secret' }, usagetype: /(^|-)AWSSecretsManager-Secrets$/ },
  { catalog: 'datatransfer', id: 'out-internet', serviceCode: 'AWSDataTransfer', filters: { transferType: 'AWS Outbound' }, usagetype: /(^|-)DataTransfer-Out-Bytes$/ },
];

/** The recipes that refresh one catalog service (all of them when none is named). */
export function recipesFor(catalog?: string): Recipe[] {
  return catalog ? RECIPES.filter((r) => r.catalog === catalog) : RECIPES;
}

/** Does a Price List product belong to a recipe? Region filtering is done by the caller (regionCode). */
export function matches(recipe: Recipe, p: PriceListProduct): boolean {
  if (p.serviceCode && p.serviceCode !== recipe.serviceCode) return false;
  const a = p.attributes;
  if (recipe.group && a.group !== recipe.group) return false;
  if (recipe.usagetype && !recipe.usagetype.test(a.usagetype ?? '')) return false;
  // The API applies the filters itself; bulk files are filtered here, so check them against the product too.
  for (const [k, v] of Object.entries({ ...recipe.filters, ...recipe.attrs })) {
    const have = k === 'productFamily' ? p.productFamily : a[k];
    if (have !== undefined && have.toLowerCase() !== v.toLowerCase()) return false;
  }
  return p.onDemand.length > 0;
}

/** Region code of a product: `regionCode`, or older items' `location`. */
export function productRegion(p: PriceListProduct, byLocation: (l: string) => string | undefined): string | undefined {
  return p.attributes.regionCode ?? byLocation(p.attributes.location ?? '');
}

/**
 * Prices of one catalog dimension from matched products, aligned with the catalog's tier bounds: each catalog tier
 * takes the first paid step covering its lower bound. $0 steps (free allowances) are never read as prices.
 */
export function tiersFromProducts(bounds: Array<number | null>, products: PriceListProduct[]): RegionPrices | undefined {
  const steps = products.flatMap((p) => p.onDemand).filter((d) => d.usd > 0).sort((a, b) => a.beginRange - b.beginRange);
  if (!steps.length) return undefined;
  const out: RegionPrices = [];
  let lower = 0;
  for (const upTo of bounds) {
    const step = steps.find((s) => s.beginRange <= lower && lower < s.endRange) ?? steps.find((s) => s.beginRange >= lower) ?? steps[steps.length - 1]!;
    out.push([step.usd, step.rateCode]);
    lower = upTo ?? Infinity;
  }
  return out;
}

/**
 * Builds an overlay service file from Price List products for one region: only what the recipes find is set; the
 * bundled prices remain underneath for everything else.
 */
export function overlayFromProducts(
  catalog: PriceCatalog,
  catalogId: string,
  region: string,
  products: PriceListProduct[],
  source: Extract<CatalogSource, 'price-list-api' | 'bulk-offer-file'>,
): { service: ServicePrices; found: string[]; missing: string[] } {
  const base = catalog.service(catalogId);
  const date = products.map((p) => p.publicationDate ?? p.effectiveDate ?? '').filter(Boolean).sort().pop()?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  const service: ServicePrices = { id: catalogId, name: base?.name ?? catalogId, asOf: date, origin: `AWS Price List (${source})`, scope: base?.scope ?? 'region', dimensions: {}, tables: {} };
  const found: string[] = [];
  const missing: string[] = [];
  for (const r of recipesFor(catalogId)) {
    const hits = products.filter((p) => matches(r, p));
    if (r.typeAttr) {
      const def = base?.tables[r.id];
      const types: Record<string, [number, string?]> = {};
      for (const p of hits) {
        const type = p.attributes[r.typeAttr];
        const step = p.onDemand.find((d) => d.usd > 0);
        if (type && step && types[type] === undefined) types[type] = [step.usd, step.rateCode];
      }
      if (Object.keys(types).length) {
        service.tables[r.id] = { unit: def?.unit ?? 'hours', description: def?.description ?? r.id, regions: { [region]: types }, source, asOf: date };
        found.push(r.id);
      } else missing.push(r.id);
      continue;
    }
    const def = base?.dimensions[r.id];
    const prices = tiersFromProducts(def ? def.tiers.map((t) => t.upTo) : [null], hits);
    if (prices) {
      service.dimensions[r.id] = {
        unit: def?.unit ?? hits[0]!.onDemand[0]!.unit,
        description: def?.description ?? r.id,
        tiers: def?.tiers ?? [{ upTo: null, label: r.id }],
        regions: { [region]: prices },
        source,
        asOf: date,
        provenance: { file: `${r.serviceCode} ${JSON.stringify(r.filters)}`, format: 'price-list' },
      };
      found.push(r.id);
    } else missing.push(r.id);
  }
  return { service, found, missing };
}
