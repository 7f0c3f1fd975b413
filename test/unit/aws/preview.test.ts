import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ValidateTemplateCommand,
  type DescribeChangeSetCommandOutput,
  type DescribeStacksCommandOutput,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingCapabilities, previewChanges, type PreviewRequest } from '../../../src/aws/cfn/preview.js';
import { bodySource } from '../../../src/aws/cfn/template.js';
import { accessDenied, awsError, CHANGE_SET_ID, fakeClock, fixtureText, recorded, STACK_ID, stackMissing, testSession, throttling } from './support.js';

const cfn = mockClient(CloudFormationClient);
const template = bodySource(fixtureText('template.yaml'), 'template', 'inline');
const req = (over: Partial<PreviewRequest> = {}): PreviewRequest => ({
  stackName: 'orders-api',
  template,
  parameters: { Env: 'prod' },
  capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
  keep: false,
  timeoutMs: 300_000,
  ...over,
});
const pending: Partial<DescribeChangeSetCommandOutput> = { Status: 'CREATE_PENDING', ChangeSetId: CHANGE_SET_ID, StackId: STACK_ID, Changes: [] };
const deployed = recorded<DescribeStacksCommandOutput>('describe-stacks-orders-api');
const updateComplete: Partial<DescribeStacksCommandOutput> = { Stacks: [{ ...deployed.Stacks![0]!, StackStatus: 'UPDATE_COMPLETE' }] };
const stackIn = (StackStatus: Stack['StackStatus']): Partial<DescribeStacksCommandOutput> => ({ Stacks: [{ StackName: 'orders-api', StackId: STACK_ID, StackStatus, CreationTime: new Date() }] });

beforeEach(() => {
  cfn.reset();
  cfn.on(ValidateTemplateCommand).resolves(recorded('validate-template'));
  cfn.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfn.on(DeleteChangeSetCommand).resolves({});
});
afterEach(() => cfn.reset());

function pagesOfChanges() {
  cfn
    .on(DescribeChangeSetCommand)
    .resolvesOnce(pending)
    .resolvesOnce(recorded('describe-change-set-page1'))
    .resolves(recorded('describe-change-set-page2'));
}

