import { defineService } from '../types.js';

export default defineService({
  id: 'dynamodb',
  name: 'Amazon DynamoDB',
  aliases: ['dynamodb', 'dynamo', 'nosql', 'key-value store', 'ddb'],
  layer: 'data',
  role: 'component',
  summary: 'Serverless key-value and document database with single-digit-millisecond reads and writes at any scale, on-demand billing, TTL expiry, change streams and multi-region global tables.',
  goodFor: ['key-value and known access patterns (by user, by conversation, by device)', 'serverless backends that must scale from zero to very high throughput', 'time-boxed data with TTL (sessions, messages, hot telemetry)', 'multi-region active-active with global tables'],
  badFor: ['ad-hoc queries, joins and reporting (export to S3 and query with Athena)', 'items over 400 KB (store the blob in S3)', 'teams that cannot design access patterns up front'],
  limits: [
    { key: 'item-size', what: 'Item size', value: 400, unit: 'KB', adjustable: false, impact: 'large attributes go to S3 with a pointer in the item' },
    { key: 'partition-throughput', what: 'Per-partition throughput', value: 3000, unit: 'RCU (1,000 WCU)', adjustable: false, impact: 'spread writes over many partition keys; avoid hot keys' },
    { key: 'table-throughput', what: 'On-demand throughput per table (default)', value: 40000, unit: 'read or write request units/second', adjustable: true, impact: 'ask for more before a 10x launch' },
    { key: 'query-page', what: 'Query or Scan page', value: 1, unit: 'MB', adjustable: false, impact: 'paginate large result sets' },
    { key: 'gsi', what: 'Global secondary indexes per table', value: 20, unit: 'indexes', adjustable: true, impact: 'design access patterns; indexes multiply write cost' },
    { key: 'ttl-delay', what: 'Typical delay before TTL deletes an expired item (not guaranteed)', value: 2, unit: 'days', adjustable: false, impact: 'expired items stay readable for a while; queries filter them out' },
  ],
  scaling: { model: 'on-demand (per request) or provisioned with auto scaling', scalesToZero: true, latency: 'single-digit ms reads and writes', availability: 'replicated across three AZs; global tables across regions' },
  operations: { burden: 1, notes: ['no servers, versions or patching', 'watch throttled requests and hot partitions', 'enable point-in-time recovery'] },
  pricing: { model: 'on-demand per million read/write request units plus GB-month stored; or provisioned capacity per hour', dimensions: ['read request units', 'write request units', 'storage GB-months', 'PITR and backups', 'streams reads', 'global table replicated writes'], idleCost: 'none', atScale: 'neutral', freeTier: '25 GB storage and 25 provisioned RCU/WCU, always free' },
  compliance: { hipaa: ['Amazon DynamoDB'], pci: ['Amazon DynamoDB'] },
  iac: {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    terraform: ['aws_dynamodb_table'],
    cdk: ['aws_dynamodb.TableV2', 'aws_dynamodb.Table'],
  },
  security: [
    { setting: 'Encryption at rest', recommendation: 'always on; customer-managed KMS key for regulated data', why: 'key control and audit of decryption' },
    { setting: 'Point-in-time recovery', recommendation: 'enabled (35 days)', why: 'recovers from bad writes and deletes' },
    { setting: 'Deletion protection', recommendation: 'enabled in production', why: 'a stack mistake cannot drop the table' },
    { setting: 'Access', recommendation: 'IAM policies scoped to the table and its indexes; leading-key conditions for multi-tenant data', why: 'least privilege per tenant' },
    { setting: 'Network path', recommendation: 'gateway VPC endpoint from VPC workloads', why: 'traffic stays off the internet, at no cost' },
  ],
  related: ['lambda', 'apigateway-http', 'appsync'],
});
