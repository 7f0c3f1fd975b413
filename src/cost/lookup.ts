import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import type { PriceCatalog, Tier } from './catalog/load.js';
import type { CatalogSource } from './catalog/types.js';
import { checkRegion } from './estimate.js';

/** Component kinds and common names that map to a catalog price file. */
export const SERVICE_ALIASES: Record<string, string> = {
  'ecs-fargate': 'fargate',
  ecs: 'fargate',
  'apigateway-rest': 'apigateway',
  'apigateway-http': 'apigateway',
  'apigateway-websocket': 'apigateway',
  'api-gateway': 'apigateway',
  'step-functions': 'stepfunctions',
  states: 'stepfunctions',
  'secrets-manager': 'secretsmanager',
  'kinesis-streams': 'kinesis',
  'kinesis-firehose': 'firehose',
  'iot-core': 'iot',
  'transfer-family': 'transfer',
  'sagemaker-endpoint': 'sagemaker',
  'glue-job': 'glue',
  'ec2-asg': 'ec2',
  alb: 'elb',
  nlb: 'elb',
  nat: 'natgateway',
  'nat-gateway': 'natgateway',
  events: 'eventbridge',
  'data-transfer': 'datatransfer',
  docdb: 'documentdb',
  queueservice: 'sqs',
};

export interface PriceQuery {
  service: string;
  region: string;
  /** Instance, node or class type for table prices (m7g.large, db.r7g.large, cache.t4g.small). */
  instanceType?: string;
  /** Substring of a dimension or table id or description, e.g. "duration", "postgresql", "storage". */
  dimension?: string;
  /** Most rows returned (tables list many types). */
  limit?: number;
}

export interface PriceRow {
  service: string;
  kind: 'dimension' | 'instance';
  /** Dimension id, or table id for instance prices. */
  id: string;
  type?: string;
  region: string;
  description: string;
  unit: string;
  tiers: Tier[];
  source: CatalogSource;
  asOf: string;
  url?: string;
}

export interface PriceLookup {
  service: string;
  region: string;
  rows: PriceRow[];
  /** Dimensions matched but not offered in the region, with why. */
  unavailable: Array<{ id: string; reason: string }>;
  truncated: boolean;
}

export function resolveService(catalog: PriceCatalog, service: string, field = 'service'): string {
  const s = service.trim().toLowerCase();
  const id = SERVICE_ALIASES[s] ?? s;
  if (catalog.service(id)) return id;
  const known = [...catalog.services.keys(), ...Object.keys(SERVICE_ALIASES)];
  throw new UserError(field, `no prices for service '${service}'${didYouMean(service, known)}`, `Services: ${[...catalog.services.keys()].sort().join(', ')}.`);
}

/** Looks prices up in the catalog by service, region and optional type and dimension filter. */
export function lookupPrices(catalog: PriceCatalog, q: PriceQuery): PriceLookup {
  const service = resolveService(catalog, q.service);
  const s = catalog.service(service)!;
  const region = s.scope === 'region' ? checkRegion(q.region) : q.region;
  const limit = q.limit ?? 50;
  const filter = q.dimension?.toLowerCase();
  const match = (id: string, description: string) => !filter || id.toLowerCase().includes(filter) || description.toLowerCase().includes(filter);
  const rows: PriceRow[] = [];
  const unavailable: PriceLookup['unavailable'] = [];
  let truncated = false;

  if (q.instanceType) {
    const tables = Object.entries(s.tables).filter(([id, t]) => match(id, t.description));
    if (!tables.length) {
      throw new UserError('instanceType', `${service} has no instance prices${filter ? ` matching '${q.dimension}'` : ''}`, Object.keys(s.tables).length ? `Tables: ${Object.keys(s.tables).join(', ')}.` : 'Look up its dimensions without instanceType.');
    }
    const misses: string[] = [];
    for (const [id] of tables) {
      const hit = catalog.instance(service, id, region, q.instanceType);
      if (hit.ok) {
        const t = s.tables[id]!;
        rows.push({ service, kind: 'instance', id, type: hit.type, region, description: t.description, unit: hit.unit, tiers: [{ upTo: null, usd: hit.usd, ...(hit.rateCode ? { rateCode: hit.rateCode } : {}) }], source: hit.source, asOf: hit.asOf, ...(t.url ? { url: t.url } : {}) });
      } else {
        misses.push(hit.reason + (hit.suggestions.length ? ` (did you mean ${hit.suggestions.map((x) => `'${x}'`).join(' or ')}?)` : ''));
        unavailable.push({ id, reason: hit.reason });
      }
    }
    if (!rows.length) throw new UserError('instanceType', misses[0]!, 'Pick a type from the suggestions, or another region.');
    return { service, region, rows, unavailable, truncated };
  }

  const dims = Object.entries(s.dimensions).filter(([id, d]) => match(id, d.description));
  const tables = Object.entries(s.tables).filter(([id, t]) => match(id, t.description));
  if (!dims.length && !tables.length) {
    const ids = [...Object.keys(s.dimensions), ...Object.keys(s.tables)];
    throw new UserError('dimension', `no ${service} price matches '${q.dimension}'${didYouMean(q.dimension ?? '', ids)}`, `Dimensions: ${ids.join(', ')}.`);
  }
  for (const [id] of dims) {
    const look = catalog.dimension(service, id, region);
    if (look.ok) rows.push({ service, kind: 'dimension', id, region, description: look.description, unit: look.unit, tiers: look.tiers, source: look.source, asOf: look.asOf, ...(look.url ? { url: look.url } : {}) });
    else unavailable.push({ id, reason: look.reason });
  }
  for (const [id, t] of tables) {
    const types = Object.entries(t.regions[region] ?? {});
    if (!types.length) {
      unavailable.push({ id, reason: `no ${id} prices in ${region}` });
      continue;
    }
    for (const [type, [usd, rateCode]] of types) {
      if (rows.length >= limit) {
        truncated = true;
        break;
      }
      rows.push({ service, kind: 'instance', id, type, region, description: t.description, unit: t.unit, tiers: [{ upTo: null, usd, ...(rateCode ? { rateCode } : {}) }], source: t.source, asOf: t.asOf });
    }
  }
  return { service, region, rows: rows.slice(0, limit), unavailable, truncated: truncated || rows.length > limit };
}

