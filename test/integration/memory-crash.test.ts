import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/memory/index.js';
import { parseNote } from '../../src/memory/note.js';
import { tempProject } from '../helpers/client.js';
import { bundleWorker } from '../unit/memory/helpers.js';

/** Body of generation `k`: large enough that a write takes a while, with a marker at both ends. */
const body = (k: number) => `BEGIN ${k}\n${`line of generation ${k} `.repeat(8000)}\nEND ${k}\n`;

// A writer that rewrites one note as fast as it can, reporting each generation it finished, until it is killed.
const WRITER = `
import { MemoryStore } from './src/memory/index.js';
const body = ${body.toString()};
// A killed writer leaves its lock behind; the next one takes it over once stale (2 s, proper-lockfile's minimum).
const store = new MemoryStore({ root: process.argv[2], lockStaleMs: 2000 });
let version = process.argv[3] || undefined;
for (let k = Number(process.argv[4]); ; k++) {
  const r = await store.write({ path: 'notes/crash.md', content: body(k), ...(version ? { expectedVersion: version } : {}) });
  version = r.note.version;
  process.stdout.write('wrote ' + k + ' ' + version + '\\n');
}
`;

describe('a crash in the middle of a write', () => {
  let bundle: Awaited<ReturnType<typeof bundleWorker>>;
  let writer: string;
  beforeAll(async () => {
    bundle = await bundleWorker('memory-crash', WRITER);
    writer = bundle.file;
  });
  afterAll(() => bundle.remove());

  it('leaves the previous note whole (never a torn or empty file), and the store keeps working', async () => {
    const root = join(tempProject('aba-crash-'), '.ai', 'memory');
    let version = '';
    let generation = 0;
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, [writer, root, version, String(generation)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      // Wait for a few completed writes, then kill at an arbitrary moment of the next ones.
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if ((out.match(/wrote/g) ?? []).length >= 3) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${err}`)));
      });
      await new Promise((r) => setTimeout(r, 3 + round * 7));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));

      const text = readFileSync(join(root, 'notes', 'crash.md'), 'utf8');
      const note = parseNote('notes/crash.md', text);
      expect(note.problem).toBeUndefined();
      const k = Number(/^BEGIN (\d+)\n/.exec(note.body.replace(/^\n/, ''))?.[1]);
      const reported = [...out.matchAll(/wrote (\d+) (\w+)/g)].map((m) => Number(m[1]));
      // The file holds a whole generation: the last one reported, or the one in flight when the kill came.
      expect(note.body.replace(/^\n/, '')).toBe(body(k));
      expect(k === reported.at(-1) || k === reported.at(-1)! + 1).toBe(true);

      const store = new MemoryStore({ root, lockStaleMs: 2000 });
      const listed = await store.list();
      expect(listed.notes.map((n) => n.path)).toEqual(['notes/crash.md']);
      expect(listed.problems).toEqual([]);
      version = listed.notes[0]!.version;
      generation = k + 1;
    }
    // The lock a killed writer may have left behind goes stale and is taken over; writing works again.
    const store = new MemoryStore({ root, lockStaleMs: 2000 });
    await store.write({ path: 'notes/crash.md', content: 'after the crashes\n', expectedVersion: version });
    expect(readFileSync(join(root, 'notes', 'crash.md'), 'utf8')).toContain('after the crashes');
    expect(readdirSync(join(root, 'notes')).filter((f) => f.endsWith('.md'))).toEqual(['crash.md']);
  }, 60_000);
});
