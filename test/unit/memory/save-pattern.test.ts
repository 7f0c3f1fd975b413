import { describe, expect, it } from 'vitest';
import { savePattern, type PatternInput } from '../../../src/memory/index.js';
import { isUserError } from '../../../src/shared/errors.js';
import { makeStore } from './helpers.js';

const input: PatternInput = {
  title: 'AWS WebSocket chat with DynamoDB fan-out',
  summary: 'Rooms of up to a few thousand members over API Gateway WebSockets.',
  architecture: 'API Gateway WebSocket -> Lambda -> DynamoDB (connections, messages).',
  services: ['apigateway-websocket', 'lambda', 'dynamodb'],
  considerations: 'Idle connections drop after 10 minutes; clients must ping.',
  tags: ['chat'],
};

describe('savePattern', () => {
  it('writes patterns/aws-<slug>.md with the library sections and services in front matter', async () => {
    const { store } = makeStore();
    const r = await savePattern(store, input);
    expect(r.note.path).toBe('patterns/aws-websocket-chat-with-dynamodb-fan-out.md');
    const n = await store.read(r.note.path);
    expect(n.frontMatter).toMatchObject({ type: 'pattern', title: input.title, tags: ['chat'], services: ['apigateway-websocket', 'lambda', 'dynamodb'] });
    expect(n.body).toContain('## Architecture\n\nAPI Gateway WebSocket');
    expect(n.body).toContain('## Services\n\n- `apigateway-websocket`');
    expect(n.body).toContain('## Considerations');
    expect(n.body).not.toContain('## Cost');
  });

  it('needs the version to replace a pattern, and takes an explicit slug', async () => {
    const { store } = makeStore();
    const first = await savePattern(store, { ...input, slug: 'chat' });
    expect(first.note.path).toBe('patterns/aws-chat.md');
    const e = await savePattern(store, { ...input, slug: 'chat' }).catch((x: unknown) => x);
    expect(isUserError(e) && e.field).toBe('expectedVersion');
    const second = await savePattern(store, { ...input, slug: 'chat', cost: 'About $1 per million messages.', expectedVersion: first.note.version });
    expect(second.created).toBe(false);
    expect((await store.read('patterns/aws-chat.md')).body).toContain('## Cost');
  });

  it('refuses bad slugs and service ids', async () => {
    const { store } = makeStore();
    await expect(savePattern(store, { ...input, slug: '../x' })).rejects.toMatchObject({ field: 'slug' });
    await expect(savePattern(store, { ...input, services: ['Lambda'] })).rejects.toMatchObject({ field: 'services[0]' });
    await expect(savePattern(store, { ...input, architecture: ' ' })).rejects.toMatchObject({ field: 'architecture' });
  });
});
