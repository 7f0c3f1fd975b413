import { defineService } from '../types.js';

export default defineService({
  id: 'memorydb',
  name: 'Amazon MemoryDB',
  aliases: ['memorydb', 'durable redis', 'memorydb for redis'],
  layer: 'data',
  role: 'knowledge',
  summary: 'Durable, Valkey- and Redis-compatible in-memory database with a multi-AZ transaction log: microsecond reads with data that survives node failures.',
  goodFor: ['Redis data structures as the primary database', 'leaderboards, sessions and counters that must not be lost'],
  badFor: ['plain caching (ElastiCache is cheaper)', 'large datasets that do not fit in memory'],
  limits: [
    { key: 'shards', what: 'Shards per cluster', value: 500, unit: 'shards', adjustable: false, impact: 'rarely binding' },
  ],
  scaling: { model: 'nodes per shard and shard count', scalesToZero: false, latency: 'microsecond reads, single-digit ms writes', availability: 'multi-AZ transaction log; replicas fail over' },
  operations: { burden: 2, notes: ['node sizing', 'engine upgrades'] },
  pricing: { model: 'per node-hour plus data written to the transaction log', dimensions: ['node hours', 'data written GB', 'snapshot storage'], idleCost: 'high', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon MemoryDB'], pci: ['Amazon MemoryDB'] },
  iac: {
    cloudformation: ['AWS::MemoryDB::Cluster', 'AWS::MemoryDB::SubnetGroup'],
    terraform: ['aws_memorydb_cluster', 'aws_memorydb_subnet_group'],
    cdk: ['aws_memorydb.CfnCluster', 'aws_memorydb.CfnSubnetGroup'],
  },
  security: [
    { setting: 'TLS and ACLs', recommendation: 'TLS on (always) with ACL users', why: 'authenticated, encrypted access' },
  ],
  related: ['elasticache'],
});
