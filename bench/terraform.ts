// Terraform generation: generateTerraform per fixture (target: a few ms for the 39-component kitchen sink, so all
// three IaC formats together stay <= 100 ms), split into building the model of the files and printing HCL, plus the
// cold first call and the offline validation of what was generated.
// Usage: node bench/run.mjs terraform [runs=200]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../src/model/index.js';
import type { Architecture } from '../src/model/index.js';

const runs = Number(process.argv[2] ?? 200);
const dir = join(process.cwd(), 'test', 'fixtures', 'architectures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const r = parseArchitecture(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!r.ok) throw new Error(`fixture ${f} is invalid`);
    return { name: f.replace(/\.json$/, ''), a: r.value as Architecture };
  });

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), max: s.at(-1)! };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

const t0 = performance.now();
const { generateTerraform } = await import('../src/generators/terraform/index.js');
const tImport = performance.now() - t0;
const sink = fixtures.find((f) => f.name === 'kitchen-sink')!;
const t1 = performance.now();
const first = generateTerraform(sink.a);
const tFirst = performance.now() - t1;
console.log(`cold: import generator ${ms(tImport)}, first kitchen-sink generation ${ms(tFirst)} (${first.length} files, ${(first.reduce((n, f) => n + f.content.length, 0) / 1024).toFixed(0)} KiB)`);

for (let i = 0; i < 20; i++) for (const f of fixtures) generateTerraform(f.a);
(globalThis as { gc?: () => void }).gc?.();

console.log(`\ngenerateTerraform per fixture (${runs} runs each):`);
console.log(`${'fixture'.padEnd(22)} ${'components'.padStart(10)} ${'files'.padStart(6)} ${'lines'.padStart(7)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`);
for (const f of fixtures) {
  const times: number[] = [];
  let files = generateTerraform(f.a);
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    files = generateTerraform(f.a);
    times.push(performance.now() - s);
  }
  const st = stats(times);
  const lines = files.reduce((n, x) => n + x.content.split('\n').length, 0);
  console.log(`${f.name.padEnd(22)} ${String(f.a.components.length).padStart(10)} ${String(files.length).padStart(6)} ${String(lines).padStart(7)} ${ms(st.median).padStart(10)} ${ms(st.p95).padStart(10)} ${ms(st.max).padStart(10)}`);
}

// Offline validation of the generated kitchen sink (what the golden and property tests run).
const { validateTerraform } = await import('../src/validate/index.js');
const tf = first.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, content: f.content }));
const v0 = performance.now();
const report = await validateTerraform(tf);
const vCold = performance.now() - v0;
const warm: number[] = [];
for (let i = 0; i < 10; i++) {
  const s = performance.now();
  await validateTerraform(tf);
  warm.push(performance.now() - s);
}
console.log(`\nvalidateTerraform(kitchen-sink): ${report.findings.length} findings; first ${ms(vCold)}, then median ${ms(stats(warm).median)}`);
