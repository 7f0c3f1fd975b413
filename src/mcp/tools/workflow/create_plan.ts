import { z } from 'zod';
import { FRAMEWORKS } from '../../../model/constants.js';
import { UserError } from '../../../shared/errors.js';
import { defineTool, type ExtraContent } from '../../tool.js';
import { priceCatalog } from '../cost/shared.js';

const FORMATS = ['cloudformation', 'terraform', 'cdk'] as const;

export const createPlan = defineTool({
  name: 'create_plan',
  title: 'Create the architecture plan',
  description:
    'Produces the AWS backend architecture plan (executive summary, overview with diagram, service components with decisions and rejected alternatives, security design, scalability, cost at 1x and 10x, implementation roadmap with deployment stages and rollback, IaC, monitoring and operations, disaster recovery) and everything behind it. From a brief it runs all five phases: requirements, service selection, IaC with validation, cost, review, diagrams. From a saved design it fills in the phases from the design. Everything is written to .ai/architecture/<design>/ and returned as links with a short summary; optionally records the decisions as ADRs in .ai/memory. Reports progress.',
  input: z.object({
    brief: z.string().optional().describe('The backend to design, in the user\'s words. Runs every phase from requirements on. Use this, design or architecture.'),
    fields: z.record(z.string(), z.unknown()).optional().describe('With brief: Requirements fields that override the text, e.g. {"regions": {"primary": "eu-west-1"}, "compliance": ["hipaa"]}.'),
    design: z.string().optional().describe('Name of a saved design in .ai/architecture/ to build the plan from.'),
    architecture: z.record(z.string(), z.unknown()).optional().describe('Inline Architecture model (schema: aws-architect://schema/architecture); saved under its name.'),
    name: z.string().optional().describe('Design name to save under (default: from the brief or the architecture).'),
    format: z.enum(FORMATS).optional().describe('IaC format: cloudformation (default), terraform or cdk.'),
    frameworks: z.array(z.enum(FRAMEWORKS)).default([]).describe('Extra review frameworks (hipaa, pci-dss, nist-800-53-r5, serverless); the design\'s compliance regimes are always included.'),
    thorough: z.boolean().default(true).describe('Also run the cdk-nag packs and AWS\'s validator engine (a few seconds on the first call). Default true.'),
    recordDecisions: z.boolean().default(false).describe('Record the design\'s service decisions as ADRs in .ai/memory/decisions/.'),
  }),
  output: z.object({
    design: z.string().describe('Saved design name.'),
    plan: z.string().describe('URI of plan.md.'),
    files: z.array(z.string()).describe('URIs of every file written.'),
    summary: z.record(z.string(), z.unknown()).describe('Components, monthly cost at 1x and 10x, review result per framework, IaC validation, open questions, ADRs.'),
    steps: z.array(z.object({ phase: z.string(), ok: z.boolean(), detail: z.string(), ms: z.number() })).describe('What each phase did.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const given = [args.brief, args.design, args.architecture].filter((x) => x !== undefined).length;
    if (given !== 1) throw new UserError('brief', given ? 'give only one of brief, design or architecture' : 'nothing to plan', 'Pass brief (a description), design (a saved design) or architecture (an inline model).');
    const { runPlan } = await import('../../../workflow/plan.js');
    let architecture;
    if (args.architecture) {
      const { resolveArchitecture } = await import('../shared/design-input.js');
      architecture = (await resolveArchitecture({ architecture: args.architecture }, ctx)).architecture;
    }
    const result = await runPlan({
      projectRoot: await ctx.projectRoot(),
      memoryDir: ctx.config.memoryDir,
      ...(args.brief !== undefined ? { brief: { description: args.brief, fields: { ...(args.fields ?? {}), ...(args.name ? { name: args.name } : {}) } } } : {}),
      design: args.design,
      architecture,
      name: args.name,
      format: args.format,
      frameworks: args.frameworks,
      thorough: args.thorough,
      recordDecisions: args.recordDecisions,
      priceCatalog: () => priceCatalog(ctx),
      onProgress: (step, total, message) => ctx.progress(step, total, message),
    });
    ctx.resourcesChanged();
    const plan = `design://${result.design}/plan.md`;
    const pick = ['plan.md', 'architecture.json', 'cost.md', 'review.json', 'diagram.png', 'diagram.drawio'];
    const extra: ExtraContent[] = result.files
      .filter((u) => pick.some((f) => u.endsWith(`/${f}`)) || /\/iac\/[^/]+\/(template\.(yaml|json)|main\.tf|lib\/[^/]+\.ts)$/.test(u))
      .map((uri) => ({ type: 'resource_link' as const, uri, name: uri.slice(`design://${result.design}/`.length) }));
    const s = result.summary;
    const text = [
      `Plan for ${result.design}: ${s.components} components; ${s.monthlyUsd !== undefined ? `$${s.monthlyUsd.toFixed(2)}/month, $${(s.monthlyUsdAt10x ?? 0).toFixed(2)} at 10x` : 'no cost'}; review ${s.review?.map((r) => `${r.framework} ${r.passed ? 'pass' : 'fail'}`).join(', ')}; ${s.iac?.format} code with ${s.iac?.errors} validation error(s).`,
      s.openQuestions.length ? `Open questions: ${s.openQuestions.join(' | ')}` : '',
      `Plan: ${plan}`,
    ].filter(Boolean).join('\n');
    return { structured: { design: result.design, plan, files: result.files, summary: s as unknown as Record<string, unknown>, steps: result.steps }, text, extra };
  },
});
