import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './errors.js';

/**
 * Resolves `rel` under `root`, refusing anything that could land outside it: absolute paths, drive letters, `..`
 * segments, NUL bytes, backslashes, and (when the target or a parent exists) symlinks that point out of the root.
 * `field` names the input for the error message.
 */
export async function resolveInside(root: string, rel: string, field = 'path'): Promise<string> {
  // Security: every check below guards the boundary between the user's project and the rest of the disk.
  if (typeof rel !== 'string' || rel.length === 0) throw new UserError(field, 'path is empty', 'Give a path relative to the root.');
  if (rel.includes('\0')) throw new UserError(field, 'path contains a NUL byte');
  if (rel.includes('\\')) throw new UserError(field, 'path contains a backslash', 'Use forward slashes.');
  if (/^[A-Za-z]:/.test(rel) || isAbsolute(rel) || rel.startsWith('/')) {
    throw new UserError(field, `'${rel}' is absolute`, 'Give a path relative to the root.');
  }
  const segments = rel.split('/');
  if (segments.some((s) => s === '..')) throw new UserError(field, `'${rel}' climbs out of the root with '..'`);
  if (segments.some((s) => s === '' || s === '.')) throw new UserError(field, `'${rel}' has an empty or '.' segment`);
  const absRoot = resolve(root);
  const target = resolve(absRoot, rel);
  if (target !== absRoot && !target.startsWith(absRoot + sep)) throw new UserError(field, `'${rel}' resolves outside the root`);

  // Follow symlinks on the deepest existing ancestor: a link inside the root must not lead outside it.
  const realRoot = await realpath(absRoot).catch(() => absRoot);
  let probe = target;
  for (;;) {
    const st = await lstat(probe).catch(() => undefined);
    if (st) {
      const real = await realpath(probe).catch(() => undefined);
      if (real === undefined) throw new UserError(field, `'${rel}' goes through a broken symlink`);
      const back = relative(realRoot, real);
      if (back.startsWith('..') || isAbsolute(back)) throw new UserError(field, `'${rel}' leads outside the root through a symlink`);
      break;
    }
    const up = dirname(probe);
    if (up === probe || probe === absRoot) break;
    probe = up;
  }
  return target;
}

/** Writes through a temporary file and a rename, so a crash leaves either the old file or the new one, whole. */
export async function writeAtomic(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Loaded on first write: path checks run at start-up, writes do not.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(path, content, { fsync: true });
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export { join };
