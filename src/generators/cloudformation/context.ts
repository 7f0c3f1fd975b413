import type { Architecture, Component, ComponentService, Grant, NetworkRule, ResourceRef, ValidationFinding } from '../../model/index.js';
import { deriveGrants, deriveKeyGrants, deriveNetworkRules, grantsFor } from '../../model/index.js';
import { ACCOUNT, PARTITION, REGION, assumeRolePolicy, getAtt, policyDocument, ref, sub } from './fn.js';
import type { Statement, Value } from './fn.js';
import { componentPrefixes } from './names.js';
import { plain, wildcardFindings } from './nag.js';
import type { ExplainedStatement } from './nag.js';
import { applyTags } from './tags.js';
import type { Tag } from './tags.js';
import { LogicalIdCollision, TemplateBuilder } from './template.js';
import type { CfnResource } from './template.js';

/** What the template should contain besides the design itself. */
export interface CfnBuildOptions {
  /** CI/CD: an AWS CodePipeline is added to the template for `codepipeline` and `both`. */
  pipeline: 'github-actions' | 'codepipeline' | 'both' | 'none';
}

/** Who produced a resource: the foundation (network, keys, logging), a component, or the operations layer. */
export type Owner = 'platform' | 'operations' | Component;

export interface AlarmSpec {
  /** What the alarm watches, shown in the console and the notification. */
  description: string;
  namespace: string;
  metric: string;
  /** Dimension values as `${Logical.Attr}`-style Sub strings, so the dashboard can reuse them. */
  dimensions: Record<string, string>;
  statistic?: 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';
  extendedStatistic?: string;
  threshold: number;
  comparison: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  period?: number;
  treatMissingData?: 'notBreaching' | 'breaching' | 'missing' | 'ignore';
}

export interface RoleSpec {
  /** Service principals allowed to assume the role. */
  services: string[];
  description: string;
  /** The component's own needs (logs, tracing, network interfaces), each with a reason for any wildcard. */
  statements?: ExplainedStatement[];
  /**
   * Add the statements derived from the component's connections (src/model/permissions.ts). They go in a policy
   * of their own, `<role>GrantsPolicy`, so the component's resources can depend on `<role>Policy` (what a service
   * checks at creation: logs, network interfaces, a dead-letter queue) without depending on other components,
   * which would be a circular dependency when two components use each other.
   */
  grants?: boolean;
  /** AWS managed policies, only where AWS maintains the exact permissions a service role needs. */
  managedPolicyArns?: Array<{ arn: string; reason: string }>;
  assumeCondition?: Value;
}

/** Subnet tiers of the generated VPC. */
export type SubnetTier = 'public' | 'private' | 'isolated';

/** Why a log group has no customer-managed key. */
export const LOGS_AWS_MANAGED = 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): CloudWatch Logs encrypts log data at rest with keys it manages';

const NAG_PACK = /^(AwsSolutions|HIPAA\.Security|PCI\.DSS\.321|NIST\.800\.53\.R[45]|Serverless)-/;

/**
 * Everything an emitter needs while it adds resources: the model, derived grants and network rules, logical-id
 * naming, tagging, and helpers for the resources many components share (roles, log groups, alarms, security
 * groups, secure buckets). Emitters never touch each other's resources except through {@link ref}.
 */
export class CfnContext {
  readonly t: TemplateBuilder;
  readonly byId: Map<string, Component>;
  readonly grants: Grant[];
  readonly networkRules: NetworkRule[];
  readonly prefixes: Map<string, string>;
  /** Component id by logical-id prefix. */
  private readonly prefixOwners = new Map<string, string>();

