import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { eventSchema, loadCfn, openSession, outputSchema, previewTokens, seconds, stackNameField } from './shared.js';

export const cfnExecuteChangeSet = defineTool({
  name: 'cfn_execute_change_set',
  title: 'Deploy a previewed change set',
  description:
    'Deploys to AWS: executes a change set that cfn_preview_changes created with keep: true in this same server, then follows the deployment (with progress) until the stack finishes or waitSeconds pass, and reports the outcome, the root cause of a failure, and the stack outputs. It requires the one-time token that preview returned, for the stack it was issued for; it cannot execute anything else. This changes real resources and may delete or replace them: show the user the preview (especially any data-loss warnings) and get their explicit go-ahead first. If the wait ends or the call is cancelled, the deployment continues in AWS; follow it with cfn_stack_status.',
  input: z.object({
    stackName: stackNameField.describe('The stack the preview was for (its name as previewed, or its ARN).'),
    token: z.string().min(1).describe('The one-time token cfn_preview_changes returned (with keep: true) for this stack.'),
    waitSeconds: z.number().int().min(0).max(3600).default(900).describe('How long to follow the deployment before returning it as still in progress. Default 900.'),
  }),
  output: z.object({
    region: z.string(),
    stackName: z.string(),
    stackId: z.string(),
    changeSetId: z.string(),
    outcome: z.enum(['succeeded', 'failed', 'in-progress']).describe('in-progress: the wait ended first; the deployment continues in AWS.'),
    status: z.string().describe('Stack status at the end, e.g. UPDATE_COMPLETE or UPDATE_ROLLBACK_COMPLETE.'),
    statusReason: z.string().optional(),
    durationSeconds: z.number().int(),
    resourcesDone: z.number().int(),
    resourcesTotal: z.number().int(),
    rootCause: eventSchema.optional().describe('The failure that made the deployment fail.'),
    failures: z.array(eventSchema).describe('Failed events of this deployment, earliest first.'),
    events: z.array(eventSchema).describe("This deployment's events, most recent first (at most 50)."),
    outputs: z.array(outputSchema).describe('Stack outputs after a successful deployment.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, ctx) {
    const cfn = await loadCfn();
    const tokens = await previewTokens(ctx, cfn);
    // The token is checked before anything touches AWS: without a valid one this tool does nothing.
    const grant = tokens.check(args.token, args.stackName);
    const session = await openSession(ctx, grant.region, cfn);
    const r = await cfn.executeChangeSet(session, grant, {
      waitMs: args.waitSeconds * 1000,
      signal: ctx.signal,
      beforeExecute: () => tokens.redeem(args.token, args.stackName),
      onProgress: (done, total, message) => ctx.progress(done, total, message),
    });
    const lines: string[] = [];
    if (r.outcome === 'succeeded') {
      lines.push(`Deployed ${r.stackName} (${r.region}): ${r.status} in ${seconds(r.durationSeconds)}, ${r.resourcesDone}/${r.resourcesTotal} resources.`);
      if (r.outputs.length) lines.push(`Outputs: ${r.outputs.slice(0, 10).map((o) => `${o.key}=${o.value}`).join(', ')}`);
    } else if (r.outcome === 'failed') {
      lines.push(`Deployment of ${r.stackName} (${r.region}) failed: ${r.status}${r.statusReason ? ` (${r.statusReason})` : ''} after ${seconds(r.durationSeconds)}.`);
      if (r.rootCause) lines.push(`Root cause: ${r.rootCause.logicalId} (${r.rootCause.resourceType}) ${r.rootCause.status}: ${r.rootCause.reason ?? 'no reason given'}`);
      const cause = r.rootCause;
      for (const f of r.failures.filter((f) => !cause || f.time !== cause.time || f.logicalId !== cause.logicalId).slice(0, 4)) lines.push(`- ${f.logicalId} ${f.status}${f.reason ? `: ${f.reason}` : ''}`);
    } else {
      lines.push(`Deployment of ${r.stackName} (${r.region}) is still running (${r.status}, ${r.resourcesDone}/${r.resourcesTotal} resources after ${seconds(r.durationSeconds)}). It continues in AWS; follow it with cfn_stack_status.`);
    }
    return { structured: r, text: lines.join('\n') };
  },
});
