import { alarmAndWidget, arn, logGroup, secureBucket, securityGroup } from '../common.js';
import type { Statement } from '../context.js';
import { ACCOUNT_ID } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';
import type { Raw } from '../hcl.js';

const VALKEY_MAJOR = '8';
const REDIS_MAJOR = '7';

export const elasticache: Emitter<'elasticache'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 40 });
    const key = ctx.kms();
    securityGroup(ctx, c, `Cache ${c.id}`, 'none');
    const memcached = cfg.engine === 'memcached';
    if (cfg.mode === 'serverless') {
      ctx.resource(file, 'aws_elasticache_serverless_cache', n, {
        engine: cfg.engine,
        name,
        description: c.description ?? c.name ?? c.id,
        major_engine_version: memcached ? '1.6' : cfg.engine === 'valkey' ? VALKEY_MAJOR : REDIS_MAJOR,
        cache_usage_limits: blk('cache_usage_limits', { data_storage: blk('data_storage', { maximum: cfg.maxDataGb, unit: 'GB' }) }),
        kms_key_id: key,
        security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
        subnet_ids: ctx.subnets('data'),
        snapshot_retention_limit: memcached ? undefined : cfg.snapshotRetentionDays,
        daily_snapshot_time: memcached ? undefined : '04:00',
        tags,
      });
      alarmAndWidget(ctx, c.id, 'throttled', `Commands to ${c.id} are throttled at its usage limits`, 'AWS/ElastiCache', 'ThrottledCmds', { clusterId: raw(`aws_elasticache_serverless_cache.${n}.name`) }, 'Sum', 'GreaterThanThreshold', 0);
      ctx.output({ name: `${n}_endpoint`, value: raw(`aws_elasticache_serverless_cache.${n}.endpoint[0].address`), description: `Endpoint of cache ${c.id} (TLS)` });
      return;
    }
    ctx.resource(file, 'aws_elasticache_subnet_group', n, { name, subnet_ids: ctx.subnets('data'), tags });
    if (memcached) {
      ctx.resource(file, 'aws_elasticache_cluster', n, {
        cluster_id: name,
        engine: 'memcached',
        node_type: cfg.nodeType,
        num_cache_nodes: cfg.shards,
        az_mode: cfg.shards > 1 ? 'cross-az' : 'single-az',
        parameter_group_name: 'default.memcached1.6',
        port: 11211,
        subnet_group_name: raw(`aws_elasticache_subnet_group.${n}.name`),
        security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
        transit_encryption_enabled: true,
        tags,
      });
      alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU above 80 %`, 'AWS/ElastiCache', 'CPUUtilization', { CacheClusterId: raw(`aws_elasticache_cluster.${n}.cluster_id`) }, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
      ctx.output({ name: `${n}_endpoint`, value: raw(`aws_elasticache_cluster.${n}.configuration_endpoint`), description: `Configuration endpoint of cache ${c.id}` });
      return;
    }
    const clustered = cfg.shards > 1;
    const failover = cfg.replicasPerShard > 0 || clustered;
    const major = cfg.engine === 'valkey' ? `valkey${VALKEY_MAJOR}` : `redis${REDIS_MAJOR}`;
    const slowLog = logGroup(ctx, file, c.id, tpl`/aws/elasticache/${name}/slow-log`, tags);
    ctx.resource(file, 'aws_elasticache_replication_group', n, {
      replication_group_id: name,
      description: c.description ?? c.name ?? c.id,
      engine: cfg.engine,
      engine_version: cfg.engine === 'valkey' ? `${VALKEY_MAJOR}.0` : `${REDIS_MAJOR}.1`,
      node_type: cfg.nodeType,
      port: 6379,
      parameter_group_name: `default.${major}${clustered ? '.cluster.on' : ''}`,
      cluster_mode: clustered ? 'enabled' : 'disabled',
      num_node_groups: clustered ? cfg.shards : undefined,
      replicas_per_node_group: clustered ? cfg.replicasPerShard : undefined,
      num_cache_clusters: clustered ? undefined : 1 + cfg.replicasPerShard,
      automatic_failover_enabled: failover,
      multi_az_enabled: cfg.replicasPerShard > 0,
      at_rest_encryption_enabled: true,
      transit_encryption_enabled: true,
      kms_key_id: key,
      subnet_group_name: raw(`aws_elasticache_subnet_group.${n}.name`),
      security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      snapshot_retention_limit: cfg.snapshotRetentionDays,
      snapshot_window: '04:00-05:00',
      auto_minor_version_upgrade: true,
      log_delivery_configuration: blk('log_delivery_configuration', { destination: raw(`${slowLog}.name`), destination_type: 'cloudwatch-logs', log_format: 'json', log_type: 'slow-log' }),
      tags,
    });
    // Host metrics are per node; the first node of the first shard stands for the group.
    const primaryNode = tpl`${raw(`aws_elasticache_replication_group.${n}.id`)}-${clustered ? '0001-001' : '001'}`;
    alarmAndWidget(ctx, c.id, 'engine-cpu', `${c.id} engine CPU above 80 %`, 'AWS/ElastiCache', 'EngineCPUUtilization', { CacheClusterId: primaryNode }, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'memory', `${c.id} memory above 80 %`, 'AWS/ElastiCache', 'DatabaseMemoryUsagePercentage', { CacheClusterId: primaryNode }, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    ctx.output({
      name: `${n}_endpoint`,
      value: raw(clustered ? `aws_elasticache_replication_group.${n}.configuration_endpoint_address` : `aws_elasticache_replication_group.${n}.primary_endpoint_address`),
      description: `Endpoint of cache ${c.id} (TLS)`,
    });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'arn') {
      if (c.config.mode === 'serverless') return [raw(`aws_elasticache_serverless_cache.${n}.arn`)];
      return [raw(c.config.engine === 'memcached' ? `aws_elasticache_cluster.${n}.arn` : `aws_elasticache_replication_group.${n}.arn`)];
    }
    return noPart('elasticache', part);
  },
  env(c, ctx) {
    const n = ctx.n(c.id);
    if (c.config.mode === 'serverless') return [['CACHE_HOST', raw(`aws_elasticache_serverless_cache.${n}.endpoint[0].address`)]];
    if (c.config.engine === 'memcached') return [['CACHE_HOST', raw(`aws_elasticache_cluster.${n}.configuration_endpoint`)]];
    return [['CACHE_HOST', raw(c.config.shards > 1 ? `aws_elasticache_replication_group.${n}.configuration_endpoint_address` : `aws_elasticache_replication_group.${n}.primary_endpoint_address`)]];
  },
};

/** A dedicated-master instance type of the same family as the data nodes. */
function masterType(dataType: string): string {
  const family = dataType.split('.')[0] ?? 'm7g';
  return `${family.replace(/^[a-z]+/, 'm')}.large.search`;
}

export const opensearch: Emitter<'opensearch'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 28 });
    securityGroup(ctx, c, `Search domain ${c.id}`, 'none');
    const azCount = ctx.a.network?.azCount ?? 1;
    // Zone awareness spreads replicas over 2 or 3 AZs; the node count must be a multiple of the AZs used.
    const zones = ctx.multiAz && cfg.instanceCount > 1 ? (azCount >= 3 && cfg.instanceCount % 3 === 0 ? 3 : cfg.instanceCount % 2 === 0 && azCount >= 2 ? 2 : 1) : 1;
    const logs = logGroup(ctx, file, c.id, tpl`/aws/opensearch/${name}`, tags);
    ctx.resource(file, 'aws_cloudwatch_log_resource_policy', n, {
      policy_name: ctx.awsName([c.id, 'logs'], { max: 255 }),
      policy_document: raw(`data.aws_iam_policy_document.${ctx.n(c.id, 'log', 'delivery')}.json`),
    });
    ctx.data(file, 'aws_iam_policy_document', ctx.n(c.id, 'log', 'delivery'), {
      statement: blk('statement', {
        actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        resources: [tpl`${raw(`${logs}.arn`)}:*`],
        principals: blk('principals', { type: 'Service', identifiers: ['es.amazonaws.com'] }),
        condition: blk('condition', { test: 'StringEquals', variable: 'aws:SourceAccount', values: [ACCOUNT_ID] }),
      }),
    });
    const key = ctx.kms();
    ctx.resource(file, 'aws_opensearch_domain', n, {
      domain_name: name,
      engine_version: cfg.engineVersion,
      cluster_config: blk('cluster_config', {
        instance_type: cfg.instanceType,
        instance_count: cfg.instanceCount,
        zone_awareness_enabled: zones > 1,
        zone_awareness_config: zones > 1 ? blk('zone_awareness_config', { availability_zone_count: zones }) : undefined,
        dedicated_master_enabled: cfg.dedicatedMasters,
        dedicated_master_type: cfg.dedicatedMasters ? masterType(cfg.instanceType) : undefined,
        dedicated_master_count: cfg.dedicatedMasters ? 3 : undefined,
      }),
      ebs_options: blk('ebs_options', { ebs_enabled: true, volume_type: 'gp3', volume_size: cfg.volumeGb }),
      encrypt_at_rest: blk('encrypt_at_rest', { enabled: true, kms_key_id: key }),
      node_to_node_encryption: blk('node_to_node_encryption', { enabled: true }),
      domain_endpoint_options: blk('domain_endpoint_options', { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' }),
      vpc_options: blk('vpc_options', {
        subnet_ids: raw(`slice(${ctx.subnets('data').text}, 0, ${zones})`),
        security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      }),
      software_update_options: blk('software_update_options', { auto_software_update_enabled: true }),
      log_publishing_options: ['INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS', 'ES_APPLICATION_LOGS'].map((t) => blk('log_publishing_options', { log_type: t, cloudwatch_log_group_arn: raw(`${logs}.arn`) })),
      tags,
      depends_on: [raw(`aws_cloudwatch_log_resource_policy.${n}`)],
    });
    ctx.note(`OpenSearch ${c.id} in a VPC needs the service-linked role AWSServiceRoleForAmazonOpenSearchService; create it once per account with \`aws iam create-service-linked-role --aws-service-name opensearchservice.amazonaws.com\` if it does not exist.`);
    const dims = { DomainName: raw(`aws_opensearch_domain.${n}.domain_name`), ClientId: ACCOUNT_ID };
    alarmAndWidget(ctx, c.id, 'red', `${c.id} cluster status is red (a primary shard is unassigned)`, 'AWS/ES', 'ClusterStatus.red', dims, 'Maximum', 'GreaterThanOrEqualToThreshold', 1);
    alarmAndWidget(ctx, c.id, 'storage', `A node of ${c.id} has less than 20 % of its storage free`, 'AWS/ES', 'FreeStorageSpace', dims, 'Minimum', 'LessThanThreshold', Math.round(cfg.volumeGb * 1024 * 0.2));
    alarmAndWidget(ctx, c.id, 'jvm-pressure', `${c.id} JVM memory pressure above 80 %`, 'AWS/ES', 'JVMMemoryPressure', dims, 'Maximum', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_opensearch_domain.${n}.endpoint`), description: `HTTPS endpoint of search domain ${c.id}` });
  },
  ref(c, part, ctx) {
    const d = `aws_opensearch_domain.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${d}.arn`)];
    if (part === 'objects') return [tpl`${raw(`${d}.arn`)}/*`];
    return noPart('opensearch', part);
  },
  env(c, ctx) {
    return [['SEARCH_ENDPOINT', tpl`https://${raw(`aws_opensearch_domain.${ctx.n(c.id)}.endpoint`)}`]];
  },
};

export const redshift: Emitter<'redshift'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const key = ctx.kms();
    securityGroup(ctx, c, `Warehouse ${c.id}`, 'none');
    const serverless = cfg.mode === 'serverless';
    // The warehouse's own role: COPY and UNLOAD run with it, so the grants of its connections land here.
    const role = ctx.role(c, {
      assumedBy: serverless ? ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'] : ['redshift.amazonaws.com'],
      description: `Role ${c.id} uses for COPY, UNLOAD and Spectrum`,
    });
    if (serverless) {
      if ((ctx.a.network?.azCount ?? 0) < 3) ctx.note(`Redshift Serverless ${c.id} needs subnets in at least three Availability Zones; set network.azCount to 3.`);
      ctx.resource(file, 'aws_redshiftserverless_namespace', n, {
        namespace_name: ctx.awsName([c.id], { max: 64 }),
        db_name: cfg.databaseName,
        admin_username: 'dbadmin',
        manage_admin_password: true,
        admin_password_secret_kms_key_id: key,
        kms_key_id: key,
        iam_roles: [role],
        default_iam_role_arn: role,
        log_exports: ['userlog', 'connectionlog', 'useractivitylog'],
        tags,
      });
      ctx.resource(file, 'aws_redshiftserverless_workgroup', n, {
        namespace_name: raw(`aws_redshiftserverless_namespace.${n}.namespace_name`),
        workgroup_name: ctx.awsName([c.id], { max: 64 }),
        base_capacity: cfg.baseRpu,
        enhanced_vpc_routing: true,
        publicly_accessible: false,
        subnet_ids: ctx.subnets('data'),
        security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
        config_parameter: blk('config_parameter', { parameter_key: 'require_ssl', parameter_value: 'true' }),
        tags,
      });
      ctx.output({ name: `${n}_endpoint`, value: raw(`aws_redshiftserverless_workgroup.${n}.endpoint[0].address`), description: `Endpoint of warehouse ${c.id}` });
      return;
    }
    const name = ctx.awsName([c.id], { max: 63 });
    ctx.resource(file, 'aws_redshift_subnet_group', n, { name, subnet_ids: ctx.subnets('data'), tags });
    ctx.resource(file, 'aws_redshift_parameter_group', n, {
      name,
      family: 'redshift-2.0',
      parameter: [blk('parameter', { name: 'require_ssl', value: 'true' }), blk('parameter', { name: 'enable_user_activity_logging', value: 'true' })],
      tags,
    });
    ctx.resource(file, 'aws_redshift_cluster', n, {
      cluster_identifier: name,
      node_type: cfg.nodeType,
      cluster_type: cfg.nodes > 1 ? 'multi-node' : 'single-node',
      number_of_nodes: cfg.nodes > 1 ? cfg.nodes : undefined,
      database_name: cfg.databaseName,
      master_username: 'dbadmin',
      manage_master_password: true,
      master_password_secret_kms_key_id: key,
      encrypted: true,
      kms_key_id: key,
      publicly_accessible: false,
      enhanced_vpc_routing: true,
      cluster_subnet_group_name: raw(`aws_redshift_subnet_group.${n}.name`),
      cluster_parameter_group_name: raw(`aws_redshift_parameter_group.${n}.name`),
      vpc_security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      iam_roles: [role],
      default_iam_role_arn: role,
      automated_snapshot_retention_period: Math.min(35, ctx.a.resilience.backupRetentionDays),
      skip_final_snapshot: false,
      final_snapshot_identifier: tpl`${name}-final`,
      tags,
    });
    ctx.resource(file, 'aws_redshift_logging', n, {
      cluster_identifier: raw(`aws_redshift_cluster.${n}.id`),
      log_destination_type: 'cloudwatch',
      log_exports: ['connectionlog', 'userlog', 'useractivitylog'],
    });
    const dims = { ClusterIdentifier: raw(`aws_redshift_cluster.${n}.cluster_identifier`) };
    alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU above 80 %`, 'AWS/Redshift', 'CPUUtilization', dims, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'disk', `${c.id} disk above 80 %`, 'AWS/Redshift', 'PercentageDiskSpaceUsed', dims, 'Average', 'GreaterThanThreshold', 80);
    alarmAndWidget(ctx, c.id, 'health', `${c.id} health check failed`, 'AWS/Redshift', 'HealthStatus', dims, 'Minimum', 'LessThanThreshold', 1, { treatMissingData: 'breaching' });
    ctx.backup(c.id, raw(`aws_redshift_cluster.${n}.arn`));
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_redshift_cluster.${n}.dns_name`), description: `Endpoint of warehouse ${c.id}` });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    const serverless = c.config.mode === 'serverless';
    if (part === 'arn') return [raw(serverless ? `aws_redshiftserverless_workgroup.${n}.arn` : `aws_redshift_cluster.${n}.arn`)];
    if (part === 'db-secret') return [raw(serverless ? `aws_redshiftserverless_namespace.${n}.admin_password_secret_arn` : `aws_redshift_cluster.${n}.master_password_secret_arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`)];
    return noPart('redshift', part);
  },
  env(c, ctx) {
    const n = ctx.n(c.id);
    return c.config.mode === 'serverless'
      ? [['WORKGROUP_NAME', ctx.awsName([c.id], { max: 64 })], ['DATABASE', c.config.databaseName]]
      : [['CLUSTER_IDENTIFIER', ctx.awsName([c.id], { max: 63 })], ['DATABASE', c.config.databaseName], ['SECRET_ARN', raw(`aws_redshift_cluster.${n}.master_password_secret_arn`)]];
  },
};

/** Glue database name of an Athena component: the configured name, suffixed with the stage so stages can share an account. */
function glueDatabase(db: string): Raw {
  return tpl`${db}_${raw('replace(var.environment, "-", "_")')}`;
}

export const athena: Emitter<'athena'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const results = secureBucket(ctx, {
      owner: c.id,
      file,
      local: ctx.n(c.id, 'results'),
      name: ctx.awsName([c.id, 'results'], { max: 63, tail: ACCOUNT_ID, tailLength: 12 }),
      tags,
      encryption: 'cmk',
      versioning: false,
      accessLogs: true,
      comments: [`Query results of ${c.id}, deleted after 30 days.`],
      lifecycle: [blk('rule', { id: 'expire-results', status: 'Enabled', filter: blk('filter', {}), expiration: blk('expiration', { days: 30 }) })],
    });
    ctx.resource(file, 'aws_glue_catalog_database', n, { name: glueDatabase(cfg.database), description: `Tables ${c.id} queries` });
    const key = ctx.kms();
    ctx.resource(file, 'aws_athena_workgroup', n, {
      name: ctx.awsName([c.id], { max: 128 }),
      description: c.description ?? c.name,
      force_destroy: false,
      configuration: blk('configuration', {
        enforce_workgroup_configuration: true,
        publish_cloudwatch_metrics_enabled: true,
        bytes_scanned_cutoff_per_query: Math.round(cfg.bytesScannedCutoffGb * 1024 ** 3),
        engine_version: blk('engine_version', { selected_engine_version: 'Athena engine version 3' }),
        result_configuration: blk('result_configuration', {
          output_location: tpl`s3://${results.name}/results/`,
          encryption_configuration: blk('encryption_configuration', key ? { encryption_option: 'SSE_KMS', kms_key_arn: key } : { encryption_option: 'SSE_S3' }),
        }),
      }),
      tags,
    });
    const workgroup = raw(`aws_athena_workgroup.${n}.arn`);
    const baseline: Statement[] = [
      { sid: 'RunQueries', actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'], resources: [workgroup] },
      { sid: 'QueryResults', actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'], resources: [tpl`${results.arn}/*`] },
      { sid: 'ListResults', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [results.arn] },
      ...(key ? [{ sid: 'ResultsKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [key] }] : []),
    ];
    ctx.role(c, { assumedBy: ['account'], baseline, description: `Query role of ${c.id}: analysts and jobs assume it to run queries in the workgroup` });
    ctx.note(`Athena ${c.id}: callers outside its role also need read/write on the results bucket (output \`${n}_results_bucket\`), because Athena writes results with the caller's credentials.`);
    ctx.output({ name: `${n}_workgroup`, value: raw(`aws_athena_workgroup.${n}.name`), description: `Athena workgroup ${c.id}` });
    ctx.output({ name: `${n}_results_bucket`, value: results.name, description: `Query results bucket of ${c.id}` });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'arn') return [raw(`aws_athena_workgroup.${n}.arn`)];
    if (part === 'glue-catalog') {
      const db = raw(`aws_glue_catalog_database.${n}.name`);
      return [arn('glue', 'catalog'), arn('glue', tpl`database/${db}`), arn('glue', tpl`table/${db}/*`)];
    }
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`)];
    return noPart('athena', part);
  },
  env(c, ctx) {
    return [
      ['WORKGROUP', ctx.awsName([c.id], { max: 128 })],
      ['DATABASE', glueDatabase(c.config.database)],
    ];
  },
};
