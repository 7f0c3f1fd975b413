import type { Architecture, Component, ComponentService, Grant, NetworkRule, ResourceRef } from '../../model/index.js';
import type { BuildOptions, Resolvers } from './base.js';
import type { Owner, Prop, Stmt, SubnetTier, Val } from './values.js';

/** How a resource outlives its stack: kept, or snapshotted (databases) when deleted or replaced. */
export type Removal = 'retain' | 'snapshot';

/** Resource attributes besides its properties. */
export interface ResourceOptions {
  /** Logical ids this resource must be created after. */
  dependsOn?: string[];
  removal?: Removal;
}

/** A CloudWatch alarm on one metric; every alarm notifies the design's alarm topic. */
export interface AlarmSpec {
  /** What the alarm watches, shown in the console and the notification. */
  description: string;
  namespace: string;
  metric: string;
  dimensions: Record<string, Val | string>;
  statistic?: 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';
  extendedStatistic?: string;
  threshold: number;
  comparison: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  period?: number;
}

/** An IAM role with its least-privilege policies. */
export interface RoleSpec {
  /** Service principals allowed to assume the role; none: the account root. */
  services: string[];
  description: string;
  /** The component's own needs (logs, tracing, network interfaces), each with a reason for any wildcard. */
  statements?: Stmt[];
  /**
   * Add the statements derived from the component's connections (src/model/permissions.ts). They go in a policy
   * of their own, `<role>GrantsPolicy`, so the component's resources can depend on `<role>Policy` (what a service
   * checks at creation: logs, network interfaces, a dead-letter queue) without depending on other components,
   * which would be a circular dependency when two components use each other.
   */
  grants?: boolean;
  /** AWS managed policies, only where AWS maintains the exact permissions a service role needs. */
  managedPolicyArns?: Array<{ arn: string; reason: string }>;
  /** Extra trust conditions for the service principal. */
  assumeCondition?: Prop;
  /** The principal may also tag its session (sts:TagSession), as EKS Pod Identity needs. */
  sessionTags?: boolean;
}

/** A queue (or a dead-letter queue), encrypted, refusing plain HTTP. */
export interface QueueSpec {
  /** A fixed name; FIFO queues need one ending in `.fifo`. */
  name?: Val;
  visibilityTimeoutSeconds?: number;
  retentionDays: number;
  /** Where messages go after `maxReceiveCount` failed receives. */
  deadLetter?: { queue: string; maxReceiveCount: number };
  fifo?: boolean;
  /** Reuse data keys for five minutes (fewer KMS calls) when the customer-managed key encrypts the queue. */
  reuseDataKeys?: boolean;
}

/** A topic, encrypted, refusing plain HTTP. */
export interface TopicSpec {
  displayName: string;
  /** A fixed name; FIFO topics need one ending in `.fifo`. */
  name?: Val;
  fifo?: boolean;
  /**
   * Without the customer-managed key, encrypt with the AWS managed SNS key; false when AWS services publish to the
   * topic, which that key does not allow.
   */
  awsManagedKey: boolean;
  /**
   * A note above the declaration, in targets that write comments. Given here rather than through
   * {@link Target.comment} because the CDK may declare the component's scope first, for the key.
   */
  comment?: string;
}

/** A subscription of an endpoint to a topic. */
export interface SubscriptionSpec {
  topic: string;
  protocol: 'sqs' | 'lambda' | 'firehose' | 'https' | 'email';
  endpoint: Val | string;
  /** Deliver the message body only (queues and delivery streams). */
  raw?: boolean;
  /** The role SNS assumes to deliver (Firehose). */
  roleArn?: Val | string;
}

/** A secret whose initial value Secrets Manager generates (never a plaintext value in the stack). */
export interface SecretSpec {
  description: string;
  length: number;
  excludePunctuation: boolean;
}

/** A key attribute of a table or index. */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

