import { defineService } from '../types.js';

export default defineService({
  id: 'neptune',
  name: 'Amazon Neptune',
  aliases: ['neptune', 'graph database', 'gremlin', 'sparql', 'opencypher'],
  layer: 'data',
  role: 'knowledge',
  summary: 'Managed graph database (Gremlin, openCypher, SPARQL) for highly connected data: social graphs, fraud rings, knowledge graphs, recommendations.',
  goodFor: ['multi-hop relationship queries', 'fraud and identity graphs', 'knowledge graphs'],
  badFor: ['tabular or key-value data', 'small budgets (instance-based)'],
  limits: [
    { key: 'storage', what: 'Cluster storage', value: 128, unit: 'TiB', adjustable: false, impact: 'rarely binding' },
    { key: 'replicas', what: 'Read replicas', value: 15, unit: 'replicas', adjustable: false, impact: 'read scaling' },
  ],
  scaling: { model: 'instances (or Neptune Serverless NCUs) plus replicas', scalesToZero: false, latency: 'ms per traversal, query-dependent', availability: 'storage across three AZs; replicas fail over' },
  operations: { burden: 2, notes: ['graph modelling', 'engine upgrades'] },
  pricing: { model: 'per instance-hour or NCU-hour plus storage and I/O', dimensions: ['instance hours', 'storage', 'I/O'], idleCost: 'high', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon Neptune'], pci: ['Amazon Neptune'] },
  iac: {
    cloudformation: ['AWS::Neptune::DBCluster', 'AWS::Neptune::DBInstance'],
    terraform: ['aws_neptune_cluster', 'aws_neptune_cluster_instance'],
    cdk: ['aws_neptune.CfnDBCluster', 'aws_neptune.CfnDBInstance'],
  },
  security: [
    { setting: 'IAM authentication', recommendation: 'enabled', why: 'no shared credentials' },
    { setting: 'Encryption', recommendation: 'at rest with KMS', why: 'encryption at rest' },
  ],
  related: ['lambda'],
});
