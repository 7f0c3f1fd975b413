import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  paginateDescribeChangeSet,
  type Capability,
  type Change,
  type DescribeChangeSetOutput,
  type Parameter,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { randomBytes, randomUUID } from 'node:crypto';
import { isUserError, UserError } from '../../shared/errors.js';
import { rethrowAws } from '../errors.js';
import { poll, type Clock } from '../poll.js';
import { cfnCall, type CallOptions, type CfnSession } from '../session.js';
import { summarizeChanges, type ChangeSummary, type SummaryLimits } from './changes.js';
import { findStack } from './stacks.js';
import { templateRequest, type TemplateSource } from './template.js';
import { validateTemplateRemote, type RemoteValidation } from './validate.js';

export const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

export interface PreviewRequest {
  stackName: string;
  template: TemplateSource;
  /** Parameter values by key; for an existing stack, declared parameters left out keep their current value. */
  parameters?: Record<string, string> | undefined;
  capabilities: readonly Capability[];
  /** Service role CloudFormation assumes for the stack operation. */
  roleArn?: string | undefined;
  /** Keep the change set for execution instead of deleting it after the preview. */
  keep: boolean;
  /** Ask AWS for before/after property values (DescribeChangeSet IncludePropertyValues). */
  includePropertyValues?: boolean | undefined;
  /** Longest wait for the change set to be computed. */
  timeoutMs: number;
}

export interface PreviewOptions extends CallOptions {
  clock?: Clock | undefined;
  /** First polling interval. @default 1500 */
  intervalMs?: number | undefined;
  onProgress?: ((step: number, total: number, message: string) => void | Promise<void>) | undefined;
  /** @default aba-preview-<time>-<random> */
  changeSetName?: string | undefined;
  limits?: SummaryLimits | undefined;
}

export interface PreviewResult {
  region: string;
  stackName: string;
  stackId: string;
  /** CREATE for a stack that does not exist yet, UPDATE otherwise. */
  changeSetType: 'CREATE' | 'UPDATE';
  changeSetName: string;
  changeSetId: string;
  /** `no-changes` when the template and parameters match what is deployed. */
  status: 'changes' | 'no-changes';
  /** True when the change set still exists (keep was asked and there were changes). */
  kept: boolean;
  summary: ChangeSummary;
  /** Parameters that keep their deployed value because they were not given. */
  previousParameters: string[];
  warnings: string[];
  templateDescription?: string;
  declaredTransforms: string[];
}

/** AWS's two ways of saying a change set would change nothing. */
const NO_CHANGES = /didn't contain changes|did not contain changes|No updates are to be performed/i;

const DELETE_FIRST = 'Delete it (console or `aws cloudformation delete-stack`), then preview again; cfn_stack_status shows why it failed.';
/** Stack statuses no change set can be created in: why, and what the user does about it. */
const NOT_UPDATABLE: Record<string, [string, string]> = {
  ROLLBACK_COMPLETE: ['its creation failed and was rolled back, so it can only be deleted', DELETE_FIRST],
  ROLLBACK_FAILED: ['its creation failed and the rollback failed too, so it can only be deleted', DELETE_FIRST],
  DELETE_FAILED: ['a delete failed', 'Finish deleting it (retry the delete, retaining the resources that failed), then preview again.'],
  UPDATE_ROLLBACK_FAILED: [
    'an update failed and so did its rollback',
    'Run `aws cloudformation continue-update-rollback` for the stack (skipping resources that cannot roll back) until it reaches UPDATE_ROLLBACK_COMPLETE, then preview again.',
  ],
};

