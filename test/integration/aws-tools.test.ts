import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  ValidateTemplateCommand,
  type DescribeStacksCommandOutput,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, type Connected } from '../helpers/client.js';
import { rawArchitectureFixture } from '../helpers/fixtures.js';
import { accessDenied, awsError, CHANGE_SET_ID, fixtureText, recorded, STACK_ID } from '../unit/aws/support.js';

// The server builds its clients from the default credential chain; here the chain is replaced, so no test reads
// ~/.aws, the environment, or the instance metadata service, and aws-sdk-client-mock answers every call.
const creds = vi.hoisted(() => ({
  provider: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }) as { accessKeyId: string; secretAccessKey: string },
  profiles: [] as Array<string | undefined>,
}));
vi.mock('@aws-sdk/credential-providers', () => ({
  fromNodeProviderChain: (init: { profile?: string } = {}) => {
    creds.profiles.push(init.profile);
    return () => creds.provider();
  },
}));

const cfn = mockClient(CloudFormationClient);
const live = { livePricing: false, liveTools: true, allowWrites: false, priceCacheTtlHours: 24 };
const template = fixtureText('template.yaml');

function saveDesign(c: Connected, name: string, withTemplate: boolean): void {
  const dir = join(c.config.projectDir!, '.ai/architecture', name);
  mkdirSync(join(dir, 'iac/cloudformation'), { recursive: true });
  writeFileSync(join(dir, 'architecture.json'), JSON.stringify(rawArchitectureFixture('ecommerce-api')));
  if (withTemplate) writeFileSync(join(dir, 'iac/cloudformation/template.yaml'), template);
}

beforeEach(() => {
  cfn.reset();
  creds.provider = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
});
afterEach(() => cfn.reset());

