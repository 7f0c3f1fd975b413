import { describe, expect, it } from 'vitest';
import { plainText, snippet } from '../../../src/memory/search.js';
import { makeStore } from './helpers.js';

const notes = {
  'patterns/aws-realtime-chat.md': '---\ntitle: Realtime chat over WebSockets\ntags: [websocket, chat]\n---\n\n# Realtime chat\n\nAPI Gateway WebSocket APIs keep connections open for up to 2 hours; idle ones close after 10 minutes.\n',
  'patterns/aws-serverless-api.md': '---\ntitle: Serverless REST API\ntags: [serverless, api]\n---\n\n# Serverless REST API\n\nA websocket is not needed here. Lambda behind API Gateway with DynamoDB on-demand.\n',
  'decisions/infrastructure-0001-queue.md': '---\ntitle: Use SQS for order events\nstatus: accepted\ntags: [orders]\n---\n\n## Decision\n\nSQS standard queue with a dead-letter queue after 5 receives.\n',
  'decisions/infrastructure-0002-old.md': '---\ntitle: Use Kinesis for order events\nstatus: superseded\ntags: [orders]\n---\n\nKinesis with 2 shards.\n',
  'notes/cost.md': '---\ntitle: Cost notes\ntags: [cost, Orders]\n---\n\nSavings Plans cover Fargate and Lambda compute. Reserved capacity for DynamoDB tables.\n',
};

describe('memory search', () => {
  it('ranks a title and tag match above a passing mention in the body', async () => {
    const { store } = makeStore({ project: notes });
    const r = await store.search({ query: 'websocket' });
    expect(r.results.map((h) => h.path)).toEqual(['patterns/aws-realtime-chat.md', 'patterns/aws-serverless-api.md']);
    expect(r.results[0]!.score).toBeGreaterThan(r.results[1]!.score);
  });

  it('matches the last word as a prefix and tolerates a typo in long words', async () => {
    const { store } = makeStore({ project: notes });
    expect((await store.search({ query: 'dead-letter que' })).results[0]?.path).toBe('decisions/infrastructure-0001-queue.md');
    expect((await store.search({ query: 'kineses' })).results[0]?.path).toBe('decisions/infrastructure-0002-old.md');
  });

  it('ranks the words as a phrase above the same words scattered', async () => {
    const { store } = makeStore({
      project: {
        'notes/scattered.md': '# DR\n\nThe origin failover needs access to the recovery controller. Access is logged; control planes differ by origin.\n',
        'notes/phrase.md': '# CDN\n\nUse origin access control for the bucket.\n',
      },
    });
    const r = await store.search({ query: 'origin access control' });
    expect(r.results.map((h) => h.path)).toEqual(['notes/phrase.md', 'notes/scattered.md']);
  });

  it('puts notes with every word first, widens to any word, then to typos, and says which', async () => {
    const { store } = makeStore({
      project: {
        'notes/both.md': '# Notes\n\nThe kinesis shard limit is 1 MB/s.\n',
        'notes/one-a.md': '---\ntitle: Kinesis Kinesis Kinesis\n---\nKinesis everywhere, kinesis again.\n',
        'notes/one-b.md': '# Shard\n\nA shard of something else.\n',
      },
    });
    const both = await store.search({ query: 'kinesis shard', limit: 1 });
    expect(both).toMatchObject({ mode: 'all', total: 1 });
    const widened = await store.search({ query: 'kinesis shard' });
    expect(widened.mode).toBe('any');
    expect(widened.results[0]!.path).toBe('notes/both.md');
    expect(widened.results.map((h) => h.path).sort()).toEqual(['notes/both.md', 'notes/one-a.md', 'notes/one-b.md']);
    expect((await store.search({ query: 'kinesiss' })).mode).toBe('fuzzy');
    await expect(store.search({ query: 'the and of' })).rejects.toMatchObject({ field: 'query', message: expect.stringContaining('only common words') });
  });

  it('filters by type, status and tag', async () => {
    const { store } = makeStore({ project: notes });
    expect((await store.search({ query: 'order events', status: 'accepted' })).results.map((h) => h.path)).toEqual(['decisions/infrastructure-0001-queue.md']);
    expect((await store.search({ query: 'orders', type: 'note' })).results.map((h) => h.path)).toEqual(['notes/cost.md']);
    expect((await store.search({ query: 'lambda', tag: 'API' })).results.map((h) => h.path)).toEqual(['patterns/aws-serverless-api.md']);
  });

  it('returns a snippet around the matched words and the total before the limit', async () => {
    const { store } = makeStore({ project: notes });
    const r = await store.search({ query: 'lambda', limit: 1 });
    expect(r.total).toBe(2);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]!.snippet).toMatch(/Lambda/);
  });

  it('is current after every write, update and supersede', async () => {
    const { store } = makeStore({ project: notes });
    expect((await store.search({ query: 'opensearch' })).total).toBe(0);
    const w = await store.write({ path: 'notes/search.md', content: '# Search\n\nOpenSearch Serverless for logs.\n' });
    expect((await store.search({ query: 'opensearch' })).results[0]?.path).toBe('notes/search.md');
    await store.write({ path: 'notes/search.md', content: '# Search\n\nAthena over S3 instead.\n', expectedVersion: w.note.version });
    expect((await store.search({ query: 'opensearch' })).total).toBe(0);
    expect((await store.search({ query: 'athena' })).total).toBe(1);
  });

  it('a project note shadows the library note of the same path in search too', async () => {
    const { store } = makeStore({ library: { 'patterns/aws-x.md': '# X\n\nlibrary words glacier\n' }, project: { 'patterns/aws-x.md': '# X\n\nproject words\n' } });
    expect((await store.search({ query: 'glacier' })).total).toBe(0);
    expect((await store.search({ query: 'project' })).results[0]).toMatchObject({ path: 'patterns/aws-x.md', source: 'project' });
  });

  it('refuses an empty query and an out-of-range limit', async () => {
    const { store } = makeStore();
    await expect(store.search({ query: '   ' })).rejects.toMatchObject({ field: 'query' });
    await expect(store.search({ query: 'x', limit: 51 })).rejects.toMatchObject({ field: 'limit' });
  });
});

describe('snippets', () => {
  const body = `${'Filler words about nothing in particular. '.repeat(20)}The NAT gateway costs about $0.045 per hour plus $0.045 per GB processed. ${'More filler text follows here. '.repeat(20)}`;

  it('centres on the densest group of matched words and marks the cuts', () => {
    const s = snippet(body, ['nat', 'gateway', 'processed']);
    expect(s).toContain('NAT gateway costs about $0.045 per hour plus $0.045 per GB processed.');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(240);
  });

  it('falls back to the first paragraph when only the title matched', () => {
    expect(snippet('# Heading\n\nFirst paragraph here.\n\nSecond.', ['absent'])).toBe('First paragraph here.');
  });

  it('reads as text, not markdown', () => {
    expect(plainText('## Context\n\n> quoted **bold** `code` [link](https://x.y)\n```ts\nx\n```')).toBe('Context\n\nquoted bold code link\n\nx\n');
    expect(plainText('| Limit | Value |\n| --- | --- |\n| Idle timeout | 10 minutes |')).toBe('Limit; Value\n\nIdle timeout; 10 minutes');
  });
});
