import { defineService } from '../types.js';

export default defineService({
  id: 'elasticache',
  name: 'Amazon ElastiCache',
  aliases: ['elasticache', 'redis', 'valkey', 'memcached', 'cache', 'in-memory cache'],
  layer: 'data',
  role: 'component',
  summary: 'Managed in-memory Valkey, Redis OSS or Memcached, serverless or on nodes: sub-millisecond caching, sessions, presence, leaderboards, rate limits and pub/sub.',
  goodFor: ['caching hot reads in front of a database', 'sessions, presence and online status', 'rate limiting and counters', 'pub/sub fan-out between app servers'],
  badFor: ['the only copy of data that must survive (it is a cache; MemoryDB is the durable variant)', 'large objects and analytics'],
  limits: [
    { key: 'value-size', what: 'Largest value (Valkey/Redis string)', value: 512, unit: 'MB', adjustable: false, impact: 'keep values small; large blobs belong in S3' },
    { key: 'replicas', what: 'Replicas per shard', value: 5, unit: 'replicas', adjustable: false, impact: 'read scaling per shard' },
    { key: 'shards', what: 'Shards per cluster (cluster mode)', value: 500, unit: 'shards', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'serverless (automatic by ECPU and storage) or node-based (shards and replicas)', scalesToZero: false, latency: 'sub-millisecond inside the VPC', availability: 'serverless replicates across AZs; node-based needs a replica in another AZ with automatic failover' },
  operations: { burden: 2, notes: ['VPC-only: clients must run in the VPC', 'engine version upgrades', 'eviction policy and TTLs need design'] },
  pricing: { model: 'serverless: per GB-hour stored plus per million ECPUs; node-based: per node-hour', dimensions: ['GB-hours (serverless)', 'ECPUs (serverless)', 'node hours', 'backup storage'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon ElastiCache'], pci: ['Amazon ElastiCache'], qualifier: ['ElastiCache'], note: 'The PCI listing of 2021 covered the Redis engine only; Valkey and Memcached are not confirmed for cardholder data.' },
  iac: {
    cloudformation: ['AWS::ElastiCache::ServerlessCache', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::SubnetGroup'],
    terraform: ['aws_elasticache_serverless_cache', 'aws_elasticache_replication_group', 'aws_elasticache_subnet_group'],
    cdk: ['aws_elasticache.CfnServerlessCache', 'aws_elasticache.CfnReplicationGroup', 'aws_elasticache.CfnSubnetGroup'],
  },
  security: [
    { setting: 'Encryption in transit', recommendation: 'TLS enabled', why: 'session tokens and personal data cross the network' },
    { setting: 'Encryption at rest', recommendation: 'enabled (KMS key for regulated data)', why: 'snapshots and swap are encrypted' },
    { setting: 'Authentication', recommendation: 'RBAC users or IAM authentication, not the default user', why: 'no shared password' },
    { setting: 'Network', recommendation: 'private subnets, security group open only to app tiers', why: 'no public data stores' },
  ],
  related: ['lambda', 'ecs-fargate', 'aurora'],
});
