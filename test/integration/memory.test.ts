import { ListRootsRequestSchema, ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempProject, type Connected } from '../helpers/client.js';

type Note = { path: string; uri: string; version: string; source: string; type: string; title: string; status?: string; problem?: string };

const mem = (c: Connected) => join(c.config.projectDir!, '.ai', 'memory');

describe('memory tools through the MCP client', () => {
  let c: Connected;
  let listChanged = 0;
  beforeAll(async () => {
    c = await connect();
    c.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      listChanged++;
    });
  });
  afterAll(async () => c.close());

  it('memory_list shows the built-in library in an empty project, with paging and filters', async () => {
    const all = await c.ok<{ root: string; notes: Note[]; total: number; nextCursor?: string; problems: unknown[] }>('memory_list', { limit: 5 });
    expect(all.root).toBe(mem(c));
    expect(all.total).toBeGreaterThanOrEqual(9);
    expect(all.notes).toHaveLength(5);
    expect(all.notes.every((n) => n.source === 'library')).toBe(true);
    const next = await c.ok<{ notes: Note[] }>('memory_list', { limit: 5, cursor: all.nextCursor });
    expect(next.notes[0]!.path > all.notes[4]!.path).toBe(true);
    const patterns = await c.ok<{ notes: Note[] }>('memory_list', { type: 'pattern', tag: 'websocket' });
    expect(patterns.notes.map((n) => n.path)).toEqual(['patterns/aws-realtime-chat.md']);
  });

  it('memory_list errors name the field', async () => {
    expect(await c.err('memory_list', { type: 'adr' })).toMatch(/type: 'adr' is not one of pattern, decision, project, note/);
    expect(await c.err('memory_list', { limit: 500 })).toMatch(/limit/);
    expect(await c.err('memory_list', { cursor: 'not-a-cursor' })).toMatch(/^cursor: /);
  });

  it('memory_write creates project.md, memory_read returns it with its version, and clients hear about it', async () => {
    const before = listChanged;
    const w = await c.ok<{ path: string; uri: string; version: string; created: boolean }>('memory_write', {
      path: 'project.md',
      content: '# Acme shop\n\n- Primary Region: eu-west-1\n- Accounts: prod 111122223333\n',
      tags: ['project'],
    });
    expect(w).toMatchObject({ path: 'project.md', uri: 'memory://project.md', created: true });
    expect(existsSync(join(mem(c), 'project.md'))).toBe(true);
    const r = await c.ok<Note & { content: string; frontMatter: Record<string, unknown> }>('memory_read', { path: 'memory://project.md' });
    expect(r).toMatchObject({ type: 'project', title: 'Acme shop', version: w.version, source: 'project' });
    expect(r.frontMatter.tags).toEqual(['project']);
    expect(r.content).toContain('Primary Region: eu-west-1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listChanged).toBeGreaterThan(before);
  });

  it('memory_write refuses a stale version and returns the current version and text', async () => {
    const first = await c.ok<{ version: string }>('memory_write', { path: 'notes/cost-strategy.md', content: '# Cost strategy\n\nSavings Plans for Fargate.\n' });
    const second = await c.ok<{ version: string; previousVersion: string }>('memory_write', {
      path: 'notes/cost-strategy.md',
      content: '# Cost strategy\n\nSavings Plans for Fargate and Lambda.\n',
      expectedVersion: first.version,
    });
    expect(second.previousVersion).toBe(first.version);
    const stale = await c.err('memory_write', { path: 'notes/cost-strategy.md', content: '# Cost strategy\n\nSpot only.\n', expectedVersion: first.version });
    expect(stale).toContain('expectedVersion:');
    expect(stale).toContain(`current version is ${second.version}`);
    expect(stale).toContain('Savings Plans for Fargate and Lambda.');
    const missing = await c.err('memory_write', { path: 'notes/cost-strategy.md', content: 'x' });
    expect(missing).toMatch(/already exists .*needs the version you read/);
    expect((await c.ok<{ content: string }>('memory_read', { path: 'notes/cost-strategy.md' })).content).toContain('Fargate and Lambda');
  });

  it('memory_write and memory_read errors name the field', async () => {
    expect(await c.err('memory_write', { path: 'notes/x.txt', content: 'x' })).toMatch(/^path: 'notes\/x.txt' is not a markdown note/);
    expect(await c.err('memory_write', { path: 'notes/x.md', content: '---\ntitle: [broken\n---\n' })).toMatch(/^content: front matter is not valid YAML/);
    expect(await c.err('memory_write', { path: 'notes/x.md', content: 'x', status: 'accepted' })).toMatch(/^status: status applies to decisions only/);
    expect(await c.err('memory_write', { path: 'notes/x.md' })).toMatch(/content: required/);
    expect(await c.err('memory_write', { path: 'project.md/inside.md', content: 'x' })).toMatch(/^path: 'project.md\/inside.md' goes through a file as if it were a folder/);
    expect(await c.err('memory_read', { path: 'patterns/aws-serverles-api.md' })).toMatch(/^path: no note .*did you mean 'patterns\/aws-serverless-api.md'/);
  });

  it('memory_search ranks, filters and returns snippets; it sees new notes at once', async () => {
    const r = await c.ok<{ total: number; results: Array<Note & { snippet: string; score: number }> }>('memory_search', { query: 'websocket idle timeout', limit: 3 });
    expect(r.results[0]).toMatchObject({ path: 'patterns/aws-realtime-chat.md', source: 'library' });
    expect(r.results[0]!.snippet.toLowerCase()).toContain('idle');
    await c.ok('memory_write', { path: 'notes/search-choice.md', content: '# Search\n\nOpenSearch Serverless collections for product search.\n', tags: ['search'] });
    const found = await c.ok<{ results: Note[] }>('memory_search', { query: 'opensearch collections', tag: 'search' });
    expect(found.results.map((h) => h.path)).toEqual(['notes/search-choice.md']);
    expect(await c.err('memory_search', { query: '' })).toMatch(/query/);
    expect(await c.err('memory_search', { query: 'x', status: 'done' })).toMatch(/status: 'done' is not one of/);
  });

  it('record_decision numbers ADRs, supersedes by number, and feeds accepted decisions', async () => {
    const adr = {
      title: 'Use DynamoDB for order history',
      context: 'Orders are read by customer id, newest first; 300 writes/s at peak.',
      options: [{ name: 'DynamoDB', pros: ['No servers'] }, { name: 'Aurora PostgreSQL', cons: ['VPC and pooling'] }],
      decision: 'DynamoDB on-demand, partition key customerId, sort key orderId (ULID).',
      consequences: 'Reporting goes through S3 exports.',
      chosen: ['dynamodb'],
      rejected: ['aurora'],
      layer: 'data',
      tags: ['orders'],
    };
    const one = await c.ok<{ number: number; decision: Note }>('record_decision', adr);
    expect(one.number).toBe(1);
    expect(one.decision).toMatchObject({ path: 'decisions/infrastructure-0001-use-dynamodb-for-order-history.md', status: 'accepted', type: 'decision' });
    const two = await c.ok<{ number: number; decision: Note; superseded: Note }>('record_decision', { ...adr, title: 'Use Aurora for orders', chosen: ['aurora'], rejected: ['dynamodb'], supersedes: 1 });
    expect(two.number).toBe(2);
    expect(two.superseded).toMatchObject({ path: one.decision.path, status: 'superseded' });
    const old = readFileSync(join(mem(c), one.decision.path), 'utf8');
    expect(old).toContain('superseded_by: decisions/infrastructure-0002-use-aurora-for-orders.md');
    const { acceptedDecisions } = await import('../../src/memory/index.js');
    expect((await acceptedDecisions(c.config.projectDir!)).map((d) => [d.path, d.chosen])).toEqual([[two.decision.path, ['aurora']]]);
    const accepted = await c.ok<{ notes: Note[] }>('memory_list', { status: 'accepted' });
    expect(accepted.notes.map((n) => n.path)).toEqual([two.decision.path]);
  });

  it('record_decision errors name the field', async () => {
    const base = { title: 'T', context: 'C', decision: 'D', consequences: 'Q' };
    expect(await c.err('record_decision', { ...base, layer: 'datta' })).toMatch(/layer: 'datta' is not one of .*did you mean 'data'/);
    expect(await c.err('record_decision', { ...base, chosen: ['Amazon DynamoDB'] })).toMatch(/^chosen\[0\]: 'Amazon DynamoDB' is not a service id/);
    expect(await c.err('record_decision', { ...base, supersedes: 99 })).toMatch(/^supersedes: no decision '99'/);
    expect(await c.err('record_decision', { ...base, supersedes: 1 })).toMatch(/^supersedes: .* is already superseded/);
    expect(await c.err('record_decision', { ...base, status: 'superseded' })).toMatch(/status/);
    expect(await c.err('record_decision', { title: 'T' })).toMatch(/context: required/);
  });

  it('save_pattern writes patterns/aws-<slug>.md, overrides a library pattern, and needs a version to replace', async () => {
    const input = {
      title: 'Serverless API',
      slug: 'serverless-api',
      summary: 'Our take: HTTP API, Lambda on arm64, DynamoDB.',
      architecture: 'HTTP API -> Lambda -> DynamoDB; Cognito JWT authorizer.',
      services: ['apigateway-http', 'lambda', 'dynamodb'],
    };
    const r = await c.ok<{ path: string; created: boolean; version: string }>('save_pattern', input);
    expect(r).toMatchObject({ path: 'patterns/aws-serverless-api.md', created: true });
    const read = await c.ok<Note & { overridesLibrary?: boolean }>('memory_read', { path: 'patterns/aws-serverless-api.md' });
    expect(read).toMatchObject({ source: 'project', overridesLibrary: true, title: 'Serverless API' });
    expect(await c.err('save_pattern', input)).toMatch(/^expectedVersion: note 'patterns\/aws-serverless-api.md' already exists/);
    expect((await c.ok<{ created: boolean }>('save_pattern', { ...input, expectedVersion: r.version })).created).toBe(false);
    expect(await c.err('save_pattern', { ...input, slug: 'Bad Slug' })).toMatch(/^slug: /);
    expect(await c.err('save_pattern', { ...input, services: ['Lambda'] })).toMatch(/^services\[0\]: /);
  });

  it('a note with broken front matter is reported and everything else keeps working', async () => {
    writeFileSync(join(mem(c), 'notes', 'broken.md'), '---\ntitle: "unterminated\n---\nKinesis notes\n');
    const list = await c.ok<{ problems: Array<{ path: string; problem: string }>; total: number }>('memory_list', {});
    expect(list.problems).toEqual([expect.objectContaining({ path: 'notes/broken.md', problem: expect.stringMatching(/not valid YAML/) })]);
    expect(list.total).toBeGreaterThan(10);
    const read = await c.ok<Note>('memory_read', { path: 'notes/broken.md' });
    expect(read.problem).toMatch(/not valid YAML/);
    expect((await c.ok<{ results: Note[] }>('memory_search', { query: 'kinesis notes' })).results.map((h) => h.path)).toContain('notes/broken.md');
  });

  it('serves every note as a memory:// resource, marks library notes, reads and completes paths', async () => {
    const { resources } = await c.client.listResources();
    const memory = resources.filter((r) => r.uri.startsWith('memory://'));
    expect(memory.map((r) => r.uri)).toEqual(expect.arrayContaining(['memory://project.md', 'memory://patterns/aws-realtime-chat.md', 'memory://checklists/well-architected.md']));
    expect(memory.find((r) => r.uri === 'memory://patterns/aws-realtime-chat.md')?.description).toContain('built-in library (read-only)');
    expect(memory.find((r) => r.uri === 'memory://project.md')?.description).not.toContain('library');
    const read = await c.client.readResource({ uri: 'memory://patterns/aws-realtime-chat.md' });
    expect(read.contents[0]).toMatchObject({ uri: 'memory://patterns/aws-realtime-chat.md', mimeType: 'text/markdown' });
    expect((read.contents[0] as { text: string }).text).toContain('PostToConnection');
    const completion = await c.client.complete({ ref: { type: 'ref/resource', uri: 'memory://{+path}' }, argument: { name: 'path', value: 'patterns/aws-s' } });
    expect(completion.completion.values).toEqual(expect.arrayContaining(['patterns/aws-serverless-api.md', 'patterns/aws-static-site.md']));
    await expect(c.client.readResource({ uri: 'memory://notes/none.md' })).rejects.toThrow(/no note 'notes\/none.md'/);
  });
});

