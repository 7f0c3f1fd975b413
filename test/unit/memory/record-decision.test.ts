import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordDecision, type DecisionInput } from '../../../src/memory/index.js';
import { makeStore, userError } from './helpers.js';

const base: DecisionInput = {
  title: 'Use DynamoDB for chat message history',
  context: 'Messages arrive at up to 2,000 writes/s at peak and are read newest-first per room.',
  options: [
    { name: 'DynamoDB on-demand', pros: ['No capacity planning', 'Single-digit ms reads by room'], cons: ['Ad-hoc queries need an export'] },
    { name: 'Aurora PostgreSQL', description: 'Serverless v2.', cons: ['Needs a VPC and connection pooling'] },
  ],
  decision: 'Store messages in one DynamoDB table keyed by room id and a time-ordered message id.',
  consequences: 'Analytics reads go through S3 exports.',
  deciders: ['Ana (tech lead)'],
  tags: ['chat', 'data'],
  chosen: ['dynamodb'],
  rejected: ['aurora'],
  layer: 'data',
};

describe('recordDecision', () => {
  it('writes the next ADR with front matter and the Context / Options / Decision / Consequences sections', async () => {
    const { store, root } = makeStore();
    const r = await recordDecision(store, base);
    expect(r.number).toBe(1);
    expect(r.note.path).toBe('decisions/infrastructure-0001-use-dynamodb-for-chat-message-history.md');
    const text = readFileSync(join(root, r.note.path), 'utf8');
    expect(text).toBe(`---
type: decision
title: Use DynamoDB for chat message history
status: accepted
created: 2026-03-01T10:00:00Z
updated: 2026-03-01T10:00:00Z
deciders: [Ana (tech lead)]
tags: [chat, data]
layer: data
chosen: [dynamodb]
rejected: [aurora]
---

# 1. Use DynamoDB for chat message history

## Context

Messages arrive at up to 2,000 writes/s at peak and are read newest-first per room.

## Options considered

### DynamoDB on-demand

- Pro: No capacity planning
- Pro: Single-digit ms reads by room
- Con: Ad-hoc queries need an export

### Aurora PostgreSQL

Serverless v2.

- Con: Needs a VPC and connection pooling

## Decision

Store messages in one DynamoDB table keyed by room id and a time-ordered message id.

## Consequences

Analytics reads go through S3 exports.
`);
    expect(await store.acceptedDecisions()).toEqual([
      expect.objectContaining({ path: r.note.path, chosen: ['dynamodb'], rejected: ['aurora'], layer: 'data', summary: base.decision }),
    ]);
  });

  it('numbers one above the highest existing ADR, never filling gaps', async () => {
    const { store } = makeStore({
      project: { 'decisions/infrastructure-0002-a.md': '# a\n', 'decisions/infrastructure-0007-b.md': '# b\n', 'decisions/notes.md': '# not an ADR\n' },
    });
    expect((await recordDecision(store, base)).number).toBe(8);
    expect((await recordDecision(store, { ...base, title: 'Second' })).note.path).toBe('decisions/infrastructure-0009-second.md');
  });

  it('supersedes by number: both files are updated and the predecessor keeps its unknown fields', async () => {
    const { store, setNow } = makeStore({
      project: {
        'decisions/infrastructure-0001-use-rds.md': '---\ntitle: Use RDS\nstatus: accepted\nchosen: [rds]\nticket: ARCH-12 # tracker\n---\n\n# 1. Use RDS\n\n## Decision\n\nRDS MySQL.\n',
      },
    });
    setNow('2026-05-05T12:00:00Z');
    const r = await recordDecision(store, { ...base, title: 'Move to Aurora', chosen: ['aurora'], rejected: ['rds'], supersedes: 1 });
    expect(r.superseded).toMatchObject({ path: 'decisions/infrastructure-0001-use-rds.md', status: 'superseded' });
    const old = await store.read('decisions/infrastructure-0001-use-rds.md');
    expect(old.frontMatter).toMatchObject({ status: 'superseded', superseded_by: 'decisions/infrastructure-0002-move-to-aurora.md', ticket: 'ARCH-12', updated: '2026-05-05T12:00:00Z' });
    expect(old.content).toContain('ticket: ARCH-12 # tracker');
    expect(old.body).toContain('# 1. Use RDS\n\n> Superseded by [2. Move to Aurora](infrastructure-0002-move-to-aurora.md) on 2026-05-05.');
    const fresh = await store.read(r.note.path);
    expect(fresh.frontMatter.supersedes).toBe('decisions/infrastructure-0001-use-rds.md');
    expect(fresh.body).toContain('Supersedes [1. Use RDS](infrastructure-0001-use-rds.md).');
    expect((await store.acceptedDecisions()).map((d) => d.title)).toEqual(['Move to Aurora']);
  });

  it('supersedes by path or memory:// URI too', async () => {
    const { store } = makeStore();
    const first = await recordDecision(store, base);
    const second = await recordDecision(store, { ...base, title: 'B', supersedes: first.note.uri });
    await recordDecision(store, { ...base, title: 'C', supersedes: second.note.path.replace('decisions/', '') });
    expect((await store.list({ status: 'superseded' })).total).toBe(2);
  });

  it('refuses bad supersedes targets without writing anything', async () => {
    const { store } = makeStore({ project: { 'decisions/infrastructure-0001-bad.md': '---\nstatus: [\n---\n# bad\n' } });
    const first = await recordDecision(store, base);
    await recordDecision(store, { ...base, title: 'Two', supersedes: first.number });
    const before = (await store.list()).total;
    const missing = await userError(recordDecision(store, { ...base, supersedes: 42 }));
    expect(missing.field).toBe('supersedes');
    expect(missing.message).toContain("no decision '42'");
    expect((await userError(recordDecision(store, { ...base, supersedes: first.number }))).message).toContain('already superseded by decisions/infrastructure-0003-two.md');
    expect((await userError(recordDecision(store, { ...base, supersedes: 1 }))).message).toContain('cannot be marked superseded');
    expect((await store.list()).total).toBe(before);
  });

  it('validates its input and names the field', async () => {
    const { store } = makeStore();
    const field = async (input: Partial<DecisionInput>) => (await userError(recordDecision(store, { ...base, ...input } as DecisionInput))).field;
    expect(await field({ title: '  ' })).toBe('title');
    expect(await field({ context: '' })).toBe('context');
    expect(await field({ chosen: ['dynamodb', 'Amazon S3'] })).toBe('chosen[1]');
    expect(await field({ chosen: ['sqs'], rejected: ['sqs'] })).toBe('rejected');
    expect(await field({ status: 'superseded' as never })).toBe('status');
    expect(await field({ options: [{ name: '' }] })).toBe('options[0].name');
    const layer = await userError(recordDecision(store, { ...base, layer: 'datta' }));
    expect(layer.message).toContain("did you mean 'data'");
    expect(await field({ supersedes: 0 })).toBe('supersedes');
    expect((await store.list()).total).toBe(0);
  });

  it('a proposed decision is recorded but not returned as accepted', async () => {
    const { store } = makeStore();
    await recordDecision(store, { ...base, status: 'proposed' });
    expect(await store.acceptedDecisions()).toEqual([]);
  });
});
