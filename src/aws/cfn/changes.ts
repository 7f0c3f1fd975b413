import type { Change, ResourceChange } from '@aws-sdk/client-cloudformation';
import { dataHeldBy } from './stateful.js';

/**
 * `likely`: a stateful resource is deleted or replaced and nothing keeps its data; `possible`: it may be
 * replaced depending on values only known at deploy time; `retained`: it goes, but a Retain or Snapshot policy
 * keeps the data.
 */
export type DataLoss = 'likely' | 'possible' | 'retained';

export interface ChangeDetail {
  /** Properties, Metadata, Tags, CreationPolicy, UpdatePolicy, DeletionPolicy, UpdateReplacePolicy. */
  attribute?: string;
  /** The property name when attribute is Properties. */
  name?: string;
  /** Always, Conditionally or Never: whether changing it recreates the resource. */
  requiresRecreation?: string;
  /** Static (known now) or Dynamic (depends on values resolved at deploy time). */
  evaluation?: string;
  /** What caused it: DirectModification, ResourceReference, ParameterReference, ResourceAttribute, Automatic. */
  changeSource?: string;
  causingEntity?: string;
  /** Old and new values, only when property values were requested (truncated). */
  before?: string;
  after?: string;
}

export interface ChangeItem {
  /** Add, Modify, Remove, Import, Dynamic or SyncWithActual. */
  action: string;
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  /** For Modify: True (recreated), Conditional (may be) or False. */
  replacement?: string;
  /** Delete, Retain, Snapshot, ReplaceAndDelete, ReplaceAndRetain or ReplaceAndSnapshot. */
  policyAction?: string;
  dataLoss?: DataLoss;
  /** What is at risk, in words. */
  dataLossNote?: string;
  scope: string[];
  details: ChangeDetail[];
  /** Details left out to keep the result small. */
  detailsOmitted?: number;
  /** Set for a nested stack's own change set. */
  nestedChangeSetId?: string;
}

export interface ChangeCounts {
  total: number;
  add: number;
  modify: number;
  remove: number;
  import: number;
  dynamic: number;
  /** Modifications that recreate the resource. */
  replace: number;
  /** Modifications that may recreate it. */
  conditionalReplace: number;
  dataLossLikely: number;
  dataLossPossible: number;
}

export interface ChangeSummary {
  counts: ChangeCounts;
  /** Riskiest first: likely data loss, possible data loss, removals, replacements, modifications, additions. */
  changes: ChangeItem[];
  /** Changes left out of `changes` (all are counted). */
  omitted: number;
}

export interface SummaryLimits {
  /** @default 150 */
  maxChanges?: number;
  /** @default 12 */
  maxDetailsPerChange?: number;
  /** @default 200 */
  maxValueChars?: number;
}

const RETAINING = new Set(['Retain', 'ReplaceAndRetain']);
const SNAPSHOTTING = new Set(['Snapshot', 'ReplaceAndSnapshot']);

/** Judges whether a resource change can destroy data, from its action, replacement and policy action. */
export function assessDataLoss(rc: Pick<ResourceChange, 'Action' | 'Replacement' | 'PolicyAction' | 'ResourceType'>): { dataLoss?: DataLoss; note?: string } {
  const holds = dataHeldBy(rc.ResourceType);
  if (!holds) return {};
  const removes = rc.Action === 'Remove';
  const replaces = rc.Action === 'Modify' && rc.Replacement === 'True';
  const mayReplace = (rc.Action === 'Modify' && rc.Replacement === 'Conditional') || rc.Action === 'Dynamic';
  if (!removes && !replaces && !mayReplace) return {};
  const what = removes ? 'Removing it' : replaces ? 'Replacing it' : 'It may be replaced (decided at deploy time), which';
  if (rc.PolicyAction && RETAINING.has(rc.PolicyAction)) {
    return { dataLoss: 'retained', note: `${what} leaves the old resource in place (Retain policy), so ${holds} survive outside the stack` };
  }
  if (rc.PolicyAction && SNAPSHOTTING.has(rc.PolicyAction)) {
    return { dataLoss: 'retained', note: `${what} deletes it after a final snapshot, which keeps ${holds}` };
  }
  return { dataLoss: mayReplace ? 'possible' : 'likely', note: `${what} deletes ${holds}` };
}

function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

function rank(c: ChangeItem): number {
  if (c.dataLoss === 'likely') return 0;
  if (c.dataLoss === 'possible') return 1;
  if (c.action === 'Remove') return 2;
  if (c.replacement === 'True') return 3;
  if (c.replacement === 'Conditional') return 4;
  const order = ['Modify', 'Dynamic', 'Import', 'Add', 'SyncWithActual'];
  const i = order.indexOf(c.action);
  return 5 + (i < 0 ? order.length : i);
}