  /**
   * A logical id or output name equal to another component's prefix would clash with that component's construct
   * scope in the CDK app; that component is renamed, in both generators alike.
   */
  stackLevel(name: string, ownerId: string): void {
    const scoped = this.prefixOwners.get(name);
    if (scoped !== undefined && scoped !== ownerId) throw new LogicalIdCollision(name, scoped, ownerId);
  }
  /** Customer-managed KMS key in use. */
  readonly cmk: boolean;
  /** HIPAA or PCI DSS: the stricter controls their rule packs ask for. */
  readonly regulated: boolean;
  readonly warnings: ValidationFinding[] = [];
  private readonly securityGroups = new Map<string, string>();
  private readonly singletons = new Map<string, Value>();
  /** Alarms in creation order, for the dashboard. */
  readonly alarms: Array<{ id: string; owner: string; spec: AlarmSpec }> = [];
  /** Service principals that need the customer-managed key (logs, alarms, delivery services). */
  readonly keyServices = new Set<string>();
  private refResolver: ((c: Component, part: ResourceRef['part']) => Value | Value[]) | undefined;
  private attrResolver: ((c: Component, name: string) => Value | undefined) | undefined;
  private envResolver: ((c: Component) => Record<string, Value>) | undefined;

  constructor(
    readonly a: Architecture,
    readonly options: CfnBuildOptions,
    renamed: ReadonlySet<string>,
  ) {
    this.t = new TemplateBuilder(description(a));
    this.byId = new Map(a.components.map((c) => [c.id, c]));
    this.grants = deriveGrants(a);
    this.networkRules = deriveNetworkRules(a);
    this.prefixes = componentPrefixes(a, renamed);
    for (const [id, prefix] of this.prefixes) {
      const first = this.prefixOwners.get(prefix);
      if (first !== undefined) throw new LogicalIdCollision(prefix, id, first);
      this.prefixOwners.set(prefix, id);
    }
    this.cmk = a.security.encryptionKeys === 'customer-managed';
    this.regulated = a.compliance.includes('hipaa') || a.compliance.includes('pci-dss');
  }