function defaultChangeSetName(): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `aba-preview-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Capabilities the template needs that were not given; CAPABILITY_NAMED_IAM covers CAPABILITY_IAM, as AWS treats it. */
export function missingCapabilities(needed: readonly string[], given: readonly string[]): string[] {
  return needed.filter((c) => !given.includes(c) && !(c === 'CAPABILITY_IAM' && given.includes('CAPABILITY_NAMED_IAM')));
}

/**
 * ValidateTemplate before creating the change set, for its clearer errors and the declared parameters. Deploy
 * roles are often scoped to change-set actions only, so a denied ValidateTemplate only costs those extras.
 */
async function validateOrSkip(session: CfnSession, template: TemplateSource, options: CallOptions, warnings: string[]): Promise<RemoteValidation | undefined> {
  try {
    return await validateTemplateRemote(session, template, options);
  } catch (e) {
    if (!isUserError(e) || e.field !== 'permissions') throw e;
    warnings.push('cloudformation:ValidateTemplate is not allowed for your identity, so the template was checked only by CreateChangeSet and parameters you left out were not carried over from the deployed stack.');
    return undefined;
  }
}

/**
 * Builds the Parameters list: given values, plus UsePreviousValue for declared ones the caller left out. Without
 * the declared list (ValidateTemplate denied) nothing is carried over: naming a parameter the new template lacks
 * would fail the change set.
 */
function parameterList(declared: string[] | undefined, given: Record<string, string>, existing: Stack | undefined): { list: Parameter[]; previous: string[] } {
  const list: Parameter[] = Object.entries(given).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
  if (!declared) return { list, previous: [] };
  for (const key of Object.keys(given)) {
    if (!declared.includes(key)) {
      throw new UserError(`parameters.${key}`, `the template declares no parameter '${key}'`, declared.length ? `Declared parameters: ${declared.join(', ')}.` : 'The template declares no parameters.');
    }
  }
  const deployed = new Set((existing?.Parameters ?? []).map((p) => p.ParameterKey));
  const previous = declared.filter((k) => !(k in given) && deployed.has(k));
  for (const key of previous) list.push({ ParameterKey: key, UsePreviousValue: true });
  return { list, previous };
}

/**
 * Previews what deploying a template would do, the way CloudFormation itself computes it: validate the
 * template, create a change set (CREATE for a new stack, UPDATE for an existing one), wait for it, read every
 * page of changes and summarise them with data-loss risks. The change set is then deleted (with the empty
 * placeholder stack CloudFormation made for a new one) unless `keep` is set. Nothing here changes a resource;
 * cleanup also runs when the call fails or is cancelled.
 */
export async function previewChanges(session: CfnSession, req: PreviewRequest, options: PreviewOptions = {}): Promise<PreviewResult> {
  const progress = async (step: number, message: string) => options.onProgress?.(step, 5, message);
  const warnings: string[] = [];

  await progress(0, 'validating the template with CloudFormation');
  const validation = await validateOrSkip(session, req.template, options, warnings);
  if (validation && !validation.valid) throw new UserError(req.template.field, `CloudFormation rejected the template: ${validation.error}`, 'Fix the template (validate_template checks it offline) and preview again.');
  const missing = validation ? missingCapabilities(validation.capabilities, req.capabilities) : [];
  if (validation && missing.length) {
    throw new UserError(
      'capabilities',
      `the template needs ${missing.join(' and ')}${validation.capabilitiesReason ? ` (${validation.capabilitiesReason})` : ''}`,
      `Review the IAM resources it creates, then pass capabilities: ${JSON.stringify([...new Set([...req.capabilities, ...missing])])}.`,
    );
  }

  await progress(1, 'looking up the stack');
  const existing = await findStack(session, req.stackName, options);
  const blocked = existing?.StackStatus ? NOT_UPDATABLE[existing.StackStatus] : undefined;
  if (blocked) throw new UserError('stackName', `stack '${req.stackName}' is ${existing!.StackStatus}: ${blocked[0]}`, blocked[1]);
  if (existing?.StackStatus && existing.StackStatus !== 'REVIEW_IN_PROGRESS' && /_IN_PROGRESS$/.test(existing.StackStatus)) {
    throw new UserError('stackName', `stack '${req.stackName}' is busy (${existing.StackStatus})`, 'Wait until the current operation finishes (cfn_stack_status), then preview again.');
  }
  // A stack in REVIEW_IN_PROGRESS exists only as a holder for CREATE change sets and still takes another one.
  const changeSetType = existing && existing.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
  const createdPlaceholder = !existing;
  const declared = validation?.parameters.map((p) => p.key);
  const { list: parameters, previous } = parameterList(declared, req.parameters ?? {}, changeSetType === 'UPDATE' ? existing : undefined);

  const changeSetName = options.changeSetName ?? defaultChangeSetName();
  await progress(2, `creating change set ${changeSetName}`);
  const created = await cfnCall(
    session,
    'CreateChangeSet',
    req.template.field,
    (c, o) =>
      c.send(
        new CreateChangeSetCommand({
          StackName: req.stackName,
          ChangeSetName: changeSetName,
          ChangeSetType: changeSetType,
          ...templateRequest(req.template),
          Parameters: parameters,
          Capabilities: [...req.capabilities],
          ...(req.roleArn ? { RoleARN: req.roleArn } : {}),
          Description: 'Preview created by aws-backend-architect (cfn_preview_changes)',
          // The same token on the SDK's retries keeps a retried call from creating a second change set.
          ClientToken: randomUUID(),
        }),
        o,
      ),
    options,
  );
  const changeSetId = created.Id;
  if (!changeSetId) throw new Error('CreateChangeSet returned no Id');
  const stackId = created.StackId ?? existing?.StackId ?? req.stackName;

  let keepIt = false;
  try {
    await progress(3, 'waiting for CloudFormation to compute the changes');
    const describe = () =>
      cfnCall(
        session,
        'DescribeChangeSet',
        req.template.field,
        (c, o) => c.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId, ...(req.includePropertyValues ? { IncludePropertyValues: true } : {}) }), o),
        options,
      );
    const settled = await poll<DescribeChangeSetOutput>(
      async () => {
        const out = await describe();
        return out.Status === 'CREATE_PENDING' || out.Status === 'CREATE_IN_PROGRESS' ? undefined : out;
      },
      { intervalMs: options.intervalMs ?? 1500, maxIntervalMs: 10_000, timeoutMs: req.timeoutMs, signal: options.signal, clock: options.clock },
    );
    if (!settled.done) {
      throw new UserError('timeoutSeconds', `CloudFormation was still computing change set ${changeSetName} after ${Math.round(req.timeoutMs / 1000)} s`, 'Preview again with a larger timeoutSeconds; large stacks and nested stacks take longer.');
    }
    const first = settled.value;
    const base = {
      region: session.region,
      stackName: req.stackName,
      stackId,
      changeSetType,
      changeSetName,
      changeSetId,
      previousParameters: previous,
      warnings,
      ...(validation?.description ? { templateDescription: validation.description } : {}),
      declaredTransforms: validation?.declaredTransforms ?? [],
    } as const;

    if (first.Status === 'FAILED') {
      if (NO_CHANGES.test(first.StatusReason ?? '')) {
        return { ...base, status: 'no-changes', kept: false, summary: summarizeChanges([], options.limits) };
      }
      throw new UserError(req.template.field, `CloudFormation could not create the change set: ${first.StatusReason ?? 'no reason given'}`, 'Fix the template or parameters and preview again.');
    }
    if (first.Status !== 'CREATE_COMPLETE') {
      throw new UserError('stackName', `change set ${changeSetName} ended in status ${first.Status}${first.StatusReason ? `: ${first.StatusReason}` : ''}`);
    }

    await progress(4, 'reading the changes');
    const changes: Change[] = [...(first.Changes ?? [])];
    if (first.NextToken) {
      try {
        let pages = 1;
        const input = { ChangeSetName: changeSetId, ...(req.includePropertyValues ? { IncludePropertyValues: true } : {}) };
        for await (const page of paginateDescribeChangeSet({ client: session.client, startingToken: first.NextToken }, input, options.signal ? { abortSignal: options.signal } : {})) {
          changes.push(...(page.Changes ?? []));
          if (++pages >= 50) {
            if (page.NextToken) warnings.push('The change set has more than 50 pages of changes; only the first 50 were read.');
            break;
          }
        }
      } catch (e) {
        rethrowAws(e, { action: 'cloudformation:DescribeChangeSet', region: session.region, profile: session.profile, field: req.template.field });
      }
    }
    keepIt = req.keep;
    if (changeSetType === 'CREATE' && keepIt) warnings.push(`Stack '${req.stackName}' stays in REVIEW_IN_PROGRESS (no resources) until the change set is executed or deleted.`);
    return { ...base, status: 'changes', kept: keepIt, summary: summarizeChanges(changes, options.limits) };
  } finally {
    if (!keepIt) await cleanup(session, changeSetId, createdPlaceholder ? stackId : undefined, warnings);
  }
}

/**
 * Deletes the preview's change set and, when the preview created the stack, the empty REVIEW_IN_PROGRESS
 * placeholder. Runs without the request's signal (a cancelled call must still clean up) and never throws:
 * a leftover is reported as a warning naming what to delete by hand.
 */
async function cleanup(session: CfnSession, changeSetId: string, placeholderStackId: string | undefined, warnings: string[]): Promise<void> {
  try {
    await session.client.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }));
  } catch (e) {
    warnings.push(`Could not delete change set ${changeSetId} (${(e as Error).message}); delete it in the console.`);
    return;
  }
  if (!placeholderStackId) return;
  try {
    // Security: only a stack this preview created, and only while it holds no resources, is ever deleted.
    const stack = await findStack(session, placeholderStackId);
    if (stack?.StackStatus === 'REVIEW_IN_PROGRESS') await session.client.send(new DeleteStackCommand({ StackName: placeholderStackId }));
  } catch (e) {
    warnings.push(`Could not delete the empty placeholder stack ${placeholderStackId} (${(e as Error).message}); delete it in the console.`);
  }
}