describe('previewChanges', () => {
  it('previews an update of an existing stack: all pages, data-loss flags, deployed parameters kept, change set deleted', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    pagesOfChanges();
    const clock = fakeClock();
    const steps: string[] = [];
    const r = await previewChanges(testSession(), req(), { clock, onProgress: (_s, _t, m) => void steps.push(m) });

    expect(r.changeSetType).toBe('UPDATE');
    expect(r.status).toBe('changes');
    expect(r.kept).toBe(false);
    expect(r.summary.counts).toMatchObject({ total: 7, add: 2, modify: 4, remove: 1, replace: 2, dataLossLikely: 1, dataLossPossible: 1 });
    expect(r.summary.changes[0]).toMatchObject({ logicalId: 'OrdersTable', dataLoss: 'likely' });
    expect(r.previousParameters).toEqual(['AlarmEmail', 'DbPassword']);

    const create = cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input;
    expect(create).toMatchObject({ StackName: 'orders-api', ChangeSetType: 'UPDATE', Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'], TemplateBody: template.kind === 'body' ? template.body : '' });
    expect(create.ChangeSetName).toMatch(/^aba-preview-\d{14}-[0-9a-f]{6}$/);
    expect(create.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.Parameters).toEqual([
      { ParameterKey: 'Env', ParameterValue: 'prod' },
      { ParameterKey: 'AlarmEmail', UsePreviousValue: true },
      { ParameterKey: 'DbPassword', UsePreviousValue: true },
    ]);
    // Pending once, then the first page, then the second page through NextToken.
    const describes = cfn.commandCalls(DescribeChangeSetCommand).map((c) => c.args[0].input);
    expect(describes).toHaveLength(3);
    expect(describes[2]!.NextToken).toBe('AAEAAVc2ZmVlZjY4LTY1ZGEtNDBmNC1iYjFmLTEyMzQ1Njc4OTBhYgo=');
    expect(cfn.commandCalls(DeleteChangeSetCommand).map((c) => c.args[0].input)).toEqual([{ ChangeSetName: CHANGE_SET_ID }]);
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0);
    expect(clock.slept).toEqual([1500]);
    expect(steps[0]).toContain('validating');
  });

  it('previews a new stack as CREATE and removes the empty placeholder stack afterwards', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'orders-api' }).rejects(stackMissing('orders-api'));
    cfn.on(DescribeStacksCommand, { StackName: STACK_ID }).resolves(stackIn('REVIEW_IN_PROGRESS'));
    cfn.on(DeleteStackCommand).resolves({});
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    const r = await previewChanges(testSession(), req({ parameters: { Env: 'dev', AlarmEmail: 'a@example.com', DbPassword: 'x' } }), { clock: fakeClock() });
    expect(r.changeSetType).toBe('CREATE');
    expect(r.previousParameters).toEqual([]);
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input.ChangeSetType).toBe('CREATE');
    expect(cfn.commandCalls(DeleteStackCommand).map((c) => c.args[0].input)).toEqual([{ StackName: STACK_ID }]);
  });

  it('uses CREATE for a stack waiting in REVIEW_IN_PROGRESS but never deletes a stack it did not create', async () => {
    cfn.on(DescribeStacksCommand).resolves(stackIn('REVIEW_IN_PROGRESS'));
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    const r = await previewChanges(testSession(), req(), { clock: fakeClock() });
    expect(r.changeSetType).toBe('CREATE');
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('turns the failed "didn\'t contain changes" change set into a clean no-changes result and deletes it', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-no-changes'));
    const r = await previewChanges(testSession(), req({ keep: true }), { clock: fakeClock() });
    expect(r.status).toBe('no-changes');
    expect(r.kept).toBe(false);
    expect(r.summary.counts.total).toBe(0);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('reports any other failed change set with its reason and still cleans up', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'FAILED' as const, StatusReason: 'Template error: instance of Fn::GetAtt references undefined resource OrdersTabel' });
    await expect(previewChanges(testSession(), req(), { clock: fakeClock() })).rejects.toMatchObject({
      field: 'template',
      message: 'CloudFormation could not create the change set: Template error: instance of Fn::GetAtt references undefined resource OrdersTabel',
    });
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('keeps the change set when asked, warning that a new stack waits in review', async () => {
    cfn.on(DescribeStacksCommand).rejects(stackMissing('orders-api'));
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    const r = await previewChanges(testSession(), req({ keep: true, parameters: { AlarmEmail: 'a@example.com', DbPassword: 'x' } }), { clock: fakeClock() });
    expect(r.kept).toBe(true);
    expect(r.changeSetId).toBe(CHANGE_SET_ID);
    expect(r.warnings.join(' ')).toContain('REVIEW_IN_PROGRESS');
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(0);
  });

  it('keeps polling through throttling: ThrottlingException twice, then the change set', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn
      .on(DescribeChangeSetCommand)
      .rejectsOnce(throttling())
      .rejectsOnce(throttling())
      .resolves(recorded('describe-change-set-page2'));
    const clock = fakeClock();
    const r = await previewChanges(testSession(), req(), { clock });
    expect(r.summary.counts.total).toBe(4);
    expect(clock.slept).toEqual([3000, 6000]);
  });

  it('refuses before creating anything when the template needs a capability not given', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    await expect(previewChanges(testSession(), req({ capabilities: [] }))).rejects.toMatchObject({
      field: 'capabilities',
      message: 'the template needs CAPABILITY_IAM (The following resource(s) require capabilities: [AWS::IAM::Role])',
    });
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('counts CAPABILITY_NAMED_IAM as covering CAPABILITY_IAM, as AWS does', () => {
    expect(missingCapabilities(['CAPABILITY_IAM'], ['CAPABILITY_NAMED_IAM'])).toEqual([]);
    expect(missingCapabilities(['CAPABILITY_NAMED_IAM'], ['CAPABILITY_IAM'])).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(missingCapabilities(['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'], [])).toEqual(['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND']);
  });

  it('refuses a parameter the template does not declare, naming the declared ones', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    await expect(previewChanges(testSession(), req({ parameters: { Environment: 'prod' } }))).rejects.toMatchObject({
      field: 'parameters.Environment',
      fix: 'Declared parameters: Env, AlarmEmail, DbPassword.',
    });
  });

  it('refuses a template AWS rejects, with its message', async () => {
    cfn.on(ValidateTemplateCommand).rejects(awsError('ValidationError', 'Template format error: Unresolved resource dependencies [OrdersTabel] in the Resources block of the template'));
    await expect(previewChanges(testSession(), req())).rejects.toMatchObject({
      field: 'template',
      message: 'CloudFormation rejected the template: Template format error: Unresolved resource dependencies [OrdersTabel] in the Resources block of the template',
    });
  });

  it('goes on without ValidateTemplate when a change-set-only role may not call it, saying what that costs', async () => {
    cfn.on(ValidateTemplateCommand).rejects(accessDenied('cloudformation:ValidateTemplate'));
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    const r = await previewChanges(testSession(), req(), { clock: fakeClock() });
    expect(r.status).toBe('changes');
    expect(r.previousParameters).toEqual([]);
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input.Parameters).toEqual([{ ParameterKey: 'Env', ParameterValue: 'prod' }]);
    expect(r.warnings[0]).toContain('cloudformation:ValidateTemplate is not allowed');
  });

  it('explains a stack that can only be deleted', async () => {
    cfn.on(DescribeStacksCommand).resolves(stackIn('ROLLBACK_COMPLETE'));
    await expect(previewChanges(testSession(), req())).rejects.toMatchObject({ field: 'stackName', message: expect.stringContaining('ROLLBACK_COMPLETE: its creation failed') });
  });

  it('names the missing permission when CreateChangeSet is denied', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(CreateChangeSetCommand).rejects(accessDenied('cloudformation:CreateChangeSet'));
    await expect(previewChanges(testSession(), req())).rejects.toMatchObject({ field: 'permissions', detail: { action: 'cloudformation:CreateChangeSet' } });
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(0);
  });

  it('times out with a way forward, and deletes the unfinished change set', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(DescribeChangeSetCommand).resolves(pending);
    await expect(previewChanges(testSession(), req({ timeoutMs: 30_000 }), { clock: fakeClock() })).rejects.toMatchObject({ field: 'timeoutSeconds' });
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('still deletes the change set when the client cancels the wait', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    const ac = new AbortController();
    cfn.on(DescribeChangeSetCommand).callsFake(async () => {
      ac.abort();
      return pending;
    });
    await expect(previewChanges(testSession(), req(), { clock: fakeClock(), signal: ac.signal })).rejects.toThrow(/cancelled/);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('reports a change set it could not delete as a warning rather than failing the preview', async () => {
    cfn.on(DescribeStacksCommand).resolves(updateComplete);
    cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page2'));
    cfn.on(DeleteChangeSetCommand).rejects(accessDenied('cloudformation:DeleteChangeSet'));
    const r = await previewChanges(testSession(), req(), { clock: fakeClock() });
    expect(r.warnings.join(' ')).toMatch(/Could not delete change set .*delete it in the console/);
  });
});
