import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/memory/note.js';
import { sectionText } from '../../src/memory/summary.js';
import { tempProject } from '../helpers/client.js';
import { bundleWorker } from '../unit/memory/helpers.js';

const PROCESSES = 8;
const PER_PROCESS = 50;

/** The text each worker writes for its n-th decision, so the test can check every body came through whole. */
function expectedContext(worker: number, n: number): string {
  const unit = `w${worker}n${n};`;
  return `Load test context ${worker}/${n}: ${unit.repeat(20 + ((worker * 31 + n * 17) % 400))}`;
}

// Plain Node processes cannot import TypeScript: the worker is bundled with esbuild (see bundleWorker).
const WORKER = `
import { MemoryStore, recordDecision } from './src/memory/index.js';
const [root, worker, count] = process.argv.slice(2);
const w = Number(worker);
${expectedContext.toString()}
const store = new MemoryStore({ root });
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let n = 0; n < Number(count); n++) {
  await recordDecision(store, {
    title: 'Worker ' + w + ' decision ' + n,
    context: expectedContext(w, n),
    options: [{ name: 'Option ' + n, pros: ['pro ' + w], cons: ['con ' + n] }],
    decision: 'Decision ' + w + '/' + n + ' stands.',
    consequences: 'Consequence ' + w + '/' + n + '.',
    chosen: ['dynamodb'],
    tags: ['stress', 'w' + w],
  });
}
process.stdout.write('done\\n');
`;

describe('concurrent record_decision across processes', () => {
  let bundle: Awaited<ReturnType<typeof bundleWorker>>;
  let worker: string;
  beforeAll(async () => {
    bundle = await bundleWorker('memory-stress', WORKER);
    worker = bundle.file;
  });
  afterAll(() => bundle.remove());

  it(`${PROCESSES} processes x ${PER_PROCESS} decisions end with ADRs 1..${PROCESSES * PER_PROCESS}, no gaps, no duplicates, every body intact`, async () => {
    const root = join(tempProject('aba-stress-'), '.ai', 'memory');
    const procs: ChildProcess[] = [];
    const outputs: string[] = [];
    const exits: Array<Promise<number | null>> = [];
    const ready: Array<Promise<void>> = [];
    for (let w = 0; w < PROCESSES; w++) {
      const p = spawn(process.execPath, [worker, root, String(w), String(PER_PROCESS)], { stdio: ['pipe', 'pipe', 'pipe'] });
      procs.push(p);
      outputs[w] = '';
      ready.push(
        new Promise((resolve) => {
          p.stdout!.on('data', (d: Buffer) => {
            outputs[w] += d.toString();
            if (outputs[w]!.includes('ready')) resolve();
          });
        }),
      );
      p.stderr!.on('data', (d: Buffer) => {
        outputs[w] += d.toString();
      });
      exits.push(new Promise((resolve) => p.on('exit', (code) => resolve(code))));
    }
    // Start them all at once, so they really contend for the lock.
    await Promise.all(ready);
    for (const p of procs) p.stdin!.end('go\n');
    const codes = await Promise.all(exits);
    expect(codes, outputs.join('\n---\n')).toEqual(Array(PROCESSES).fill(0));

    const files = readdirSync(join(root, 'decisions')).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(PROCESSES * PER_PROCESS);
    const numbers = files.map((f) => Number(/^infrastructure-(\d+)-/.exec(f)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: PROCESSES * PER_PROCESS }, (_, i) => i + 1));

    const seen = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(root, 'decisions', f), 'utf8');
      const note = parseNote(`decisions/${f}`, text);
      expect(note.problem, f).toBeUndefined();
      const m = /^Worker (\d+) decision (\d+)$/.exec(note.meta.title);
      expect(m, f).not.toBeNull();
      const [w, n] = [Number(m![1]), Number(m![2])];
      seen.add(`${w}/${n}`);
      expect(note.meta.status).toBe('accepted');
      expect(note.body).toContain(`# ${Number(/^infrastructure-(\d+)-/.exec(f)![1])}. Worker ${w} decision ${n}\n`);
      expect(sectionText(note.body, 'Context'), f).toBe(expectedContext(w, n));
      expect(sectionText(note.body, 'Decision'), f).toBe(`Decision ${w}/${n} stands.`);
      expect(sectionText(note.body, 'Consequences'), f).toBe(`Consequence ${w}/${n}.`);
    }
    expect(seen.size).toBe(PROCESSES * PER_PROCESS);
    // No temporary files or stale lock left behind.
    expect(readdirSync(join(root, 'decisions')).filter((f) => !f.endsWith('.md'))).toEqual([]);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});
