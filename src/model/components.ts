import { z } from 'zod';
import { Layer } from './layer.js';

export { LAYERS, Layer } from './layer.js';

/**
 * Component kinds: one per AWS service that a design places as a box on the diagram. Each has its own `config`
 * schema with secure, sensible defaults, so a minimal `{ id, service }` is already deployable.
 *
 * Platform concerns that every design shares (VPC and NAT, KMS keys, CloudTrail, CloudWatch alarms and dashboard,
 * AWS Backup) are not components: they live in the architecture's `network`, `security`, `observability` and
 * `resilience` sections, and the generators emit them from there.
 */

/** `orders-api`: lower-case, starts with a letter, safe as a CloudFormation, Terraform and CDK identifier. */
export const ComponentId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter, at most 40 characters')
  .describe('Component id: lower-case letters, digits and dashes, e.g. orders-api.');

/** A review finding the team accepted, with the reason. Reported as acknowledged, never hidden. */
export const Acknowledgement = z.object({
  /** Rule id as reported, e.g. `AwsSolutions-IAM5` or `WA-REL-001`. */
  rule: z.string().min(1).describe('Rule id as reported, e.g. AwsSolutions-IAM5 or WA-REL-1.'),
  reason: z.string().min(10).describe('Why the finding is acceptable (at least 10 characters).'),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

const Cron = z
  .string()
  .regex(/^(rate|cron)\(.+\)$/, 'must be an EventBridge schedule expression such as rate(1 hour) or cron(0 2 * * ? *)')
  .describe('EventBridge schedule expression, e.g. rate(5 minutes) or cron(0 2 * * ? *).');

const Architecture = z.enum(['arm64', 'x86_64']).describe('CPU architecture; arm64 (Graviton) is cheaper for most workloads.');

// ---------------------------------------------------------------------------------------------------------------
// Edge
// ---------------------------------------------------------------------------------------------------------------

export const CloudFrontConfig = z.object({
  priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']).default('PriceClass_100').describe('Edge locations served; 100 = North America and Europe only (cheapest).'),
  /** Cache behaviour for the default origin. */
  caching: z.enum(['optimized', 'disabled']).default('optimized').describe('Default cache policy: optimized (static) or disabled (dynamic APIs).'),
  /** Custom domain names (need an ACM certificate in us-east-1). */
  aliases: z.array(z.string()).default([]).describe('Custom domain names; need an acm component.'),
  defaultRootObject: z.string().optional().describe('Object served for /, e.g. index.html.'),
  /** SPA-style: answer 403/404 from the origin with /index.html. */
  spaFallback: z.boolean().default(false).describe('Serve /index.html for 403/404 (single-page apps).'),
  minimumTlsVersion: z.enum(['TLSv1.2_2021', 'TLSv1.2_2019']).default('TLSv1.2_2021').describe('Minimum TLS policy for viewers.'),
});

export const Route53Config = z.object({
  domainName: z.string().min(3).default('example.com').describe('Hosted zone domain, e.g. example.com.'),
  /** Create the hosted zone; false means it already exists and records are added to it. */
  createZone: z.boolean().default(true).describe('Create the hosted zone (false: use an existing one).'),
  healthChecks: z.boolean().default(false).describe('Route 53 health checks for failover routing.'),
  routing: z.enum(['simple', 'failover', 'latency', 'weighted']).default('simple').describe('Routing policy for records.'),
});

export const AcmConfig = z.object({
  domainName: z.string().min(3).default('example.com').describe('Certificate domain, e.g. example.com.'),
  subjectAlternativeNames: z.array(z.string()).default([]).describe('Extra names, e.g. *.example.com.'),
  validation: z.enum(['dns', 'email']).default('dns').describe('Validation method; dns is automatic with a route53 component.'),
});

export const WafConfig = z.object({
  scope: z.enum(['CLOUDFRONT', 'REGIONAL']).default('REGIONAL').describe('CLOUDFRONT for distributions, REGIONAL for ALB/API Gateway/AppSync.'),
  /** AWS managed rule groups to enable. */
  managedRuleGroups: z
    .array(z.string())
    .default(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'])
    .describe('AWS managed rule groups to enable.'),
  /** Requests per 5 minutes per client IP before blocking; 0 disables the rate rule. */
  rateLimitPer5Min: z.number().int().min(0).default(2000).describe('Requests per 5 minutes per IP before blocking; 0 disables.'),
  /** Component ids this web ACL protects (cloudfront, alb, apigateway-rest, appsync). */
  protects: z.array(z.string()).default([]).describe('Component ids this web ACL protects.'),
});

const Authorizer = z
  .enum(['none', 'cognito', 'iam', 'lambda'])
  .default('cognito')
  .describe('How callers are authenticated; cognito needs a cognito component connected with kind authenticate.');

export const ApiGatewayRestConfig = z.object({
  endpointType: z.enum(['REGIONAL', 'EDGE', 'PRIVATE']).default('REGIONAL').describe('Endpoint type.'),
  authorizer: Authorizer,
  stageName: z.string().regex(/^[A-Za-z0-9_]+$/).default('prod').describe('Deployment stage name.'),
  throttleRateLimit: z.number().positive().default(1000).describe('Steady-state requests per second allowed.'),
  throttleBurstLimit: z.number().int().positive().default(2000).describe('Burst requests allowed.'),
  cacheSizeGb: z.enum(['0', '0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']).default('0').describe('Stage cache size in GB; 0 disables caching.'),
  /** Routes as `METHOD /path`; each is bound to the component the API invokes. */
  routes: z.array(z.string()).default(['ANY /{proxy+}']).describe('Routes as "METHOD /path", e.g. "GET /orders/{id}".'),
});

export const ApiGatewayHttpConfig = z.object({
  authorizer: z.enum(['none', 'cognito', 'iam', 'lambda']).default('cognito').describe('JWT (cognito), IAM, Lambda or none.'),
  corsAllowedOrigins: z.array(z.string()).default([]).describe('Origins allowed by CORS; empty disables CORS.'),
  throttleRateLimit: z.number().positive().default(1000).describe('Steady-state requests per second allowed.'),
  throttleBurstLimit: z.number().int().positive().default(2000).describe('Burst requests allowed.'),
  routes: z.array(z.string()).default(['ANY /{proxy+}']).describe('Routes as "METHOD /path".'),
});

export const ApiGatewayWebSocketConfig = z.object({
  /** Route keys; $connect, $disconnect and $default are always present. */
  routes: z.array(z.string()).default(['sendMessage']).describe('Custom route keys besides $connect, $disconnect and $default.'),
  routeSelectionExpression: z.string().default('$request.body.action').describe('Route selection expression.'),
  authorizer: z.enum(['none', 'cognito', 'iam', 'lambda']).default('lambda').describe('Authorizer for $connect (WebSocket APIs use a Lambda authorizer for JWTs).'),
  throttleRateLimit: z.number().positive().default(500).describe('Messages per second allowed.'),
  throttleBurstLimit: z.number().int().positive().default(1000).describe('Burst messages allowed.'),
  stageName: z.string().regex(/^[A-Za-z0-9_]+$/).default('prod').describe('Stage name.'),
});

export const AppSyncConfig = z.object({
  authorizer: z.enum(['cognito', 'iam', 'api-key', 'lambda']).default('cognito').describe('Default authorization mode.'),
  /** GraphQL schema SDL; a minimal one is generated when absent. */
  schema: z.string().optional().describe('GraphQL schema (SDL); a minimal schema is generated when absent.'),
  caching: z.boolean().default(false).describe('Enable the AppSync server-side cache.'),
  xrayEnabled: z.boolean().default(true).describe('X-Ray tracing.'),
});

export const LoadBalancerConfig = z.object({
  scheme: z.enum(['internet-facing', 'internal']).default('internet-facing').describe('internet-facing or internal.'),
  /** HTTPS listener on 443 (needs an acm component); HTTP 80 always redirects to HTTPS when true. */
  https: z.boolean().default(true).describe('HTTPS listener (needs an acm component); HTTP redirects to HTTPS.'),
  healthCheckPath: z.string().default('/health').describe('Target group health check path.'),
  idleTimeoutSeconds: z.number().int().min(1).max(4000).default(60).describe('Idle timeout in seconds (ALB).'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
  accessLogs: z.boolean().default(true).describe('Write access logs to S3.'),
});

// ---------------------------------------------------------------------------------------------------------------
// Compute
// ---------------------------------------------------------------------------------------------------------------

export const LambdaConfig = z.object({
  runtime: z
    .enum(['nodejs22.x', 'nodejs20.x', 'python3.13', 'python3.12', 'java21', 'dotnet8', 'ruby3.3', 'provided.al2023'])
    .default('nodejs22.x')
    .describe('Lambda runtime.'),
  architecture: Architecture.default('arm64'),
  memoryMb: z.number().int().min(128).max(10240).default(512).describe('Memory in MB (128 to 10240); CPU scales with it.'),
  timeoutSeconds: z.number().int().min(1).max(900).default(30).describe('Timeout in seconds (at most 900 = 15 minutes).'),
  handler: z.string().default('index.handler').describe('Handler entry point.'),
  reservedConcurrency: z.number().int().min(0).optional().describe('Reserved concurrency cap.'),
  provisionedConcurrency: z.number().int().min(0).default(0).describe('Provisioned concurrency (warm instances); billed per hour.'),
  ephemeralStorageMb: z.number().int().min(512).max(10240).default(512).describe('/tmp size in MB.'),
  /** Runs inside the VPC's private subnets (needed to reach RDS, ElastiCache, ...). */
  inVpc: z.boolean().default(false).describe('Run in the VPC private subnets (needed to reach VPC-only data stores).'),
  /** Scheduled invocation. */
  schedule: Cron.optional(),
  environment: z.record(z.string(), z.string()).default({}).describe('Non-secret environment variables; secrets go in a secrets-manager component.'),
  tracing: z.boolean().default(true).describe('X-Ray active tracing.'),
});

export const EcsFargateConfig = z.object({
  /** service: long-running behind a load balancer; scheduled-task: runs on a schedule and exits. */
  mode: z.enum(['service', 'scheduled-task', 'worker']).default('service').describe('service (behind a load balancer), worker (queue consumer) or scheduled-task.'),
  cpu: z.enum(['256', '512', '1024', '2048', '4096', '8192', '16384']).default('512').describe('Task CPU units (1024 = 1 vCPU).'),
  memoryMb: z.number().int().min(512).max(122880).default(1024).describe('Task memory in MB; must suit the CPU size.'),
  architecture: Architecture.default('arm64'),
  image: z.string().optional().describe('Container image; an ECR repository is created when absent.'),
  containerPort: z.number().int().min(1).max(65535).default(8080).describe('Port the container listens on.'),
  desiredCount: z.number().int().min(0).default(2).describe('Tasks at steady state.'),
  minCount: z.number().int().min(0).default(2).describe('Auto scaling minimum.'),
  maxCount: z.number().int().min(1).default(10).describe('Auto scaling maximum.'),
  targetCpuPercent: z.number().min(10).max(95).default(60).describe('Target tracking CPU utilisation.'),
  schedule: Cron.optional(),
  healthCheckPath: z.string().default('/health').describe('HTTP health check path.'),
  spot: z.boolean().default(false).describe('Use Fargate Spot capacity (interruptible, ~70 % cheaper).'),
});

export const EksConfig = z.object({
  version: z.string().default('1.33').describe('Kubernetes version.'),
  nodeInstanceType: z.string().default('m7g.large').describe('Managed node group instance type.'),
  minNodes: z.number().int().min(0).default(2).describe('Node group minimum.'),
  maxNodes: z.number().int().min(1).default(6).describe('Node group maximum.'),
  desiredNodes: z.number().int().min(0).default(3).describe('Node group desired size.'),
  endpointPublicAccess: z.boolean().default(false).describe('Public API endpoint (private is safer).'),
  nodeDiskGb: z.number().int().min(20).default(50).describe('Node root volume in GB (gp3).'),
});

export const Ec2AsgConfig = z.object({
  instanceType: z.string().default('m7g.large').describe('EC2 instance type.'),
  minSize: z.number().int().min(0).default(2).describe('Auto scaling minimum.'),
  maxSize: z.number().int().min(1).default(6).describe('Auto scaling maximum.'),
  desiredCapacity: z.number().int().min(0).default(2).describe('Desired instances.'),
  targetCpuPercent: z.number().min(10).max(95).default(60).describe('Target tracking CPU utilisation.'),
  rootVolumeGb: z.number().int().min(8).default(30).describe('Root volume in GB (gp3, encrypted).'),
  /** AMI id or SSM parameter; defaults to the latest Amazon Linux 2023 for the architecture. */
  ami: z.string().optional().describe('AMI id or SSM parameter path; latest Amazon Linux 2023 when absent.'),
});

export const GlueJobConfig = z.object({
  jobType: z.enum(['glueetl', 'pythonshell', 'gluestreaming']).default('glueetl').describe('Glue job type.'),
  glueVersion: z.string().default('5.0').describe('Glue version.'),
  workerType: z.enum(['G.1X', 'G.2X', 'G.4X', 'G.8X']).default('G.1X').describe('Worker type (1X = 4 vCPU, 16 GB).'),
  numberOfWorkers: z.number().int().min(2).default(10).describe('Number of workers (DPUs for G.1X).'),
  timeoutMinutes: z.number().int().min(1).max(10080).default(120).describe('Job timeout in minutes.'),
  maxRetries: z.number().int().min(0).max(10).default(2).describe('Retries on failure.'),
  schedule: Cron.optional(),
});

export const SageMakerEndpointConfig = z.object({
  /** Serverless inference scales to zero; real-time keeps instances up. */
  mode: z.enum(['real-time', 'serverless']).default('serverless').describe('real-time (instances) or serverless (scales to zero).'),
  instanceType: z.string().default('ml.g5.xlarge').describe('Instance type for real-time endpoints.'),
  instanceCount: z.number().int().min(1).default(2).describe('Instances for real-time endpoints (2+ for multi-AZ).'),
  serverlessMemoryMb: z.enum(['1024', '2048', '3072', '4096', '5120', '6144']).default('4096').describe('Memory for serverless endpoints.'),
  serverlessMaxConcurrency: z.number().int().min(1).max(200).default(20).describe('Max concurrency for serverless endpoints.'),
  modelImage: z.string().optional().describe('Inference container image URI.'),
});

// ---------------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------------

const KeyAttr = z.object({
  name: z.string().min(1).describe('Attribute name.'),
  type: z.enum(['S', 'N', 'B']).default('S').describe('S (string), N (number) or B (binary).'),
});

export const DynamoDbConfig = z.object({
  partitionKey: KeyAttr.prefault({ name: 'pk' }).describe('Partition key.'),
  sortKey: KeyAttr.optional().describe('Sort key.'),
  billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']).default('PAY_PER_REQUEST').describe('On-demand (PAY_PER_REQUEST) or PROVISIONED capacity.'),
  readCapacity: z.number().int().min(1).default(5).describe('Provisioned read capacity units (PROVISIONED only).'),
  writeCapacity: z.number().int().min(1).default(5).describe('Provisioned write capacity units (PROVISIONED only).'),
  /** Attribute holding an epoch-seconds expiry; items are deleted after it. */
  ttlAttribute: z.string().optional().describe('Attribute holding an epoch-seconds expiry; enables TTL.'),
  stream: z.enum(['NONE', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']).default('NONE').describe('DynamoDB Streams view type.'),
  globalSecondaryIndexes: z
    .array(z.object({ name: z.string().min(3), partitionKey: KeyAttr, sortKey: KeyAttr.optional() }))
    .default([])
    .describe('Global secondary indexes.'),
  pointInTimeRecovery: z.boolean().default(true).describe('Continuous backups with 35-day point-in-time recovery.'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
  tableClass: z.enum(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']).default('STANDARD').describe('Table class.'),
  /** Extra regions for a global table (active-active DR). */
  replicaRegions: z.array(z.string()).default([]).describe('Extra regions for a global table (multi-region active-active).'),
});

const DbEngineVersion = z.string().optional().describe('Engine version; the current default major version when absent.');

export const AuroraConfig = z.object({
  engine: z.enum(['postgresql', 'mysql']).default('postgresql').describe('Aurora PostgreSQL or Aurora MySQL.'),
  engineVersion: DbEngineVersion,
  /** provisioned instances, or Serverless v2 capacity in ACUs. */
  capacity: z.enum(['provisioned', 'serverless-v2']).default('provisioned').describe('provisioned instances or serverless-v2.'),
  instanceClass: z.string().default('db.r7g.large').describe('Instance class for provisioned capacity.'),
  minAcu: z.number().min(0).max(256).default(0.5).describe('Serverless v2 minimum ACUs.'),
  maxAcu: z.number().min(1).max(256).default(16).describe('Serverless v2 maximum ACUs.'),
  /** Reader instances; at least one in another AZ makes the cluster multi-AZ. */
  readers: z.number().int().min(0).max(15).default(1).describe('Reader instances (1+ in another AZ gives multi-AZ failover).'),
  storage: z.enum(['standard', 'io-optimized']).default('standard').describe('Aurora Standard or I/O-Optimized storage.'),
  backupRetentionDays: z.number().int().min(1).max(35).default(14).describe('Automated backup retention in days.'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
  iamAuthentication: z.boolean().default(true).describe('IAM database authentication.'),
  /** Aurora Global Database secondary region for cross-region DR. */
  globalSecondaryRegion: z.string().optional().describe('Secondary region for an Aurora Global Database.'),
  databaseName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/).default('app').describe('Initial database name.'),
});

export const RdsConfig = z.object({
  engine: z.enum(['postgresql', 'mysql', 'mariadb']).default('postgresql').describe('Database engine.'),
  engineVersion: DbEngineVersion,
  instanceClass: z.string().default('db.t4g.medium').describe('Instance class.'),
  allocatedStorageGb: z.number().int().min(20).max(65536).default(50).describe('Allocated gp3 storage in GB.'),
  maxAllocatedStorageGb: z.number().int().min(20).max(65536).default(200).describe('Storage autoscaling ceiling in GB.'),
  multiAz: z.boolean().default(true).describe('Multi-AZ standby.'),
  readReplicas: z.number().int().min(0).max(15).default(0).describe('Read replicas.'),
  backupRetentionDays: z.number().int().min(1).max(35).default(14).describe('Automated backup retention in days.'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
  iamAuthentication: z.boolean().default(true).describe('IAM database authentication.'),
  databaseName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/).default('app').describe('Initial database name.'),
});

export const ElastiCacheConfig = z.object({
  engine: z.enum(['valkey', 'redis', 'memcached']).default('valkey').describe('Cache engine; valkey is the cheaper Redis-compatible engine.'),
  mode: z.enum(['serverless', 'node-based']).default('serverless').describe('serverless (pay per use) or node-based (fixed nodes).'),
  nodeType: z.string().default('cache.t4g.small').describe('Node type for node-based mode.'),
  shards: z.number().int().min(1).max(500).default(1).describe('Shards (node groups) for node-based mode.'),
  replicasPerShard: z.number().int().min(0).max(5).default(1).describe('Replicas per shard (1+ for multi-AZ failover).'),
  maxDataGb: z.number().positive().default(10).describe('Serverless data storage limit in GB.'),
  snapshotRetentionDays: z.number().int().min(0).max(35).default(1).describe('Snapshot retention in days.'),
});

export const DocumentDbConfig = z.object({
  instanceClass: z.string().default('db.r6g.large').describe('Instance class.'),
  instances: z.number().int().min(1).max(16).default(2).describe('Instances (2+ spreads across AZs).'),
  engineVersion: z.string().default('5.0.0').describe('Engine version.'),
  backupRetentionDays: z.number().int().min(1).max(35).default(14).describe('Backup retention in days.'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
});

export const S3Config = z.object({
  /** What the bucket is for; shapes lifecycle defaults, CORS and the diagram label. */
  purpose: z.enum(['media', 'static-site', 'data-lake', 'landing', 'backups', 'logs', 'artifacts', 'general']).default('general').describe('What the bucket holds.'),
  versioning: z.boolean().default(true).describe('Object versioning.'),
  /** Lifecycle transitions and expiry. */
  lifecycle: z
    .array(
      z.object({
        prefix: z.string().default('').describe('Key prefix the rule applies to.'),
        transitions: z
          .array(
            z.object({
              days: z.number().int().min(0).describe('Days after creation.'),
              storageClass: z.enum(['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE']).describe('Target storage class.'),
            }),
          )
          .default([]),
        expirationDays: z.number().int().min(1).optional().describe('Delete objects after this many days.'),
      }),
    )
    .default([])
    .describe('Lifecycle rules.'),
  corsAllowedOrigins: z.array(z.string()).default([]).describe('Origins allowed by CORS (browser uploads).'),
  objectLock: z.boolean().default(false).describe('Object Lock (WORM) for compliance retention.'),
  /** Cross-region replication destination for DR. */
  replicationRegion: z.string().optional().describe('Region to replicate objects to (DR).'),
});

export const OpenSearchConfig = z.object({
  instanceType: z.string().default('r7g.large.search').describe('Data node instance type.'),
  instanceCount: z.number().int().min(1).default(3).describe('Data nodes (3 across AZs for production).'),
  dedicatedMasters: z.boolean().default(false).describe('Dedicated master nodes.'),
  volumeGb: z.number().int().min(10).default(100).describe('EBS gp3 volume per node in GB.'),
  engineVersion: z.string().default('OpenSearch_2.19').describe('Engine version.'),
});

export const RedshiftConfig = z.object({
  mode: z.enum(['serverless', 'provisioned']).default('serverless').describe('Redshift Serverless or a provisioned cluster.'),
  baseRpu: z.number().int().min(4).max(1024).default(8).describe('Serverless base capacity in RPUs.'),
  nodeType: z.string().default('ra3.large').describe('Node type for provisioned clusters.'),
  nodes: z.number().int().min(1).default(2).describe('Nodes for provisioned clusters.'),
  databaseName: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/).default('analytics').describe('Database name.'),
});

// ---------------------------------------------------------------------------------------------------------------
// Integration
// ---------------------------------------------------------------------------------------------------------------

export const SqsConfig = z.object({
  fifo: z.boolean().default(false).describe('FIFO queue (ordering and exactly-once processing).'),
  visibilityTimeoutSeconds: z.number().int().min(0).max(43200).default(60).describe('Visibility timeout; at least 6x the consumer timeout.'),
  retentionDays: z.number().int().min(1).max(14).default(4).describe('Message retention in days.'),
  /** Receives before a message goes to the dead-letter queue. */
  maxReceiveCount: z.number().int().min(1).max(1000).default(5).describe('Receives before a message moves to the dead-letter queue.'),
});

export const SnsConfig = z.object({
  fifo: z.boolean().default(false).describe('FIFO topic.'),
  /** Email subscriptions (alerts to people). */
  emailSubscriptions: z.array(z.string()).default([]).describe('Email addresses subscribed (confirmed by the recipient).'),
});

export const EventBridgeConfig = z.object({
  /** A custom bus; `default` uses the account's default bus. */
  busName: z.string().default('custom').describe('Event bus: "default" or "custom" (a bus named after the component).'),
  archiveRetentionDays: z.number().int().min(0).default(7).describe('Event archive retention for replay; 0 disables.'),
  /** Event patterns by target component id; targets come from trigger connections. */
  patterns: z.record(z.string(), z.string()).default({}).describe('Event pattern (JSON) per target component id; default matches events from this system.'),
});

export const StepFunctionsConfig = z.object({
  type: z.enum(['STANDARD', 'EXPRESS']).default('STANDARD').describe('STANDARD (long, exactly-once) or EXPRESS (short, high volume).'),
  /** Retries per task state on failure. */
  maxAttempts: z.number().int().min(0).max(10).default(3).describe('Retry attempts per task.'),
  schedule: Cron.optional(),
  /** Task order; by default the invoke connections in declaration order. */
  steps: z.array(z.string()).default([]).describe('Component ids invoked in order; defaults to the invoke connections in order.'),
});

export const KinesisStreamsConfig = z.object({
  mode: z.enum(['ON_DEMAND', 'PROVISIONED']).default('ON_DEMAND').describe('ON_DEMAND or PROVISIONED shards.'),
  shards: z.number().int().min(1).default(2).describe('Shards for PROVISIONED (1 MB/s or 1,000 records/s in each).'),
  retentionHours: z.number().int().min(24).max(8760).default(24).describe('Retention in hours.'),
});

export const FirehoseConfig = z.object({
  bufferSeconds: z.number().int().min(0).max(900).default(300).describe('Buffer interval in seconds.'),
  bufferMb: z.number().int().min(1).max(128).default(64).describe('Buffer size in MB.'),
  format: z.enum(['json', 'parquet']).default('parquet').describe('Output format in S3.'),
  compression: z.enum(['GZIP', 'SNAPPY', 'UNCOMPRESSED']).default('SNAPPY').describe('Compression.'),
});

export const IotCoreConfig = z.object({
  /** MQTT topic filter routed by the topic rule. */
  topicFilter: z.string().default('devices/+/telemetry').describe('MQTT topic filter routed by the rule.'),
  /** Per-device certificates; fleet provisioning is the production default. */
  provisioning: z.enum(['fleet', 'manual']).default('fleet').describe('Device provisioning.'),
});

export const SesConfig = z.object({
  domain: z.string().default('example.com').describe('Sending domain (verified with DKIM).'),
  configurationSet: z.boolean().default(true).describe('Configuration set with bounce/complaint events.'),
});

export const TransferFamilyConfig = z.object({
  protocols: z.array(z.enum(['SFTP', 'FTPS', 'AS2'])).default(['SFTP']).describe('Protocols (SFTP recommended).'),
  endpointType: z.enum(['PUBLIC', 'VPC']).default('PUBLIC').describe('PUBLIC or VPC endpoint.'),
  identityProvider: z.enum(['SERVICE_MANAGED', 'API_GATEWAY', 'AWS_LAMBDA']).default('SERVICE_MANAGED').describe('User store.'),
});

export const AthenaConfig = z.object({
  /** Bytes scanned per query before it is cancelled. */
  bytesScannedCutoffGb: z.number().positive().default(100).describe('Per-query scan limit in GB (cost guard).'),
  database: z.string().regex(/^[a-z][a-z0-9_]*$/).default('analytics').describe('Glue Data Catalog database.'),
});

// ---------------------------------------------------------------------------------------------------------------
// Security
// ---------------------------------------------------------------------------------------------------------------

export const CognitoConfig = z.object({
  signInAliases: z.array(z.enum(['email', 'phone', 'username'])).default(['email']).describe('How users sign in.'),
  /** Federated identity providers. */
  identityProviders: z.array(z.enum(['google', 'apple', 'facebook', 'amazon', 'saml', 'oidc'])).default([]).describe('Federated sign-in providers.'),
  mfa: z.enum(['OFF', 'OPTIONAL', 'ON']).default('OPTIONAL').describe('Multi-factor authentication.'),
  featurePlan: z.enum(['LITE', 'ESSENTIALS', 'PLUS']).default('ESSENTIALS').describe('User pool feature plan (billing tier).'),
  passwordMinLength: z.number().int().min(8).max(99).default(12).describe('Minimum password length.'),
  /** Callback URLs for the hosted UI / OAuth flows. */
  callbackUrls: z.array(z.string()).default(['https://localhost:3000/callback']).describe('OAuth callback URLs.'),
  deletionProtection: z.boolean().default(true).describe('Deletion protection.'),
});

export const SecretsManagerConfig = z.object({
  description: z.string().default('Application secret').describe('What the secret holds (never the value).'),
  /** Days between rotations; 0 means no rotation (a third-party key you rotate by hand). */
  rotationDays: z.number().int().min(0).max(365).default(0).describe('Automatic rotation period in days; 0 disables.'),
});

// ---------------------------------------------------------------------------------------------------------------
// The registry of kinds
// ---------------------------------------------------------------------------------------------------------------

/** Every component kind: its config schema and its layer. The catalog describes each one in prose and data. */
export const COMPONENT_KINDS = {
  cloudfront: { layer: 'edge', config: CloudFrontConfig },
  route53: { layer: 'edge', config: Route53Config },
  acm: { layer: 'security', config: AcmConfig },
  waf: { layer: 'security', config: WafConfig },
  'apigateway-rest': { layer: 'edge', config: ApiGatewayRestConfig },
  'apigateway-http': { layer: 'edge', config: ApiGatewayHttpConfig },
  'apigateway-websocket': { layer: 'edge', config: ApiGatewayWebSocketConfig },
  appsync: { layer: 'edge', config: AppSyncConfig },
  alb: { layer: 'edge', config: LoadBalancerConfig },
  nlb: { layer: 'edge', config: LoadBalancerConfig },
  lambda: { layer: 'compute', config: LambdaConfig },
  'ecs-fargate': { layer: 'compute', config: EcsFargateConfig },
  eks: { layer: 'compute', config: EksConfig },
  'ec2-asg': { layer: 'compute', config: Ec2AsgConfig },
  'glue-job': { layer: 'compute', config: GlueJobConfig },
  'sagemaker-endpoint': { layer: 'compute', config: SageMakerEndpointConfig },
  dynamodb: { layer: 'data', config: DynamoDbConfig },
  aurora: { layer: 'data', config: AuroraConfig },
  rds: { layer: 'data', config: RdsConfig },
  elasticache: { layer: 'data', config: ElastiCacheConfig },
  documentdb: { layer: 'data', config: DocumentDbConfig },
  s3: { layer: 'data', config: S3Config },
  opensearch: { layer: 'data', config: OpenSearchConfig },
  redshift: { layer: 'data', config: RedshiftConfig },
  athena: { layer: 'data', config: AthenaConfig },
  sqs: { layer: 'integration', config: SqsConfig },
  sns: { layer: 'integration', config: SnsConfig },
  eventbridge: { layer: 'integration', config: EventBridgeConfig },
  'step-functions': { layer: 'integration', config: StepFunctionsConfig },
  'kinesis-streams': { layer: 'integration', config: KinesisStreamsConfig },
  'kinesis-firehose': { layer: 'integration', config: FirehoseConfig },
  'iot-core': { layer: 'integration', config: IotCoreConfig },
  ses: { layer: 'integration', config: SesConfig },
  'transfer-family': { layer: 'integration', config: TransferFamilyConfig },
  cognito: { layer: 'security', config: CognitoConfig },
  'secrets-manager': { layer: 'security', config: SecretsManagerConfig },
} as const satisfies Record<string, { layer: Layer; config: z.ZodObject }>;

export type ComponentService = keyof typeof COMPONENT_KINDS;
export const COMPONENT_SERVICES = Object.keys(COMPONENT_KINDS) as [ComponentService, ...ComponentService[]];
export const ComponentServiceSchema = z.enum(COMPONENT_SERVICES).describe('Catalog id of the AWS service this component is.');

/** Kinds that must sit in a VPC; the architecture needs a `network` when one of them is present. */
export const VPC_BOUND: ReadonlySet<ComponentService> = new Set([
  'ecs-fargate',
  'eks',
  'ec2-asg',
  'aurora',
  'rds',
  'elasticache',
  'documentdb',
  'opensearch',
  'redshift',
  'alb',
  'nlb',
]);

/** Kinds that hold data a backup plan must cover. */
export const STATEFUL: ReadonlySet<ComponentService> = new Set([
  'dynamodb',
  'aurora',
  'rds',
  'elasticache',
  'documentdb',
  's3',
  'opensearch',
  'redshift',
]);

function kind<S extends string, C extends z.ZodObject>(service: S, layer: Layer, config: C) {
  return z.object({
    id: ComponentId,
    service: z.literal(service),
    /** Human name shown in diagrams and the plan. Defaults to the id. */
    name: z.string().optional().describe('Human-readable name for diagrams and the plan; defaults to the id.'),
    description: z.string().optional().describe('What this component does in the system.'),
    layer: Layer.default(layer),
    config: config.prefault({} as z.input<C>).describe(`Configuration of the ${service} component; every field has a default.`),
    tags: z.record(z.string(), z.string()).default({}).describe('Extra tags for this component.'),
    acknowledgements: z.array(Acknowledgement).default([]).describe('Review findings accepted for this component, with reasons.'),
  });
}

const K = {
  cloudfront: kind('cloudfront', 'edge', CloudFrontConfig),
  route53: kind('route53', 'edge', Route53Config),
  acm: kind('acm', 'security', AcmConfig),
  waf: kind('waf', 'security', WafConfig),
  'apigateway-rest': kind('apigateway-rest', 'edge', ApiGatewayRestConfig),
  'apigateway-http': kind('apigateway-http', 'edge', ApiGatewayHttpConfig),
  'apigateway-websocket': kind('apigateway-websocket', 'edge', ApiGatewayWebSocketConfig),
  appsync: kind('appsync', 'edge', AppSyncConfig),
  alb: kind('alb', 'edge', LoadBalancerConfig),
  nlb: kind('nlb', 'edge', LoadBalancerConfig),
  lambda: kind('lambda', 'compute', LambdaConfig),
  'ecs-fargate': kind('ecs-fargate', 'compute', EcsFargateConfig),
  eks: kind('eks', 'compute', EksConfig),
  'ec2-asg': kind('ec2-asg', 'compute', Ec2AsgConfig),
  'glue-job': kind('glue-job', 'compute', GlueJobConfig),
  'sagemaker-endpoint': kind('sagemaker-endpoint', 'compute', SageMakerEndpointConfig),
  dynamodb: kind('dynamodb', 'data', DynamoDbConfig),
  aurora: kind('aurora', 'data', AuroraConfig),
  rds: kind('rds', 'data', RdsConfig),
  elasticache: kind('elasticache', 'data', ElastiCacheConfig),
  documentdb: kind('documentdb', 'data', DocumentDbConfig),
  s3: kind('s3', 'data', S3Config),
  opensearch: kind('opensearch', 'data', OpenSearchConfig),
  redshift: kind('redshift', 'data', RedshiftConfig),
  athena: kind('athena', 'data', AthenaConfig),
  sqs: kind('sqs', 'integration', SqsConfig),
  sns: kind('sns', 'integration', SnsConfig),
  eventbridge: kind('eventbridge', 'integration', EventBridgeConfig),
  'step-functions': kind('step-functions', 'integration', StepFunctionsConfig),
  'kinesis-streams': kind('kinesis-streams', 'integration', KinesisStreamsConfig),
  'kinesis-firehose': kind('kinesis-firehose', 'integration', FirehoseConfig),
  'iot-core': kind('iot-core', 'integration', IotCoreConfig),
  ses: kind('ses', 'integration', SesConfig),
  'transfer-family': kind('transfer-family', 'integration', TransferFamilyConfig),
  cognito: kind('cognito', 'security', CognitoConfig),
  'secrets-manager': kind('secrets-manager', 'security', SecretsManagerConfig),
} as const satisfies { [S in ComponentService]: z.ZodObject };

/** One box in the design: `{ id, service, config }`, discriminated on `service`. */
export const Component = z.discriminatedUnion('service', [
  K.cloudfront, K.route53, K.acm, K.waf, K['apigateway-rest'], K['apigateway-http'], K['apigateway-websocket'], K.appsync,
  K.alb, K.nlb, K.lambda, K['ecs-fargate'], K.eks, K['ec2-asg'], K['glue-job'], K['sagemaker-endpoint'], K.dynamodb,
  K.aurora, K.rds, K.elasticache, K.documentdb, K.s3, K.opensearch, K.redshift, K.athena, K.sqs, K.sns, K.eventbridge,
  K['step-functions'], K['kinesis-streams'], K['kinesis-firehose'], K['iot-core'], K.ses, K['transfer-family'], K.cognito,
  K['secrets-manager'],
]);

/** A parsed component, narrowed by its `service`. */
export type Component = z.output<typeof Component>;
export type ComponentOfService<S extends ComponentService> = Extract<Component, { service: S }>;
export type ComponentConfig<S extends ComponentService> = ComponentOfService<S>['config'];

/** Narrowing helper: `isService(c, 'lambda')` gives `c.config` its Lambda type. */
export function isService<S extends ComponentService>(c: Component, service: S): c is Extract<Component, { service: S }> {
  return c.service === service;
}

/** Parses one kind's config with its defaults (useful to generators and tests). */
export function parseConfig<S extends ComponentService>(service: S, config: unknown): ComponentConfig<S> {
  return COMPONENT_KINDS[service].config.parse(config ?? {}) as ComponentConfig<S>;
}
