import { VPC_ENDPOINT_SERVICES } from '../../model/index.js';
import type { CfnResource, CfnTemplate } from './cfn-parse.js';
import { referencedIds, refersTo } from './cfn-parse.js';
import type { MappedTemplate, TemplateContext } from './builder.js';
import { ModelBuilder } from './builder.js';
import { adminPolicyAttachment, openIngress, wildcardStatements } from './policy.js';
import { arr, bool, clamp, get, num, obj, oneOf, str } from './values.js';

const CACHING_DISABLED_POLICY = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const LAMBDA_RUNTIMES = ['nodejs22.x', 'nodejs20.x', 'python3.13', 'python3.12', 'java21', 'dotnet8', 'ruby3.3', 'provided.al2023'] as const;
const RDS_ENGINES: Record<string, 'postgresql' | 'mysql' | 'mariadb'> = { postgres: 'postgresql', mysql: 'mysql', mariadb: 'mariadb' };

type Res = CfnResource & { id: string };

/**
 * Maps a CloudFormation (or SAM) template into the model, resource by resource, and collects the facts the model
 * cannot hold (open security groups, wildcard IAM, public buckets, unencrypted or public databases). Missing
 * properties take CloudFormation's defaults, not the model's secure ones: an RDS instance without `MultiAZ` is
 * single-AZ, a Lambda function without `Timeout` times out after 3 seconds.
 */
