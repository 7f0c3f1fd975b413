import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryStore, type MemoryStoreOptions } from '../../../src/memory/index.js';

/** A fresh temporary folder. */
export function tempDir(prefix = 'aba-mem-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (relative path -> text) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

/** A store over a fresh memory folder (and, optionally, a fresh library with the given files), clock pinned. */
export function makeStore(opts: { project?: Record<string, string>; library?: Record<string, string>; now?: string } & Partial<MemoryStoreOptions> = {}) {
  const base = tempDir();
  const root = join(base, 'memory');
  const libraryRoot = join(base, 'library');
  writeFiles(root, opts.project ?? {});
  writeFiles(libraryRoot, opts.library ?? {});
  let now = new Date(opts.now ?? '2026-03-01T10:00:00Z');
  const store = new MemoryStore({ root, libraryRoot, now: () => now, ...(opts.sweepMs !== undefined ? { sweepMs: opts.sweepMs } : {}) });
  return {
    store,
    root,
    libraryRoot,
    base,
    setNow(iso: string) {
      now = new Date(iso);
    },
  };
}
