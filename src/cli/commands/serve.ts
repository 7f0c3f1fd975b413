import { resolveConfig, resolveHttpConfig } from '../../config/index.js';
import { COMMON_HELP, COMMON_OPTIONS, type Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the MCP server over stdio (default) or Streamable HTTP (--http).',
  usage: 'aws-backend-architect serve [--http [--host 127.0.0.1] [--port 3333] [--stateful] [--token T]]',
  options: {
    ...COMMON_OPTIONS,
    http: { type: 'boolean' },
    host: { type: 'string' },
    port: { type: 'string' },
    stateful: { type: 'boolean' },
    token: { type: 'string' },
    'max-body': { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
    'allowed-origin': { type: 'string', multiple: true },
    'aws-live': { type: 'boolean' },
    'allow-writes': { type: 'boolean' },
    'no-client-roots': { type: 'boolean' },
  },
  help: {
    http: 'Serve Streamable HTTP on /mcp (with /health) instead of stdio.',
    host: 'Bind address (default 127.0.0.1). Binding beyond loopback requires --token. Env AWS_ARCHITECT_HOST.',
    port: 'Port (default 3333; 0 picks a free one). Env AWS_ARCHITECT_PORT.',
    stateful: 'Keep sessions (Mcp-Session-Id); default is stateless, so replicas need no sticky sessions.',
    token: 'Bearer token clients must send (Authorization header only). Env AWS_ARCHITECT_TOKEN.',
    'max-body': 'Largest request body in bytes (default 4194304).',
    'allowed-host': 'Extra Host header name to accept (repeatable). Env AWS_ARCHITECT_ALLOWED_HOSTS (comma-separated).',
    'allowed-origin': 'Extra browser Origin to accept (repeatable). Env AWS_ARCHITECT_ALLOWED_ORIGINS.',
    'aws-live': 'Register the live CloudFormation tools (they use your AWS credentials, read-only). Env AWS_ARCHITECT_AWS_LIVE=1.',
    'allow-writes': 'Also register cfn_execute_change_set, which executes only change sets previewed in this server (with the token the preview returned). Implies --aws-live.',
    'no-client-roots': 'Do not ask the client for its roots to find the project.',
    ...COMMON_HELP,
  },
  async run(values, _positionals, io) {
    const config = resolveConfig(values, io.env, io.cwd);
    if (values.http) {
      const { serveHttp } = await import('../../mcp/http.js');
      const handle = await serveHttp(config, resolveHttpConfig(values as never, io.env));
      const stop = () => void handle.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return 0;
    }
    const { serveStdio } = await import('../../mcp/stdio.js');
    await serveStdio(config);
    return 0;
  },
};
