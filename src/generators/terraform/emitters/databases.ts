import type { ComponentOfService } from '../../../model/components.js';
import { servicePort } from '../../../model/permissions.js';
import { alarmAndWidget, policyDocument, securityGroup } from '../common.js';
import type { TfContext } from '../context.js';
import { PARTITION } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';
import type { Raw, Value } from '../hcl.js';
import { drNetwork } from '../platform/dr.js';

type Aurora = ComponentOfService<'aurora'>;
type Rds = ComponentOfService<'rds'>;

const MASTER_USER = 'dbadmin';

/** The engine's major line: pinned by the model or the generator, minor versions float with AWS's releases. */
interface EngineChoice {
  engine: string;
  /** engine_version expression */
  version: Value;
  family: Value;
  /** true when the minor version comes from the data source and auto minor upgrades may move it */
  floating: boolean;
}

/** Parameter group family of an explicit engine version. */
export function familyOf(engine: string, version: string): string {
  const [major, minor] = version.split('.');
  switch (engine) {
    case 'aurora-postgresql':
      return `aurora-postgresql${major}`;
    case 'aurora-mysql':
      return `aurora-mysql${major}.${minor ?? '0'}`;
    case 'postgres':
      return `postgres${major}`;
    case 'mysql':
      return `mysql${major}.${minor ?? '0'}`;
    case 'mariadb':
      return `mariadb${major}.${minor ?? '0'}`;
    default:
      throw new Error(`no family for ${engine}`);
  }
}

/** Default major lines: current long-supported majors with a stable parameter group family. */
const DEFAULT_FAMILY: Record<string, string> = {
  'aurora-postgresql': 'aurora-postgresql16',
  'aurora-mysql': 'aurora-mysql8.0',
  postgres: 'postgres16',
  mysql: 'mysql8.0',
  mariadb: 'mariadb10.11',
};

function engineChoice(ctx: TfContext, id: string, engine: string, explicit: string | undefined): EngineChoice {
  if (explicit) return { engine, version: explicit, family: familyOf(engine, explicit), floating: false };
  const local = ctx.n(id, 'engine');
  ctx.data(ctx.fileOf(id), 'aws_rds_engine_version', local, { engine, parameter_group_family: DEFAULT_FAMILY[engine], latest: true }, [`Latest ${engine} release in the ${DEFAULT_FAMILY[engine]} line.`]);
  return { engine, version: raw(`data.aws_rds_engine_version.${local}.version_actual`), family: DEFAULT_FAMILY[engine]!, floating: true };
}

