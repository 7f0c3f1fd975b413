import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { GeneratedFile, ValidationFinding } from '../model/generated.js';

/** A generated CDK app to check, and how its stacks are built (see `cdkAppEntry` in src/generators/cdk). */
export interface CdkAppInput {
  /** Label used in findings, e.g. the fixture or design name. */
  name: string;
  files: GeneratedFile[];
  entry: {
    stackModule: string;
    className: string;
    stacks: Array<{ id: string; props: Record<string, unknown> }>;
    region: string;
  };
}

export interface CdkCheckOptions {
  /** Type-check with `tsc --noEmit` (TypeScript 7). @default true */
  typecheck?: boolean;
  /** Synthesize every stack with aws-cdk-lib in a child process. @default true */
  synth?: boolean;
  /** Longest each child process may run before it is stopped. @default 180000 */
  timeoutMs?: number;
}

export interface CdkAppResult {
  name: string;
  findings: ValidationFinding[];
  /** Synthesized templates by stack id (empty when synth failed or was not asked for). */
  templates: Record<string, Record<string, unknown>>;
  typechecked: boolean;
  synthesized: boolean;
}

const req = createRequire(import.meta.url);

/** The node_modules folder holding aws-cdk-lib, which generated apps resolve against. */
function nodeModules(): string {
  return dirname(dirname(req.resolve('aws-cdk-lib/package.json')));
}

