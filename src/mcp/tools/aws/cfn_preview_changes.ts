import { z } from 'zod';
import type { ChangeItem, PreviewResult } from '../../../aws/cfn/index.js';
import { defineTool } from '../../tool.js';
import { loadCfn, openSession, previewTokens, regionField, resolveRegion, resolveTemplate, stackNameField, templateInputShape } from './shared.js';

const CAPABILITY_VALUES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

const changeSchema = z.object({
  action: z.string().describe('Add, Modify, Remove, Import, Dynamic or SyncWithActual.'),
  logicalId: z.string(),
  physicalId: z.string().optional(),
  resourceType: z.string(),
  replacement: z.string().optional().describe('For Modify: True (the resource is recreated), Conditional or False.'),
  policyAction: z.string().optional().describe('Delete, Retain, Snapshot, ReplaceAndDelete, ReplaceAndRetain or ReplaceAndSnapshot.'),
  dataLoss: z.enum(['likely', 'possible', 'retained']).optional().describe('Set for stateful resources that are removed or replaced.'),
  dataLossNote: z.string().optional(),
  scope: z.array(z.string()),
  details: z.array(
    z.object({
      attribute: z.string().optional(),
      name: z.string().optional(),
      requiresRecreation: z.string().optional(),
      evaluation: z.string().optional(),
      changeSource: z.string().optional(),
      causingEntity: z.string().optional(),
      before: z.string().optional(),
      after: z.string().optional(),
    }),
  ),
  detailsOmitted: z.number().int().optional(),
  nestedChangeSetId: z.string().optional(),
});

const MAX_TEXT_CHANGES = 12;

function changeLine(c: ChangeItem): string {
  const rep = c.replacement === 'True' ? ' [REPLACED]' : c.replacement === 'Conditional' ? ' [may be replaced]' : '';
  const risk = c.dataLoss === 'likely' ? ' DATA LOSS: ' : c.dataLoss === 'possible' ? ' possible data loss: ' : c.dataLoss === 'retained' ? ' (data kept: ' : '';
  const note = c.dataLossNote ? `${risk}${c.dataLossNote}${c.dataLoss === 'retained' ? ')' : ''}` : '';
  const props = c.details.map((d) => d.name).filter(Boolean);
  return `- ${c.action} ${c.logicalId} (${c.resourceType})${rep}${props.length ? ` props: ${[...new Set(props)].slice(0, 5).join(', ')}` : ''}${note}`;
}

function render(r: PreviewResult, token: { token: string; expiresAt: Date } | undefined, allowWrites: boolean, describeCounts: (c: PreviewResult['summary']['counts']) => string): string {
  if (r.status === 'no-changes') {
    return `No changes: stack ${r.stackName} (${r.region}) already matches this template and these parameters. The empty change set was deleted.${r.warnings.length ? `\n${r.warnings.join('\n')}` : ''}`;
  }
  const c = r.summary.counts;
  const lines = [`${r.changeSetType === 'CREATE' ? 'New stack' : 'Update of stack'} ${r.stackName} (${r.region}): ${describeCounts(c)}.`];
  if (c.dataLossLikely || c.dataLossPossible) lines.push(`WARNING: ${c.dataLossLikely} change(s) likely to destroy data, ${c.dataLossPossible} that may.`);
  lines.push(...r.summary.changes.slice(0, MAX_TEXT_CHANGES).map(changeLine));
  const more = c.total - Math.min(MAX_TEXT_CHANGES, r.summary.changes.length);
  if (more > 0) lines.push(`... and ${more} more (see the structured result).`);
  if (r.previousParameters.length) lines.push(`Kept deployed values for: ${r.previousParameters.join(', ')}.`);
  if (token) lines.push(`Change set ${r.changeSetName} was kept. To deploy it, call cfn_execute_change_set with stackName "${r.stackName}" and token "${token.token}" (valid until ${token.expiresAt.toISOString()}, once).`);
  else if (r.kept) lines.push(`Change set ${r.changeSetName} was kept${allowWrites ? '' : '; this server was started without --allow-writes, so execute it in the console or with aws cloudformation execute-change-set'}.`);
  else lines.push('The change set was deleted (pass keep: true to keep it for deployment).');
  lines.push(...r.warnings);
  return lines.join('\n');
}

