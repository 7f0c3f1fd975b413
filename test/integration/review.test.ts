import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR, rawArchitectureFixture } from '../helpers/fixtures.js';

const insecure = (file: string) => readFileSync(join(FIXTURES_DIR, 'insecure', file), 'utf8');

let c: Connected;
beforeAll(async () => {
  c = await connect();
});
afterAll(async () => {
  await c.close();
});

describe('review_architecture on designs', () => {
  it('reviews an inline model: pass/fail per framework, summaries, findings linked to components', async () => {
    const r = await c.ok<any>('review_architecture', { architecture: rawArchitectureFixture('ecommerce-api'), frameworks: ['well-architected'] });
    expect(r.subject).toEqual({ kind: 'design', name: 'shop-api' });
    expect(r.frameworks.map((f: any) => f.framework)).toEqual(['well-architected', 'anti-patterns']);
    expect(r.frameworks[0]).toMatchObject({ status: 'fail' });
    expect(r.passed).toBe(false);
    const secret = r.findings.find((f: any) => f.rule === 'WA-SEC-7');
    expect(secret).toMatchObject({ component: 'stripe-key', framework: 'well-architected', pillar: 'security', severity: 'medium' });
    expect(secret.fix).toContain('rotationDays');
    expect(r.summary.byPillar.reliability.findings).toBeGreaterThan(0);
    expect(r.coverage).toMatchObject({ modelRules: 'run', templatePacks: 'not-selected' });
  });

  it('writes the full report to review.json for a saved design and links it', async () => {
    const dir = join(c.config.projectDir!, '.ai', 'architecture', 'portal');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'architecture.json'), JSON.stringify(rawArchitectureFixture('hipaa-patient-portal')));
    const res = await c.call('review_architecture', { design: 'portal', frameworks: ['well-architected', 'hipaa'] });
    expect(res.isError).toBeFalsy();
    const links = res.content.filter((x) => x.type === 'resource_link').map((x: any) => x.uri);
    expect(links).toEqual(['design://portal/review.json']);
    expect((res.structuredContent as any).reportUri).toBe('design://portal/review.json');
    const saved = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8'));
    expect(saved.subject).toEqual({ kind: 'design', name: 'portal' });
    expect(saved.frameworks.find((f: any) => f.framework === 'hipaa').status).toBe('pass');
    const text = (res.content.find((x) => x.type === 'text') as { text: string }).text;
    expect(text).toContain("Review of design 'portal'");
    expect(text).toContain('design://portal/review.json');
    expect(text.length).toBeLessThan(2500);
  });
});

