import { format } from '@cdktf/hcl-tools';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateTerraform } from '../../../src/generators/terraform/index.js';
import { validateTerraform } from '../../../src/validate/index.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * Golden Terraform of every fixture. `UPDATE_GOLDEN=1 npx vitest run test/golden/terraform` rewrites them; either
 * way each one must pass the provider-schema validator with no finding and be exactly what `terraform fmt` prints.
 */
describe.each(architectureFixtureNames())('terraform golden: %s', (name) => {
  const files = generateTerraform(architectureFixture(name));
  const dir = join(HERE, name);

  it('matches the golden files', () => {
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of files) writeFileSync(join(dir, f.path), f.content);
    }
    expect(existsSync(dir), `no golden files for ${name}: run UPDATE_GOLDEN=1 npx vitest run test/golden/terraform`).toBe(true);
    expect(files.map((f) => f.path).sort()).toEqual(readdirSync(dir).sort());
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });

  it('validates against the hashicorp/aws provider schema with zero findings', async () => {
    const report = await validateTerraform(files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, content: f.content })));
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.path ?? ''} ${f.message}`)).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is formatted exactly as terraform fmt would', async () => {
    for (const f of files.filter((x) => x.path.endsWith('.tf'))) expect(await format(f.content), f.path).toBe(f.content);
  });
});
