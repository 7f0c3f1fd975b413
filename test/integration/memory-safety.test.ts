import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempProject, type Connected } from '../helpers/client.js';

/**
 * Every way out of the memory folder we could think of, each with the reason the refusal must give. The same table
 * runs against memory_write (nothing may be created anywhere) and memory_read (nothing outside may be shown).
 */
const TRAVERSALS: Array<[string, RegExp]> = [
  ['../escape.md', /climbs out of the root with '\.\.'/],
  ['../../etc/passwd.md', /climbs out of the root/],
  ['notes/../../escape.md', /climbs out of the root/],
  ['notes/./../../../tmp/x.md', /'\.' segment|climbs out/],
  ['..', /not a markdown note/],
  ['/etc/passwd.md', /is absolute/],
  ['/tmp/escape.md', /is absolute/],
  ['//server/share/x.md', /is absolute/],
  ['C:/Windows/system32/x.md', /is absolute/],
  ['c:escape.md', /is absolute/],
  ['C:\\Windows\\x.md', /backslash|absolute/],
  ['\\\\server\\share\\x.md', /backslash/],
  ['notes\\..\\..\\escape.md', /backslash/],
  ['notes/\0evil.md', /NUL byte/],
  ['evil.md\0.txt', /NUL byte|not a markdown note/],
  ['notes/\u0007bell.md', /control character/],
  ['memory://../x.md', /climbs out of the root/],
  ['file:///etc/passwd.md', /empty or '\.' segment|absolute/],
  ['escape-link/new.md', /leads outside the root through a symlink/],
  ['leak.md', /leads outside the root through a symlink/],
  ['escape-link/secret.md', /leads outside the root through a symlink/],
  ['notes/secret.txt', /not a markdown note/],
  ['notes/x.MD', /not a markdown note.*lower-case extension/],
  ['notes/', /not a markdown note/],
  ['.git/config.md', /hidden file or folder/],
  ['.write.lock/x.md', /hidden file or folder/],
  ['~/.ssh/id_rsa.md', /hidden file or folder/],
  [`${'deep/'.repeat(60)}x.md`, /over the limit/],
];

describe('memory path safety through the MCP client', () => {
  let c: Connected;
  let outside: string;
  let root: string;

  const filesOutside = () => readdirSync(outside).sort();

  beforeAll(async () => {
    c = await connect();
    root = join(c.config.projectDir!, '.ai', 'memory');
    outside = join(tempProject('aba-outside-'), 'secrets');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.md'), '# Secret\n\nZEBRAQUOKKA\n');
    mkdirSync(join(root, 'notes'), { recursive: true });
    symlinkSync(outside, join(root, 'escape-link'), 'dir');
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
  });
  afterAll(async () => c.close());

  it(`has at least 20 traversal attempts in the table (${TRAVERSALS.length})`, () => {
    expect(TRAVERSALS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TRAVERSALS)('memory_write refuses %j', async (path, reason) => {
    const text = await c.err('memory_write', { path, content: '# pwned\n' });
    expect(text).toMatch(/^path: /);
    expect(text).toMatch(reason);
    expect(filesOutside()).toEqual(['secret.md']);
  });

  it.each(TRAVERSALS)('memory_read refuses %j', async (path, reason) => {
    const text = await c.err('memory_read', { path });
    expect(text).toMatch(/^path: /);
    expect(text).toMatch(reason);
    expect(text).not.toContain('ZEBRAQUOKKA');
  });

  it.each([
    'memory://../x.md',
    'memory://notes/%2e%2e/%2e%2e/x.md',
    'memory://notes/..%2F..%2Fx.md',
    'memory://leak.md',
    'memory://escape-link/secret.md',
    'memory://notes/%00x.md',
  ])('resources/read refuses %s', async (uri) => {
    const err = await c.client.readResource({ uri }).then(
      (r) => JSON.stringify(r),
      (e: Error) => e.message,
    );
    expect(err).not.toContain('ZEBRAQUOKKA');
    expect(err).toMatch(/climbs out|symlink|NUL|no note|not a valid/);
  });

  it('never lists or indexes what symlinks point at', async () => {
    const list = await c.ok<{ notes: Array<{ path: string }> }>('memory_list', { source: 'project', limit: 200 });
    expect(list.notes.map((n) => n.path)).not.toEqual(expect.arrayContaining(['leak.md']));
    expect(list.notes.some((n) => n.path.startsWith('escape-link/'))).toBe(false);
    const hits = await c.ok<{ total: number }>('memory_search', { query: 'ZEBRAQUOKKA' });
    expect(hits.total).toBe(0);
  });

  it('record_decision and save_pattern cannot be steered outside either', async () => {
    const base = { title: 'T', context: 'C', decision: 'D', consequences: 'Q' };
    expect(await c.err('record_decision', { ...base, supersedes: '../../secrets/secret.md' })).toMatch(/^supersedes: no decision/);
    expect(await c.err('save_pattern', { title: 'x', summary: 's', architecture: 'a', slug: '../../x' })).toMatch(/^slug: /);
    expect(filesOutside()).toEqual(['secret.md']);
  });

  it('refuses a note over 256 KB and a request over 1 MB with a clear error', async () => {
    const note = await c.err('memory_write', { path: 'notes/big.md', content: 'a'.repeat(257 * 1024) });
    expect(note).toMatch(/^content: the note would be 258 KB, over the 256 KB limit of a note/);
    const request = await c.err('memory_write', { path: 'notes/big.md', content: 'a'.repeat(1025 * 1024) });
    expect(request).toMatch(/^content: the write request is 1025 KB, over the 1024 KB limit of one write/);
    const adr = await c.err('record_decision', { title: 'Big', context: 'c'.repeat(300 * 1024), decision: 'd', consequences: 'q' });
    expect(adr).toMatch(/over the 256 KB limit of a note/);
    await expect(c.ok('memory_read', { path: 'notes/big.md' })).rejects.toThrow(/no note/);
  });
});
