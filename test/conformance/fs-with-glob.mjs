// node:fs plus a globSync built from recursive readdir and path.matchesGlob (both in Node 20.17+).
import fs from 'node:fs';
import path from 'node:path';

export * from 'node:fs';
export default fs;

export function globSync(patterns, options = {}) {
  if (fs.globSync) return fs.globSync(patterns, options);
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const entries = fs.readdirSync(cwd, { recursive: true }).map((p) => String(p).split(path.sep).join('/'));
  return entries.filter((rel) => list.some((g) => path.matchesGlob(rel, g)));
}
