import type { Architecture, Component } from '../../model/index.js';
import { TargetBase } from '../shared/base.js';
import type { BuildOptions } from '../shared/base.js';
import { LOGS_AWS_MANAGED, NAG_PACK, wildcardFindings } from '../shared/nag.js';
import type { AlarmSpec, BucketSpec, KeyAttribute, LifecycleRule, PipelineFlavour, QueueSpec, ResourceOptions, RoleIds, RoleSpec, SecretSpec, StackTarget, SubscriptionSpec, TableSpec, TopicSpec } from '../shared/target.js';
import type { Owner, Prop, Stmt, Val } from '../shared/values.js';
import { ACCOUNT, PARTITION, REGION, URL_SUFFIX, assumeRolePolicy, cidr, embed, equals, getAZs, getAtt, policyDocument, ref, select, sub } from './fn.js';
import { emitDashboard, emitKey, pipelineFlavour, setKeyPolicy } from './platform.js';
import type { Statement, Value } from './fn.js';
import { flatten, plain } from './nag.js';
import { applyTags } from './tags.js';
import type { Tag } from './tags.js';
import { TemplateBuilder } from './template.js';
import type { CfnResource } from './template.js';

/** What the template should contain besides the design itself. */
export type CfnBuildOptions = BuildOptions;

/** A template value handed to the shared emitters. */
const val = (v: Value): Val => v as unknown as Val;
/** A value or property from the shared emitters: this target made every Val in it, so it is template JSON. */
const value = (p: Prop): Value => p as Value;

/**
 * The CloudFormation target: renders what the shared emitters decide as template resources, intrinsic functions
 * and cdk-nag metadata, and adds the template's own parts (parameters, outputs, the alarm topic, secure buckets).
 */
export class CfnContext extends TargetBase implements StackTarget {
  readonly t: TemplateBuilder;
  /** Alarms in creation order, for the dashboard; dimensions as `${Logical.Attr}`-style Sub strings. */
  readonly alarms: Array<{ id: string; owner: string; spec: AlarmSpec & { dimensions: Record<string, string> } }> = [];
  readonly aws = { region: val(REGION), account: val(ACCOUNT), partition: val(PARTITION), urlSuffix: val(URL_SUFFIX) };

  /** Inside the pipeline's part of the template: resources and outputs there exist only where it is hosted. */
  private inPipeline = false;