export function mapCloudFormation(t: CfnTemplate, name: string, context: TemplateContext = {}): MappedTemplate {
  const resources: Res[] = Object.entries(t.Resources)
    .filter(([id]) => !id.startsWith('Fn::ForEach'))
    .map(([id, r]) => ({ ...r, id }));
  const b = new ModelBuilder(resources.map((r) => r.id));
  const ofType = (...types: string[]) => resources.filter((r) => types.includes(r.Type));
  const p = (r: Res, path: string) => get(r.Properties ?? {}, path);
  const refs = (value: unknown, among: Res[]) => referencedIds(value, among.map((r) => r.id));

  // Network first, so VPC-bound components find it.
  const vpcs = ofType('AWS::EC2::VPC');
  const subnets = ofType('AWS::EC2::Subnet');
  const nats = ofType('AWS::EC2::NatGateway');
  if (vpcs.length) {
    const azs = new Set(subnets.map((s) => JSON.stringify(p(s, 'AvailabilityZone') ?? s.id)));
    const endpoints = ofType('AWS::EC2::VPCEndpoint')
      .map((e) => {
        const svc = JSON.stringify(p(e, 'ServiceName') ?? '');
        return VPC_ENDPOINT_SERVICES.find((x) => svc.includes(`.${x}"`) || svc.endsWith(`.${x}`));
      })
      .filter((x): x is (typeof VPC_ENDPOINT_SERVICES)[number] => Boolean(x));
    b.setNetwork(vpcs[0]!.id, {
      azCount: clamp(azs.size || 1, 1, 6)!,
      natGateways: nats.length === 0 ? 'none' : nats.length === 1 ? 'single' : 'per-az',
      flowLogs: ofType('AWS::EC2::FlowLog').length > 0,
      vpcEndpoints: [...new Set(endpoints)],
      publicSubnets: subnets.some((s) => bool(p(s, 'MapPublicIpOnLaunch')) === true) || ofType('AWS::EC2::InternetGateway').length > 0 || nats.length > 0,
    });
    for (const r of [...subnets, ...nats, ...ofType('AWS::EC2::FlowLog', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::EIP')]) b.covered(r.id);
  }

  // Design-wide controls a template may carry.
  for (const r of ofType('AWS::CloudTrail::Trail')) b.flag('auditTrail', r.id);
  for (const r of ofType('AWS::GuardDuty::Detector')) b.flag('threatDetection', r.id);
  // AWS Backup and the dashboard are design-wide settings (resilience, observability), not components.
  for (const r of resources.filter((x) => x.Type.startsWith('AWS::Backup::') || x.Type === 'AWS::CloudWatch::Dashboard')) b.covered(r.id);
  for (const r of ofType('AWS::KMS::Key', 'AWS::KMS::Alias')) b.flag('customerKeys', r.id);
  const alarms = ofType('AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm');
  b.facts.alarms = alarms.length;
  for (const r of alarms) b.covered(r.id);

  // Storage.
  const buckets = ofType('AWS::S3::Bucket');
  const policies = ofType('AWS::S3::BucketPolicy');
  for (const r of buckets) {
    const website = p(r, 'WebsiteConfiguration') !== undefined;
    const rules = arr(p(r, 'LifecycleConfiguration.Rules')).map(obj).filter(Boolean);
    b.add(r.id, 's3', {
      purpose: website ? 'static-site' : undefined,
      versioning: p(r, 'VersioningConfiguration.Status') === 'Enabled',
      lifecycle: rules.map((x) => ({ prefix: str(x!.Prefix) ?? '', transitions: [], ...(num(x!.ExpirationInDays) ? { expirationDays: Math.max(1, num(x!.ExpirationInDays)!) } : {}) })),
      corsAllowedOrigins: arr(p(r, 'CorsConfiguration.CorsRules')).flatMap((c) => arr(obj(c)?.AllowedOrigins)).filter((o): o is string => typeof o === 'string'),
      objectLock: bool(p(r, 'ObjectLockEnabled')) === true,
      replicationRegion: p(r, 'ReplicationConfiguration') ? 'replicated' : undefined,
    });
    const block = obj(p(r, 'PublicAccessBlockConfiguration'));
    const acl = str(p(r, 'AccessControl'));
    if (acl === 'PublicRead' || acl === 'PublicReadWrite') b.facts.publicBuckets.push({ resource: r.id, how: `AccessControl ${acl}` });
    for (const pol of policies.filter((x) => refersTo(p(x, 'Bucket'), r.id))) {
      b.covered(pol.id);
      const open = arr(get(p(pol, 'PolicyDocument'), 'Statement')).some((st) => {
        const s = obj(st);
        const principal = s?.Principal;
        const anyone = principal === '*' || get(principal, 'AWS') === '*' || (Array.isArray(get(principal, 'AWS')) && (get(principal, 'AWS') as unknown[]).includes('*'));
        return s?.Effect === 'Allow' && anyone && !s.Condition;
      });
      if (open) b.facts.publicBuckets.push({ resource: r.id, how: `bucket policy ${pol.id} allows Principal * without a condition` });
    }
    if (website && !block && !b.facts.publicBuckets.some((x) => x.resource === r.id)) {
      b.facts.publicBuckets.push({ resource: r.id, how: 'website hosting enabled with no public access block' });
    }
  }

  // Databases.
  const clusters = ofType('AWS::RDS::DBCluster');
  const instances = ofType('AWS::RDS::DBInstance');
  for (const r of clusters) {
    const engine = String(p(r, 'Engine') ?? '');
    const encrypted = bool(p(r, 'StorageEncrypted'));
    const members = instances.filter((i) => refersTo(p(i, 'DBClusterIdentifier'), r.id));
    members.forEach((m) => b.covered(m.id));
    if (engine.startsWith('aurora')) {
      b.add(r.id, 'aurora', {
        engine: engine.includes('mysql') ? 'mysql' : 'postgresql',
        capacity: p(r, 'ServerlessV2ScalingConfiguration') ? 'serverless-v2' : 'provisioned',
        readers: clamp(Math.max(0, members.length - 1), 0, 15),
        backupRetentionDays: clamp(num(p(r, 'BackupRetentionPeriod')) ?? 1, 1, 35),
        deletionProtection: bool(p(r, 'DeletionProtection')) === true,
        iamAuthentication: bool(p(r, 'EnableIAMDatabaseAuthentication')) === true,
        instanceClass: str(p(members[0] ?? r, 'DBInstanceClass')),
      });
      if (encrypted !== true && p(r, 'EngineMode') !== 'serverless') b.facts.unencrypted.push({ resource: r.id, detail: 'StorageEncrypted is not true' });
    } else {
      b.add(r.id, 'rds', {
        engine: RDS_ENGINES[engine],
        multiAz: true,
        backupRetentionDays: clamp(num(p(r, 'BackupRetentionPeriod')) ?? 1, 1, 35),
        deletionProtection: bool(p(r, 'DeletionProtection')) === true,
        iamAuthentication: bool(p(r, 'EnableIAMDatabaseAuthentication')) === true,
      });
      if (encrypted !== true) b.facts.unencrypted.push({ resource: r.id, detail: 'StorageEncrypted is not true' });
    }
    if (num(p(r, 'BackupRetentionPeriod')) === 0) b.facts.backupsDisabled.push({ resource: r.id, detail: 'BackupRetentionPeriod is 0' });
  }
  for (const r of instances.filter((i) => p(i, 'DBClusterIdentifier') === undefined)) {
    const engine = String(p(r, 'Engine') ?? '');
    const backup = num(p(r, 'BackupRetentionPeriod'));
    b.add(r.id, 'rds', {
      engine: RDS_ENGINES[engine.replace(/-.*/, '')],
      multiAz: bool(p(r, 'MultiAZ')) === true,
      backupRetentionDays: clamp(backup ?? 1, 1, 35),
      deletionProtection: bool(p(r, 'DeletionProtection')) === true,
      iamAuthentication: bool(p(r, 'EnableIAMDatabaseAuthentication')) === true,
      instanceClass: str(p(r, 'DBInstanceClass')),
      readReplicas: 0,
    });
    if (p(r, 'SourceDBInstanceIdentifier') === undefined && bool(p(r, 'StorageEncrypted')) !== true) b.facts.unencrypted.push({ resource: r.id, detail: 'StorageEncrypted is not true' });
    if (backup === 0) b.facts.backupsDisabled.push({ resource: r.id, detail: 'BackupRetentionPeriod is 0' });
    if (bool(p(r, 'PubliclyAccessible')) === true) b.facts.publicDatabases.push({ resource: r.id, detail: 'PubliclyAccessible is true' });
  }
  for (const r of ofType('AWS::DocDB::DBCluster')) {
    const members = ofType('AWS::DocDB::DBInstance').filter((i) => refersTo(p(i, 'DBClusterIdentifier'), r.id));
    members.forEach((m) => b.covered(m.id));
    b.add(r.id, 'documentdb', {
      instances: clamp(members.length || 1, 1, 16),
      backupRetentionDays: clamp(num(p(r, 'BackupRetentionPeriod')) ?? 1, 1, 35),
      deletionProtection: bool(p(r, 'DeletionProtection')) === true,
    });
    if (bool(p(r, 'StorageEncrypted')) !== true) b.facts.unencrypted.push({ resource: r.id, detail: 'StorageEncrypted is not true' });
  }
  for (const r of ofType('AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable')) {
    const global = r.Type === 'AWS::DynamoDB::GlobalTable';
    const sam = r.Type === 'AWS::Serverless::SimpleTable';
    const pk = obj(arr(p(r, 'KeySchema')).map(obj).find((k) => k?.KeyType === 'HASH'));
    const replicas = global ? arr(p(r, 'Replicas')).map((x) => str(obj(x)?.Region)).filter((x): x is string => Boolean(x)) : [];
    const pitr = global
      ? arr(p(r, 'Replicas')).some((x) => bool(get(x, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled')) === true)
      : bool(p(r, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled')) === true;
    b.add(r.id, 'dynamodb', {
      ...(pk && str(pk.AttributeName) ? { partitionKey: { name: str(pk.AttributeName) } } : {}),
      billingMode: sam ? (p(r, 'ProvisionedThroughput') ? 'PROVISIONED' : 'PAY_PER_REQUEST') : oneOf(p(r, 'BillingMode'), ['PAY_PER_REQUEST', 'PROVISIONED'] as const) ?? 'PROVISIONED',
      pointInTimeRecovery: pitr,
      deletionProtection: global ? arr(p(r, 'Replicas')).some((x) => bool(get(x, 'DeletionProtectionEnabled')) === true) : bool(p(r, 'DeletionProtectionEnabled')) === true,
      ttlAttribute: str(p(r, 'TimeToLiveSpecification.AttributeName')),
      replicaRegions: replicas,
    });
  }
  for (const r of ofType('AWS::ElastiCache::ReplicationGroup')) {
    const shards = num(p(r, 'NumNodeGroups')) ?? 1;
    const replicas = num(p(r, 'ReplicasPerNodeGroup')) ?? Math.max(0, (num(p(r, 'NumCacheClusters')) ?? 1) - 1);
    b.add(r.id, 'elasticache', {
      engine: oneOf(String(p(r, 'Engine') ?? 'redis').toLowerCase(), ['valkey', 'redis', 'memcached'] as const),
      mode: 'node-based',
      nodeType: str(p(r, 'CacheNodeType')),
      shards: clamp(shards, 1, 500),
      replicasPerShard: clamp(replicas, 0, 5),
      snapshotRetentionDays: clamp(num(p(r, 'SnapshotRetentionLimit')) ?? 0, 0, 35),
    });
    if (bool(p(r, 'AtRestEncryptionEnabled')) !== true) b.facts.unencrypted.push({ resource: r.id, detail: 'AtRestEncryptionEnabled is not true' });
  }
  for (const r of ofType('AWS::ElastiCache::CacheCluster')) {
    b.add(r.id, 'elasticache', {
      engine: oneOf(String(p(r, 'Engine') ?? '').toLowerCase(), ['valkey', 'redis', 'memcached'] as const),
      mode: 'node-based',
      nodeType: str(p(r, 'CacheNodeType')),
      replicasPerShard: 0,
      snapshotRetentionDays: clamp(num(p(r, 'SnapshotRetentionLimit')) ?? 0, 0, 35),
    });
  }
  for (const r of ofType('AWS::ElastiCache::ServerlessCache')) {
    b.add(r.id, 'elasticache', { engine: oneOf(String(p(r, 'Engine') ?? '').toLowerCase(), ['valkey', 'redis', 'memcached'] as const), mode: 'serverless', snapshotRetentionDays: clamp(num(p(r, 'SnapshotRetentionLimit')) ?? 0, 0, 35) });
  }
  for (const r of ofType('AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain')) {
    const cfg = r.Type === 'AWS::OpenSearchService::Domain' ? 'ClusterConfig' : 'ElasticsearchClusterConfig';
    b.add(r.id, 'opensearch', {
      instanceCount: clamp(num(p(r, `${cfg}.InstanceCount`)) ?? 1, 1, 1000),
      instanceType: str(p(r, `${cfg}.InstanceType`)),
      dedicatedMasters: bool(p(r, `${cfg}.DedicatedMasterEnabled`)) === true,
    });
    if (bool(p(r, 'EncryptionAtRestOptions.Enabled')) !== true) b.facts.unencrypted.push({ resource: r.id, detail: 'EncryptionAtRestOptions.Enabled is not true' });
  }
  for (const r of ofType('AWS::Redshift::Cluster')) {
    b.add(r.id, 'redshift', { mode: 'provisioned', nodeType: str(p(r, 'NodeType')), nodes: clamp(num(p(r, 'NumberOfNodes')) ?? 1, 1, 128) });
    if (bool(p(r, 'Encrypted')) === false) b.facts.unencrypted.push({ resource: r.id, detail: 'Encrypted is false' });
    if (bool(p(r, 'PubliclyAccessible')) === true) b.facts.publicDatabases.push({ resource: r.id, detail: 'PubliclyAccessible is true' });
    if (num(p(r, 'AutomatedSnapshotRetentionPeriod')) === 0) b.facts.backupsDisabled.push({ resource: r.id, detail: 'AutomatedSnapshotRetentionPeriod is 0' });
  }
  for (const r of ofType('AWS::RedshiftServerless::Workgroup')) b.add(r.id, 'redshift', { mode: 'serverless', baseRpu: clamp(num(p(r, 'BaseCapacity')), 4, 1024) });
  for (const r of ofType('AWS::RedshiftServerless::Namespace')) b.covered(r.id);
  for (const r of ofType('AWS::Athena::WorkGroup')) b.add(r.id, 'athena', {});

  // Compute.
  const fns = ofType('AWS::Lambda::Function', 'AWS::Serverless::Function');
  const globals = obj(get(t, 'Globals.Function')) ?? {};
  for (const r of fns) {
    const sam = r.Type === 'AWS::Serverless::Function';
    const prop = (k: string) => p(r, k) ?? (sam ? get(globals, k) : undefined);
    const env = obj(get(prop('Environment'), 'Variables')) ?? {};
    const tracing = sam ? prop('Tracing') === 'Active' : get(prop('TracingConfig'), 'Mode') === 'Active';
    b.add(r.id, 'lambda', {
      runtime: oneOf(prop('Runtime'), LAMBDA_RUNTIMES),
      architecture: arr(prop('Architectures'))[0] === 'arm64' ? 'arm64' : 'x86_64',
      memoryMb: clamp(num(prop('MemorySize')) ?? 128, 128, 10240),
      timeoutSeconds: clamp(num(prop('Timeout')) ?? 3, 1, 900),
      reservedConcurrency: clamp(num(prop('ReservedConcurrentExecutions')), 0, 100000),
      inVpc: prop('VpcConfig') !== undefined,
      environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
      tracing,
    });
  }
  for (const r of ofType('AWS::ECS::Service')) {
    const td = resources.find((x) => x.Type === 'AWS::ECS::TaskDefinition' && refersTo(p(r, 'TaskDefinition'), x.id));
    if (td) b.covered(td.id);
    const desired = clamp(num(p(r, 'DesiredCount')) ?? 1, 0, 10000)!;
    const scaling = ofType('AWS::ApplicationAutoScaling::ScalableTarget').find((s) => p(s, 'ScalableDimension') === 'ecs:service:DesiredCount' && refersTo(p(s, 'ResourceId'), r.id));
    if (scaling) b.covered(scaling.id);
    const min = clamp(num(scaling ? p(scaling, 'MinCapacity') : undefined) ?? desired, 0, 10000)!;
    const max = Math.max(1, clamp(num(scaling ? p(scaling, 'MaxCapacity') : undefined) ?? desired, 1, 10000)!, min, desired);
    b.add(r.id, 'ecs-fargate', {
      mode: arr(p(r, 'LoadBalancers')).length ? 'service' : 'worker',
      desiredCount: desired,
      minCount: min,
      maxCount: max,
      architecture: td && get(td.Properties, 'RuntimePlatform.CpuArchitecture') === 'ARM64' ? 'arm64' : 'x86_64',
      spot: JSON.stringify(p(r, 'CapacityProviderStrategy') ?? '').includes('FARGATE_SPOT'),
    });
  }
  for (const r of ofType('AWS::EKS::Cluster')) {
    const groups = ofType('AWS::EKS::Nodegroup').filter((g) => refersTo(p(g, 'ClusterName'), r.id));
    groups.forEach((g) => b.covered(g.id));
    const g = groups[0];
    const min = clamp(num(g ? p(g, 'ScalingConfig.MinSize') : undefined) ?? 1, 0, 1000)!;
    const max = Math.max(1, min, clamp(num(g ? p(g, 'ScalingConfig.MaxSize') : undefined) ?? min, 1, 1000)!);
    b.add(r.id, 'eks', {
      endpointPublicAccess: bool(p(r, 'ResourcesVpcConfig.EndpointPublicAccess')) ?? true,
      minNodes: min,
      maxNodes: max,
      desiredNodes: Math.min(max, Math.max(min, num(g ? p(g, 'ScalingConfig.DesiredSize') : undefined) ?? min)),
      nodeInstanceType: str(arr(g ? p(g, 'InstanceTypes') : undefined)[0]),
    });
  }
  for (const r of ofType('AWS::AutoScaling::AutoScalingGroup')) {
    const min = clamp(num(p(r, 'MinSize')) ?? 0, 0, 10000)!;
    const max = Math.max(1, min, clamp(num(p(r, 'MaxSize')) ?? min, 1, 10000)!);
    const lt = resources.find((x) => x.Type === 'AWS::EC2::LaunchTemplate' && refersTo(p(r, 'LaunchTemplate'), x.id));
    const lc = resources.find((x) => x.Type === 'AWS::AutoScaling::LaunchConfiguration' && refersTo(p(r, 'LaunchConfigurationName'), x.id));
    for (const x of [lt, lc]) if (x) b.covered(x.id);
    b.add(r.id, 'ec2-asg', {
      minSize: min,
      maxSize: max,
      desiredCapacity: Math.min(max, Math.max(min, num(p(r, 'DesiredCapacity')) ?? min)),
      instanceType: str(lt ? get(lt.Properties, 'LaunchTemplateData.InstanceType') : lc ? get(lc.Properties, 'InstanceType') : undefined),
    });
  }
  for (const r of ofType('AWS::Glue::Job')) {
    b.add(r.id, 'glue-job', { jobType: oneOf(p(r, 'Command.Name'), ['glueetl', 'pythonshell', 'gluestreaming'] as const), maxRetries: clamp(num(p(r, 'MaxRetries')) ?? 0, 0, 10) });
  }
  for (const r of ofType('AWS::SageMaker::Endpoint')) {
    const cfg = resources.find((x) => x.Type === 'AWS::SageMaker::EndpointConfig' && refersTo(p(r, 'EndpointConfigName'), x.id));
    if (cfg) b.covered(cfg.id);
    const variant = obj(arr(cfg ? get(cfg.Properties, 'ProductionVariants') : undefined)[0]);
    b.add(r.id, 'sagemaker-endpoint', variant?.ServerlessConfig ? { mode: 'serverless' } : { mode: 'real-time', instanceCount: clamp(num(variant?.InitialInstanceCount) ?? 1, 1, 1000), instanceType: str(variant?.InstanceType) });
  }

  // Edge.
  const methods = ofType('AWS::ApiGateway::Method');
  for (const r of ofType('AWS::ApiGateway::RestApi', 'AWS::Serverless::Api')) {
    const mine = methods.filter((m) => refersTo(p(m, 'RestApiId'), r.id));
    mine.forEach((m) => b.covered(m.id));
    const auth = mine.filter((m) => p(m, 'HttpMethod') !== 'OPTIONS').map((m) => String(p(m, 'AuthorizationType') ?? 'NONE'));
    const samAuth = r.Type === 'AWS::Serverless::Api' ? (get(r.Properties, 'Auth.DefaultAuthorizer') ? 'COGNITO_USER_POOLS' : 'NONE') : undefined;
    const kinds = samAuth ? [samAuth] : auth;
    const stage = ofType('AWS::ApiGateway::Stage').find((s) => refersTo(p(s, 'RestApiId'), r.id));
    b.add(r.id, 'apigateway-rest', {
      endpointType: oneOf(arr(p(r, 'EndpointConfiguration.Types'))[0], ['REGIONAL', 'EDGE', 'PRIVATE'] as const) ?? (r.Type === 'AWS::ApiGateway::RestApi' ? 'EDGE' : undefined),
      authorizer: kinds.length ? authorizerOf(kinds) : undefined,
      cacheSizeGb: stage && bool(p(stage, 'CacheClusterEnabled')) ? oneOf(String(p(stage, 'CacheClusterSize')), ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const) : '0',
    });
  }
  const routes = ofType('AWS::ApiGatewayV2::Route');
  for (const r of ofType('AWS::ApiGatewayV2::Api', 'AWS::Serverless::HttpApi')) {
    const websocket = p(r, 'ProtocolType') === 'WEBSOCKET';
    const mine = routes.filter((x) => refersTo(p(x, 'ApiId'), r.id));
    mine.forEach((m) => b.covered(m.id));
    const kinds = r.Type === 'AWS::Serverless::HttpApi' ? [get(r.Properties, 'Auth.DefaultAuthorizer') ? 'JWT' : 'NONE'] : mine.map((x) => String(p(x, 'AuthorizationType') ?? 'NONE'));
    b.add(r.id, websocket ? 'apigateway-websocket' : 'apigateway-http', { authorizer: kinds.length ? authorizerOf(websocket ? kinds.filter((_, i) => get(mine[i]?.Properties, 'RouteKey') === '$connect') : kinds) : 'none' });
  }
  for (const r of ofType('AWS::AppSync::GraphQLApi')) {
    const mode = String(p(r, 'AuthenticationType') ?? '');
    b.add(r.id, 'appsync', {
      authorizer: ({ API_KEY: 'api-key', AWS_IAM: 'iam', AMAZON_COGNITO_USER_POOLS: 'cognito', AWS_LAMBDA: 'lambda', OPENID_CONNECT: 'lambda' } as const)[mode as 'API_KEY'],
      xrayEnabled: bool(p(r, 'XrayEnabled')) === true,
    });
  }
  const listeners = ofType('AWS::ElasticLoadBalancingV2::Listener');
  for (const r of ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const mine = listeners.filter((l) => refersTo(p(l, 'LoadBalancerArn'), r.id));
    mine.forEach((l) => b.covered(l.id));
    const attrs = new Map(arr(p(r, 'LoadBalancerAttributes')).map((a) => [String(get(a, 'Key')), String(get(a, 'Value'))]));
    const secure = mine.length > 0 && mine.every((l) => ['HTTPS', 'TLS'].includes(String(p(l, 'Protocol'))) || JSON.stringify(p(l, 'DefaultActions') ?? '').includes('"redirect"'));
    b.add(r.id, p(r, 'Type') === 'network' ? 'nlb' : 'alb', {
      scheme: p(r, 'Scheme') === 'internal' ? 'internal' : 'internet-facing',
      https: secure,
      deletionProtection: attrs.get('deletion_protection.enabled') === 'true',
      accessLogs: attrs.get('access_logs.s3.enabled') === 'true',
    });
  }
  for (const r of ofType('AWS::CloudFront::Distribution')) {
    const cfg = obj(p(r, 'DistributionConfig')) ?? {};
    const tls = str(get(cfg, 'ViewerCertificate.MinimumProtocolVersion'));
    const id = b.add(r.id, 'cloudfront', {
      priceClass: oneOf(cfg.PriceClass, ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const) ?? 'PriceClass_All',
      caching: get(cfg, 'DefaultCacheBehavior.CachePolicyId') === CACHING_DISABLED_POLICY ? 'disabled' : 'optimized',
      minimumTlsVersion: tls === 'TLSv1.2_2021' ? 'TLSv1.2_2021' : 'TLSv1.2_2019',
    });
    for (const origin of arr(cfg.Origins)) for (const bucket of refs(get(origin, 'DomainName'), buckets)) b.connect(id, b.idOf(bucket), 'route');
  }
  const acls = ofType('AWS::WAFv2::WebACL');
  for (const r of acls) {
    const id = b.add(r.id, 'waf', { scope: p(r, 'Scope') === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL' });
    const protects: string[] = [];
    for (const assoc of ofType('AWS::WAFv2::WebACLAssociation').filter((x) => refersTo(p(x, 'WebACLArn'), r.id))) {
      b.covered(assoc.id);
      // A stage ARN is built with Fn::Sub from the API and the stage, so the API itself is among the references.
      for (const target of referencedIds(p(assoc, 'ResourceArn'), resources.map((x) => x.id))) {
        const tid = b.idOf(target);
        if (tid) protects.push(tid);
      }
    }
    for (const cf of ofType('AWS::CloudFront::Distribution').filter((d) => refersTo(p(d, 'DistributionConfig.WebACLId'), r.id))) protects.push(b.idOf(cf.id)!);
    b.patch(id, { protects: [...new Set(protects)] });
  }
  for (const r of ofType('AWS::Cognito::UserPool')) {
    b.add(r.id, 'cognito', {
      mfa: oneOf(p(r, 'MfaConfiguration'), ['OFF', 'OPTIONAL', 'ON'] as const) ?? 'OFF',
      passwordMinLength: clamp(num(p(r, 'Policies.PasswordPolicy.MinimumLength')) ?? 8, 8, 99),
      deletionProtection: p(r, 'DeletionProtection') === 'ACTIVE',
    });
  }
  for (const r of ofType('AWS::Route53::HostedZone')) {
    const records = ofType('AWS::Route53::RecordSet').filter((x) => refersTo(p(x, 'HostedZoneId'), r.id));
    records.forEach((x) => b.covered(x.id));
    b.add(r.id, 'route53', {
      routing: records.some((x) => p(x, 'Failover')) ? 'failover' : records.some((x) => p(x, 'Region')) ? 'latency' : records.some((x) => p(x, 'Weight') !== undefined) ? 'weighted' : 'simple',
      healthChecks: ofType('AWS::Route53::HealthCheck').length > 0,
    });
  }
  for (const r of ofType('AWS::CertificateManager::Certificate')) b.add(r.id, 'acm', { validation: p(r, 'ValidationMethod') === 'EMAIL' ? 'email' : 'dns' });

  // Integration.
  for (const r of ofType('AWS::SQS::Queue')) {
    b.add(r.id, 'sqs', {
      fifo: bool(p(r, 'FifoQueue')) === true,
      visibilityTimeoutSeconds: clamp(num(p(r, 'VisibilityTimeout')) ?? 30, 0, 43200),
      retentionDays: clamp(Math.round((num(p(r, 'MessageRetentionPeriod')) ?? 345600) / 86400), 1, 14),
      maxReceiveCount: clamp(num(p(r, 'RedrivePolicy.maxReceiveCount')), 1, 1000),
    });
  }
  const subscriptions = ofType('AWS::SNS::Subscription');
  for (const r of ofType('AWS::SNS::Topic')) {
    const emails = [
      ...arr(p(r, 'Subscription')).filter((x) => get(x, 'Protocol') === 'email').map((x) => String(get(x, 'Endpoint'))),
      ...subscriptions.filter((x) => refersTo(p(x, 'TopicArn'), r.id) && p(x, 'Protocol') === 'email').map((x) => String(p(x, 'Endpoint'))),
    ];
    if (emails.length) b.emailSubscription(emails[0]);
    b.add(r.id, 'sns', { fifo: bool(p(r, 'FifoTopic')) === true, emailSubscriptions: emails });
  }
  for (const r of ofType('AWS::Events::EventBus')) b.add(r.id, 'eventbridge', {});
  for (const r of ofType('AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine')) {
    b.add(r.id, 'step-functions', { type: oneOf(p(r, 'StateMachineType') ?? p(r, 'Type'), ['STANDARD', 'EXPRESS'] as const) });
  }
  for (const r of ofType('AWS::Kinesis::Stream')) {
    b.add(r.id, 'kinesis-streams', {
      mode: p(r, 'StreamModeDetails.StreamMode') === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED',
      shards: clamp(num(p(r, 'ShardCount')) ?? 1, 1, 100000),
      retentionHours: clamp(num(p(r, 'RetentionPeriodHours')) ?? 24, 24, 8760),
    });
    if (p(r, 'StreamEncryption') === undefined) b.facts.unencrypted.push({ resource: r.id, detail: 'StreamEncryption is not set' });
  }
  for (const r of ofType('AWS::KinesisFirehose::DeliveryStream')) b.add(r.id, 'kinesis-firehose', {});
  for (const r of ofType('AWS::IoT::TopicRule')) b.add(r.id, 'iot-core', {});
  for (const r of ofType('AWS::SES::EmailIdentity', 'AWS::SES::ConfigurationSet')) b.add(r.id, 'ses', {});
  for (const r of ofType('AWS::Transfer::Server')) {
    b.add(r.id, 'transfer-family', {
      endpointType: String(p(r, 'EndpointType') ?? 'PUBLIC').startsWith('VPC') ? 'VPC' : 'PUBLIC',
      protocols: arr(p(r, 'Protocols')).filter((x): x is 'SFTP' | 'FTPS' | 'AS2' => x === 'SFTP' || x === 'FTPS' || x === 'AS2'),
    });
  }
  for (const r of ofType('AWS::SecretsManager::Secret')) {
    const schedule = ofType('AWS::SecretsManager::RotationSchedule').find((x) => refersTo(p(x, 'SecretId'), r.id));
    if (schedule) b.covered(schedule.id);
    const days = schedule ? num(p(schedule, 'RotationRules.AutomaticallyAfterDays')) ?? 30 : 0;
    b.add(r.id, 'secrets-manager', { description: str(p(r, 'Description')), rotationDays: clamp(days, 0, 365) });
  }

  // Edges the rules read: queue/stream/table -> function triggers, API -> function invocations.
  for (const m of ofType('AWS::Lambda::EventSourceMapping')) {
    b.covered(m.id);
    const fn = refs(p(m, 'FunctionName'), fns)[0];
    const source = referencedIds(p(m, 'EventSourceArn'), resources.map((x) => x.id))[0];
    b.connect(source && b.idOf(source), fn && b.idOf(fn), 'trigger');
  }
  for (const fn of fns.filter((f) => f.Type === 'AWS::Serverless::Function')) {
    for (const ev of Object.values(obj(get(fn.Properties, 'Events')) ?? {})) {
      const type = get(ev, 'Type');
      const source = referencedIds(get(ev, 'Properties'), resources.map((x) => x.id))[0];
      if (type === 'SQS' || type === 'Kinesis' || type === 'DynamoDB') b.connect(source && b.idOf(source), b.idOf(fn.id), 'trigger');
      if (type === 'Api' || type === 'HttpApi') b.connect(source && b.idOf(source), b.idOf(fn.id), 'invoke');
    }
  }
  const integrations = [...methods.map((m) => ({ api: p(m, 'RestApiId'), uri: p(m, 'Integration.Uri') })), ...ofType('AWS::ApiGatewayV2::Integration').map((i) => ({ api: p(i, 'ApiId'), uri: p(i, 'IntegrationUri') }))];
  for (const i of ofType('AWS::ApiGatewayV2::Integration')) b.covered(i.id);
  for (const { api, uri } of integrations) {
    const apiId = referencedIds(api, resources.map((x) => x.id))[0];
    for (const fn of refs(uri, fns)) b.connect(apiId && b.idOf(apiId), b.idOf(fn), 'invoke');
  }

  // Facts: security groups and IAM.
  for (const r of ofType('AWS::EC2::SecurityGroup')) {
    b.covered(r.id);
    for (const rule of arr(p(r, 'SecurityGroupIngress'))) {
      for (const cidr of [get(rule, 'CidrIp'), get(rule, 'CidrIpv6')]) {
        const open = openIngress(r.id, cidr, get(rule, 'IpProtocol'), get(rule, 'FromPort'), get(rule, 'ToPort'));
        if (open) b.facts.openIngress.push(open);
      }
    }
  }
  for (const r of ofType('AWS::EC2::SecurityGroupIngress')) {
    b.covered(r.id);
    for (const cidr of [p(r, 'CidrIp'), p(r, 'CidrIpv6')]) {
      const open = openIngress(r.id, cidr, p(r, 'IpProtocol'), p(r, 'FromPort'), p(r, 'ToPort'));
      if (open) b.facts.openIngress.push(open);
    }
  }
  for (const r of ofType('AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group')) {
    b.covered(r.id);
    for (const pol of arr(p(r, 'Policies'))) b.facts.wildcardIam.push(...wildcardStatements(get(pol, 'PolicyDocument'), r.id));
    for (const arn of arr(p(r, 'ManagedPolicyArns'))) {
      const admin = adminPolicyAttachment(typeof arn === 'string' ? arn : JSON.stringify(arn).match(/arn:aws:iam::aws:policy\/[A-Za-z]+/)?.[0], r.id);
      if (admin) b.facts.wildcardIam.push(admin);
    }
  }
  for (const r of ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy')) {
    b.covered(r.id);
    b.facts.wildcardIam.push(...wildcardStatements(p(r, 'PolicyDocument'), r.id));
  }
  for (const r of ofType('AWS::Logs::LogGroup', 'AWS::Lambda::Permission', 'AWS::IAM::InstanceProfile', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Resource', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGateway::Account', 'AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription', 'AWS::CloudFront::OriginAccessControl')) {
    b.covered(r.id);
  }

  if (t.Transform) b.notes.push(`The template uses Transform ${JSON.stringify(t.Transform)}; resources it would generate at deploy time are not reviewed.`);
  return b.build(name, context);
}

/** API Gateway authorization types to the model's authorizer: the weakest method decides. */
function authorizerOf(kinds: string[]): 'none' | 'cognito' | 'iam' | 'lambda' {
  if (!kinds.length || kinds.some((k) => k === 'NONE')) return 'none';
  if (kinds.some((k) => k === 'CUSTOM')) return 'lambda';
  if (kinds.some((k) => k === 'AWS_IAM')) return 'iam';
  return 'cognito';
}
