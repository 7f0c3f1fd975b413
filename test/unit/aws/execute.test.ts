import {
  CloudFormationClient,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  type DescribeStacksCommandOutput,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeChangeSet } from '../../../src/aws/cfn/execute.js';
import type { PreviewGrant } from '../../../src/aws/cfn/tokens.js';
import { accessDenied, awsError, CHANGE_SET_ID, fakeClock, recorded, STACK_ID, testSession, throttling } from './support.js';

const cfn = mockClient(CloudFormationClient);
const grant: PreviewGrant = {
  stackName: 'orders-api',
  stackId: STACK_ID,
  changeSetId: CHANGE_SET_ID,
  changeSetName: 'aba-preview-20250304101200-a1b2c3',
  region: 'eu-west-1',
  profile: undefined,
  changeCount: 2,
  issuedAt: 0,
  expiresAt: Number.MAX_SAFE_INTEGER,
};

let seq = 0;
const ev = (logicalId: string, status: string, reason?: string, type = 'AWS::Lambda::Function'): StackEvent => ({
  StackId: STACK_ID,
  StackName: 'orders-api',
  EventId: `${logicalId}-${status}-${++seq}`,
  LogicalResourceId: logicalId,
  PhysicalResourceId: logicalId === 'orders-api' ? STACK_ID : `${logicalId}-phys`,
  ResourceType: logicalId === 'orders-api' ? 'AWS::CloudFormation::Stack' : type,
  Timestamp: new Date(Date.parse('2025-03-04T10:20:00Z') + seq * 1000),
  ResourceStatus: status as StackEvent['ResourceStatus'],
  ...(reason ? { ResourceStatusReason: reason } : {}),
});
const stackIn = (StackStatus: Stack['StackStatus']): Partial<DescribeStacksCommandOutput> => ({
  Stacks: [{ ...recorded<DescribeStacksCommandOutput>('describe-stacks-orders-api').Stacks![0]!, StackStatus }],
});
const oldEvent = ev('orders-api', 'UPDATE_COMPLETE');

beforeEach(() => {
  cfn.reset();
  seq = 0;
  cfn.on(DescribeChangeSetCommand).resolves(recorded('describe-change-set-page1'));
  cfn.on(ExecuteChangeSetCommand).resolves({});
});
afterEach(() => cfn.reset());

