import { defineService } from '../types.js';

export default defineService({
  id: 'redshift',
  name: 'Amazon Redshift',
  aliases: ['redshift', 'data warehouse', 'warehouse', 'redshift serverless', 'bi'],
  layer: 'data',
  role: 'component',
  summary: 'Columnar data warehouse (Serverless or provisioned RA3) for BI dashboards and SQL analytics over structured data, loading from and querying S3.',
  goodFor: ['BI dashboards with many concurrent users and predictable SQL', 'star schemas and heavy joins over billions of rows', 'loading nightly batches with COPY from S3'],
  badFor: ['transactional workloads (use Aurora)', 'occasional ad-hoc queries over a lake (Athena bills per query)', 'tiny datasets'],
  limits: [
    { key: 'serverless-rpu', what: 'Serverless base capacity', value: 1024, unit: 'RPU (from 4)', adjustable: false, impact: 'size the base for the dashboard concurrency; max capacity caps cost' },
  ],
  scaling: { model: 'Serverless RPUs scale with load; provisioned by node count with concurrency scaling', scalesToZero: true, latency: 'seconds for analytic queries', availability: 'single-AZ compute by default (Multi-AZ for RA3 provisioned); storage in S3-backed managed storage' },
  operations: { burden: 2, notes: ['table design (sort and distribution keys)', 'workload management for mixed queries', 'Serverless removes cluster sizing'] },
  pricing: { model: 'Serverless: per RPU-hour while queries run plus managed storage; provisioned: per node-hour', dimensions: ['RPU-hours', 'managed storage GB-months', 'node hours', 'Spectrum TB scanned'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Redshift'], pci: ['Amazon Redshift'] },
  iac: {
    cloudformation: ['AWS::RedshiftServerless::Namespace', 'AWS::RedshiftServerless::Workgroup', 'AWS::Redshift::Cluster'],
    terraform: ['aws_redshiftserverless_namespace', 'aws_redshiftserverless_workgroup', 'aws_redshift_cluster'],
    cdk: ['aws_redshiftserverless.CfnNamespace', 'aws_redshiftserverless.CfnWorkgroup', 'aws_redshift.CfnCluster'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'KMS encryption (customer-managed for regulated data)', why: 'encryption at rest' },
    { setting: 'Network', recommendation: 'private subnets, publicly accessible off, enhanced VPC routing', why: 'no public data stores; COPY traffic stays in the VPC' },
    { setting: 'Credentials', recommendation: 'IAM-based access (Data API, GetCredentials) and managed admin password', why: 'no passwords in code' },
    { setting: 'Audit logging', recommendation: 'user activity logs to CloudWatch or S3', why: 'evidence of data access' },
  ],
  related: ['s3', 'glue-job', 'step-functions'],
});
