import { defineService } from '../types.js';

export default defineService({
  id: 'documentdb',
  name: 'Amazon DocumentDB (with MongoDB compatibility)',
  aliases: ['documentdb', 'docdb', 'mongodb', 'mongo', 'document database'],
  layer: 'data',
  role: 'component',
  summary: 'Managed document database compatible with the MongoDB API, with Aurora-style storage across three AZs and up to 15 replicas.',
  goodFor: ['teams and code already using MongoDB drivers', 'flexible JSON documents with secondary indexes and aggregation'],
  badFor: ['workloads that rely on MongoDB features DocumentDB does not implement (check compatibility)', 'tiny workloads (instance-based billing)', 'serverless access patterns from Lambda without connection reuse'],
  limits: [
    { key: 'document-size', what: 'Document size', value: 16, unit: 'MB', adjustable: false, impact: 'large files belong in S3' },
    { key: 'storage', what: 'Cluster storage', value: 128, unit: 'TiB', adjustable: false, impact: 'rarely binding' },
    { key: 'replicas', what: 'Replica instances', value: 15, unit: 'instances', adjustable: false, impact: 'read scaling' },
  ],
  scaling: { model: 'instance classes plus replicas (elastic clusters shard writes)', scalesToZero: false, latency: 'low single-digit ms', availability: 'storage across three AZs; replicas in other AZs fail over' },
  operations: { burden: 2, notes: ['compatibility testing against the MongoDB features used', 'engine upgrades'] },
  pricing: { model: 'per instance-hour plus storage and I/O (or I/O-Optimized)', dimensions: ['instance hours', 'storage GB-months', 'I/O requests', 'backup storage'], idleCost: 'high', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon DocumentDB (with MongoDB compatibility)'], pci: ['Amazon DocumentDB (with MongoDB compatibility)'] },
  iac: {
    cloudformation: ['AWS::DocDB::DBCluster', 'AWS::DocDB::DBInstance', 'AWS::DocDB::DBSubnetGroup'],
    terraform: ['aws_docdb_cluster', 'aws_docdb_cluster_instance', 'aws_docdb_subnet_group'],
    cdk: ['aws_docdb.DatabaseCluster'],
  },
  security: [
    { setting: 'Storage encryption', recommendation: 'enabled at creation', why: 'cannot be switched on later' },
    { setting: 'TLS', recommendation: 'tls enabled in the cluster parameter group', why: 'encryption in transit' },
    { setting: 'Audit logs', recommendation: 'audit_logs enabled to CloudWatch', why: 'evidence of data access' },
  ],
  related: ['lambda', 'ecs-fargate'],
});