/** A DynamoDB table, encrypted and retained; a global table when it has replica regions. */
export interface TableSpec {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Global secondary indexes, projecting all attributes. */
  indexes: Array<{ name: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute }>;
  /**
   * Provisioned capacity: the provisioned units are `min`, and auto scaling keeps utilisation near
   * `targetPercent` up to `max`. Undefined: on demand.
   */
  capacity?: { read: { min: number; max: number }; write: { min: number; max: number }; targetPercent: number };
  /** The stream view, when the table has a stream. */
  stream?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
  tableClass: 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';
  ttlAttribute?: string;
  /** Regions besides the design's own; any makes it a global table. */
  replicaRegions: string[];
}

/** S3 storage classes lifecycle rules move objects to. */
export type StorageClass = 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'GLACIER_IR' | 'GLACIER' | 'DEEP_ARCHIVE';

/** One lifecycle rule of a bucket. */
export interface LifecycleRule {
  id: string;
  prefix?: string;
  abortIncompleteUploadDays?: number;
  transitions?: Array<{ storageClass: StorageClass; days: number }>;
  expirationDays?: number;
  /** Days noncurrent versions are kept. */
  noncurrentDays?: number;
}

/** A private, encrypted, access-logged bucket whose policy refuses plain HTTP. */
export interface BucketSpec {
  /** A fixed name. */
  name?: Val;
  lifecycle?: LifecycleRule[];
  cors?: { origins: string[]; methods: Array<'GET' | 'PUT' | 'POST' | 'HEAD' | 'DELETE'>; headers: string[]; maxAgeSeconds: number };
  /** Object Lock with a default retention. */
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days: number };
  /** @default true */
  versioned?: boolean;
  /** Why the bucket uses SSE-S3 even when the design has a customer-managed key. */
  sseS3?: string;
  /** Server access logs to the access-log bucket. @default true */
  logs?: boolean;
  /** Statements after the bucket policy's TLS-only one. */
  statements?: Stmt[];
  /**
   * CloudFormation properties the target has no shorthand for (notifications, replication), in order. Each value
   * is computed when the target writes the property (anything it creates, such as a replication role, is placed
   * there), and the bucket waits for `dependsOn`.
   */
  extra?: Array<{ property: string; value: () => Prop; dependsOn?: string[] }>;
}

/** The role and policy ids a {@link Target.role} call created. */
export interface RoleIds {
  role: string;
  /** `<role>Policy`, when the role has statements of its own. */
  policy?: string;
  /** `<role>GrantsPolicy`, when the role has connection grants. */
  grantsPolicy?: string;
}

/**
 * What the shared emitters (src/generators/shared/emitters, src/generators/shared/platform) write through: the
 * model and what is derived from it, naming, values, and the resources many components share. CloudFormation
 * (src/generators/cloudformation/context.ts) and the CDK (src/generators/cdk/context.ts) implement it; each
 * renders the same decisions its own way, so a resource is decided once and both targets produce it alike.
 */
export interface Target {
  readonly a: Architecture;
  readonly grants: Grant[];
  readonly networkRules: NetworkRule[];
  /** Logical-id prefix of each component (src/generators/shared/names.ts). */
  readonly prefixes: Map<string, string>;
  /** Customer-managed KMS key in use. */
  readonly cmk: boolean;
  /** HIPAA or PCI DSS: the stricter controls their rule packs ask for. */
  readonly regulated: boolean;
  /** Service principals that need the customer-managed key (logs, alarms, delivery services). */
  readonly keyServices: Set<string>;

  // Model and naming --------------------------------------------------------------------------------------------

  /** Logical id of a component's resource: prefix + suffix. */
  id(c: Component | string, suffix: string): string;
  component(id: string): Component;
  /** Components connected from `c` by edges matching the filter. */
  targets(c: Component, kinds?: string[], services?: ComponentService[]): Component[];
  /** Components connected to `c` by edges matching the filter. */
  sources(c: Component, kinds?: string[], services?: ComponentService[]): Component[];
  /** Notes something the generator had to decide for the user (returned with the files). */
  warn(path: string, message: string): void;
  /** A singleton (platform resource, shared role), made on first use. */
  once<T>(key: string, make: () => T): T;

