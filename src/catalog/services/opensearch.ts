import { defineService } from '../types.js';

export default defineService({
  id: 'opensearch',
  name: 'Amazon OpenSearch Service',
  aliases: ['opensearch', 'elasticsearch', 'search', 'full-text search', 'search engine', 'log analytics'],
  layer: 'data',
  role: 'component',
  summary: 'Managed OpenSearch clusters for full-text search with relevance ranking, facets and filters, autocomplete, vector search and log analytics.',
  goodFor: ['product catalogue search with filters and facets', 'full-text search over documents', 'vector similarity search', 'log and clickstream exploration'],
  badFor: ['the system of record (index from a database, rebuild when needed)', 'small catalogues a relational LIKE or full-text index handles', 'teams without capacity to size shards and nodes'],
  limits: [
    { key: 'shards-per-node', what: 'Shards per data node', value: 1000, unit: 'shards', adjustable: false, impact: 'too many small indices exhaust nodes; plan shard counts' },
    { key: 'request-payload', what: 'HTTP request payload (large instance types)', value: 100, unit: 'MB', adjustable: false, impact: 'bulk indexing in batches (10 MB on small instance types)' },
    { key: 'data-nodes', what: 'Data nodes per domain (default)', value: 80, unit: 'nodes', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'node count and instance type (blue/green changes); OpenSearch Serverless scales by OCUs', scalesToZero: false, latency: 'tens of ms per search', availability: 'three data nodes across three AZs with replicas; dedicated masters for production' },
  operations: { burden: 3, notes: ['shard and replica sizing', 'index lifecycle and snapshots', 'version upgrades', 'mapping changes need reindexing'] },
  pricing: { model: 'per instance-hour plus EBS GB-month (or OCU-hours for Serverless)', dimensions: ['instance hours', 'EBS storage', 'UltraWarm and cold storage'], idleCost: 'high', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon OpenSearch Service'], pci: ['Amazon OpenSearch Service'], note: 'Listed for PCI in 2021 as Elasticsearch Service; OpenSearch Serverless is not named separately.' },
  iac: {
    cloudformation: ['AWS::OpenSearchService::Domain'],
    terraform: ['aws_opensearch_domain'],
    cdk: ['aws_opensearchservice.Domain'],
  },
  security: [
    { setting: 'Network', recommendation: 'VPC domain in private subnets', why: 'no public search endpoints' },
    { setting: 'Fine-grained access control', recommendation: 'enabled with IAM master role', why: 'index- and document-level permissions' },
    { setting: 'Encryption', recommendation: 'at rest (KMS) and node-to-node', why: 'required for fine-grained access control and regulated data' },
    { setting: 'HTTPS', recommendation: 'enforce HTTPS with TLS 1.2 policy', why: 'encryption in transit' },
  ],
  related: ['dynamodb', 'aurora', 'lambda'],
});