export const cfnPreviewChanges = defineTool({
  name: 'cfn_preview_changes',
  title: 'Preview stack changes (change set)',
  description:
    "Shows exactly what deploying a template would do to a stack, computed by AWS CloudFormation: it creates a change set (CREATE for a new stack, UPDATE for an existing one), waits for it, and summarises additions, modifications, replacements and removals, flagging data-loss risk for stateful resources (databases, tables, buckets, queues, keys, ...). It then deletes the change set (and the empty placeholder stack of a new one) unless keep is true. It changes no resources, but it does create and delete a change set in the user's account. With keep: true on a server started with --allow-writes it returns a one-time token for cfn_execute_change_set. Give the template as text, a project path, an S3 templateUrl, or a design.",
  input: z.object({
    stackName: stackNameField,
    ...templateInputShape,
    region: regionField,
    parameters: z
      .record(z.string(), z.string())
      .optional()
      .describe('Template parameter values by key, e.g. {"Env": "prod"}. For an existing stack, declared parameters left out keep their deployed value.'),
    capabilities: z
      .array(z.enum(CAPABILITY_VALUES))
      .default(['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'])
      .describe('Capabilities to acknowledge: CAPABILITY_IAM and CAPABILITY_NAMED_IAM (the template creates IAM resources) and CAPABILITY_AUTO_EXPAND (macros). Default: the two IAM ones.'),
    roleArn: z
      .string()
      .regex(/^arn:aws[-a-z]*:iam::\d{12}:role\/\S+$/, 'must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/cfn-deployer')
      .optional()
      .describe('Service role CloudFormation assumes for this stack (default: the role already on the stack, else your credentials).'),
    keep: z.boolean().default(false).describe('Keep the change set after the preview so it can be deployed. Default false: it is deleted.'),
    includePropertyValues: z.boolean().default(false).describe('Include before/after property values in the details (truncated; NoEcho values stay masked).'),
    timeoutSeconds: z.number().int().min(10).max(1800).default(300).describe('Longest wait for CloudFormation to compute the change set. Default 300.'),
  }),
  output: z.object({
    region: z.string(),
    stackName: z.string(),
    stackId: z.string(),
    changeSetType: z.enum(['CREATE', 'UPDATE']),
    changeSetName: z.string(),
    changeSetId: z.string(),
    status: z.enum(['changes', 'no-changes']),
    kept: z.boolean().describe('True when the change set still exists in the account.'),
    token: z.string().optional().describe('One-time token for cfn_execute_change_set (only with keep on a server started with --allow-writes).'),
    tokenExpiresAt: z.string().optional(),
    counts: z.object({
      total: z.number().int(),
      add: z.number().int(),
      modify: z.number().int(),
      remove: z.number().int(),
      import: z.number().int(),
      dynamic: z.number().int(),
      replace: z.number().int(),
      conditionalReplace: z.number().int(),
      dataLossLikely: z.number().int(),
      dataLossPossible: z.number().int(),
    }),
    changes: z.array(changeSchema).describe('Riskiest first: likely data loss, possible data loss, removals, replacements, modifications, additions.'),
    omittedChanges: z.number().int().describe('Changes counted but left out of changes to keep the result small.'),
    previousParameters: z.array(z.string()).describe('Parameters that keep their deployed value.'),
    warnings: z.array(z.string()),
    templateDescription: z.string().optional(),
    declaredTransforms: z.array(z.string()),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, ctx) {
    const cfn = await loadCfn();
    const template = await resolveTemplate(args, ctx, cfn);
    const region = await resolveRegion(args, ctx, cfn);
    const session = await openSession(ctx, region, cfn);
    const r = await cfn.previewChanges(
      session,
      {
        stackName: args.stackName,
        template,
        parameters: args.parameters,
        capabilities: args.capabilities,
        roleArn: args.roleArn,
        keep: args.keep,
        includePropertyValues: args.includePropertyValues,
        timeoutMs: args.timeoutSeconds * 1000,
      },
      { signal: ctx.signal, onProgress: (step, total, message) => ctx.progress(step, total, message) },
    );
    const allowWrites = ctx.config.aws.allowWrites;
    const token =
      r.kept && allowWrites
        ? (await previewTokens(ctx, cfn)).issue({
            stackName: r.stackName,
            stackId: r.stackId,
            changeSetId: r.changeSetId,
            changeSetName: r.changeSetName,
            region: r.region,
            profile: ctx.config.aws.profile,
            changeCount: r.summary.counts.total,
          })
        : undefined;
    return {
      structured: {
        region: r.region,
        stackName: r.stackName,
        stackId: r.stackId,
        changeSetType: r.changeSetType,
        changeSetName: r.changeSetName,
        changeSetId: r.changeSetId,
        status: r.status,
        kept: r.kept,
        ...(token ? { token: token.token, tokenExpiresAt: token.expiresAt.toISOString() } : {}),
        counts: r.summary.counts,
        changes: r.summary.changes,
        omittedChanges: r.summary.omitted,
        previousParameters: r.previousParameters,
        warnings: r.warnings,
        ...(r.templateDescription ? { templateDescription: r.templateDescription } : {}),
        declaredTransforms: r.declaredTransforms,
      },
      text: render(r, token, allowWrites, cfn.describeCounts),
    };
  },
});
