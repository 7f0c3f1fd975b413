import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { documentationConfig } from '../../src/mcp/docs.js';
import { connect, tempProject, testConfig } from '../helpers/client.js';
import { CLI, requireBuilt, runCli } from '../helpers/spawn.js';

describe('the built server over stdio', () => {
  it('answers a real client and writes nothing but protocol to stdout', async () => {
    requireBuilt();
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], cwd: tempProject(), stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 't', version: '0' });
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('aws-backend-architect');
    expect((await client.listPrompts()).prompts.length).toBe(7);
    const r = await client.callTool({ name: 'no_such_tool', arguments: {} });
    expect(r.isError).toBe(true);
    await client.close();
    expect(stderr).toContain('ready on stdio');
  });

  it('keeps stdout clean: every line is a JSON-RPC message', async () => {
    requireBuilt();
    const proc = spawn(process.execPath, [CLI, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tempProject() });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const send = (m: unknown) => proc.stdin.write(JSON.stringify(m) + '\n');
    send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 1, method: 'prompts/list' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'nope', arguments: {} } });
    await new Promise((r) => setTimeout(r, 1500));
    proc.kill();
    const lines = out.trim().split('\n');
    expect(lines.length).toBe(3);
    for (const l of lines) expect(JSON.parse(l).jsonrpc).toBe('2.0');
  });

  it('lists, from its build-time manifest, exactly the tools the source registry lists', async () => {
    requireBuilt();
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'serve', '--aws-live', '--allow-writes'], cwd: tempProject(), stderr: 'pipe' });
    const client = new Client({ name: 't', version: '0' });
    await client.connect(transport);
    const bundled = (await client.listTools()).tools;
    await client.close();
    const source = await connect({ aws: documentationConfig(testConfig()).aws });
    const fromSource = (await source.client.listTools()).tools;
    await source.close();
    expect(bundled).toEqual(fromSource);
    const plain = new Client({ name: 't', version: '0' });
    await plain.connect(new StdioClientTransport({ command: process.execPath, args: [CLI], cwd: tempProject(), stderr: 'pipe' }));
    const names = (await plain.listTools()).tools.map((t) => t.name);
    await plain.close();
    expect(names).not.toContain('cfn_preview_changes');
    expect(names).toContain('create_plan');
  });

  it('prints help and version', async () => {
    const v = await runCli(['--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await runCli(['--help']);
    expect(h.stdout).toContain('serve');
    const bad = await runCli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown command 'frobnicate'");
  });
});
