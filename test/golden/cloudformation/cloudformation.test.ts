import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/generators/index.js';
import { buildTemplate, renderTemplate } from '../../../src/generators/cloudformation/index.js';
import { parseCfnTemplate, stopSharedEngine, validateCloudFormation } from '../../../src/validate/index.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';
import { nag, packsFor } from './nag.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

afterAll(async () => stopSharedEngine());

/**
 * Golden CloudFormation (template, GitHub Actions workflow, OIDC bootstrap) of every fixture.
 * `UPDATE_GOLDEN=1 npx vitest run test/golden/cloudformation` rewrites them; either way each template must pass the
 * resource-specification check and AWS's own validator with no finding, and cdk-nag (AwsSolutions, plus HIPAA or
 * PCI DSS when the design claims them) with no error-level finding once the template's acknowledgements apply.
 */
describe.each(architectureFixtureNames())('cloudformation golden: %s', (name) => {
  const a = architectureFixture(name);
  const files = generate(a, 'cloudformation');
  const dir = join(HERE, name);
  const template = files.find((f) => f.path === 'template.yaml')!;

  it('matches the golden files', () => {
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
    }
    expect(existsSync(dir), `no golden files for ${name}: run UPDATE_GOLDEN=1 npx vitest run test/golden/cloudformation`).toBe(true);
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(dir).sort());
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });

  it('passes the CloudFormation spec check and AWS\'s validator with no finding', async () => {
    const report = await validateCloudFormation(template.content, { file: 'template.yaml', full: true });
    expect(report.notChecked.join(' ')).not.toMatch(/AWS CloudFormation validator:/);
    expect(report.findings.map((f) => `${f.severity} ${f.rule ?? ''} ${f.path ?? ''} ${f.message}`)).toEqual([]);
  });

  it('the JSON rendering is the same template as the YAML one', () => {
    const built = buildTemplate(a, { pipeline: a.delivery.pipeline });
    expect(JSON.parse(renderTemplate(built, 'json'))).toEqual(parseCfnTemplate(template.content));
  });

  it('passes cdk-nag with every acknowledgement explained', async () => {
    const results = await nag(template.content, packsFor(a.compliance));
    for (const r of results) expect(r.errors, r.pack).toEqual([]);
    for (const ack of results[0]!.acknowledgements) expect(ack.reason.length, `${ack.resource} ${ack.id}`).toBeGreaterThanOrEqual(20);
  });

  it('ships a delivery workflow and an OIDC bootstrap that validates and passes cdk-nag', async () => {
    const workflow = files.find((f) => f.path.startsWith('.github/workflows/'));
    if (a.delivery.pipeline === 'codepipeline' || a.delivery.pipeline === 'none') {
      expect(workflow).toBeUndefined();
      return;
    }
    const wf = parse(workflow!.content) as { permissions: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; environment?: { name: string } }> };
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['deploy-production']?.permissions?.['id-token']).toBe('write');
    const oidc = files.find((f) => f.path === 'pipeline/github-oidc.yaml')!;
    const report = await validateCloudFormation(oidc.content, { file: oidc.path, full: true });
    expect(report.findings.map((f) => `${f.severity} ${f.path ?? ''} ${f.message}`)).toEqual([]);
    const [aws] = await nag(oidc.content, ['AwsSolutions']);
    expect(aws!.errors).toEqual([]);
  });
});
