// Validator performance: first-load time of each validator, then warm validation (median, p95) of small, modern and
// large templates. Target: structural CloudFormation validation <= 50 ms warm for a typical template.
// Usage: node bench/run.mjs validate [runs=30]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnEngineHost, loadCfnSpec, loadTfSchema, stringifyCfnYaml, validateCloudFormation, validateTerraform } from '../src/validate/index.js';

const runs = Number(process.argv[2] ?? 30);
const dir = join(process.cwd(), 'test/fixtures/templates/good');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const tfApp = readdirSync(join(dir, 'tf-app')).filter((n) => n.endsWith('.tf')).map((n) => ({ path: n, content: read(`tf-app/${n}`) }));
const small = read('cfn-serverless-api.yaml');
const modern = read('cfn-modern.yaml');
const largeJson = read('cfn-large.json');
const largeYaml = stringifyCfnYaml(JSON.parse(largeJson));

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB RSS`;

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

async function series(name: string, f: () => Promise<unknown>, n = runs): Promise<void> {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(`  ${name.padEnd(58)} median ${ms(q(0.5)).padStart(9)}  p95 ${ms(q(0.95)).padStart(9)}  min ${ms(xs[0]!).padStart(9)}`);
}

console.log(`validate bench (node ${process.version}, ${runs} warm runs each)`);
console.log('first load (this process, nothing loaded before):');
const [firstCfn] = await timed(() => validateCloudFormation(small));
const spec = await loadCfnSpec();
console.log(`  CloudFormation spec (@aws-cdk/aws-service-spec, ${spec.size} types): ${ms(spec.loadMs)}; first structural validation end to end ${ms(firstCfn)}; ${mb()}`);
const [firstTf] = await timed(() => validateTerraform(tfApp));
const schema = await loadTfSchema();
console.log(`  Terraform: provider schema (hashicorp/aws ${schema.header.providerVersion}) ${ms(schema.loadMs)}; first validation incl. hcl2json WASM start ${ms(firstTf)}; ${mb()}`);
const engine = new CfnEngineHost();
const [firstFull] = await timed(() => validateCloudFormation(small, { full: true, engine }));
console.log(`  AWS validator engine (worker start + rule compilation): ${ms(engine.lastStartMs ?? NaN)}; first full validation ${ms(firstFull)}; ${mb()}`);

// Loading the spec leaves ~100 MB of garbage; collect it so warm figures show steady state, not that one-off GC.
(globalThis as { gc?: () => void }).gc?.();
console.log('warm (after one full GC):');
await series(`CFN structural, serverless API (${small.split('\n').length} lines YAML)`, () => validateCloudFormation(small));
await series(`CFN structural, modern 2024+ types (${modern.split('\n').length} lines YAML)`, () => validateCloudFormation(modern));
await series(`CFN structural, large 245 resources (${(largeJson.length / 1024).toFixed(0)} KB JSON)`, () => validateCloudFormation(largeJson), Math.min(runs, 15));
await series(`CFN structural, large 245 resources (${(largeYaml.length / 1024).toFixed(0)} KB YAML)`, () => validateCloudFormation(largeYaml), Math.min(runs, 15));
await series('CFN full (spec + AWS engine), serverless API', () => validateCloudFormation(small, { full: true, engine }));
await series('CFN full (spec + AWS engine), large JSON', () => validateCloudFormation(largeJson, { full: true, engine }), Math.min(runs, 10));
await series(`Terraform, 3-file app (${tfApp.reduce((n, f) => n + f.content.split('\n').length, 0)} lines)`, () => validateTerraform(tfApp));
await engine.stop();
console.log(`done; ${mb()}`);
