import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { DB_PORT_WHY } from './database.js';
import { emitter, noPart } from './types.js';

type DocDb = ComponentOfService<'documentdb'>;

/**
 * A DocumentDB cluster with TLS and audit logging on (cluster parameter group), encryption, credentials generated
 * into Secrets Manager and attached to the cluster, log exports and instances spread over AZs.
 */
export const documentdb = emitter('documentdb', {
  emit(c: DocDb, ctx: Target) {
    const cfg = c.config;
    const sg = ctx.securityGroup(c, `Document database ${c.id}: port 27017 from its clients only`);
    const secret = ctx.resource(c, ctx.id(c, 'Secret'), 'AWS::SecretsManager::Secret', {
      Description: `Master credentials of ${c.id}`,
      KmsKeyId: ctx.keyArn(),
      GenerateSecretString: { SecretStringTemplate: '{"username":"docdbadmin"}', GenerateStringKey: 'password', PasswordLength: 40, ExcludeCharacters: '"@/\\:;+%' },
    }, { removal: 'retain' });
    ctx.ack(secret, 'Master password of a DocumentDB cluster: rotating it needs a rotation function inside the VPC; rotate it with the DocumentDB rotation template when the cluster is live', 'AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled', 'PCI.DSS.321-SecretsManagerRotationEnabled');
    const subnets = ctx.resource(c, ctx.id(c, 'SubnetGroup'), 'AWS::DocDB::DBSubnetGroup', { DBSubnetGroupDescription: `Subnets of ${c.id}`, SubnetIds: ctx.dataSubnets() });
    const family = `docdb${cfg.engineVersion.split('.')[0]}.0`;
    const params = ctx.resource(c, ctx.id(c, 'ParameterGroup'), 'AWS::DocDB::DBClusterParameterGroup', {
      Description: `TLS and audit logging for ${c.id}`,
      Family: family,
      Parameters: ctx.json({ tls: 'enabled', audit_logs: 'enabled', profiler: 'enabled' }),
    });
    const cluster = ctx.resource(
      c,
      ctx.id(c, 'Cluster'),
      'AWS::DocDB::DBCluster',
      {
        EngineVersion: cfg.engineVersion,
        MasterUsername: ctx.sub(`{{resolve:secretsmanager:\${${secret}}:SecretString:username}}`),
        MasterUserPassword: ctx.sub(`{{resolve:secretsmanager:\${${secret}}:SecretString:password}}`),
        StorageEncrypted: true,
        KmsKeyId: ctx.keyArn(),
        DBSubnetGroupName: ctx.ref(subnets),
        VpcSecurityGroupIds: [ctx.ref(sg)],
        DBClusterParameterGroupName: ctx.ref(params),
        Port: 27017,
        BackupRetentionPeriod: cfg.backupRetentionDays,
        PreferredBackupWindow: '03:00-04:00',
        PreferredMaintenanceWindow: 'sun:04:30-sun:05:30',
        DeletionProtection: cfg.deletionProtection,
        EnableCloudwatchLogsExports: ['audit', 'profiler'],
        CopyTagsToSnapshot: true,
      },
      { removal: 'snapshot' },
    );
    ctx.ack(cluster, DB_PORT_WHY, 'AwsSolutions-DOC2');
    if (cfg.backupRetentionDays < 7) ctx.ack(cluster, `The design keeps automated backups for ${cfg.backupRetentionDays} day(s) (backupRetentionDays)`, 'AwsSolutions-DOC4');
    if (!ctx.cmk) ctx.ack(secret, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): the secret is encrypted with aws/secretsmanager', 'HIPAA.Security-SecretsManagerUsingKMSKey', 'PCI.DSS.321-SecretsManagerUsingKMSKey');
    ctx.ack(cluster, `The master credentials are generated into Secrets Manager (${secret}) and resolved by a dynamic reference built per stack with Fn::Sub, which cdk-nag cannot read as a string`, 'AwsSolutions-DOC3');
    const docLogs = 'DocumentDB exports the audit log (authentication and DDL events such as createIndex and dropCollection, enabled by audit_logs) and the profiler log; authenticate, createIndex and dropCollection are audit event types, not log export names';
    ctx.ack(cluster, docLogs, 'AwsSolutions-DOC5[LogExport::authenticate]', 'AwsSolutions-DOC5[LogExport::createIndex]', 'AwsSolutions-DOC5[LogExport::dropCollection]');
    ctx.resource(c, ctx.id(c, 'SecretAttachment'), 'AWS::SecretsManager::SecretTargetAttachment', { SecretId: ctx.ref(secret), TargetId: ctx.ref(cluster), TargetType: 'AWS::DocDB::DBCluster' });
    for (let i = 1; i <= cfg.instances; i++) {
      ctx.resource(c, ctx.id(c, `Instance${i}`), 'AWS::DocDB::DBInstance', { DBClusterIdentifier: ctx.ref(cluster), DBInstanceClass: cfg.instanceClass, AutoMinorVersionUpgrade: true, PreferredMaintenanceWindow: 'sun:04:30-sun:05:30' });
    }
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 80%`, namespace: 'AWS/DocDB', metric: 'CPUUtilization', dimensions: { DBClusterIdentifier: `\${${cluster}}` }, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'MemoryAlarm'), { description: `${c.id}: less than 256 MB freeable memory`, namespace: 'AWS/DocDB', metric: 'FreeableMemory', dimensions: { DBClusterIdentifier: `\${${cluster}}` }, statistic: 'Minimum', threshold: 256 * 1024 * 1024, comparison: 'LessThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Endpoint`, ctx.att(cluster, 'Endpoint'), `Endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'db-secret') return ctx.ref(ctx.id(c, 'Secret'));
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:rds:\${AWS::Region}:\${AWS::AccountId}:cluster:\${${ctx.id(c, 'Cluster')}}`);
    return noPart('documentdb', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_ENDPOINT`]: ctx.att(ctx.id(c, 'Cluster'), 'Endpoint'), [`${envKey(c.id)}_SECRET_ARN`]: ctx.ref(ctx.id(c, 'Secret')) };
  },
  backup(c, ctx) {
    return { arn: ctx.sub(`arn:\${AWS::Partition}:rds:\${AWS::Region}:\${AWS::AccountId}:cluster:\${${ctx.id(c, 'Cluster')}}`) };
  },
});
