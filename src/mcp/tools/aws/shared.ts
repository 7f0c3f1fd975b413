import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { CfnSession, PreviewTokenStore, TemplateSource } from '../../../aws/cfn/index.js';
import { UserError } from '../../../shared/errors.js';
import type { ToolContext } from '../../tool.js';

// Everything AWS-related is imported inside functions: this module is loaded at server start-up.

/** The live CloudFormation module, loaded on first use. */
export type CfnModule = typeof import('../../../aws/cfn/index.js');

export function loadCfn(): Promise<CfnModule> {
  return import('../../../aws/cfn/index.js');
}

const STACK_NAME = /^[A-Za-z][-A-Za-z0-9]{0,127}$/;
const STACK_ARN = /^arn:aws[-a-z]*:cloudformation:[a-z0-9-]+:\d{12}:stack\/[A-Za-z][-A-Za-z0-9]*\/[-A-Za-z0-9]+$/;

export const stackNameField = z
  .string()
  .refine((s) => STACK_NAME.test(s) || STACK_ARN.test(s), {
    message: 'must be a stack name (a letter, then letters, digits and dashes, at most 128) or a stack ARN',
  })
  .describe('CloudFormation stack name (e.g. "chat-backend-prod") or stack ARN.');

export const regionField = z
  .string()
  .optional()
  .describe("AWS Region of the stack, e.g. eu-west-1. Default: the server's --aws-region / AWS_REGION, else the region of design.");

export const designRegionField = z
  .string()
  .optional()
  .describe('Name of a saved design in .ai/architecture/; its region is used when neither region nor the server config gives one.');

/** Ways to give a template: exactly one of these. */
export const templateInputShape = {
  template: z.string().optional().describe('CloudFormation template text (YAML or JSON), at most 51,200 bytes.'),
  path: z.string().optional().describe('Path of a template file relative to the project root, e.g. "infra/template.yaml".'),
  templateUrl: z
    .string()
    .optional()
    .describe('https URL of a template already uploaded to S3 (needed above 51,200 bytes; up to 1 MB).'),
  design: z
    .string()
    .optional()
    .describe('Name of a saved design: uses the template generate_iac wrote to .ai/architecture/<design>/iac/cloudformation/, and the design region as the default region.'),
};

export interface TemplateArgs {
  template?: string | undefined;
  path?: string | undefined;
  templateUrl?: string | undefined;
  design?: string | undefined;
}

export const eventSchema = z.object({
  time: z.string().describe('ISO 8601 timestamp.'),
  logicalId: z.string(),
  physicalId: z.string().optional(),
  resourceType: z.string(),
  status: z.string().describe('Resource status, e.g. CREATE_FAILED or UPDATE_COMPLETE.'),
  reason: z.string().optional().describe("CloudFormation's explanation, verbatim."),
  failed: z.boolean(),
});

export const outputSchema = z.object({
  key: z.string(),
  value: z.string(),
  description: z.string().optional(),
  exportName: z.string().optional(),
});

/**
 * The region of a call: the explicit argument, else the server's configured region, else the design's region;
 * otherwise a UserError asking for one.
 */
export async function resolveRegion(args: { region?: string | undefined; design?: string | undefined }, ctx: ToolContext, cfn: CfnModule): Promise<string> {
  if (args.region) return cfn.checkRegion(args.region, 'region');
  if (ctx.config.aws.region) return cfn.checkRegion(ctx.config.aws.region, 'region (from --aws-region / AWS_REGION)');
  if (args.design) {
    const { DesignWorkspace } = await import('../../../workflow/workspace.js');
    const { architecture } = await new DesignWorkspace(await ctx.projectRoot()).loadArchitecture(args.design);
    return architecture.region;
  }
  throw new UserError('region', 'no AWS region given', 'Pass region (e.g. eu-west-1), start the server with --aws-region or AWS_REGION, or pass design to use its region.');
}

/**
 * The CloudFormation session for a region, shared by all calls of this server, with credentials checked first:
 * when none resolve, the call ends here with the "not configured" answer.
 */
export async function openSession(ctx: ToolContext, region: string, cfn: CfnModule): Promise<CfnSession> {
  const profile = ctx.config.aws.profile;
  const session = await ctx.memo(`aws:cfn:${profile ?? ''}:${region}`, async () => cfn.createCfnSession({ region, profile, logger: ctx.config.logger }));
  await cfn.ensureCredentials(session);
  return session;
}

/** The server's one store of preview tokens (shared by every connection of this process). */
export function previewTokens(ctx: ToolContext, cfn: CfnModule): Promise<PreviewTokenStore> {
  return ctx.memo('aws:preview-tokens', async () => new cfn.PreviewTokenStore());
}

const DESIGN_TEMPLATE_FILES = ['iac/cloudformation/template.yaml', 'iac/cloudformation/template.yml', 'iac/cloudformation/template.json'];

/** Reads the one template source given (text, project file, S3 URL or design), checking the inline size limit. */
export async function resolveTemplate(args: TemplateArgs, ctx: ToolContext, cfn: CfnModule): Promise<TemplateSource> {
  const given = (['template', 'path', 'templateUrl', 'design'] as const).filter((k) => args[k] !== undefined);
  if (given.length === 0) throw new UserError('template', 'no template given', 'Pass one of template (text), path (a file in the project), templateUrl (S3) or design (a saved design with a generated CloudFormation template).');
  if (given.length > 1) throw new UserError(given[1]!, `give only one of template, path, templateUrl or design (got ${given.join(' and ')})`);

  if (args.template !== undefined) return cfn.bodySource(args.template, 'template', 'inline');
  if (args.templateUrl !== undefined) return cfn.urlSource(args.templateUrl, 'templateUrl');
  if (args.path !== undefined) {
    const { resolveInside } = await import('../../../shared/fs-safe.js');
    const root = await ctx.projectRoot();
    const file = await resolveInside(root, args.path, 'path');
    const st = await stat(file).catch(() => undefined);
    if (!st) throw new UserError('path', `no file '${args.path}' under the project root ${root}`, 'Give a path relative to the project root.');
    if (!st.isFile()) throw new UserError('path', `'${args.path}' is not a file`);
    if (st.size > cfn.TEMPLATE_BODY_LIMIT) throw cfn.templateTooLarge(st.size, 'path');
    return cfn.bodySource(await readFile(file, 'utf8'), 'path', args.path);
  }
  const design = args.design!;
  const { DesignWorkspace } = await import('../../../workflow/workspace.js');
  const ws = new DesignWorkspace(await ctx.projectRoot());
  ws.checkName(design);
  for (const rel of DESIGN_TEMPLATE_FILES) {
    const body = await ws.readFile(design, rel);
    if (body) return cfn.bodySource(body.toString('utf8'), 'design', `${design}/${rel}`);
  }
  // Throws the workspace's own "no saved design" error (with the designs that exist) when the design is missing.
  await ws.loadArchitecture(design);
  throw new UserError('design', `design '${design}' has no CloudFormation template yet`, `Run generate_iac with design "${design}" and format "cloudformation" first, then call this again.`);
}

/** "12 s" / "3 min 5 s": durations in text renderings. */
export function seconds(s: number): string {
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
