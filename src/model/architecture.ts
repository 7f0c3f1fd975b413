import { z } from 'zod';
import { Acknowledgement, Component, ComponentId } from './components.js';
import { Decision } from './decision.js';
import { RegionSchema } from './regions.js';
import { ComplianceFramework, DataClassification } from './requirements.js';

/**
 * What flows along an edge. The direction is always from the actor to the thing acted on:
 * `api -> fn` is `invoke`, `fn -> table` is `write`, `topic -> queue` is `subscribe` (the queue receives),
 * `queue -> fn` is `trigger`, `cdn -> bucket` is `route` (origin), `waf -> cdn` is `protect`,
 * `api -> userpool` is `authenticate`.
 *
 * IAM policies and security-group rules are derived from these edges, so each kind maps to a fixed set of
 * permissions on the target.
 */
export const CONNECTION_KINDS = [
  'invoke',
  'read',
  'write',
  'read-write',
  'publish',
  'subscribe',
  'trigger',
  'route',
  'protect',
  'authenticate',
  'replicate',
] as const;
export const ConnectionKind = z
  .enum(CONNECTION_KINDS)
  .describe(
    'invoke (calls), read, write, read-write, publish (sends to a topic/bus/stream), subscribe (topic delivers to target), trigger (source starts target), route (edge forwards to origin), protect (WAF guards target), authenticate (verifies identities with target), replicate.',
  );
export type ConnectionKind = z.infer<typeof ConnectionKind>;

export const Connection = z.object({
  from: ComponentId.describe('Component id of the actor.'),
  to: ComponentId.describe('Component id acted on.'),
  kind: ConnectionKind,
  /** What flows, shown as the edge label: "chat messages", "order events". */
  description: z.string().optional().describe('What flows along the edge, shown as its label, e.g. "order events".'),
  /** Narrow the permission to a key prefix, path or route when the target supports it. */
  scope: z.string().optional().describe('Optional narrowing: S3 key prefix, API route, table index.'),
});
export type Connection = z.infer<typeof Connection>;

export const VPC_ENDPOINT_SERVICES = [
  's3',
  'dynamodb',
  'secretsmanager',
  'ecr.api',
  'ecr.dkr',
  'logs',
  'sqs',
  'sns',
  'kms',
  'sts',
  'execute-api',
  'monitoring',
] as const;

/** The VPC, when any component needs one. */
export const Network = z.object({
  cidr: z
    .string()
    .regex(/^(\d{1,3}\.){3}\d{1,3}\/(1[6-9]|2[0-4])$/, 'must be an IPv4 CIDR between /16 and /24, e.g. 10.0.0.0/16')
    .default('10.0.0.0/16')
    .describe('VPC IPv4 CIDR, /16 to /24.'),
  azCount: z.number().int().min(1).max(6).default(2).describe('Availability Zones used (2+ for multi-AZ).'),
  publicSubnets: z.boolean().default(true).describe('Public subnets (load balancers, NAT).'),
  privateSubnets: z.boolean().default(true).describe('Private subnets with egress (compute).'),
  isolatedSubnets: z.boolean().default(true).describe('Isolated subnets without internet route (databases).'),
  natGateways: z.enum(['none', 'single', 'per-az']).default('single').describe('NAT gateways: none, single (cheaper) or per-az (resilient).'),
  /** Gateway endpoints (s3, dynamodb) are free; interface endpoints bill per hour per AZ. */
  vpcEndpoints: z.array(z.enum(VPC_ENDPOINT_SERVICES)).default(['s3', 'dynamodb']).describe('VPC endpoints; s3 and dynamodb gateway endpoints are free.'),
  flowLogs: z.boolean().default(true).describe('VPC flow logs to CloudWatch Logs.'),
});
export type Network = z.infer<typeof Network>;

