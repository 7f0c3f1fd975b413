import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Search = ComponentOfService<'opensearch'>;

/** Dedicated master type for a data node type: the same family, one size down where it exists. */
function masterType(instanceType: string): string {
  const [family] = instanceType.split('.');
  return `${family}.large.search`;
}

/**
 * A VPC-only OpenSearch domain: zone awareness over the VPC's AZs, encryption at rest and node to node, HTTPS with
 * a modern TLS policy, an IAM-only access policy, slow, error and audit logs in CloudWatch Logs.
 */
export const opensearch = emitter('opensearch', {
  emit(c: Search, ctx: Target) {
    const cfg = c.config;
    const sg = ctx.securityGroup(c, `Search domain ${c.id}: HTTPS from its clients only`);
    const azs = Math.min(cfg.instanceCount, ctx.a.network?.azCount ?? 1, 3);
    const zoneAware = azs >= 2;
    const logs = ctx.logGroup(c, ctx.id(c, 'LogGroup'), ctx.sub(`/aws/opensearch/${ctx.a.name}-\${EnvironmentName}-${c.id}`));
    const logPolicy = ctx.resource(c, ctx.id(c, 'LogPolicy'), 'AWS::Logs::ResourcePolicy', {
      PolicyName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}-opensearch-logs`),
      PolicyDocument: ctx.sub(JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'es.amazonaws.com' }, Action: ['logs:PutLogEvents', 'logs:CreateLogStream'], Resource: `\${${logs}.Arn}`, Condition: { StringEquals: { 'aws:SourceAccount': '${AWS::AccountId}' } } }],
      })),
    });
    const logTo = { CloudWatchLogsLogGroupArn: ctx.att(logs, 'Arn'), Enabled: true };
    const domain = ctx.resource(
      c,
      ctx.id(c, 'Domain'),
      'AWS::OpenSearchService::Domain',
      {
        EngineVersion: cfg.engineVersion,
        ClusterConfig: {
          InstanceType: cfg.instanceType,
          InstanceCount: cfg.instanceCount,
          DedicatedMasterEnabled: cfg.dedicatedMasters,
          DedicatedMasterType: cfg.dedicatedMasters ? masterType(cfg.instanceType) : undefined,
          DedicatedMasterCount: cfg.dedicatedMasters ? 3 : undefined,
          ZoneAwarenessEnabled: zoneAware,
          ZoneAwarenessConfig: zoneAware ? { AvailabilityZoneCount: azs } : undefined,
        },
        EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: cfg.volumeGb },
        EncryptionAtRestOptions: { Enabled: true, KmsKeyId: ctx.keyArn() },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
        VPCOptions: { SubnetIds: ctx.dataSubnets().slice(0, azs), SecurityGroupIds: [ctx.ref(sg)] },
        AccessPolicies: ctx.json({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: ctx.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'es:ESHttp*', Resource: ctx.sub(`arn:\${AWS::Partition}:es:\${AWS::Region}:\${AWS::AccountId}:domain/*`) }],
        }),
        LogPublishingOptions: ctx.mapOf({ INDEX_SLOW_LOGS: logTo, SEARCH_SLOW_LOGS: logTo, ES_APPLICATION_LOGS: logTo }),
        SoftwareUpdateOptions: { AutoSoftwareUpdateEnabled: true },
        OffPeakWindowOptions: { Enabled: true },
      },
      { dependsOn: [logPolicy], removal: 'retain' },
    );
    if (!cfg.dedicatedMasters) ctx.ack(domain, `The design runs no dedicated master nodes (dedicatedMasters: false); acceptable for ${cfg.instanceCount} data nodes`, 'AwsSolutions-OS4');
    if (!zoneAware) ctx.ack(domain, 'A single data node or a single-AZ network cannot spread across zones', 'AwsSolutions-OS7');
    ctx.ack(domain, 'The domain is reachable only inside the VPC through its security group, and only IAM-signed requests from this account are allowed', 'AwsSolutions-OS3');
    const dims = { DomainName: `\${${domain}}`, ClientId: '${AWS::AccountId}' };
    ctx.alarm(c, ctx.id(c, 'RedStatusAlarm'), { description: `${c.id}: cluster status red (primary shards unassigned)`, namespace: 'AWS/ES', metric: 'ClusterStatus.red', dimensions: dims, statistic: 'Maximum', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    ctx.alarm(c, ctx.id(c, 'StorageAlarm'), { description: `${c.id}: less than 20% storage free on a node`, namespace: 'AWS/ES', metric: 'FreeStorageSpace', dimensions: dims, statistic: 'Minimum', threshold: Math.round(cfg.volumeGb * 1024 * 0.2), comparison: 'LessThanOrEqualToThreshold' });
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 80%`, namespace: 'AWS/ES', metric: 'CPUUtilization', dimensions: dims, statistic: 'Average', threshold: 80, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Endpoint`, ctx.att(domain, 'DomainEndpoint'), `HTTPS endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    const d = ctx.id(c, 'Domain');
    if (part === 'arn') return ctx.att(d, 'Arn');
    if (part === 'objects') return ctx.sub(`\${${d}.Arn}/*`);
    return noPart('opensearch', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_ENDPOINT`]: ctx.att(ctx.id(c, 'Domain'), 'DomainEndpoint') };
  },
  backup() {
    return { unsupported: 'OpenSearch takes automated hourly snapshots of its own' };
  },
});