describe('aws tools: registration', () => {
  const names = async (c: Connected) => (await c.client.listTools()).tools.map((t) => t.name);

  it('are absent unless the server was started with --aws-live, and the other tools are the same either way', async () => {
    const off = await connect();
    const on = await connect({ aws: { ...live } });
    try {
      const offNames = await names(off);
      const onNames = await names(on);
      expect(offNames.filter((n) => n.startsWith('cfn_'))).toEqual([]);
      expect(onNames.filter((n) => n.startsWith('cfn_')).sort()).toEqual(['cfn_detect_drift', 'cfn_preview_changes', 'cfn_stack_status', 'cfn_validate_remote']);
      expect(onNames.filter((n) => !n.startsWith('cfn_'))).toEqual(offNames);
      expect(await off.err('cfn_stack_status', { stackName: 'orders-api', region: 'eu-west-1' })).toContain("Unknown tool 'cfn_stack_status'");
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('add the deploy tool only with --allow-writes, and mark each tool truthfully', async () => {
    const c = await connect({ aws: { ...live, allowWrites: true } });
    try {
      const tools = new Map((await c.client.listTools()).tools.map((t) => [t.name, t]));
      expect(tools.has('cfn_execute_change_set')).toBe(true);
      for (const name of ['cfn_validate_remote', 'cfn_stack_status', 'cfn_detect_drift']) {
        expect(tools.get(name)!.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
      }
      expect(tools.get('cfn_preview_changes')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
      expect(tools.get('cfn_preview_changes')!.description).toContain('create and delete a change set');
      expect(tools.get('cfn_execute_change_set')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
      for (const t of tools.values()) {
        if (!t.name.startsWith('cfn_')) continue;
        for (const [field, schema] of Object.entries(t.inputSchema.properties ?? {})) {
          expect((schema as { description?: string }).description, `${t.name}.${field}`).toBeTruthy();
        }
      }
    } finally {
      await c.close();
    }
  });
});

describe('aws tools: without credentials', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ aws: { ...live, region: 'eu-west-1' } });
  });
  afterAll(async () => c.close());

  it('answer "not configured" with what to do, without calling AWS', async () => {
    creds.provider = async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false });
    };
    const calls: Array<[string, Record<string, unknown>]> = [
      ['cfn_validate_remote', { template }],
      ['cfn_preview_changes', { stackName: 'orders-api', template }],
      ['cfn_stack_status', { stackName: 'orders-api' }],
      ['cfn_detect_drift', { stackName: 'orders-api' }],
    ];
    for (const [tool, args] of calls) {
      const text = await c.err(tool, args);
      expect(text, tool).toContain('AWS is not configured');
      expect(text, tool).toContain('aws configure');
      expect(text, tool).toContain('aws sso login');
    }
    expect(cfn.calls()).toHaveLength(0);
    // The rest of the server is unaffected.
    expect((await c.client.listTools()).tools.length).toBeGreaterThan(4);
  });

  it('work again as soon as credentials resolve, without a restart', async () => {
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    const r = await c.ok<{ status: string }>('cfn_stack_status', { stackName: 'orders-api' });
    expect(r.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  });

  it('report an expired SSO login as such', async () => {
    creds.provider = async () => {
      throw Object.assign(new Error("The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), { name: 'CredentialsProviderError' });
    };
    expect(await c.err('cfn_stack_status', { stackName: 'orders-api' })).toContain('SSO session');
  });
});

describe('aws tools: read-only calls', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ aws: { ...live, profile: 'dev' } });
    saveDesign(c, 'shop', true);
    saveDesign(c, 'shop-no-iac', false);
  });
  afterAll(async () => c.close());

  it('use the configured profile for the credential chain', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    await c.ok('cfn_validate_remote', { template, region: 'eu-west-1' });
    expect(creds.profiles).toContain('dev');
  });

  it('cfn_validate_remote: reports what the template declares', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    const r = await c.ok<{ valid: boolean; parameters: Array<{ key: string }>; capabilities: string[]; bytes: number }>('cfn_validate_remote', { template, region: 'eu-west-1' });
    expect(r.valid).toBe(true);
    expect(r.parameters.map((p) => p.key)).toEqual(['Env', 'AlarmEmail', 'DbPassword']);
    expect(r.capabilities).toEqual(['CAPABILITY_IAM']);
    expect(r.bytes).toBe(Buffer.byteLength(template));
    const call = await c.call('cfn_validate_remote', { template, region: 'eu-west-1' });
    expect((call.content[0] as { text: string }).text).toContain('Parameters: Env (default "dev"), AlarmEmail (required), DbPassword (required)');
  });

  it('cfn_validate_remote: an invalid template is an answer, not an error', async () => {
    cfn.on(ValidateTemplateCommand).rejects(awsError('ValidationError', 'Template format error: YAML not well-formed. (line 3, column 5)'));
    const r = await c.ok<{ valid: boolean; error: string }>('cfn_validate_remote', { template: 'Resources:\n  - x: [', region: 'eu-west-1' });
    expect(r).toMatchObject({ valid: false, error: 'Template format error: YAML not well-formed. (line 3, column 5)' });
  });

  it('cfn_validate_remote: reads a project file, or the template generate_iac wrote for a design (and its region)', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    mkdirSync(join(c.config.projectDir!, 'infra'), { recursive: true });
    writeFileSync(join(c.config.projectDir!, 'infra/template.yaml'), template);
    expect(await c.ok('cfn_validate_remote', { path: 'infra/template.yaml', region: 'us-east-1' })).toMatchObject({ source: 'infra/template.yaml', region: 'us-east-1' });
    expect(await c.ok('cfn_validate_remote', { design: 'shop' })).toMatchObject({ source: 'shop/iac/cloudformation/template.yaml', region: 'eu-west-1' });
    const sent = cfn.commandCalls(ValidateTemplateCommand).map((x) => x.args[0].input.TemplateBody);
    expect(sent.every((b) => b === template)).toBe(true);
  });

  it('cfn_validate_remote: clear errors for bad template sources', async () => {
    expect(await c.err('cfn_validate_remote', { region: 'eu-west-1' })).toContain('template: no template given');
    expect(await c.err('cfn_validate_remote', { template, path: 'x.yaml', region: 'eu-west-1' })).toContain('give only one of template, path, templateUrl or design');
    expect(await c.err('cfn_validate_remote', { path: '../etc/passwd', region: 'eu-west-1' })).toContain("path: '../etc/passwd' climbs out of the root");
    expect(await c.err('cfn_validate_remote', { path: 'missing.yaml', region: 'eu-west-1' })).toContain("path: no file 'missing.yaml'");
    expect(await c.err('cfn_validate_remote', { design: 'shop-no-iac' })).toContain('Run generate_iac with design "shop-no-iac" and format "cloudformation" first');
    expect(await c.err('cfn_validate_remote', { design: 'nope' })).toContain("no saved design 'nope'");
    const big = `Resources:\n${'  # padding\n'.repeat(6000)}`;
    const tooBig = await c.err('cfn_validate_remote', { template: big, region: 'eu-west-1' });
    expect(tooBig).toContain('CloudFormation accepts at most 51,200 bytes inline');
    expect(tooBig).toContain('templateUrl');
    expect(await c.err('cfn_validate_remote', { templateUrl: 's3://my-bucket/t.yaml', region: 'eu-west-1' })).toContain('https://my-bucket.s3.amazonaws.com/t.yaml');
    expect(cfn.commandCalls(ValidateTemplateCommand)).toHaveLength(0);
  });

  it('ask for a region when none is given or configured, and refuse a wrong one', async () => {
    expect(await c.err('cfn_stack_status', { stackName: 'orders-api' })).toContain('region: no AWS region given');
    expect(await c.err('cfn_stack_status', { stackName: 'orders-api', region: 'eu-wset-1' })).toContain("did you mean 'eu-west-1'");
  });

  it('cfn_stack_status: status, outputs and paginated events with the root cause first', async () => {
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(DescribeStackEventsCommand).resolvesOnce(recorded('describe-stack-events-page1')).resolvesOnce(recorded('describe-stack-events-page2'));
    const call = await c.call('cfn_stack_status', { stackName: 'orders-api', design: 'shop' });
    expect(call.isError).toBeFalsy();
    const r = call.structuredContent as { region: string; health: string; events: Array<{ failed: boolean }>; rootCause: { logicalId: string } };
    expect(r.region).toBe('eu-west-1');
    expect(r.health).toBe('rolled-back');
    expect(r.events).toHaveLength(9);
    expect(r.events[0]!.failed).toBe(true);
    expect(r.rootCause.logicalId).toBe('OrdersTable');
    const text = (call.content[0] as { text: string }).text;
    expect(text).toContain('Stack orders-api (eu-west-1): UPDATE_ROLLBACK_COMPLETE (rolled-back)');
    expect(text).toContain('Root cause: OrdersTable (AWS::DynamoDB::Table) UPDATE_FAILED');
    expect(text.length).toBeLessThan(2500);
  });

  it('cfn_stack_status: names the missing permission', async () => {
    cfn.on(DescribeStacksCommand).rejects(accessDenied('cloudformation:DescribeStacks'));
    const text = await c.err('cfn_stack_status', { stackName: 'orders-api', region: 'eu-west-1' });
    expect(text).toContain('permissions: access denied: arn:aws:iam::123456789012:user/dev may not call cloudformation:DescribeStacks in eu-west-1');
    expect(text).toContain("(profile 'dev')");
  });

  it('explain an expired session token and a disabled opt-in region', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired', { status: 403 }));
    expect(await c.err('cfn_stack_status', { stackName: 'orders-api', region: 'eu-west-1' })).toContain("credentials: the AWS session token from profile 'dev' has expired. Log in again (`aws sso login --profile dev`");
    cfn.on(DescribeStacksCommand).rejects(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 }));
    expect(await c.err('cfn_detect_drift', { stackName: 'orders-api', region: 'af-south-1' })).toContain('af-south-1, which is an opt-in region that is probably not enabled for this account');
  });

  it('cfn_detect_drift: drifted resources with their differences', async () => {
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'b78ac9b0-f8e6-11ef-a5a6-0a8e1f2b3c4d' });
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(recorded('describe-stack-drift-detection-status'));
    cfn.on(DescribeStackResourceDriftsCommand).resolvesOnce(recorded('describe-stack-resource-drifts-page1')).resolvesOnce(recorded('describe-stack-resource-drifts-page2'));
    const call = await c.call('cfn_detect_drift', { stackName: 'orders-api', region: 'eu-west-1' });
    const r = call.structuredContent as { stackDriftStatus: string; resources: Array<{ logicalId: string }>; counts: { modified: number } };
    expect(r.stackDriftStatus).toBe('DRIFTED');
    expect(r.counts.modified).toBe(2);
    expect(r.resources.map((x) => x.logicalId)).toEqual(['OrdersAlarmTopic', 'OrdersFunction', 'OrdersTable']);
    expect((call.content[0] as { text: string }).text).toContain('/BillingMode PAY_PER_REQUEST -> PROVISIONED');
  });

  it('cfn_preview_changes: summary with data-loss warnings; the change set is deleted; no token without --allow-writes', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfn.on(DescribeChangeSetCommand).resolvesOnce(recorded('describe-change-set-page1')).resolves(recorded('describe-change-set-page2'));
    cfn.on(DeleteChangeSetCommand).resolves({});
    // UPDATE_ROLLBACK_COMPLETE stacks can be updated again.
    const call = await c.call('cfn_preview_changes', { stackName: 'orders-api', design: 'shop', parameters: { Env: 'prod' }, keep: true });
    expect(call.isError).toBeFalsy();
    const r = call.structuredContent as { changeSetType: string; counts: { total: number; dataLossLikely: number }; kept: boolean; token?: string; changes: Array<{ logicalId: string }> };
    expect(r.changeSetType).toBe('UPDATE');
    expect(r.counts).toMatchObject({ total: 7, dataLossLikely: 1 });
    expect(r.changes[0]!.logicalId).toBe('OrdersTable');
    expect(r.kept).toBe(true);
    expect(r.token).toBeUndefined();
    const text = (call.content[0] as { text: string }).text;
    expect(text).toContain('Update of stack orders-api (eu-west-1): 2 to add, 4 to modify (2 replacements, 1 conditional), 1 to remove.');
    expect(text).toContain('- Modify OrdersTable (AWS::DynamoDB::Table) [REPLACED] props: KeySchema, AttributeDefinitions DATA LOSS: Replacing it deletes every item in the table');
    expect(text).toContain('started without --allow-writes');
  });

  it('cfn_preview_changes: "no changes" is a clean result', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-no-changes'));
    cfn.on(DeleteChangeSetCommand).resolves({});
    const call = await c.call('cfn_preview_changes', { stackName: 'orders-api', template, region: 'eu-west-1' });
    expect(call.structuredContent).toMatchObject({ status: 'no-changes', kept: false });
    expect((call.content[0] as { text: string }).text).toMatch(/^No changes: stack orders-api \(eu-west-1\) already matches/);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('cfn_preview_changes: bad arguments name the field', async () => {
    expect(await c.err('cfn_preview_changes', { stackName: '1-bad name', template, region: 'eu-west-1' })).toContain('stackName: must be a stack name');
    expect(await c.err('cfn_preview_changes', { stackName: 'orders-api', template, region: 'eu-west-1', capabilities: ['CAPABILITY_ADMIN'] })).toContain('capabilities[0]');
    expect(await c.err('cfn_preview_changes', { stackName: 'orders-api', template, region: 'eu-west-1', roleArn: 'deployer' })).toContain('roleArn: must be an IAM role ARN');
  });
});

