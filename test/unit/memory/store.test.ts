import { readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/memory/index.js';
import { isUserError } from '../../../src/shared/errors.js';
import { makeStore, userError, writeFiles } from './helpers.js';

describe('MemoryStore writes', () => {
  it('creates a note with full front matter: type from the folder, title from the heading, timestamps', async () => {
    const { store, root } = makeStore();
    const r = await store.write({ path: 'notes/cost-strategy.md', content: '# Cost strategy\n\nCompute Savings Plans cover Fargate and Lambda.\n' });
    expect(r.created).toBe(true);
    expect(r.note).toMatchObject({ path: 'notes/cost-strategy.md', uri: 'memory://notes/cost-strategy.md', type: 'note', title: 'Cost strategy', source: 'project' });
    const text = readFileSync(join(root, 'notes/cost-strategy.md'), 'utf8');
    expect(text).toBe(
      '---\ntype: note\ntitle: Cost strategy\ntags: []\ncreated: 2026-03-01T10:00:00Z\nupdated: 2026-03-01T10:00:00Z\n---\n\n# Cost strategy\n\nCompute Savings Plans cover Fargate and Lambda.\n',
    );
    const read = await store.read('notes/cost-strategy.md');
    expect(read.version).toBe(r.note.version);
    expect(read.content).toBe(text);
  });

  it('refuses to update without the version read, and refuses a stale version with the current one', async () => {
    const { store } = makeStore();
    const v1 = (await store.write({ path: 'project.md', content: '# Project\n\nRegion eu-west-1.\n' })).note.version;
    const missing = await userError(store.write({ path: 'project.md', content: 'x' }));
    expect(missing.field).toBe('expectedVersion');
    expect(missing.message).toContain(`version ${v1}`);

    const v2 = (await store.write({ path: 'project.md', content: '# Project\n\nRegion eu-west-2.\n', expectedVersion: v1 })).note.version;
    const stale = await userError(store.write({ path: 'project.md', content: '# Project\n\nRegion us-east-1.\n', expectedVersion: v1 }));
    expect(stale.field).toBe('expectedVersion');
    expect(stale.message).toContain(`current version is ${v2}`);
    expect(stale.fix).toContain('Region eu-west-2.');
    expect(stale.detail).toMatchObject({ currentVersion: v2 });
    expect((await store.read('project.md')).content).toContain('eu-west-2');
  });

  it('keeps created, moves updated, and keeps the front matter (unknown fields too) when content has none', async () => {
    const { store, setNow } = makeStore({ project: { 'project.md': '---\ntitle: Acme\n# budget owner\nowner: finops\naccounts: {prod: "111122223333"}\ncreated: 2025-01-01\n---\n\nOld body\n' } });
    const v = (await store.read('project.md')).version;
    setNow('2026-04-01T00:00:00Z');
    await store.write({ path: 'project.md', content: 'New body\n', expectedVersion: v });
    const n = await store.read('project.md');
    expect(n.frontMatter).toMatchObject({ title: 'Acme', owner: 'finops', accounts: { prod: '111122223333' }, created: '2025-01-01', updated: '2026-04-01T00:00:00Z', type: 'project' });
    expect(n.content).toContain('# budget owner\nowner: finops');
    expect(n.body).toBe('\nNew body\n');
  });

  it('content with front matter replaces it, with set fields applied over it', async () => {
    const { store } = makeStore();
    await store.write({ path: 'notes/a.md', content: '---\ntitle: From content\nsource_url: https://example.com\n---\nBody', set: { tags: ['x'], title: 'From set' } });
    const n = await store.read('notes/a.md');
    expect(n.frontMatter).toMatchObject({ title: 'From set', tags: ['x'], source_url: 'https://example.com', type: 'note' });
  });

  it('validates front matter on write and names the field', async () => {
    const { store } = makeStore();
    expect((await userError(store.write({ path: 'a.md', content: '---\ntitle: [x\n---\n' }))).field).toBe('content');
    expect((await userError(store.write({ path: 'a.md', content: '---\ntype: adr\n---\n' }))).message).toContain("'adr' is not a note type");
    expect((await userError(store.write({ path: 'notes/a.md', content: 'x', set: { status: 'accepted' } }))).field).toBe('status');
    expect((await userError(store.write({ path: 'a.md', content: '---\nchosen: [DynamoDB]\n---\n' }))).message).toContain('chosen');
  });

  it('gives a decision written by hand the status proposed', async () => {
    const { store } = makeStore();
    await store.write({ path: 'decisions/infrastructure-0001-x.md', content: '# 1. X\n' });
    expect((await store.read('decisions/infrastructure-0001-x.md')).status).toBe('proposed');
  });

  it('refuses a note over 256 KB and a request over 1 MB, naming the field', async () => {
    const { store } = makeStore();
    const note = await userError(store.write({ path: 'big.md', content: 'a'.repeat(300 * 1024) }));
    expect(note.field).toBe('content');
    expect(note.message).toMatch(/over the 256 KB limit of a note/);
    const req = await userError(store.write({ path: 'big.md', content: 'a'.repeat(1100 * 1024) }));
    expect(req.message).toMatch(/over the 1024 KB limit of one write/);
  });

  it('refuses expectedVersion for a note that no longer exists', async () => {
    const { store, root } = makeStore();
    const v = (await store.write({ path: 'n.md', content: 'x' })).note.version;
    rmSync(join(root, 'n.md'));
    expect((await userError(store.write({ path: 'n.md', content: 'y', expectedVersion: v }))).message).toContain('does not exist');
  });

  it('two stores (as two processes would) both holding the same version: exactly one update wins', async () => {
    const { store, root } = makeStore();
    const v = (await store.write({ path: 'shared.md', content: 'start' })).note.version;
    const other = new MemoryStore({ root });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? store : other).write({ path: 'shared.md', content: `edit ${i}`, expectedVersion: v })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isUserError(r.reason) && r.reason.field).toBe('expectedVersion');
  });
});

