import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ValidationFinding } from '../../../model/generated.js';
import { UserError } from '../../../shared/errors.js';
import { resolveInside } from '../../../shared/fs-safe.js';
import { defineTool } from '../../tool.js';

/** Larger inputs are refused: no real template comes close (CloudFormation's own limit is 1 MB). */
const MAX_BYTES = 5 * 1024 * 1024;
/** Findings listed in the text rendering; the structured result has up to `maxFindings`. */
const TEXT_FINDINGS = 10;

export const validateTemplateTool = defineTool({
  name: 'validate_template',
  title: 'Validate a CloudFormation or Terraform template',
  description:
    'Checks a CloudFormation template (YAML or JSON) or Terraform configuration (HCL) offline, with no AWS credentials. CloudFormation: every resource type, property name (at every depth, with did-you-mean), required property, value type, allowed value and reference (Ref, GetAtt attributes, Sub placeholders, DependsOn, conditions, mappings, cycles) against the CloudFormation resource specification, plus AWS\'s own validator engine (patterns, conditional requirements, deprecations, security warnings) unless full is false. Terraform: HCL syntax, resource/data types, argument and nested block names, required arguments and blocks, and references against the hashicorp/aws provider schema. Call it on a template the user wrote or pasted, or after editing generated IaC. Returns valid, counts, findings with line numbers, and what was and was not checked (no terraform validate or deploy-time checks offline).',
  input: z.object({
    template: z.string().optional().describe('The template text (CloudFormation YAML/JSON or Terraform HCL). Use this or path.'),
    path: z
      .string()
      .optional()
      .describe('A template file relative to the project root (e.g. "infra/template.yaml", "main.tf"), or a folder whose .tf files form one Terraform configuration. Use this or template.'),
    format: z.enum(['cloudformation', 'terraform']).optional().describe('Template language; detected from the file name and content when omitted.'),
    full: z
      .boolean()
      .optional()
      .describe("CloudFormation only: also run AWS's own validator engine (the authoritative check; its first run in a session takes a few seconds). Default true."),
    includeInfo: z.boolean().optional().describe("CloudFormation only: keep the AWS validator's informational notes (create-only properties, missing tags). Default false."),
    maxFindings: z.number().int().min(1).max(500).optional().describe('Most findings to return (errors first). Default 50; totalFindings gives the full count.'),
  }),
  output: z.object({
    valid: z.boolean().describe('True when there is no error-level finding.'),
    format: z.enum(['cloudformation', 'terraform']),
    files: z.array(z.string()).describe('Files that were validated.'),
    counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
    totalFindings: z.number().int().describe('Number of findings before the maxFindings cap.'),
    findings: z.array(ValidationFinding).describe('Findings, errors first then by position; each carries a line where it is in the file.'),
    checked: z.array(z.string()).describe('What was checked.'),
    notChecked: z.array(z.string()).describe('What was not checked and why; a clean result is not a deploy guarantee.'),
    durationMs: z.number(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    if (args.template !== undefined && args.path !== undefined) throw new UserError('template', 'give either template or path, not both');
    const field = args.path !== undefined ? 'path' : 'template';
    const { validateTemplateFiles, countFindings, formatFinding, detectFormat } = await import('../../../validate/index.js');
    const files = args.path !== undefined ? await readTemplateFiles(await ctx.projectRoot(), args.path) : inline(args.template, args.format ?? detectFormat(args.template ?? ''));
    const full = args.full ?? true;
    const guessed = args.format ?? detectFormat(files[0]?.content ?? '', files[0]?.path);
    if (guessed === 'cloudformation' && full) await ctx.progress(0, 1, 'Running the CloudFormation spec check and AWS validator');
    const { format, report } = await validateTemplateFiles({ files, format: args.format, full, includeInfo: args.includeInfo ?? false, field });
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ordered = [...report.findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
    const limit = args.maxFindings ?? 50;
    const counts = countFindings(report.findings);
    const structured = {
      valid: report.valid,
      format,
      files: files.map((f) => f.path),
      counts,
      totalFindings: report.findings.length,
      findings: ordered.slice(0, limit),
      checked: report.checked,
      notChecked: report.notChecked,
      durationMs: report.durationMs,
    };
    const head = `${structured.files.join(', ')} (${format}): ${report.valid ? 'valid' : 'INVALID'}; ${counts.errors} error(s), ${counts.warnings} warning(s)${counts.infos ? `, ${counts.infos} info` : ''} in ${Math.round(report.durationMs)} ms`;
    const lines = ordered.slice(0, TEXT_FINDINGS).map((f) => `- ${formatFinding(f)}`);
    if (ordered.length > TEXT_FINDINGS) lines.push(`- ... ${ordered.length - TEXT_FINDINGS} more in the structured result`);
    const not = report.notChecked.length ? `\nNot checked: ${report.notChecked.map((n) => n.split(/[.:]/)[0]).join('; ')}.` : '';
    return { structured, text: [head, ...lines].join('\n') + not };
  },
});

function inline(template: string | undefined, format: string | undefined): Array<{ path: string; content: string }> {
  if (template === undefined) throw new UserError('template', 'no template given', 'Pass template (the text) or path (a file under the project root).');
  if (Buffer.byteLength(template) > MAX_BYTES) throw new UserError('template', `the template is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const looksJson = /^\s*[{[]/.test(template);
  // Findings name a file; inline text gets the name its format would have on disk.
  const name = format === 'terraform' ? 'main.tf' : format === 'cloudformation' ? (looksJson ? 'template.json' : 'template.yaml') : 'template';
  return [{ path: name, content: template }];
}

/** Reads a template file, or every .tf file of a folder, from under the project root. */
async function readTemplateFiles(root: string, rel: string): Promise<Array<{ path: string; content: string }>> {
  const abs = await resolveInside(root, rel, 'path');
  const st = await stat(abs).catch(() => undefined);
  if (!st) throw new UserError('path', `no file or folder '${rel}' under the project root ${root}`, 'Give a path relative to the project root.');
  if (st.isDirectory()) {
    const names = (await readdir(abs)).filter((n) => n.endsWith('.tf')).sort();
    if (names.length === 0) throw new UserError('path', `folder '${rel}' has no .tf files`, 'Point path at a template file, or at a folder of Terraform files.');
    const files = [];
    let total = 0;
    for (const n of names) {
      const content = await readFile(join(abs, n), 'utf8');
      total += content.length;
      if (total > MAX_BYTES) throw new UserError('path', `the .tf files in '${rel}' are larger than ${MAX_BYTES / 1024 / 1024} MB together`);
      files.push({ path: `${rel.replace(/\/$/, '')}/${n}`, content });
    }
    return files;
  }
  if (st.size > MAX_BYTES) throw new UserError('path', `'${rel}' is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  return [{ path: rel || basename(abs), content: await readFile(abs, 'utf8') }];
}
