import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isUserError } from '../../shared/errors.js';
import type { Command, CommandIo } from '../command.js';

/**
 * `validate <file...>`: each CloudFormation template on its own; the .tf files given (or found in a folder) form one
 * Terraform configuration, as terraform itself reads a folder. Exit 1 when any error is found.
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Validate CloudFormation templates or Terraform files offline; exit 1 on errors.',
  usage: 'aws-backend-architect validate <file|folder...> [--format cloudformation|terraform] [--full] [--json]',
  options: {
    format: { type: 'string' },
    full: { type: 'boolean' },
    'include-info': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: {
    format: 'cloudformation or terraform (default: from the file name and content).',
    full: "CloudFormation: also run AWS's own validator engine (a few seconds to start).",
    'include-info': "CloudFormation: keep the AWS validator's informational notes.",
    json: 'Print the reports as JSON instead of one line per finding.',
  },
  async run(values, positionals, io) {
    const { validateTemplateFiles, formatFinding, countFindings, stopSharedEngine, TEMPLATE_FORMATS } = await import('../../validate/index.js');
    const format = values.format as string | undefined;
    if (format !== undefined && !(TEMPLATE_FORMATS as readonly string[]).includes(format)) {
      io.stderr.write(`--format must be one of ${TEMPLATE_FORMATS.join(', ')}, got '${format}'\n`);
      return 2;
    }
    if (positionals.length === 0) {
      io.stderr.write(`Give at least one template file or folder.\nUsage: ${validateCommand.usage}\n`);
      return 2;
    }
    const groups = await collect(positionals, io);
    if (!groups) return 2;
    let failed = false;
    const reports: unknown[] = [];
    try {
      for (const files of groups) {
        try {
          const { format: f, report } = await validateTemplateFiles({
            files,
            format: format as 'cloudformation' | 'terraform' | undefined,
            full: values.full === true,
            includeInfo: values['include-info'] === true,
            field: files.map((x) => x.path).join(', '),
          });
          if (!report.valid) failed = true;
          if (values.json) {
            reports.push({ files: files.map((x) => x.path), format: f, ...report });
            continue;
          }
          const c = countFindings(report.findings);
          for (const finding of report.findings) io.stdout.write(`${formatFinding(finding)}\n`);
          io.stdout.write(`${files.map((x) => x.path).join(', ')} (${f}): ${report.valid ? 'valid' : 'INVALID'}, ${c.errors} error(s), ${c.warnings} warning(s) in ${Math.round(report.durationMs)} ms\n`);
          for (const n of report.notChecked) io.stdout.write(`  not checked: ${n}\n`);
        } catch (e) {
          if (!isUserError(e)) throw e;
          failed = true;
          if (values.json) reports.push({ files: files.map((x) => x.path), error: e.describe() });
          else io.stderr.write(`${e.describe()}\n`);
        }
      }
    } finally {
      await stopSharedEngine();
    }
    if (values.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return failed ? 1 : 0;
  },
};

/** Each CloudFormation file is its own group; all .tf files (given, or in given folders) are one group. */
async function collect(paths: string[], io: CommandIo): Promise<Array<Array<{ path: string; content: string }>> | undefined> {
  const groups: Array<Array<{ path: string; content: string }>> = [];
  const tf: Array<{ path: string; content: string }> = [];
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    const st = await stat(abs).catch(() => undefined);
    if (!st) {
      io.stderr.write(`No such file or folder: ${p}\n`);
      return undefined;
    }
    if (st.isDirectory()) {
      const names = (await readdir(abs)).filter((n) => n.endsWith('.tf')).sort();
      if (names.length === 0) {
        io.stderr.write(`${p} has no .tf files\n`);
        return undefined;
      }
      for (const n of names) tf.push({ path: join(p, n), content: await readFile(join(abs, n), 'utf8') });
    } else if (p.endsWith('.tf')) tf.push({ path: p, content: await readFile(abs, 'utf8') });
    else groups.push([{ path: p, content: await readFile(abs, 'utf8') }]);
  }
  if (tf.length) groups.push(tf);
  return groups;
}

/** CLI commands of the iac area, one value each. */
export const iacCommands: Command[] = [validateCommand];