  setResolvers(
    ref: (c: Component, part: ResourceRef['part']) => Value | Value[],
    attr: (c: Component, name: string) => Value | undefined,
    env: (c: Component) => Record<string, Value>,
  ): void {
    this.refResolver = ref;
    this.attrResolver = attr;
    this.envResolver = env;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Naming, tags, adding resources
  // ---------------------------------------------------------------------------------------------------------

  /** Logical id of a component's resource: prefix + suffix. */
  id(c: Component | string, suffix: string): string {
    const cid = typeof c === 'string' ? c : c.id;
    const p = this.prefixes.get(cid);
    if (p === undefined) throw new Error(`unknown component ${cid}`);
    return p + suffix;
  }

  component(id: string): Component {
    const c = this.byId.get(id);
    if (!c) throw new Error(`unknown component ${id}`);
    return c;
  }

  /** Stable, unique, lower-case physical-name stem for resources whose names AWS requires or shows. */
  physicalName(c: Component | undefined, suffix = ''): Value {
    return sub(`${this.a.name}-\${EnvironmentName}${c ? `-${c.id}` : ''}${suffix}`);
  }

  tags(owner: Owner): Tag[] {
    const out = new Map<string, Value>([
      ['Project', this.a.name],
      ['Environment', ref('EnvironmentName')],
      ['ManagedBy', 'aws-backend-architect'],
      ['DataClassification', this.a.dataClassification],
    ]);
    for (const [k, v] of Object.entries(this.a.tags)) out.set(k, v);
    if (typeof owner === 'object') {
      out.set('Component', owner.id);
      for (const [k, v] of Object.entries(owner.tags)) out.set(k, v);
    }
    return [...out].map(([key, value]) => ({ key, value }));
  }

  /** Adds a resource with the design's tags; returns its logical id. */
  add(owner: Owner, logicalId: string, type: string, props: Record<string, Value>, extra: Omit<CfnResource, 'Type' | 'Properties'> = {}): string {
    const ownerId = typeof owner === 'object' ? owner.id : owner;
    this.stackLevel(logicalId, ownerId);
    const resource: CfnResource = { Type: type, ...extra, Properties: applyTags(type, dropUndefined(props), this.tags(owner)) };
    return this.t.add(ownerId, logicalId, resource);
  }

  /**
   * Acknowledges a cdk-nag finding on a resource, with the reason. HIPAA and PCI pack rules are only acknowledged
   * in designs that claim that regime, so a design without it never carries its vocabulary.
   */
  suppress(logicalId: string, rule: string, reason: string): void {
    if (rule.startsWith('HIPAA.') && !this.a.compliance.includes('hipaa')) return;
    if (rule.startsWith('PCI.') && !this.a.compliance.includes('pci-dss')) return;
    this.t.suppress(logicalId, rule, reason);
  }

  /** The same acknowledgement for several rules. */
  ack(logicalId: string, reason: string, ...rules: string[]): void {
    for (const r of rules) this.suppress(logicalId, r, reason);
  }

  /** Notes something the generator had to decide for the user (returned with the files). */
  warn(path: string, message: string): void {
    this.warnings.push({ severity: 'warning', message, path, source: 'cfn-generator' });
  }

  /** A singleton platform resource, created on first use. */
  once(key: string, make: () => Value): Value {
    let v = this.singletons.get(key);
    if (v === undefined) {
      v = make();
      this.singletons.set(key, v);
    }
    return v;
  }

  hasSingleton(key: string): boolean {
    return this.singletons.has(key);
  }

  // ---------------------------------------------------------------------------------------------------------
  // References between components
  // ---------------------------------------------------------------------------------------------------------

  /** Renders an abstract reference from src/model/permissions.ts as template values (usually one ARN). */
  refs(r: ResourceRef): Value[] {
    if (!this.refResolver) throw new Error('reference resolver not set');
    const v = this.refResolver(this.component(r.component), r.part);
    return Array.isArray(v) && !isIntrinsicList(v) ? v : [v];
  }

  /** A single-valued reference. */
  ref(r: ResourceRef): Value {
    const v = this.refs(r);
    if (v.length !== 1) throw new Error(`${r.component}.${r.part} has ${v.length} values`);
    return v[0]!;
  }

  /** A named attribute of another component (endpoint, id, name); undefined when the kind has none. */
  attr(c: Component | string, name: string): Value | undefined {
    if (!this.attrResolver) throw new Error('attribute resolver not set');
    return this.attrResolver(typeof c === 'string' ? this.component(c) : c, name);
  }

  /** Environment variables that let code find `c`. */
  envOf(c: Component): Record<string, Value> {
    if (!this.envResolver) throw new Error('env resolver not set');
    return this.envResolver(c);
  }

  /** Variables for everything `c` is connected to (outgoing edges), for functions and containers. */
  connectionEnv(c: Component): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (const conn of this.a.connections) {
      if (conn.from !== c.id || conn.kind === 'authenticate' || conn.kind === 'protect') continue;
      Object.assign(out, this.envOf(this.component(conn.to)));
    }
    return out;
  }

  /** Components connected to `c` by edges matching the filter. */
  targets(c: Component, kinds?: string[], services?: ComponentService[]): Component[] {
    return this.a.connections
      .filter((x) => x.from === c.id && (!kinds || kinds.includes(x.kind)))
      .map((x) => this.component(x.to))
      .filter((t) => !services || services.includes(t.service));
  }

