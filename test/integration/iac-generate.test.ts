import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempProject, type Connected } from '../helpers/client.js';
import { rawArchitectureFixture } from '../helpers/fixtures.js';
import { parseCfnTemplate, stopSharedEngine } from '../../src/validate/index.js';

interface Result {
  design?: string;
  name: string;
  format: string;
  files: Array<{ path: string; bytes: number; uri?: string; content?: string }>;
  resources: number;
  validation: { ran: boolean; valid: boolean; errors: number; warnings: number; findings: Array<{ severity: string; message: string; source: string }>; checked: string[]; notChecked: string[] };
  notes: string[];
  truncated: boolean;
}

describe('generate_iac through the MCP client', () => {
  let c: Connected;
  let project: string;
  beforeAll(async () => {
    project = tempProject('aba-iac-');
    const dir = join(project, '.ai/architecture/shop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'architecture.json'), JSON.stringify(rawArchitectureFixture('ecommerce-api')));
    c = await connect({ projectDir: project });
  });
  afterAll(async () => {
    await c.close();
    await stopSharedEngine();
  });

  it('is listed as a writing, idempotent, closed-world tool with described inputs', async () => {
    const { tools } = await c.client.listTools();
    const t = tools.find((x) => x.name === 'generate_iac')!;
    expect(t.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true, openWorldHint: false });
    const props = (t.inputSchema as { properties: Record<string, { description?: string }> }).properties;
    for (const f of ['design', 'architecture', 'format', 'cloudformationFormat', 'pipeline', 'validate', 'synth']) expect(props[f]?.description, f).toBeTruthy();
  });

  it('returns a valid CloudFormation template with its pipeline for an inline model', async () => {
    const r = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('realtime-chat'), format: 'cloudformation' });
    expect(r.files.map((f) => f.path)).toEqual(['template.yaml', '.github/workflows/deploy-chat-backend.yml', 'pipeline/github-oidc.yaml', 'README.md']);
    const template = parseCfnTemplate(r.files[0]!.content!);
    expect(Object.keys(template['Resources'] as object)).toHaveLength(r.resources);
    expect(r.resources).toBeGreaterThan(50);
    expect(r.validation).toMatchObject({ ran: true, valid: true, errors: 0 });
    expect(r.validation.checked.join(' ')).toMatch(/specification/);
    const wf = parse(r.files[1]!.content!) as { jobs: Record<string, { environment?: { name: string } }> };
    expect(wf.jobs['deploy-production']?.environment?.name).toBe('production');
  });

  it('keeps the text rendering short and points at the files', async () => {
    const res = await c.call('generate_iac', { architecture: rawArchitectureFixture('kitchen-sink'), format: 'cloudformation' });
    const text = res.content.filter((x) => x.type === 'text').map((x) => (x as { text: string }).text).join('\n');
    expect(text.length).toBeLessThan(2500);
    expect(text).toMatch(/CloudFormation template for kitchen-sink: 4 files, \d+ resources/);
    expect(text).toContain('Validation: valid');
  });

  it('writes to the design workspace and answers with design:// links that resolve', async () => {
    const res = await c.call('generate_iac', { design: 'shop', format: 'cloudformation', cloudformationFormat: 'json' });
    expect(res.isError).toBeFalsy();
    const r = res.structuredContent as unknown as Result;
    expect(r.design).toBe('shop');
    expect(r.files.every((f) => f.content === undefined && f.uri?.startsWith('design://shop/iac/cloudformation/'))).toBe(true);
    expect(existsSync(join(project, '.ai/architecture/shop/iac/cloudformation/template.json'))).toBe(true);
    const links = res.content.filter((x) => x.type === 'resource_link') as Array<{ uri: string }>;
    expect(links.map((l) => l.uri)).toContain('design://shop/iac/cloudformation/template.json');
    const read = await c.client.readResource({ uri: 'design://shop/iac/cloudformation/template.json' });
    const body = JSON.parse((read.contents[0] as { text: string }).text) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(body.Resources).some((x) => x.Type === 'AWS::RDS::DBCluster')).toBe(true);
    // Generating again gives the same bytes (idempotent).
    const before = readFileSync(join(project, '.ai/architecture/shop/iac/cloudformation/template.json'), 'utf8');
    await c.ok('generate_iac', { design: 'shop', format: 'cloudformation', cloudformationFormat: 'json' });
    expect(readFileSync(join(project, '.ai/architecture/shop/iac/cloudformation/template.json'), 'utf8')).toBe(before);
  });

  it('generates and validates Terraform for a saved design', async () => {
    const r = await c.ok<Result>('generate_iac', { design: 'shop', format: 'terraform' });
    expect(r.files.some((f) => f.path.endsWith('.tf'))).toBe(true);
    expect(r.resources).toBeGreaterThan(20);
    expect(r.validation).toMatchObject({ ran: true, valid: true });
    expect(existsSync(join(project, '.ai/architecture/shop/iac/terraform/.github/workflows/deploy-shop-api.yml'))).toBe(true);
  });

  it('generates a CDK app, type-checks and synthesizes it on request, and finds the same resources', async () => {
    const r = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('static-site'), format: 'cdk', synth: true });
    expect(r.files.map((f) => f.path)).toEqual(expect.arrayContaining(['bin/app.ts', 'lib/marketing-site-stack.ts', 'package.json', 'cdk.json', 'tsconfig.json']));
    expect(r.validation.errors).toBe(0);
    expect(r.validation.checked.join('\n')).toMatch(/type-checked[\s\S]*synthesized[\s\S]*match the CloudFormation template/);
  }, 120_000);

  it('checks the CDK app through its equivalent template when synth is not asked for', async () => {
    const r = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('static-site'), format: 'cdk' });
    expect(r.validation.valid).toBe(true);
    expect(r.validation.notChecked.join(' ')).toMatch(/synth: true/);
  });

  it('follows the pipeline option: none leaves out the workflow, codepipeline puts a pipeline in the template', async () => {
    const none = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('static-site'), format: 'cloudformation', pipeline: 'none' });
    expect(none.files.map((f) => f.path)).toEqual(['template.yaml', 'README.md']);
    const cp = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('static-site'), format: 'cloudformation', pipeline: 'codepipeline' });
    expect(cp.files.map((f) => f.path)).toEqual(['template.yaml', 'README.md']);
    const t = parseCfnTemplate(cp.files[0]!.content!) as { Resources: Record<string, { Type: string; Condition?: string }> };
    expect(t.Resources['CicdPipeline']).toMatchObject({ Type: 'AWS::CodePipeline::Pipeline', Condition: 'HostsPipeline' });
    expect(cp.validation.valid).toBe(true);
  });

  it('reports what the generator decided for the user', async () => {
    const r = await c.ok<Result>('generate_iac', { architecture: rawArchitectureFixture('hipaa-patient-portal'), format: 'cloudformation', validate: false });
    expect(r.validation.ran).toBe(false);
    expect(r.notes.join('\n')).toMatch(/us-west-2/);
  });

  it('names the field of a bad request', async () => {
    const arch = rawArchitectureFixture('static-site');
    const missing = { ...arch, connections: [...(arch['connections'] as object[]), { from: 'form-fn', to: 'no-such-thing', kind: 'write' }] };
    expect(await c.err('generate_iac', { architecture: missing, format: 'cloudformation' })).toMatch(/connections\[4\]\.to.*no-such-thing/);
    expect(await c.err('generate_iac', { architecture: arch, format: 'pulumi' })).toMatch(/format/);
    expect(await c.err('generate_iac', { design: 'nope', format: 'cloudformation' })).toMatch(/design.*no saved design 'nope'/);
    expect(await c.err('generate_iac', { design: 'shop', architecture: arch, format: 'cloudformation' })).toMatch(/design.*either design or architecture/);
    expect(await c.err('generate_iac', { format: 'cdk' })).toMatch(/design.*no design given/);
  });
});
