import { defineService } from '../types.js';

export default defineService({
  id: 'rds',
  name: 'Amazon RDS',
  aliases: ['rds', 'relational database service', 'rds postgresql', 'rds mysql', 'mariadb'],
  layer: 'data',
  role: 'component',
  summary: 'Managed PostgreSQL, MySQL and MariaDB on a chosen instance size with optional Multi-AZ standby and read replicas: the simplest, cheapest managed relational database for modest workloads.',
  goodFor: ['small and medium relational workloads', 'internal tools and back-offices on a budget (burstable instances)', 'engines or extensions Aurora does not offer'],
  badFor: ['fast failover needs (Multi-AZ failover takes 60-120 s)', 'cross-region DR with low RPO (Aurora Global Database is simpler)', 'very read-heavy scale-out'],
  limits: [
    { key: 'storage', what: 'Storage per instance (PostgreSQL, MySQL, MariaDB)', value: 64, unit: 'TiB', adjustable: false, impact: 'rarely binding' },
    { key: 'read-replicas', what: 'Read replicas', value: 15, unit: 'replicas', adjustable: false, impact: 'asynchronous; reads may be stale' },
    { key: 'failover', what: 'Multi-AZ failover time', value: 120, unit: 'seconds', adjustable: false, impact: 'one to two minutes of errors on failover' },
    { key: 'backup-retention', what: 'Automated backup retention', value: 35, unit: 'days', adjustable: false, impact: 'longer retention uses AWS Backup' },
  ],
  scaling: { model: 'vertical (instance class) plus read replicas; storage autoscaling', scalesToZero: false, latency: 'low single-digit ms per simple query', availability: 'Multi-AZ standby in a second AZ' },
  operations: { burden: 2, notes: ['maintenance windows for minor versions; planned major upgrades', 'instance class changes cause a short outage (or a failover with Multi-AZ)'] },
  pricing: { model: 'per instance-hour (doubled for Multi-AZ) plus provisioned storage GB-month', dimensions: ['instance hours', 'storage GB-months', 'provisioned IOPS', 'backup storage beyond the database size'], idleCost: 'low', atScale: 'neutral', freeTier: '750 hours of db.t4g.micro single-AZ and 20 GB for 12 months (legacy free tier accounts)' },
  compliance: { hipaa: ['Amazon Relational Database Service'], pci: ['Amazon Relational Database Service'], qualifier: ['RDS'] },
  iac: {
    cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::DBParameterGroup'],
    terraform: ['aws_db_instance', 'aws_db_subnet_group', 'aws_db_parameter_group'],
    cdk: ['aws_rds.DatabaseInstance'],
  },
  security: [
    { setting: 'Storage encryption', recommendation: 'enabled at creation (customer-managed key for regulated data)', why: 'cannot be switched on in place later' },
    { setting: 'Public access', recommendation: 'publicly accessible off; isolated subnets', why: 'no public data stores' },
    { setting: 'Credentials', recommendation: 'managed master user secret plus IAM authentication', why: 'no passwords in code' },
    { setting: 'TLS', recommendation: 'enforce SSL in the parameter group', why: 'encryption in transit' },
  ],
  related: ['lambda', 'ecs-fargate', 'secrets-manager'],
});
