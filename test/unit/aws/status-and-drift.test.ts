import {
  CloudFormationClient,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectDrift } from '../../../src/aws/cfn/drift.js';
import { classifyStatus, stackStatus } from '../../../src/aws/cfn/stacks.js';
import { accessDenied, fakeClock, recorded, STACK_ID, stackMissing, testSession, throttling } from './support.js';

const cfn = mockClient(CloudFormationClient);
const DETECTION = 'b78ac9b0-f8e6-11ef-a5a6-0a8e1f2b3c4d';

beforeEach(() => {
  cfn.reset();
  cfn.on(DescribeStacksCommand).resolves(recorded('describe-stacks-orders-api'));
});
afterEach(() => cfn.reset());

describe('stackStatus', () => {
  beforeEach(() => {
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce(recorded('describe-stack-events-page1'))
      .resolvesOnce(recorded('describe-stack-events-page2'));
  });

  it('reads the stack, pages through its events, and names the root cause of the failed update', async () => {
    const r = await stackStatus(testSession(), 'orders-api', 30);
    expect(r).toMatchObject({ name: 'orders-api', status: 'UPDATE_ROLLBACK_COMPLETE', health: 'rolled-back', driftStatus: 'DRIFTED', terminationProtection: true });
    expect(r.outputs).toContainEqual({ key: 'OrdersTableName', value: 'orders-api-OrdersTable-1Q2W3E4R5T6Y', description: 'DynamoDB table', exportName: 'orders-api-table' });
    expect(r.parameters).toContainEqual({ key: 'DbPassword', value: '****' });
    // Two pages: the second asked for with the first page's NextToken (the SDK paginator reuses one input object).
    const calls = cfn.commandCalls(DescribeStackEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.NextToken).toBe('AAEAAbcDef0123456789ghiJKLmnoPQRstuVWXyz+/==');
    expect(r.events).toHaveLength(9);
    expect(r.eventsTruncated).toBe(false);
    // The table's failure started it; the function's "cancelled" failure only followed.
    expect(r.rootCause).toMatchObject({ logicalId: 'OrdersTable', status: 'UPDATE_FAILED' });
    expect(r.rootCause!.reason).toContain("Cannot update GSI's properties");
  });

  it('lists failures first, each group most recent first', async () => {
    const r = await stackStatus(testSession(), 'orders-api', 30);
    expect(r.failedEventCount).toBe(2);
    expect(r.events.slice(0, 3).map((e) => `${e.logicalId} ${e.status}`)).toEqual(['OrdersFunction UPDATE_FAILED', 'OrdersTable UPDATE_FAILED', 'orders-api UPDATE_ROLLBACK_COMPLETE']);
  });

  it('stops paging at maxEvents and says there is more', async () => {
    const r = await stackStatus(testSession(), 'orders-api', 3);
    expect(r.events).toHaveLength(3);
    expect(r.eventsTruncated).toBe(true);
    expect(cfn.commandCalls(DescribeStackEventsCommand)).toHaveLength(1);
  });

  it('suggests similar names for a stack that does not exist', async () => {
    cfn.on(DescribeStacksCommand).rejects(stackMissing('order-api'));
    cfn.on(ListStacksCommand).resolves({ StackSummaries: [{ StackName: 'orders-api', StackId: STACK_ID, StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date() }, { StackName: 'billing', StackId: 'x', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date() }] });
    await expect(stackStatus(testSession(), 'order-api', 30)).rejects.toMatchObject({ field: 'stackName', message: "no stack 'order-api' in eu-west-1 (did you mean 'orders-api'?)" });
  });

  it('still says the stack is missing when ListStacks is denied too', async () => {
    cfn.on(DescribeStacksCommand).rejects(stackMissing('order-api'));
    cfn.on(ListStacksCommand).rejects(accessDenied('cloudformation:ListStacks'));
    await expect(stackStatus(testSession(), 'order-api', 30)).rejects.toMatchObject({ message: "no stack 'order-api' in eu-west-1" });
  });

  it('classifies statuses', () => {
    expect(classifyStatus('UPDATE_COMPLETE')).toBe('stable');
    expect(classifyStatus('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')).toBe('in-progress');
    expect(classifyStatus('ROLLBACK_COMPLETE')).toBe('rolled-back');
    expect(classifyStatus('UPDATE_ROLLBACK_FAILED')).toBe('failed');
    expect(classifyStatus('REVIEW_IN_PROGRESS')).toBe('review');
  });
});

