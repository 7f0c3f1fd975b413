import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { loadCfn, openSession, regionField, resolveRegion, resolveTemplate, templateInputShape } from './shared.js';

export const cfnValidateRemote = defineTool({
  name: 'cfn_validate_remote',
  title: 'Validate a template with AWS',
  description:
    "Asks AWS CloudFormation itself (ValidateTemplate, with the user's AWS credentials) whether a template is valid, and what it declares: parameters, required capabilities (IAM) and transforms. Read-only. Use it after the offline validate_template when the user wants AWS's own verdict before previewing or deploying. Give the template as text, a project file path, an S3 templateUrl, or a design whose CloudFormation template generate_iac wrote. An invalid template is a normal result (valid: false, with AWS's message).",
  input: z.object({
    ...templateInputShape,
    region: regionField,
  }),
  output: z.object({
    valid: z.boolean().describe('True when AWS accepted the template.'),
    error: z.string().optional().describe("AWS's message for an invalid template, verbatim."),
    region: z.string(),
    source: z.string().describe('Where the template came from: inline, a file path, design/file or the S3 URL.'),
    bytes: z.number().int().optional().describe('Size sent inline, in bytes.'),
    description: z.string().optional(),
    parameters: z.array(
      z.object({
        key: z.string(),
        defaultValue: z.string().optional(),
        noEcho: z.boolean(),
        description: z.string().optional(),
      }),
    ),
    capabilities: z.array(z.string()).describe('Capabilities a deployment must acknowledge (pass them to cfn_preview_changes).'),
    capabilitiesReason: z.string().optional(),
    declaredTransforms: z.array(z.string()).describe('Macros such as AWS::Serverless-2016-10-31; AWS validates before expanding them.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, ctx) {
    const cfn = await loadCfn();
    const source = await resolveTemplate(args, ctx, cfn);
    const region = await resolveRegion(args, ctx, cfn);
    const session = await openSession(ctx, region, cfn);
    const r = await cfn.validateTemplateRemote(session, source, { signal: ctx.signal });
    const common = { region, source: source.origin, ...(source.kind === 'body' ? { bytes: source.bytes } : {}) };
    if (!r.valid) {
      return {
        structured: { valid: false, error: r.error, ...common, parameters: [], capabilities: [], declaredTransforms: [] },
        text: `AWS rejected the template (${source.origin}, ${region}): ${r.error}`,
      };
    }
    const lines = [`AWS accepts the template (${source.origin}, ${region}).`];
    if (r.parameters.length) lines.push(`Parameters: ${r.parameters.map((p) => (p.defaultValue !== undefined ? `${p.key} (default ${p.noEcho ? '****' : JSON.stringify(p.defaultValue)})` : `${p.key} (required)`)).join(', ')}.`);
    if (r.capabilities.length) lines.push(`Needs ${r.capabilities.join(', ')}${r.capabilitiesReason ? `: ${r.capabilitiesReason}` : ''}.`);
    if (r.declaredTransforms.length) lines.push(`Transforms: ${r.declaredTransforms.join(', ')} (expanded only at deploy time; preview with cfn_preview_changes to see the result).`);
    return { structured: { ...r, ...common }, text: lines.join('\n') };
  },
});
