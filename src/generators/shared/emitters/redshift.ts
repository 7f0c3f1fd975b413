import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Warehouse = ComponentOfService<'redshift'>;

/**
 * Redshift Serverless (namespace + workgroup) or a provisioned cluster: private, encrypted, TLS-only, audit
 * logging to CloudWatch, admin password managed in Secrets Manager, and a role for COPY/UNLOAD from S3.
 */
export const redshift = emitter('redshift', {
  emit(c: Warehouse, ctx: Target) {
    const cfg = c.config;
    const sg = ctx.securityGroup(c, `Warehouse ${c.id}: port 5439 from its clients only`);
    const { role } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'],
      description: `Role warehouse ${c.id} uses for COPY and UNLOAD`,
      grants: true,
    });
    const subnets = ctx.dataSubnets();
    if (cfg.mode === 'serverless') {
      const ns = ctx.resource(
        c,
        ctx.id(c, 'Namespace'),
        'AWS::RedshiftServerless::Namespace',
        {
          NamespaceName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
          DbName: cfg.databaseName,
          AdminUsername: 'warehouse_admin',
          ManageAdminPassword: true,
          AdminPasswordSecretKmsKeyId: ctx.keyArn(),
          KmsKeyId: ctx.keyArn(),
          IamRoles: [ctx.att(role, 'Arn')],
          DefaultIamRoleArn: ctx.att(role, 'Arn'),
          LogExports: ['userlog', 'connectionlog', 'useractivitylog'],
        },
        { removal: 'retain' },
      );
      // Redshift Serverless needs subnets in three AZs; fewer tiers are topped up from the compute subnets.
      const all = subnets.length >= 3 ? subnets : [...subnets, ...ctx.computeSubnets().filter((s) => !subnets.some((x) => JSON.stringify(x) === JSON.stringify(s)))];
      ctx.resource(c, ctx.id(c, 'Workgroup'), 'AWS::RedshiftServerless::Workgroup', {
        WorkgroupName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
        NamespaceName: ctx.ref(ns),
        BaseCapacity: cfg.baseRpu,
        EnhancedVpcRouting: true,
        PubliclyAccessible: false,
        SubnetIds: all,
        SecurityGroupIds: [ctx.ref(sg)],
        ConfigParameters: [{ ParameterKey: 'require_ssl', ParameterValue: 'true' }, { ParameterKey: 'enable_user_activity_logging', ParameterValue: 'true' }],
      });
      return;
    }
    const subnetGroup = ctx.resource(c, ctx.id(c, 'SubnetGroup'), 'AWS::Redshift::ClusterSubnetGroup', { Description: `Subnets of ${c.id}`, SubnetIds: subnets });
    const params = ctx.resource(c, ctx.id(c, 'ParameterGroup'), 'AWS::Redshift::ClusterParameterGroup', {
      Description: `TLS and activity logging for ${c.id}`,
      ParameterGroupFamily: 'redshift-1.0',
      Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true' }, { ParameterName: 'enable_user_activity_logging', ParameterValue: 'true' }],
    });
    // CloudFormation takes at most 100 nodes per cluster.
    const nodes = Math.min(cfg.nodes, 100);
    if (cfg.nodes > 100) ctx.warn(`components.${c.id}.config.nodes`, `${c.id}: a Redshift cluster has at most 100 nodes in CloudFormation; the template uses 100 (split the workload or use Redshift Serverless for more)`);
    const cluster = ctx.resource(
      c,
      ctx.id(c, 'Cluster'),
      'AWS::Redshift::Cluster',
      {
        ClusterType: nodes > 1 ? 'multi-node' : 'single-node',
        NodeType: cfg.nodeType,
        NumberOfNodes: nodes > 1 ? nodes : undefined,
        DBName: cfg.databaseName,
        MasterUsername: 'warehouse_admin',
        ManageMasterPassword: true,
        MasterPasswordSecretKmsKeyId: ctx.keyArn(),
        Encrypted: true,
        KmsKeyId: ctx.keyArn(),
        ClusterSubnetGroupName: ctx.ref(subnetGroup),
        VpcSecurityGroupIds: [ctx.ref(sg)],
        ClusterParameterGroupName: ctx.ref(params),
        PubliclyAccessible: false,
        EnhancedVpcRouting: true,
        AllowVersionUpgrade: true,
        AutomatedSnapshotRetentionPeriod: Math.min(35, ctx.a.resilience.backupRetentionDays),
        PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
        IamRoles: [ctx.att(role, 'Arn')],
        LoggingProperties: { LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog', 'useractivitylog'] },
      },
      { removal: 'snapshot' },
    );
    ctx.ack(cluster, 'Default port 5439 kept: the cluster is private and reachable only from its clients\' security groups', 'AwsSolutions-RS4');
    for (const [metric, threshold, cmp, what] of [
      ['CPUUtilization', 80, 'GreaterThanOrEqualToThreshold', 'CPU above 80%'],
      ['PercentageDiskSpaceUsed', 80, 'GreaterThanOrEqualToThreshold', 'disk more than 80% used'],
    ] as const) {
      ctx.alarm(c, ctx.id(c, `${metric}Alarm`), { description: `${c.id}: ${what}`, namespace: 'AWS/Redshift', metric, dimensions: { ClusterIdentifier: `\${${cluster}}` }, statistic: 'Average', threshold, comparison: cmp, evaluationPeriods: 3, datapointsToAlarm: 2 });
    }
  },
  ref(c, part, ctx) {
    if (part !== 'arn') return noPart('redshift', part);
    return c.config.mode === 'serverless'
      ? ctx.att(ctx.id(c, 'Workgroup'), 'Workgroup.WorkgroupArn')
      : ctx.sub(`arn:\${AWS::Partition}:redshift:\${AWS::Region}:\${AWS::AccountId}:cluster:\${${ctx.id(c, 'Cluster')}}`);
  },
  env(c, ctx) {
    const k = envKey(c.id);
    return c.config.mode === 'serverless'
      ? { [`${k}_WORKGROUP`]: ctx.ref(ctx.id(c, 'Workgroup')), [`${k}_DATABASE`]: c.config.databaseName }
      : { [`${k}_CLUSTER`]: ctx.ref(ctx.id(c, 'Cluster')), [`${k}_DATABASE`]: c.config.databaseName };
  },
  backup(c, ctx) {
    if (c.config.mode === 'serverless') return { unsupported: 'Redshift Serverless keeps its own automatic recovery points' };
    return { arn: ctx.sub(`arn:\${AWS::Partition}:redshift:\${AWS::Region}:\${AWS::AccountId}:cluster:\${${ctx.id(c, 'Cluster')}}`) };
  },
});
