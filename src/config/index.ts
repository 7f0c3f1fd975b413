import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger, LogLevel } from '../shared/log.js';
import { levelEnabled } from '../shared/log.js';
import type { HttpConfig, ServerConfig } from './types.js';

export type { HttpConfig, ServerConfig } from './types.js';

/** Options common to every command that builds a server or touches the project. */
export interface CommonFlags {
  'project-dir'?: string | undefined;
  'memory-dir'?: string | undefined;
  'live-pricing'?: boolean | undefined;
  'aws-profile'?: string | undefined;
  'aws-region'?: string | undefined;
  'aws-live'?: boolean | undefined;
  'allow-writes'?: boolean | undefined;
  'log-level'?: string | undefined;
  'no-client-roots'?: boolean | undefined;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warning', 'error'];

/** Lines go to stderr: over stdio, stdout belongs to the protocol. */
export function stderrLogger(min: LogLevel): Logger {
  return {
    log(level, message, data) {
      if (!levelEnabled(min, level)) return;
      const extra = data === undefined ? '' : ` ${typeof data === 'string' ? data : JSON.stringify(data)}`;
      process.stderr.write(`[aws-backend-architect] ${level}: ${message}${extra}\n`);
    },
  };
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v);
}

/**
 * Flags win over environment variables, which win over defaults. The write flag has no environment variable on
 * purpose: allowing AWS writes must be a visible decision on the command line.
 */
export function resolveConfig(flags: CommonFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const levelRaw = flags['log-level'] ?? env.AWS_ARCHITECT_LOG_LEVEL ?? 'info';
  const logLevel = (LEVELS.includes(levelRaw as LogLevel) ? levelRaw : 'info') as LogLevel;
  const projectDir = flags['project-dir'] ?? env.AWS_ARCHITECT_PROJECT_DIR;
  const memoryDir = flags['memory-dir'] ?? env.AWS_ARCHITECT_MEMORY_DIR;
  const profile = flags['aws-profile'] ?? env.AWS_PROFILE;
  const region = flags['aws-region'] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return {
    cwd,
    ...(projectDir ? { projectDir: resolve(cwd, projectDir) } : {}),
    ...(memoryDir ? { memoryDir: resolve(cwd, memoryDir) } : {}),
    useClientRoots: !flags['no-client-roots'],
    aws: {
      ...(profile ? { profile } : {}),
      ...(region ? { region } : {}),
      livePricing: Boolean(flags['live-pricing']) || truthy(env.AWS_ARCHITECT_LIVE_PRICING),
      liveTools: Boolean(flags['aws-live']) || truthy(env.AWS_ARCHITECT_AWS_LIVE) || Boolean(flags['allow-writes']),
      allowWrites: Boolean(flags['allow-writes']),
      priceCacheTtlHours: Number(env.AWS_ARCHITECT_PRICE_CACHE_TTL_HOURS ?? 24) || 24,
    },
    cacheDir: env.AWS_ARCHITECT_CACHE_DIR ? resolve(cwd, env.AWS_ARCHITECT_CACHE_DIR) : join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'aws-backend-architect'),
    logLevel,
    logger: stderrLogger(logLevel),
  };
}

export interface HttpFlags {
  host?: string | undefined;
  port?: string | undefined;
  stateful?: boolean | undefined;
  token?: string | undefined;
  'max-body'?: string | undefined;
  'allowed-host'?: string[] | undefined;
  'allowed-origin'?: string[] | undefined;
}

export function resolveHttpConfig(flags: HttpFlags, env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const port = Number(flags.port ?? env.AWS_ARCHITECT_PORT ?? 3333);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${flags.port}'`);
  const maxBody = Number(flags['max-body'] ?? env.AWS_ARCHITECT_MAX_BODY_BYTES ?? 4 * 1024 * 1024);
  if (!Number.isInteger(maxBody) || maxBody < 1024) throw new Error(`--max-body must be an integer of at least 1024 bytes, got '${flags['max-body']}'`);
  const token = flags.token ?? env.AWS_ARCHITECT_TOKEN;
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  return {
    host: flags.host ?? env.AWS_ARCHITECT_HOST ?? '127.0.0.1',
    port,
    stateful: Boolean(flags.stateful),
    ...(token ? { token } : {}),
    maxBodyBytes: maxBody,
    allowedHosts: [...(flags['allowed-host'] ?? []), ...list(env.AWS_ARCHITECT_ALLOWED_HOSTS)],
    allowedOrigins: [...(flags['allowed-origin'] ?? []), ...list(env.AWS_ARCHITECT_ALLOWED_ORIGINS)],
  };
}
