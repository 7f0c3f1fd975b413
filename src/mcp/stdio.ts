import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ServerConfig } from '../config/types.js';
import { packageVersion } from '../shared/paths.js';
import { createServer } from './server.js';

/** Serves one client over stdin/stdout. stdout carries only protocol messages. */
export async function serveStdio(config: ServerConfig): Promise<void> {
  const { mcp } = createServer(config);
  const transport = new StdioServerTransport();
  await mcp.connect(transport);
  config.logger.log('info', `aws-backend-architect ${packageVersion()} ready on stdio`);
}

