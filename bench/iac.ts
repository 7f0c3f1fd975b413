// IaC generation and validation for the kitchen sink (every component kind; targets: all three formats <= 100 ms
// together, structural CloudFormation validation <= 50 ms once loaded), plus the first-load cost of each validator.
// Generation goes through src/generators/index.ts exactly as generate_iac calls it (pipeline files included).
// Usage: node bench/run.mjs iac [runs=60] [--synth]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../src/model/index.js';
import type { Architecture, GeneratedFile } from '../src/model/index.js';

const runs = Number(process.argv.slice(2).find((x) => /^\d+$/.test(x)) ?? 60);
const synth = process.argv.includes('--synth');
const r = parseArchitecture(JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'architectures', 'kitchen-sink.json'), 'utf8')));
if (!r.ok) throw new Error('kitchen-sink fixture is invalid');
const a: Architecture = r.value;

const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const size = (files: GeneratedFile[]) => `${files.length} files, ${(files.reduce((n, f) => n + f.content.length, 0) / 1024).toFixed(0)} KiB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const s = performance.now();
  const v = await f();
  return [v, performance.now() - s];
};

console.log(`kitchen-sink: ${a.components.length} components, ${a.connections.length} connections, pipeline ${a.delivery.pipeline}; ${runs} runs; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);

// Cold: importing the dispatcher (every generator) and the first generation of each format.
const [{ generate, IAC_FORMATS }, tImport] = await time(() => import('../src/generators/index.js'));
const firsts: string[] = [];
const output: Record<string, GeneratedFile[]> = {};
for (const format of IAC_FORMATS) {
  const [files, t] = await time(() => generate(a, format));
  output[format] = files;
  firsts.push(`${format} ${ms(t)} (${size(files)})`);
}
console.log(`cold: import generators ${ms(tImport)}; first generation: ${firsts.join(', ')}`);

// Warm generation: each format, and all three back to back as one figure.
for (let i = 0; i < 10; i++) for (const format of IAC_FORMATS) generate(a, format);
gc();
const per: Record<string, number[]> = Object.fromEntries(IAC_FORMATS.map((f) => [f, []]));
const totals: number[] = [];
for (let i = 0; i < runs; i++) {
  let total = 0;
  for (const format of IAC_FORMATS) {
    const s = performance.now();
    generate(a, format);
    const t = performance.now() - s;
    per[format]!.push(t);
    total += t;
  }
  totals.push(total);
}
console.log(`\ngenerate(kitchen-sink, format), ${runs} runs:`);
for (const format of IAC_FORMATS) console.log(`  ${format.padEnd(15)} median ${ms(median(per[format]!)).padStart(9)}   p95 ${ms(p95(per[format]!)).padStart(9)}`);
console.log(`  ${'all three'.padEnd(15)} median ${ms(median(totals)).padStart(9)}   p95 ${ms(p95(totals)).padStart(9)}   target <= 100 ms: ${median(totals) <= 100 ? 'met' : 'MISSED'}`);

// Where CloudFormation time goes: building the template object vs writing YAML.
const { buildTemplate, renderTemplate } = await import('../src/generators/cloudformation/index.js');
const build: number[] = [];
const render: number[] = [];
for (let i = 0; i < runs; i++) {
  const [built, tb] = await time(() => buildTemplate(a, { pipeline: a.delivery.pipeline }));
  const [, tr] = await time(() => renderTemplate(built, 'yaml'));
  build.push(tb);
  render.push(tr);
}
console.log(`  cloudformation = build ${ms(median(build))} + YAML ${ms(median(render))} (medians)`);

// Validators: first load, then warm.
const { validateCloudFormation, validateTerraform, stopSharedEngine } = await import('../src/validate/index.js');
const template = output['cloudformation']!.find((f) => f.path === 'template.yaml')!.content;
// generate_iac checks the JSON rendering of the same template object (YAML with positions is slow to parse).
const json = renderTemplate(buildTemplate(a, { pipeline: a.delivery.pipeline }), 'json');
gc();
const [structural, tSpec] = await time(() => validateCloudFormation(json, { file: 'template.json' }));
const warmStructural: number[] = [];
for (let i = 0; i < Math.max(20, runs / 2); i++) warmStructural.push((await time(() => validateCloudFormation(json, { file: 'template.json' })))[1]);
const warmYaml: number[] = [];
for (let i = 0; i < 10; i++) warmYaml.push((await time(() => validateCloudFormation(template, { file: 'template.yaml' })))[1]);
const [full, tEngine] = await time(() => validateCloudFormation(json, { file: 'template.json', full: true }));
const warmFull: number[] = [];
for (let i = 0; i < 5; i++) warmFull.push((await time(() => validateCloudFormation(json, { file: 'template.json', full: true })))[1]);
const tf = output['terraform']!.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, content: f.content }));
const [tfReport, tHcl] = await time(() => validateTerraform(tf));
const warmTf: number[] = [];
for (let i = 0; i < 10; i++) warmTf.push((await time(() => validateTerraform(tf)))[1]);
const count = (f: Array<{ severity: string }>) => `${f.filter((x) => x.severity === 'error').length} errors, ${f.filter((x) => x.severity === 'warning').length} warnings`;
console.log('\nvalidation of the generated kitchen sink:');
console.log(`  CloudFormation structural (resource specification): first ${ms(tSpec)} (loads the spec), warm median ${ms(median(warmStructural))}   target <= 50 ms: ${median(warmStructural) <= 50 ? 'met' : 'MISSED'}   [${count(structural.findings)}]`);
console.log(`    (the same check on the ${(template.length / 1024).toFixed(0)} KiB YAML text, parsed with positions: warm median ${ms(median(warmYaml))}; generate_iac reads the YAML only when there are findings to place)`);
console.log(`  CloudFormation full (+ AWS validator engine):        first ${ms(tEngine)} (starts the engine), warm median ${ms(median(warmFull))}   [${count(full.findings)}]`);
console.log(`  Terraform (hcl2json + provider schema):              first ${ms(tHcl)} (loads hcl2json), warm median ${ms(median(warmTf))}   [${count(tfReport.findings)}]`);
await stopSharedEngine();

if (synth) {
  const { checkCdkApps } = await import('../src/validate/cdk.js');
  const { cdkAppEntry } = await import('../src/generators/cdk/index.js');
  const [results, tSynth] = await time(() => checkCdkApps([{ name: 'kitchen-sink', files: output['cdk']!, entry: cdkAppEntry(a) }]));
  console.log(`  CDK type-check + synth (child processes):           ${ms(tSynth)}   [${results[0]!.findings.length} findings, synthesized: ${results[0]!.synthesized}]`);
}
