// Review performance: model review of a 30-component design (median), and template review of a 30-resource
// CloudFormation template with all five cdk-nag packs, first call (module loading included) and warm.
// Targets: model review <= 20 ms; all packs warm <= 500 ms.
// Usage: node bench/run.mjs review [runs=50]
import type { ArchitectureInput } from '../src/model/index.js';
import { parseArchitecture } from '../src/model/index.js';
import { cloudFormationFor } from '../src/mcp/tools/review/shared.js';
import { reviewArchitecture, reviewModel, reviewTemplate } from '../src/review/index.js';

const runs = Number(process.argv[2] ?? 50);
const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB RSS`;

/** Six slices of API -> function -> database, queue and bucket: 30 components, 30 connections. */
function design30(): ArchitectureInput {
  const components: Array<Record<string, unknown>> = [];
  const connections: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 6; i++) {
    components.push(
      { id: `api-${i}`, service: 'apigateway-rest', config: { authorizer: i % 2 ? 'iam' : 'none' } },
      { id: `fn-${i}`, service: 'lambda', config: { inVpc: true, timeoutSeconds: 20 + i * 5, architecture: i % 3 ? 'arm64' : 'x86_64' } },
      { id: `db-${i}`, service: 'aurora', config: { readers: i % 2 } },
      { id: `queue-${i}`, service: 'sqs', config: { visibilityTimeoutSeconds: 60 } },
      { id: `files-${i}`, service: 's3', config: { purpose: i % 2 ? 'logs' : 'general' } },
    );
    connections.push(
      { from: `api-${i}`, to: `fn-${i}`, kind: 'invoke' },
      { from: `fn-${i}`, to: `db-${i}`, kind: 'read-write' },
      { from: `fn-${i}`, to: `queue-${i}`, kind: 'publish' },
      { from: `queue-${i}`, to: `fn-${(i + 1) % 6}`, kind: 'trigger' },
      { from: `fn-${i}`, to: `files-${i}`, kind: 'write' },
    );
  }
  return {
    name: 'bench-30',
    environment: 'prod',
    dataClassification: 'pii',
    compliance: ['hipaa', 'pci-dss'],
    network: { azCount: 2, natGateways: 'single' },
    resilience: { availabilityTarget: 99.95, rpoMinutes: 15, rtoMinutes: 60, drStrategy: 'pilot-light', secondaryRegion: 'us-west-2' },
    components: components as never,
    connections: connections as never,
  };
}

/** Six slices of bucket, queue, table, role and function: 30 CloudFormation resources. */
function template30(): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < 6; i++) {
    resources[`Files${i}`] = { Type: 'AWS::S3::Bucket', Properties: i % 2 ? { VersioningConfiguration: { Status: 'Enabled' } } : {} };
    resources[`Queue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } };
    resources[`Table${i}`] = { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] } };
    resources[`Role${i}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'data', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: { 'Fn::GetAtt': [`Table${i}`, 'Arn'] } }, { Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }],
      },
    };
    resources[`Fn${i}`] = { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 60, Role: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] }, Code: { ZipFile: 'exports.handler = async () => {}' } } };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
}

function stats(xs: number[]): string {
  xs.sort((a, b) => a - b);
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return `median ${ms(q(0.5)).padStart(10)}  p95 ${ms(q(0.95)).padStart(10)}  min ${ms(xs[0]!).padStart(10)}`;
}

const parsed = parseArchitecture(design30());
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
const design = parsed.value;
const template = template30();
const packs = ['well-architected', 'aws-solutions', 'hipaa', 'pci-dss', 'nist-800-53-r5', 'serverless'] as const;

console.log(`review bench (node ${process.version}, ${runs} warm runs each)`);

const all = ['well-architected', 'anti-patterns', 'hipaa', 'pci-dss'] as const;
let t0 = performance.now();
const first = reviewModel(design, { frameworks: [...all] });
console.log(`model review, ${design.components.length} components, first call: ${ms(performance.now() - t0)} (${first.findings.length} findings from ${first.coverage.rulesEvaluated} rules)`);
const modelTimes: number[] = [];
for (let i = 0; i < runs * 4; i++) {
  t0 = performance.now();
  reviewModel(design, { frameworks: [...all] });
  modelTimes.push(performance.now() - t0);
}
console.log(`  model review warm (${runs * 4} runs):            ${stats(modelTimes)}   target <= 20 ms`);

t0 = performance.now();
const firstTemplate = await reviewTemplate(template, { frameworks: [...packs], name: 'bench.json' });
const cold = performance.now() - t0;
const resources = Object.keys(JSON.parse(template).Resources).length;
console.log(`template review, ${resources} resources, all five packs + model rules, first call (loads aws-cdk-lib and cdk-nag): ${ms(cold)}; ${firstTemplate.findings.length} findings; ${mb()}`);
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  t0 = performance.now();
  await reviewTemplate(template, { frameworks: [...packs], name: 'bench.json' });
  warm.push(performance.now() - t0);
}
console.log(`  template review warm (${runs} runs):             ${stats(warm)}   target <= 500 ms`);

// The design path of review_architecture: generate CloudFormation from the model, then the packs and the model rules.
const designRuns: number[] = [];
let designFindings = 0;
for (let i = 0; i < Math.max(5, runs / 5); i++) {
  t0 = performance.now();
  const r = await reviewArchitecture(design, { frameworks: ['well-architected', 'aws-solutions', 'hipaa', 'pci-dss'], cloudFormation: () => cloudFormationFor(design) });
  designRuns.push(performance.now() - t0);
  designFindings = r.findings.length;
}
console.log(`  design review incl. CloudFormation generation and 3 packs (${designRuns.length} runs): ${stats(designRuns)}   (${designFindings} findings)`);
console.log(`done; ${mb()}`);
