import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/index.js';
import type { ServerConfig } from '../../src/config/types.js';
import { createServer } from '../../src/mcp/server.js';
import { silentLogger } from '../../src/shared/log.js';

/** A fresh temporary project folder. */
export function tempProject(prefix = 'aba-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Server config for tests: a temporary project, silent logs, no network. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const dir = overrides.projectDir ?? tempProject();
  const base = resolveConfig({ 'project-dir': dir }, {}, dir);
  return { ...base, logger: silentLogger, cacheDir: join(dir, '.cache'), ...overrides };
}

export interface Connected {
  client: Client;
  config: ServerConfig;
  close(): Promise<void>;
  /** Calls a tool and returns the raw result (isError results are returned, not thrown). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool, fails the test on isError, and returns its structured content. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool expecting isError and returns the error text. */
  err(name: string, args?: Record<string, unknown>): Promise<string>;
}

/** The real SDK client joined to our server over an in-memory transport. */
export async function connect(configOverrides: Partial<ServerConfig> = {}, clientCapabilities: Record<string, unknown> = {}): Promise<Connected> {
  const config = testConfig(configOverrides);
  const { mcp } = createServer(config);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await mcp.connect(serverSide);
  const client = new Client({ name: 'test', version: '0' }, { capabilities: clientCapabilities });
  await client.connect(clientSide);
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
  return {
    client,
    config,
    call,
    async ok(name, args) {
      const r = await call(name, args);
      if (r.isError) throw new Error(`${name} returned isError: ${text(r)}`);
      return r.structuredContent as never;
    },
    async err(name, args) {
      const r = await call(name, args);
      if (!r.isError) throw new Error(`${name} was expected to fail but returned: ${text(r).slice(0, 500)}`);
      return text(r);
    },
    async close() {
      await client.close();
      await mcp.close();
    },
  };
}
