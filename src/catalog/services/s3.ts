import { defineService } from '../types.js';

export default defineService({
  id: 's3',
  name: 'Amazon Simple Storage Service',
  aliases: ['s3', 'simple storage service', 'object storage', 'bucket', 'blob storage', 'data lake'],
  layer: 'data',
  role: 'component',
  summary: 'Object storage with eleven nines of durability: media and document uploads, static websites behind CloudFront, data lakes, landing zones, backups and logs, with lifecycle rules to cheaper storage classes.',
  goodFor: ['user uploads through presigned URLs', 'static site hosting behind CloudFront', 'data lakes queried by Athena, Glue and Redshift', 'long-term archives with lifecycle to Glacier classes'],
  badFor: ['small records updated in place at high rates (use a database)', 'file-system semantics such as appends and locks (use EFS)'],
  limits: [
    { key: 'object-size', what: 'Object size', value: 50, unit: 'TB', adjustable: false, impact: 'raised from 5 TB in 2025; single PUT up to 5 GB, multipart above' },
    { key: 'request-rate', what: 'Requests per second per prefix', value: 3500, unit: 'writes/second (5,500 reads)', adjustable: false, impact: 'spread hot keys over prefixes for very high rates' },
    { key: 'buckets', what: 'Buckets per account (default)', value: 10000, unit: 'buckets', adjustable: true, impact: 'per-tenant buckets do not scale; use prefixes' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'first byte in tens of ms', availability: 'regional storage across three or more AZs (except One Zone classes)' },
  operations: { burden: 1, notes: ['lifecycle rules for cost', 'block public access at account and bucket level'] },
  pricing: { model: 'per GB-month by storage class plus per request and per GB retrieved or transferred out', dimensions: ['storage GB-months', 'PUT/GET requests', 'data transfer out', 'retrieval (IA and Glacier classes)', 'replication'], idleCost: 'none', atScale: 'efficient', freeTier: '5 GB Standard storage for 12 months (legacy free tier accounts)' },
  compliance: { hipaa: ['Amazon Simple Storage Service'], pci: ['Amazon Simple Storage Service'] },
  iac: {
    cloudformation: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
    terraform: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'aws_s3_bucket_versioning', 'aws_s3_bucket_lifecycle_configuration', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_public_access_block'],
    cdk: ['aws_s3.Bucket'],
  },
  security: [
    { setting: 'Block public access', recommendation: 'all four settings on', why: 'no accidental public buckets; CloudFront reads through OAC' },
    { setting: 'Encryption', recommendation: 'SSE-S3 by default, SSE-KMS with a customer-managed key for regulated data', why: 'encryption at rest with key control' },
    { setting: 'TLS only', recommendation: 'bucket policy denying aws:SecureTransport false', why: 'encryption in transit' },
    { setting: 'Versioning', recommendation: 'on for anything not rebuildable', why: 'recovers overwritten and deleted objects' },
    { setting: 'Object Lock', recommendation: 'compliance mode for audit archives', why: 'write-once retention' },
    { setting: 'Ownership', recommendation: 'BucketOwnerEnforced (ACLs disabled)', why: 'access only through policies' },
  ],
  related: ['cloudfront', 'athena', 'kinesis-firehose', 'lambda'],
});
