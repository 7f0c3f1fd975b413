import {
  DescribeStackDriftDetectionStatusCommand,
  DetectStackDriftCommand,
  paginateDescribeStackResourceDrifts,
  type DescribeStackDriftDetectionStatusOutput,
  type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import { UserError } from '../../shared/errors.js';
import { rethrowAws } from '../errors.js';
import { poll, type Clock } from '../poll.js';
import { cfnCall, type CallOptions, type CfnSession } from '../session.js';
import { requireStack } from './stacks.js';

export interface PropertyDiff {
  /** JSON pointer of the property, e.g. /BillingMode or /Tags/0/Value. */
  path: string;
  /** ADD, REMOVE or NOT_EQUAL. */
  type: string;
  expected?: string;
  actual?: string;
}

export interface ResourceDrift {
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  /** MODIFIED, DELETED, IN_SYNC, NOT_CHECKED, UNKNOWN or UNSUPPORTED. */
  status: string;
  reason?: string;
  differences: PropertyDiff[];
  checkedAt: string;
}

export interface DriftCounts {
  modified: number;
  deleted: number;
  inSync: number;
  notChecked: number;
}

export interface DriftReport {
  region: string;
  stackName: string;
  stackId: string;
  detectionId: string;
  /** DETECTION_COMPLETE, DETECTION_FAILED (some resources could not be checked) or DETECTION_IN_PROGRESS (timed out). */
  detectionStatus: string;
  complete: boolean;
  reason?: string;
  /** DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED. */
  stackDriftStatus: string;
  driftedResourceCount: number;
  counts: DriftCounts;
  /** Drifted resources first (deleted, then modified), then the rest when asked for. */
  resources: ResourceDrift[];
  resourcesTruncated: boolean;
}

export interface DriftOptions extends CallOptions {
  timeoutMs: number;
  /** @default 2000 */
  intervalMs?: number;
  clock?: Clock;
  /** List in-sync and unchecked resources too. @default false */
  includeInSync?: boolean;
  /** @default 100 */
  maxResources?: number;
  /** Resume a detection started earlier instead of starting a new one. */
  detectionId?: string | undefined;
  onProgress?: ((message: string) => void | Promise<void>) | undefined;
}

const MAX_VALUE = 300;
const clip = (s: string | undefined) => (s === undefined ? undefined : s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}… (${s.length} chars)` : s);

function toResourceDrift(d: StackResourceDrift): ResourceDrift {
  return {
    logicalId: d.LogicalResourceId ?? '',
    ...(d.PhysicalResourceId ? { physicalId: d.PhysicalResourceId } : {}),
    resourceType: d.ResourceType ?? '',
    status: d.StackResourceDriftStatus ?? 'UNKNOWN',
    ...(d.DriftStatusReason ? { reason: d.DriftStatusReason } : {}),
    differences: (d.PropertyDifferences ?? []).map((p) => {
      const expected = clip(p.ExpectedValue);
      const actual = clip(p.ActualValue);
      return { path: p.PropertyPath ?? '', type: p.DifferenceType ?? '', ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
    }),
    checkedAt: (d.Timestamp ?? new Date(0)).toISOString(),
  };
}

const ORDER: Record<string, number> = { DELETED: 0, MODIFIED: 1, UNKNOWN: 2, NOT_CHECKED: 3, UNSUPPORTED: 4, IN_SYNC: 5 };

/**
 * DetectStackDrift, then DescribeStackDriftDetectionStatus until it finishes (or `timeoutMs`), then every
 * resource's drift with its property differences. A detection that outlives the timeout is returned unfinished
 * with its id, so the caller can resume it instead of starting over.
 */
export async function detectDrift(session: CfnSession, stackName: string, options: DriftOptions): Promise<DriftReport> {
  const stack = await requireStack(session, stackName, options);
  const stackId = stack.StackId ?? stackName;
  const detectionId =
    options.detectionId ??
    (await cfnCall(session, 'DetectStackDrift', 'stackName', (c, o) => c.send(new DetectStackDriftCommand({ StackName: stackId }), o), options)).StackDriftDetectionId;
  if (!detectionId) throw new Error('DetectStackDrift returned no StackDriftDetectionId');
  await options.onProgress?.('drift detection started');

  const result = await poll<DescribeStackDriftDetectionStatusOutput>(
    async () => {
      const out = await cfnCall(
        session,
        'DescribeStackDriftDetectionStatus',
        options.detectionId ? 'detectionId' : 'stackName',
        (c, o) => c.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }), o),
        options,
      );
      if (out.StackId && stack.StackId && out.StackId !== stack.StackId) {
        throw new UserError('detectionId', `drift detection ${detectionId} belongs to another stack (${out.StackId})`, 'Pass the detectionId that cfn_detect_drift returned for this stack, or leave it out to start a new detection.');
      }
      return out.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : out;
    },
    { intervalMs: options.intervalMs ?? 2000, maxIntervalMs: 10_000, timeoutMs: options.timeoutMs, signal: options.signal, clock: options.clock },
  );

  const base = { region: session.region, stackName: stack.StackName ?? stackName, stackId, detectionId };
  if (!result.done) {
    return { ...base, detectionStatus: 'DETECTION_IN_PROGRESS', complete: false, stackDriftStatus: 'UNKNOWN', driftedResourceCount: 0, counts: { modified: 0, deleted: 0, inSync: 0, notChecked: 0 }, resources: [], resourcesTruncated: false };
  }
  const status = result.value;
  await options.onProgress?.('reading resource drift');

  const drifts: StackResourceDrift[] = [];
  try {
    let pages = 0;
    const input = { StackName: stack.StackName ?? stackName, MaxResults: 100 };
    for await (const page of paginateDescribeStackResourceDrifts({ client: session.client }, input, options.signal ? { abortSignal: options.signal } : {})) {
      drifts.push(...(page.StackResourceDrifts ?? []));
      if (++pages >= 20) break;
    }
  } catch (e) {
    rethrowAws(e, { action: 'cloudformation:DescribeStackResourceDrifts', region: session.region, profile: session.profile, field: 'stackName' });
  }

  const all = drifts.map(toResourceDrift).sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || a.logicalId.localeCompare(b.logicalId));
  const counts: DriftCounts = {
    modified: all.filter((r) => r.status === 'MODIFIED').length,
    deleted: all.filter((r) => r.status === 'DELETED').length,
    inSync: all.filter((r) => r.status === 'IN_SYNC').length,
    notChecked: all.filter((r) => r.status === 'NOT_CHECKED' || r.status === 'UNKNOWN' || r.status === 'UNSUPPORTED').length,
  };
  const listed = options.includeInSync ? all : all.filter((r) => r.status === 'MODIFIED' || r.status === 'DELETED');
  const max = options.maxResources ?? 100;
  return {
    ...base,
    detectionStatus: status.DetectionStatus ?? 'UNKNOWN',
    complete: true,
    ...(status.DetectionStatusReason ? { reason: status.DetectionStatusReason } : {}),
    stackDriftStatus: status.StackDriftStatus ?? 'UNKNOWN',
    driftedResourceCount: status.DriftedStackResourceCount ?? counts.modified + counts.deleted,
    counts,
    resources: listed.slice(0, max),
    resourcesTruncated: listed.length > max,
  };
}
