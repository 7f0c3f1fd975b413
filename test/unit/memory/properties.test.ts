import fc from 'fast-check';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveNote } from '../../../src/memory/paths.js';
import { isUserError } from '../../../src/shared/errors.js';
import { makeStore, tempDir } from './helpers.js';

// Path pieces that matter at the boundary, mixed with ordinary names.
const piece = fc.constantFrom('..', '.', '', '/', '\\', '\0', 'C:', '~', '.git', 'notes', 'a.md', 'x', '%2e%2e', 'link', '\u0007', ' ', 'é', '//', '.md');
const pathLike = fc.oneof(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), fc.array(piece, { maxLength: 6 }).map((xs) => xs.join('/')), fc.string());

describe('memory properties', () => {
  it('any path either resolves to a markdown file strictly inside the root or is refused with a UserError', async () => {
    const root = join(tempDir(), 'memory');
    mkdirSync(join(root, 'notes'), { recursive: true });
    symlinkSync(tempDir('aba-outside-'), join(root, 'link'));
    await fc.assert(
      fc.asyncProperty(pathLike, fc.boolean(), async (input, forWriting) => {
        try {
          const { abs } = await resolveNote(root, input, 'path', forWriting);
          expect(abs.startsWith(root + sep)).toBe(true);
          expect(abs.endsWith('.md')).toBe(true);
          expect(abs.split(sep)).not.toContain('..');
          expect(abs.startsWith(join(root, 'link') + sep)).toBe(false);
        } catch (e) {
          if (!isUserError(e)) throw e;
          expect(e.field).toBe('path');
          expect(e.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 500 },
    );
  });

  // YAML-safe keys (not the ones the store manages) and plain values, nested a little.
  const reserved = new Set(['type', 'title', 'tags', 'created', 'updated', 'status', 'supersedes', 'superseded_by', 'deciders', 'chosen', 'rejected', 'layer', 'services']);
  const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((k) => !reserved.has(k));
  const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)));
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(key, scalar, { maxKeys: 3 }));
  const extra = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

  it('unknown front-matter fields survive a write, a body-only update and a status change untouched', async () => {
    await fc.assert(
      fc.asyncProperty(extra, fc.string({ maxLength: 200 }), async (fields, body) => {
        const { store } = makeStore();
        const yaml = stringify({ title: 'Keep me', ...fields });
        const first = await store.write({ path: 'decisions/infrastructure-0001-x.md', content: `---\n${yaml}---\n\n${body}` });
        const expected = JSON.parse(JSON.stringify(fields));
        const read1 = await store.read(first.note.path);
        expect(read1.frontMatter).toMatchObject(expected);
        const second = await store.write({ path: first.note.path, content: 'new body\n', expectedVersion: read1.version });
        const third = await store.write({ path: first.note.path, content: 'newer body\n', set: { status: 'deprecated' }, expectedVersion: second.note.version });
        const read3 = await store.read(third.note.path);
        expect(read3.frontMatter).toMatchObject({ ...expected, title: 'Keep me', status: 'deprecated' });
        expect(read3.problem).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});
