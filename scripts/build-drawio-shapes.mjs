#!/usr/bin/env node
// Extracts the draw.io style strings for our component kinds, platform services, actors and groups from
// ../shared/data/drawio/aws4-shapes.tsv (draw.io 24.7.5's own AWS palette, see its README for provenance) into
// src/diagram/drawio-shapes.json. Emitting these exact strings makes diagrams.net draw the AWS icons with no icon
// files shipped. Run: node scripts/build-drawio-shapes.mjs [path/to/aws4-shapes.tsv]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ?? join(root, '..', 'shared', 'data', 'drawio', 'aws4-shapes.tsv');

/** Our id -> draw.io "service" column (the preferred row is used). */
const MAP = {
  cloudfront: 'Amazon CloudFront',
  route53: 'Amazon Route 53',
  acm: 'AWS Certificate Manager',
  waf: 'AWS WAF',
  'apigateway-rest': 'Amazon API Gateway',
  'apigateway-http': 'Amazon API Gateway',
  'apigateway-websocket': 'Amazon API Gateway',
  appsync: 'AWS AppSync',
  alb: 'Application Load Balancer (ALB)',
  nlb: 'Network Load Balancer (NLB)',
  lambda: 'AWS Lambda',
  'ecs-fargate': 'AWS Fargate',
  eks: 'Amazon EKS',
  'ec2-asg': 'Amazon EC2 Auto Scaling',
  'glue-job': 'AWS Glue',
  'sagemaker-endpoint': 'Amazon SageMaker',
  dynamodb: 'Amazon DynamoDB',
  aurora: 'Amazon Aurora',
  rds: 'Amazon RDS',
  elasticache: 'Amazon ElastiCache',
  documentdb: 'Amazon DocumentDB',
  s3: 'Amazon S3',
  opensearch: 'Amazon OpenSearch Service',
  redshift: 'Amazon Redshift',
  athena: 'Amazon Athena',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  eventbridge: 'Amazon EventBridge',
  'step-functions': 'AWS Step Functions',
  'kinesis-streams': 'Amazon Kinesis Data Streams',
  'kinesis-firehose': 'Amazon Data Firehose (Kinesis Data Firehose)',
  'iot-core': 'AWS IoT Core',
  ses: 'Amazon SES',
  'transfer-family': 'AWS Transfer Family',
  cognito: 'Amazon Cognito',
  'secrets-manager': 'AWS Secrets Manager',
  // platform services drawn from the architecture's sections
  'nat-gateway': 'NAT Gateway',
  'internet-gateway': 'Internet Gateway',
  'vpc-endpoints': 'VPC Endpoints',
  cloudwatch: 'Amazon CloudWatch',
  cloudtrail: 'AWS CloudTrail',
  kms: 'AWS KMS',
  backup: 'AWS Backup',
  guardduty: 'Amazon GuardDuty',
  // actors
  users: 'Users',
  client: 'Client',
  mobile: 'Mobile Client',
  internet: 'Internet',
  'corporate-data-center': 'Corporate Data Center',
  // groups
  'group:cloud': 'AWS Cloud (group)',
  'group:region': 'Region (group)',
  'group:vpc': 'VPC (group)',
  'group:public-subnet': 'Public subnet (group)',
  'group:private-subnet': 'Private subnet (group)',
  'group:generic': 'Generic group (dashed)',
};

const [header, ...lines] = readFileSync(input, 'utf8').trim().split('\n');
const cols = header.split('\t');
const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
const out = { source: 'draw.io 24.7.5 AWS palette (Sidebar-AWS4.js), via ../shared/data/drawio/aws4-shapes.tsv', shapes: {} };
for (const [id, service] of Object.entries(MAP)) {
  const candidates = rows.filter((r) => r.service === service);
  const row = candidates.find((r) => r.preferred === 'yes' && r.kind !== 'productIcon') ?? candidates.find((r) => r.kind !== 'productIcon');
  if (!row) throw new Error(`no draw.io row for ${id} (${service})`);
  out.shapes[id] = { style: row.style, width: Number(row.width), height: Number(row.height), category: row.category, fillColor: row.fillColor, label: row.drawio_label };
}
writeFileSync(join(root, 'src/diagram/drawio-shapes.json'), JSON.stringify(out, null, 1) + '\n');
process.stderr.write(`wrote ${Object.keys(out.shapes).length} draw.io shapes\n`);
