import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findStack, requireStack } from '../../../src/aws/cfn/stacks.js';
import { validateTemplateRemote } from '../../../src/aws/cfn/validate.js';
import { bodySource } from '../../../src/aws/cfn/template.js';
import { CLIENT_DEFAULTS, createCfnSession, ensureCredentials } from '../../../src/aws/session.js';
import { fakeCredentials } from './support.js';

/**
 * The real client built by the factory, with its real middleware (signing, adaptive retry, XML parsing, timeouts),
 * against a loopback server that answers with CloudFormation's own Query-protocol XML. No request leaves the machine.
 */

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const errorXml = (code: string, message: string) =>
  `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4f2c7b0e-1d3a-4e5f-9a8b-7c6d5e4f3a2b</RequestId></ErrorResponse>`;
const describeStacksXml = `<DescribeStacksResponse xmlns="${NS}"><DescribeStacksResult><Stacks><member>
<StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/5b3c2a10-8d2e-11ef-9a4b-0a1b2c3d4e5f</StackId>
<StackName>orders-api</StackName><CreationTime>2025-01-14T09:12:41.512Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus>
<Outputs><member><OutputKey>ApiUrl</OutputKey><OutputValue>https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod</OutputValue></member></Outputs>
</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d</RequestId></ResponseMetadata></DescribeStacksResponse>`;

type Reply = { status: number; body: string } | 'hang';
let replies: Reply[] = [];
let requests: Array<{ action: string; authorization: string }> = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      requests.push({ action: new URLSearchParams(body).get('Action') ?? '', authorization: String(req.headers.authorization ?? '') });
      const r = replies.shift() ?? { status: 500, body: errorXml('InternalFailure', 'no reply queued') };
      if (r === 'hang') return; // never answers: the client's request timeout must end the call
      res.writeHead(r.status, { 'content-type': 'text/xml' }).end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function session(overrides: Partial<Parameters<typeof createCfnSession>[0]> = {}) {
  replies = [];
  requests = [];
  return createCfnSession({ region: 'eu-west-1', credentials: fakeCredentials, endpoint, ...overrides });
}