export const Security = z.object({
  /** customer-managed: one KMS key per system with rotation; required by HIPAA/PCI designs here. */
  encryptionKeys: z.enum(['aws-managed', 'customer-managed']).default('aws-managed').describe('aws-managed keys, or customer-managed KMS keys with rotation.'),
  auditTrail: z.boolean().default(true).describe('CloudTrail trail for management events, to an encrypted bucket.'),
  threatDetection: z.boolean().default(false).describe('GuardDuty threat detection.'),
  /** Security Hub standards to enable, when any. */
  tlsMinimum: z.enum(['1.2', '1.3']).default('1.2').describe('Minimum TLS version in transit.'),
});
export type Security = z.infer<typeof Security>;

export const DR_STRATEGIES = ['none', 'backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;
export const DrStrategy = z.enum(DR_STRATEGIES).describe('Disaster recovery strategy: none, backup-restore, pilot-light, warm-standby or active-active.');
export type DrStrategy = z.infer<typeof DrStrategy>;

export const Resilience = z.object({
  availabilityTarget: z.number().min(90).max(100).default(99.9).describe('Availability target in percent.'),
  rpoMinutes: z.number().nonnegative().optional().describe('Recovery point objective in minutes.'),
  rtoMinutes: z.number().nonnegative().optional().describe('Recovery time objective in minutes.'),
  multiAz: z.boolean().default(true).describe('Spread stateful and compute tiers across Availability Zones.'),
  drStrategy: DrStrategy.default('backup-restore'),
  secondaryRegion: RegionSchema.optional().describe('DR region for pilot-light, warm-standby or active-active.'),
  backupRetentionDays: z.number().int().min(1).max(3650).default(35).describe('AWS Backup retention in days.'),
  /** Copy backups to the secondary region. */
  crossRegionBackupCopy: z.boolean().default(false).describe('Copy backups to the secondary region.'),
});
export type Resilience = z.infer<typeof Resilience>;

export const Observability = z.object({
  logRetentionDays: z
    .union([z.literal(1), z.literal(3), z.literal(5), z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(120), z.literal(150), z.literal(180), z.literal(365), z.literal(400), z.literal(545), z.literal(731), z.literal(1096), z.literal(1827), z.literal(2192), z.literal(2557), z.literal(2922), z.literal(3288), z.literal(3653)])
    .default(30)
    .describe('CloudWatch Logs retention in days (a value CloudWatch accepts, e.g. 30, 90, 365).'),
  tracing: z.boolean().default(true).describe('X-Ray tracing where supported.'),
  dashboard: z.boolean().default(true).describe('A CloudWatch dashboard of the key metrics.'),
  /** Where alarms notify; an SNS topic is created for it. */
  alarmEmail: z.string().email().optional().describe('Email notified by alarms (via an SNS topic).'),
});
export type Observability = z.infer<typeof Observability>;

export const Delivery = z.object({
  pipeline: z.enum(['github-actions', 'codepipeline', 'both', 'none']).default('github-actions').describe('CI/CD: GitHub Actions (default), an AWS CodePipeline in the template, both, or none.'),
  stages: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1).default(['staging', 'production']).describe('Deployment stages in order; the last needs manual approval.'),
  /** GitHub repository (owner/name) trusted by the OIDC deploy role. */
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/).default('my-org/my-repo').describe('GitHub owner/name trusted by the OIDC deploy role.'),
});
export type Delivery = z.infer<typeof Delivery>;

/**
 * Load on one component per month: the inputs of the cost engine. All fields optional; the estimator lists an
 * assumption for anything it has to default. Names carry their unit.
 */
