import { z } from 'zod';
import type { StackEventInfo } from '../../../aws/cfn/index.js';
import { defineTool } from '../../tool.js';
import { designRegionField, eventSchema, loadCfn, openSession, outputSchema, regionField, resolveRegion, stackNameField } from './shared.js';

const clip = (s: string, max = 300) => (s.length > max ? `${s.slice(0, max)}…` : s);

function eventLine(e: StackEventInfo): string {
  return `- ${e.time} ${e.logicalId} (${e.resourceType}) ${e.status}${e.reason ? `: ${clip(e.reason)}` : ''}`;
}

export const cfnStackStatus = defineTool({
  name: 'cfn_stack_status',
  title: 'Stack status and recent events',
  description:
    "Reports where a deployed CloudFormation stack stands (status, health, drift status, outputs, parameters) and its most recent events with failures first, naming the root cause when an operation failed. Read-only (DescribeStacks, DescribeStackEvents). Use it after a deployment, when a stack is stuck or rolled back, or to read a stack's outputs (endpoints, ARNs). A missing stack comes back with similar stack names in the region.",
  input: z.object({
    stackName: stackNameField,
    region: regionField,
    design: designRegionField,
    maxEvents: z.number().int().min(1).max(500).default(30).describe('Most recent events to read (pages through DescribeStackEvents). Default 30.'),
  }),
  output: z.object({
    region: z.string(),
    name: z.string(),
    id: z.string().describe('Stack ARN.'),
    status: z.string().describe('CloudFormation stack status, e.g. UPDATE_ROLLBACK_COMPLETE.'),
    statusReason: z.string().optional(),
    health: z.enum(['stable', 'in-progress', 'rolled-back', 'failed', 'review', 'deleted']),
    description: z.string().optional(),
    createdAt: z.string(),
    lastUpdatedAt: z.string().optional(),
    driftStatus: z.string().describe('DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED (run cfn_detect_drift to refresh).'),
    driftCheckedAt: z.string().optional(),
    terminationProtection: z.boolean(),
    capabilities: z.array(z.string()),
    outputs: z.array(outputSchema),
    parameters: z.array(z.object({ key: z.string(), value: z.string() })).describe('NoEcho values come back masked as ****.'),
    tags: z.array(z.object({ key: z.string(), value: z.string() })),
    rootCause: eventSchema.optional().describe('The failure that started the latest failed operation.'),
    events: z.array(eventSchema).describe('Failures first, then the rest; each group most recent first.'),
    failedEventCount: z.number().int(),
    eventsTruncated: z.boolean().describe('True when older events exist beyond maxEvents.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, ctx) {
    const cfn = await loadCfn();
    const region = await resolveRegion(args, ctx, cfn);
    const session = await openSession(ctx, region, cfn);
    const r = await cfn.stackStatus(session, args.stackName, args.maxEvents, { signal: ctx.signal });
    const lines = [`Stack ${r.name} (${r.region}): ${r.status} (${r.health})${r.statusReason ? `: ${r.statusReason}` : ''}. Drift: ${r.driftStatus}.`];
    const cause = r.rootCause;
    if (cause) lines.push(`Root cause: ${cause.logicalId} (${cause.resourceType}) ${cause.status}${cause.reason ? `: ${clip(cause.reason, 600)}` : ''}`);
    if (r.outputs.length) lines.push(`Outputs: ${r.outputs.slice(0, 10).map((o) => `${o.key}=${o.value}`).join(', ')}${r.outputs.length > 10 ? ', ...' : ''}`);
    if (cause) {
      const others = r.events.filter((e) => e.failed && !(e.time === cause.time && e.logicalId === cause.logicalId));
      if (others.length) lines.push(`Other failed events (${others.length}):`, ...others.slice(0, 5).map(eventLine));
    } else {
      const latest = [...r.events].sort((a, b) => b.time.localeCompare(a.time)).slice(0, 5);
      if (latest.length) lines.push('Latest events:', ...latest.map(eventLine));
      if (r.failedEventCount) lines.push(`${r.failedEventCount} failed event(s) among the ${r.events.length} read (listed first in events).`);
    }
    return { structured: r, text: lines.join('\n') };
  },
});
