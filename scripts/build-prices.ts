/**
 * Builds the bundled price catalog from the raw AWS price data (see ../shared/notes/pricing-data.md).
 *
 * Inputs (read-only, not shipped): the pricing-page feeds snapshotted by v0rts/aws-price-watcher (2025-12-06),
 * lamngockhuong/aws-price (NAT Gateway, Fargate, EKS; 2025-11-04) and the Karpenter EC2 list for us-east-1
 * (2026-07-20). Output: one compact JSON per service in src/cost/data/ plus index.json.
 *
 * Derivation is a fixed table: (feed file, label or label pattern) -> catalog dimension with unit and tier bounds.
 * Tier bounds come from the published price pages (the feeds do not state them) except where the feed gives
 * ranges. Labels that are free tiers or $0 placeholders are never read as prices: free tiers are constants in
 * src/cost/free-tier.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { REGIONS } from '../src/model/region-data.js';
import { CURATED_DIMENSIONS, CURATED_SERVICES, CURATED_TABLES } from '../src/cost/catalog/curated.js';
import type { CatalogDimension, CatalogIndex, CatalogTable, Provenance, RegionPrices, ServicePrices, TierDef } from '../src/cost/catalog/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// When bundled, import.meta.url points into node_modules/.cache/scripts; find the package root from the cwd.
const PKG = existsSync(join(process.cwd(), 'package.json')) ? process.cwd() : ROOT;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DATA = resolve(arg('data') ?? join(PKG, '..', 'shared', 'data', 'prices'));
const OUT = resolve(arg('out') ?? join(PKG, 'src', 'cost', 'data'));

const V0 = 'aws-price-watcher__v0rts__2025-12-06';
const LAM = 'lamngockhuong-aws-price__2025-11-04';
const KARPENTER = 'karpenter-ec2-linux-ondemand-us-east-1-2026-07-20.csv';

const LOCATIONS = new Map<string, string>(REGIONS.map((r) => [r.location, r.code]));
const warnings: string[] = [];

// ---------------------------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------------------------

interface RawEntry {
  price: number;
  rateCode?: string;
  attrs: Record<string, string>;
}
interface RawFeed {
  date: string;
  /** location -> label -> entry (hash twins skipped). */
  regions: Map<string, Map<string, RawEntry>>;
  sets: Record<string, string[]>;
}

const rawCache = new Map<string, RawFeed>();
function raw(file: string): RawFeed {
  let feed = rawCache.get(file);
  if (feed) return feed;
  const json = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as {
    manifest: { hawkFilePublicationDate: string };
    sets?: Record<string, string[]>;
    regions: Record<string, Record<string, Record<string, string>>>;
  };
  const regions = new Map<string, Map<string, RawEntry>>();
  for (const [loc, entries] of Object.entries(json.regions)) {
    const m = new Map<string, RawEntry>();
    for (const [label, e] of Object.entries(entries)) {
      // Each price appears twice: under its label and under a hash equal to its RegionlessRateCode.
      if (e.RegionlessRateCode === label) continue;
      const { rateCode, price, RegionlessRateCode: _r, ...attrs } = e;
      m.set(label, { price: Number(price), ...(rateCode ? { rateCode } : {}), attrs });
    }
    regions.set(loc, m);
  }
  feed = { date: json.manifest.hawkFilePublicationDate.slice(0, 10), regions, sets: json.sets ?? {} };
  rawCache.set(file, feed);
  return feed;
}

interface ProcessedFeed {
  /** label -> list of {location, attrs, price}. */
  labels: Map<string, Array<{ location: string; attrs: Record<string, string>; price: number }>>;
}
const procCache = new Map<string, ProcessedFeed>();
const LOCATION_NAMES = [...LOCATIONS.keys()].sort((a, b) => b.length - a.length);
function splitKey(key: string): { location: string; attrs: Record<string, string> } | undefined {
  for (const loc of LOCATION_NAMES) {
    if (key === loc) return { location: loc, attrs: {} };
    if (key.startsWith(`${loc} (`) && key.endsWith(')')) {
      const attrs: Record<string, string> = {};
      for (const part of key.slice(loc.length + 2, -1).split(', ')) {
        const i = part.indexOf(': ');
        if (i > 0) attrs[part.slice(0, i)] = part.slice(i + 2);
      }
      return { location: loc, attrs };
    }
  }
  return undefined;
}
function processed(file: string): ProcessedFeed {
  let feed = procCache.get(file);
  if (feed) return feed;
  const json = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as Record<string, Record<string, string>>;
  const labels = new Map<string, Array<{ location: string; attrs: Record<string, string>; price: number }>>();
  for (const [label, byKey] of Object.entries(json)) {
    const rows: Array<{ location: string; attrs: Record<string, string>; price: number }> = [];
    for (const [key, value] of Object.entries(byKey)) {
      const k = splitKey(key);
      if (!k) continue;
      // Conflicting prices are joined with ';' by the flattener: the first is the current one.
      rows.push({ ...k, price: Number(String(value).split(';')[0]) });
    }
    labels.set(label, rows);
  }
  feed = { labels };
  procCache.set(file, feed);
  return feed;
}