  sources(c: Component, kinds?: string[], services?: ComponentService[]): Component[] {
    return this.a.connections
      .filter((x) => x.to === c.id && (!kinds || kinds.includes(x.kind)))
      .map((x) => this.component(x.from))
      .filter((s) => !services || services.includes(s.service));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Encryption
  // ---------------------------------------------------------------------------------------------------------

  /** The customer-managed key's ARN, or undefined with AWS managed keys. */
  keyArn(): Value | undefined {
    return this.cmk ? getAtt('Cmk', 'Arn') : undefined;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Logs, roles, alarms
  // ---------------------------------------------------------------------------------------------------------

  /** A log group with the design's retention, encrypted with the customer-managed key when there is one. */
  logGroup(owner: Owner, logicalId: string, name?: Value, retentionDays?: number): string {
    if (this.cmk) this.keyServices.add('logs');
    const id = this.add(
      owner,
      logicalId,
      'AWS::Logs::LogGroup',
      { LogGroupName: name, RetentionInDays: retentionDays ?? this.a.observability.logRetentionDays, KmsKeyId: this.keyArn() },
      { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    );
    if (!this.cmk) this.ack(id, LOGS_AWS_MANAGED, 'HIPAA.Security-CloudWatchLogGroupEncrypted', 'PCI.DSS.321-CloudWatchLogGroupEncrypted');
    return id;
  }

  /**
   * An IAM role for a component plus one customer-managed policy holding its statements (no inline policies, no
   * AWS managed policies unless AWS maintains the exact permission set). Wildcards are acknowledged on the policy
   * with the reason of the statement that needs them.
   */
  role(owner: Owner, roleId: string, spec: RoleSpec): { role: string; policy?: string; grantsPolicy?: string } {
    const role = this.add(owner, roleId, 'AWS::IAM::Role', {
      Description: spec.description,
      AssumeRolePolicyDocument: spec.services.length
        ? assumeRolePolicy(spec.services, spec.assumeCondition)
        : policyDocument([{ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'sts:AssumeRole' }]),
      ManagedPolicyArns: spec.managedPolicyArns?.length ? spec.managedPolicyArns.map((m) => m.arn) : undefined,
    });
    for (const m of spec.managedPolicyArns ?? []) this.suppress(role, `AwsSolutions-IAM4[Policy::${m.arn.replace(/\$\{/g, '<').replace(/\}/g, '>')}]`, m.reason);
    const statements: ExplainedStatement[] = [...(spec.statements ?? [])];
    const grants = spec.grants && typeof owner === 'object' ? this.grantStatements(owner) : [];
    let policy: string | undefined;
    if (statements.length) {
      policy = this.add(owner, `${roleId}Policy`, 'AWS::IAM::ManagedPolicy', {
        Description: `Least-privilege permissions of ${roleId}`,
        Roles: [ref(role)],
        PolicyDocument: policyDocument(statements.map(plain)),
      });
      for (const f of wildcardFindings(statements)) this.suppress(policy, f.id, f.reason);
    }
    let grantsPolicy: string | undefined;
    if (grants.length) {
      grantsPolicy = this.add(owner, `${roleId}GrantsPolicy`, 'AWS::IAM::ManagedPolicy', {
        Description: `What ${roleId} may do with the components it is connected to in the design`,
        Roles: [ref(role)],
        PolicyDocument: policyDocument(grants.map(plain)),
      });
      for (const f of wildcardFindings(grants)) this.suppress(grantsPolicy, f.id, f.reason);
    }
    return { role, policy, grantsPolicy };
  }

  /** Statements from the component's connections, rendered from the shared grants. */
  grantStatements(c: Component): ExplainedStatement[] {
    const out: ExplainedStatement[] = [];
    for (const g of grantsFor(this.grants, c.id)) {
      out.push({
        Sid: g.sid,
        Effect: 'Allow',
        Action: g.actions,
        Resource: oneOrMany(g.resources.flatMap((r) => this.refs(r))),
        why: `Least privilege from the design (${g.reason}): ${g.resources.map((r) => scopeText(r, this.component(r.component))).join('; ')}`,
      });
    }
    for (const k of deriveKeyGrants(this.a, this.grants)) {
      if (k.principal !== c.id) continue;
      out.push({ Sid: k.sid, Effect: 'Allow', Action: k.actions, Resource: getAtt('Cmk', 'Arn') });
    }
    return out;
  }

  /** Platform SNS topic that every alarm notifies. */
  alarmTopic(): Value {
    return this.once('alarmTopic', () => {
      if (this.cmk) this.keyServices.add('cloudwatch');
      const topic = this.add('platform', 'AlarmTopic', 'AWS::SNS::Topic', {
        DisplayName: `${this.a.name} alarms`,
        KmsMasterKeyId: this.cmk ? getAtt('Cmk', 'Arn') : undefined,
      });
      if (!this.cmk) {
        this.suppress(topic, 'HIPAA.Security-SNSEncryptedKMS', 'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and the design uses AWS managed keys; alarm notifications carry no application data');
        this.suppress(topic, 'PCI.DSS.321-SNSEncryptedKMS', 'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and the design uses AWS managed keys; alarm notifications carry no application data');
      }
      this.topicPolicy('platform', 'AlarmTopicPolicy', 'AlarmTopic', [
        { Sid: 'AllowCloudWatchAlarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: ref(topic), Condition: { ArnLike: { 'aws:SourceArn': sub('arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*') } } },
      ]);
      if (this.a.observability.alarmEmail) {
        this.add('platform', 'AlarmEmailSubscription', 'AWS::SNS::Subscription', { TopicArn: ref(topic), Protocol: 'email', Endpoint: ref('AlarmEmail') });
      }
      this.stackLevel('AlarmTopicArn', 'platform');
      this.t.output('AlarmTopicArn', { Description: 'SNS topic notified by every alarm', Value: ref(topic) });
      return ref(topic);
    });
  }

  /** A topic policy that also refuses publishing without TLS. */
  topicPolicy(owner: Owner, logicalId: string, topicId: string, statements: Statement[]): string {
    return this.add(owner, logicalId, 'AWS::SNS::TopicPolicy', {
      Topics: [ref(topicId)],
      PolicyDocument: policyDocument([
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: ref(topicId), Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ...statements,
      ]),
    });
  }

  /** A CloudWatch alarm notifying the alarm topic. */
  alarm(owner: Owner, logicalId: string, spec: AlarmSpec): string {
    const topic = this.alarmTopic();
    const id = this.add(owner, logicalId, 'AWS::CloudWatch::Alarm', {
      AlarmDescription: spec.description,
      Namespace: spec.namespace,
      MetricName: spec.metric,
      Dimensions: Object.entries(spec.dimensions).map(([Name, v]) => ({ Name, Value: subOrRef(v) })),
      Statistic: spec.extendedStatistic ? undefined : (spec.statistic ?? 'Sum'),
      ExtendedStatistic: spec.extendedStatistic,
      Period: spec.period ?? 300,
      EvaluationPeriods: spec.evaluationPeriods ?? 1,
      DatapointsToAlarm: spec.datapointsToAlarm,
      Threshold: spec.threshold,
      ComparisonOperator: spec.comparison,
      TreatMissingData: spec.treatMissingData ?? 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
    this.alarms.push({ id, owner: typeof owner === 'object' ? owner.id : owner, spec });
    return id;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Network
  // ---------------------------------------------------------------------------------------------------------

  hasNetwork(): boolean {
    return this.a.network !== undefined;
  }

  vpcId(): Value {
    if (!this.a.network) throw new Error('the design has no network');
    return ref('Vpc');
  }

  /** Subnet ids of one tier, one per AZ. */
  subnets(tier: SubnetTier): Value[] {
    const n = this.a.network;
    if (!n) throw new Error('the design has no network');
    const label = tier === 'public' ? 'Public' : tier === 'private' ? 'Private' : 'Isolated';
    return Array.from({ length: n.azCount }, (_, i) => ref(`Vpc${label}Subnet${i + 1}`));
  }

  hasTier(tier: SubnetTier): boolean {
    const n = this.a.network;
    if (!n) return false;
    return tier === 'public' ? n.publicSubnets : tier === 'private' ? n.privateSubnets : n.isolatedSubnets;
  }

  /** Where compute runs: private subnets, else isolated, else public. */
  computeSubnets(): Value[] {
    return this.subnets(this.firstTier(['private', 'isolated', 'public']));
  }

  /** Where data stores live: isolated subnets, else private, else public. */
  dataSubnets(): Value[] {
    return this.subnets(this.firstTier(['isolated', 'private', 'public']));
  }

  firstTier(order: SubnetTier[]): SubnetTier {
    const t = order.find((x) => this.hasTier(x));
    if (!t) throw new Error('the network has no subnets');
    return t;
  }

  /** The security group of a VPC-bound component; ingress comes from the network rules at the end. */
  securityGroup(c: Component, description: string): string {
    const id = this.add(c, this.id(c, 'SecurityGroup'), 'AWS::EC2::SecurityGroup', {
      GroupDescription: description,
      VpcId: this.vpcId(),
    });
    this.securityGroups.set(c.id, id);
    return id;
  }

  securityGroupOf(componentId: string): string | undefined {
    return this.securityGroups.get(componentId);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Buckets
  // ---------------------------------------------------------------------------------------------------------

  /**
   * A private, versioned, encrypted bucket whose policy refuses plain HTTP, logging to the access-log bucket.
   * Returns the bucket and its policy ids.
   */
  bucket(
    owner: Owner,
    bucketId: string,
    props: Record<string, Value> = {},
    policyStatements: Statement[] = [],
    opts: { versioned?: boolean; sseS3?: string; logs?: boolean } = {},
  ): { bucket: string; policy: string } {
    const kms = this.keyArn();
    const encryption = kms && !opts.sseS3
      ? { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kms }, BucketKeyEnabled: true }
      : { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } };
    const bucket = this.add(
      owner,
      bucketId,
      'AWS::S3::Bucket',
      {
        BucketEncryption: { ServerSideEncryptionConfiguration: [encryption] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: opts.versioned === false ? undefined : { Status: 'Enabled' },
        LoggingConfiguration: opts.logs === false ? undefined : { DestinationBucketName: this.accessLogsBucket(), LogFilePrefix: `${bucketId}/` },
        ...props,
      },
      { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    );
    if (opts.sseS3) {
      this.suppress(bucket, 'HIPAA.Security-S3DefaultEncryptionKMS', opts.sseS3);
      this.suppress(bucket, 'PCI.DSS.321-S3DefaultEncryptionKMS', opts.sseS3);
    } else if (!kms) {
      const why = 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); objects are encrypted with SSE-S3';
      this.suppress(bucket, 'HIPAA.Security-S3DefaultEncryptionKMS', why);
      this.suppress(bucket, 'PCI.DSS.321-S3DefaultEncryptionKMS', why);
    }
    const policy = this.add(owner, `${bucketId}Policy`, 'AWS::S3::BucketPolicy', {
      Bucket: ref(bucket),
      PolicyDocument: policyDocument([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: [getAtt(bucket, 'Arn'), sub(`\${${bucket}.Arn}/*`)],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        ...policyStatements,
      ]),
    });
    return { bucket, policy };
  }

  /** Bucket receiving S3 server access logs, load balancer access logs and CloudFront standard logs. */
  accessLogsBucket(): Value {
    return this.once('accessLogs', () => {
      const why = 'Log delivery (S3 server access logs, Elastic Load Balancing, CloudFront standard logs) supports only SSE-S3 on the destination bucket';
      const { bucket } = this.bucket(
        'platform',
        'AccessLogsBucket',
        {
          // CloudFront standard logging writes with ACLs, so this one bucket keeps them enabled for the owner.
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
          LifecycleConfiguration: { Rules: [{ Id: 'ExpireAccessLogs', Status: 'Enabled', ExpirationInDays: Math.max(365, this.a.observability.logRetentionDays), NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
        },
        [
          { Sid: 'AllowS3ServerAccessLogs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: sub('${AccessLogsBucket.Arn}/*'), Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } },
          { Sid: 'AllowLoadBalancerAccessLogs', Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: sub('${AccessLogsBucket.Arn}/alb/AWSLogs/${AWS::AccountId}/*') },
        ],
        { sseS3: why, logs: false },
      );
      this.suppress(bucket, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it to itself would loop');
      this.suppress(bucket, 'HIPAA.Security-S3BucketLoggingEnabled', 'This is the access-log bucket itself; logging it to itself would loop');
      this.suppress(bucket, 'PCI.DSS.321-S3BucketLoggingEnabled', 'This is the access-log bucket itself; logging it to itself would loop');
      this.suppress(bucket, 'HIPAA.Security-S3BucketReplicationEnabled', 'Access logs are operational records kept in-region for 365 days; they are not replicated');
      this.suppress(bucket, 'PCI.DSS.321-S3BucketReplicationEnabled', 'Access logs are operational records kept in-region for 365 days; they are not replicated');
      return ref(bucket);
    });
  }

  /** Bucket for build artifacts the stack refers to (Glue scripts, function packages that cannot be inlined). */
  artifactsBucket(): Value {
    return this.once('artifacts', () => {
      const { bucket } = this.bucket('platform', 'ArtifactsBucket', {
        LifecycleConfiguration: { Rules: [{ Id: 'ExpireOldVersions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
      });
      const why = 'Build artifacts are reproducible from source by the pipeline; they are not replicated';
      this.ack(bucket, why, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
      this.output('ArtifactsBucketName', ref(bucket), 'Bucket for build artifacts (Glue scripts, function packages)');
      return ref(bucket);
    });
  }

  artifactsBucketArn(): Value {
    this.artifactsBucket();
    return getAtt('ArtifactsBucket', 'Arn');
  }

  /** Container images from the design's own repositories are tagged by the ImageTag parameter. */
  needImageTag(): void {
    this.once('imageTag', () => {
      this.t.parameter('ImageTag', { Type: 'String', Default: 'latest', Description: 'Tag of the images the pipeline pushed to the design\'s ECR repositories', AllowedPattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' });
      return 'ImageTag';
    });
  }

  output(name: string, value: Value, description: string): void {
    this.stackLevel(name, 'platform');
    this.t.output(name, { Description: description, Value: value });
  }

  /** Applies the design's acknowledgements of cdk-nag rules to every resource of the component concerned. */
  applyModelAcknowledgements(): void {
    const byOwner = new Map<string, string[]>();
    for (const id of this.t.resourceIds()) {
      const o = this.t.ownerOf(id)!;
      byOwner.set(o, [...(byOwner.get(o) ?? []), id]);
    }
    const apply = (componentId: string | undefined, rule: string, reason: string) => {
      if (!NAG_PACK.test(rule)) return;
      const owners = componentId ? [componentId] : [...byOwner.keys()];
      for (const o of owners) for (const id of byOwner.get(o) ?? []) this.suppress(id, rule, `Accepted in the design: ${reason}`);
    };
    for (const c of this.a.components) for (const ack of c.acknowledgements) apply(c.id, ack.rule, ack.reason);
    for (const ack of this.a.acknowledgements) apply(ack.component, ack.rule, ack.reason);
  }
}

function oneOrMany(vs: Value[]): Value {
  return vs.length === 1 ? vs[0]! : vs;
}

/** A list that is itself one value (`[x, y]` inside an intrinsic) is never passed here; arrays are lists of ARNs. */
function isIntrinsicList(_v: Value[]): boolean {
  return false;
}

/** `${X}` -> !Ref X, `${X.Y}` -> !GetAtt X.Y, anything else -> !Sub. */
export function subOrRef(s: string): Value {
  const r = /^\$\{([A-Za-z0-9]+)\}$/.exec(s);
  if (r && !r[1]!.startsWith('AWS')) return ref(r[1]!);
  const g = /^\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}$/.exec(s);
  if (g) return getAtt(g[1]!, g[2]!);
  return /\$\{/.test(s) ? sub(s) : s;
}

function description(a: Architecture): string {
  const text = a.description ? `${a.name}: ${a.description}` : `${a.name} (${a.environment})`;
  return `${text.length > 900 ? `${text.slice(0, 897)}...` : text} Generated by aws-backend-architect from the design model.`;
}

function scopeText(r: ResourceRef, c: Component): string {
  switch (r.part) {
    case 'objects':
      return c.service === 'opensearch' ? `every index path of domain ${c.id} only` : `objects in bucket ${c.id} only`;
    case 'indexes':
      return `indexes of table ${c.id} only`;
    case 'execute-api':
      return `stages and routes of API ${c.id} only`;
    case 'iot-topic':
      return `MQTT topics under ${c.id}'s topic filter only`;
    case 'glue-catalog':
      return `the Glue catalog, database and tables of ${c.id} only`;
    case 'arn':
      return `${c.service} ${c.id}`;
    default:
      return `${r.part} of ${c.id}`;
  }
}

function dropUndefined(props: Record<string, Value | undefined>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

export { ACCOUNT, PARTITION, REGION };
