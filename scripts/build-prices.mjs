#!/usr/bin/env node
// Builds the bundled price catalog (src/cost/data/*.json) from the raw AWS price data in ../shared/data/prices/.
// The logic is TypeScript (scripts/build-prices.ts, sharing the catalog types and curated table with src/cost);
// this runner bundles it with esbuild and runs it with plain Node.
// Usage: node scripts/build-prices.mjs [--data <raw price folder>] [--out <catalog folder>]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'node_modules', '.cache', 'scripts');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, 'build-prices.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts', 'build-prices.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