describe('CloudFormation client factory (real SDK stack, loopback server)', () => {
  it('retries throttling with backoff: Throttling twice, then success', async () => {
    const s = session();
    replies.push({ status: 400, body: errorXml('Throttling', 'Rate exceeded') }, { status: 400, body: errorXml('Throttling', 'Rate exceeded') }, { status: 200, body: describeStacksXml });
    const stack = await findStack(s, 'orders-api');
    expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
    expect(stack?.Outputs?.[0]?.OutputKey).toBe('ApiUrl');
    expect(requests.map((r) => r.action)).toEqual(['DescribeStacks', 'DescribeStacks', 'DescribeStacks']);
    // Signed with the injected credentials, never anything from the machine.
    expect(requests[0]!.authorization).toContain('Credential=AKIAIOSFODNN7EXAMPLE/');
  });

  it('gives up after maxAttempts and says AWS kept throttling', async () => {
    const s = session({ maxAttempts: 2 });
    replies.push({ status: 400, body: errorXml('Throttling', 'Rate exceeded') }, { status: 400, body: errorXml('Throttling', 'Rate exceeded') });
    await expect(findStack(s, 'orders-api')).rejects.toThrow(/AWS kept throttling cloudformation:DescribeStacks in eu-west-1 after 2 attempts/);
  });

  it('translates AccessDenied from the wire, naming the action', async () => {
    const s = session();
    replies.push({ status: 403, body: errorXml('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:ValidateTemplate because no identity-based policy allows the cloudformation:ValidateTemplate action') });
    await expect(validateTemplateRemote(s, bodySource('Resources: {}', 'template', 'inline'))).rejects.toMatchObject({
      field: 'permissions',
      message: 'access denied: arn:aws:iam::123456789012:user/dev may not call cloudformation:ValidateTemplate in eu-west-1',
    });
    expect(requests).toHaveLength(1); // access denied is not retried
  });

  it('translates an expired token and a disabled opt-in region from the wire', async () => {
    let s = session();
    replies.push({ status: 403, body: errorXml('ExpiredToken', 'The security token included in the request is expired') });
    await expect(findStack(s, 'orders-api')).rejects.toThrow(/session token from the default credential chain has expired/);
    s = session({ region: 'ap-southeast-7' });
    replies.push({ status: 403, body: errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.') });
    await expect(findStack(s, 'orders-api')).rejects.toThrow(/ap-southeast-7, which is an opt-in region that is probably not enabled/);
  });

  it('reports a missing stack with ValidationError as undefined, and as a clear error when required', async () => {
    const s = session();
    replies.push({ status: 400, body: errorXml('ValidationError', 'Stack with id orders-apj does not exist') });
    expect(await findStack(s, 'orders-apj')).toBeUndefined();
    replies.push(
      { status: 400, body: errorXml('ValidationError', 'Stack with id orders-apj does not exist') },
      { status: 200, body: `<ListStacksResponse xmlns="${NS}"><ListStacksResult><StackSummaries><member><StackName>orders-api</StackName><StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/1</StackId><CreationTime>2025-01-14T09:12:41Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus></member></StackSummaries></ListStacksResult></ListStacksResponse>` },
    );
    await expect(requireStack(s, 'orders-apj')).rejects.toMatchObject({ field: 'stackName', message: "no stack 'orders-apj' in eu-west-1 (did you mean 'orders-api'?)" });
  });

  it('ends a call that gets no answer at the request timeout', async () => {
    const s = session({ requestTimeoutMs: 300, maxAttempts: 1 });
    replies.push('hang');
    const t0 = Date.now();
    await expect(findStack(s, 'orders-api')).rejects.toThrow(/timed out/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('uses adaptive retries and the documented timeouts by default', async () => {
    const s = createCfnSession({ region: 'eu-west-1', credentials: fakeCredentials });
    expect(await s.client.config.maxAttempts()).toBe(CLIENT_DEFAULTS.maxAttempts);
    const strategy = (await s.client.config.retryStrategy()) as { mode?: string };
    expect(strategy.mode).toBe('adaptive');
    // The HTTP handler resolves the options the factory gave it lazily, through this promise.
    const handler = s.client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    expect(await handler.configProvider).toMatchObject({
      requestTimeout: CLIENT_DEFAULTS.requestTimeoutMs,
      connectionTimeout: CLIENT_DEFAULTS.connectionTimeoutMs,
      throwOnRequestTimeout: true,
    });
  });
});

describe('credentials check', () => {
  it('answers "not configured" when the provider chain finds nothing, before any request', async () => {
    const none = async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false });
    };
    const s = session({ credentials: none });
    await expect(ensureCredentials(s)).rejects.toThrow(/^AWS is not configured: no credentials could be loaded from the default credential chain$/);
    expect(requests).toHaveLength(0);
  });

  describe('with the real default chain on a machine with nothing configured', () => {
    const empty = mkdtempSync(join(tmpdir(), 'aba-aws-'));
    beforeEach(() => {
      // Nothing in the environment or files, and the instance metadata service switched off: no network at all.
      for (const v of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
        vi.stubEnv(v, undefined);
      }
      vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
      vi.stubEnv('AWS_CONFIG_FILE', join(empty, 'config'));
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(empty, 'credentials'));
    });
    afterEach(() => vi.unstubAllEnvs());

    it('answers "not configured"', async () => {
      const s = createCfnSession({ region: 'eu-west-1' });
      await expect(ensureCredentials(s)).rejects.toMatchObject({ field: 'credentials', message: 'AWS is not configured: no credentials could be loaded from the default credential chain' });
    });

    it('names a profile that does not exist', async () => {
      const s = createCfnSession({ region: 'eu-west-1', profile: 'aba-missing' });
      await expect(ensureCredentials(s)).rejects.toMatchObject({ field: 'credentials', message: expect.stringContaining("'aba-missing'") });
    });

    it('picks up keys written after the server started, without a restart', async () => {
      const s = createCfnSession({ region: 'eu-west-1', profile: 'late' });
      await expect(ensureCredentials(s)).rejects.toThrow();
      writeFileSync(join(empty, 'credentials'), '[late]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
      await expect(ensureCredentials(s)).resolves.toBeUndefined();
    });
  });

  it('passes quietly when credentials resolve', async () => {
    await expect(ensureCredentials(session())).resolves.toBeUndefined();
  });

  it('never reaches the network for credentials when the chain is replaced', async () => {
    let calls = 0;
    const s = session({ credentials: async () => (calls++, fakeCredentials()) });
    await ensureCredentials(s);
    expect(calls).toBe(1);
  });
});
