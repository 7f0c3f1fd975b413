import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Architecture } from '../../../model/index.js';
import type { GeneratedTemplate } from '../../../review/index.js';
import { UserError } from '../../../shared/errors.js';
import { resolveInside } from '../../../shared/fs-safe.js';
import type { ToolContext } from '../../tool.js';

/** Larger inputs are refused: no real template comes close (CloudFormation's own limit is 1 MB). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export interface TemplateInputText {
  /** The first (or only) file's text. */
  text: string;
  /** Its name: the path, or main.tf / template.yaml for inline text. */
  name: string;
  /** Further .tf files of a Terraform folder. */
  extra: Array<{ name: string; text: string }>;
  /** Pasted text: its name is a guess, so the format is detected from the content. */
  inline: boolean;
}

/** The template to review: inline text, or a file / folder of .tf files under the project root. */
export async function readTemplateInput(
  args: { template?: string | undefined; templatePath?: string | undefined; templateFormat?: string | undefined },
  ctx: Pick<ToolContext, 'projectRoot'>,
): Promise<TemplateInputText> {
  if (args.template !== undefined && args.templatePath !== undefined) throw new UserError('template', 'give either template or templatePath, not both');
  if (args.template !== undefined) {
    if (!args.template.trim()) throw new UserError('template', 'the template is empty', 'Pass the CloudFormation or Terraform text.');
    if (Buffer.byteLength(args.template) > MAX_TEMPLATE_BYTES) throw new UserError('template', `the template is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`);
    const terraform = args.templateFormat === 'terraform' || (args.templateFormat !== 'cloudformation' && /^\s*(resource|provider|module|data|terraform|variable|locals)\s+("[^"]*"\s*)*\{/m.test(args.template));
    return { text: args.template, name: terraform ? 'main.tf' : /^\s*\{/.test(args.template) ? 'template.json' : 'template.yaml', extra: [], inline: true };
  }
  const rel = args.templatePath!;
  const root = await ctx.projectRoot();
  const abs = await resolveInside(root, rel, 'templatePath');
  const st = await stat(abs).catch(() => undefined);
  if (!st) throw new UserError('templatePath', `no file or folder '${rel}' under the project root ${root}`, 'Give a path relative to the project root.');
  if (st.isDirectory()) {
    const names = (await readdir(abs)).filter((n) => n.endsWith('.tf')).sort();
    if (!names.length) throw new UserError('templatePath', `folder '${rel}' has no .tf files`, 'Point templatePath at a template file, or at a folder of Terraform files.');
    const files: Array<{ name: string; text: string }> = [];
    let total = 0;
    for (const n of names) {
      const text = await readFile(join(abs, n), 'utf8');
      total += Buffer.byteLength(text);
      if (total > MAX_TEMPLATE_BYTES) throw new UserError('templatePath', `the .tf files in '${rel}' are larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB together`);
      files.push({ name: `${rel.replace(/\/$/, '')}/${n}`, text });
    }
    return { text: files[0]!.text, name: files[0]!.name, extra: files.slice(1), inline: false };
  }
  if (st.size > MAX_TEMPLATE_BYTES) throw new UserError('templatePath', `'${rel}' is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`);
  return { text: await readFile(abs, 'utf8'), name: rel || basename(abs), extra: [], inline: false };
}

/**
 * The CloudFormation template generated from a design (as an object: the packs do not need the YAML text) and the
 * logical-id prefix of each component, for the cdk-nag packs. The generator is loaded on first use.
 */
export async function cloudFormationFor(architecture: Architecture): Promise<GeneratedTemplate> {
  const { buildTemplate } = await import('../../../generators/cloudformation/index.js');
  const { componentPrefixes } = await import('../../../generators/cloudformation/names.js');
  const built = buildTemplate(architecture, { pipeline: architecture.delivery.pipeline });
  return { template: built.template as unknown as Record<string, unknown>, prefixes: componentPrefixes(architecture, new Set(built.renamed)) };
}
