import { UserError } from '../shared/errors.js';
import { validateCloudFormation } from './cfn/validate.js';
import { parseCfnSource } from './cfn/yaml.js';
import { parseFailure, type ValidationReport } from './report.js';
import { validateTerraform, type TfFile } from './tf/validate.js';

/** The template languages `validate_template` and the `validate` command understand. */
export const TEMPLATE_FORMATS = ['cloudformation', 'terraform'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

const TF_BLOCK = /^[ \t]*(resource|data|provider|terraform|variable|output|module|locals|ephemeral)(\s+"[^"\n]*")*\s*\{/m;
const CFN_KEY = /(^|[{,]\s*)["']?(AWSTemplateFormatVersion|Resources|Transform)["']?\s*:/m;

/**
 * Guesses the language of a template from its file name and text: `.tf` is Terraform; YAML or JSON with
 * AWSTemplateFormatVersion, Resources or Transform is CloudFormation; HCL blocks (`resource "..." "..." {`) are
 * Terraform. Undefined when nothing says.
 */
export function detectFormat(text: string, fileName?: string): TemplateFormat | undefined {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.tf')) return 'terraform';
  // HCL blocks first: a Terraform heredoc may hold JSON with a "Resources" key, a template never holds HCL blocks.
  if (TF_BLOCK.test(text)) return 'terraform';
  if (CFN_KEY.test(text)) return 'cloudformation';
  if (/\.(ya?ml|template|json)$/.test(name)) return 'cloudformation';
  return undefined;
}

export interface TemplateInput {
  /** One CloudFormation template, or the .tf files of one Terraform configuration. */
  files: TfFile[];
  format?: TemplateFormat;
  /** CloudFormation: also run AWS's validator. */
  full?: boolean;
  includeInfo?: boolean;
  /** Input field named in errors (`template`, `path`). */
  field: string;
}

/**
 * Validates a template whose format may have to be guessed. Text that is not YAML, JSON or HCL is a {@link UserError}
 * naming the line and column, so a caller sees why nothing was checked; a Terraform set where only some files fail
 * to parse comes back as a report with those syntax findings.
 */
export async function validateTemplateFiles(input: TemplateInput): Promise<{ format: TemplateFormat; report: ValidationReport }> {
  const { files, field } = input;
  if (files.length === 0) throw new UserError(field, 'no template given', 'Pass the template text, or a path to a template file or a folder of .tf files.');
  const format = input.format ?? detectFormat(files.map((f) => f.content).join('\n'), files[0]!.path);
  if (!format) {
    const yaml = parseCfnSource(files[0]!.content);
    if (!yaml.ok) {
      const { line, column, message } = yaml.error;
      throw new UserError(field, `${files[0]!.path} is neither YAML/JSON nor HCL: line ${line}, column ${column}: ${message}`, 'Fix the syntax, or pass format to say which it should be.');
    }
    throw new UserError(
      field,
      'cannot tell whether this is CloudFormation or Terraform: it has no AWSTemplateFormatVersion/Resources (CloudFormation) and no resource/provider blocks (Terraform)',
      'Pass format: cloudformation or terraform.',
    );
  }
  if (format === 'cloudformation') {
    if (files.length > 1) throw new UserError(field, `a CloudFormation template is one file; got ${files.length}`, 'Validate one template at a time.');
    const f = files[0]!;
    if (f.content.trim() === '') throw new UserError(field, 'the template is empty');
    const report = await validateCloudFormation(f.content, { file: f.path, full: input.full ?? false, includeInfo: input.includeInfo ?? false });
    const bad = parseFailure(report);
    if (bad) throw new UserError(field, `${f.path} line ${bad.line}, column ${bad.column}: ${bad.message}`, 'Fix the syntax (CloudFormation templates are YAML or JSON), or pass format: terraform if this is HCL.');
    return { format, report };
  }
  const report = await validateTerraform(files);
  const syntax = report.findings.filter((x) => x.rule === 'syntax');
  if (syntax.length > 0 && syntax.length === files.length) {
    const first = syntax[0]!;
    const where = first.line !== undefined ? `${first.file} line ${first.line}, column ${first.column}` : first.file;
    throw new UserError(field, `${where}: ${first.message}`, 'Fix the HCL syntax, or pass format: cloudformation if this is YAML or JSON.');
  }
  return { format, report };
}
