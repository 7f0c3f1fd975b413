import { parseArgs } from 'node:util';
import { packageVersion } from '../shared/paths.js';
import type { Command, CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';

function helpText(): string {
  const lines = [
    `aws-backend-architect ${packageVersion()}: an MCP server (and CLI) that designs AWS backends.`,
    '',
    'Usage: aws-backend-architect [command] [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
    '',
    'With no command, serve runs on stdio. Run `aws-backend-architect <command> --help` for its options.',
    '  --help, -h       Show help.',
    '  --version, -v    Show the version.',
  ];
  return lines.join('\n') + '\n';
}

function commandHelp(c: Command): string {
  const opts = Object.entries(c.help).map(([k, v]) => `  --${k.padEnd(18)} ${v}`);
  return [`${c.summary}`, '', `Usage: ${c.usage}`, '', 'Options:', ...opts, ''].join('\n');
}

/** Finds the command named by the first one or two positionals (`prices refresh`). */
function pick(argv: string[]): { command: Command; rest: string[] } | undefined {
  const [a, b] = argv;
  const two = COMMANDS.find((c) => c.name === `${a} ${b}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = COMMANDS.find((c) => c.name === a);
  if (one) return { command: one, rest: argv.slice(1) };
  if (a === undefined || a.startsWith('-')) return { command: COMMANDS.find((c) => c.name === 'serve')!, rest: argv };
  return undefined;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  const picked = pick(argv);
  if (!picked) {
    io.stderr.write(`Unknown command '${argv[0]}'.\n\n${helpText()}`);
    return 2;
  }
  const { command, rest } = picked;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  try {
    return await command.run(parsed.values as Record<string, unknown>, parsed.positionals, io);
  } catch (e) {
    io.stderr.write(`aws-backend-architect ${command.name}: ${(e as Error).message}\n`);
    return 1;
  }
}
