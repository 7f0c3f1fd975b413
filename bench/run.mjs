#!/usr/bin/env node
// Runs a TypeScript benchmark: bundles bench/<name>.ts with esbuild (dependencies stay in node_modules) and
// executes it with plain Node, so measured code runs as it does in production, not under a test transformer.
// Usage: node bench/run.mjs <name> [args...]   e.g. node bench/run.mjs memory
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !existsSync(join(root, 'bench', `${name}.ts`))) {
  console.error(`usage: node bench/run.mjs <name>; bench/<name>.ts must exist`);
  process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${name}.mjs`);
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'bench', `${name}.ts`)],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // Source files find the package root by walking up from their own location.
  define: {},
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