describe('MemoryStore reads, lists and the library', () => {
  const library = {
    'patterns/aws-serverless-api.md': '---\ntype: pattern\ntitle: Serverless API\ntags: [serverless, api]\n---\n\n# Serverless API\n\nAPI Gateway, Lambda and DynamoDB.\n',
    'patterns/aws-realtime-chat.md': '---\ntype: pattern\ntitle: Realtime chat\ntags: [websocket]\n---\n\n# Realtime chat\n',
    'templates/adr.md': '---\ntype: note\ntitle: ADR template\ntags: [template]\n---\n\n# N. Title\n',
  };

  it('lists project and library notes together; a project note of the same path wins', async () => {
    const { store } = makeStore({
      library,
      project: { 'patterns/aws-serverless-api.md': '---\ntype: pattern\ntitle: Our serverless API\ntags: [serverless]\n---\nOurs\n', 'project.md': '# Acme\n' },
    });
    const r = await store.list();
    expect(r.notes.map((n) => [n.path, n.source])).toEqual([
      ['patterns/aws-realtime-chat.md', 'library'],
      ['patterns/aws-serverless-api.md', 'project'],
      ['project.md', 'project'],
      ['templates/adr.md', 'library'],
    ]);
    expect(r.notes[1]).toMatchObject({ title: 'Our serverless API', overridesLibrary: true });
    expect((await store.read('patterns/aws-serverless-api.md')).body).toBe('Ours\n');
    expect((await store.read('patterns/aws-realtime-chat.md')).source).toBe('library');
  });

  it('writing a library path creates a project copy and leaves the library untouched', async () => {
    const { store, libraryRoot, root } = makeStore({ library });
    const lib = await store.read('templates/adr.md');
    const w = await store.write({ path: 'templates/adr.md', content: '# Our ADR template\n', expectedVersion: lib.version });
    expect(w.created).toBe(true);
    expect(w.note.overridesLibrary).toBe(true);
    expect(readFileSync(join(libraryRoot, 'templates/adr.md'), 'utf8')).toBe(library['templates/adr.md']);
    expect(readFileSync(join(root, 'templates/adr.md'), 'utf8')).toContain('# Our ADR template');
  });

  it('filters by type, tag (any case), status, folder and source', async () => {
    const { store } = makeStore({
      library,
      project: {
        'decisions/infrastructure-0001-a.md': '---\ntitle: A\nstatus: accepted\ntags: [Data]\n---\n',
        'decisions/infrastructure-0002-b.md': '---\ntitle: B\nstatus: proposed\n---\n',
      },
    });
    const paths = async (o: Parameters<MemoryStore['list']>[0]) => (await store.list(o)).notes.map((n) => n.path);
    expect(await paths({ type: 'pattern' })).toEqual(['patterns/aws-realtime-chat.md', 'patterns/aws-serverless-api.md']);
    expect(await paths({ tag: 'data' })).toEqual(['decisions/infrastructure-0001-a.md']);
    expect(await paths({ status: 'proposed' })).toEqual(['decisions/infrastructure-0002-b.md']);
    expect(await paths({ folder: 'templates/' })).toEqual(['templates/adr.md']);
    expect(await paths({ source: 'project' })).toHaveLength(2);
    expect((await store.list({ type: 'decision', tag: 'nope' })).total).toBe(0);
  });

  it('pages by cursor through every note exactly once, also when notes are added between pages', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 23; i++) files[`notes/n${String(i).padStart(2, '0')}.md`] = `# Note ${i}\n`;
    const { store } = makeStore({ project: files });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ limit: 5, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(23 + (pages > 0 ? 1 : 0));
      seen.push(...page.notes.map((n) => n.path));
      cursor = page.nextCursor;
      if (pages++ === 0) await store.write({ path: 'notes/a-first.md', content: 'sorts before the cursor' });
    } while (cursor);
    expect(seen).toEqual(Object.keys(files).sort());
    expect((await userError(store.list({ cursor: 'garbage!' }))).field).toBe('cursor');
    expect((await userError(store.list({ limit: 0 }))).field).toBe('limit');
  });

  it('reports a malformed note and keeps everything else working', async () => {
    const { store } = makeStore({
      project: {
        'notes/broken.md': '---\ntitle: "unterminated\ntags: [x]\n---\n\nThe broken note still mentions kinesis.\n',
        'notes/fine.md': '---\ntitle: Fine\n---\n\nKinesis shards hold 1 MB/s of writes each.\n',
      },
    });
    const r = await store.list();
    expect(r.total).toBe(2);
    expect(r.problems).toEqual([{ path: 'notes/broken.md', source: 'project', problem: expect.stringMatching(/not valid YAML/) }]);
    expect(r.notes.find((n) => n.path === 'notes/fine.md')?.problem).toBeUndefined();
    expect((await store.search({ query: 'kinesis' })).results.map((h) => h.path).sort()).toEqual(['notes/broken.md', 'notes/fine.md']);
    const broken = await store.read('notes/broken.md');
    expect(broken.problem).toMatch(/not valid YAML/);
    // Fixing it is an ordinary versioned write.
    await store.write({ path: 'notes/broken.md', content: '---\ntitle: Fixed\n---\nok\n', expectedVersion: broken.version });
    expect((await store.list()).problems).toEqual([]);
  });

  it('lists an oversized file as a problem and refuses to read it', async () => {
    const { store } = makeStore({ project: { 'notes/huge.md': 'x'.repeat(300 * 1024), 'notes/ok.md': '# ok\n' } });
    expect((await store.list()).problems[0]).toMatchObject({ path: 'notes/huge.md', problem: expect.stringContaining('over the 256 KB limit') });
    expect((await userError(store.read('notes/huge.md'))).message).toContain('over the 256 KB limit');
  });

  it('names close matches when a note does not exist', async () => {
    const { store } = makeStore({ library });
    const e = await userError(store.read('patterns/aws-serverles-api.md'));
    expect(e.field).toBe('path');
    expect(e.message).toContain("did you mean 'patterns/aws-serverless-api.md'");
  });

  it('skips hidden files, temporary files and non-markdown files when listing', async () => {
    const { store, root } = makeStore({ project: { 'notes/a.md': '# a\n', 'notes/.hidden.md': '# h\n', 'notes/a.md.123abc': 'tmp', 'notes/readme.txt': 'x' } });
    expect((await store.list()).notes.map((n) => n.path)).toEqual(['notes/a.md']);
    expect(readdirSync(join(root, 'notes')).length).toBe(4);
  });
});

