import type { CatalogDimension, CatalogTable } from './types.js';

/**
 * Hand-entered prices for what the raw feeds do not carry (EBS, Cognito Plus, cross-AZ transfer) and for services
 * whose feeds were not captured (Glue, SageMaker, Redshift, OpenSearch, AppSync, IoT Core, Transfer Family, SES,
 * Athena, Firehose, GuardDuty, CloudTrail, AWS Backup for S3, ACM).
 *
 * Each entry carries the public page it comes from and why it is curated. Regions are listed only where the list
 * price is known; any other region gets an explicit unpriced line item, never a price borrowed from elsewhere.
 * `prices refresh --source api` replaces these with Price List values where a recipe exists.
 */

/** Date the curated list prices were read from the public pricing pages. */
export const CURATED_AS_OF = '2025-12-01';

const US3 = ['us-east-1', 'us-east-2', 'us-west-2'] as const;

function dim(
  unit: string,
  description: string,
  url: string,
  reason: string,
  prices: Record<string, number>,
  tiers?: Array<{ upTo: number | null; label: string }>,
  tierPrices?: Record<string, number[]>,
): CatalogDimension {
  const regions: CatalogDimension['regions'] = {};
  if (tiers && tierPrices) {
    for (const [r, ps] of Object.entries(tierPrices)) regions[r] = ps.map((p) => [p] as [number]);
  } else {
    for (const [r, p] of Object.entries(prices)) regions[r] = [[p]];
  }
  return {
    unit,
    description,
    tiers: tiers ?? [{ upTo: null, label: 'curated' }],
    regions,
    source: 'curated',
    asOf: CURATED_AS_OF,
    provenance: { file: 'src/cost/catalog/curated.ts', format: 'curated' },
    url,
    reason,
  };
}

function same(regions: readonly string[], price: number): Record<string, number> {
  return Object.fromEntries(regions.map((r) => [r, price]));
}

function table(unit: string, description: string, url: string, reason: string, regions: Record<string, Record<string, number>>): CatalogTable {
  return {
    unit,
    description,
    regions: Object.fromEntries(Object.entries(regions).map(([r, types]) => [r, Object.fromEntries(Object.entries(types).map(([t, p]) => [t, [p] as [number]]))])),
    source: 'curated',
    asOf: CURATED_AS_OF,
    url,
    reason,
  };
}

const NOT_IN_FEED = 'the pricing-page feed for this service was not captured in the raw data snapshot';

/** All 34 commercial regions publish cross-AZ transfer at $0.01/GB in each direction. */
const ALL_REGIONS_CROSS_AZ = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1', 'mx-central-1', 'sa-east-1', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1',
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
] as const;

const SES_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'eu-south-1', 'il-central-1', 'me-south-1', 'af-south-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
] as const;