describe('aws tools: previews and deploys with --allow-writes', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ aws: { ...live, allowWrites: true, region: 'eu-west-1' } });
  });
  afterAll(async () => c.close());

  async function previewKept(stackName = 'orders-api'): Promise<string> {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    const r = await c.ok<{ token: string; kept: boolean }>('cfn_preview_changes', { stackName, template, keep: true });
    expect(r.kept).toBe(true);
    expect(r.token).toMatch(/^cfnp_/);
    return r.token;
  }

  it('returns a token only for a kept change set', async () => {
    cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
    cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
    cfn.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    cfn.on(DeleteChangeSetCommand).resolves({});
    const r = await c.ok<{ token?: string; kept: boolean }>('cfn_preview_changes', { stackName: 'orders-api', template });
    expect(r).toMatchObject({ kept: false });
    expect(r.token).toBeUndefined();
  });

  it('refuses to execute without a token, with a made-up one, or for another stack, and calls nothing in AWS', async () => {
    expect(await c.err('cfn_execute_change_set', { stackName: 'orders-api' })).toContain('token');
    expect(await c.err('cfn_execute_change_set', { stackName: 'orders-api', token: 'please' })).toContain('token: this is not a preview token');
    expect(await c.err('cfn_execute_change_set', { stackName: 'orders-api', token: 'cfnp_0123456789abcdefghijklmnopqrstuv' })).toContain('token: unknown or expired preview token');
    const token = await previewKept();
    cfn.reset();
    expect(await c.err('cfn_execute_change_set', { stackName: 'billing-api', token })).toContain("stackName: the token was issued for stack 'orders-api', not 'billing-api'");
    expect(cfn.calls()).toHaveLength(0);
  });

  it('refuses an expired token', async () => {
    const token = await previewKept();
    cfn.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31 * 60_000);
      expect(await c.err('cfn_execute_change_set', { stackName: 'orders-api', token })).toContain('token: unknown or expired preview token');
    } finally {
      vi.useRealTimers();
    }
    expect(cfn.calls()).toHaveLength(0);
  });

  it('executes the previewed change set once, reporting progress and the outcome', async () => {
    const token = await previewKept();
    cfn.reset();
    const marker = recorded<{ StackEvents: StackEvent[] }>('describe-stack-events-page1').StackEvents.slice(0, 1);
    const done: StackEvent = { StackId: STACK_ID, StackName: 'orders-api', EventId: 'e-done', LogicalResourceId: 'orders-api', PhysicalResourceId: STACK_ID, ResourceType: 'AWS::CloudFormation::Stack', Timestamp: new Date(), ResourceStatus: 'UPDATE_COMPLETE' };
    const q: StackEvent = { ...done, EventId: 'e-q', LogicalResourceId: 'OrdersDeadLetterQueue', PhysicalResourceId: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q', ResourceType: 'AWS::SQS::Queue', ResourceStatus: 'CREATE_COMPLETE' };
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page1'));
    cfn.on(DescribeStackEventsCommand).resolvesOnce({ StackEvents: marker }).resolves({ StackEvents: [done, q, ...marker] });
    const stack = recorded<DescribeStacksCommandOutput>('describe-stacks-orders-api').Stacks![0]!;
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ ...stack, StackStatus: 'UPDATE_COMPLETE' }] });
    const { ExecuteChangeSetCommand } = await import('@aws-sdk/client-cloudformation');
    cfn.on(ExecuteChangeSetCommand).resolves({});

    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const res = await c.client.callTool({ name: 'cfn_execute_change_set', arguments: { stackName: 'orders-api', token } }, undefined, { onprogress: (p) => void progress.push(p) });
    expect(res.isError).toBeFalsy();
    expect(res.structuredContent).toMatchObject({ outcome: 'succeeded', status: 'UPDATE_COMPLETE', resourcesTotal: 4 });
    expect((res.content as Array<{ text: string }>)[0]!.text).toContain('Deployed orders-api (eu-west-1): UPDATE_COMPLETE');
    expect(cfn.commandCalls(ExecuteChangeSetCommand).map((x) => x.args[0].input.ChangeSetName)).toEqual([CHANGE_SET_ID]);
    expect(progress.at(-1)?.message).toContain('UPDATE_COMPLETE');

    // The token is spent.
    expect(await c.err('cfn_execute_change_set', { stackName: 'orders-api', token })).toContain('already used');
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('executes once when two calls race with the same token', async () => {
    const token = await previewKept();
    cfn.reset();
    const { ExecuteChangeSetCommand } = await import('@aws-sdk/client-cloudformation');
    const stack = recorded<DescribeStacksCommandOutput>('describe-stacks-orders-api').Stacks![0]!;
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page1'));
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ ...stack, StackStatus: 'UPDATE_COMPLETE' }] });
    cfn.on(ExecuteChangeSetCommand).resolves({});
    const results = await Promise.all([0, 1].map(() => c.call('cfn_execute_change_set', { stackName: 'orders-api', token })));
    expect(results.filter((r) => !r.isError)).toHaveLength(1);
    expect((results.find((r) => r.isError)!.content[0] as { text: string }).text).toContain('already used');
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });
});
