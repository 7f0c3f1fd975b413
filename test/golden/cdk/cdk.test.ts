import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../src/model/index.js';
import { generate } from '../../../src/generators/index.js';
import { cdkAppEntry } from '../../../src/generators/cdk/index.js';
import { buildTemplate } from '../../../src/generators/cloudformation/index.js';
import { checkCdkApps, compareTemplates, resourceTypeCounts } from '../../../src/validate/cdk.js';
import type { CdkAppResult } from '../../../src/validate/cdk.js';
import { stopSharedEngine, validateCloudFormation } from '../../../src/validate/index.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';
import { nag, packsFor } from '../cloudformation/nag.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const req = createRequire(import.meta.url);

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

const names = architectureFixtureNames();
const apps = new Map<string, GeneratedFile[]>(names.map((n) => [n, generate(architectureFixture(n), 'cdk')]));
let results: Map<string, CdkAppResult>;

// Every app is type-checked by one tsc run and synthesized in one child process, so this takes seconds, not minutes.
beforeAll(async () => {
  const out = await checkCdkApps(names.map((n) => ({ name: n, files: apps.get(n)!, entry: cdkAppEntry(architectureFixture(n)) })));
  results = new Map(out.map((r) => [r.name, r]));
}, 300_000);

afterAll(async () => stopSharedEngine());

/**
 * Golden CDK apps of every fixture. `UPDATE_GOLDEN=1 npx vitest run test/golden/cdk` rewrites them; either way each
 * app must type-check, synthesize offline, declare exactly the CloudFormation generator's resources (same logical
 * ids and types), and its synthesized stack must validate and pass cdk-nag with its acknowledgements.
 */
describe.each(names)('cdk golden: %s', (name) => {
  const a = architectureFixture(name);
  const files = apps.get(name)!;
  const dir = join(HERE, name);
  const entry = cdkAppEntry(a);
  const last = entry.stacks[entry.stacks.length - 1]!.id;

  it('matches the golden files', () => {
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
    }
    expect(existsSync(dir), `no golden files for ${name}: run UPDATE_GOLDEN=1 npx vitest run test/golden/cdk`).toBe(true);
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(dir).sort());
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });

  it('type-checks and synthesizes every stage offline', () => {
    const r = results.get(name)!;
    expect(r.findings.map((f) => `${f.source} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`)).toEqual([]);
    expect(r.typechecked && r.synthesized).toBe(true);
    expect(Object.keys(r.templates)).toEqual(entry.stacks.map((s) => s.id));
  });

  it('declares the same resources as the CloudFormation template: logical ids, types and counts', () => {
    const cfn = JSON.parse(JSON.stringify(buildTemplate(a, { pipeline: a.delivery.pipeline }).template)) as Record<string, unknown>;
    const cdk = results.get(name)!.templates[last]!;
    const diff = compareTemplates(cfn, cdk);
    expect(diff).toEqual({ counts: [], onlyCloudFormation: [], onlyCdk: [] });
    expect(resourceTypeCounts(cdk)).toEqual(resourceTypeCounts(cfn));
  });

  it('the synthesized stack validates and passes cdk-nag with the same acknowledgements', async () => {
    const text = JSON.stringify(results.get(name)!.templates[last]);
    const report = await validateCloudFormation(text, { file: `${last}.template.json`, full: true });
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule ?? ''} ${f.path ?? ''} ${f.message}`)).toEqual([]);
    for (const r of await nag(text, packsFor(a.compliance), 'json')) expect(r.errors, r.pack).toEqual([]);
  });

  it('pins aws-cdk-lib, constructs and cdk-nag to the versions it was validated with', () => {
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { dependencies: Record<string, string> };
    for (const dep of ['aws-cdk-lib', 'constructs', 'cdk-nag']) {
      expect(pkg.dependencies[dep], dep).toBe((req(`${dep}/package.json`) as { version: string }).version);
    }
  });
});
