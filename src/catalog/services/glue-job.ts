import { defineService } from '../types.js';

export default defineService({
  id: 'glue-job',
  name: 'AWS Glue (ETL jobs)',
  aliases: ['glue', 'aws glue', 'etl', 'spark', 'glue job', 'pyspark'],
  layer: 'compute',
  role: 'component',
  summary: 'Serverless Apache Spark and Python shell jobs for extract-transform-load: distributed transformations of large files in S3, with the Glue Data Catalog for schemas.',
  goodFor: ['transforming and joining gigabytes to terabytes of files', 'jobs running 15 minutes to hours', 'CSV/JSON to partitioned Parquet in a data lake', 'schema discovery with crawlers'],
  badFor: ['small files and quick transforms (1-minute minimum billing, Spark start-up)', 'low-latency or request-driven processing', 'non-Spark custom code (a Fargate task is simpler)'],
  limits: [
    { key: 'job-timeout', what: 'Job timeout (batch jobs)', value: 10080, unit: 'minutes', adjustable: false, impact: 'set a timeout near twice the expected run time so stuck jobs fail fast' },
    { key: 'min-workers', what: 'Minimum workers for Spark jobs', value: 2, unit: 'workers', adjustable: false, impact: 'a Spark job is never tiny' },
    { key: 'min-billing', what: 'Minimum billed duration (Glue 2.0 and later)', value: 1, unit: 'minutes', adjustable: false, impact: 'many tiny runs cost more than one batched run' },
    { key: 'concurrent-runs', what: 'Concurrent runs per job', value: 1000, unit: 'runs', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'workers per run (fixed or auto scaling)', scalesToZero: true, latency: 'tens of seconds to start', availability: 'runs in a managed fleet; retries on failure' },
  operations: { burden: 2, notes: ['job bookmarks avoid reprocessing', 'monitor with job run metrics and Spark UI logs'] },
  pricing: { model: 'per DPU-hour (a G.1X worker is 1 DPU), billed per second with a 1-minute minimum', dimensions: ['DPU-hours', 'Data Catalog storage and requests', 'crawler DPU-hours'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['AWS Glue'], pci: ['AWS Glue'] },
  iac: {
    cloudformation: ['AWS::Glue::Job', 'AWS::Glue::Trigger'],
    terraform: ['aws_glue_job', 'aws_glue_trigger'],
    cdk: ['aws_glue.CfnJob', 'aws_glue.CfnTrigger'],
  },
  security: [
    { setting: 'Security configuration', recommendation: 'encrypt S3 output, CloudWatch logs and job bookmarks with KMS', why: 'encryption at rest for every artifact' },
    { setting: 'Job role', recommendation: 'scoped to the source and target prefixes', why: 'least privilege' },
    { setting: 'Network', recommendation: 'Glue connection in private subnets when reading databases', why: 'no public database endpoints' },
  ],
  related: ['s3', 'step-functions', 'athena', 'redshift'],
});
