import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Cache = ComponentOfService<'elasticache'>;

const MAJOR: Record<string, string> = { valkey: '8', redis: '7', memcached: '1.6' };

/**
 * ElastiCache Serverless, or a node-based replication group (Valkey/Redis) with encryption in transit and at rest,
 * an AUTH token generated into Secrets Manager, Multi-AZ failover, snapshots and slow-log delivery.
 */
export const elasticache = emitter('elasticache', {
  emit(c: Cache, ctx: Target) {
    const cfg = c.config;
    const sg = ctx.securityGroup(c, `Cache ${c.id}: engine port from its clients only`);
    const snapshots = cfg.engine === 'memcached' ? undefined : cfg.snapshotRetentionDays;
    if (cfg.mode === 'serverless') {
      const cache = ctx.resource(c, ctx.id(c, 'ServerlessCache'), 'AWS::ElastiCache::ServerlessCache', {
        ServerlessCacheName: ctx.sub(`${ctx.a.name.slice(0, 16)}-\${EnvironmentName}-${c.id.slice(0, 16)}`),
        Description: c.description ?? c.name ?? c.id,
        Engine: cfg.engine,
        MajorEngineVersion: MAJOR[cfg.engine],
        CacheUsageLimits: { DataStorage: { Maximum: Math.ceil(cfg.maxDataGb), Unit: 'GB' } },
        KmsKeyId: ctx.keyArn(),
        SecurityGroupIds: [ctx.ref(sg)],
        SubnetIds: ctx.dataSubnets(),
        SnapshotRetentionLimit: snapshots,
        DailySnapshotTime: snapshots ? '03:00' : undefined,
      });
      ctx.alarm(c, ctx.id(c, 'ThrottledAlarm'), { description: `${c.id}: commands throttled at the serverless limits`, namespace: 'AWS/ElastiCache', metric: 'ThrottledCmds', dimensions: { clusterId: `\${${cache}}` }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
      return;
    }
    const subnets = ctx.resource(c, ctx.id(c, 'SubnetGroup'), 'AWS::ElastiCache::SubnetGroup', { Description: `Subnets of ${c.id}`, SubnetIds: ctx.dataSubnets() });
    if (cfg.engine === 'memcached') {
      const cluster = ctx.resource(c, ctx.id(c, 'CacheCluster'), 'AWS::ElastiCache::CacheCluster', {
        Engine: 'memcached',
        CacheNodeType: cfg.nodeType,
        NumCacheNodes: Math.max(1, cfg.shards),
        AZMode: cfg.shards > 1 ? 'cross-az' : 'single-az',
        CacheSubnetGroupName: ctx.ref(subnets),
        VpcSecurityGroupIds: [ctx.ref(sg)],
        TransitEncryptionEnabled: true,
        Port: 11211,
      });
      ctx.ack(cluster, 'Default port kept: the cache sits in isolated subnets and accepts connections only from its clients\' security groups', 'AwsSolutions-AEC5');
      ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 80%`, namespace: 'AWS/ElastiCache', metric: 'CPUUtilization', dimensions: { CacheClusterId: `\${${cluster}}` }, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
      return;
    }
    const token = ctx.resource(c, ctx.id(c, 'AuthToken'), 'AWS::SecretsManager::Secret', {
      Description: `AUTH token of cache ${c.id}`,
      KmsKeyId: ctx.keyArn(),
      GenerateSecretString: { SecretStringTemplate: '{}', GenerateStringKey: 'token', PasswordLength: 64, ExcludePunctuation: true },
    });
    if (!ctx.cmk) ctx.ack(token, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): the secret is encrypted with aws/secretsmanager', 'HIPAA.Security-SecretsManagerUsingKMSKey', 'PCI.DSS.321-SecretsManagerUsingKMSKey');
    ctx.ack(token, 'Cache AUTH token: rotating it needs a coordinated ModifyReplicationGroup (ROTATE then SET); do it with the ElastiCache AUTH rotation procedure', 'AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled', 'PCI.DSS.321-SecretsManagerRotationEnabled');
    const slowLog = ctx.logGroup(c, ctx.id(c, 'SlowLogGroup'));
    const failover = cfg.replicasPerShard > 0;
    const group = ctx.resource(c, ctx.id(c, 'ReplicationGroup'), 'AWS::ElastiCache::ReplicationGroup', {
      ReplicationGroupDescription: c.description ?? c.name ?? c.id,
      Engine: cfg.engine,
      CacheNodeType: cfg.nodeType,
      NumNodeGroups: cfg.shards,
      ReplicasPerNodeGroup: cfg.replicasPerShard,
      ClusterMode: cfg.shards > 1 ? 'enabled' : 'disabled',
      AutomaticFailoverEnabled: failover || cfg.shards > 1,
      MultiAZEnabled: failover,
      AtRestEncryptionEnabled: true,
      KmsKeyId: ctx.keyArn(),
      TransitEncryptionEnabled: true,
      AuthToken: ctx.sub(`{{resolve:secretsmanager:\${${token}}:SecretString:token}}`),
      CacheSubnetGroupName: ctx.ref(subnets),
      SecurityGroupIds: [ctx.ref(sg)],
      Port: 6379,
      SnapshotRetentionLimit: snapshots,
      SnapshotWindow: snapshots ? '03:00-04:00' : undefined,
      AutoMinorVersionUpgrade: true,
      LogDeliveryConfigurations: [{ DestinationType: 'cloudwatch-logs', LogFormat: 'json', LogType: 'slow-log', DestinationDetails: { CloudWatchLogsDetails: { LogGroup: ctx.ref(slowLog) } } }],
    });
    ctx.ack(group, 'Default port kept: the cache sits in isolated subnets and accepts connections only from its clients\' security groups', 'AwsSolutions-AEC5');
    if (!failover) ctx.ack(group, 'The design runs no replicas (replicasPerShard: 0), so there is no standby to fail over to', 'AwsSolutions-AEC4');
    // The HIPAA pack asks for 15 days of snapshots.
    if ((snapshots ?? 0) < 15) ctx.ack(group, snapshots ? `The design keeps cache snapshots for ${snapshots} day(s) (snapshotRetentionDays)` : 'Snapshots are turned off in the design (snapshotRetentionDays: 0)', 'HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup');
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: engine CPU above 80% on the primary`, namespace: 'AWS/ElastiCache', metric: 'EngineCPUUtilization', dimensions: { CacheClusterId: `\${${group}}-001` }, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'MemoryAlarm'), { description: `${c.id}: memory more than 85% used on the primary`, namespace: 'AWS/ElastiCache', metric: 'DatabaseMemoryUsagePercentage', dimensions: { CacheClusterId: `\${${group}}-001` }, statistic: 'Average', threshold: 85, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
  },
  ref(c, part, ctx) {
    if (part !== 'arn') return noPart('elasticache', part);
    if (c.config.mode === 'serverless') return ctx.att(ctx.id(c, 'ServerlessCache'), 'ARN');
    return c.config.engine === 'memcached'
      ? ctx.sub(`arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:cluster:\${${ctx.id(c, 'CacheCluster')}}`)
      : ctx.sub(`arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:replicationgroup:\${${ctx.id(c, 'ReplicationGroup')}}`);
  },
  env(c, ctx) {
    const k = envKey(c.id);
    if (c.config.mode === 'serverless') return { [`${k}_ENDPOINT`]: ctx.att(ctx.id(c, 'ServerlessCache'), 'Endpoint.Address') };
    if (c.config.engine === 'memcached') return { [`${k}_ENDPOINT`]: ctx.att(ctx.id(c, 'CacheCluster'), 'ConfigurationEndpoint.Address') };
    const g = ctx.id(c, 'ReplicationGroup');
    return {
      [`${k}_ENDPOINT`]: ctx.att(g, c.config.shards > 1 ? 'ConfigurationEndPoint.Address' : 'PrimaryEndPoint.Address'),
      [`${k}_AUTH_SECRET_ARN`]: ctx.ref(ctx.id(c, 'AuthToken')),
    };
  },
  backup(c) {
    return { unsupported: `ElastiCache keeps its own daily snapshots (snapshotRetentionDays: ${c.config.snapshotRetentionDays})` };
  },
});