  constructor(a: Architecture, options: CfnBuildOptions, renamed: ReadonlySet<string>) {
    super(a, options, renamed, 'cfn-generator');
    this.t = new TemplateBuilder(description(a));
    this.t.parameter('EnvironmentName', {
      Type: 'String',
      Default: a.environment,
      Description: 'Stage this stack serves; part of resource names (lower-case letters and digits)',
      AllowedPattern: '^[a-z][a-z0-9]{0,15}$',
      ConstraintDescription: 'lower-case letters and digits, starting with a letter, at most 16 characters',
    });
    if (a.observability.alarmEmail) {
      this.t.parameter('AlarmEmail', { Type: 'String', Default: a.observability.alarmEmail, Description: 'Email address that receives alarm notifications (confirm the subscription email)' });
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Stack-level parts
  // ---------------------------------------------------------------------------------------------------------

  createKey(): void {
    emitKey(this);
  }

  keyPolicy(statements: Stmt[]): void {
    setKeyPolicy(this, statements.map(plain));
  }

  resourcesOf(ownerId: string): Array<{ id: string; type?: string }> {
    return this.t.resourceIds().filter((id) => this.t.ownerOf(id) === ownerId).map((id) => ({ id, type: this.t.get(id).Type }));
  }

  dashboard(): void {
    emitDashboard(this);
  }

  get pipeline(): PipelineFlavour {
    return pipelineFlavour(this.a);
  }

  /** The pipeline lives in the last stage's stack only: a parameter says whether this stack hosts it. */
  beginPipeline(): void {
    this.t.parameter('PipelineHost', { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'], Description: 'Create the delivery pipeline in this stack (only the last stage hosts it)' });
    this.t.condition('HostsPipeline', equals(ref('PipelineHost'), 'true'));
    this.inPipeline = true;
  }

  endPipeline(): void {
    for (const id of this.t.resourceIds()) {
      if (this.t.ownerOf(id) !== 'operations' || !id.startsWith('Cicd')) continue;
      this.t.get(id).Condition = 'HostsPipeline';
    }
    this.inPipeline = false;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Values
  // ---------------------------------------------------------------------------------------------------------

  ref(logicalId: string): Val {
    return val(ref(logicalId));
  }

  att(logicalId: string, attribute: string): Val {
    return val(getAtt(logicalId, attribute));
  }

  sub(text: string): Val {
    return val(sub(text));
  }

  tpl(strings: TemplateStringsArray, ...values: Val[]): Val {
    let text = '';
    strings.forEach((s, i) => {
      text += s;
      const v = values[i];
      if (v !== undefined) text += embed(value(v));
    });
    return val(sub(text));
  }

  /** A template writes JSON-typed and map-typed properties as they are. */
  json(v: Prop): Val {
    return v as Val;
  }

  mapOf(v: Record<string, Prop>): Val {
    return v as unknown as Val;
  }

  joinList(separator: string, list: Val): Val {
    return val({ 'Fn::Join': [separator, value(list)] });
  }

  select(index: number, list: Val): Val {
    return val(select(index, value(list)));
  }

  azs(): Val {
    return val(getAZs());
  }

  cidr(block: Val, count: number, bits: number): Val {
    return val(cidr(value(block), count, bits));
  }

  keyArn(): Val | undefined {
    const arn = this.kmsArn();
    return arn === undefined ? undefined : val(arn);
  }

  /** The customer-managed key's ARN, or undefined with AWS managed keys. */
  private kmsArn(): Value | undefined {
    return this.cmk ? getAtt('Cmk', 'Arn') : undefined;
  }

  protected stage(): Val {
    return val(ref('EnvironmentName'));
  }

  /** The tags `add` puts on every taggable resource. */
  private tags(owner: Owner): Tag[] {
    return this.tagList(owner).map((t) => ({ key: t.Key, value: value(t.Value) }));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Adding resources
  // ---------------------------------------------------------------------------------------------------------

  /** Adds a resource with the design's tags; returns its logical id. */
  add(owner: Owner, logicalId: string, type: string, props: Record<string, Value>, extra: Omit<CfnResource, 'Type' | 'Properties'> = {}): string {
    const ownerId = typeof owner === 'object' ? owner.id : owner;
    this.stackLevel(logicalId, ownerId);
    const resource: CfnResource = { Type: type, ...extra, Properties: applyTags(type, dropUndefined(props), this.tags(owner)) };
    return this.t.add(ownerId, logicalId, resource);
  }

  resource(owner: Owner, logicalId: string, type: string, props: Record<string, Prop>, options: ResourceOptions = {}): string {
    const policy = options.removal === 'retain' ? 'Retain' : options.removal === 'snapshot' ? 'Snapshot' : undefined;
    return this.add(owner, logicalId, type, props as Record<string, Value>, {
      DependsOn: options.dependsOn,
      ...(policy ? { DeletionPolicy: policy, UpdateReplacePolicy: policy } : {}),
    });
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

  ack(logicalId: string, reason: string, ...rules: string[]): void {
    for (const r of rules) this.suppress(logicalId, r, reason);
  }

  /** Templates carry no comments. */
  comment(_text: string): void {}

  output(name: string, v: Prop, description: string): void {
    this.stackLevel(name, 'platform');
    this.t.output(name, { Description: description, Value: value(v), ...(this.inPipeline ? { Condition: 'HostsPipeline' } : {}) });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Logs, roles, alarms
  // ---------------------------------------------------------------------------------------------------------

  logGroup(owner: Owner, logicalId: string, name?: Prop, retentionDays?: number): string {
    if (this.cmk) this.keyServices.add('logs');
    const id = this.add(
      owner,
      logicalId,
      'AWS::Logs::LogGroup',
      { LogGroupName: value(name), RetentionInDays: retentionDays ?? this.a.observability.logRetentionDays, KmsKeyId: this.kmsArn() },
      { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    );
    if (!this.cmk) this.ack(id, LOGS_AWS_MANAGED, 'HIPAA.Security-CloudWatchLogGroupEncrypted', 'PCI.DSS.321-CloudWatchLogGroupEncrypted');
    return id;
  }

  role(owner: Owner, roleId: string, spec: RoleSpec): RoleIds {
    const trust = spec.services.length
      ? assumeRolePolicy(spec.services, value(spec.assumeCondition), spec.sessionTags ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole')
      : policyDocument([{ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'sts:AssumeRole' }]);
    const role = this.add(owner, roleId, 'AWS::IAM::Role', {
      Description: spec.description,
      AssumeRolePolicyDocument: trust,
      ManagedPolicyArns: spec.managedPolicyArns?.length ? spec.managedPolicyArns.map((m) => m.arn) : undefined,
    });
    for (const m of spec.managedPolicyArns ?? []) this.suppress(role, `AwsSolutions-IAM4[Policy::${m.arn.replace(/\$\{/g, '<').replace(/\}/g, '>')}]`, m.reason);
    const statements: Stmt[] = [...(spec.statements ?? [])];
    const grants = spec.grants && typeof owner === 'object' ? this.grantStatements(owner) : [];
    let policy: string | undefined;
    if (statements.length) {
      policy = this.add(owner, `${roleId}Policy`, 'AWS::IAM::ManagedPolicy', {
        Description: `Least-privilege permissions of ${roleId}`,
        Roles: [ref(role)],
        PolicyDocument: policyDocument(statements.map(plain)),
      });
      for (const f of this.wildcards(statements)) this.suppress(policy, f.id, f.reason);
    }
    let grantsPolicy: string | undefined;
    if (grants.length) {
      grantsPolicy = this.add(owner, `${roleId}GrantsPolicy`, 'AWS::IAM::ManagedPolicy', {
        Description: `What ${roleId} may do with the components it is connected to in the design`,
        Roles: [ref(role)],
        PolicyDocument: policyDocument(grants.map(plain)),
      });
      for (const f of this.wildcards(grants)) this.suppress(grantsPolicy, f.id, f.reason);
    }
    return { role, policy, grantsPolicy };
  }

  /** The AwsSolutions-IAM5 findings of a policy's statements, flattened as cdk-nag reads the template. */
  wildcards(statements: Stmt[]): Array<{ id: string; reason: string }> {
    return wildcardFindings(statements, (r) => flatten(value(r)));
  }

  /** Platform SNS topic that every alarm notifies. */
  private alarmTopic(): Value {
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
      this.addTopicPolicy('platform', 'AlarmTopic', [
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

  alarmTopicArn(): Val {
    return val(this.alarmTopic());
  }

  /** A topic policy (`<topic>Policy`) that also refuses publishing without TLS. */
  private addTopicPolicy(owner: Owner, topicId: string, statements: Statement[]): string {
    return this.add(owner, `${topicId}Policy`, 'AWS::SNS::TopicPolicy', {
      Topics: [ref(topicId)],
      PolicyDocument: policyDocument([
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: ref(topicId), Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ...statements,
      ]),
    });
  }

  alarm(owner: Owner, logicalId: string, given: AlarmSpec): string {
    const topic = this.alarmTopic();
    // Dimensions as Sub strings, so the dashboard can write them into its body.
    const dimensions = Object.fromEntries(Object.entries(given.dimensions).map(([k, v]) => [k, typeof v === 'string' ? v : embed(value(v))]));
    const spec = { ...given, dimensions };
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
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
    this.alarms.push({ id, owner: typeof owner === 'object' ? owner.id : owner, spec });
    return id;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Queues, topics, secrets, tables, buckets
  // ---------------------------------------------------------------------------------------------------------

  queue(owner: Owner, logicalId: string, spec: QueueSpec): string {
    const dlq = spec.deadLetter;
    return this.add(owner, logicalId, 'AWS::SQS::Queue', {
      QueueName: value(spec.name),
      VisibilityTimeout: spec.visibilityTimeoutSeconds,
      MessageRetentionPeriod: spec.retentionDays * 86400,
      // Sub rather than GetAtt: inside this JSON-typed property cfn-include (and so cdk-nag) reads a short-form
      // GetAtt as a plain string and would not see the dead-letter queue.
      RedrivePolicy: dlq ? { deadLetterTargetArn: sub(`\${${dlq.queue}.Arn}`), maxReceiveCount: dlq.maxReceiveCount } : undefined,
      ...(spec.fifo ? { FifoQueue: true, ContentBasedDeduplication: true } : {}),
      KmsMasterKeyId: this.kmsArn(),
      KmsDataKeyReusePeriodSeconds: spec.reuseDataKeys && this.cmk ? 300 : undefined,
      SqsManagedSseEnabled: this.cmk ? undefined : true,
    });
  }

  queuePolicy(owner: Owner, queueId: string, statements: Stmt[]): void {
    const denyInsecure: Statement = { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: getAtt(queueId, 'Arn'), Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    this.add(owner, `${queueId}Policy`, 'AWS::SQS::QueuePolicy', { Queues: [ref(queueId)], PolicyDocument: policyDocument([denyInsecure, ...statements.map(plain)]) });
  }

  topic(owner: Owner, logicalId: string, spec: TopicSpec): string {
    return this.add(owner, logicalId, 'AWS::SNS::Topic', {
      DisplayName: spec.displayName,
      TopicName: value(spec.name),
      FifoTopic: spec.fifo ? true : undefined,
      ContentBasedDeduplication: spec.fifo ? true : undefined,
      KmsMasterKeyId: this.kmsArn() ?? (spec.awsManagedKey ? 'alias/aws/sns' : undefined),
    });
  }

  topicPolicy(owner: Owner, topicId: string, statements: Stmt[]): void {
    this.addTopicPolicy(owner, topicId, statements.map(plain));
  }

  subscription(owner: Owner, logicalId: string, spec: SubscriptionSpec): string {
    return this.add(owner, logicalId, 'AWS::SNS::Subscription', {
      TopicArn: ref(spec.topic),
      Protocol: spec.protocol,
      Endpoint: value(spec.endpoint),
      RawMessageDelivery: spec.raw ? true : undefined,
      SubscriptionRoleArn: value(spec.roleArn),
    });
  }

  secret(owner: Owner, logicalId: string, spec: SecretSpec): string {
    return this.add(
      owner,
      logicalId,
      'AWS::SecretsManager::Secret',
      { Description: spec.description, KmsKeyId: this.kmsArn(), GenerateSecretString: { PasswordLength: spec.length, ExcludePunctuation: spec.excludePunctuation } },
      { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    );
  }

  table(owner: Owner, logicalId: string, spec: TableSpec): string {
    const attrs = new Map<string, string>();
    const keySchema = (pk: KeyAttribute, sk?: KeyAttribute) => {
      attrs.set(pk.name, pk.type);
      if (sk) attrs.set(sk.name, sk.type);
      return [{ AttributeName: pk.name, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : [])];
    };
    const keys = keySchema(spec.partitionKey, spec.sortKey);
    const cap = spec.capacity;
    const billing = cap ? 'PROVISIONED' : 'PAY_PER_REQUEST';
    const indexes = spec.indexes.map((g) => ({ IndexName: g.name, KeySchema: keySchema(g.partitionKey, g.sortKey), Projection: { ProjectionType: 'ALL' } }));
    const attributeDefinitions = [...attrs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
    const ttl = spec.ttlAttribute ? { AttributeName: spec.ttlAttribute, Enabled: true } : undefined;
    const retain = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const;
    if (spec.replicaRegions.length) {
      const scaling = (c: { min: number; max: number }) => ({ MinCapacity: c.min, MaxCapacity: c.max, TargetTrackingScalingPolicyConfiguration: { TargetValue: cap!.targetPercent } });
      return this.add(owner, logicalId, 'AWS::DynamoDB::GlobalTable', {
        AttributeDefinitions: attributeDefinitions,
        KeySchema: keys,
        BillingMode: billing,
        GlobalSecondaryIndexes: indexes.length ? indexes : undefined,
        StreamSpecification: spec.stream ? { StreamViewType: spec.stream } : undefined,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: ttl,
        WriteProvisionedThroughputSettings: cap ? { WriteCapacityAutoScalingSettings: scaling(cap.write) } : undefined,
        Replicas: [this.a.region, ...spec.replicaRegions].map((region) => ({
          Region: region,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
          DeletionProtectionEnabled: spec.deletionProtection,
          TableClass: spec.tableClass,
          ReadProvisionedThroughputSettings: cap ? { ReadCapacityAutoScalingSettings: scaling(cap.read) } : undefined,
          Tags: value(this.tagList(owner)),
        })),
      }, retain);
    }
    const throughput = cap ? { ReadCapacityUnits: cap.read.min, WriteCapacityUnits: cap.write.min } : undefined;
    return this.add(owner, logicalId, 'AWS::DynamoDB::Table', {
      AttributeDefinitions: attributeDefinitions,
      KeySchema: keys,
      BillingMode: billing,
      ProvisionedThroughput: throughput,
      GlobalSecondaryIndexes: indexes.length ? indexes.map((g) => ({ ...g, ProvisionedThroughput: throughput })) : undefined,
      StreamSpecification: spec.stream ? { StreamViewType: spec.stream } : undefined,
      SSESpecification: this.cmk ? { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: this.kmsArn() } : { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
      DeletionProtectionEnabled: spec.deletionProtection,
      TableClass: spec.tableClass,
      TimeToLiveSpecification: ttl,
    }, retain);
  }

  bucket(owner: Owner, logicalId: string, spec: BucketSpec = {}): { bucket: string; policy: string } {
    const props: Record<string, Value> = {
      BucketName: value(spec.name),
      LifecycleConfiguration: spec.lifecycle ? { Rules: spec.lifecycle.map(lifecycleRule) } : undefined,
      CorsConfiguration: spec.cors
        ? { CorsRules: [{ AllowedOrigins: spec.cors.origins, AllowedMethods: spec.cors.methods, AllowedHeaders: spec.cors.headers, MaxAge: spec.cors.maxAgeSeconds }] }
        : undefined,
      ObjectLockEnabled: spec.objectLock ? true : undefined,
      ObjectLockConfiguration: spec.objectLock ? { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: spec.objectLock.mode, Days: spec.objectLock.days } } } : undefined,
    };
    const dependsOn: string[] = [];
    for (const x of spec.extra ?? []) {
      props[x.property] = value(x.value());
      dependsOn.push(...(x.dependsOn ?? []));
    }
    const ids = this.secureBucket(owner, logicalId, dropUndefined(props), (spec.statements ?? []).map(plain), { versioned: spec.versioned, sseS3: spec.sseS3, logs: spec.logs });
    if (dependsOn.length) this.t.get(ids.bucket).DependsOn = dependsOn;
    return ids;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Network
  // ---------------------------------------------------------------------------------------------------------

  securityGroup(c: Component, description: string, ingress?: Prop): string {
    const id = this.add(c, this.id(c, 'SecurityGroup'), 'AWS::EC2::SecurityGroup', {
      GroupDescription: description,
      VpcId: value(this.vpcId()),
    });
    // Set after the tags: where the template has always written it.
    if (ingress !== undefined) this.t.get(id).Properties!['SecurityGroupIngress'] = value(ingress);
    this.securityGroups.set(c.id, id);
    return id;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Buckets
  // ---------------------------------------------------------------------------------------------------------

  /**
   * A private, versioned, encrypted bucket whose policy refuses plain HTTP, logging to the access-log bucket.
   * Returns the bucket and its policy ids.
   */
  private secureBucket(
    owner: Owner,
    bucketId: string,
    props: Record<string, Value> = {},
    policyStatements: Statement[] = [],
    opts: { versioned?: boolean; sseS3?: string; logs?: boolean } = {},
  ): { bucket: string; policy: string } {
    const kms = this.kmsArn();
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
  private accessLogsBucket(): Value {
    return this.once('accessLogs', () => {
      const why = 'Log delivery (S3 server access logs, Elastic Load Balancing, CloudFront standard logs) supports only SSE-S3 on the destination bucket';
      const { bucket } = this.secureBucket(
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

  accessLogsBucketName(): Val {
    return val(this.accessLogsBucket());
  }

  /** Bucket for build artifacts the stack refers to (Glue scripts, function packages that cannot be inlined). */
  private artifactsBucket(): Value {
    return this.once('artifacts', () => {
      const { bucket } = this.secureBucket('platform', 'ArtifactsBucket', {
        LifecycleConfiguration: { Rules: [{ Id: 'ExpireOldVersions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
      });
      const why = 'Build artifacts are reproducible from source by the pipeline; they are not replicated';
      this.ack(bucket, why, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
      this.output('ArtifactsBucketName', ref(bucket), 'Bucket for build artifacts (Glue scripts, function packages)');
      return ref(bucket);
    });
  }

  artifactsBucketName(): Val {
    return val(this.artifactsBucket());
  }

  artifactsBucketArn(): Val {
    this.artifactsBucket();
    return val(getAtt('ArtifactsBucket', 'Arn'));
  }

  /** Container images from the design's own repositories are tagged by the ImageTag parameter. */
  needImageTag(): void {
    this.once('imageTag', () => {
      this.t.parameter('ImageTag', { Type: 'String', Default: 'latest', Description: 'Tag of the images the pipeline pushed to the design\'s ECR repositories', AllowedPattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' });
      return 'ImageTag';
    });
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

/** `${X}` -> !Ref X, `${X.Y}` -> !GetAtt X.Y, anything else -> !Sub. */
function subOrRef(s: string): Value {
  const r = /^\$\{([A-Za-z0-9]+)\}$/.exec(s);
  if (r && !r[1]!.startsWith('AWS')) return ref(r[1]!);
  const g = /^\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}$/.exec(s);
  if (g) return getAtt(g[1]!, g[2]!);
  return /\$\{/.test(s) ? sub(s) : s;
}

/** A lifecycle rule as the S3 resource takes it. */
function lifecycleRule(r: LifecycleRule): Value {
  return {
    Id: r.id,
    Status: 'Enabled',
    Prefix: r.prefix,
    AbortIncompleteMultipartUpload: r.abortIncompleteUploadDays === undefined ? undefined : { DaysAfterInitiation: r.abortIncompleteUploadDays },
    Transitions: r.transitions?.map((t) => ({ StorageClass: t.storageClass, TransitionInDays: t.days })),
    ExpirationInDays: r.expirationDays,
    NoncurrentVersionExpiration: r.noncurrentDays === undefined ? undefined : { NoncurrentDays: r.noncurrentDays },
  };
}

function description(a: Architecture): string {
  const text = a.description ? `${a.name}: ${a.description}` : `${a.name} (${a.environment})`;
  return `${text.length > 900 ? `${text.slice(0, 897)}...` : text} Generated by aws-backend-architect from the design model.`;
}

function dropUndefined(props: Record<string, Value | undefined>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