function toItem(rc: ResourceChange, limits: Required<SummaryLimits>): ChangeItem {
  const risk = assessDataLoss(rc);
  const all = rc.Details ?? [];
  const details = all.slice(0, limits.maxDetailsPerChange).map((d) => {
    const t = d.Target ?? {};
    const out: ChangeDetail = {};
    if (t.Attribute) out.attribute = t.Attribute;
    if (t.Name) out.name = t.Name;
    if (t.RequiresRecreation) out.requiresRecreation = t.RequiresRecreation;
    if (d.Evaluation) out.evaluation = d.Evaluation;
    if (d.ChangeSource) out.changeSource = d.ChangeSource;
    if (d.CausingEntity) out.causingEntity = d.CausingEntity;
    const before = clip(t.BeforeValue, limits.maxValueChars);
    const after = clip(t.AfterValue, limits.maxValueChars);
    if (before !== undefined) out.before = before;
    if (after !== undefined) out.after = after;
    return out;
  });
  const item: ChangeItem = {
    action: rc.Action ?? 'Unknown',
    logicalId: rc.LogicalResourceId ?? '(unnamed)',
    resourceType: rc.ResourceType ?? 'unknown',
    scope: rc.Scope ?? [],
    details,
  };
  if (rc.PhysicalResourceId) item.physicalId = rc.PhysicalResourceId;
  if (rc.Replacement) item.replacement = rc.Replacement;
  if (rc.PolicyAction) item.policyAction = rc.PolicyAction;
  if (risk.dataLoss) item.dataLoss = risk.dataLoss;
  if (risk.note) item.dataLossNote = risk.note;
  if (all.length > details.length) item.detailsOmitted = all.length - details.length;
  if (rc.ChangeSetId) item.nestedChangeSetId = rc.ChangeSetId;
  return item;
}

/**
 * Summarises the `Changes` of a change set (all pages): counts by action and replacement, data-loss risk per
 * resource, riskiest first, bounded in size so the result stays small however large the stack is.
 */
export function summarizeChanges(changes: readonly Change[], limits: SummaryLimits = {}): ChangeSummary {
  const lim: Required<SummaryLimits> = { maxChanges: 150, maxDetailsPerChange: 12, maxValueChars: 200, ...limits };
  const items = changes.filter((c) => c.ResourceChange).map((c) => toItem(c.ResourceChange!, lim));
  const counts: ChangeCounts = { total: items.length, add: 0, modify: 0, remove: 0, import: 0, dynamic: 0, replace: 0, conditionalReplace: 0, dataLossLikely: 0, dataLossPossible: 0 };
  for (const c of items) {
    if (c.action === 'Add') counts.add++;
    else if (c.action === 'Modify') counts.modify++;
    else if (c.action === 'Remove') counts.remove++;
    else if (c.action === 'Import') counts.import++;
    else if (c.action === 'Dynamic') counts.dynamic++;
    if (c.action === 'Modify' && c.replacement === 'True') counts.replace++;
    if (c.action === 'Modify' && c.replacement === 'Conditional') counts.conditionalReplace++;
    if (c.dataLoss === 'likely') counts.dataLossLikely++;
    if (c.dataLoss === 'possible') counts.dataLossPossible++;
  }
  items.sort((a, b) => rank(a) - rank(b) || a.logicalId.localeCompare(b.logicalId));
  return { counts, changes: items.slice(0, lim.maxChanges), omitted: Math.max(0, items.length - lim.maxChanges) };
}

/** One line per count that is not zero: "2 to add, 3 to modify (1 replacement), 1 to remove". */
export function describeCounts(c: ChangeCounts): string {
  const parts: string[] = [];
  if (c.add) parts.push(`${c.add} to add`);
  if (c.modify) {
    const rep = [c.replace ? `${c.replace} replacement${c.replace > 1 ? 's' : ''}` : '', c.conditionalReplace ? `${c.conditionalReplace} conditional` : ''].filter(Boolean).join(', ');
    parts.push(`${c.modify} to modify${rep ? ` (${rep})` : ''}`);
  }
  if (c.remove) parts.push(`${c.remove} to remove`);
  if (c.import) parts.push(`${c.import} to import`);
  if (c.dynamic) parts.push(`${c.dynamic} dynamic`);
  return parts.length ? parts.join(', ') : 'no resource changes';
}
