import { defineService } from '../types.js';

export default defineService({
  id: 'aurora',
  name: 'Amazon Aurora',
  aliases: ['aurora', 'aurora postgresql', 'aurora mysql', 'aurora serverless', 'postgres', 'postgresql', 'mysql', 'relational database', 'sql'],
  layer: 'data',
  role: 'component',
  summary: 'PostgreSQL- and MySQL-compatible relational database with storage replicated six ways across three AZs, up to 15 readers, fast failover, Serverless v2 capacity and Global Database for cross-region DR.',
  goodFor: ['relational data with transactions, joins and ad-hoc queries', 'read-heavy workloads with reader instances', 'high availability (failover typically under 30 seconds)', 'cross-region DR with Global Database (replication lag typically under a second)'],
  badFor: ['unpredictable per-request serverless access without a connection pooler (use RDS Proxy or the Data API)', 'tiny internal tools on a tight budget (RDS on a small instance is cheaper)', 'key-value workloads at massive write scale (DynamoDB)'],
  limits: [
    { key: 'storage', what: 'Cluster volume size', value: 128, unit: 'TiB', adjustable: false, impact: 'archive cold data to S3 long before this (recent engine versions allow 256 TiB)' },
    { key: 'readers', what: 'Reader instances per cluster', value: 15, unit: 'instances', adjustable: false, impact: 'read scaling beyond this needs caching' },
    { key: 'serverless-acu', what: 'Serverless v2 capacity range', value: 256, unit: 'ACU (from 0 with auto-pause)', adjustable: false, impact: 'set max ACUs for 10x peak; min 0 pauses idle dev databases' },
    { key: 'failover', what: 'Typical failover to a reader', value: 30, unit: 'seconds', adjustable: false, impact: 'clients need retry logic' },
  ],
  scaling: { model: 'instance classes or Serverless v2 ACUs per instance; readers for reads', scalesToZero: false, latency: 'low single-digit ms per simple query', availability: 'storage across three AZs; a reader in another AZ gives automatic failover' },
  operations: { burden: 2, notes: ['minor version upgrades in maintenance windows; major upgrades planned', 'connection management from Lambda (RDS Proxy)', 'query tuning and index design'] },
  pricing: { model: 'per instance-hour or ACU-hour, plus storage GB-month and I/O (Standard) or higher storage price without I/O charges (I/O-Optimized)', dimensions: ['instance hours or ACU-hours', 'storage GB-months', 'I/O requests', 'backup storage beyond retention', 'Global Database replicated writes'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Aurora'], pci: ['Amazon Aurora'] },
  iac: {
    cloudformation: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::GlobalCluster'],
    terraform: ['aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_db_subnet_group', 'aws_rds_global_cluster'],
    cdk: ['aws_rds.DatabaseCluster', 'aws_rds.ClusterInstance'],
  },
  security: [
    { setting: 'Storage encryption', recommendation: 'enabled with a customer-managed KMS key for regulated data', why: 'encryption at rest; cannot be added later without a copy' },
    { setting: 'Network', recommendation: 'isolated subnets, not publicly accessible, security group open only to app tiers', why: 'no public data stores' },
    { setting: 'Credentials', recommendation: 'managed master user secret in Secrets Manager plus IAM database authentication', why: 'no passwords in code' },
    { setting: 'TLS', recommendation: 'force SSL connections (rds.force_ssl / require_secure_transport)', why: 'encryption in transit' },
    { setting: 'Backups', recommendation: 'retention 14-35 days, deletion protection on', why: 'point-in-time recovery and accident protection' },
  ],
  related: ['ecs-fargate', 'lambda', 'elasticache', 'secrets-manager'],
});
