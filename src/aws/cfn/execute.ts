import {
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type DescribeChangeSetOutput,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { randomUUID } from 'node:crypto';
import { isUserError, UserError } from '../../shared/errors.js';
import { awsErrorName, rethrowAws } from '../errors.js';
import { poll, systemClock, type Clock } from '../poll.js';
import { cfnCall, type CallOptions, type CfnSession } from '../session.js';
import { isSuccessStatus, isTerminalStatus, rootCause, toEventInfo, type StackEventInfo, type StackOutputInfo } from './stacks.js';
import type { PreviewGrant } from './tokens.js';

export interface ExecuteOptions extends CallOptions {
  /** How long to follow the deployment before returning it as still in progress. */
  waitMs: number;
  clock?: Clock | undefined;
  /** First polling interval. @default 3000 */
  intervalMs?: number | undefined;
  /** Runs after every check passed and just before ExecuteChangeSet: where the caller spends the token. */
  beforeExecute?: (() => void) | undefined;
  onProgress?: ((done: number, total: number, message: string) => void | Promise<void>) | undefined;
}

export interface ExecuteResult {
  region: string;
  stackName: string;
  stackId: string;
  changeSetId: string;
  /** `in-progress` when the wait ended first: the deployment goes on in AWS. */
  outcome: 'succeeded' | 'failed' | 'in-progress';
  status: string;
  statusReason?: string;
  durationSeconds: number;
  /** Resources that reached a final state, out of the change set's resource changes. */
  resourcesDone: number;
  resourcesTotal: number;
  rootCause?: StackEventInfo;
  /** Failed events of this deployment, earliest first. */
  failures: StackEventInfo[];
  /** This deployment's events, most recent first (at most 50). */
  events: StackEventInfo[];
  outputs: StackOutputInfo[];
}

const DONE_STATUSES = /(_COMPLETE|DELETE_SKIPPED)$/;

/** DescribeChangeSet for the previewed change set: it must still exist, belong to the stack, and be executable. */
export async function checkExecutable(session: CfnSession, grant: PreviewGrant, options: CallOptions = {}): Promise<DescribeChangeSetOutput> {
  let out: DescribeChangeSetOutput;
  try {
    out = await session.client.send(new DescribeChangeSetCommand({ ChangeSetName: grant.changeSetId }), options.signal ? { abortSignal: options.signal } : {});
  } catch (e) {
    const name = awsErrorName(e);
    if (name === 'ChangeSetNotFoundException' || name === 'ChangeSetNotFound') {
      throw new UserError('token', `the previewed change set ${grant.changeSetName} no longer exists (deleted, or the stack was updated since)`, 'Preview again with cfn_preview_changes keep: true.');
    }
    rethrowAws(e, { action: 'cloudformation:DescribeChangeSet', region: session.region, profile: session.profile, field: 'token' });
  }
  if (out.StackId && out.StackId !== grant.stackId) throw new Error(`change set ${grant.changeSetId} belongs to ${out.StackId}, not ${grant.stackId}`);
  if (out.Status !== 'CREATE_COMPLETE' || out.ExecutionStatus !== 'AVAILABLE') {
    const why = out.ExecutionStatus === 'OBSOLETE' ? 'the stack changed after the preview' : out.ExecutionStatus === 'EXECUTE_IN_PROGRESS' || out.ExecutionStatus === 'EXECUTE_COMPLETE' ? 'it was already executed' : 'it is not available';
    throw new UserError(
      'token',
      `change set ${grant.changeSetName} cannot be executed: ${why} (status ${out.Status}, execution status ${out.ExecutionStatus}${out.StatusReason ? `, ${out.StatusReason}` : ''})`,
      'Preview again with cfn_preview_changes keep: true and review the new changes.',
    );
  }
  return out;
}

/** Reads events newer than what was already seen, newest first, stopping at the pre-execution marker. */
async function newEvents(session: CfnSession, stackId: string, marker: string | undefined, seen: Set<string>, options: CallOptions): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  let token: string | undefined;
  for (let page = 0; page < 5; page++) {
    const out = await cfnCall(session, 'DescribeStackEvents', 'stackName', (c, o) => c.send(new DescribeStackEventsCommand({ StackName: stackId, ...(token ? { NextToken: token } : {}) }), o), options);
    for (const e of out.StackEvents ?? []) {
      if (!e.EventId || e.EventId === marker || seen.has(e.EventId)) return fresh;
      fresh.push(e);
    }
    token = out.NextToken;
    if (!token) break;
  }
  return fresh;
}

