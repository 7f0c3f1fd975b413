// Live CloudFormation tools: what they cost besides AWS's own latency.
//  1. cold import of the SDK + our live code, paid once by the first cfn_* call (child processes);
//  2. summarising change sets of growing size;
//  3. a full preview and a stack status against aws-sdk-client-mock (our overhead per call, no network);
//  4. preview tokens issued and redeemed.
// Usage: node bench/run.mjs aws [runs=15]
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ValidateTemplateCommand,
  type Change,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { spawnSync } from 'node:child_process';
import { summarizeChanges } from '../src/aws/cfn/changes.js';
import { previewChanges } from '../src/aws/cfn/preview.js';
import { stackStatus } from '../src/aws/cfn/stacks.js';
import { bodySource } from '../src/aws/cfn/template.js';
import { PreviewTokenStore } from '../src/aws/cfn/tokens.js';
import { createCfnSession } from '../src/aws/session.js';

const runs = Number(process.argv[2] ?? 15);
const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/5b3c2a10-8d2e-11ef-9a4b-0a1b2c3d4e5f';
const CS_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/aba-preview/0d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a';

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms   p95 ${q(0.95).toFixed(3)} ms   (min ${s[0]!.toFixed(3)}, max ${s.at(-1)!.toFixed(3)}, n=${s.length})`;
}

async function time(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const types = ['AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::IAM::Role', 'AWS::S3::Bucket', 'AWS::SQS::Queue', 'AWS::RDS::DBInstance'];
const actions = ['Add', 'Modify', 'Remove'] as const;
function changes(n: number): Change[] {
  return Array.from({ length: n }, (_, i) => ({
    Type: 'Resource',
    ResourceChange: {
      Action: actions[i % 3],
      LogicalResourceId: `Resource${i}`,
      PhysicalResourceId: `phys-${i}`,
      ResourceType: types[i % types.length],
      Replacement: i % 3 === 1 ? (i % 2 ? 'True' : 'False') : undefined,
      Scope: ['Properties'],
      Details: [{ Target: { Attribute: 'Properties', Name: 'Prop', RequiresRecreation: 'Always' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }],
    },
  })) as Change[];
}

console.log(`aws live tools benchmark (node ${process.version}, ${runs} runs per figure)`);

// 1. Cold import in a fresh process, as the first cfn_* call of a server experiences it.
const script = `const t=performance.now();await import('@aws-sdk/client-cloudformation');await import('@aws-sdk/credential-providers');process.stdout.write(String(performance.now()-t));`;
const cold: number[] = [];
spawnSync(process.execPath, ['--input-type=module', '-e', script]); // warm the file cache
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  cold.push(Number(r.stdout));
}
console.log(`  first-call import of @aws-sdk/client-cloudformation + credential-providers: ${stats(cold)}`);

// 2. Change-set summaries.
for (const n of [50, 500, 2500]) {
  const cs = changes(n);
  summarizeChanges(cs);
  console.log(`  summarizeChanges(${String(n).padStart(4)} changes): ${stats(await time(runs * 4, () => summarizeChanges(cs)))}`);
}

// 3. Whole operations against a mocked client: our code's cost per call, with 3 pages of 100 changes.
const cfn = mockClient(CloudFormationClient);
const all = changes(300);
cfn.on(ValidateTemplateCommand).resolves({ Parameters: [{ ParameterKey: 'Env', DefaultValue: 'dev' }], Capabilities: ['CAPABILITY_IAM'] });
cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'orders-api', StackId: STACK_ID, StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] }] });
cfn.on(CreateChangeSetCommand).resolves({ Id: CS_ID, StackId: STACK_ID });
cfn.on(DescribeChangeSetCommand).callsFake(async (input: { NextToken?: string }) => {
  const page = input.NextToken ? Number(input.NextToken) : 0;
  return { Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE', ChangeSetId: CS_ID, StackId: STACK_ID, Changes: all.slice(page * 100, page * 100 + 100), ...(page < 2 ? { NextToken: String(page + 1) } : {}) };
});
cfn.on(DeleteChangeSetCommand).resolves({});
const events: StackEvent[] = Array.from({ length: 500 }, (_, i) => ({ StackId: STACK_ID, StackName: 'orders-api', EventId: `e${i}`, LogicalResourceId: `R${i % 40}`, ResourceType: types[i % types.length], Timestamp: new Date(Date.now() - i * 1000), ResourceStatus: i % 17 === 0 ? 'UPDATE_FAILED' : 'UPDATE_COMPLETE' }));
cfn.on(DescribeStackEventsCommand).callsFake(async (input: { NextToken?: string }) => {
  const page = input.NextToken ? Number(input.NextToken) : 0;
  return { StackEvents: events.slice(page * 100, page * 100 + 100), ...(page < 4 ? { NextToken: String(page + 1) } : {}) };
});
const session = createCfnSession({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }) });
const template = bodySource('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'template', 'inline');
const preview = () => previewChanges(session, { stackName: 'orders-api', template, capabilities: ['CAPABILITY_IAM'], keep: false, timeoutMs: 60_000 });
await preview();
console.log(`  previewChanges (300 changes over 3 pages, mocked AWS): ${stats(await time(runs * 4, preview))}`);
const status = () => stackStatus(session, 'orders-api', 500);
await status();
console.log(`  stackStatus (500 events over 5 pages, mocked AWS):     ${stats(await time(runs * 4, status))}`);
cfn.restore();

// 4. Tokens.
const store = new PreviewTokenStore();
const grant = { stackName: 'orders-api', stackId: STACK_ID, changeSetId: CS_ID, changeSetName: 'aba-preview', region: 'eu-west-1', profile: undefined, changeCount: 3 };
const tokenTimes = await time(runs * 100, () => {
  const { token } = store.issue(grant);
  store.redeem(token, 'orders-api');
});
console.log(`  preview token issue + redeem: ${stats(tokenTimes)}`);
