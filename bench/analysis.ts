// Requirements analysis and service selection: analyze + select per scenario brief (target: median <= 20 ms per call),
// each phase on its own, the first (cold) call that loads the catalog, and the MCP round trip of both tools.
// Usage: node bench/run.mjs analysis [runs=200]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 200);
const dir = join(process.cwd(), 'test', 'fixtures', 'scenarios');
const briefs = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ name: f.replace(/\.md$/, ''), text: readFileSync(join(dir, f), 'utf8') }));

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), max: s.at(-1)! };
}
const ms = (n: number) => `${n.toFixed(3)} ms`;

// Cold: the first call pays for loading the analysis modules and the 59-entry catalog.
const t0 = performance.now();
const { analyzeRequirements, selectServices } = await import('../src/analysis/index.js');
const tImport = performance.now() - t0;
const t1 = performance.now();
selectServices(analyzeRequirements({ description: briefs[0]!.text }).requirements);
const tFirst = performance.now() - t1;
console.log(`cold: import analysis + catalog ${ms(tImport)}, first analyze+select ${ms(tFirst)}`);

// Warm-up so the JIT has seen every path.
for (let i = 0; i < 20; i++) for (const b of briefs) selectServices(analyzeRequirements({ description: b.text }).requirements);

console.log(`\nanalyze + select per brief (${runs} runs each):`);
console.log(`${'scenario'.padEnd(26)} ${'analyze'.padStart(12)} ${'select'.padStart(12)} ${'both median'.padStart(14)} ${'both p95'.padStart(12)}  components`);
const allBoth: number[] = [];
for (const b of briefs) {
  const a: number[] = [];
  const s: number[] = [];
  const both: number[] = [];
  let components = 0;
  for (let i = 0; i < runs; i++) {
    const x0 = performance.now();
    const req = analyzeRequirements({ description: b.text }).requirements;
    const x1 = performance.now();
    const out = selectServices(req);
    const x2 = performance.now();
    a.push(x1 - x0);
    s.push(x2 - x1);
    both.push(x2 - x0);
    components = out.architecture.components.length;
  }
  allBoth.push(...both);
  const sb = stats(both);
  console.log(`${b.name.padEnd(26)} ${ms(stats(a).median).padStart(12)} ${ms(stats(s).median).padStart(12)} ${ms(sb.median).padStart(14)} ${ms(sb.p95).padStart(12)}  ${components}`);
}
const all = stats(allBoth);
console.log(`\nall briefs: median ${ms(all.median)}, p95 ${ms(all.p95)}, max ${ms(all.max)} per analyze+select (target <= 20 ms median)`);

// Through the MCP protocol (in-memory transport): what a client sees per tool call, JSON (de)serialisation included.
const [{ Client }, { InMemoryTransport }, { createServer }, { resolveConfig }, { silentLogger }, { mkdtempSync }, { tmpdir }] = await Promise.all([
  import('@modelcontextprotocol/sdk/client/index.js'),
  import('@modelcontextprotocol/sdk/inMemory.js'),
  import('../src/mcp/server.js'),
  import('../src/config/index.js'),
  import('../src/shared/log.js'),
  import('node:fs'),
  import('node:os'),
]);
const project = mkdtempSync(join(tmpdir(), 'aba-bench-'));
const config = { ...resolveConfig({ 'project-dir': project }, {}, project), logger: silentLogger };
const { mcp } = createServer(config);
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
await mcp.connect(serverSide);
const client = new Client({ name: 'bench', version: '0' });
await client.connect(clientSide);
const mcpRuns = Math.max(20, Math.floor(runs / 4));
const analyzeTimes: number[] = [];
const selectTimes: number[] = [];
for (let i = 0; i < mcpRuns; i++) {
  for (const b of briefs) {
    const x0 = performance.now();
    const r = await client.callTool({ name: 'analyze_requirements', arguments: { description: b.text } });
    const x1 = performance.now();
    await client.callTool({ name: 'select_services', arguments: { requirements: (r.structuredContent as { requirements: unknown }).requirements } });
    const x2 = performance.now();
    analyzeTimes.push(x1 - x0);
    selectTimes.push(x2 - x1);
  }
}
await client.close();
await mcp.close();
const ma = stats(analyzeTimes);
const msel = stats(selectTimes);
console.log(`\nMCP round trip over ${briefs.length} briefs x ${mcpRuns}: analyze_requirements median ${ms(ma.median)} (p95 ${ms(ma.p95)}), select_services median ${ms(msel.median)} (p95 ${ms(msel.p95)})`);