describe('MemoryStore sees changes made by other processes', () => {
  it('picks up notes created, changed and deleted behind its back, in list and search', async () => {
    const { store, root } = makeStore({ project: { 'notes/a.md': '---\ntitle: Alpha\n---\nredshift\n' }, sweepMs: 0 });
    expect((await store.search({ query: 'redshift' })).total).toBe(1);
    const other = new MemoryStore({ root });
    await other.write({ path: 'notes/b.md', content: '---\ntitle: Beta\n---\nredshift spectrum\n' });
    writeFiles(root, { 'patterns/aws-new.md': '# New\n\nredshift serverless\n' });
    expect((await store.search({ query: 'redshift' })).total).toBe(3);
    // An in-place edit (same folder time) is seen by the sweep.
    writeFileSync(join(root, 'notes/a.md'), '---\ntitle: Alpha\n---\nathena now\n');
    expect((await store.search({ query: 'redshift' })).results.map((h) => h.path).sort()).toEqual(['notes/b.md', 'patterns/aws-new.md']);
    rmSync(join(root, 'patterns'), { recursive: true });
    expect((await store.list()).notes.map((n) => n.path)).toEqual(['notes/a.md', 'notes/b.md']);
    expect((await store.search({ query: 'redshift' })).total).toBe(1);
  });

  it('sees a new note from another writer at once, without waiting for a sweep', async () => {
    const { store, root } = makeStore({ sweepMs: 60_000 });
    expect((await store.list()).total).toBe(0);
    await new MemoryStore({ root }).write({ path: 'notes/x.md', content: 'dynamodb' });
    expect((await store.list()).total).toBe(1);
    expect((await store.search({ query: 'dynamodb' })).total).toBe(1);
  });
});