describe('executeChangeSet', () => {
  it('spends the token, executes, follows the events to UPDATE_COMPLETE with progress, and returns the outputs', async () => {
    const start = ev('orders-api', 'UPDATE_IN_PROGRESS', 'User Initiated');
    const fnStart = ev('OrdersFunction', 'UPDATE_IN_PROGRESS');
    const fnDone = ev('OrdersFunction', 'UPDATE_COMPLETE');
    const qDone = ev('OrdersDeadLetterQueue', 'CREATE_COMPLETE', undefined, 'AWS::SQS::Queue');
    const end = ev('orders-api', 'UPDATE_COMPLETE');
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [oldEvent] })
      .resolvesOnce({ StackEvents: [fnStart, start, oldEvent] })
      .resolvesOnce({ StackEvents: [end, qDone, fnDone, fnStart, start, oldEvent] });
    cfn.on(DescribeStacksCommand).resolvesOnce(stackIn('UPDATE_IN_PROGRESS')).resolves(stackIn('UPDATE_COMPLETE'));

    const order: string[] = [];
    cfn.on(ExecuteChangeSetCommand).callsFake(async () => (order.push('execute'), {}));
    const progress: Array<[number, number, string]> = [];
    const r = await executeChangeSet(testSession(), grant, {
      waitMs: 600_000,
      clock: fakeClock(),
      beforeExecute: () => order.push('spend token'),
      onProgress: (d, t, m) => void progress.push([d, t, m]),
    });

    expect(order).toEqual(['spend token', 'execute']);
    const exec = cfn.commandCalls(ExecuteChangeSetCommand)[0]!.args[0].input;
    expect(exec.ChangeSetName).toBe(CHANGE_SET_ID);
    expect(exec.ClientRequestToken).toMatch(/^aba-exec-[0-9a-f-]{36}$/);
    expect(r).toMatchObject({ outcome: 'succeeded', status: 'UPDATE_COMPLETE', resourcesDone: 2, resourcesTotal: 2, failures: [] });
    expect(r.outputs.map((o) => o.key)).toEqual(['ApiUrl', 'OrdersTableName']);
    expect(r.events.map((e) => `${e.logicalId} ${e.status}`)).toEqual([
      'orders-api UPDATE_COMPLETE',
      'OrdersDeadLetterQueue CREATE_COMPLETE',
      'OrdersFunction UPDATE_COMPLETE',
      'OrdersFunction UPDATE_IN_PROGRESS',
      'orders-api UPDATE_IN_PROGRESS',
    ]);
    expect(progress.map(([d, t]) => `${d}/${t}`)).toEqual(['0/2', '2/2']);
    expect(progress[1]![2]).toContain('UPDATE_COMPLETE: 2/2 resources');
  });

  it('reports a failed deployment with its root cause, ignoring the cancellations it caused', async () => {
    const start = ev('orders-api', 'UPDATE_IN_PROGRESS');
    const tableFailed = ev('OrdersTable', 'UPDATE_FAILED', 'Resource handler returned message: "Cannot update GSI\'s properties"', 'AWS::DynamoDB::Table');
    const fnCancelled = ev('OrdersFunction', 'UPDATE_FAILED', 'Resource update cancelled');
    const rolledBack = ev('orders-api', 'UPDATE_ROLLBACK_COMPLETE');
    cfn.on(DescribeStackEventsCommand).resolvesOnce({ StackEvents: [oldEvent] }).resolves({ StackEvents: [rolledBack, fnCancelled, tableFailed, start, oldEvent] });
    cfn.on(DescribeStacksCommand).resolves(stackIn('UPDATE_ROLLBACK_COMPLETE'));
    const r = await executeChangeSet(testSession(), grant, { waitMs: 600_000, clock: fakeClock() });
    expect(r.outcome).toBe('failed');
    expect(r.rootCause).toMatchObject({ logicalId: 'OrdersTable', status: 'UPDATE_FAILED' });
    expect(r.failures.map((f) => f.logicalId)).toEqual(['OrdersTable', 'OrdersFunction']);
    expect(r.outputs).toEqual([]);
  });

  it('returns in-progress when the wait ends first', async () => {
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [oldEvent] });
    cfn.on(DescribeStacksCommand).resolves(stackIn('UPDATE_IN_PROGRESS'));
    const r = await executeChangeSet(testSession(), grant, { waitMs: 30_000, clock: fakeClock() });
    expect(r).toMatchObject({ outcome: 'in-progress', status: 'UPDATE_IN_PROGRESS' });
  });

  it('refuses a change set that went obsolete, before spending the token or executing', async () => {
    cfn.on(DescribeChangeSetCommand).resolves({ ...recorded<DescribeChangeSetCommandOutput>('describe-change-set-page1'), ExecutionStatus: 'OBSOLETE' });
    let spent = false;
    await expect(executeChangeSet(testSession(), grant, { waitMs: 1000, beforeExecute: () => (spent = true) })).rejects.toMatchObject({
      field: 'token',
      message: expect.stringContaining('the stack changed after the preview'),
    });
    expect(spent).toBe(false);
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it('refuses a change set that no longer exists', async () => {
    cfn.on(DescribeChangeSetCommand).rejects(awsError('ChangeSetNotFoundException', `ChangeSet [${CHANGE_SET_ID}] does not exist`, { status: 404 }));
    await expect(executeChangeSet(testSession(), grant, { waitMs: 1000 })).rejects.toMatchObject({ field: 'token', message: expect.stringContaining('no longer exists') });
  });

  it('names the missing permission when ExecuteChangeSet is denied', async () => {
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [oldEvent] });
    cfn.on(ExecuteChangeSetCommand).rejects(accessDenied('cloudformation:ExecuteChangeSet'));
    await expect(executeChangeSet(testSession(), grant, { waitMs: 1000, clock: fakeClock() })).rejects.toMatchObject({ field: 'permissions', detail: { action: 'cloudformation:ExecuteChangeSet' } });
  });

  it('keeps following through throttling, and says the deployment continues when following fails', async () => {
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [oldEvent] });
    cfn.on(DescribeStacksCommand).rejectsOnce(throttling()).rejectsOnce(throttling()).resolves(stackIn('UPDATE_COMPLETE'));
    expect((await executeChangeSet(testSession(), grant, { waitMs: 600_000, clock: fakeClock() })).outcome).toBe('succeeded');

    cfn.on(DescribeStacksCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired', { status: 403 }));
    await expect(executeChangeSet(testSession(), grant, { waitMs: 600_000, clock: fakeClock() })).rejects.toMatchObject({
      message: expect.stringMatching(/^the deployment of orders-api started, but following it stopped: the AWS session token/),
      fix: expect.stringContaining('cfn_stack_status'),
    });
  });
});