/** Curated dimensions, by catalog service id then dimension id. Merged into the catalog by the build script. */
export const CURATED_DIMENSIONS: Record<string, Record<string, CatalogDimension>> = {
  ebs: {
    'gp3-storage': dim('GB-Mo', 'EBS gp3 volume storage (3,000 IOPS and 125 MB/s included)', 'https://aws.amazon.com/ebs/pricing/', `EBS is in none of the snapshots (ec2/ebs.json feed not captured)`, {
      'us-east-1': 0.08, 'us-east-2': 0.08, 'us-west-2': 0.08, 'us-west-1': 0.096, 'eu-west-1': 0.088, 'eu-central-1': 0.0952,
      'ap-northeast-1': 0.096, 'ap-southeast-1': 0.096, 'ap-southeast-2': 0.096,
    }),
    'gp2-storage': dim('GB-Mo', 'EBS gp2 volume storage', 'https://aws.amazon.com/ebs/pricing/', 'EBS is in none of the snapshots', { 'us-east-1': 0.1, 'us-east-2': 0.1, 'us-west-2': 0.1 }),
    'snapshot-storage': dim('GB-Mo', 'EBS snapshot storage (standard tier)', 'https://aws.amazon.com/ebs/pricing/', 'EBS is in none of the snapshots', same(US3, 0.05)),
  },
  cognito: {
    'plus-mau': dim('MAU', 'Cognito user pools, Plus feature plan, per monthly active user (no free tier)', 'https://aws.amazon.com/cognito/pricing/', 'the feed does not label the Plus tier (Nov 2024 plans); the list price is $0.02/MAU', same(US3, 0.02)),
  },
  datatransfer: {
    'cross-az': dim('GB', 'Data transfer between Availability Zones in one region, per GB in each direction', 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region', 'intra-region transfer is not in the pricing-page feeds; $0.01/GB each way is the published rate in every commercial region', same(ALL_REGIONS_CROSS_AZ, 0.01)),
  },
  glue: {
    'dpu-hours': dim('DPU-hours', 'AWS Glue ETL and streaming jobs, per DPU-hour (1-minute minimum, billed per second)', 'https://aws.amazon.com/glue/pricing/', NOT_IN_FEED, same([...US3, 'eu-west-1'], 0.44)),
  },
  sagemaker: {
    'serverless-inference': dim('GB-seconds', 'SageMaker Serverless Inference compute, per GB-second of configured memory', 'https://aws.amazon.com/sagemaker/pricing/', NOT_IN_FEED, same(US3, 0.00002)),
  },
  redshift: {
    'serverless-rpu-hours': dim('RPU-hours', 'Redshift Serverless compute, per RPU-hour (60-second minimum)', 'https://aws.amazon.com/redshift/pricing/', NOT_IN_FEED, same(US3, 0.375)),
    'managed-storage': dim('GB-Mo', 'Redshift managed storage (RMS), per GB-month', 'https://aws.amazon.com/redshift/pricing/', NOT_IN_FEED, same(US3, 0.024)),
  },
  opensearch: {
    'gp3-storage': dim('GB-Mo', 'OpenSearch Service EBS gp3 storage, per GB-month', 'https://aws.amazon.com/opensearch-service/pricing/', NOT_IN_FEED, same(US3, 0.122)),
  },
  appsync: {
    'query-operations': dim('operations', 'AppSync GraphQL queries and mutations', 'https://aws.amazon.com/appsync/pricing/', NOT_IN_FEED, same(US3, 0.000004)),
    'realtime-updates': dim('messages', 'AppSync real-time updates delivered', 'https://aws.amazon.com/appsync/pricing/', NOT_IN_FEED, same(US3, 0.000002)),
    'connection-minutes': dim('minutes', 'AppSync real-time connection minutes', 'https://aws.amazon.com/appsync/pricing/', NOT_IN_FEED, same(US3, 0.00000008)),
  },
  iot: {
    messages: dim('messages', 'IoT Core messaging (5 KB increments): first 1 billion, next 4 billion, over 5 billion per month', 'https://aws.amazon.com/iot-core/pricing/', NOT_IN_FEED, {}, [
      { upTo: 1e9, label: 'first 1B' },
      { upTo: 5e9, label: 'next 4B' },
      { upTo: null, label: 'over 5B' },
    ], { 'us-east-1': [0.000001, 0.0000008, 0.0000007], 'us-east-2': [0.000001, 0.0000008, 0.0000007], 'us-west-2': [0.000001, 0.0000008, 0.0000007] }),
    'connection-minutes': dim('minutes', 'IoT Core connectivity, per connection-minute', 'https://aws.amazon.com/iot-core/pricing/', NOT_IN_FEED, same(US3, 0.00000008)),
    'rules-triggered': dim('rules', 'IoT Core rules engine: rules triggered plus one action each', 'https://aws.amazon.com/iot-core/pricing/', NOT_IN_FEED, same(US3, 0.0000003)),
  },
  transfer: {
    'endpoint-hours': dim('protocol-hours', 'Transfer Family endpoint, per protocol per hour', 'https://aws.amazon.com/aws-transfer-family/pricing/', NOT_IN_FEED, same(US3, 0.3)),
    'data-gb': dim('GB', 'Transfer Family data uploaded or downloaded', 'https://aws.amazon.com/aws-transfer-family/pricing/', NOT_IN_FEED, same(US3, 0.04)),
  },
  ses: {
    'outbound-email': dim('emails', 'SES outbound email (per 1,000 = $0.10)', 'https://aws.amazon.com/ses/pricing/', NOT_IN_FEED, same(SES_REGIONS, 0.0001)),
  },
  athena: {
    'data-scanned': dim('TB', 'Athena SQL queries, per TB scanned (10 MB minimum per query)', 'https://aws.amazon.com/athena/pricing/', NOT_IN_FEED, same([...US3, 'eu-west-1', 'eu-central-1'], 5)),
  },
  firehose: {
    'ingestion-gb': dim('GB', 'Data Firehose Direct PUT ingestion (5 KB record increments), first 500 TB per month', 'https://aws.amazon.com/firehose/pricing/', NOT_IN_FEED, same(US3, 0.029)),
    'format-conversion-gb': dim('GB', 'Data Firehose format conversion to Parquet/ORC', 'https://aws.amazon.com/firehose/pricing/', NOT_IN_FEED, same(US3, 0.018)),
  },
  guardduty: {
    'cloudtrail-events': dim('events', 'GuardDuty analysis of CloudTrail management events (first 500 million per month)', 'https://aws.amazon.com/guardduty/pricing/', NOT_IN_FEED, same(US3, 0.000004)),
    'log-gb': dim('GB', 'GuardDuty analysis of VPC flow and DNS logs (first 500 GB per month)', 'https://aws.amazon.com/guardduty/pricing/', NOT_IN_FEED, same(US3, 1)),
  },
  cloudtrail: {
    'management-events-first-copy': dim('events', 'CloudTrail: the first copy of management events delivered to S3 is free', 'https://aws.amazon.com/cloudtrail/pricing/', 'a published $0 rate, entered so the trail shows as a priced line item', same(ALL_REGIONS_CROSS_AZ, 0)),
  },
  backup: {
    's3-backup-storage': dim('GB-Mo', 'AWS Backup warm storage for S3 data', 'https://aws.amazon.com/backup/pricing/', NOT_IN_FEED, same(US3, 0.05)),
  },
  xray: {
    traces: dim('traces', 'X-Ray traces recorded (first 100,000 a month free)', 'https://aws.amazon.com/xray/pricing/', NOT_IN_FEED, same([...US3, 'eu-west-1', 'eu-central-1'], 0.000005)),
  },
  acm: {
    'public-certificate': dim('certificates', 'ACM public TLS certificates used with integrated services are free', 'https://aws.amazon.com/certificate-manager/pricing/', 'a published $0 rate, entered so certificates show as priced line items', same(ALL_REGIONS_CROSS_AZ, 0)),
  },
};

/** Curated instance tables (hourly node prices) for services whose feeds were not captured. */
export const CURATED_TABLES: Record<string, Record<string, CatalogTable>> = {
  opensearch: {
    nodes: table('hours', 'OpenSearch Service on-demand data/master node, per hour', 'https://aws.amazon.com/opensearch-service/pricing/', NOT_IN_FEED, {
      'us-east-1': { 't3.small.search': 0.036, 't3.medium.search': 0.073, 'm6g.large.search': 0.128, 'c6g.large.search': 0.113, 'r6g.large.search': 0.167 },
    }),
  },
  redshift: {
    nodes: table('hours', 'Redshift provisioned RA3 node, per hour', 'https://aws.amazon.com/redshift/pricing/', NOT_IN_FEED, {
      'us-east-1': { 'ra3.xlplus': 1.086, 'ra3.4xlarge': 3.26, 'ra3.16xlarge': 13.04 },
    }),
  },
  sagemaker: {
    'realtime-instances': table('hours', 'SageMaker real-time inference instance, per hour', 'https://aws.amazon.com/sagemaker/pricing/', NOT_IN_FEED, {
      'us-east-1': { 'ml.g5.xlarge': 1.408, 'ml.m5.large': 0.115, 'ml.c5.large': 0.102 },
    }),
  },
};

/** Services priced only from curated rows (no feed), with their display names. */
export const CURATED_SERVICES: Record<string, string> = {
  ebs: 'Amazon EBS',
  glue: 'AWS Glue',
  sagemaker: 'Amazon SageMaker',
  redshift: 'Amazon Redshift',
  opensearch: 'Amazon OpenSearch Service',
  appsync: 'AWS AppSync',
  iot: 'AWS IoT Core',
  transfer: 'AWS Transfer Family',
  ses: 'Amazon SES',
  athena: 'Amazon Athena',
  firehose: 'Amazon Data Firehose',
  guardduty: 'Amazon GuardDuty',
  cloudtrail: 'AWS CloudTrail',
  backup: 'AWS Backup',
  acm: 'AWS Certificate Manager',
  xray: 'AWS X-Ray',
};
