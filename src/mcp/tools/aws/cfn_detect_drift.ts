import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { designRegionField, loadCfn, openSession, regionField, resolveRegion, stackNameField } from './shared.js';

export const cfnDetectDrift = defineTool({
  name: 'cfn_detect_drift',
  title: 'Detect stack drift',
  description:
    'Checks whether the resources of a deployed CloudFormation stack still match its template (DetectStackDrift), waits for the result, and lists each drifted resource with its property differences (expected vs actual). Read-only for resources: AWS only records the drift status. Use it when someone may have changed resources in the console or by script, or before a deployment that could overwrite such changes. When the wait runs out, call again with the returned detectionId to pick up the same detection.',
  input: z.object({
    stackName: stackNameField,
    region: regionField,
    design: designRegionField,
    timeoutSeconds: z.number().int().min(5).max(1800).default(300).describe('Longest wait for the detection to finish. Default 300.'),
    includeInSync: z.boolean().default(false).describe('Also list resources that are in sync or could not be checked. Default false.'),
    detectionId: z.string().min(1).optional().describe('Resume waiting for a detection an earlier call started (its detectionId) instead of starting a new one.'),
  }),
  output: z.object({
    region: z.string(),
    stackName: z.string(),
    stackId: z.string(),
    detectionId: z.string(),
    detectionStatus: z.string().describe('DETECTION_COMPLETE, DETECTION_FAILED (some resources could not be checked) or DETECTION_IN_PROGRESS (timed out).'),
    complete: z.boolean(),
    reason: z.string().optional(),
    stackDriftStatus: z.string().describe('DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED.'),
    driftedResourceCount: z.number().int(),
    counts: z.object({ modified: z.number().int(), deleted: z.number().int(), inSync: z.number().int(), notChecked: z.number().int() }),
    resources: z.array(
      z.object({
        logicalId: z.string(),
        physicalId: z.string().optional(),
        resourceType: z.string(),
        status: z.string().describe('MODIFIED, DELETED, IN_SYNC, NOT_CHECKED, UNKNOWN or UNSUPPORTED.'),
        reason: z.string().optional(),
        differences: z.array(
          z.object({
            path: z.string().describe('JSON pointer of the property, e.g. /BillingMode.'),
            type: z.string().describe('ADD, REMOVE or NOT_EQUAL.'),
            expected: z.string().optional(),
            actual: z.string().optional(),
          }),
        ),
        checkedAt: z.string(),
      }),
    ),
    resourcesTruncated: z.boolean(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, ctx) {
    const cfn = await loadCfn();
    const region = await resolveRegion(args, ctx, cfn);
    const session = await openSession(ctx, region, cfn);
    let step = 0;
    const r = await cfn.detectDrift(session, args.stackName, {
      timeoutMs: args.timeoutSeconds * 1000,
      includeInSync: args.includeInSync,
      detectionId: args.detectionId,
      signal: ctx.signal,
      onProgress: (message) => ctx.progress(++step, 3, message),
    });
    if (!r.complete) {
      return {
        structured: r,
        text: `Drift detection for ${r.stackName} (${r.region}) is still running after ${args.timeoutSeconds} s. Call cfn_detect_drift again with detectionId "${r.detectionId}" to keep waiting for it.`,
      };
    }
    const lines = [
      `Stack ${r.stackName} (${r.region}): ${r.stackDriftStatus}; ${r.counts.modified} modified, ${r.counts.deleted} deleted, ${r.counts.inSync} in sync, ${r.counts.notChecked} not checked.`,
    ];
    if (r.reason) lines.push(`Note: ${r.reason}`);
    for (const res of r.resources.filter((x) => x.status === 'MODIFIED' || x.status === 'DELETED').slice(0, 10)) {
      const diffs = res.differences.slice(0, 3).map((d) => `${d.path} ${d.type === 'NOT_EQUAL' ? `${d.expected ?? ''} -> ${d.actual ?? ''}` : d.type}`);
      lines.push(`- ${res.logicalId} (${res.resourceType}) ${res.status}${diffs.length ? `: ${diffs.join('; ')}` : ''}${res.differences.length > 3 ? ` (+${res.differences.length - 3} more)` : ''}`);
    }
    return { structured: r, text: lines.join('\n') };
  },
});
