import { resolveConfig } from '../../config/index.js';
import { isUserError } from '../../shared/errors.js';
import { COMMON_HELP, COMMON_OPTIONS, type Command, type CommandIo } from '../command.js';

/** Progress for people: one line rewritten in place at a terminal, plain lines otherwise (CI logs, pipes). */
function progressReporter(io: CommandIo) {
  const tty = Boolean(io.stderr.isTTY);
  let last = '';
  return {
    update(step: number, total: number, message: string) {
      const line = `[${step}/${total}] ${message}`;
      if (tty) {
        io.stderr.write(`\r\x1b[2K${line}`);
        if (!message.endsWith('...')) io.stderr.write('\n');
      } else if (!message.endsWith('...') && line !== last) {
        io.stderr.write(`${line}\n`);
      }
      last = line;
    },
    fail() {
      if (tty) io.stderr.write('\n');
    },
  };
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'Run all five phases on a brief and write the design workspace: requirements, architecture, IaC, cost, review, diagrams and plan.md.',
  usage: 'aws-backend-architect plan <brief.md | brief.yaml | "text"> [--name N] [--format cloudformation|terraform|cdk] [--fast] [--record-decisions] [--json]',
  options: {
    ...COMMON_OPTIONS,
    name: { type: 'string' },
    format: { type: 'string' },
    frameworks: { type: 'string' },
    fast: { type: 'boolean' },
    'record-decisions': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: {
    name: 'Design name (default: from the brief).',
    format: 'IaC format: cloudformation (default), terraform or cdk.',
    frameworks: 'Extra review frameworks, comma-separated: hipaa, pci-dss, nist-800-53-r5, serverless (the design\'s compliance regimes are always included).',
    fast: 'Skip the cdk-nag packs and AWS\'s validator engine (structural checks and model rules still run).',
    'record-decisions': 'Record the design\'s decisions as ADRs in .ai/memory/decisions/.',
    json: 'Print the result summary as JSON on stdout.',
    ...COMMON_HELP,
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) {
      io.stderr.write(`plan: give a brief file or the brief itself in quotes.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const config = resolveConfig(values, io.env, io.cwd);
    const progress = progressReporter(io);
    try {
      const [{ readBrief }, { runPlan }, { loadPriceCatalog }, { overlayDir }] = await Promise.all([
        import('../../workflow/brief.js'),
        import('../../workflow/plan.js'),
        import('../../cost/catalog/load.js'),
        import('../../mcp/tools/cost/shared.js'),
      ]);
      const arg = positionals.length === 1 ? positionals[0]! : positionals.join(' ');
      const parsed = readBrief(arg);
      const format = (values.format as string | undefined) ?? parsed.format;
      if (format !== undefined && !['cloudformation', 'terraform', 'cdk'].includes(format)) {
        io.stderr.write(`plan: --format must be cloudformation, terraform or cdk, got '${format}'\n`);
        return 2;
      }
      const name = (values.name as string | undefined) ?? parsed.name;
      const frameworks = ((values.frameworks as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean) ?? parsed.frameworks ?? []) as never[];
      if (name && parsed.brief.fields && parsed.brief.fields.name === undefined) parsed.brief.fields.name = name;
      const projectRoot = config.projectDir ?? config.cwd;
      const result = await runPlan({
        projectRoot,
        memoryDir: config.memoryDir,
        brief: parsed.brief,
        name,
        ...(format ? { format: format as 'cloudformation' } : {}),
        frameworks,
        thorough: !values.fast,
        recordDecisions: Boolean(values['record-decisions'] ?? parsed.recordDecisions),
        priceCatalog: () => loadPriceCatalog({ overlayDir: overlayDir(config) }),
        onProgress: (s, t, m) => progress.update(s, t, m),
      });
      const s = result.summary;
      if (values.json) {
        io.stdout.write(JSON.stringify({ design: result.design, summary: s, steps: result.steps, files: result.files }, null, 2) + '\n');
        return 0;
      }
      const dir = `${projectRoot}/.ai/architecture/${result.design}`;
      const lines = [
        '',
        `Design ${result.design}: ${s.components} components in ${result.architecture.region}.`,
        s.monthlyUsd !== undefined ? `Cost: ${usd(s.monthlyUsd)}/month today, ${usd(s.monthlyUsdAt10x ?? 0)} at 10x load${s.unpricedItems ? ` (${s.unpricedItems} item(s) unpriced)` : ''}.` : '',
        s.review ? `Review: ${s.review.map((r) => `${r.framework} ${r.passed ? 'pass' : 'fail'} (${r.findings})`).join(', ')}.` : '',
        s.iac ? `Code: ${s.iac.format}, ${s.iac.files} files, ${s.iac.errors} validation error(s).` : '',
        s.adrs.length ? `Decisions recorded: ${s.adrs.length} ADR(s).` : '',
        s.openQuestions.length ? `Open questions worth answering:\n${s.openQuestions.map((q) => `  - ${q}`).join('\n')}` : '',
        `Plan: ${dir}/plan.md`,
        `Files (${result.files.length}): ${dir}/`,
      ].filter(Boolean);
      io.stdout.write(lines.join('\n') + '\n');
      return 0;
    } catch (e) {
      progress.fail();
      if (isUserError(e)) {
        io.stderr.write(`plan: ${e.describe()}\n`);
        return 1;
      }
      throw e;
    }
  },
};

/** CLI commands of the workflow area, one value each. */
export const workflowCommands: Command[] = [planCommand];
