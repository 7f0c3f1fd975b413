import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { DB_PORT_WHY, ENGINE_VERSION, monitoringRole, parameterFamily, tlsParameters } from './database.js';
import { emitter, noPart } from './types.js';

type Rds = ComponentOfService<'rds'>;

const ENGINE = { postgresql: 'postgres', mysql: 'mysql', mariadb: 'mariadb' } as const;
const LOGS = { postgresql: ['postgresql', 'upgrade'], mysql: ['audit', 'error', 'general', 'slowquery'], mariadb: ['audit', 'error', 'general', 'slowquery'] } as const;

/** Burstable classes below medium have no Performance Insights. */
function supportsInsights(instanceClass: string): boolean {
  return !/^db\.t[0-9]g?\.(micro|small)$/.test(instanceClass);
}

/**
 * An RDS instance (Multi-AZ by default) with gp3 storage autoscaling, TLS enforced by its parameter group, KMS
 * encryption, a managed master password, IAM auth, log exports, enhanced monitoring and read replicas.
 */
export const rds = emitter('rds', {
  emit(c: Rds, ctx: Target) {
    const cfg = c.config;
    const engine = ENGINE[cfg.engine];
    const version = cfg.engineVersion ?? ENGINE_VERSION[engine];
    const sg = ctx.securityGroup(c, `Database ${c.id}: ${cfg.engine} port from its clients only`);
    const subnets = ctx.resource(c, ctx.id(c, 'SubnetGroup'), 'AWS::RDS::DBSubnetGroup', { DBSubnetGroupDescription: `Subnets of ${c.id}`, SubnetIds: ctx.dataSubnets() });
    const params = ctx.resource(c, ctx.id(c, 'ParameterGroup'), 'AWS::RDS::DBParameterGroup', {
      Description: `TLS-only connections for ${c.id}`,
      Family: parameterFamily(engine, version),
      Parameters: ctx.json(tlsParameters(engine)),
    });
    // MySQL and MariaDB write an audit log only with the MariaDB audit plugin, which an option group turns on.
    const audit = engine === 'postgres' ? undefined : ctx.resource(c, ctx.id(c, 'OptionGroup'), 'AWS::RDS::OptionGroup', {
      EngineName: engine,
      MajorEngineVersion: version.split('.').slice(0, 2).join('.'),
      OptionGroupDescription: `Audit logging for ${c.id}`,
      OptionConfigurations: [{ OptionName: 'MARIADB_AUDIT_PLUGIN', OptionSettings: [{ Name: 'SERVER_AUDIT_EVENTS', Value: 'CONNECT,QUERY_DDL,QUERY_DCL' }] }],
    });
    const insights = supportsInsights(cfg.instanceClass);
    const common = {
      DBInstanceClass: cfg.instanceClass,
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: monitoringRole(ctx),
      EnablePerformanceInsights: insights ? true : undefined,
      PerformanceInsightsKMSKeyId: insights ? ctx.keyArn() : undefined,
      VPCSecurityGroups: [ctx.ref(sg)],
      DBParameterGroupName: ctx.ref(params),
      OptionGroupName: audit ? ctx.ref(audit) : undefined,
      CopyTagsToSnapshot: true,
      StorageEncrypted: true,
      KmsKeyId: ctx.keyArn(),
    };
    const db = ctx.resource(
      c,
      ctx.id(c, 'Instance'),
      'AWS::RDS::DBInstance',
      {
        Engine: engine,
        EngineVersion: version,
        DBName: cfg.databaseName,
        MasterUsername: 'dbadmin',
        ManageMasterUserPassword: true,
        MasterUserSecret: ctx.cmk ? { KmsKeyId: ctx.keyArn() } : undefined,
        AllocatedStorage: String(cfg.allocatedStorageGb),
        MaxAllocatedStorage: cfg.maxAllocatedStorageGb,
        StorageType: 'gp3',
        MultiAZ: cfg.multiAz,
        DBSubnetGroupName: ctx.ref(subnets),
        BackupRetentionPeriod: cfg.backupRetentionDays,
        PreferredBackupWindow: '03:00-04:00',
        PreferredMaintenanceWindow: 'sun:04:30-sun:05:30',
        DeletionProtection: cfg.deletionProtection,
        EnableIAMDatabaseAuthentication: cfg.iamAuthentication,
        EnableCloudwatchLogsExports: [...LOGS[cfg.engine]],
        ...common,
      },
      { removal: 'snapshot' },
    );
    ctx.ack(db, DB_PORT_WHY, 'AwsSolutions-RDS11');
    if (!cfg.multiAz) ctx.ack(db, 'The design runs this database in one AZ (multiAz: false)', 'AwsSolutions-RDS3', 'HIPAA.Security-RDSMultiAZSupport', 'PCI.DSS.321-RDSMultiAZSupport');
    if (!cfg.deletionProtection) ctx.ack(db, 'Deletion protection is turned off in the design (deletionProtection: false)', 'AwsSolutions-RDS10', 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', 'PCI.DSS.321-RDSInstanceDeletionProtectionEnabled');
    for (let i = 1; i <= cfg.readReplicas; i++) {
      // A replica is encrypted with its source's key; CloudFormation refuses StorageEncrypted beside SourceDBInstanceIdentifier.
      const replica = ctx.resource(c, ctx.id(c, `Replica${i}`), 'AWS::RDS::DBInstance', { SourceDBInstanceIdentifier: ctx.ref(db), ...common, StorageEncrypted: undefined, KmsKeyId: undefined });
      ctx.ack(replica, DB_PORT_WHY, 'AwsSolutions-RDS11');
      ctx.ack(replica, `Read replica of an encrypted instance: RDS encrypts it with the source's key (CloudFormation does not accept StorageEncrypted on a replica)`, 'AwsSolutions-RDS2', 'HIPAA.Security-RDSStorageEncrypted', 'PCI.DSS.321-RDSStorageEncrypted');
      ctx.ack(replica, 'Read replica: backups (and the backup plan), Multi-AZ and deletion protection are properties of its source instance', 'AwsSolutions-RDS3', 'AwsSolutions-RDS10', 'AwsSolutions-RDS13', 'HIPAA.Security-RDSMultiAZSupport', 'HIPAA.Security-RDSInstanceBackupEnabled', 'HIPAA.Security-RDSInBackupPlan', 'PCI.DSS.321-RDSInBackupPlan', 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', 'PCI.DSS.321-RDSInstanceBackupEnabled', 'PCI.DSS.321-RDSInstanceDeletionProtectionEnabled');
    }
    const dims = { DBInstanceIdentifier: `\${${db}}` };
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 80%`, namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: dims, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'StorageAlarm'), { description: `${c.id}: less than 10% of storage free`, namespace: 'AWS/RDS', metric: 'FreeStorageSpace', dimensions: dims, statistic: 'Minimum', threshold: Math.round(cfg.allocatedStorageGb * 0.1 * 1024 ** 3), comparison: 'LessThanThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'MemoryAlarm'), { description: `${c.id}: less than 256 MB freeable memory`, namespace: 'AWS/RDS', metric: 'FreeableMemory', dimensions: dims, statistic: 'Minimum', threshold: 256 * 1024 * 1024, comparison: 'LessThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Endpoint`, ctx.att(db, 'Endpoint.Address'), `Endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    const db = ctx.id(c, 'Instance');
    if (part === 'db-secret') return ctx.att(db, 'MasterUserSecret.SecretArn');
    if (part === 'arn') return ctx.att(db, 'DBInstanceArn');
    return noPart('rds', part);
  },
  env(c, ctx) {
    const db = ctx.id(c, 'Instance');
    return { [`${envKey(c.id)}_ENDPOINT`]: ctx.att(db, 'Endpoint.Address'), [`${envKey(c.id)}_SECRET_ARN`]: ctx.att(db, 'MasterUserSecret.SecretArn') };
  },
  backup(c, ctx) {
    return { arn: ctx.att(ctx.id(c, 'Instance'), 'DBInstanceArn') };
  },
});
