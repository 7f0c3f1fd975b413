// Cost engine benchmark: catalog load (cold, from disk), estimate of a 30-component design (median), and the same
// design compared across the 34 commercial regions. Targets: load <= 100 ms, estimate <= 10 ms, 34 regions <= 200 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPriceCatalog } from '../src/cost/catalog/load.js';
import { compareRegions } from '../src/cost/compare.js';
import { estimateCost } from '../src/cost/estimate.js';
import { parseArchitecture } from '../src/model/index.js';

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, min ${s[0]!.toFixed(2)} ms (n=${s.length})`;
}

const loads: number[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  await loadPriceCatalog();
  loads.push(performance.now() - t);
}
const catalog = await loadPriceCatalog();

// 30 components: the kitchen sink's first 30 (every kind of the first 30 boxes) with its own network and security.
const raw = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/architectures/kitchen-sink.json'), 'utf8'));
const ids = new Set(raw.components.slice(0, 30).map((c: { id: string }) => c.id));
raw.components = raw.components.slice(0, 30);
raw.connections = (raw.connections ?? []).filter((e: { from: string; to: string }) => ids.has(e.from) && ids.has(e.to));
for (const c of raw.components) if (c.service === 'waf') c.config = { ...c.config, protects: (c.config?.protects ?? []).filter((p: string) => ids.has(p)) };
const parsed = parseArchitecture(raw);
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
const arch = parsed.value;

for (let i = 0; i < 20; i++) estimateCost(arch, catalog); // warm-up
const est: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  estimateCost(arch, catalog);
  est.push(performance.now() - t);
}
const cmp: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  compareRegions(arch, catalog);
  cmp.push(performance.now() - t);
}
const r = estimateCost(arch, catalog);
console.log(`components: ${arch.components.length}, line items: ${r.lineItems.length}, recommendations: ${r.recommendations.length}`);
console.log(`catalog load (cold read + parse of ${catalog.services.size} service files): first ${loads[0]!.toFixed(2)} ms; ${stats(loads)}   target <= 100 ms`);
console.log(`estimate, 30 components, 1x + 10x + recommendations: ${stats(est)}   target <= 10 ms`);
console.log(`compare across 34 regions: ${stats(cmp)}   target <= 200 ms`);
