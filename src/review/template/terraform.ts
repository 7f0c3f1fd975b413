import { createRequire } from 'node:module';
import { VPC_ENDPOINT_SERVICES } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import type { MappedTemplate, TemplateContext } from './builder.js';
import { ModelBuilder } from './builder.js';
import { adminPolicyAttachment, openIngress, wildcardStatements } from './policy.js';
import { arr, bool, clamp, get, num, obj, oneOf, str } from './values.js';

type Attrs = Record<string, unknown>;

interface TfResource {
  type: string;
  name: string;
  address: string;
  attrs: Attrs;
}

type Hcl2Json = { parse(file: string, text: string): Promise<Record<string, unknown>> };

let hcl: Hcl2Json | undefined;
function hcl2json(): Hcl2Json {
  hcl ??= createRequire(import.meta.url)('@cdktf/hcl2json') as Hcl2Json;
  return hcl;
}

/** Parses one or more Terraform files with HashiCorp's HCL parser (compiled to WASM); syntax errors name the file and line. */
export async function parseTerraform(files: Array<{ name: string; text: string }>): Promise<{ resources: TfResource[]; dataSources: TfResource[]; modules: string[] }> {
  const resources: TfResource[] = [];
  const dataSources: TfResource[] = [];
  const modules: string[] = [];
  for (const f of files) {
    let json: Record<string, unknown>;
    try {
      json = await hcl2json().parse(f.name, f.text);
    } catch (e) {
      throw new UserError('template', `the Terraform is not valid HCL: ${(e as Error).message.replace(/^parse config: \[?/, '').replace(/\]$/, '')}`, 'Fix the syntax (terraform fmt points at it) and try again.');
    }
    const collect = (section: unknown, out: TfResource[], prefix: string) => {
      for (const [type, byName] of Object.entries(obj(section) ?? {})) {
        for (const [name, blocks] of Object.entries(obj(byName) ?? {})) {
          out.push({ type, name, address: `${prefix}${type}.${name}`, attrs: (obj(arr(blocks)[0]) ?? {}) as Attrs });
        }
      }
    };
    collect(json.resource, resources, '');
    collect(json.data, dataSources, 'data.');
    for (const name of Object.keys(obj(json.module) ?? {})) modules.push(`module.${name}`);
  }
  return { resources, dataSources, modules };
}

/** True when an HCL value (expressions arrive as `${...}` strings) refers to a resource address. */
function refs(value: unknown, address: string): boolean {
  if (value === undefined || value === null) return false;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new RegExp(`(^|[^A-Za-z0-9_.])${address.replace(/\./g, '\\.')}(\\.|\\[|\\}|$)`).test(text);
}

