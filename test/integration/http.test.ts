import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startHttp, type RunningServer } from '../helpers/spawn.js';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } });

/** A raw request, so tests control Host, Origin and body exactly. */
function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('Streamable HTTP, loopback, stateless (default)', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startHttp(['--max-body', '4096']);
  });
  afterAll(async () => s.stop());

  it('binds 127.0.0.1 by default and answers /health', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const r = await raw(`${s.base}/health`, { method: 'GET' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ status: 'ok', name: 'aws-backend-architect', mode: 'stateless' });
  });

  it('serves a real MCP client: prompts and tools', async () => {
    const client = new Client({ name: 't', version: '0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(s.url)));
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('design-backend');
    const { tools } = await client.listTools();
    expect(Array.isArray(tools)).toBe(true);
    await client.close();
  });

  it('rejects a foreign Host header (DNS rebinding) with 403', async () => {
    const r = await raw(s.url, { headers: { host: 'evil.example.com' }, body: INIT });
    expect(r.status).toBe(403);
    expect(r.body).toContain('Invalid Host');
  });

  it('rejects a foreign Origin with 403 and accepts a loopback one', async () => {
    const bad = await raw(s.url, { headers: { origin: 'https://evil.example.com' }, body: INIT });
    expect(bad.status).toBe(403);
    expect(bad.body).toContain('Invalid Origin');
    const ok = await raw(s.url, { headers: { origin: 'http://localhost:6274' }, body: INIT });
    expect(ok.status).toBe(200);
  });

  it('refuses bodies over the limit with 413', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: { pad: 'x'.repeat(10_000) } });
    const r = await raw(s.url, { body: big });
    expect(r.status).toBe(413);
  });

  it('refuses credentials in the query string', async () => {
    const r = await raw(`${s.url}?token=abc`, { body: INIT });
    expect(r.status).toBe(400);
    expect(r.body).toContain('query string');
  });

  it('answers a body that is not JSON with a parse error, and keeps serving', async () => {
    const r = await raw(s.url, { body: '{not json' });
    expect(r.status).toBe(400);
    expect(r.body).toContain('Parse error');
    expect((await raw(`${s.base}/health`, { method: 'GET' })).status).toBe(200);
  });
});

describe('Streamable HTTP beyond loopback', () => {
  it('refuses to start on a non-loopback address without a token', async () => {
    const r = await runCli(['serve', '--http', '--host', '0.0.0.0', '--port', '0'], { env: { AWS_ARCHITECT_TOKEN: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bearer token is required/);
  });

  it('requires the bearer token on every request when bound to 0.0.0.0', async () => {
    const s = await startHttp(['--host', '0.0.0.0', '--token', 's3cret-token']);
    try {
      const url = s.url.replace('0.0.0.0', '127.0.0.1');
      const none = await raw(url, { body: INIT });
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/Bearer/);
      const wrong = await raw(url, { headers: { authorization: 'Bearer nope' }, body: INIT });
      expect(wrong.status).toBe(401);
      const right = await raw(url, { headers: { authorization: 'Bearer s3cret-token' }, body: INIT });
      expect(right.status).toBe(200);
      const client = new Client({ name: 't', version: '0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: 'Bearer s3cret-token' } } }));
      expect((await client.listPrompts()).prompts.length).toBeGreaterThan(0);
      await client.close();
    } finally {
      await s.stop();
    }
  });
});

describe('Streamable HTTP, stateful', () => {
  it('issues a session id and serves the session', async () => {
    const s = await startHttp(['--stateful']);
    try {
      const transport = new StreamableHTTPClientTransport(new URL(s.url));
      const client = new Client({ name: 't', version: '0' });
      await client.connect(transport);
      expect(transport.sessionId).toMatch(/[0-9a-f-]{36}/);
      expect((await client.listPrompts()).prompts.length).toBe(7);
      const unknown = await raw(s.url, { headers: { 'mcp-session-id': 'not-a-session' }, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) });
      expect(unknown.status).toBe(404);
      await transport.terminateSession();
      await client.close();
    } finally {
      await s.stop();
    }
  });
});
