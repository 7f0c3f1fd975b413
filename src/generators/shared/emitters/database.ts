import type { Target } from '../target.js';
import type { Prop } from '../values.js';

const MONITORING_WHY = 'RDS Enhanced Monitoring writes to the RDSOSMetrics log group and streams it names per instance (the permissions of AWS\'s own monitoring policy)';

/** Role RDS Enhanced Monitoring uses for every database instance of the design. */
export function monitoringRole(ctx: Target): Prop {
  return ctx.once('rdsMonitoringRole', () => {
    const { role } = ctx.role('platform', 'RdsMonitoringRole', {
      services: ['monitoring.rds.amazonaws.com'],
      description: 'Lets RDS Enhanced Monitoring publish OS metrics',
      statements: [
        { Sid: 'CreateMetricsLogGroup', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'], Resource: ctx.sub('arn:${AWS::Partition}:logs:*:${AWS::AccountId}:log-group:RDS*'), why: MONITORING_WHY },
        { Sid: 'WriteMetrics', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:GetLogEvents'], Resource: ctx.sub('arn:${AWS::Partition}:logs:*:${AWS::AccountId}:log-group:RDS*:log-stream:*'), why: MONITORING_WHY },
      ],
    });
    return ctx.att(role, 'Arn');
  });
}

/** Default engine versions when the design leaves them open (current majors). */
export const ENGINE_VERSION = {
  'aurora-postgresql': '16.6',
  'aurora-mysql': '8.0.mysql_aurora.3.08.0',
  postgres: '16.6',
  mysql: '8.0.40',
  mariadb: '10.11.10',
} as const;

/** Parameter-group family of an engine version: `16.6` -> `aurora-postgresql16`, `8.0.40` -> `mysql8.0`. */
export function parameterFamily(engine: keyof typeof ENGINE_VERSION, version: string): string {
  const parts = version.split('.');
  if (engine === 'aurora-postgresql' || engine === 'postgres') return `${engine}${parts[0]}`;
  return `${engine}${parts[0]}.${parts[1] ?? '0'}`;
}

/** Parameters that refuse unencrypted client connections. */
export function tlsParameters(engine: keyof typeof ENGINE_VERSION): Record<string, string> {
  return engine.includes('postgres') ? { 'rds.force_ssl': '1' } : { require_secure_transport: 'ON' };
}

export const DB_PORT_WHY = 'Default port kept: the database sits in isolated subnets and accepts connections only from its clients\' security groups';

