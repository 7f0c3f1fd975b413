import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FRAMEWORKS, SEVERITIES } from '../../model/constants.js';
import type { Framework, Severity } from '../../model/index.js';
import { isUserError } from '../../shared/errors.js';
import { COMMON_HELP, COMMON_OPTIONS, type Command, type CommandIo } from '../command.js';

function list(value: unknown, flag: string): Framework[] | string {
  if (value === undefined) return [];
  const items = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((f) => !(FRAMEWORKS as readonly string[]).includes(f));
  return bad.length ? `--${flag}: unknown framework ${bad.map((b) => `'${b}'`).join(', ')}; use ${FRAMEWORKS.join(', ')}` : (items as Framework[]);
}

/**
 * `review <template-file | folder | architecture.json | design-name>`: the same review as the review_architecture
 * tool, printed one finding per line (or as JSON). Exit 1 when a selected framework fails, 2 on usage errors.
 */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'Review a design or a CloudFormation/Terraform template (Well-Architected, anti-patterns, DR, HIPAA, PCI, cdk-nag); exit 1 on failed frameworks.',
  usage: 'aws-backend-architect review <template-file | tf-folder | architecture.json | design-name> [--frameworks a,b] [--exclude a,b] [--format text|json]',
  options: {
    ...COMMON_OPTIONS,
    frameworks: { type: 'string' },
    exclude: { type: 'string' },
    format: { type: 'string' },
    'min-severity': { type: 'string' },
    'template-format': { type: 'string' },
    context: { type: 'string' },
  },
  help: {
    frameworks: `Comma-separated: ${FRAMEWORKS.join(', ')} (default well-architected, anti-patterns, aws-solutions (CloudFormation and designs only), plus the design's hipaa/pci-dss).`,
    exclude: 'Comma-separated frameworks to leave out, e.g. anti-patterns.',
    format: 'text (default, one finding per line) or json (the full report).',
    'min-severity': `Only print findings at or above: ${SEVERITIES.join(', ')} (pass/fail counts everything).`,
    'template-format': 'cloudformation or terraform (default: from the file name and content).',
    context: 'Templates only: JSON targets, e.g. \'{"availabilityTarget":99.99,"rpoMinutes":15,"dataClassification":"phi"}\'.',
    ...COMMON_HELP,
  },
  async run(values, positionals, io) {
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') return usage(io, `--format must be text or json, got '${format}'`);
    const frameworks = list(values.frameworks, 'frameworks');
    const exclude = list(values.exclude, 'exclude');
    if (typeof frameworks === 'string') return usage(io, frameworks);
    if (typeof exclude === 'string') return usage(io, exclude);
    const minSeverity = values['min-severity'] as Severity | undefined;
    if (minSeverity !== undefined && !(SEVERITIES as readonly string[]).includes(minSeverity)) return usage(io, `--min-severity must be one of ${SEVERITIES.join(', ')}`);
    const templateFormat = values['template-format'] as string | undefined;
    if (templateFormat !== undefined && templateFormat !== 'cloudformation' && templateFormat !== 'terraform') return usage(io, '--template-format must be cloudformation or terraform');
    let context: Record<string, unknown> | undefined;
    if (values.context !== undefined) {
      try {
        context = JSON.parse(String(values.context)) as Record<string, unknown>;
      } catch {
        return usage(io, '--context must be a JSON object');
      }
    }
    if (positionals.length !== 1) return usage(io, 'Give exactly one template file, Terraform folder, architecture.json or saved design name.');

    const review = await import('../../review/index.js');
    const opts = { frameworks: frameworks.length ? frameworks : undefined, exclude };
    let report;
    try {
      const target = positionals[0]!;
      const abs = resolve(io.cwd, target);
      const st = await stat(abs).catch(() => undefined);
      if (st?.isDirectory()) {
        const names = (await readdir(abs)).filter((n) => n.endsWith('.tf')).sort();
        if (!names.length) return usage(io, `${target} has no .tf files`);
        const files = await Promise.all(names.map(async (n) => ({ name: join(target, n), text: await readFile(join(abs, n), 'utf8') })));
        report = await review.reviewTemplate(files[0]!.text, { ...opts, format: 'terraform', name: files[0]!.name, files: files.slice(1), context: context as never });
      } else if (st) {
        const text = await readFile(abs, 'utf8');
        const json = target.endsWith('.json') ? tryJson(text) : undefined;
        if (json && Array.isArray(json.components)) {
          const { parseArchitecture } = await import('../../model/index.js');
          const parsed = parseArchitecture(json, target);
          if (!parsed.ok) {
            for (const i of parsed.issues.filter((x) => x.severity === 'error')) io.stderr.write(`${i.path}: ${i.message}${i.fix ? ` ${i.fix}` : ''}\n`);
            return 1;
          }
          report = await reviewDesign(review, parsed.value, opts, target);
        } else {
          report = await review.reviewTemplate(text, { ...opts, format: (templateFormat as 'cloudformation' | 'terraform' | undefined) ?? 'auto', name: target, context: context as never });
        }
      } else {
        const { resolveConfig } = await import('../../config/index.js');
        const { DesignWorkspace } = await import('../../workflow/workspace.js');
        const config = resolveConfig(values, io.env, io.cwd);
        const workspace = new DesignWorkspace(config.projectDir ?? io.cwd);
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(target)) return usage(io, `No such file or folder: ${target}`);
        const { architecture } = await workspace.loadArchitecture(target);
        report = await reviewDesign(review, architecture, opts, target);
      }
    } catch (e) {
      if (!isUserError(e)) throw e;
      io.stderr.write(`${e.describe()}\n`);
      return 1;
    }
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return report.passed ? 0 : 1;
    }
    const shown = review.visibleFindings(report.findings, { minSeverity, includeAcknowledged: true });
    for (const f of shown) {
      const where = report.subject.kind === 'template' ? f.resource ?? f.component : f.component ?? f.resource;
      const ack = f.acknowledged ? ` [acknowledged: ${f.acknowledged.reason}]` : '';
      io.stdout.write(`${f.severity.padEnd(8)} ${f.rule} ${where ?? 'design'}: ${f.evidence} Fix: ${f.fix}${ack}\n`);
    }
    io.stdout.write(`${review.renderText(report, { top: 0 })}\n`);
    for (const n of report.coverage.notes) io.stdout.write(`  note: ${n}\n`);
    return report.passed ? 0 : 1;
  },
};

async function reviewDesign(review: typeof import('../../review/index.js'), architecture: import('../../model/index.js').Architecture, opts: { frameworks?: Framework[] | undefined; exclude: Framework[] }, name: string) {
  const { cloudFormationFor } = await import('../../mcp/tools/review/shared.js');
  return review.reviewArchitecture(architecture, { ...opts, name, cloudFormation: () => cloudFormationFor(architecture) });
}

function tryJson(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function usage(io: CommandIo, message: string): number {
  io.stderr.write(`${message}\nUsage: ${reviewCommand.usage}\n`);
  return 2;
}

/** CLI commands of the review area, one value each. */
export const reviewCommands: Command[] = [reviewCommand];