describe('where the memory folder is', () => {
  it('an explicit --memory-dir wins', async () => {
    const dir = join(tempProject(), 'team-memory');
    const c = await connect({ memoryDir: dir });
    try {
      await c.ok('memory_write', { path: 'notes/a.md', content: 'x' });
      expect(existsSync(join(dir, 'notes', 'a.md'))).toBe(true);
      expect((await c.ok<{ root: string }>('memory_list', {})).root).toBe(dir);
    } finally {
      await c.close();
    }
  });

  it('without an explicit folder, the first file:// root the client offers is the project', async () => {
    const clientRoot = tempProject();
    const otherRoot = tempProject();
    const c = await connect({ projectDir: undefined }, { roots: { listChanged: true } });
    c.client.setRequestHandler(ListRootsRequestSchema, async () => ({
      roots: [
        { uri: pathToFileURL(clientRoot).href, name: 'project' },
        { uri: pathToFileURL(otherRoot).href, name: 'library checkout' },
      ],
    }));
    try {
      await c.ok('memory_write', { path: 'project.md', content: '# From roots\n' });
      expect(existsSync(join(clientRoot, '.ai', 'memory', 'project.md'))).toBe(true);
      expect(existsSync(join(otherRoot, '.ai'))).toBe(false);
      expect(existsSync(join(c.config.cwd, '.ai'))).toBe(false);
    } finally {
      await c.close();
    }
  });
});