export const ComponentUsage = z.object({
  requestsPerMonth: z.number().nonnegative().optional().describe('Requests or invocations per month.'),
  avgDurationMs: z.number().nonnegative().optional().describe('Average duration per invocation in ms.'),
  readsPerMonth: z.number().nonnegative().optional().describe('Read operations per month (DynamoDB RRUs, S3 GETs, ...).'),
  writesPerMonth: z.number().nonnegative().optional().describe('Write operations per month (DynamoDB WRUs, S3 PUTs, ...).'),
  messagesPerMonth: z.number().nonnegative().optional().describe('Messages, events or records per month.'),
  connectionMinutesPerMonth: z.number().nonnegative().optional().describe('WebSocket or MQTT connection minutes per month.'),
  monthlyActiveUsers: z.number().nonnegative().optional().describe('Monthly active users (Cognito).'),
  storageGb: z.number().nonnegative().optional().describe('Average data stored in GB over the month.'),
  dataOutGb: z.number().nonnegative().optional().describe('Data transferred out to the internet per month in GB.'),
  dataProcessedGb: z.number().nonnegative().optional().describe('Data processed per month in GB (NAT, load balancer, Firehose, Kinesis).'),
  scannedTb: z.number().nonnegative().optional().describe('Data scanned per month in TB (Athena).'),
  /** Average running instances/tasks/nodes over the month, for components that scale out. */
  avgInstances: z.number().nonnegative().optional().describe('Average running tasks, instances or nodes over the month.'),
  /** Hours per month the component runs (scheduled jobs); 730 is always on. */
  hoursPerMonth: z.number().nonnegative().max(744).optional().describe('Hours per month it runs; 730 = always on.'),
  /** Average capacity units (Aurora ACUs, ElastiCache ECPUs per second, Redshift RPUs). */
  avgCapacityUnits: z.number().nonnegative().optional().describe('Average capacity units: Aurora ACUs, Redshift RPUs, ...'),
});
export type ComponentUsage = z.infer<typeof ComponentUsage>;

export const UsageProfile = z.object({
  /** Load per component id. */
  components: z.record(z.string(), ComponentUsage).default({}).describe('Monthly load per component id.'),
  /** Internet data transfer out not attributed to a component, GB per month. */
  dataOutGb: z.number().nonnegative().default(0).describe('Internet data out not attributed to a component, GB/month.'),
  /** Traffic through NAT gateways, GB per month. */
  natProcessedGb: z.number().nonnegative().default(0).describe('Data through NAT gateways, GB/month.'),
  /** Log ingestion to CloudWatch Logs, GB per month. */
  logsIngestedGb: z.number().nonnegative().default(0).describe('CloudWatch Logs ingestion, GB/month.'),
  /** Cross-AZ traffic, GB per month. */
  crossAzGb: z.number().nonnegative().default(0).describe('Cross-AZ data transfer, GB/month.'),
  /** How the figures were derived, one line each. */
  assumptions: z.array(z.string()).default([]).describe('How the figures were derived.'),
});
export type UsageProfile = z.infer<typeof UsageProfile>;

/**
 * The design: everything the generators, estimator, reviewer and renderers read. Plain JSON; every generated
 * artifact is a pure function of it.
 */
export const Architecture = z.object({
  schemaVersion: z.literal(1).default(1).describe('Model version; always 1.'),
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter, at most 40 characters')
    .describe('System name, used in resource names and stack names, e.g. chat-backend.'),
  description: z.string().default('').describe('What the system does.'),
  region: RegionSchema.default('us-east-1'),
  environment: z.enum(['dev', 'staging', 'prod']).default('prod').describe('Environment the design targets.'),
  components: z.array(Component).min(1, 'a design needs at least one component').describe('The boxes: one per AWS resource group.'),
  connections: z.array(Connection).default([]).describe('The edges: who calls, reads, writes or triggers whom.'),
  network: Network.optional().describe('The VPC; required when a component must run in a VPC.'),
  dataClassification: DataClassification.default('internal'),
  compliance: z.array(ComplianceFramework).default([]).describe('Compliance regimes the design must meet.'),
  security: Security.prefault({}),
  resilience: Resilience.prefault({}),
  observability: Observability.prefault({}),
  delivery: Delivery.prefault({}),
  usage: UsageProfile.prefault({}),
  decisions: z.array(Decision).default([]).describe('The service decisions that led here.'),
  /** Design-wide acknowledgements of review findings. */
  acknowledgements: z.array(Acknowledgement.extend({ component: z.string().optional() })).default([]).describe('Accepted review findings, with reasons.'),
  tags: z.record(z.string(), z.string()).default({}).describe('Tags on every resource (project, owner, cost-center, ...).'),
});
export type Architecture = z.infer<typeof Architecture>;
export type ArchitectureInput = z.input<typeof Architecture>;
