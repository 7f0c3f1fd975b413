import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { DB_PORT_WHY, ENGINE_VERSION, monitoringRole, parameterFamily, tlsParameters } from './database.js';
import { emitter, noPart } from './types.js';

type Aurora = ComponentOfService<'aurora'>;

/**
 * An Aurora cluster (provisioned or Serverless v2) with a writer and readers spread over AZs, TLS enforced by its
 * parameter group, KMS encryption, a Secrets Manager-managed master password, IAM auth, log exports, enhanced
 * monitoring, deletion protection and snapshots on delete; optionally the primary of a global database.
 */
export const aurora = emitter('aurora', {
  emit(c: Aurora, ctx: Target) {
    const cfg = c.config;
    const engine = cfg.engine === 'postgresql' ? 'aurora-postgresql' : 'aurora-mysql';
    const version = cfg.engineVersion ?? ENGINE_VERSION[engine];
    const serverless = cfg.capacity === 'serverless-v2';
    const sg = ctx.securityGroup(c, `Database ${c.id}: ${cfg.engine} port from its clients only`);
    const subnets = ctx.resource(c, ctx.id(c, 'SubnetGroup'), 'AWS::RDS::DBSubnetGroup', { DBSubnetGroupDescription: `Subnets of ${c.id}`, SubnetIds: ctx.dataSubnets() });
    const params = ctx.resource(c, ctx.id(c, 'ParameterGroup'), 'AWS::RDS::DBClusterParameterGroup', {
      Description: `TLS-only connections for ${c.id}`,
      Family: parameterFamily(engine, version),
      Parameters: ctx.json(tlsParameters(engine)),
    });
    const mysqlBacktrack = cfg.engine === 'mysql' && !serverless && !cfg.globalSecondaryRegion;
    const cluster = ctx.resource(
      c,
      ctx.id(c, 'Cluster'),
      'AWS::RDS::DBCluster',
      {
        Engine: engine,
        EngineVersion: version,
        DatabaseName: cfg.databaseName,
        MasterUsername: 'dbadmin',
        ManageMasterUserPassword: true,
        MasterUserSecret: ctx.cmk ? { KmsKeyId: ctx.keyArn() } : undefined,
        StorageEncrypted: true,
        KmsKeyId: ctx.keyArn(),
        StorageType: cfg.storage === 'io-optimized' ? 'aurora-iopt1' : 'aurora',
        DBSubnetGroupName: ctx.ref(subnets),
        VpcSecurityGroupIds: [ctx.ref(sg)],
        DBClusterParameterGroupName: ctx.ref(params),
        BackupRetentionPeriod: cfg.backupRetentionDays,
        PreferredBackupWindow: '03:00-04:00',
        PreferredMaintenanceWindow: 'sun:04:30-sun:05:30',
        DeletionProtection: cfg.deletionProtection,
        EnableIAMDatabaseAuthentication: cfg.iamAuthentication,
        EnableCloudwatchLogsExports: cfg.engine === 'postgresql' ? ['postgresql'] : ['audit', 'error', 'general', 'slowquery'],
        CopyTagsToSnapshot: true,
        BacktrackWindow: mysqlBacktrack ? 86400 : undefined,
        ServerlessV2ScalingConfiguration: serverless ? { MinCapacity: cfg.minAcu, MaxCapacity: cfg.maxAcu } : undefined,
      },
      { removal: 'snapshot' },
    );
    ctx.ack(cluster, DB_PORT_WHY, 'AwsSolutions-RDS11');
    if (!cfg.deletionProtection) ctx.ack(cluster, 'Deletion protection is turned off in the design (deletionProtection: false)', 'AwsSolutions-RDS10', 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', 'PCI.DSS.321-RDSInstanceDeletionProtectionEnabled');
    if (!cfg.iamAuthentication) ctx.ack(cluster, 'IAM database authentication is turned off in the design (iamAuthentication: false)', 'AwsSolutions-RDS6');
    if (cfg.engine === 'mysql' && !mysqlBacktrack) ctx.ack(cluster, 'Backtrack is unavailable for Aurora Serverless v2 and global databases; point-in-time restore covers recovery', 'AwsSolutions-RDS14');

    const instanceProps = (i: number) => ({
      Engine: engine,
      DBClusterIdentifier: ctx.ref(cluster),
      DBInstanceClass: serverless ? 'db.serverless' : cfg.instanceClass,
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: monitoringRole(ctx),
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: ctx.keyArn(),
      PerformanceInsightsRetentionPeriod: 7,
      PromotionTier: i,
    });
    const instances = [ctx.resource(c, ctx.id(c, 'Writer'), 'AWS::RDS::DBInstance', instanceProps(0))];
    for (let i = 1; i <= cfg.readers; i++) instances.push(ctx.resource(c, ctx.id(c, `Reader${i}`), 'AWS::RDS::DBInstance', instanceProps(i)));
    for (const id of instances) ctx.ack(id, 'Aurora instances hold no data of their own: the cluster volume is backed up through the cluster, which the backup plan selects', 'HIPAA.Security-RDSInBackupPlan');
    if (cfg.readers === 0 && ctx.a.resilience.multiAz) ctx.warn(`components.${c.id}.config.readers`, `${c.id} has no reader instance, so a failover recreates the writer (minutes); add a reader for multi-AZ failover`);

    if (cfg.globalSecondaryRegion) {
      ctx.resource(c, ctx.id(c, 'GlobalCluster'), 'AWS::RDS::GlobalCluster', {
        GlobalClusterIdentifier: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
        SourceDBClusterIdentifier: ctx.att(cluster, 'DBClusterArn'),
        DeletionProtection: cfg.deletionProtection,
      }, { dependsOn: instances });
      ctx.warn(`components.${c.id}.config.globalSecondaryRegion`, `add the ${cfg.globalSecondaryRegion} secondary cluster to the global database from the DR stack`);
    }

    const dims = { DBClusterIdentifier: `\${${cluster}}` };
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 80%`, namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: dims, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    if (serverless) {
      ctx.alarm(c, ctx.id(c, 'CapacityAlarm'), { description: `${c.id}: running at more than 90% of its maximum ACUs`, namespace: 'AWS/RDS', metric: 'ACUUtilization', dimensions: dims, statistic: 'Average', threshold: 90, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    } else {
      ctx.alarm(c, ctx.id(c, 'MemoryAlarm'), { description: `${c.id}: less than 256 MB freeable memory`, namespace: 'AWS/RDS', metric: 'FreeableMemory', dimensions: dims, statistic: 'Minimum', threshold: 256 * 1024 * 1024, comparison: 'LessThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    }
    ctx.output(`${ctx.prefixes.get(c.id)}Endpoint`, ctx.att(cluster, 'Endpoint.Address'), `Writer endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    const cl = ctx.id(c, 'Cluster');
    if (part === 'db-secret') return ctx.att(cl, 'MasterUserSecret.SecretArn');
    if (part === 'arn') return ctx.att(cl, 'DBClusterArn');
    return noPart('aurora', part);
  },
  env(c, ctx) {
    const k = envKey(c.id);
    const cl = ctx.id(c, 'Cluster');
    return { [`${k}_ENDPOINT`]: ctx.att(cl, 'Endpoint.Address'), [`${k}_READER_ENDPOINT`]: ctx.att(cl, 'ReadEndpoint.Address'), [`${k}_SECRET_ARN`]: ctx.att(cl, 'MasterUserSecret.SecretArn') };
  },
  backup(c, ctx) {
    return { arn: ctx.att(ctx.id(c, 'Cluster'), 'DBClusterArn') };
  },
});
