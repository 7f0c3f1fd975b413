import { z } from 'zod';
import type { Architecture, GeneratedFile } from '../../../model/index.js';
import type { ValidationSummary } from '../../../workflow/iac.js';
import { ValidationFinding } from '../../../model/generated.js';
import type { ExtraContent } from '../../tool.js';
import { defineTool } from '../../tool.js';
import { designInputShape, resolveArchitecture } from '../shared/design-input.js';

/** `design://<design>/<file>` (the workspace module stays off the start-up path). */
const designUri = (design: string, file: string) => `design://${design}/${file}`;

/** Inline results carry file contents up to this many bytes in total; the rest is listed without content. */
const INLINE_BYTES = 256 * 1024;
/** Findings in the structured result and in the text. */
const MAX_FINDINGS = 50;
const TEXT_FINDINGS = 8;

const Format = z.enum(['cloudformation', 'terraform', 'cdk']);


export const generateIacTool = defineTool({
  name: 'generate_iac',
  title: 'Generate infrastructure as code (CloudFormation, Terraform or CDK) with its delivery pipeline',
  description:
    'Turns a saved design or an inline architecture model into deployable infrastructure as code: a CloudFormation template (YAML with short-form intrinsics, or JSON), a Terraform configuration (hashicorp/aws provider, variables, outputs) or a CDK TypeScript app (bin/, lib/, package.json, cdk.json). ' +
    'Secure and operable by default in all three: encryption at rest (customer-managed KMS keys when the design asks), TLS only, private buckets, least-privilege IAM derived from the connections, generated secrets, point-in-time recovery and deletion protection, multi-AZ, log retention, alarms and a dashboard, auto scaling, backups per the DR target, tags; cdk-nag acknowledgements carry their reason. ' +
    'Adds the delivery pipeline: a GitHub Actions workflow (OIDC role assumption, change set / terraform plan / cdk diff on pull requests, staged deploys with a manual approval before production, rollback on failure) with its OIDC bootstrap template, and optionally an AWS CodePipeline inside the template. ' +
    'Validates what it produced offline (CloudFormation resource specification; Terraform provider schema; CDK through its equivalent template, or type-checked and synthesized with synth: true). ' +
    'With a saved design, files are written to .ai/architecture/<design>/iac/<format>/ and returned as design:// links; an inline model returns the file contents (capped). Call it after select_services; review_architecture and estimate_cost read the same design.',
  input: z.object({
    ...designInputShape,
    format: Format.describe('IaC flavour: cloudformation, terraform or cdk.'),
    cloudformationFormat: z.enum(['yaml', 'json']).default('yaml').describe('CloudFormation template syntax (yaml uses short-form intrinsics such as !Ref and !GetAtt).'),
    pipeline: z
      .enum(['github-actions', 'codepipeline', 'both', 'none'])
      .optional()
      .describe('CI/CD to generate: a GitHub Actions workflow, an AWS CodePipeline in the template, both, or none. Default: the design\'s delivery.pipeline.'),
    validate: z.boolean().default(true).describe('Validate the generated code offline (fast structural checks). Default true.'),
    fullValidation: z
      .boolean()
      .default(false)
      .describe("CloudFormation and CDK: also run AWS's own CloudFormation validator (a few seconds the first time in a session)."),
    synth: z
      .boolean()
      .default(false)
      .describe('CDK only: type-check the app with tsc and synthesize it with aws-cdk-lib in a child process (several seconds), and compare its resources with the CloudFormation output.'),
    directory: z.string().regex(/^[\w./-]+$/).optional().describe('Folder the code will live in inside the user\'s repository, used by the workflow (default infra/<format>).'),
  }),
  output: z.object({
    design: z.string().optional().describe('Saved design the files were written to.'),
    name: z.string().describe('System name from the model.'),
    format: Format,
    files: z
      .array(
        z.object({
          path: z.string().describe('Path relative to the generated folder.'),
          bytes: z.number().int(),
          uri: z.string().optional().describe('design:// link when written to a saved design.'),
          content: z.string().optional().describe('File content (inline models, within the size cap).'),
        }),
      )
      .describe('Every generated file.'),
    resources: z.number().int().describe('Resources the code creates (CloudFormation/CDK resources, Terraform resource blocks).'),
    validation: z.object({
      ran: z.boolean(),
      valid: z.boolean().describe('No error-level finding (true when validation did not run).'),
      errors: z.number().int(),
      warnings: z.number().int(),
      findings: z.array(ValidationFinding).describe('Findings, errors first (capped).'),
      checked: z.array(z.string()).describe('What was checked.'),
      notChecked: z.array(z.string()).describe('What was not checked, so a clean result is not read as a deploy guarantee.'),
    }),
    notes: z.array(z.string()).describe('Decisions the generator made for the user (missing certificate, DR-region resources to create, ...).'),
    truncated: z.boolean().describe('True when some inline file contents were left out because of the size cap.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { architecture: a, design, workspace } = await resolveArchitecture(args, ctx);
    const { generate } = await import('../../../generators/index.js');
    const pipeline = args.pipeline ?? a.delivery.pipeline;
    const files = generate(a, args.format, { cloudformationFormat: args.cloudformationFormat, pipeline, directory: args.directory });
    const notes = [...new Set(files.flatMap((f) => f.findings.filter((x) => x.source.endsWith('-generator')).map((x) => (x.path ? `${x.path}: ${x.message}` : x.message))))];
    const { validateGeneratedIac } = await import('../../../workflow/iac.js');
    const validation = args.validate
      ? await validateGeneratedIac(a, args.format, files, { pipeline, full: args.fullValidation, synth: args.synth && args.format === 'cdk', maxFindings: MAX_FINDINGS, onProgress: (p, t, m) => ctx.progress(p, t, m) })
      : notRun(args.synth && args.format !== 'cdk');

    const extra: ExtraContent[] = [];
    let truncated = false;
    let outFiles: Array<{ path: string; bytes: number; uri?: string; content?: string }>;
    if (design && workspace) {
      outFiles = [];
      for (const f of files) {
        const uri = await workspace.writeFile(design, `iac/${args.format}/${f.path}`, f.content);
        outFiles.push({ path: f.path, bytes: Buffer.byteLength(f.content), uri });
      }
      ctx.resourcesChanged();
      for (const f of keyFiles(files)) {
        extra.push({ type: 'resource_link', uri: designUri(design, `iac/${args.format}/${f.path}`), name: f.path, mimeType: mime(f.path), description: describeFile(f.path, args.format) });
      }
    } else {
      let budget = INLINE_BYTES;
      outFiles = files.map((f) => {
        const bytes = Buffer.byteLength(f.content);
        if (bytes > budget) {
          truncated = true;
          return { path: f.path, bytes };
        }
        budget -= bytes;
        return { path: f.path, bytes, content: f.content };
      });
    }
    const resources = countResources(args.format, files);
    const structured = { ...(design ? { design } : {}), name: a.name, format: args.format, files: outFiles, resources, validation, notes, truncated };
    return { structured, text: summary(structured, a, files), extra };
  },
});

function notRun(synthIgnored: boolean): ValidationSummary {
  return { ran: false, valid: true, errors: 0, warnings: 0, findings: [], checked: [], notChecked: [synthIgnored ? 'synth applies to the cdk format only; validation was turned off' : 'Validation was turned off (validate: false).'] };
}

/** The files worth a link: the template or entry points, the workflow and bootstrap, the README. */
function keyFiles(files: GeneratedFile[]): GeneratedFile[] {
  const key = files.filter((f) => /^(template\.(yaml|json)|main\.tf|variables\.tf|outputs\.tf|bin\/app\.ts|lib\/.+-stack\.ts|README\.md|pipeline\/github-oidc\.yaml|\.github\/workflows\/.+\.yml)$/.test(f.path));
  return key.length ? key : files.slice(0, 10);
}

function describeFile(path: string, format: string): string {
  if (path.startsWith('.github/')) return 'GitHub Actions workflow: previews on pull requests, staged deploys on main';
  if (path === 'pipeline/github-oidc.yaml') return 'One-time bootstrap: GitHub OIDC provider and the roles the workflow assumes';
  if (path.startsWith('template.')) return 'CloudFormation template';
  if (path.startsWith('lib/')) return 'CDK stack';
  if (path.startsWith('bin/')) return 'CDK app entry point';
  return `${format} file`;
}

function mime(path: string): string {
  if (/\.(yaml|yml)$/.test(path)) return 'application/yaml';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.md')) return 'text/markdown';
  if (path.endsWith('.ts')) return 'text/x-typescript';
  return 'text/plain';
}

function countResources(format: string, files: GeneratedFile[]): number {
  if (format === 'terraform') return files.filter((f) => f.path.endsWith('.tf')).reduce((n, f) => n + (f.content.match(/^resource\s+"/gm)?.length ?? 0), 0);
  if (format === 'cloudformation') {
    const t = files.find((f) => /^template\.(yaml|json)$/.test(f.path))!;
    return t.path.endsWith('.json') ? Object.keys((JSON.parse(t.content) as { Resources: object }).Resources).length : countYamlResources(t.content);
  }
  const stack = files.find((f) => f.path.startsWith('lib/'));
  return stack ? (stack.content.match(/^\s+const \w+ = new (?!Construct\b)[\w.]+\(/gm)?.length ?? 0) : 0;
}

/** Resources are the keys at two-space indent under `Resources:` in the generated YAML. */
function countYamlResources(text: string): number {
  const start = text.indexOf('\nResources:\n');
  if (start < 0) return 0;
  const end = text.indexOf('\nOutputs:\n', start);
  return (text.slice(start, end < 0 ? undefined : end).match(/^ {2}[A-Za-z0-9]+:$/gm) ?? []).length;
}

function summary(s: { design?: string; name: string; format: string; files: Array<{ path: string; uri?: string }>; resources: number; validation: ValidationSummary; notes: string[]; truncated: boolean }, a: Architecture, files: GeneratedFile[]): string {
  const what = s.format === 'cdk' ? 'CDK app' : s.format === 'terraform' ? 'Terraform configuration' : 'CloudFormation template';
  const lines = [`${what} for ${a.name}: ${s.files.length} files, ${s.resources} resources${s.design ? `, written to .ai/architecture/${s.design}/iac/${s.format}/` : ''}.`];
  const v = s.validation;
  lines.push(v.ran ? `Validation: ${v.valid ? 'valid' : 'INVALID'} (${v.errors} errors, ${v.warnings} warnings).` : 'Validation: not run.');
  for (const f of v.findings.slice(0, TEXT_FINDINGS)) lines.push(`- ${f.severity} ${f.file ? `${f.file}${f.line ? `:${f.line}` : ''} ` : ''}${f.message}`);
  if (v.findings.length > TEXT_FINDINGS) lines.push(`- ... ${v.findings.length - TEXT_FINDINGS} more in the structured result`);
  if (s.notes.length) lines.push(`Notes (${s.notes.length}): ${s.notes.slice(0, 3).join(' | ')}${s.notes.length > 3 ? ' | ...' : ''}`);
  const main = keyFiles(files).map((f) => f.path);
  lines.push(s.design ? `Key files: ${main.map((p) => designUri(s.design!, `iac/${s.format}/${p}`)).join(', ')}` : `Files: ${main.join(', ')}${s.truncated ? ' (some contents left out: save a design to get every file)' : ''}`);
  return lines.join('\n');
}