/**
 * Executes a previewed change set and follows the deployment through the stack's events, reporting progress, until
 * the stack reaches a final status or `waitMs` passes. The caller has already checked the preview token; this
 * checks the change set itself is still executable, then spends the token (`beforeExecute`) and executes.
 */
export async function executeChangeSet(session: CfnSession, grant: PreviewGrant, options: ExecuteOptions): Promise<ExecuteResult> {
  const clock = options.clock ?? systemClock;
  await checkExecutable(session, grant, options);
  const before = await cfnCall(session, 'DescribeStackEvents', 'stackName', (c, o) => c.send(new DescribeStackEventsCommand({ StackName: grant.stackId }), o), options);
  const marker = before.StackEvents?.[0]?.EventId;

  options.beforeExecute?.();
  const started = clock.now();
  await cfnCall(
    session,
    'ExecuteChangeSet',
    'token',
    (c, o) => c.send(new ExecuteChangeSetCommand({ ChangeSetName: grant.changeSetId, ClientRequestToken: `aba-exec-${randomUUID()}` }), o),
    options,
  );

  const seen = new Set<string>();
  const opEvents: StackEvent[] = [];
  const latestByResource = new Map<string, string>();
  const total = grant.changeCount;
  let stack: Stack | undefined;

  const follow = () => poll<Stack>(
    async () => {
      const fresh = await newEvents(session, grant.stackId, marker, seen, options);
      for (const e of fresh) seen.add(e.EventId!);
      opEvents.unshift(...fresh);
      // Oldest first, so the map ends with each resource's latest status.
      for (const e of [...fresh].reverse()) if (e.LogicalResourceId && e.PhysicalResourceId !== grant.stackId) latestByResource.set(e.LogicalResourceId, e.ResourceStatus ?? '');
      const out = await cfnCall(session, 'DescribeStacks', 'stackName', (c, o) => c.send(new DescribeStacksCommand({ StackName: grant.stackId }), o), options);
      stack = out.Stacks?.[0];
      const done = [...latestByResource.values()].filter((s) => DONE_STATUSES.test(s)).length;
      const last = fresh[0];
      await options.onProgress?.(Math.min(done, total), total, `${stack?.StackStatus ?? 'UNKNOWN'}: ${done}/${total} resources${last ? `; ${last.LogicalResourceId} ${last.ResourceStatus}` : ''}`);
      return isTerminalStatus(stack?.StackStatus) ? stack : undefined;
    },
    { intervalMs: options.intervalMs ?? 3000, maxIntervalMs: 15_000, timeoutMs: options.waitMs, signal: options.signal, clock },
  );
  let result: Awaited<ReturnType<typeof follow>>;
  try {
    result = await follow();
  } catch (e) {
    // The change set is executing whatever happens here; the answer must say so rather than look like a failure.
    if (!isUserError(e)) throw e;
    throw new UserError(e.field, `the deployment of ${grant.stackName} started, but following it stopped: ${e.message}`, 'The deployment continues in AWS; check it with cfn_stack_status.', { executed: true });
  }

  const final = result.done ? result.value : stack;
  const status = final?.StackStatus ?? 'UNKNOWN';
  const failed = opEvents.filter((e) => (e.ResourceStatus ?? '').endsWith('_FAILED'));
  const cause = rootCause(opEvents, grant.stackId);
  const outcome = !result.done ? 'in-progress' : isSuccessStatus(status) ? 'succeeded' : 'failed';
  return {
    region: session.region,
    stackName: grant.stackName,
    stackId: grant.stackId,
    changeSetId: grant.changeSetId,
    outcome,
    status,
    ...(final?.StackStatusReason ? { statusReason: final.StackStatusReason } : {}),
    durationSeconds: Math.round((clock.now() - started) / 1000),
    resourcesDone: Math.min(total, [...latestByResource.values()].filter((s) => DONE_STATUSES.test(s)).length),
    resourcesTotal: total,
    ...(outcome === 'failed' && cause ? { rootCause: toEventInfo(cause) } : {}),
    failures: [...failed].reverse().map(toEventInfo),
    events: opEvents.slice(0, 50).map(toEventInfo),
    outputs:
      outcome === 'succeeded'
        ? (final?.Outputs ?? []).map((o) => ({ key: o.OutputKey ?? '', value: o.OutputValue ?? '', ...(o.Description ? { description: o.Description } : {}), ...(o.ExportName ? { exportName: o.ExportName } : {}) }))
        : [],
  };
}
