#!/usr/bin/env node
// End-to-end `plan` of the seed's chat example from process start, without CDK synthesis and cdk-nag (--fast):
// median wall time over N runs of the built CLI. Usage: node bench/plan.mjs [runs=10]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 10);
const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(1);
}
const brief = join(root, 'examples/realtime-chat.md');

function once(extra) {
  const dir = mkdtempSync(join(tmpdir(), 'aba-bench-plan-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'plan', brief, '--project-dir', dir, '--json', ...extra], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(r.stderr);
  const steps = JSON.parse(r.stdout).steps;
  rmSync(dir, { recursive: true, force: true });
  return { ms, steps };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
function bench(label, extra, n) {
  once(extra); // warm the file cache
  const results = Array.from({ length: n }, () => once(extra));
  const walls = results.map((r) => r.ms);
  console.log(`  ${label.padEnd(44)} median ${median(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}, max ${Math.max(...walls).toFixed(0)})`);
  const phases = results[0].steps.map((s) => s.phase);
  console.log(`    phases (median ms): ${phases.map((p) => `${p} ${median(results.map((r) => r.steps.find((s) => s.phase === p).ms))}`).join(', ')}`);
}

console.log(`plan of examples/realtime-chat.md from process start, ${runs} runs (node ${process.version})`);
bench('--fast (no CDK synth, no cdk-nag, no AWS engine)', ['--fast'], runs);
bench('thorough (cdk-nag packs + AWS validator engine)', [], Math.max(3, Math.ceil(runs / 3)));
console.log('  target: --fast median <= 1500 ms');
