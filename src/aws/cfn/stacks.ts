import {
  DescribeStacksCommand,
  paginateDescribeStackEvents,
  paginateListStacks,
  type Stack,
  type StackEvent,
  type StackStatus,
} from '@aws-sdk/client-cloudformation';
import { UserError } from '../../shared/errors.js';
import { didYouMean } from '../../shared/suggest.js';
import { awsErrorName, rethrowAws } from '../errors.js';
import type { CallOptions, CfnSession } from '../session.js';

/** A stack event, flattened for output. */
export interface StackEventInfo {
  time: string;
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  status: string;
  reason?: string;
  /** True for *_FAILED statuses and failed hooks. */
  failed: boolean;
}

/** Where a stack stands, in one word. */
export type StackHealth = 'stable' | 'in-progress' | 'rolled-back' | 'failed' | 'review' | 'deleted';

const IN_PROGRESS = /_IN_PROGRESS$/;

export function classifyStatus(status: string | undefined): StackHealth {
  const s = status ?? '';
  if (s === 'REVIEW_IN_PROGRESS') return 'review';
  if (IN_PROGRESS.test(s)) return 'in-progress';
  if (s === 'DELETE_COMPLETE') return 'deleted';
  if (s.endsWith('_FAILED')) return 'failed';
  if (s.includes('ROLLBACK')) return 'rolled-back';
  return 'stable';
}

/** True once an operation has finished, whichever way. */
export function isTerminalStatus(status: string | undefined): boolean {
  return !!status && !IN_PROGRESS.test(status);
}

/** True for the statuses a stack operation ends in when it did what was asked. */
export function isSuccessStatus(status: string | undefined): boolean {
  return status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE' || status === 'IMPORT_COMPLETE';
}

function isFailedEvent(e: StackEvent): boolean {
  return (e.ResourceStatus ?? '').endsWith('_FAILED') || e.HookStatus === 'HOOK_COMPLETE_FAILED' || e.HookStatus === 'HOOK_FAILED';
}

export function toEventInfo(e: StackEvent): StackEventInfo {
  const reason = e.ResourceStatusReason ?? e.HookStatusReason;
  return {
    time: (e.Timestamp ?? new Date(0)).toISOString(),
    logicalId: e.LogicalResourceId ?? '',
    ...(e.PhysicalResourceId ? { physicalId: e.PhysicalResourceId } : {}),
    resourceType: e.ResourceType ?? '',
    status: e.ResourceStatus ?? e.HookStatus ?? '',
    ...(reason ? { reason } : {}),
    failed: isFailedEvent(e),
  };
}

/** Failures first, each group most recent first: what went wrong is what a reader looks for. */
export function failuresFirst(events: readonly StackEvent[]): StackEvent[] {
  const t = (e: StackEvent) => e.Timestamp?.getTime() ?? 0;
  return [...events].sort((a, b) => Number(isFailedEvent(b)) - Number(isFailedEvent(a)) || t(b) - t(a));
}