  // References between components -------------------------------------------------------------------------------

  /** An abstract reference from src/model/permissions.ts: usually one ARN, several when the part spans resources. */
  refs(r: ResourceRef): Val[];
  /** A single-valued reference. */
  refOf(r: ResourceRef): Val;
  /** A named attribute of another component (endpoint, id, name); undefined when the kind has none. */
  attr(c: Component | string, name: string): Val | string | undefined;
  /** Environment variables for everything `c` is connected to (outgoing edges), for functions and containers. */
  connectionEnv(c: Component): Record<string, Val | string>;

  // Values ------------------------------------------------------------------------------------------------------

  /** `!Ref X`: the resource's name, id or ARN, whatever CloudFormation returns for its type. */
  ref(logicalId: string): Val;
  /** `!GetAtt X.Attribute`. */
  att(logicalId: string, attribute: string): Val;
  /**
   * `!Sub` text: `${X}` and `${X.Attr}` name resources, `${AWS::Region}` and the like are pseudo parameters,
   * `${EnvironmentName}` is the stage, `${ImageTag}` the image tag, `${!Text}` stays literal.
   */
  sub(text: string): Val;
  /** A string with values embedded: `` ctx.tpl`arn:...:${fnArn}/invocations` ``. */
  tpl(strings: TemplateStringsArray, ...values: Val[]): Val;
  /** A JSON-typed property (policy documents, patterns): its keys are data and are written as given. */
  json(value: Prop): Val;
  /** A map-typed property: keys are data, values are properties as usual. */
  mapOf(value: Record<string, Prop>): Val;
  /** `!Join [separator, list]` of a list-valued attribute. */
  joinList(separator: string, list: Val): Val;
  /** `!Select [index, list]`. */
  select(index: number, list: Val): Val;
  /** `!GetAZs ''`: the region's Availability Zones. */
  azs(): Val;
  /** `!Cidr [block, count, bits]`: `count` subnet blocks of `bits` host bits each. */
  cidr(block: Val, count: number, bits: number): Val;
  /** Pseudo parameters. */
  readonly aws: { readonly region: Val; readonly account: Val; readonly partition: Val; readonly urlSuffix: Val };
  /** The customer-managed key's ARN, or undefined with AWS managed keys. */
  keyArn(): Val | undefined;
  /** The design's and the owner's tags as a `[{ Key, Value }]` list, for tag specifications and tag properties. */
  tagList(owner: Owner): Array<{ Key: string; Value: Val | string }>;

  // Resources ---------------------------------------------------------------------------------------------------

  /** A resource of CloudFormation type `type` with CloudFormation-shaped properties; returns its logical id. */
  resource(owner: Owner, logicalId: string, type: string, props: Record<string, Prop>, options?: ResourceOptions): string;
  /**
   * Acknowledges cdk-nag findings on a resource, with the reason. HIPAA and PCI pack rules are only acknowledged in
   * designs that claim that regime, so a design without it never carries its vocabulary.
   */
  ack(logicalId: string, reason: string, ...rules: string[]): void;
  /** A note for the reader of the generated code, above what comes next (where the target has comments). */
  comment(text: string): void;
  /** A stack output. */
  output(name: string, value: Val | string, description: string): void;
  /** A log group with the design's retention, encrypted with the customer-managed key when there is one. */
  logGroup(owner: Owner, logicalId: string, name?: Val, retentionDays?: number): string;
  /**
   * An IAM role plus one customer-managed policy holding its statements (no inline policies, no AWS managed
   * policies unless AWS maintains the exact permission set). Wildcards are acknowledged on the policy with the
   * reason of the statement that needs them.
   */
  role(owner: Owner, roleId: string, spec: RoleSpec): RoleIds;
  /** A CloudWatch alarm that notifies the alarm topic. */
  alarm(owner: Owner, logicalId: string, spec: AlarmSpec): string;
  /** ARN of the topic every alarm notifies (created on first use). */
  alarmTopicArn(): Val;