/** Date of a processed file's last value change, from MANIFEST.tsv. */
function manifestDate(file: string): string {
  const line = readFileSync(join(DATA, 'MANIFEST.tsv'), 'utf8').split('\n').find((l) => l.startsWith(`${file}\t`));
  const m = line?.match(/last value change (\d{4}-\d{2}-\d{2})/) ?? line?.match(/AWS publication (\d{4}-\d{2}-\d{2})/);
  if (!m) throw new Error(`no date for ${file} in MANIFEST.tsv`);
  return m[1]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Dimension specs
// ---------------------------------------------------------------------------------------------------------------

interface DimSpec {
  unit: string;
  description: string;
  file: string;
  format: 'raw' | 'processed';
  /** One label per tier, in order; `upTo` in the dimension's unit over the monthly total. */
  tiers: Array<[label: string, upTo: number | null]>;
  /** Feed region key for global services ('Any', ''), or edge groups for CloudFront. */
  scopeKeys?: Record<string, string>;
}

const v0raw = (f: string) => `${V0}/raw/${f}.json`;
const v0proc = (f: string) => `${V0}/processed/${f}.json`;
const one = (label: string): Array<[string, number | null]> => [[label, null]];
const d = (unit: string, description: string, file: string, tiers: Array<[string, number | null]>, format: 'raw' | 'processed' = 'raw', scopeKeys?: Record<string, string>): DimSpec => ({
  unit,
  description,
  file,
  format,
  tiers,
  ...(scopeKeys ? { scopeKeys } : {}),
});

const EDGE_GROUPS = ['United States', 'Canada', 'EU', 'Japan', 'Asia Pacific', 'Australia', 'India', 'South America', 'Middle East', 'South Africa'];

interface ServiceSpec {
  name: string;
  scope: ServicePrices['scope'];
  dims: Record<string, DimSpec>;
}

const SERVICES: Record<string, ServiceSpec> = {
  lambda: {
    name: 'AWS Lambda',
    scope: 'region',
    dims: {
      'requests-x86_64': d('requests', 'Lambda invocations (x86_64)', v0raw('lambda'), one('Lambda Requests')),
      'requests-arm64': d('requests', 'Lambda invocations (arm64)', v0raw('lambda'), one('Lambda Requests-ARM')),
      'duration-x86_64': d('GB-seconds', 'Lambda compute duration (x86_64): first 6B, next 9B, over 15B GB-s per month', v0raw('lambda'), [
        ['Lambda Duration', 6e9],
        ['Lambda Duration Tier2', 15e9],
        ['Lambda Duration Tier3', null],
      ]),
      'duration-arm64': d('GB-seconds', 'Lambda compute duration (arm64): first 7.5B, next 11.25B, over 18.75B GB-s per month', v0raw('lambda'), [
        ['Lambda Duration-ARM', 7.5e9],
        ['Lambda Duration-ARM Tier2', 18.75e9],
        ['Lambda Duration-ARM Tier3', null],
      ]),
      'provisioned-concurrency-x86_64': d('GB-seconds', 'Provisioned concurrency kept warm (x86_64)', v0raw('lambda'), one('Lambda Provisioned-Concurrency')),
      'provisioned-concurrency-arm64': d('GB-seconds', 'Provisioned concurrency kept warm (arm64)', v0raw('lambda'), one('Lambda Provisioned-Concurrency-ARM')),
      'provisioned-duration-x86_64': d('GB-seconds', 'Duration of invocations on provisioned concurrency (x86_64)', v0raw('lambda'), one('Lambda Duration-Provisioned')),
      'provisioned-duration-arm64': d('GB-seconds', 'Duration of invocations on provisioned concurrency (arm64)', v0raw('lambda'), one('Lambda Duration-Provisioned-ARM')),
      'ephemeral-storage-x86_64': d('GB-seconds', 'Ephemeral storage above the free 512 MB (x86_64)', v0raw('lambda'), one('Lambda Storage-Duration')),
      'ephemeral-storage-arm64': d('GB-seconds', 'Ephemeral storage above the free 512 MB (arm64)', v0raw('lambda'), one('Lambda Storage-Duration-ARM')),
    },
  },
  fargate: {
    name: 'AWS Fargate (ECS)',
    scope: 'region',
    dims: {
      'vcpu-x86_64': d('vCPU-hours', 'Fargate Linux/x86 vCPU per hour', `${LAM}/ecs.json`, one('perCPU per hour')),
      'memory-x86_64': d('GB-hours', 'Fargate Linux/x86 memory per GB-hour', `${LAM}/ecs.json`, one('perGB per hour')),
      'vcpu-arm64': d('vCPU-hours', 'Fargate Linux/ARM (Graviton) vCPU per hour', `${LAM}/ecs.json`, one('ARM perCPU per hour')),
      'memory-arm64': d('GB-hours', 'Fargate Linux/ARM (Graviton) memory per GB-hour', `${LAM}/ecs.json`, one('ARM perGB per hour')),
      'ephemeral-storage': d('GB-hours', 'Fargate ephemeral storage above the free 20 GB', `${LAM}/ecs.json`, one('Storage per GB-Hours')),
    },
  },
  eks: {
    name: 'Amazon EKS',
    scope: 'region',
    dims: {
      'cluster-hours': d('cluster-hours', 'EKS cluster control plane, standard support', `${LAM}/eks.json`, one('Compute per Hours')),
      'extended-support-hours': d('cluster-hours', 'EKS cluster control plane, extended support', `${LAM}/eks.json`, one('Compute ExtendedSupport per Hours')),
    },
  },
  apigateway: {
    name: 'Amazon API Gateway',
    scope: 'region',
    dims: {
      'rest-requests': d('requests', 'REST API calls: first 333M, next 667M, next 19B, over 20B per month', v0raw('apigateway'), [
        ['API Calls Number of up to 333 million', 333e6],
        ['API Calls Number of Request Next 667 million', 1e9],
        ['API Calls Number of Request Next 19 billion', 20e9],
        ['API Calls Number of Request Over 20 billion', null],
      ]),
      'http-requests': d('requests', 'HTTP API calls (512 KB increments): first 300M, then more per month', v0raw('apigateway'), [
        ['ApiGatewayHttpApi First 300 million', 300e6],
        ['ApiGatewayHttpApi more than 300 million', null],
      ]),
      'websocket-messages': d('messages', 'WebSocket messages (32 KB increments): first 1B, then more per month', v0raw('apigateway'), [
        ['WebSocket Messages Messages first 1 billion', 1e9],
        ['WebSocket Messages Messages over 1 billion', null],
      ]),
      'websocket-connection-minutes': d('minutes', 'WebSocket connection minutes', v0raw('apigateway'), one('WebSocket Connection Minutes')),
      'cache-0.5': d('hours', 'REST API stage cache 0.5 GB', v0raw('apigateway'), one('Caching Memory Size 0 5')),
      'cache-1.6': d('hours', 'REST API stage cache 1.6 GB', v0raw('apigateway'), one('Caching Memory Size 1 6')),
      'cache-6.1': d('hours', 'REST API stage cache 6.1 GB', v0raw('apigateway'), one('Caching Memory Size 6 1')),
      'cache-13.5': d('hours', 'REST API stage cache 13.5 GB', v0raw('apigateway'), one('Caching Memory Size 13 5')),
      'cache-28.4': d('hours', 'REST API stage cache 28.4 GB', v0raw('apigateway'), one('Caching Memory Size 28 4')),
      'cache-58.2': d('hours', 'REST API stage cache 58.2 GB', v0raw('apigateway'), one('Caching Memory Size 58 2')),
      'cache-118': d('hours', 'REST API stage cache 118 GB', v0raw('apigateway'), one('Caching Memory Size 118')),
      'cache-237': d('hours', 'REST API stage cache 237 GB', v0raw('apigateway'), one('Caching Memory Size 237')),
    },
  },
  dynamodb: {
    name: 'Amazon DynamoDB',
    scope: 'region',
    dims: {
      'ondemand-reads': d('read request units', 'On-demand read request units (4 KB strongly consistent reads)', v0raw('dynamodb'), one('PayPerRequest Read Request Units')),
      'ondemand-writes': d('write request units', 'On-demand write request units (1 KB writes)', v0raw('dynamodb'), one('PayPerRequest Write Request Units')),
      'ondemand-reads-ia': d('read request units', 'On-demand read request units, Standard-IA table class', v0raw('dynamodb'), one('PayPerRequest Read Request Units IA')),
      'ondemand-writes-ia': d('write request units', 'On-demand write request units, Standard-IA table class', v0raw('dynamodb'), one('PayPerRequest Write Request Units IA')),
      'replicated-writes': d('write request units', 'On-demand replicated write request units (global tables)', v0raw('dynamodb'), one('PayPerRequest Replicated Write Request Units')),
      'provisioned-rcu': d('RCU-hours', 'Provisioned read capacity unit-hours', v0raw('dynamodb'), one('Provisioned Read Units')),
      'provisioned-wcu': d('WCU-hours', 'Provisioned write capacity unit-hours', v0raw('dynamodb'), one('Provisioned Write Units')),
      'provisioned-rcu-ia': d('RCU-hours', 'Provisioned read capacity unit-hours, Standard-IA', v0raw('dynamodb'), one('Provisioned Read Units IA')),
      'provisioned-wcu-ia': d('WCU-hours', 'Provisioned write capacity unit-hours, Standard-IA', v0raw('dynamodb'), one('Provisioned Write Units IA')),
      storage: d('GB-Mo', 'Table storage (Standard class), indexed GB-month', v0raw('dynamodb'), one('Data Storage Indexed GB-Mo')),
      'storage-ia': d('GB-Mo', 'Table storage (Standard-IA class), indexed GB-month', v0raw('dynamodb'), one('Data Storage Indexed - IA GB-Mo')),
      'pitr-storage': d('GB-Mo', 'Point-in-time recovery (continuous backup) storage', v0raw('dynamodb'), one('PITR Backup Storage GB-Mo')),
      'backup-storage': d('GB-Mo', 'On-demand backup storage', v0raw('dynamodb'), one('On-Demand Backup Storage GB-Month')),
      'streams-reads': d('requests', 'DynamoDB Streams read requests (GetRecords) from non-Lambda consumers', v0raw('dynamodb'), one('Streams Read Requests')),
    },
  },
  rds: {
    name: 'Amazon RDS',
    scope: 'region',
    dims: {
      'gp3-storage-single-az': d('GB-Mo', 'RDS gp3 storage, Single-AZ', v0raw('rds-storage'), one('Database Storage Single AZ General Purpose-GP3')),
      'gp3-storage-multi-az': d('GB-Mo', 'RDS gp3 storage, Multi-AZ', v0raw('rds-storage'), one('Database Storage Multi AZ General Purpose-GP3')),
      'backup-storage': d('GB-Mo', 'RDS backup storage beyond 100% of provisioned storage', v0raw('rds-storage'), one('Storage Snapshot')),
    },
  },
  aurora: {
    name: 'Amazon Aurora',
    scope: 'region',
    dims: {
      'storage-postgresql': d('GB-Mo', 'Aurora PostgreSQL storage (Standard)', v0raw('rds-aurora-storage'), one('Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora')),
      'storage-mysql': d('GB-Mo', 'Aurora MySQL storage (Standard)', v0raw('rds-storage'), one('Database Storage Single AZ General Purpose-Aurora')),
      'storage-io-optimized-postgresql': d('GB-Mo', 'Aurora PostgreSQL storage (I/O-Optimized)', v0raw('rds-aurora-storage'), one('Aurora PostgreSQL IO Optimized Aurora')),
      'storage-io-optimized-mysql': d('GB-Mo', 'Aurora MySQL storage (I/O-Optimized)', v0raw('rds-aurora-storage'), one('Aurora MySQL IO Optimized Aurora')),
      'io-requests': d('I/O requests', 'Aurora Standard I/O requests', v0raw('rds-aurora-storage'), one('System Operation Aurora I O Operation')),
      'serverless-v2-postgresql': d('ACU-hours', 'Aurora PostgreSQL Serverless v2 capacity (Standard)', v0raw('rds-aurora-storage'), one('Aurora PostgreSQL ServerlessV2')),
      'serverless-v2-mysql': d('ACU-hours', 'Aurora MySQL Serverless v2 capacity (Standard)', v0raw('rds-aurora-storage'), one('Aurora MySQL ServerlessV2')),
      'serverless-v2-io-optimized-postgresql': d('ACU-hours', 'Aurora PostgreSQL Serverless v2 capacity (I/O-Optimized)', v0raw('rds-aurora-storage'), one('Aurora PostgreSQL ServerlessV2 Aurora IO Optimization Mode')),
      'serverless-v2-io-optimized-mysql': d('ACU-hours', 'Aurora MySQL Serverless v2 capacity (I/O-Optimized)', v0raw('rds-aurora-storage'), one('Aurora MySQL ServerlessV2 Aurora IO Optimization Mode')),
      'backup-storage-postgresql': d('GB-Mo', 'Aurora PostgreSQL backup storage beyond the free retention allowance', v0raw('rds-aurora-storage'), one('Storage Snapshot Aurora PostgreSQL')),
      'backup-storage-mysql': d('GB-Mo', 'Aurora MySQL backup storage beyond the free retention allowance', v0raw('rds-aurora-storage'), one('Storage Snapshot Aurora MySQL')),
    },
  },
  elasticache: {
    name: 'Amazon ElastiCache',
    scope: 'region',
    dims: {
      'serverless-storage-valkey': d('GB-hours', 'ElastiCache Serverless for Valkey data stored', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Valkey per GB-Hours'), 'processed'),
      'serverless-ecpu-valkey': d('ECPUs', 'ElastiCache Serverless for Valkey processing units', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Valkey per ElastiCacheProcessingUnit'), 'processed'),
      'serverless-storage-redis': d('GB-hours', 'ElastiCache Serverless for Redis OSS data stored', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Redis per GB-Hours'), 'processed'),
      'serverless-ecpu-redis': d('ECPUs', 'ElastiCache Serverless for Redis OSS processing units', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Redis per ElastiCacheProcessingUnit'), 'processed'),
      'serverless-storage-memcached': d('GB-hours', 'ElastiCache Serverless for Memcached data stored', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Memcached per GB-Hours'), 'processed'),
      'serverless-ecpu-memcached': d('ECPUs', 'ElastiCache Serverless for Memcached processing units', v0proc('elasticache'), one('OnDemand ElastiCache Serverless Memcached per ElastiCacheProcessingUnit'), 'processed'),
    },
  },
  documentdb: {
    name: 'Amazon DocumentDB',
    scope: 'region',
    dims: {
      storage: d('GB-Mo', 'DocumentDB storage (Standard)', v0proc('docdb'), one('Database Storage'), 'processed'),
      'io-requests': d('I/O requests', 'DocumentDB I/O requests (Standard)', v0proc('docdb'), one('1 million IO requests'), 'processed'),
      'backup-storage': d('GB-Mo', 'DocumentDB backup storage beyond the free allowance', v0proc('docdb'), one('Storage Snapshot'), 'processed'),
    },
  },
  s3: {
    name: 'Amazon S3',
    scope: 'region',
    dims: {
      'standard-storage': d('GB-Mo', 'S3 Standard storage: first 50 TB, next 450 TB, over 500 TB per month', v0raw('s3'), [
        ['Standard Storage First 50 TB per GB Mo', 51200],
        ['Standard Storage Next 450 TB per GB Mo', 512000],
        ['Standard Storage Over 500 TB per GB Mo', null],
      ]),
      'standard-ia-storage': d('GB-Mo', 'S3 Standard-Infrequent Access storage', v0raw('s3'), one('Standard Infrequent Access Storage per GB-Mo')),
      'onezone-ia-storage': d('GB-Mo', 'S3 One Zone-Infrequent Access storage', v0raw('s3'), one('One Zone Infrequent Access Storage Inf per GB-Mo')),
      'intelligent-tiering-frequent': d('GB-Mo', 'S3 Intelligent-Tiering frequent access tier', v0raw('s3'), [
        ['Intelligent Tiering Frequent Access First 50 TB per GB Mo', 51200],
        ['Intelligent Tiering Frequent Access Next 450 TB per GB Mo', 512000],
        ['Intelligent Tiering Frequent Access Over 500 TB per GB Mo', null],
      ]),
      'intelligent-tiering-infrequent': d('GB-Mo', 'S3 Intelligent-Tiering infrequent access tier', v0raw('s3'), one('Intelligent Tiering Infrequent Access per GB Mo')),
      'intelligent-tiering-archive-instant': d('GB-Mo', 'S3 Intelligent-Tiering archive instant access tier', v0raw('s3'), one('Intelligent Tiering Archive Instant Access')),
      'intelligent-tiering-monitoring': d('objects', 'S3 Intelligent-Tiering monitoring and automation, per object per month', v0raw('s3'), one('Per object per month monitoring and automation fee for objects in Intelligent Tiering')),
      'glacier-ir-storage': d('GB-Mo', 'S3 Glacier Instant Retrieval storage', v0raw('s3'), one('Glacier Instant Retrieval Storage')),
      'glacier-storage': d('GB-Mo', 'S3 Glacier Flexible Retrieval storage', v0raw('s3'), one('Glacier Storage per GB Mo')),
      'deep-archive-storage': d('GB-Mo', 'S3 Glacier Deep Archive storage', v0raw('s3glacierdeeparchive'), one('Glacier Deep Archive GB Mo')),
      'put-requests': d('requests', 'PUT, COPY, POST and LIST requests (S3 Standard)', v0raw('s3'), one('PUT COPY/POST or LIST requests per Requests')),
      'get-requests': d('requests', 'GET and all other requests (S3 Standard)', v0raw('s3'), one('GET and all other requests per Requests')),
      'transition-ia': d('requests', 'Lifecycle transition requests into Standard-IA', v0raw('s3'), one('Lifecycle Transition Requests into Standard Infrequent Access per Requests')),
      'transition-intelligent-tiering': d('requests', 'Lifecycle transition requests into Intelligent-Tiering', v0raw('s3'), one('Lifecycle Transition Requests into Intelligent Tiering per Requests')),
      'transition-glacier-ir': d('requests', 'Lifecycle transition requests into Glacier Instant Retrieval', v0raw('s3'), one('Lifecycle Transition Requests into Glacier Instant Retrieval per Requests')),
      'transition-glacier': d('requests', 'Lifecycle transition requests into Glacier Flexible Retrieval', v0raw('s3'), one('Lifecycle Transition Requests into Glacier per Requests')),
      'transition-deep-archive': d('requests', 'Lifecycle transition requests into Glacier Deep Archive', v0raw('s3'), one('Lifecycle Transition Requests into Glacier Deep Archive per Requests')),
    },
  },
  cloudfront: {
    name: 'Amazon CloudFront',
    scope: 'edge-group',
    dims: {
      'data-out': d('GB', 'Regional data transfer out to the internet by edge group: first 10 TB, next 40 TB, next 100 TB, next 350 TB, next 524 TB, next 4 PB, over 5 PB', v0raw('cloudfront'), [
        ['First 10 TB', 10240],
        ['Next 40 TB', 51200],
        ['next 100 TB', 153600],
        ['Next 350 TB', 512000],
        ['next 524 TB', 1048576],
        ['Next 4 PB', 5242880],
        ['Over 5 PB', null],
      ]),
      'https-requests': d('requests', 'HTTPS requests by edge group', v0raw('cloudfront'), one('Request HTTPS Methods')),
      'http-requests': d('requests', 'HTTP requests by edge group', v0raw('cloudfront'), one('Request HTTP Methods')),
    },
  },
  sqs: {
    name: 'Amazon SQS',
    scope: 'region',
    dims: {
      'standard-requests': d('requests', 'Standard queue requests (64 KB chunks): up to 100B, next 100B, over 200B per month', v0raw('queueservice'), [
        ['Standard per Requests', 100e9],
        ['Standard per Requests Tier2', 200e9],
        ['Standard per Requests Tier3', null],
      ]),
      'fifo-requests': d('requests', 'FIFO queue requests (64 KB chunks): up to 100B, next 100B, over 200B per month', v0raw('queueservice'), [
        ['FIFO first-in first-out per Requests', 100e9],
        ['FIFO first-in first-out per Requests Tier2', 200e9],
        ['FIFO first-in first-out per Requests Tier3', null],
      ]),
    },
  },
  sns: {
    name: 'Amazon SNS',
    scope: 'region',
    dims: {
      publishes: d('requests', 'Standard topic publishes (64 KB chunks)', v0raw('sns'), one('Amazon SNS API Requests')),
      'fifo-publishes': d('requests', 'FIFO topic publishes', v0raw('sns'), one('Amazon SNS FIFO API Requests per Requests')),
      'http-deliveries': d('notifications', 'HTTP/S deliveries', v0raw('sns'), one('HTTP Notifications')),
      'email-deliveries': d('notifications', 'Email and email-JSON deliveries', v0raw('sns'), one('SNS Email and Email JSON Notifications')),
      'sqs-deliveries': d('notifications', 'Deliveries to SQS queues (no charge)', v0raw('sns'), one('Amazon SQS Notifications')),
      'lambda-deliveries': d('notifications', 'Deliveries to Lambda functions (no charge)', v0raw('sns'), one('AWS Lambda Notifications')),
    },
  },
  kinesis: {
    name: 'Amazon Kinesis Data Streams',
    scope: 'region',
    dims: {
      'shard-hours': d('shard-hours', 'Provisioned mode shard-hours', v0raw('kinesis'), one('Provisioned shard hour per ShardHour')),
      'put-payload-units': d('PUT payload units', 'Provisioned mode PUT payload units (25 KB)', v0raw('kinesis'), one('Payload Units per PutRequest')),
      'ondemand-stream-hours': d('stream-hours', 'On-demand mode stream-hours', v0raw('kinesis'), one('OnDemandStreamHr per StreamHr')),
      'ondemand-ingested': d('GB', 'On-demand mode data ingested', v0raw('kinesis'), one('OnDemandDataIngested per GB')),
      'ondemand-retrieved': d('GB', 'On-demand mode data retrieved', v0raw('kinesis'), one('OnDemandDataRetrieval per GB')),
      'extended-retention': d('shard-hours', 'Extended retention (beyond 24 h, up to 7 days) per shard-hour', v0raw('kinesis'), one('Addon shard hour per ShardHour')),
    },
  },
  eventbridge: {
    name: 'Amazon EventBridge',
    scope: 'region',
    dims: {
      'custom-events': d('events', 'Custom events published (64 KB chunks)', v0raw('events'), one('CloudWatch Events Custom Event')),
      'archive-processed': d('GB', 'Events archived, per GB processed', v0raw('events'), one('CloudWatch Events Archive Event')),
      'archive-storage': d('GB-Mo', 'Event archive storage', v0raw('events'), one('CloudWatch Events Event Storage')),
      'scheduler-invocations': d('invocations', 'EventBridge Scheduler invocations beyond the free 14 million per month', v0raw('events'), one('Scheduled Invocation for 14000000 to Inf Invocations')),
    },
  },
  stepfunctions: {
    name: 'AWS Step Functions',
    scope: 'region',
    dims: {
      'standard-transitions': d('state transitions', 'Standard workflow state transitions', v0raw('states'), one('AWS Step Functions')),
      'express-requests': d('requests', 'Express workflow requests', v0raw('states'), one('Number of Workflow Requests')),
      'express-duration': d('GB-seconds', 'Express workflow duration: first 3.6M, next 14.4M, over 18M GB-s per month', v0raw('states'), [
        ['Duration of Workflows from 0 to 3600000', 3.6e6],
        ['Duration of Workflows from 3600000 to 18000000', 18e6],
        ['Duration of Workflows over 18000000', null],
      ]),
    },
  },
  elb: {
    name: 'Elastic Load Balancing',
    scope: 'region',
    dims: {
      'alb-hours': d('hours', 'Application Load Balancer hours', v0raw('elb'), one('Application Load Balancer Hours')),
      'alb-lcu-hours': d('LCU-hours', 'Application Load Balancer capacity units', v0raw('elb'), one('Application Load Balancer LCU Hours')),
      'nlb-hours': d('hours', 'Network Load Balancer hours', v0raw('elb'), one('Network Load Balancer Hours')),
      'nlb-lcu-hours': d('LCU-hours', 'Network Load Balancer capacity units', v0raw('elb'), one('Network Load Balancer LCU Hours')),
    },
  },
  natgateway: {
    name: 'NAT Gateway',
    scope: 'region',
    dims: {
      hours: d('hours', 'NAT gateway hours', `${LAM}/natgateway.json`, one('Hourly charge for NAT Gateways')),
      'data-processed': d('GB', 'Data processed by NAT gateways', `${LAM}/natgateway.json`, one('Charge for per GB data processed by NatGateways')),
    },
  },
  vpc: {
    name: 'Amazon VPC',
    scope: 'region',
    dims: {
      'endpoint-hours': d('endpoint-AZ-hours', 'Interface VPC endpoint, per AZ per hour', v0raw('vpc'), one('Hourly charge for VPC Endpoints per Hrs')),
      'endpoint-data': d('GB', 'Data processed by interface VPC endpoints: first 1 PB, next 4 PB, over 5 PB per month', v0raw('vpc'), [
        ['Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576', 1048576],
        ['Charge for per GB data processed by VPC Endpoints per GB from 1048576 to 5242880', 5242880],
        ['Charge for per GB data processed by VPC Endpoints per GB from 5242880 to Inf', null],
      ]),
      'public-ipv4-hours': d('address-hours', 'In-use public IPv4 address hours', v0raw('vpc'), one('Hourly charge for In use Public IPv4 Addresses per Hrs')),
    },
  },
  datatransfer: {
    name: 'AWS Data Transfer',
    scope: 'region',
    dims: {
      'out-internet': d('GB', 'Data transfer out to the internet (all services together): first 10 TB, next 40 TB, next 100 TB, over 150 TB per month', v0proc('datatransfer'), [
        ['DataTransfer External Outbound Next 10 TB', 10240],
        ['DataTransfer External Outbound Next 40 TB', 51200],
        ['DataTransfer External Outbound Next 100 TB', 153600],
        ['DataTransfer External Outbound Greater than 150 TB', null],
      ], 'processed'),
    },
  },
  cloudwatch: {
    name: 'Amazon CloudWatch',
    scope: 'region',
    dims: {
      metrics: d('metrics', 'Custom metrics: first 10k, next 240k, next 750k, over 1M per month', v0raw('cloudwatch'), [
        ['Metric for the first 10000', 10000],
        ['Metric for the next 240000', 250000],
        ['Metric for the next 750000', 1000000],
        ['Metric for over 1000000', null],
      ]),
      'logs-ingested': d('GB', 'CloudWatch Logs ingestion (Standard class)', v0raw('cloudwatch'), one('Logs Collected Data Ingestion')),
      'logs-stored': d('GB-Mo', 'CloudWatch Logs storage (compressed)', v0raw('cloudwatch'), one('Stored Data')),
      'vended-logs': d('GB', 'Vended logs to CloudWatch Logs (VPC flow logs, ...): first 10 TB, next 20 TB, next 20 TB, over 50 TB', v0raw('cloudwatch'), [
        ['Vended Logs First 10TB', 10240],
        ['Vended Logs Next 20TB', 30720],
        ['Vended Logs Next Next 20TB', 51200],
        ['Vended Logs over 50TB', null],
      ]),
      'insights-scanned': d('GB', 'Logs Insights data scanned', v0raw('cloudwatch'), one('Queried Logs Insights')),
      alarms: d('alarm-months', 'Standard-resolution alarms', v0raw('cloudwatch'), one('Alarm Standard')),
      'api-requests': d('requests', 'Metric API requests (GetMetricData, ...)', v0raw('cloudwatch'), one('API Request')),
    },
  },
  cloudwatchglobal: {
    name: 'Amazon CloudWatch dashboards',
    scope: 'global',
    dims: {
      dashboards: d('dashboard-months', 'CloudWatch dashboards (account-wide)', v0raw('cloudwatch'), one('Dashboard Basic Dashboard'), 'raw', { global: 'Any' }),
    },
  },
  cognito: {
    name: 'Amazon Cognito',
    scope: 'region',
    dims: {
      'lite-mau': d('MAU', 'User pools, Lite plan: 0-100k, 100k-1M, 1M-10M, over 10M MAU (bands on total MAU; the first 10k are free)', v0raw('cognito'), [
        ['User Pool MAU 0 upto 50000 per Requests', 100000],
        ['User Pool MAU 50000 upto 950000 per Requests', 1000000],
        ['User Pool MAU 950000 upto 9950000 per Requests', 10000000],
        ['User Pool MAU 9950000 upto Inf per Requests', null],
      ]),
      'essentials-mau': d('MAU', 'User pools, Essentials plan, per MAU (the first 10k are free)', v0raw('cognito'), one('Enterprise MAU per Requests')),
    },
  },
  waf: {
    name: 'AWS WAF',
    scope: 'region',
    dims: {
      'web-acls': d('web-ACL-months', 'Web ACLs', v0raw('waf'), one('Web ACL Activated per Month')),
      rules: d('rule-months', 'Rules and managed rule groups added to a web ACL', v0raw('waf'), one('Rule Activated per Month')),
      requests: d('requests', 'Requests inspected (up to 1,500 WCU)', v0raw('waf'), one('Request Processed Tier1 per Request')),
    },
  },
  secretsmanager: {
    name: 'AWS Secrets Manager',
    scope: 'region',
    dims: {
      secrets: d('secret-months', 'Secrets stored', v0raw('secretsmanager'), one('Secret')),
      'api-requests': d('requests', 'API requests', v0raw('secretsmanager'), one('API Request')),
    },
  },
  kms: {
    name: 'AWS KMS',
    scope: 'region',
    dims: {
      keys: d('key-months', 'Customer managed keys', v0raw('kms'), one('Encryption Key')),
      requests: d('requests', 'Symmetric API requests beyond the free 20,000', v0raw('kms'), one('API request - Non Free Tier')),
    },
  },
  route53: {
    name: 'Amazon Route 53',
    scope: 'global',
    dims: {
      'hosted-zones': d('zone-months', 'Hosted zones: first 25, then each', v0raw('route53'), [
        ['DNS Zone first 25', 25],
        ['DNS Zone', null],
      ], 'raw', { global: 'Any' }),
      'standard-queries': d('queries', 'Standard queries: first 1B, then more per month', v0raw('route53'), [
        ['Query Standard External first 1B', 1e9],
        ['Query Standard External over 1B', null],
      ], 'raw', { global: '' }),
      'latency-queries': d('queries', 'Latency-based routing queries: first 1B, then more per month', v0raw('route53'), [
        ['Query Latency Based Routing External first 1B', 1e9],
        ['Query Latency Based Routing External over 1B', null],
      ], 'raw', { global: '' }),
      'health-checks': d('health-check-months', 'Health checks of AWS endpoints (basic)', v0raw('route53'), one('Basic Health checks AWS per Mo'), 'raw', { global: '' }),
    },
  },
};

interface TableSpec {
  service: string;
  id: string;
  unit: string;
  description: string;
  file: string;
  format: 'raw' | 'processed';
  labelPattern: RegExp;
  /** Read the type from the label (group 1) or from the `Instance Type` attribute. */
  typeFrom: 'label' | 'attr';
  /** For raw feeds with set membership: the set names whose members belong to this table. */
  sets?: RegExp;
}

const RDS_LABEL = (engine: string, az: 'Single-AZ' | 'Multi-AZ') => new RegExp(`^Database Instance ${engine} No license required db \\S+ .*\\b${az} (Current|Previous) Generation$`);
const AURORA_LABEL = (engine: string, io: boolean) =>
  new RegExp(`^\\[Database Instance Aurora ${engine} No license required ${io ? 'Aurora IO Optimization Mode ' : '(?!Aurora IO Optimization Mode)'}.*Single-AZ (Current|Previous) Generation\\]`);
const CACHE_LABEL = (engine: string) => new RegExp(`^\\[OnDemand Cache Instance .* ${engine} (datatiering )?(Current|Previous) Generation\\]`);

const TABLES: TableSpec[] = [
  { service: 'ec2', id: 'linux', unit: 'hours', description: 'EC2 Linux on-demand instance, shared tenancy, per hour', file: v0proc('ec2'), format: 'processed', labelPattern: /^OnDemand Linux-instancetype-(\S+)$/, typeFrom: 'label' },
  { service: 'rds', id: 'postgresql-single-az', unit: 'hours', description: 'RDS for PostgreSQL instance, Single-AZ, per hour', file: v0proc('rds-postgresql-ondemand'), format: 'processed', labelPattern: RDS_LABEL('PostgreSQL', 'Single-AZ'), typeFrom: 'attr' },
  { service: 'rds', id: 'postgresql-multi-az', unit: 'hours', description: 'RDS for PostgreSQL instance, Multi-AZ (one standby), per hour', file: v0proc('rds-postgresql-ondemand'), format: 'processed', labelPattern: RDS_LABEL('PostgreSQL', 'Multi-AZ'), typeFrom: 'attr' },
  { service: 'rds', id: 'mysql-single-az', unit: 'hours', description: 'RDS for MySQL instance, Single-AZ, per hour', file: v0proc('rds-mysql-ondemand'), format: 'processed', labelPattern: RDS_LABEL('MySQL', 'Single-AZ'), typeFrom: 'attr' },
  { service: 'rds', id: 'mysql-multi-az', unit: 'hours', description: 'RDS for MySQL instance, Multi-AZ (one standby), per hour', file: v0proc('rds-mysql-ondemand'), format: 'processed', labelPattern: RDS_LABEL('MySQL', 'Multi-AZ'), typeFrom: 'attr' },
  { service: 'aurora', id: 'postgresql', unit: 'hours', description: 'Aurora PostgreSQL instance (Standard storage), per hour', file: v0proc('rds-aurora-ondemand'), format: 'processed', labelPattern: AURORA_LABEL('PostgreSQL', false), typeFrom: 'attr' },
  { service: 'aurora', id: 'mysql', unit: 'hours', description: 'Aurora MySQL instance (Standard storage), per hour', file: v0proc('rds-aurora-ondemand'), format: 'processed', labelPattern: AURORA_LABEL('MySQL', false), typeFrom: 'attr' },
  { service: 'aurora', id: 'postgresql-io-optimized', unit: 'hours', description: 'Aurora PostgreSQL instance (I/O-Optimized), per hour', file: v0proc('rds-aurora-ondemand'), format: 'processed', labelPattern: AURORA_LABEL('PostgreSQL', true), typeFrom: 'attr' },
  { service: 'aurora', id: 'mysql-io-optimized', unit: 'hours', description: 'Aurora MySQL instance (I/O-Optimized), per hour', file: v0proc('rds-aurora-ondemand'), format: 'processed', labelPattern: AURORA_LABEL('MySQL', true), typeFrom: 'attr' },
  { service: 'elasticache', id: 'valkey', unit: 'hours', description: 'ElastiCache for Valkey node, per hour', file: v0proc('elasticache'), format: 'processed', labelPattern: CACHE_LABEL('Valkey'), typeFrom: 'attr' },
  { service: 'elasticache', id: 'redis', unit: 'hours', description: 'ElastiCache for Redis OSS node, per hour', file: v0proc('elasticache'), format: 'processed', labelPattern: CACHE_LABEL('Redis'), typeFrom: 'attr' },
  { service: 'elasticache', id: 'memcached', unit: 'hours', description: 'ElastiCache for Memcached node, per hour', file: v0proc('elasticache'), format: 'processed', labelPattern: CACHE_LABEL('Memcached'), typeFrom: 'attr' },
  { service: 'documentdb', id: 'standard', unit: 'hours', description: 'DocumentDB instance (Standard storage), per hour', file: v0raw('docdb'), format: 'raw', labelPattern: /./, typeFrom: 'attr', sets: /^(General purpose|Memory optimized) OnDemand( NVMe SSD)?$/ },
  { service: 'documentdb', id: 'io-optimized', unit: 'hours', description: 'DocumentDB instance (I/O-Optimized), per hour', file: v0raw('docdb'), format: 'raw', labelPattern: /./, typeFrom: 'attr', sets: /^(General purpose|Memory optimized) OnDemand( NVMe SSD)? IO-Optimized(-DocDB)?$/ },
];

// ---------------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------------

function buildDimension(spec: DimSpec, scope: ServicePrices['scope']): CatalogDimension {
  const tiers: TierDef[] = spec.tiers.map(([label, upTo]) => ({ label, upTo }));
  const regions: Record<string, RegionPrices> = {};
  const date = spec.format === 'raw' ? raw(spec.file).date : manifestDate(spec.file);
  // Keys to read: feed location -> catalog key.
  const keys: Array<[string, string]> =
    scope === 'edge-group' ? EDGE_GROUPS.map((g) => [g, g]) : scope === 'global' ? [[spec.scopeKeys!.global!, 'global']] : [...LOCATIONS].map(([loc, code]) => [loc, code]);
  for (const [loc, key] of keys) {
    const prices: RegionPrices = [];
    for (const [label] of spec.tiers) {
      let found: [number, string?] | undefined;
      if (spec.format === 'raw') {
        const feed = raw(spec.file);
        if (scope === 'edge-group' && spec.tiers.length > 1) {
          // CloudFront transfer tiers live in region "" as "Regional DT from <group> to Internet <tier>".
          const e = feed.regions.get('')?.get(`Regional DT from ${loc} to Internet ${label}`);
          if (e) found = e.rateCode ? [e.price, e.rateCode] : [e.price];
        } else {
          const e = feed.regions.get(loc)?.get(label);
          if (e) found = e.rateCode ? [e.price, e.rateCode] : [e.price];
        }
      } else {
        const rows = processed(spec.file).labels.get(label)?.filter((r) => r.location === loc);
        if (rows && rows.length) found = [rows[0]!.price];
      }
      if (!found) break;
      prices.push(found);
    }
    if (prices.length === spec.tiers.length) regions[key] = prices;
    else if (prices.length > 0) warnings.push(`${spec.file} ${spec.tiers[0]![0]}: ${loc} has ${prices.length} of ${spec.tiers.length} tiers; left out`);
  }
  return {
    unit: spec.unit,
    description: spec.description,
    tiers,
    regions,
    source: 'bundled-catalog',
    asOf: date,
    provenance: { file: spec.file, format: spec.format },
  };
}

function buildTable(spec: TableSpec): CatalogTable {
  const regions: Record<string, Record<string, [number, string?]>> = {};
  const put = (loc: string, type: string | undefined, price: number, rateCode?: string) => {
    const code = LOCATIONS.get(loc);
    if (!code || !type || !(price > 0)) return;
    const r = (regions[code] ??= {});
    if (r[type] === undefined) r[type] = rateCode ? [price, rateCode] : [price];
  };
  if (spec.format === 'processed') {
    for (const [label, rows] of processed(spec.file).labels) {
      const m = label.match(spec.labelPattern);
      if (!m) continue;
      for (const row of rows) put(row.location, spec.typeFrom === 'label' ? m[1] : row.attrs['Instance Type'], row.price);
    }
  } else {
    const feed = raw(spec.file);
    const members = new Set<string>();
    for (const [name, labels] of Object.entries(feed.sets)) if (spec.sets!.test(name)) for (const l of labels) members.add(l);
    for (const [loc, entries] of feed.regions) {
      for (const [label, e] of entries) {
        if (!members.has(label)) continue;
        put(loc, e.attrs['Instance Type'], e.price, e.rateCode);
      }
    }
  }
  const date = spec.format === 'raw' ? raw(spec.file).date : manifestDate(spec.file);
  return {
    unit: spec.unit,
    description: spec.description,
    regions: sortObject(Object.fromEntries(Object.entries(regions).map(([r, t]) => [r, sortObject(t)]))),
    source: 'bundled-catalog',
    asOf: date,
    provenance: { file: spec.file, format: spec.format, labelPattern: spec.labelPattern.source, ...(spec.sets ? { sets: spec.sets.source } : {}) } as Provenance & { labelPattern: string },
  };
}

/** Newer EC2 types for us-east-1 from the Karpenter list; metal types are skipped (priced from Dedicated tenancy). */
function overlayKarpenter(ec2: CatalogTable): void {
  const file = join(DATA, KARPENTER);
  if (!existsSync(file)) return;
  const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{ instanceType: string; usdPerHour: string; region: string; generatedAt: string }>;
  const us = (ec2.regions['us-east-1'] ??= {});
  const added: string[] = [];
  for (const row of rows) {
    if (row.region !== 'us-east-1' || row.instanceType.endsWith('.metal') || us[row.instanceType] !== undefined) continue;
    const p = Number(row.usdPerHour);
    if (!(p > 0)) continue;
    us[row.instanceType] = [p];
    added.push(row.instanceType);
  }
  ec2.regions['us-east-1'] = sortObject(us);
  if (added.length) ec2.overlays = [{ region: 'us-east-1', types: added.sort(), source: `${KARPENTER} (Karpenter generated pricing, values only)`, asOf: rows[0]!.generatedAt.slice(0, 10) }];
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function maxDate(dates: string[]): string {
  return dates.reduce((a, b) => (a > b ? a : b), '0000-00-00');
}

function main(): void {
  if (!existsSync(DATA)) {
    process.stderr.write(`build-prices: raw price data not found at ${DATA}; pass --data <folder>\n`);
    process.exit(2);
  }
  const files = new Map<string, ServicePrices>();
  const service = (id: string, name: string, scope: ServicePrices['scope'], origin: string): ServicePrices => {
    let s = files.get(id);
    if (!s) {
      s = { id, name, asOf: '', origin, scope, dimensions: {}, tables: {} };
      files.set(id, s);
    }
    return s;
  };
  for (const [id, spec] of Object.entries(SERVICES)) {
    const s = service(id, spec.name, spec.scope, '');
    for (const [dimId, dimSpec] of Object.entries(spec.dims)) {
      const dim = buildDimension(dimSpec, spec.scope);
      if (Object.keys(dim.regions).length === 0) throw new Error(`${id}.${dimId}: no prices found for labels ${dimSpec.tiers.map((t) => t[0]).join(', ')}`);
      s.dimensions[dimId] = dim;
    }
  }
  for (const spec of TABLES) {
    const s = service(spec.service, spec.service === 'ec2' ? 'Amazon EC2' : SERVICES[spec.service]?.name ?? spec.service, 'region', '');
    const t = buildTable(spec);
    if (Object.keys(t.regions).length === 0) throw new Error(`${spec.service}.${spec.id}: no instance prices found`);
    if (spec.service === 'ec2') overlayKarpenter(t);
    s.tables[spec.id] = t;
  }
  for (const [id, dims] of Object.entries(CURATED_DIMENSIONS)) {
    const s = service(id, SERVICES[id]?.name ?? CURATED_SERVICES[id] ?? id, 'region', '');
    for (const [dimId, dim] of Object.entries(dims)) {
      if (s.dimensions[dimId]) throw new Error(`curated ${id}.${dimId} would overwrite a feed price`);
      s.dimensions[dimId] = dim;
    }
  }
  for (const [id, tables] of Object.entries(CURATED_TABLES)) {
    const s = service(id, SERVICES[id]?.name ?? CURATED_SERVICES[id] ?? id, 'region', '');
    for (const [tableId, t] of Object.entries(tables)) s.tables[tableId] = t;
  }

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const index: CatalogIndex = { version: 1, builtAt: new Date().toISOString().slice(0, 10), generator: 'scripts/build-prices (raw data: ../shared/data/prices)', services: [] };
  for (const s of [...files.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const parts = [...Object.values(s.dimensions), ...Object.values(s.tables)];
    s.asOf = maxDate(parts.map((p) => p.asOf));
    const origins = new Set(parts.map((p) => (p.source === 'curated' ? 'curated (hand-entered list prices with their source URL)' : `${p.provenance?.file}`)));
    s.origin = [...origins].join('; ');
    const file = `${s.id}.json`;
    writeFileSync(join(OUT, file), JSON.stringify(s) + '\n');
    const source = parts.every((p) => p.source === 'curated') ? 'curated' : 'bundled-catalog';
    index.services.push({ id: s.id, file, asOf: s.asOf, source });
  }
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 1) + '\n');
  const sizes = readdirSync(OUT).map((f) => readFileSync(join(OUT, f)).length);
  process.stdout.write(`build-prices: ${index.services.length} services, ${sizes.reduce((a, b) => a + b, 0)} bytes in ${OUT}\n`);
  if (warnings.length) process.stdout.write(`${warnings.length} warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
}

main();