/** Enhanced Monitoring needs a role RDS assumes; one per database component. */
function monitoringRole(ctx: TfContext, id: string): Raw {
  const file = ctx.fileOf(id);
  const local = ctx.n(id, 'monitoring');
  const assume = policyDocument(ctx, file, ctx.n(id, 'monitoring', 'assume'), [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] } }]);
  ctx.resource(file, 'aws_iam_role', local, { name: ctx.awsName([id, 'monitoring'], { max: 64 }), description: `Enhanced Monitoring of ${id}`, assume_role_policy: assume, tags: ctx.tags(id) });
  ctx.resource(file, 'aws_iam_role_policy_attachment', local, {
    role: raw(`aws_iam_role.${local}.name`),
    policy_arn: tpl`arn:${PARTITION}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
  });
  return raw(`aws_iam_role.${local}.arn`);
}

function tlsParameter(engine: string): { name: string; value: string } {
  return engine.includes('postgres') ? { name: 'rds.force_ssl', value: '1' } : { name: 'require_secure_transport', value: engine === 'mariadb' ? 'ON' : '1' };
}

function auroraGlobalSecondary(ctx: TfContext, c: Aurora, engine: EngineChoice, region: string): void {
  const file = ctx.fileOf(c.id);
  const n = ctx.n(c.id);
  const dr = drNetwork(ctx, region);
  const secondary = ctx.n(c.id, 'secondary');
  const sg = ctx.n(c.id, 'secondary');
  ctx.resource(file, 'aws_security_group', sg, {
    region,
    name: ctx.awsName([c.id, 'dr'], { max: 255 }),
    description: `Secondary cluster of ${c.id} in ${region}`,
    vpc_id: dr.vpcId,
    tags: ctx.tags(c),
  });
  ctx.resource(file, 'aws_vpc_security_group_ingress_rule', ctx.n(c.id, 'secondary', 'vpc'), {
    region,
    security_group_id: raw(`aws_security_group.${sg}.id`),
    description: `Database port from the DR VPC`,
    cidr_ipv4: dr.cidr,
    ip_protocol: 'tcp',
    from_port: servicePort(c)!,
    to_port: servicePort(c)!,
  });
  const key = ctx.kms([], region);
  let keyArn: Value | undefined = key;
  if (!key) {
    ctx.data(file, 'aws_kms_key', ctx.n(c.id, 'rds', region), { region, key_id: 'alias/aws/rds' });
    keyArn = raw(`data.aws_kms_key.${ctx.n(c.id, 'rds', region)}.arn`);
  }
  const serverless = c.config.capacity === 'serverless-v2';
  ctx.resource(
    file,
    'aws_rds_cluster',
    secondary,
    {
      region,
      cluster_identifier: ctx.awsName([c.id, 'dr'], { max: 60 }),
      engine: engine.engine,
      engine_version: raw(`aws_rds_cluster.${n}.engine_version`),
      global_cluster_identifier: raw(`aws_rds_global_cluster.${n}.id`),
      db_subnet_group_name: dr.dbSubnetGroup,
      vpc_security_group_ids: [raw(`aws_security_group.${sg}.id`)],
      storage_encrypted: true,
      kms_key_id: keyArn,
      backup_retention_period: c.config.backupRetentionDays,
      copy_tags_to_snapshot: true,
      deletion_protection: c.config.deletionProtection,
      skip_final_snapshot: true,
      serverlessv2_scaling_configuration: serverless ? blk('serverlessv2_scaling_configuration', { min_capacity: c.config.minAcu, max_capacity: c.config.maxAcu }) : undefined,
      tags: ctx.tags(c),
      lifecycle: blk('lifecycle', { ignore_changes: [raw('engine_version'), raw('replication_source_identifier')] }),
      depends_on: [raw(`aws_rds_cluster_instance.${n}`)],
    },
    [`Secondary of the global database in ${region}: promote it (failover) to recover from the loss of ${ctx.a.region}.`],
  );
  ctx.resource(file, 'aws_rds_cluster_instance', secondary, {
    region,
    identifier: ctx.awsName([c.id, 'dr-1'], { max: 63 }),
    cluster_identifier: raw(`aws_rds_cluster.${secondary}.id`),
    instance_class: serverless ? 'db.serverless' : c.config.instanceClass,
    engine: engine.engine,
    engine_version: raw(`aws_rds_cluster.${secondary}.engine_version`),
    publicly_accessible: false,
    auto_minor_version_upgrade: true,
    tags: ctx.tags(c),
  });
}

export const aurora: Emitter<'aurora'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const engineName = cfg.engine === 'postgresql' ? 'aurora-postgresql' : 'aurora-mysql';
    const engine = engineChoice(ctx, c.id, engineName, cfg.engineVersion);
    const name = ctx.awsName([c.id], { max: 60 });
    const key = ctx.kms();
    const serverless = cfg.capacity === 'serverless-v2';
    const global = cfg.globalSecondaryRegion && cfg.globalSecondaryRegion !== ctx.a.region ? cfg.globalSecondaryRegion : undefined;
    securityGroup(ctx, c, `Database ${c.id}`, 'none');
    ctx.resource(file, 'aws_db_subnet_group', n, { name, subnet_ids: ctx.subnets('data'), tags });
    const tls = tlsParameter(engineName);
    ctx.resource(file, 'aws_rds_cluster_parameter_group', n, {
      name_prefix: `${c.id.slice(0, 30)}-`,
      family: engine.family,
      description: `TLS-only connections to ${c.id}`,
      parameter: blk('parameter', { name: tls.name, value: tls.value, apply_method: 'pending-reboot' }),
      tags,
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    });
    if (global) {
      ctx.resource(file, 'aws_rds_global_cluster', n, {
        global_cluster_identifier: ctx.awsName([c.id, 'global'], { max: 63 }),
        engine: engineName,
        engine_version: engine.version,
        database_name: cfg.databaseName,
        storage_encrypted: true,
        deletion_protection: cfg.deletionProtection,
        lifecycle: engine.floating ? blk('lifecycle', { ignore_changes: [raw('engine_version')] }) : undefined,
      });
    }
    ctx.resource(file, 'aws_rds_cluster', n, {
      cluster_identifier: name,
      engine: engineName,
      engine_mode: 'provisioned',
      engine_version: engine.version,
      global_cluster_identifier: global ? raw(`aws_rds_global_cluster.${n}.id`) : undefined,
      database_name: cfg.databaseName,
      master_username: MASTER_USER,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: key,
      storage_encrypted: true,
      kms_key_id: key,
      storage_type: cfg.storage === 'io-optimized' ? 'aurora-iopt1' : undefined,
      db_subnet_group_name: raw(`aws_db_subnet_group.${n}.name`),
      vpc_security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      db_cluster_parameter_group_name: raw(`aws_rds_cluster_parameter_group.${n}.name`),
      backup_retention_period: cfg.backupRetentionDays,
      preferred_backup_window: '03:00-04:00',
      copy_tags_to_snapshot: true,
      deletion_protection: cfg.deletionProtection,
      skip_final_snapshot: false,
      final_snapshot_identifier: tpl`${name}-final`,
      iam_database_authentication_enabled: cfg.iamAuthentication,
      enabled_cloudwatch_logs_exports: cfg.engine === 'postgresql' ? ['postgresql'] : ['audit', 'error', 'slowquery'],
      serverlessv2_scaling_configuration: serverless ? blk('serverlessv2_scaling_configuration', { min_capacity: cfg.minAcu, max_capacity: cfg.maxAcu }) : undefined,
      tags,
      lifecycle: engine.floating || global ? blk('lifecycle', { ignore_changes: [raw('engine_version'), ...(global ? [raw('global_cluster_identifier')] : [])] }) : undefined,
    });
    const monitoring = monitoringRole(ctx, c.id);
    ctx.resource(
      file,
      'aws_rds_cluster_instance',
      n,
      {
        count: 1 + cfg.readers,
        identifier: tpl`${name}-${raw('count.index + 1')}`,
        cluster_identifier: raw(`aws_rds_cluster.${n}.id`),
        instance_class: serverless ? 'db.serverless' : cfg.instanceClass,
        engine: raw(`aws_rds_cluster.${n}.engine`),
        engine_version: raw(`aws_rds_cluster.${n}.engine_version`),
        db_subnet_group_name: raw(`aws_db_subnet_group.${n}.name`),
        publicly_accessible: false,
        auto_minor_version_upgrade: true,
        ca_cert_identifier: 'rds-ca-rsa2048-g1',
        promotion_tier: raw('count.index'),
        performance_insights_enabled: true,
        performance_insights_kms_key_id: key,
        monitoring_interval: 60,
        monitoring_role_arn: monitoring,
        tags,
      },
      [cfg.readers > 0 ? `A writer and ${cfg.readers} reader(s); Aurora places them in different AZs and fails over to a reader.` : 'A single writer: no automatic failover to another AZ (add readers for multi-AZ).'],
    );
    if (global) auroraGlobalSecondary(ctx, c, engine, global);
    const dims = { DBClusterIdentifier: raw(`aws_rds_cluster.${n}.cluster_identifier`) };
    alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU above 80 %`, 'AWS/RDS', 'CPUUtilization', dims, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    if (serverless) alarmAndWidget(ctx, c.id, 'acu', `${c.id} uses more than 90 % of its maximum capacity`, 'AWS/RDS', 'ACUUtilization', dims, 'Average', 'GreaterThanThreshold', 90, { evaluationPeriods: 3 });
    else alarmAndWidget(ctx, c.id, 'memory', `${c.id} has less than 256 MB of free memory`, 'AWS/RDS', 'FreeableMemory', dims, 'Minimum', 'LessThanThreshold', 268435456, { evaluationPeriods: 3 });
    ctx.backup(c.id, raw(`aws_rds_cluster.${n}.arn`));
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_rds_cluster.${n}.endpoint`), description: `Writer endpoint of ${c.id}` });
    ctx.output({ name: `${n}_reader_endpoint`, value: raw(`aws_rds_cluster.${n}.reader_endpoint`), description: `Reader endpoint of ${c.id}` });
    ctx.output({ name: `${n}_secret_arn`, value: raw(`aws_rds_cluster.${n}.master_user_secret[0].secret_arn`), description: `Secrets Manager secret holding the ${c.id} master credentials (rotated by RDS)` });
  },
  ref(c, part, ctx) {
    const r = `aws_rds_cluster.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${r}.arn`)];
    if (part === 'db-secret') return [raw(`${r}.master_user_secret[0].secret_arn`)];
    return noPart('aurora', part);
  },
  env(c, ctx) {
    const r = `aws_rds_cluster.${ctx.n(c.id)}`;
    return [
      ['DB_HOST', raw(`${r}.endpoint`)],
      ['DB_READER_HOST', raw(`${r}.reader_endpoint`)],
      ['DB_PORT', String(servicePort(c))],
      ['DB_NAME', c.config.databaseName],
      ['DB_SECRET_ARN', raw(`${r}.master_user_secret[0].secret_arn`)],
    ];
  },
};

const RDS_ENGINE = { postgresql: 'postgres', mysql: 'mysql', mariadb: 'mariadb' } as const;

export const rds: Emitter<'rds'> = {
  emit(c: Rds, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const engineName = RDS_ENGINE[cfg.engine];
    const engine = engineChoice(ctx, c.id, engineName, cfg.engineVersion);
    const name = ctx.awsName([c.id], { max: 58 });
    const key = ctx.kms();
    securityGroup(ctx, c, `Database ${c.id}`, 'none');
    ctx.resource(file, 'aws_db_subnet_group', n, { name, subnet_ids: ctx.subnets('data'), tags });
    const tls = tlsParameter(engineName);
    ctx.resource(file, 'aws_db_parameter_group', n, {
      name_prefix: `${c.id.slice(0, 30)}-`,
      family: engine.family,
      description: `TLS-only connections to ${c.id}`,
      parameter: blk('parameter', { name: tls.name, value: tls.value, apply_method: 'pending-reboot' }),
      tags,
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    });
    const monitoring = monitoringRole(ctx, c.id);
    const logs = engineName === 'postgres' ? ['postgresql', 'upgrade'] : ['audit', 'error', 'slowquery'];
    const common = {
      instance_class: cfg.instanceClass,
      storage_encrypted: true,
      publicly_accessible: false,
      vpc_security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      parameter_group_name: raw(`aws_db_parameter_group.${n}.name`),
      auto_minor_version_upgrade: true,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      performance_insights_enabled: true,
      performance_insights_kms_key_id: key,
      monitoring_interval: 60,
      monitoring_role_arn: monitoring,
      enabled_cloudwatch_logs_exports: logs,
      copy_tags_to_snapshot: true,
      deletion_protection: cfg.deletionProtection,
      iam_database_authentication_enabled: cfg.iamAuthentication,
    };
    ctx.resource(file, 'aws_db_instance', n, {
      identifier: name,
      engine: engineName,
      engine_version: engine.version,
      db_name: cfg.databaseName,
      username: MASTER_USER,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: key,
      allocated_storage: cfg.allocatedStorageGb,
      max_allocated_storage: cfg.maxAllocatedStorageGb,
      storage_type: 'gp3',
      kms_key_id: key,
      multi_az: cfg.multiAz,
      db_subnet_group_name: raw(`aws_db_subnet_group.${n}.name`),
      backup_retention_period: cfg.backupRetentionDays,
      backup_window: '03:00-04:00',
      skip_final_snapshot: false,
      final_snapshot_identifier: tpl`${name}-final`,
      ...common,
      tags,
      lifecycle: engine.floating ? blk('lifecycle', { ignore_changes: [raw('engine_version')] }) : undefined,
    });
    if (cfg.readReplicas > 0) {
      ctx.resource(file, 'aws_db_instance', ctx.n(c.id, 'replica'), {
        count: cfg.readReplicas,
        identifier: tpl`${name}-r${raw('count.index + 1')}`,
        replicate_source_db: raw(`aws_db_instance.${n}.identifier`),
        skip_final_snapshot: true,
        ...common,
        tags,
        lifecycle: blk('lifecycle', { ignore_changes: [raw('engine_version')] }),
      });
    }
    const dims = { DBInstanceIdentifier: raw(`aws_db_instance.${n}.identifier`) };
    alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU above 80 %`, 'AWS/RDS', 'CPUUtilization', dims, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'storage', `${c.id} has less than 10 % of its storage free`, 'AWS/RDS', 'FreeStorageSpace', dims, 'Minimum', 'LessThanThreshold', Math.round(cfg.allocatedStorageGb * 1024 ** 3 * 0.1));
    alarmAndWidget(ctx, c.id, 'memory', `${c.id} has less than 256 MB of free memory`, 'AWS/RDS', 'FreeableMemory', dims, 'Minimum', 'LessThanThreshold', 268435456, { evaluationPeriods: 3 });
    ctx.backup(c.id, raw(`aws_db_instance.${n}.arn`));
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_db_instance.${n}.address`), description: `Endpoint of ${c.id}` });
    ctx.output({ name: `${n}_secret_arn`, value: raw(`aws_db_instance.${n}.master_user_secret[0].secret_arn`), description: `Secrets Manager secret holding the ${c.id} master credentials (rotated by RDS)` });
  },
  ref(c, part, ctx) {
    const r = `aws_db_instance.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${r}.arn`)];
    if (part === 'db-secret') return [raw(`${r}.master_user_secret[0].secret_arn`)];
    return noPart('rds', part);
  },
  env(c, ctx) {
    const r = `aws_db_instance.${ctx.n(c.id)}`;
    return [
      ['DB_HOST', raw(`${r}.address`)],
      ['DB_PORT', String(servicePort(c))],
      ['DB_NAME', c.config.databaseName],
      ['DB_SECRET_ARN', raw(`${r}.master_user_secret[0].secret_arn`)],
    ];
  },
};

export const documentdb: Emitter<'documentdb'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 58 });
    const key = ctx.kms();
    const [major, minor] = cfg.engineVersion.split('.');
    securityGroup(ctx, c, `Document database ${c.id}`, 'none');
    ctx.resource(file, 'aws_docdb_subnet_group', n, { name, subnet_ids: ctx.subnets('data'), tags });
    ctx.resource(file, 'aws_docdb_cluster_parameter_group', n, {
      name_prefix: `${c.id.slice(0, 30)}-`,
      family: `docdb${major}.${minor ?? '0'}`,
      description: `TLS and audit logging for ${c.id}`,
      parameter: [blk('parameter', { name: 'tls', value: 'enabled' }), blk('parameter', { name: 'audit_logs', value: 'enabled' })],
      tags,
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    });
    ctx.resource(file, 'aws_docdb_cluster', n, {
      cluster_identifier: name,
      engine: 'docdb',
      engine_version: cfg.engineVersion,
      master_username: MASTER_USER,
      manage_master_user_password: true,
      storage_encrypted: true,
      kms_key_id: key,
      db_subnet_group_name: raw(`aws_docdb_subnet_group.${n}.name`),
      vpc_security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      db_cluster_parameter_group_name: raw(`aws_docdb_cluster_parameter_group.${n}.name`),
      backup_retention_period: cfg.backupRetentionDays,
      preferred_backup_window: '03:00-04:00',
      deletion_protection: cfg.deletionProtection,
      skip_final_snapshot: false,
      final_snapshot_identifier: tpl`${name}-final`,
      enabled_cloudwatch_logs_exports: ['audit', 'profiler'],
      tags,
    });
    ctx.resource(file, 'aws_docdb_cluster_instance', n, {
      count: cfg.instances,
      identifier: tpl`${name}-${raw('count.index + 1')}`,
      cluster_identifier: raw(`aws_docdb_cluster.${n}.id`),
      instance_class: cfg.instanceClass,
      auto_minor_version_upgrade: true,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      promotion_tier: raw('count.index'),
      tags,
    });
    const dims = { DBClusterIdentifier: raw(`aws_docdb_cluster.${n}.cluster_identifier`) };
    alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU above 80 %`, 'AWS/DocDB', 'CPUUtilization', dims, 'Average', 'GreaterThanThreshold', 80, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'memory', `${c.id} has less than 256 MB of free memory`, 'AWS/DocDB', 'FreeableMemory', dims, 'Minimum', 'LessThanThreshold', 268435456, { evaluationPeriods: 3 });
    ctx.backup(c.id, raw(`aws_docdb_cluster.${n}.arn`));
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_docdb_cluster.${n}.endpoint`), description: `Endpoint of ${c.id}` });
  },
  ref(c, part, ctx) {
    const r = `aws_docdb_cluster.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${r}.arn`)];
    if (part === 'db-secret') return [raw(`${r}.master_user_secret[0].secret_arn`)];
    return noPart('documentdb', part);
  },
  env(c, ctx) {
    const r = `aws_docdb_cluster.${ctx.n(c.id)}`;
    return [
      ['DB_HOST', raw(`${r}.endpoint`)],
      ['DB_PORT', '27017'],
      ['DB_SECRET_ARN', raw(`${r}.master_user_secret[0].secret_arn`)],
    ];
  },
};