  // Resources the CDK declares with its higher-level constructs --------------------------------------------------

  /** A queue; its policy (`<queue>Policy`: TLS only, plus any statements) is {@link queuePolicy}'s. */
  queue(owner: Owner, logicalId: string, spec: QueueSpec): string;
  /** The policy of a queue: TLS only, then `statements`. */
  queuePolicy(owner: Owner, queueId: string, statements: Stmt[]): void;
  topic(owner: Owner, logicalId: string, spec: TopicSpec): string;
  /** The policy of a topic (`<topic>Policy`): TLS only, then `statements`. */
  topicPolicy(owner: Owner, topicId: string, statements: Stmt[]): void;
  subscription(owner: Owner, logicalId: string, spec: SubscriptionSpec): string;
  secret(owner: Owner, logicalId: string, spec: SecretSpec): string;
  table(owner: Owner, logicalId: string, spec: TableSpec): string;
  /** A secure bucket; returns its id and its policy's (`<bucket>Policy`). */
  bucket(owner: Owner, logicalId: string, spec?: BucketSpec): { bucket: string; policy: string };

  // Network -----------------------------------------------------------------------------------------------------

  hasTier(tier: SubnetTier): boolean;
  /** The first tier of `order` the network has. */
  firstTier(order: SubnetTier[]): SubnetTier;
  /** Subnet ids of one tier, one per AZ. */
  subnets(tier: SubnetTier): Val[];
  /** Where compute runs: private subnets, else isolated, else public. */
  computeSubnets(): Val[];
  /** Where data stores live: isolated subnets, else private, else public. */
  dataSubnets(): Val[];
  vpcId(): Val;
  /** The security group of a VPC-bound component; ingress comes from the network rules at the end. */
  securityGroup(c: Component, description: string, ingress?: Prop): string;
  securityGroupOf(componentId: string): string | undefined;

  // Shared buckets and parameters -------------------------------------------------------------------------------

  /** Name of the bucket receiving S3 server access logs, load balancer access logs and CloudFront logs. */
  accessLogsBucketName(): Val;
  /** ARN of the bucket for build artifacts the stack refers to (Glue scripts, function packages). */
  artifactsBucketArn(): Val;
  /** Name of the artifacts bucket. */
  artifactsBucketName(): Val;
  /** Container images from the design's own repositories are tagged by `${ImageTag}`. */
  needImageTag(): void;
}

/** What a target's in-stack delivery pipeline builds and deploys. */
export interface PipelineFlavour {
  /** The CodeBuild step between the source and the first deployment. */
  build: { stage: string; action: string; description: string; buildspec: string };
  /** Where a stage's template is in the build output. */
  templatePath(stack: string): string;
  /** The stack parameters a stage deploys with, where the template takes any (JSON). */
  parameterOverrides?(environment: string, hostsPipeline: boolean): string;
}

/**
 * What the build (src/generators/shared/build.ts) and the platform resources need beyond the emitters' contract:
 * the stack-level parts each target writes its own way.
 */
export interface StackTarget extends Target {
  readonly options: BuildOptions;
  setResolvers(r: Resolvers): void;
  /** The customer-managed key and its alias, declared first so everything can use it. */
  createKey(): void;
  /** Key policy statements for the services that encrypt with the key on the design's behalf. */
  keyPolicy(statements: Stmt[]): void;
  /** Logical ids an owner produced, with the CloudFormation type where the target records it. */
  resourcesOf(ownerId: string): Array<{ id: string; type?: string }>;
  /** A dashboard with a graph of every alarmed metric. */
  dashboard(): void;
  readonly pipeline: PipelineFlavour;
  /** What is declared between these exists only in the stage that hosts the pipeline. */
  beginPipeline(): void;
  endPipeline(): void;
  /** The design's acknowledgements of cdk-nag rules, on everything of the component concerned. */
  applyModelAcknowledgements(): void;
}