// Follow-on failures that only say another resource failed first.
const CONSEQUENTIAL = /cancelled|canceled|Resource (creation|update) cancelled/i;
const OPERATION_START = new Set(['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'IMPORT_IN_PROGRESS']);

/**
 * The failure that started the trouble in the stack's latest operation: the earliest failed resource event that
 * is not a cancellation caused by another failure; the stack's own failure when no resource failed.
 * `events` are most recent first, as DescribeStackEvents returns them.
 */
export function rootCause(events: readonly StackEvent[], stackId: string | undefined): StackEvent | undefined {
  const isStack = (e: StackEvent) => (stackId ? e.PhysicalResourceId === stackId : e.ResourceType === 'AWS::CloudFormation::Stack' && e.LogicalResourceId === e.StackName);
  const start = events.findIndex((e) => isStack(e) && OPERATION_START.has(e.ResourceStatus ?? ''));
  const latest = start < 0 ? events : events.slice(0, start + 1);
  const failed = latest.filter(isFailedEvent);
  const causes = failed.filter((e) => !isStack(e) && !CONSEQUENTIAL.test(e.ResourceStatusReason ?? ''));
  return causes.at(-1) ?? failed.filter((e) => !isStack(e)).at(-1) ?? failed.at(-1);
}

/** DescribeStacks for one stack; undefined when it does not exist (or was deleted). */
export async function findStack(session: CfnSession, stackName: string, options: CallOptions = {}, field = 'stackName'): Promise<Stack | undefined> {
  try {
    const out = await session.client.send(new DescribeStacksCommand({ StackName: stackName }), options.signal ? { abortSignal: options.signal } : {});
    const stack = out.Stacks?.[0];
    return stack && stack.StackStatus !== 'DELETE_COMPLETE' ? stack : undefined;
  } catch (e) {
    if (awsErrorName(e) === 'ValidationError' && /does not exist/i.test((e as Error).message)) return undefined;
    rethrowAws(e, { action: 'cloudformation:DescribeStacks', region: session.region, profile: session.profile, field });
  }
}

const LIVE_STATUSES: StackStatus[] = [
  'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE',
  'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE', 'REVIEW_IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_COMPLETE',
];

/** Names of the region's stacks, for "did you mean"; empty when ListStacks is not allowed. */
async function stackNames(session: CfnSession, options: CallOptions, maxPages = 5): Promise<string[]> {
  const names: string[] = [];
  try {
    let pages = 0;
    for await (const page of paginateListStacks({ client: session.client }, { StackStatusFilter: LIVE_STATUSES }, options.signal ? { abortSignal: options.signal } : {})) {
      for (const s of page.StackSummaries ?? []) if (s.StackName) names.push(s.StackName);
      if (++pages >= maxPages) break;
    }
  } catch {
    // The suggestion is a courtesy; a denied ListStacks must not hide the real answer (the stack is missing).
  }
  return names;
}

/** Like {@link findStack}, but a missing stack is a UserError naming similar stacks in the region. */
export async function requireStack(session: CfnSession, stackName: string, options: CallOptions = {}, field = 'stackName'): Promise<Stack> {
  const stack = await findStack(session, stackName, options, field);
  if (stack) return stack;
  const names = await stackNames(session, options);
  throw new UserError(
    field,
    `no stack '${stackName}' in ${session.region}${didYouMean(stackName, names)}`,
    names.length ? `Stacks in ${session.region} include: ${names.slice(0, 10).join(', ')}.` : `Check the name and the region (pass region if the stack lives elsewhere).`,
  );
}

/** The most recent events of a stack, newest first, paging until `max`. */
export async function recentEvents(session: CfnSession, stack: string, max: number, options: CallOptions = {}): Promise<{ events: StackEvent[]; truncated: boolean }> {
  const events: StackEvent[] = [];
  let truncated = false;
  try {
    for await (const page of paginateDescribeStackEvents({ client: session.client }, { StackName: stack }, options.signal ? { abortSignal: options.signal } : {})) {
      for (const e of page.StackEvents ?? []) {
        if (events.length >= max) {
          truncated = true;
          break;
        }
        events.push(e);
      }
      if (events.length >= max) {
        truncated ||= !!page.NextToken;
        break;
      }
    }
  } catch (e) {
    rethrowAws(e, { action: 'cloudformation:DescribeStackEvents', region: session.region, profile: session.profile, field: 'stackName' });
  }
  return { events, truncated };
}

export interface StackOutputInfo {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

export interface StackStatusReport {
  region: string;
  name: string;
  id: string;
  status: string;
  statusReason?: string;
  health: StackHealth;
  description?: string;
  createdAt: string;
  lastUpdatedAt?: string;
  driftStatus: string;
  driftCheckedAt?: string;
  terminationProtection: boolean;
  capabilities: string[];
  outputs: StackOutputInfo[];
  /** NoEcho parameters come back from AWS masked as ****. */
  parameters: Array<{ key: string; value: string }>;
  tags: Array<{ key: string; value: string }>;
  rootCause?: StackEventInfo;
  /** Failures first, then the rest; each group most recent first. */
  events: StackEventInfo[];
  failedEventCount: number;
  eventsTruncated: boolean;
}

/** DescribeStacks plus the recent events: where the stack stands, its outputs, and what went wrong. */
export async function stackStatus(session: CfnSession, stackName: string, maxEvents: number, options: CallOptions = {}): Promise<StackStatusReport> {
  const stack = await requireStack(session, stackName, options);
  const { events, truncated } = await recentEvents(session, stack.StackId ?? stackName, maxEvents, options);
  const cause = classifyStatus(stack.StackStatus) === 'stable' ? undefined : rootCause(events, stack.StackId);
  const ordered = failuresFirst(events);
  return {
    region: session.region,
    name: stack.StackName ?? stackName,
    id: stack.StackId ?? '',
    status: stack.StackStatus ?? 'UNKNOWN',
    ...(stack.StackStatusReason ? { statusReason: stack.StackStatusReason } : {}),
    health: classifyStatus(stack.StackStatus),
    ...(stack.Description ? { description: stack.Description } : {}),
    createdAt: (stack.CreationTime ?? new Date(0)).toISOString(),
    ...(stack.LastUpdatedTime ? { lastUpdatedAt: stack.LastUpdatedTime.toISOString() } : {}),
    driftStatus: stack.DriftInformation?.StackDriftStatus ?? 'NOT_CHECKED',
    ...(stack.DriftInformation?.LastCheckTimestamp ? { driftCheckedAt: stack.DriftInformation.LastCheckTimestamp.toISOString() } : {}),
    terminationProtection: stack.EnableTerminationProtection === true,
    capabilities: stack.Capabilities ?? [],
    outputs: (stack.Outputs ?? []).map((o) => ({
      key: o.OutputKey ?? '',
      value: o.OutputValue ?? '',
      ...(o.Description ? { description: o.Description } : {}),
      ...(o.ExportName ? { exportName: o.ExportName } : {}),
    })),
    parameters: (stack.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
    tags: (stack.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    ...(cause ? { rootCause: toEventInfo(cause) } : {}),
    events: ordered.map(toEventInfo),
    failedEventCount: events.filter(isFailedEvent).length,
    eventsTruncated: truncated,
  };
}
