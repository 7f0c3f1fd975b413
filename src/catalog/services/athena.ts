import { defineService } from '../types.js';

export default defineService({
  id: 'athena',
  name: 'Amazon Athena',
  aliases: ['athena', 'sql on s3', 'query s3', 'presto', 'trino', 'ad-hoc analytics'],
  layer: 'data',
  role: 'component',
  summary: 'Serverless SQL over data in S3 (Parquet, ORC, JSON, CSV, Iceberg) through the Glue Data Catalog, billed by data scanned.',
  goodFor: ['ad-hoc analysis of a data lake by data scientists', 'occasional reports over history', 'querying logs in S3'],
  badFor: ['dashboards with many users refreshing all day (a warehouse is cheaper and faster)', 'low-latency application queries', 'unpartitioned CSV (scans everything)'],
  limits: [
    { key: 'query-timeout', what: 'DML query timeout', value: 30, unit: 'minutes', adjustable: true, impact: 'partition and compress data so queries finish' },
    { key: 'min-billed-scan', what: 'Minimum data billed per query', value: 10, unit: 'MB', adjustable: false, impact: 'many tiny queries cost more than their scans' },
  ],
  scaling: { model: 'automatic per query (or provisioned capacity reservations)', scalesToZero: true, latency: 'seconds to minutes per query', availability: 'regional managed service' },
  operations: { burden: 1, notes: ['partitioning and Parquet keep scans small', 'workgroup scan limits guard cost'] },
  pricing: { model: 'per TB of data scanned (10 MB minimum per query), or per DPU-hour for capacity reservations', dimensions: ['TB scanned', 'S3 requests and results storage'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon Athena'], pci: ['Amazon Athena'] },
  iac: {
    cloudformation: ['AWS::Athena::WorkGroup', 'AWS::Glue::Database'],
    terraform: ['aws_athena_workgroup', 'aws_glue_catalog_database'],
    cdk: ['aws_athena.CfnWorkGroup', 'aws_glue.CfnDatabase'],
  },
  security: [
    { setting: 'Result encryption', recommendation: 'enforce SSE-KMS on query results in the workgroup', why: 'results often contain the sensitive data' },
    { setting: 'Workgroup enforcement', recommendation: 'override client-side settings', why: 'users cannot bypass encryption or limits' },
    { setting: 'Data access', recommendation: 'Lake Formation or IAM scoped to the tables', why: 'least privilege on the lake' },
  ],
  related: ['s3', 'glue-job', 'kinesis-firehose'],
});
