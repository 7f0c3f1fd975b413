import { z } from 'zod';
import { FRAMEWORKS, SEVERITIES } from '../../../model/constants.js';
import { Finding } from '../../../model/finding.js';
import { UserError } from '../../../shared/errors.js';
import { stableStringify } from '../../../shared/json.js';
import type { ExtraContent } from '../../tool.js';
import { defineTool } from '../../tool.js';
import { designInputShape, resolveArchitecture } from '../shared/design-input.js';
import { cloudFormationFor, readTemplateInput } from './shared.js';

const FrameworkEnum = z.enum(FRAMEWORKS);
const Counts = z.record(z.string(), z.number()).describe('Counts: findings, acknowledged, and unacknowledged findings per severity.');

export const reviewArchitectureTool = defineTool({
  name: 'review_architecture',
  title: 'Review a design or template (Well-Architected, anti-patterns, DR, HIPAA, PCI DSS, cdk-nag)',
  description:
    'Reviews a saved design, an inline architecture model, or a CloudFormation (JSON/YAML, SAM) or Terraform template, offline. ' +
    'Model rules: the six Well-Architected pillars, the anti-patterns (single points of failure, missing alerting, manual steps, insufficient security, ignored cost, over-engineering), disaster recovery against the stated RPO/RTO, and HIPAA / PCI DSS controls including service eligibility. ' +
    'cdk-nag 3 packs (AwsSolutions, HIPAA Security, PCI DSS 3.2.1, NIST 800-53 rev 5, Serverless) run on the template, or on the CloudFormation generated from a design; Terraform is mapped into the model and unmapped resources are listed. ' +
    'Each finding says what is wrong, where (component id and/or template resource), evidence, why it matters and how to fix it; accepted findings (model acknowledgements, cdk_nag rules_to_suppress metadata) come back as acknowledged, not hidden. ' +
    'Returns pass/fail per framework (fail = an unacknowledged high or critical finding), summaries per pillar and framework, the worst findings (full report in review.json for saved designs) and what was not covered. Call it after select_services or generate_iac, and on templates the user brings.',
  input: z.object({
    ...designInputShape,
    template: z.string().optional().describe('Template text to review instead of a design: CloudFormation YAML/JSON (SAM included) or Terraform HCL.'),
    templatePath: z.string().optional().describe('A template file relative to the project root, or a folder whose .tf files form one Terraform configuration. Use instead of template.'),
    templateFormat: z.enum(['auto', 'cloudformation', 'terraform']).default('auto').describe('Template language; auto detects it from the file name and content.'),
    templateContext: z
      .object({
        environment: z.enum(['dev', 'staging', 'prod']).optional().describe('Environment the template deploys (default prod).'),
        dataClassification: z.enum(['public', 'internal', 'confidential', 'pii', 'phi', 'pci']).optional().describe('Most sensitive data it holds (default internal).'),
        compliance: z.array(z.enum(['hipaa', 'pci-dss', 'soc2', 'gdpr', 'fedramp', 'iso27001'])).optional().describe('Compliance regimes it must meet; hipaa/pci-dss add those frameworks by default.'),
        availabilityTarget: z.number().min(90).max(100).optional().describe('Availability target in percent, e.g. 99.99.'),
        rpoMinutes: z.number().nonnegative().optional().describe('Recovery point objective in minutes.'),
        rtoMinutes: z.number().nonnegative().optional().describe('Recovery time objective in minutes.'),
      })
      .optional()
      .describe('Targets a template cannot state, measured against by the rules (templates only).'),
    frameworks: z
      .array(FrameworkEnum)
      .optional()
      .describe('Frameworks to run. Default: well-architected (with anti-patterns) and aws-solutions (not for Terraform: the cdk-nag packs read CloudFormation), plus hipaa / pci-dss when the design declares them. Also: nist-800-53-r5, serverless.'),
    exclude: z.array(FrameworkEnum).optional().describe('Frameworks to leave out, e.g. ["anti-patterns"] to run the Well-Architected pillars alone.'),
    minSeverity: z.enum(SEVERITIES).default('info').describe('Only list findings at or above this severity (summaries and pass/fail still count everything).'),
    includeAcknowledged: z.boolean().default(true).describe('List acknowledged findings too (marked with their reason).'),
    maxFindings: z.number().int().min(1).max(500).default(50).describe('Most findings to return, worst first; totalFindings gives the full count.'),
  }),
  output: z.object({
    subject: z.object({ kind: z.enum(['design', 'template']), name: z.string(), format: z.enum(['cloudformation', 'terraform']).optional() }).describe('What was reviewed.'),
    passed: z.boolean().describe('True when every selected framework passed.'),
    frameworks: z
      .array(
        z.object({
          framework: FrameworkEnum,
          status: z.enum(['pass', 'fail', 'not-run']),
          findings: z.number().int(),
          failing: z.number().int().describe('Unacknowledged high/critical findings.'),
          acknowledged: z.number().int(),
          reason: z.string().optional().describe('Why it did not run.'),
        }),
      )
      .describe('Pass/fail per selected framework.'),
    summary: z.object({
      total: z.number().int(),
      acknowledged: z.number().int(),
      bySeverity: Counts,
      byPillar: z.record(z.string(), Counts).describe('Per Well-Architected pillar.'),
      byFramework: z.record(z.string(), Counts).describe('Per framework.'),
    }),
    totalFindings: z.number().int().describe('Findings matching minSeverity/includeAcknowledged, before the maxFindings cap.'),
    findings: z.array(Finding).describe('Findings, worst first: rule, framework, control, pillar, severity, component (model id) and/or resource (template logical id or Terraform address), evidence, whyItMatters, fix, acknowledged.'),
    coverage: z
      .object({
        modelRules: z.enum(['run', 'not-run', 'not-selected']),
        rulesEvaluated: z.number().int(),
        rulesSkipped: z.number().int().describe('Design-level rules skipped because a template does not state design-wide controls.'),
        templatePacks: z.enum(['run', 'not-run', 'not-selected']),
        reason: z.string().optional().describe('Why the cdk-nag packs did not run.'),
        resources: z.object({ total: z.number().int(), mapped: z.number().int() }).optional(),
        notCovered: z.array(z.string()).describe('Template resources nothing reviewed.'),
        validation: z.object({ errors: z.number().int(), warnings: z.number().int(), first: z.array(z.string()) }).optional(),
        notes: z.array(z.string()),
      })
      .describe('What was and was not reviewed.'),
    reportUri: z.string().optional().describe('design:// link to the full review.json (saved designs).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { detectFormat, reviewArchitecture, reviewTemplate, renderText, visibleFindings } = await import('../../../review/index.js');
    const hasTemplate = args.template !== undefined || args.templatePath !== undefined;
    if (hasTemplate && (args.design !== undefined || args.architecture !== undefined)) {
      throw new UserError(args.template !== undefined ? 'template' : 'templatePath', 'give a template or a design, not both', 'Review the design (design or architecture) or a template (template or templatePath).');
    }
    if (!hasTemplate && args.templateContext) throw new UserError('templateContext', 'templateContext applies to templates only', 'A design states its own targets in resilience, dataClassification and compliance.');
    const opts = { frameworks: args.frameworks, exclude: args.exclude };
    let report;
    let link: string | undefined;
    if (hasTemplate) {
      const input = await readTemplateInput(args, ctx);
      await ctx.progress(0, 1, 'Reviewing the template');
      const format = args.templateFormat === 'auto' && input.inline ? detectFormat(input.text) : args.templateFormat;
      report = await reviewTemplate(input.text, { ...opts, format, name: input.name, files: input.extra, context: args.templateContext });
    } else {
      const resolved = await resolveArchitecture(args, ctx);
      await ctx.progress(0, 1, 'Reviewing the design');
      report = await reviewArchitecture(resolved.architecture, { ...opts, name: resolved.design, cloudFormation: () => cloudFormationFor(resolved.architecture) });
      if (resolved.design && resolved.workspace) {
        link = await resolved.workspace.writeFile(resolved.design, 'review.json', stableStringify(report) + '\n');
        ctx.resourcesChanged();
      }
    }
    const shown = visibleFindings(report.findings, { minSeverity: args.minSeverity, includeAcknowledged: args.includeAcknowledged });
    const structured = {
      subject: report.subject,
      passed: report.passed,
      frameworks: report.frameworks,
      summary: report.summary as never,
      totalFindings: shown.length,
      findings: shown.slice(0, args.maxFindings),
      coverage: report.coverage,
      ...(link ? { reportUri: link } : {}),
    };
    const extra: ExtraContent[] = link ? [{ type: 'resource_link', uri: link, name: 'review.json', mimeType: 'application/json', description: `Full review of ${report.subject.name}: ${report.summary.total} findings` }] : [];
    return { structured, text: renderText(report, { top: 5, link, shown }), extra };
  },
});
