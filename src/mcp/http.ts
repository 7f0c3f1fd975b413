import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpConfig, ServerConfig } from '../config/types.js';
import { packageVersion } from '../shared/paths.js';
import { createServer } from './server.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return LOOPBACK_HOSTS.has(h) || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

/** `example.com:8080` -> `example.com`, `[::1]:3000` -> `::1`. */
function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']'));
  const i = hostHeader.lastIndexOf(':');
  return (i > -1 && !hostHeader.slice(0, i).includes(':') ? hostHeader.slice(0, i) : hostHeader).toLowerCase();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function rpcError(res: ServerResponse, status: number, message: string, headers?: Record<string, string>): void {
  send(res, status, { jsonrpc: '2.0', error: { code: -32000, message }, id: null }, headers);
}

function sameToken(given: string, expected: string): boolean {
  // Security: hash both so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<{ ok: true; body: Buffer } | { ok: false; status: number }> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return { ok: false, status: 413 };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return { ok: false, status: 413 };
    chunks.push(chunk as Buffer);
  }
  return { ok: true, body: Buffer.concat(chunks) };
}

export interface HttpHandle {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Streamable HTTP on `/mcp`, with `/health`. Stateless by default (a fresh server per request, so replicas need no
 * sticky sessions); `stateful` keeps sessions keyed by `Mcp-Session-Id`.
 *
 * Security: loopback bind by default; Host and Origin checked against DNS rebinding; a bearer token required when
 * bound beyond loopback (and whenever one is configured), never accepted in the query string; bodies capped.
 */
export async function serveHttp(config: ServerConfig, http: HttpConfig): Promise<HttpHandle> {
  const exposed = !isLoopback(http.host);
  if (exposed && !http.token) {
    throw new Error(`binding ${http.host} exposes the server beyond this machine: a bearer token is required (--token or AWS_ARCHITECT_TOKEN)`);
  }
  const allowedHosts = new Set([...LOOPBACK_HOSTS, ...http.allowedHosts.map((h) => h.toLowerCase())]);
  if (exposed && http.host !== '0.0.0.0' && http.host !== '::') allowedHosts.add(hostnameOf(http.host));
  const checkHost = !exposed || http.allowedHosts.length > 0 || (http.host !== '0.0.0.0' && http.host !== '::');
  const allowedOrigins = new Set(http.allowedOrigins.map((o) => o.toLowerCase().replace(/\/$/, '')));
  const shared = new Map<string, Promise<unknown>>();
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  const originAllowed = (origin: string): boolean => {
    const o = origin.toLowerCase().replace(/\/$/, '');
    if (allowedOrigins.has(o)) return true;
    try {
      const u = new URL(o);
      return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopback(u.hostname);
    } catch {
      return false;
    }
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hostHeader = req.headers.host ?? '';
    // Security: DNS rebinding. A page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
    // An exposed server (token required) checks Host only against the names it was told to accept.
    if (checkHost && !allowedHosts.has(hostnameOf(hostHeader))) return rpcError(res, 403, `Invalid Host header: ${hostHeader}`);
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin)) return rpcError(res, 403, `Invalid Origin header: ${origin}`);

    if (url.pathname === '/health') {
      if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      return send(res, 200, { status: 'ok', name: 'aws-backend-architect', version: packageVersion(), mode: http.stateful ? 'stateful' : 'stateless' });
    }
    if (url.pathname !== '/mcp') return send(res, 404, { error: 'not found; the MCP endpoint is /mcp' });

    for (const key of ['token', 'access_token', 'api_key', 'apikey']) {
      if (url.searchParams.has(key)) return rpcError(res, 400, 'Credentials in the query string are refused; send Authorization: Bearer <token>.');
    }
    if (http.token) {
      const auth = req.headers.authorization ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || !sameToken(m[1]!.trim(), http.token)) {
        return rpcError(res, 401, m ? 'Invalid bearer token' : 'Missing Authorization header', { 'www-authenticate': 'Bearer realm="aws-backend-architect"' });
      }
    }

    let body: unknown;
    if (req.method === 'POST') {
      const read = await readBody(req, http.maxBodyBytes);
      if (!read.ok) return rpcError(res, read.status, `Request body exceeds ${http.maxBodyBytes} bytes`);
      try {
        body = JSON.parse(read.body.toString('utf8'));
      } catch {
        return send(res, 400, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: body is not JSON' }, id: null });
      }
    }

    if (!http.stateful) {
      if (req.method !== 'POST') return rpcError(res, 405, 'Method not allowed in stateless mode', { allow: 'POST' });
      const { mcp } = createServer(config, shared);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: http.maxBodyBytes });
      res.on('close', () => {
        void transport.close();
        void mcp.close();
      });
      await mcp.connect(transport);
      await transport.handleRequest(req, res, body);
      return;
    }

    const sid = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(sid) ? sid[0] : sid;
    if (sessionId) {
      const transport = sessions.get(sessionId);
      if (!transport) return rpcError(res, 404, 'Session not found');
      await transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST' || !isInitializeRequest(body)) return rpcError(res, 400, 'Bad Request: no valid session id; start with initialize');
    const { mcp } = createServer(config, shared);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      maxRequestBodySize: http.maxBodyBytes,
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void mcp.close();
    };
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const server = createHttpServer((req, res) => {
    handler(req, res).catch((e) => {
      config.logger.log('error', 'HTTP request failed', e instanceof Error ? e.stack : e);
      rpcError(res, 500, 'Internal server error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(http.port, http.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : http.port;
  const shownHost = http.host.includes(':') ? `[${http.host}]` : http.host;
  const url = `http://${shownHost}:${port}/mcp`;
  config.logger.log('info', `aws-backend-architect ${packageVersion()} listening on ${url} (${http.stateful ? 'stateful' : 'stateless'}${http.token ? ', bearer token required' : ''})`);
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of sessions.values()) void t.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
