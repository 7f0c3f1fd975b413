import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What a command gets: parsed flags, positionals, and its output streams. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A CLI subcommand as a value, like a tool: the help text is generated from these. */
export interface Command {
  /** `serve`, `plan`, or a two-word command such as `prices refresh`. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Option help lines, keyed by option name. */
  help: Record<string, string>;
  /** Returns the process exit code; long-running commands (serve) resolve when started. */
  run(values: Record<string, unknown>, positionals: string[], io: CommandIo): Promise<number>;
}

/** Options every command that touches the project or AWS accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  'project-dir': { type: 'string' },
  'memory-dir': { type: 'string' },
  'live-pricing': { type: 'boolean' },
  'aws-profile': { type: 'string' },
  'aws-region': { type: 'string' },
  'log-level': { type: 'string' },
};

export const COMMON_HELP: Record<string, string> = {
  'project-dir': 'Project root (default: the client\'s first root, else the working directory). Env AWS_ARCHITECT_PROJECT_DIR.',
  'memory-dir': 'Memory folder (default: <project>/.ai/memory). Env AWS_ARCHITECT_MEMORY_DIR.',
  'live-pricing': 'Look prices up in the AWS Pricing API (needs credentials). Env AWS_ARCHITECT_LIVE_PRICING=1.',
  'aws-profile': 'AWS profile for live calls. Env AWS_PROFILE.',
  'aws-region': 'AWS region for live CloudFormation calls. Env AWS_REGION.',
  'log-level': 'debug, info, warning or error (stderr). Env AWS_ARCHITECT_LOG_LEVEL.',
};