describe('review_architecture on templates', () => {
  it('reviews CloudFormation text with the packs and the model rules', async () => {
    const r = await c.ok<any>('review_architecture', { template: insecure('cloudformation/open-ssh.yaml') });
    expect(r.subject).toMatchObject({ kind: 'template', format: 'cloudformation' });
    expect(r.coverage.templatePacks).toBe('run');
    expect(r.frameworks.find((f: any) => f.framework === 'aws-solutions')).toMatchObject({ status: 'fail' });
    expect(r.findings[0]).toMatchObject({ rule: 'WA-SEC-19', severity: 'critical' });
    expect(r.findings.some((f: any) => f.rule === 'AwsSolutions-EC23' && f.resource === 'BastionSecurityGroup')).toBe(true);
  });

  it('reviews Terraform from a folder under the project root and lists what it could not cover', async () => {
    const dir = join(c.config.projectDir!, 'infra');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), insecure('terraform/unmapped.tf'));
    writeFileSync(join(dir, 'db.tf'), insecure('terraform/weak-database.tf'));
    const r = await c.ok<any>('review_architecture', { templatePath: 'infra', templateContext: { availabilityTarget: 99.99 } });
    expect(r.subject).toMatchObject({ kind: 'template', format: 'terraform' });
    expect(r.coverage.notCovered.sort()).toEqual(['aws_lightsail_instance.blog', 'module.network']);
    // The cdk-nag packs read CloudFormation, so Terraform is not given them by default; asked for, they say why not.
    expect(r.frameworks.map((f: any) => f.framework)).toEqual(['well-architected', 'anti-patterns']);
    const asked = await c.ok<any>('review_architecture', { templatePath: 'infra', frameworks: ['aws-solutions', 'well-architected'] });
    expect(asked.frameworks.find((f: any) => f.framework === 'aws-solutions')).toMatchObject({ status: 'not-run', reason: expect.stringContaining('CloudFormation') });
    expect(r.findings.find((f: any) => f.rule === 'AP-SPOF-1').evidence).toContain('99.99');
  });

  it('filters by severity and caps the list, keeping the totals', async () => {
    const all = await c.ok<any>('review_architecture', { template: insecure('cloudformation/public-bucket.yaml'), frameworks: ['well-architected', 'aws-solutions', 'hipaa'] });
    const critical = await c.ok<any>('review_architecture', { template: insecure('cloudformation/public-bucket.yaml'), frameworks: ['well-architected', 'aws-solutions', 'hipaa'], minSeverity: 'critical', maxFindings: 2 });
    expect(critical.findings).toHaveLength(2);
    expect(critical.findings.every((f: any) => f.severity === 'critical')).toBe(true);
    expect(critical.totalFindings).toBe(all.findings.filter((f: any) => f.severity === 'critical').length);
    expect(critical.summary).toEqual(all.summary);
  });

  it('reports acknowledged findings (and can hide them)', async () => {
    const shown = await c.ok<any>('review_architecture', { template: insecure('cloudformation/acknowledged.yaml'), frameworks: ['aws-solutions'] });
    expect(shown.findings.find((f: any) => f.rule === 'AwsSolutions-S1').acknowledged.reason).toContain('CloudFront');
    expect(shown.summary.acknowledged).toBe(2);
    const hidden = await c.ok<any>('review_architecture', { template: insecure('cloudformation/acknowledged.yaml'), frameworks: ['aws-solutions'], includeAcknowledged: false });
    expect(hidden.findings.some((f: any) => f.acknowledged)).toBe(false);
  });
});

describe('review_architecture errors name the field', () => {
  it('refuses a template and a design together, and nothing at all', async () => {
    expect(await c.err('review_architecture', { template: 'Resources: {}', design: 'x' })).toMatch(/^template: give a template or a design/);
    expect(await c.err('review_architecture', {})).toMatch(/^design: no design given/);
  });

  it('refuses bad templates with the line, and empty or unknown-format text', async () => {
    expect(await c.err('review_architecture', { template: 'Resources:\n  A:\n    Type: [x\n' })).toMatch(/^template: the template is not valid YAML or JSON.*line 4/);
    expect(await c.err('review_architecture', { template: '   ' })).toMatch(/^template: the template is empty/);
    expect(await c.err('review_architecture', { template: 'hello: world\n' })).toMatch(/^template: cannot tell whether the template is CloudFormation or Terraform/);
  });

  it('refuses paths outside the project and missing files', async () => {
    expect(await c.err('review_architecture', { templatePath: '../../etc/passwd' })).toMatch(/^templatePath:/);
    expect(await c.err('review_architecture', { templatePath: 'nope.yaml' })).toMatch(/^templatePath: no file or folder 'nope.yaml'/);
  });

  it('refuses unknown frameworks, excluding everything, and templateContext on a design', async () => {
    expect(await c.err('review_architecture', { architecture: rawArchitectureFixture('static-site'), frameworks: ['iso-9001'] })).toContain('frameworks');
    expect(await c.err('review_architecture', { architecture: rawArchitectureFixture('static-site'), frameworks: ['well-architected'], exclude: ['well-architected', 'anti-patterns'] })).toMatch(/^exclude: every framework was excluded/);
    expect(await c.err('review_architecture', { architecture: rawArchitectureFixture('static-site'), templateContext: { availabilityTarget: 99.9 } })).toMatch(/^templateContext:/);
  });

  it('names the offending field of an invalid inline model', async () => {
    const bad = rawArchitectureFixture('static-site');
    (bad.components as Array<{ service: string }>)[0]!.service = 'lambdaa';
    expect(await c.err('review_architecture', { architecture: bad })).toMatch(/architecture\.components\[0\].*unknown service 'lambdaa'.*did you mean 'lambda'/);
  });

  it('leaves no report behind for templates', () => {
    expect(existsSync(join(c.config.projectDir!, '.ai', 'architecture', 'template'))).toBe(false);
  });
});
