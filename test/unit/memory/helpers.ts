import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStore, type MemoryStoreOptions } from '../../../src/memory/index.js';
import { isUserError, type UserError } from '../../../src/shared/errors.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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

/** The UserError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function userError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

/**
 * Bundles TypeScript worker source (imports relative to the repository root) into an ES module that plain Node can
 * run, so tests can spawn real processes over the store. Dependencies stay external and resolve from the
 * repository's node_modules, which is why the bundle is written under it. Returns the module path and a clean-up.
 */
export async function bundleWorker(name: string, source: string): Promise<{ file: string; remove(): void }> {
  mkdirSync(join(REPO, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join(REPO, 'node_modules', '.cache', `${name}-`));
  const file = join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: REPO, sourcefile: `${name}.ts`, loader: 'ts' },
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