function optionalResolve(id: string): string | undefined {
  try {
    return req.resolve(id);
  } catch {
    return undefined;
  }
}

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number, env: Record<string, string> = {}): Promise<ChildResult> {
  return new Promise((resolve) => {
    // The child gets a minimal environment: the app must not read credentials or settings of this process.
    const child = spawn(cmd, args, { cwd, env: { NODE_PATH: nodeModules(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${e.message}`, timedOut });
    });
  });
}

/** `app/lib/x.ts(12,5): error TS2322: ...` -> a finding on the app's file. */
function tscFindings(output: string, root: string, apps: CdkAppInput[]): Map<string, ValidationFinding[]> {
  const out = new Map<string, ValidationFinding[]>(apps.map((a) => [a.name, []]));
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/.exec(line.trim());
    if (!m) continue;
    const rel = relative(root, join(root, m[1]!)).replace(/\\/g, '/');
    const [appDir, ...rest] = rel.split('/');
    const app = apps.find((a, i) => dirName(a, i) === appDir);
    if (!app) continue;
    out.get(app.name)!.push({ severity: m[4] === 'error' ? 'error' : 'warning', message: m[6]!, file: rest.join('/'), line: Number(m[2]), column: Number(m[3]), rule: m[5], source: 'tsc' });
  }
  return out;
}

function dirName(a: CdkAppInput, i: number): string {
  return `app${i}-${a.name.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/** Child-process synthesizer: builds each stack class with aws-cdk-lib and prints the templates as JSON. */
const SYNTH_SCRIPT = `
const fs = require('fs');
const path = require('path');
const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cdk = require('aws-cdk-lib');
const results = [];
for (const job of jobs) {
  const r = { name: job.name, templates: {}, error: undefined };
  try {
    const mod = require(job.stackJs);
    const Stack = mod[job.className];
    if (typeof Stack !== 'function') throw new Error(job.className + ' is not exported by ' + job.stackModule);
    const app = new cdk.App({ outdir: job.outdir, analyticsReporting: false, builtinCloudFormationValidation: false, context: job.context });
    for (const s of job.stacks) new Stack(app, s.id, Object.assign({ env: { region: job.region } }, s.props));
    const asm = app.synth();
    for (const s of job.stacks) r.templates[s.id] = asm.getStackByName(s.id).template;
  } catch (e) {
    r.error = (e && e.stack) ? String(e.stack).split('\\n').slice(0, 6).join('\\n') : String(e);
  }
  results.push(r);
}
fs.writeFileSync(process.argv[3], JSON.stringify(results));
`;

/**
 * Type-checks and synthesizes generated CDK apps offline: all apps are written to one temporary folder, type-checked
 * by a single `tsc` run, transpiled with esbuild and synthesized by aws-cdk-lib in one child process (with a
 * timeout, because it runs generated code). No CLI, bootstrap or credentials are involved. Checking several apps
 * at once keeps it to two processes however many apps there are.
 */
export async function checkCdkApps(apps: CdkAppInput[], opts: CdkCheckOptions = {}): Promise<CdkAppResult[]> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const results: CdkAppResult[] = apps.map((a) => ({ name: a.name, findings: [], templates: {}, typechecked: false, synthesized: false }));
  if (apps.length === 0) return results;
  const root = await mkdtemp(join(tmpdir(), 'aba-cdk-'));
  try {
    await symlink(nodeModules(), join(root, 'node_modules'), 'dir');
    for (const [i, a] of apps.entries()) {
      for (const f of a.files) {
        const p = join(root, dirName(a, i), f.path);
        await mkdir(dirname(p), { recursive: true });
        await writeFile(p, f.content);
      }
    }

    if (opts.typecheck ?? true) {
      const tsPkg = optionalResolve('typescript/package.json');
      const tsc = tsPkg ? join(dirname(tsPkg), 'bin', 'tsc') : undefined;
      if (!tsc) {
        for (const r of results) r.findings.push({ severity: 'warning', message: 'TypeScript is not installed, so the app was not type-checked (install typescript to enable it)', source: 'tsc' });
      } else {
        const tsconfig = {
          compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true },
          include: apps.flatMap((a, i) => [`${dirName(a, i)}/bin/**/*.ts`, `${dirName(a, i)}/lib/**/*.ts`]),
        };
        await writeFile(join(root, 'tsconfig.json'), JSON.stringify(tsconfig));
        const r = await run(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--pretty', 'false'], root, timeoutMs);
        if (r.timedOut) for (const x of results) x.findings.push({ severity: 'error', message: `type-check did not finish within ${timeoutMs} ms`, source: 'tsc' });
        else {
          const byApp = tscFindings(r.stdout + r.stderr, root, apps);
          for (const x of results) {
            x.findings.push(...(byApp.get(x.name) ?? []));
            x.typechecked = true;
          }
          if (r.code !== 0 && results.every((x) => x.findings.length === 0)) {
            for (const x of results) x.findings.push({ severity: 'error', message: `tsc failed: ${(r.stdout + r.stderr).trim().slice(0, 500)}`, source: 'tsc' });
          }
        }
      }
    }

    if (opts.synth ?? true) {
      const esbuild = optionalResolve('esbuild');
      if (!esbuild) {
        for (const r of results) r.findings.push({ severity: 'warning', message: 'esbuild is not installed, so the app was not synthesized (install esbuild to enable it)', source: 'cdk-synth' });
        return results;
      }
      const { transform } = (await import(esbuild)) as typeof import('esbuild');
      const jobs: Array<Record<string, unknown>> = [];
      for (const [i, a] of apps.entries()) {
        const dir = join(root, dirName(a, i));
        for (const f of a.files) {
          if (!f.path.endsWith('.ts')) continue;
          const js = await transform(f.content, { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: f.path });
          await writeFile(join(dir, f.path.replace(/\.ts$/, '.js')), js.code);
        }
        const cdkJson = a.files.find((f) => f.path === 'cdk.json');
        const context = cdkJson ? ((JSON.parse(cdkJson.content) as { context?: Record<string, unknown> }).context ?? {}) : {};
        jobs.push({
          name: a.name,
          stackModule: a.entry.stackModule,
          stackJs: join(dir, a.entry.stackModule.replace(/\.ts$/, '.js')),
          className: a.entry.className,
          stacks: a.entry.stacks,
          region: a.entry.region,
          context,
          outdir: join(dir, 'cdk.out'),
        });
      }
      await writeFile(join(root, 'synth.cjs'), SYNTH_SCRIPT);
      await writeFile(join(root, 'jobs.json'), JSON.stringify(jobs));
      const r = await run(process.execPath, [join(root, 'synth.cjs'), join(root, 'jobs.json'), join(root, 'results.json')], root, timeoutMs);
      if (r.timedOut || r.code !== 0) {
        const why = r.timedOut ? `synthesis did not finish within ${timeoutMs} ms` : `synthesis crashed: ${r.stderr.trim().slice(0, 800)}`;
        for (const x of results) x.findings.push({ severity: 'error', message: why, source: 'cdk-synth' });
        return results;
      }
      const out = JSON.parse(await readFile(join(root, 'results.json'), 'utf8')) as Array<{ name: string; templates: Record<string, Record<string, unknown>>; error?: string }>;
      for (const o of out) {
        const x = results.find((y) => y.name === o.name)!;
        if (o.error) x.findings.push({ severity: 'error', message: `synthesis failed: ${o.error}`, source: 'cdk-synth' });
        else {
          x.templates = o.templates;
          x.synthesized = true;
        }
      }
    }
    return results;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Resource types and counts of a template: `{ 'AWS::SQS::Queue': 2, ... }`. */
export function resourceTypeCounts(template: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of Object.values((template['Resources'] ?? {}) as Record<string, { Type?: string }>)) {
    const t = r.Type ?? '?';
    out[t] = (out[t] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Differences between the CloudFormation generator's template and the synthesized CDK stack: types whose counts
 * differ, and logical ids that only one side has. Empty lists mean both describe the same resources.
 */
export function compareTemplates(cfn: Record<string, unknown>, cdk: Record<string, unknown>): { counts: Array<{ type: string; cloudformation: number; cdk: number }>; onlyCloudFormation: string[]; onlyCdk: string[] } {
  const a = resourceTypeCounts(cfn);
  const b = resourceTypeCounts(cdk);
  const counts = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().filter((t) => (a[t] ?? 0) !== (b[t] ?? 0)).map((t) => ({ type: t, cloudformation: a[t] ?? 0, cdk: b[t] ?? 0 }));
  const ra = Object.keys((cfn['Resources'] ?? {}) as object);
  const rb = Object.keys((cdk['Resources'] ?? {}) as object);
  return { counts, onlyCloudFormation: ra.filter((x) => !rb.includes(x)).sort(), onlyCdk: rb.filter((x) => !ra.includes(x)).sort() };
}