describe('detectDrift', () => {
  beforeEach(() => {
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: DETECTION });
    cfn
      .on(DescribeStackResourceDriftsCommand)
      .resolvesOnce(recorded('describe-stack-resource-drifts-page1'))
      .resolvesOnce(recorded('describe-stack-resource-drifts-page2'));
  });

  it('starts a detection, waits for it, and lists drifted resources with their property differences', async () => {
    const inProgress = { StackId: STACK_ID, StackDriftDetectionId: DETECTION, DetectionStatus: 'DETECTION_IN_PROGRESS' as const, Timestamp: new Date() };
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolvesOnce(inProgress).resolvesOnce(inProgress).resolves(recorded('describe-stack-drift-detection-status'));
    const clock = fakeClock();
    const r = await detectDrift(testSession(), 'orders-api', { timeoutMs: 300_000, clock });
    expect(r).toMatchObject({ complete: true, detectionStatus: 'DETECTION_COMPLETE', stackDriftStatus: 'DRIFTED', driftedResourceCount: 2, counts: { modified: 2, deleted: 1, inSync: 1, notChecked: 1 } });
    expect(clock.slept).toEqual([2000, 3000]);
    expect(r.resources.map((x) => `${x.logicalId} ${x.status}`)).toEqual(['OrdersAlarmTopic DELETED', 'OrdersFunction MODIFIED', 'OrdersTable MODIFIED']);
    expect(r.resources[2]!.differences).toEqual([
      { path: '/BillingMode', type: 'NOT_EQUAL', expected: 'PAY_PER_REQUEST', actual: 'PROVISIONED' },
      { path: '/PointInTimeRecoverySpecification', type: 'REMOVE', expected: '{"PointInTimeRecoveryEnabled":true}', actual: 'null' },
      { path: '/ProvisionedThroughput', type: 'ADD', expected: 'null', actual: '{"ReadCapacityUnits":5,"WriteCapacityUnits":5}' },
    ]);
    expect(cfn.commandCalls(DescribeStackResourceDriftsCommand)).toHaveLength(2);
  });

  it('lists in-sync and unchecked resources when asked', async () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(recorded('describe-stack-drift-detection-status'));
    const r = await detectDrift(testSession(), 'orders-api', { timeoutMs: 300_000, clock: fakeClock(), includeInSync: true });
    expect(r.resources.map((x) => x.status)).toEqual(['DELETED', 'MODIFIED', 'MODIFIED', 'NOT_CHECKED', 'IN_SYNC']);
  });

  it('keeps waiting through throttling: ThrottlingException twice, then the result', async () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).rejectsOnce(throttling()).rejectsOnce(throttling()).resolves(recorded('describe-stack-drift-detection-status'));
    const r = await detectDrift(testSession(), 'orders-api', { timeoutMs: 300_000, clock: fakeClock() });
    expect(r.complete).toBe(true);
  });

  it('returns an unfinished detection with its id when the wait runs out, and resumes it later', async () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves({ StackId: STACK_ID, StackDriftDetectionId: DETECTION, DetectionStatus: 'DETECTION_IN_PROGRESS' as const, Timestamp: new Date() });
    const r = await detectDrift(testSession(), 'orders-api', { timeoutMs: 20_000, clock: fakeClock() });
    expect(r).toMatchObject({ complete: false, detectionId: DETECTION, detectionStatus: 'DETECTION_IN_PROGRESS', resources: [] });

    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(recorded('describe-stack-drift-detection-status'));
    const again = await detectDrift(testSession(), 'orders-api', { timeoutMs: 20_000, clock: fakeClock(), detectionId: DETECTION });
    expect(again.complete).toBe(true);
    expect(cfn.commandCalls(DetectStackDriftCommand)).toHaveLength(1);
  });

  it('refuses a detection id of another stack', async () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves({ ...recorded('describe-stack-drift-detection-status'), StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/billing/1' });
    await expect(detectDrift(testSession(), 'orders-api', { timeoutMs: 20_000, clock: fakeClock(), detectionId: DETECTION })).rejects.toMatchObject({ field: 'detectionId' });
  });

  it('names the missing permission', async () => {
    cfn.on(DetectStackDriftCommand).rejects(accessDenied('cloudformation:DetectStackDrift'));
    await expect(detectDrift(testSession(), 'orders-api', { timeoutMs: 20_000 })).rejects.toThrow('may not call cloudformation:DetectStackDrift');
  });
});