/** A policy attribute: a JSON string, a heredoc, or `jsonencode({...})`, which is parsed back through HCL. */
async function policyDocument(value: unknown): Promise<unknown> {
  if (typeof value !== 'string') return obj(value);
  const m = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(value.trim());
  if (m) {
    try {
      const parsed = await hcl2json().parse('policy.tf', `document = ${m[1]}\n`);
      return parsed.document;
    } catch {
      return undefined;
    }
  }
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Maps Terraform resources into the model where a mapping exists and gathers template facts (open security groups,
 * wildcard IAM, public buckets, unencrypted or public databases). Split resources are folded into the resource they
 * configure (aws_s3_bucket_versioning into its aws_s3_bucket). Unset arguments take the AWS provider's defaults.
 */
export async function mapTerraform(files: Array<{ name: string; text: string }>, name: string, context: TemplateContext = {}): Promise<MappedTemplate> {
  const { resources, dataSources, modules } = await parseTerraform(files);
  if (!resources.length && !dataSources.length && !modules.length) {
    throw new UserError('template', 'the Terraform has no resource, data or module blocks', 'Pass the .tf files that declare the infrastructure.');
  }
  const b = new ModelBuilder([...resources.map((r) => r.address), ...modules]);
  const ofType = (...types: string[]) => resources.filter((r) => types.includes(r.type));
  const about = (r: TfResource, ...types: string[]) => resources.filter((x) => types.includes(x.type) && Object.values(x.attrs).some((v) => refs(v, r.address)));
  const a = (r: TfResource, path: string) => get(r.attrs, path);

  // Network. Provider 6 lets a resource name its own region: those are the DR copy, not the primary VPC.
  const vpcs = ofType('aws_vpc');
  const vpc = vpcs.find((v) => a(v, 'region') === undefined) ?? vpcs[0];
  if (vpc) {
    const mine = (r: TfResource) => a(r, 'region') === undefined;
    const copies = (r: TfResource) => num(a(r, 'count')) ?? 1;
    const subnets = ofType('aws_subnet').filter((x) => mine(x) && refs(a(x, 'vpc_id'), vpc.address));
    const nats = ofType('aws_nat_gateway').filter(mine);
    // A counted subnet block is one subnet per AZ; literal AZ names count once each.
    const counted = Math.max(0, ...subnets.filter((x) => a(x, 'count') !== undefined).map(copies));
    const literal = new Set(subnets.filter((x) => a(x, 'count') === undefined).map((x) => JSON.stringify(a(x, 'availability_zone') ?? x.address))).size;
    const natCount = nats.reduce((n, x) => n + copies(x), 0);
    b.setNetwork(vpc.address, {
      azCount: clamp(Math.max(counted, literal) || 1, 1, 6)!,
      natGateways: natCount === 0 ? 'none' : natCount === 1 ? 'single' : 'per-az',
      flowLogs: ofType('aws_flow_log').some((f) => refs(a(f, 'vpc_id'), vpc.address)),
      vpcEndpoints: [...new Set(ofType('aws_vpc_endpoint').map((e) => VPC_ENDPOINT_SERVICES.find((x) => String(a(e, 'service_name') ?? '').endsWith(`.${x}`))).filter((x): x is (typeof VPC_ENDPOINT_SERVICES)[number] => Boolean(x)))],
    });
    for (const r of [...vpcs, ...ofType('aws_subnet', 'aws_nat_gateway', 'aws_flow_log', 'aws_vpc_endpoint', 'aws_internet_gateway', 'aws_route_table', 'aws_route', 'aws_route_table_association', 'aws_eip', 'aws_default_security_group')]) b.covered(r.address);
  }
  for (const r of ofType('aws_cloudtrail')) b.flag('auditTrail', r.address);
  for (const r of ofType('aws_guardduty_detector', 'aws_guardduty_detector_feature')) b.flag('threatDetection', r.address);
  // AWS Backup and the dashboard are design-wide settings (resilience, observability), not components.
  for (const r of ofType('aws_backup_plan', 'aws_backup_selection', 'aws_backup_vault', 'aws_backup_vault_lock_configuration', 'aws_cloudwatch_dashboard')) b.covered(r.address);
  for (const r of ofType('aws_kms_key', 'aws_kms_alias')) b.flag('customerKeys', r.address);
  const alarms = ofType('aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm');
  b.facts.alarms = alarms.length;
  alarms.forEach((r) => b.covered(r.address));

  // Storage.
  for (const r of ofType('aws_s3_bucket')) {
    const parts = (type: string) => about(r, type);
    const versioning = parts('aws_s3_bucket_versioning');
    const website = parts('aws_s3_bucket_website_configuration').length > 0 || a(r, 'website') !== undefined;
    const lifecycle = parts('aws_s3_bucket_lifecycle_configuration');
    const blocks = parts('aws_s3_bucket_public_access_block');
    const acls = parts('aws_s3_bucket_acl');
    const bucketPolicies = parts('aws_s3_bucket_policy');
    for (const t of ['aws_s3_bucket_versioning', 'aws_s3_bucket_website_configuration', 'aws_s3_bucket_lifecycle_configuration', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_acl', 'aws_s3_bucket_policy', 'aws_s3_bucket_cors_configuration', 'aws_s3_bucket_replication_configuration', 'aws_s3_bucket_object_lock_configuration', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_logging', 'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_notification']) {
      for (const x of parts(t)) b.covered(x.address);
    }
    b.add(r.address, 's3', {
      purpose: website ? 'static-site' : undefined,
      versioning: versioning.some((v) => a(v, 'versioning_configuration.0.status') === 'Enabled') || bool(a(r, 'versioning.0.enabled')) === true,
      lifecycle: lifecycle.length || arr(a(r, 'lifecycle_rule')).length ? [{ prefix: '', transitions: [] }] : [],
      corsAllowedOrigins: parts('aws_s3_bucket_cors_configuration').flatMap((c) => arr(a(c, 'cors_rule')).flatMap((x) => arr(get(x, 'allowed_origins')))).filter((o): o is string => typeof o === 'string'),
      objectLock: bool(a(r, 'object_lock_enabled')) === true || parts('aws_s3_bucket_object_lock_configuration').length > 0,
      replicationRegion: parts('aws_s3_bucket_replication_configuration').length ? 'replicated' : undefined,
    });
    const acl = [str(a(r, 'acl')), ...acls.map((x) => str(a(x, 'acl')))].find((x) => x === 'public-read' || x === 'public-read-write');
    if (acl) b.facts.publicBuckets.push({ resource: r.address, how: `ACL ${acl}` });
    for (const p of bucketPolicies) {
      const doc = await policyDocument(a(p, 'policy'));
      const open = arr(get(doc, 'Statement')).some((st) => {
        const s = obj(st);
        const principal = s?.Principal;
        return s?.Effect === 'Allow' && !s.Condition && (principal === '*' || get(principal, 'AWS') === '*');
      });
      if (open) b.facts.publicBuckets.push({ resource: r.address, how: `${p.address} allows Principal * without a condition` });
    }
    const unblocked = blocks.find((x) => ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].some((k) => bool(a(x, k)) === false));
    if (unblocked && website && !b.facts.publicBuckets.some((x) => x.resource === r.address)) b.facts.publicBuckets.push({ resource: r.address, how: `website hosting with public access block turned off (${unblocked.address})` });
  }

  // Databases.
  const clusterInstances = ofType('aws_rds_cluster_instance');
  const secondaryRegion = new Map<string, string>();
  const secondaries = new Set<string>();
  // Aurora Global Database: the first cluster of a global cluster is the primary, the others are its DR copies.
  const primaries = new Map<string, string>();
  for (const r of ofType('aws_rds_cluster')) {
    const global = ofType('aws_rds_global_cluster').find((g) => refs(a(r, 'global_cluster_identifier'), g.address));
    if (!global) continue;
    b.covered(global.address);
    const primary = primaries.get(global.address);
    if (primary === undefined) {
      primaries.set(global.address, r.address);
      continue;
    }
    b.covered(r.address);
    secondaries.add(r.address);
    for (const i of clusterInstances.filter((x) => refs(a(x, 'cluster_identifier'), r.address))) b.covered(i.address);
    secondaryRegion.set(primary, str(a(r, 'region')) ?? 'secondary');
  }
  for (const r of ofType('aws_rds_cluster')) {
    if (secondaries.has(r.address)) continue;
    const engine = String(a(r, 'engine') ?? 'aurora-mysql');
    const members = clusterInstances.filter((i) => refs(a(i, 'cluster_identifier'), r.address));
    members.forEach((m) => b.covered(m.address));
    const count = members.reduce((n, m) => n + (num(a(m, 'count')) ?? 1), 0);
    const backup = num(a(r, 'backup_retention_period'));
    if (engine.startsWith('aurora')) {
      b.add(r.address, 'aurora', {
        engine: engine.includes('postgres') ? 'postgresql' : 'mysql',
        capacity: a(r, 'serverlessv2_scaling_configuration') ? 'serverless-v2' : 'provisioned',
        readers: clamp(Math.max(0, count - 1), 0, 15),
        backupRetentionDays: clamp(backup ?? 1, 1, 35),
        deletionProtection: bool(a(r, 'deletion_protection')) === true,
        iamAuthentication: bool(a(r, 'iam_database_authentication_enabled')) === true,
        globalSecondaryRegion: secondaryRegion.get(r.address),
      });
    } else {
      b.add(r.address, 'rds', { multiAz: true, backupRetentionDays: clamp(backup ?? 1, 1, 35), deletionProtection: bool(a(r, 'deletion_protection')) === true });
    }
    if (bool(a(r, 'storage_encrypted')) !== true && a(r, 'engine_mode') !== 'serverless') b.facts.unencrypted.push({ resource: r.address, detail: 'storage_encrypted is not true' });
    if (backup === 0) b.facts.backupsDisabled.push({ resource: r.address, detail: 'backup_retention_period is 0' });
  }
  for (const r of ofType('aws_db_instance')) {
    const backup = num(a(r, 'backup_retention_period'));
    const engine = String(a(r, 'engine') ?? '');
    b.add(r.address, 'rds', {
      engine: ({ postgres: 'postgresql', mysql: 'mysql', mariadb: 'mariadb' } as const)[engine as 'postgres'],
      multiAz: bool(a(r, 'multi_az')) === true,
      backupRetentionDays: clamp(backup ?? 1, 1, 35),
      deletionProtection: bool(a(r, 'deletion_protection')) === true,
      iamAuthentication: bool(a(r, 'iam_database_authentication_enabled')) === true,
      instanceClass: str(a(r, 'instance_class')),
    });
    if (a(r, 'replicate_source_db') === undefined && bool(a(r, 'storage_encrypted')) !== true) b.facts.unencrypted.push({ resource: r.address, detail: 'storage_encrypted is not true' });
    if (backup === 0) b.facts.backupsDisabled.push({ resource: r.address, detail: 'backup_retention_period is 0' });
    if (bool(a(r, 'publicly_accessible')) === true) b.facts.publicDatabases.push({ resource: r.address, detail: 'publicly_accessible is true' });
  }
  for (const r of ofType('aws_docdb_cluster')) {
    const members = ofType('aws_docdb_cluster_instance').filter((i) => refs(a(i, 'cluster_identifier'), r.address));
    members.forEach((m) => b.covered(m.address));
    b.add(r.address, 'documentdb', {
      instances: clamp(members.reduce((n, m) => n + (num(a(m, 'count')) ?? 1), 0) || 1, 1, 16),
      backupRetentionDays: clamp(num(a(r, 'backup_retention_period')) ?? 1, 1, 35),
      deletionProtection: bool(a(r, 'deletion_protection')) === true,
    });
    if (bool(a(r, 'storage_encrypted')) !== true) b.facts.unencrypted.push({ resource: r.address, detail: 'storage_encrypted is not true' });
  }
  for (const r of ofType('aws_dynamodb_table')) {
    b.add(r.address, 'dynamodb', {
      ...(str(a(r, 'hash_key')) ? { partitionKey: { name: str(a(r, 'hash_key')) } } : {}),
      billingMode: oneOf(a(r, 'billing_mode'), ['PAY_PER_REQUEST', 'PROVISIONED'] as const) ?? 'PROVISIONED',
      pointInTimeRecovery: bool(a(r, 'point_in_time_recovery.0.enabled')) === true,
      deletionProtection: bool(a(r, 'deletion_protection_enabled')) === true,
      ttlAttribute: bool(a(r, 'ttl.0.enabled')) === true ? str(a(r, 'ttl.0.attribute_name')) : undefined,
      replicaRegions: arr(a(r, 'replica')).map((x) => str(get(x, 'region_name'))).filter((x): x is string => Boolean(x)),
    });
  }
  for (const r of ofType('aws_elasticache_replication_group')) {
    const replicas = num(a(r, 'replicas_per_node_group')) ?? Math.max(0, (num(a(r, 'num_cache_clusters')) ?? 1) - 1);
    b.add(r.address, 'elasticache', {
      engine: oneOf(String(a(r, 'engine') ?? 'redis'), ['valkey', 'redis', 'memcached'] as const),
      mode: 'node-based',
      nodeType: str(a(r, 'node_type')),
      shards: clamp(num(a(r, 'num_node_groups')) ?? 1, 1, 500),
      replicasPerShard: clamp(replicas, 0, 5),
      snapshotRetentionDays: clamp(num(a(r, 'snapshot_retention_limit')) ?? 0, 0, 35),
    });
    if (bool(a(r, 'at_rest_encryption_enabled')) === false) b.facts.unencrypted.push({ resource: r.address, detail: 'at_rest_encryption_enabled is false' });
  }
  for (const r of ofType('aws_elasticache_cluster')) {
    b.add(r.address, 'elasticache', { engine: oneOf(String(a(r, 'engine') ?? ''), ['valkey', 'redis', 'memcached'] as const), mode: 'node-based', nodeType: str(a(r, 'node_type')), replicasPerShard: 0, snapshotRetentionDays: clamp(num(a(r, 'snapshot_retention_limit')) ?? 0, 0, 35) });
  }
  for (const r of ofType('aws_elasticache_serverless_cache')) b.add(r.address, 'elasticache', { engine: oneOf(String(a(r, 'engine') ?? ''), ['valkey', 'redis', 'memcached'] as const), mode: 'serverless' });
  for (const r of ofType('aws_opensearch_domain', 'aws_elasticsearch_domain')) {
    b.add(r.address, 'opensearch', { instanceCount: clamp(num(a(r, 'cluster_config.0.instance_count')) ?? 1, 1, 1000), instanceType: str(a(r, 'cluster_config.0.instance_type')), dedicatedMasters: bool(a(r, 'cluster_config.0.dedicated_master_enabled')) === true });
    if (bool(a(r, 'encrypt_at_rest.0.enabled')) !== true) b.facts.unencrypted.push({ resource: r.address, detail: 'encrypt_at_rest is not enabled' });
  }
  for (const r of ofType('aws_redshift_cluster')) {
    b.add(r.address, 'redshift', { mode: 'provisioned', nodeType: str(a(r, 'node_type')), nodes: clamp(num(a(r, 'number_of_nodes')) ?? 1, 1, 128) });
    if (bool(a(r, 'encrypted')) === false) b.facts.unencrypted.push({ resource: r.address, detail: 'encrypted is false' });
    if (bool(a(r, 'publicly_accessible')) === true) b.facts.publicDatabases.push({ resource: r.address, detail: 'publicly_accessible is true' });
  }
  for (const r of ofType('aws_redshiftserverless_workgroup')) b.add(r.address, 'redshift', { mode: 'serverless' });
  for (const r of ofType('aws_athena_workgroup')) b.add(r.address, 'athena', {});

  // Compute.
  for (const r of ofType('aws_lambda_function')) {
    const env = obj(a(r, 'environment.0.variables')) ?? {};
    b.add(r.address, 'lambda', {
      runtime: oneOf(a(r, 'runtime'), ['nodejs22.x', 'nodejs20.x', 'python3.13', 'python3.12', 'java21', 'dotnet8', 'ruby3.3', 'provided.al2023'] as const),
      architecture: arr(a(r, 'architectures'))[0] === 'arm64' ? 'arm64' : 'x86_64',
      memoryMb: clamp(num(a(r, 'memory_size')) ?? 128, 128, 10240),
      timeoutSeconds: clamp(num(a(r, 'timeout')) ?? 3, 1, 900),
      reservedConcurrency: (num(a(r, 'reserved_concurrent_executions')) ?? -1) >= 0 ? num(a(r, 'reserved_concurrent_executions')) : undefined,
      inVpc: a(r, 'vpc_config') !== undefined,
      environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
      tracing: a(r, 'tracing_config.0.mode') === 'Active',
    });
  }
  for (const r of ofType('aws_ecs_service')) {
    const desired = clamp(num(a(r, 'desired_count')) ?? 0, 0, 10000)!;
    const target = ofType('aws_appautoscaling_target').find((t) => a(t, 'scalable_dimension') === 'ecs:service:DesiredCount' && refs(a(t, 'resource_id'), r.address));
    if (target) b.covered(target.address);
    const min = clamp(num(target ? a(target, 'min_capacity') : undefined) ?? desired, 0, 10000)!;
    const max = Math.max(1, min, desired, clamp(num(target ? a(target, 'max_capacity') : undefined) ?? desired, 1, 10000)!);
    const td = ofType('aws_ecs_task_definition').find((t) => refs(a(r, 'task_definition'), t.address));
    if (td) b.covered(td.address);
    b.add(r.address, 'ecs-fargate', {
      mode: a(r, 'load_balancer') ? 'service' : 'worker',
      desiredCount: desired,
      minCount: min,
      maxCount: max,
      architecture: td && a(td, 'runtime_platform.0.cpu_architecture') === 'ARM64' ? 'arm64' : 'x86_64',
      spot: JSON.stringify(a(r, 'capacity_provider_strategy') ?? '').includes('FARGATE_SPOT'),
    });
  }
  for (const r of ofType('aws_eks_cluster')) {
    const g = ofType('aws_eks_node_group').find((x) => refs(a(x, 'cluster_name'), r.address));
    if (g) b.covered(g.address);
    const min = clamp(num(g ? a(g, 'scaling_config.0.min_size') : undefined) ?? 1, 0, 1000)!;
    const max = Math.max(1, min, clamp(num(g ? a(g, 'scaling_config.0.max_size') : undefined) ?? min, 1, 1000)!);
    b.add(r.address, 'eks', {
      endpointPublicAccess: bool(a(r, 'vpc_config.0.endpoint_public_access')) ?? true,
      minNodes: min,
      maxNodes: max,
      desiredNodes: Math.min(max, Math.max(min, num(g ? a(g, 'scaling_config.0.desired_size') : undefined) ?? min)),
      nodeInstanceType: str(arr(g ? a(g, 'instance_types') : undefined)[0]),
    });
  }
  for (const r of ofType('aws_autoscaling_group')) {
    const min = clamp(num(a(r, 'min_size')) ?? 0, 0, 10000)!;
    const max = Math.max(1, min, clamp(num(a(r, 'max_size')) ?? min, 1, 10000)!);
    const lt = ofType('aws_launch_template').find((t) => refs(a(r, 'launch_template'), t.address));
    if (lt) b.covered(lt.address);
    b.add(r.address, 'ec2-asg', { minSize: min, maxSize: max, desiredCapacity: Math.min(max, Math.max(min, num(a(r, 'desired_capacity')) ?? min)), instanceType: str(lt ? a(lt, 'instance_type') : undefined) });
  }
  for (const r of ofType('aws_glue_job')) b.add(r.address, 'glue-job', { maxRetries: clamp(num(a(r, 'max_retries')) ?? 0, 0, 10) });
  for (const r of ofType('aws_sagemaker_endpoint')) b.add(r.address, 'sagemaker-endpoint', {});

  // Edge.
  for (const r of ofType('aws_api_gateway_rest_api')) {
    const methods = about(r, 'aws_api_gateway_method').filter((m) => a(m, 'http_method') !== 'OPTIONS');
    methods.forEach((m) => b.covered(m.address));
    const kinds = methods.map((m) => String(a(m, 'authorization') ?? 'NONE'));
    b.add(r.address, 'apigateway-rest', {
      endpointType: oneOf(arr(a(r, 'endpoint_configuration.0.types'))[0], ['REGIONAL', 'EDGE', 'PRIVATE'] as const) ?? 'EDGE',
      ...(kinds.length ? { authorizer: kinds.includes('NONE') ? 'none' : kinds.includes('CUSTOM') ? 'lambda' : kinds.includes('AWS_IAM') ? 'iam' : 'cognito' } : {}),
    });
  }
  for (const r of ofType('aws_apigatewayv2_api')) {
    const routes = about(r, 'aws_apigatewayv2_route');
    routes.forEach((m) => b.covered(m.address));
    for (const x of about(r, 'aws_apigatewayv2_authorizer', 'aws_apigatewayv2_stage')) b.covered(x.address);
    const websocket = a(r, 'protocol_type') === 'WEBSOCKET';
    // A WebSocket API authorizes on $connect only; the other routes ride on that connection.
    const kinds = routes.filter((m) => !websocket || a(m, 'route_key') === '$connect').map((m) => String(a(m, 'authorization_type') ?? 'NONE'));
    b.add(r.address, websocket ? 'apigateway-websocket' : 'apigateway-http', { authorizer: !kinds.length || kinds.includes('NONE') ? 'none' : kinds.includes('CUSTOM') ? 'lambda' : kinds.includes('AWS_IAM') ? 'iam' : 'cognito' });
  }
  for (const r of ofType('aws_appsync_graphql_api')) {
    const mode = String(a(r, 'authentication_type') ?? '');
    b.add(r.address, 'appsync', { authorizer: ({ API_KEY: 'api-key', AWS_IAM: 'iam', AMAZON_COGNITO_USER_POOLS: 'cognito', AWS_LAMBDA: 'lambda', OPENID_CONNECT: 'lambda' } as const)[mode as 'API_KEY'], xrayEnabled: bool(a(r, 'xray_enabled')) === true });
  }
  for (const r of ofType('aws_lb', 'aws_alb')) {
    const listeners = about(r, 'aws_lb_listener', 'aws_alb_listener');
    listeners.forEach((l) => b.covered(l.address));
    const secure = listeners.length > 0 && listeners.every((l) => ['HTTPS', 'TLS'].includes(String(a(l, 'protocol'))) || a(l, 'default_action.0.type') === 'redirect');
    b.add(r.address, a(r, 'load_balancer_type') === 'network' ? 'nlb' : 'alb', {
      scheme: bool(a(r, 'internal')) === true ? 'internal' : 'internet-facing',
      https: secure,
      deletionProtection: bool(a(r, 'enable_deletion_protection')) === true,
      accessLogs: bool(a(r, 'access_logs.0.enabled')) === true,
    });
  }
  for (const r of ofType('aws_cloudfront_distribution')) {
    const id = b.add(r.address, 'cloudfront', {
      priceClass: oneOf(a(r, 'price_class'), ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const) ?? 'PriceClass_All',
      caching: a(r, 'default_cache_behavior.0.cache_policy_id') === '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' ? 'disabled' : 'optimized',
      minimumTlsVersion: a(r, 'viewer_certificate.0.minimum_protocol_version') === 'TLSv1.2_2021' ? 'TLSv1.2_2021' : 'TLSv1.2_2019',
    });
    for (const origin of arr(a(r, 'origin'))) for (const bucket of ofType('aws_s3_bucket').filter((x) => refs(get(origin, 'domain_name'), x.address))) b.connect(id, b.idOf(bucket.address), 'route');
  }
  for (const r of ofType('aws_wafv2_web_acl')) {
    const id = b.add(r.address, 'waf', { scope: a(r, 'scope') === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL' });
    const protects: string[] = [];
    for (const assoc of about(r, 'aws_wafv2_web_acl_association')) {
      b.covered(assoc.address);
      for (const target of resources.filter((x) => refs(a(assoc, 'resource_arn'), x.address))) {
        const stageApi = target.type === 'aws_api_gateway_stage' ? resources.find((x) => refs(a(target, 'rest_api_id'), x.address)) : undefined;
        const tid = b.idOf((stageApi ?? target).address);
        if (tid) protects.push(tid);
      }
    }
    for (const cf of ofType('aws_cloudfront_distribution').filter((d) => refs(a(d, 'web_acl_id'), r.address))) protects.push(b.idOf(cf.address)!);
    b.patch(id, { protects: [...new Set(protects)] });
  }
  for (const r of ofType('aws_cognito_user_pool')) {
    b.add(r.address, 'cognito', {
      mfa: oneOf(a(r, 'mfa_configuration'), ['OFF', 'OPTIONAL', 'ON'] as const) ?? 'OFF',
      passwordMinLength: clamp(num(a(r, 'password_policy.0.minimum_length')) ?? 8, 8, 99),
      deletionProtection: a(r, 'deletion_protection') === 'ACTIVE',
    });
  }
  for (const r of ofType('aws_route53_zone')) {
    const records = about(r, 'aws_route53_record');
    records.forEach((x) => b.covered(x.address));
    b.add(r.address, 'route53', { routing: records.some((x) => a(x, 'failover_routing_policy')) ? 'failover' : records.some((x) => a(x, 'latency_routing_policy')) ? 'latency' : records.some((x) => a(x, 'weighted_routing_policy')) ? 'weighted' : 'simple', healthChecks: ofType('aws_route53_health_check').length > 0 });
  }
  for (const r of ofType('aws_acm_certificate')) b.add(r.address, 'acm', { validation: a(r, 'validation_method') === 'EMAIL' ? 'email' : 'dns' });

  // Integration.
  for (const r of ofType('aws_sqs_queue')) {
    b.add(r.address, 'sqs', {
      fifo: bool(a(r, 'fifo_queue')) === true,
      visibilityTimeoutSeconds: clamp(num(a(r, 'visibility_timeout_seconds')) ?? 30, 0, 43200),
      retentionDays: clamp(Math.round((num(a(r, 'message_retention_seconds')) ?? 345600) / 86400), 1, 14),
    });
  }
  for (const r of ofType('aws_sns_topic')) {
    const emails = about(r, 'aws_sns_topic_subscription').filter((s) => a(s, 'protocol') === 'email');
    emails.forEach((s) => b.covered(s.address));
    if (emails.length) b.emailSubscription(str(a(emails[0]!, 'endpoint')));
    b.add(r.address, 'sns', { fifo: bool(a(r, 'fifo_topic')) === true, emailSubscriptions: emails.map((s) => String(a(s, 'endpoint'))) });
  }
  for (const r of ofType('aws_cloudwatch_event_bus')) b.add(r.address, 'eventbridge', {});
  for (const r of ofType('aws_sfn_state_machine')) b.add(r.address, 'step-functions', { type: oneOf(a(r, 'type'), ['STANDARD', 'EXPRESS'] as const) });
  for (const r of ofType('aws_kinesis_stream')) {
    b.add(r.address, 'kinesis-streams', { mode: a(r, 'stream_mode_details.0.stream_mode') === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED', shards: clamp(num(a(r, 'shard_count')) ?? 1, 1, 100000), retentionHours: clamp(num(a(r, 'retention_period')) ?? 24, 24, 8760) });
    if (a(r, 'encryption_type') !== 'KMS') b.facts.unencrypted.push({ resource: r.address, detail: 'encryption_type is not KMS' });
  }
  for (const r of ofType('aws_kinesis_firehose_delivery_stream')) b.add(r.address, 'kinesis-firehose', {});
  for (const r of ofType('aws_iot_topic_rule')) b.add(r.address, 'iot-core', {});
  for (const r of ofType('aws_sesv2_email_identity', 'aws_ses_domain_identity')) b.add(r.address, 'ses', {});
  for (const r of ofType('aws_transfer_server')) b.add(r.address, 'transfer-family', { endpointType: String(a(r, 'endpoint_type') ?? 'PUBLIC').startsWith('VPC') ? 'VPC' : 'PUBLIC' });
  for (const r of ofType('aws_secretsmanager_secret')) {
    const rotation = about(r, 'aws_secretsmanager_secret_rotation')[0];
    if (rotation) b.covered(rotation.address);
    b.add(r.address, 'secrets-manager', { description: str(a(r, 'description')), rotationDays: rotation ? clamp(num(a(rotation, 'rotation_rules.0.automatically_after_days')) ?? 30, 0, 365) : 0 });
  }
  for (const m of ofType('aws_lambda_event_source_mapping')) {
    b.covered(m.address);
    const fn = ofType('aws_lambda_function').find((f) => refs(a(m, 'function_name'), f.address));
    const source = resources.find((x) => refs(a(m, 'event_source_arn'), x.address));
    b.connect(source && b.idOf(source.address), fn && b.idOf(fn.address), 'trigger');
  }
  for (const i of ofType('aws_api_gateway_integration', 'aws_apigatewayv2_integration')) {
    b.covered(i.address);
    const fn = ofType('aws_lambda_function').find((f) => refs(a(i, 'uri') ?? a(i, 'integration_uri'), f.address));
    const api = resources.find((x) => (x.type === 'aws_api_gateway_rest_api' || x.type === 'aws_apigatewayv2_api') && refs(a(i, 'rest_api_id') ?? a(i, 'api_id'), x.address));
    b.connect(api && b.idOf(api.address), fn && b.idOf(fn.address), 'invoke');
  }

  // Facts: security groups and IAM.
  for (const r of ofType('aws_security_group')) {
    b.covered(r.address);
    for (const rule of arr(a(r, 'ingress'))) {
      for (const cidr of [...arr(get(rule, 'cidr_blocks')), ...arr(get(rule, 'ipv6_cidr_blocks'))]) {
        const open = openIngress(r.address, cidr, get(rule, 'protocol'), get(rule, 'from_port'), get(rule, 'to_port'));
        if (open) b.facts.openIngress.push(open);
      }
    }
  }
  for (const r of ofType('aws_security_group_rule')) {
    b.covered(r.address);
    if (a(r, 'type') !== 'ingress') continue;
    for (const cidr of [...arr(a(r, 'cidr_blocks')), ...arr(a(r, 'ipv6_cidr_blocks'))]) {
      const open = openIngress(r.address, cidr, a(r, 'protocol'), a(r, 'from_port'), a(r, 'to_port'));
      if (open) b.facts.openIngress.push(open);
    }
  }
  for (const r of ofType('aws_vpc_security_group_ingress_rule')) {
    b.covered(r.address);
    for (const cidr of [a(r, 'cidr_ipv4'), a(r, 'cidr_ipv6')]) {
      const open = openIngress(r.address, cidr, a(r, 'ip_protocol'), a(r, 'from_port'), a(r, 'to_port'));
      if (open) b.facts.openIngress.push(open);
    }
  }
  for (const r of ofType('aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy')) {
    b.covered(r.address);
    b.facts.wildcardIam.push(...wildcardStatements(await policyDocument(a(r, 'policy')), r.address));
  }
  for (const r of ofType('aws_iam_role')) {
    b.covered(r.address);
    for (const inline of arr(a(r, 'inline_policy'))) b.facts.wildcardIam.push(...wildcardStatements(await policyDocument(get(inline, 'policy')), r.address));
    for (const arn of arr(a(r, 'managed_policy_arns'))) {
      const admin = adminPolicyAttachment(arn, r.address);
      if (admin) b.facts.wildcardIam.push(admin);
    }
  }
  for (const r of ofType('aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment')) {
    b.covered(r.address);
    const admin = adminPolicyAttachment(a(r, 'policy_arn'), r.address);
    if (admin) b.facts.wildcardIam.push(admin);
  }
  for (const d of dataSources.filter((x) => x.type === 'aws_iam_policy_document')) {
    // Statements with principals belong to resource policies (a key policy's Resource * is the key itself).
    const statements = arr(a(d, 'statement'))
      .filter((st) => get(st, 'principals') === undefined && get(st, 'not_principals') === undefined)
      .map((st) => ({ Effect: get(st, 'effect') ?? 'Allow', Action: get(st, 'actions'), NotAction: get(st, 'not_actions'), Resource: get(st, 'resources') }));
    b.facts.wildcardIam.push(...wildcardStatements({ Statement: statements }, d.address));
  }
  for (const r of ofType('aws_cloudwatch_log_group', 'aws_lambda_permission', 'aws_iam_instance_profile', 'aws_api_gateway_deployment', 'aws_api_gateway_stage', 'aws_api_gateway_resource', 'aws_apigatewayv2_stage', 'aws_ecs_cluster', 'aws_lb_target_group', 'aws_sqs_queue_policy', 'aws_sns_topic_policy', 'aws_cloudfront_origin_access_control')) {
    b.covered(r.address);
  }
  if (modules.length) b.notes.push(`Module calls are not expanded offline: ${modules.join(', ')} ${modules.length > 1 ? 'were' : 'was'} not reviewed.`);
  return b.build(name, context);
}
