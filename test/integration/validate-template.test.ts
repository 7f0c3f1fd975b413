import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempProject, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { stopSharedEngine } from '../../src/validate/index.js';
import { readFileSync } from 'node:fs';

const T = join(FIXTURES_DIR, 'templates');
const read = (rel: string) => readFileSync(join(T, rel), 'utf8');

interface Result {
  valid: boolean;
  format: string;
  files: string[];
  counts: { errors: number; warnings: number; infos: number };
  totalFindings: number;
  findings: Array<{ severity: string; message: string; line?: number; path?: string; source: string; rule?: string }>;
  checked: string[];
  notChecked: string[];
}

describe('validate_template through the MCP client', () => {
  let c: Connected;
  let project: string;
  beforeAll(async () => {
    project = tempProject('aba-validate-');
    mkdirSync(join(project, 'infra/tf'), { recursive: true });
    writeFileSync(join(project, 'infra/template.yaml'), read('broken/cfn-missing-required.yaml'));
    cpSync(join(T, 'good/tf-app'), join(project, 'infra/tf'), { recursive: true });
    symlinkSync('/etc', join(project, 'escape'));
    c = await connect({ projectDir: project });
  });
  afterAll(async () => {
    await c.close();
    await stopSharedEngine();
  });

  it('is listed with read-only annotations and described inputs', async () => {
    const { tools } = await c.client.listTools();
    const tool = tools.find((t) => t.name === 'validate_template')!;
    expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    for (const [k, v] of Object.entries((tool.inputSchema as { properties: Record<string, { description?: string }> }).properties)) expect(v.description, k).toBeTruthy();
  });

  it('validates inline CloudFormation with the spec and the AWS engine by default', async () => {
    const r = await c.ok<Result>('validate_template', { template: read('broken/cfn-wrong-type.yaml') });
    expect(r).toMatchObject({ valid: false, format: 'cloudformation', counts: { errors: 1 } });
    expect(r.findings[0]).toMatchObject({ line: 18, path: '/Resources/Fn/Properties/MemorySize', source: 'cfn-spec' });
    expect(r.checked.join(' ')).toContain('@aws/cloudformation-validate');
    const raw = await c.call('validate_template', { template: read('broken/cfn-wrong-type.yaml'), full: false });
    const text = (raw.content[0] as { text: string }).text;
    expect(text).toMatch(/^template\.yaml \(cloudformation\): INVALID; 1 error\(s\)/);
    expect(text).toContain('error template.yaml:18:7 /Resources/Fn/Properties/MemorySize: expected integer');
    expect(text.length).toBeLessThan(2000);
  });

  it('validates a file and a folder of .tf files under the project root', async () => {
    const cfn = await c.ok<Result>('validate_template', { path: 'infra/template.yaml', full: false });
    expect(cfn.files).toEqual(['infra/template.yaml']);
    expect(cfn.findings).toEqual([expect.objectContaining({ message: "missing required property 'Role' of AWS::Lambda::Function", line: 5 })]);
    const tf = await c.ok<Result>('validate_template', { path: 'infra/tf' });
    expect(tf).toMatchObject({ valid: true, format: 'terraform', files: ['infra/tf/main.tf', 'infra/tf/outputs.tf', 'infra/tf/variables.tf'] });
    expect(tf.notChecked.join(' ')).toContain('terraform validate');
  });

  it('validates inline Terraform and caps the findings it returns', async () => {
    const hcl = Array.from({ length: 8 }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  nme = "q"\n}\n`).join('\n');
    const r = await c.ok<Result>('validate_template', { template: hcl, maxFindings: 3 });
    expect(r).toMatchObject({ format: 'terraform', totalFindings: 8, counts: { errors: 8 } });
    expect(r.findings).toHaveLength(3);
    expect(r.findings[0]!.message).toContain("unknown argument 'nme' in aws_sqs_queue.q0 (did you mean 'name'?)");
  });

  it('answers bad input with errors that name the field and the place', async () => {
    expect(await c.err('validate_template', { template: read('broken/not-yaml.yaml') })).toMatch(/^template: template.yaml line 7, column 1: not valid YAML or JSON/);
    expect(await c.err('validate_template', { template: read('broken/not-hcl.tf'), format: 'terraform' })).toMatch(/^template: main\.tf line 2, column 11: not valid HCL/);
    expect(await c.err('validate_template', { template: 'hello: world' })).toContain('template: cannot tell whether this is CloudFormation or Terraform');
    expect(await c.err('validate_template', {})).toContain('template: no template given');
    expect(await c.err('validate_template', { template: 'x', path: 'y' })).toContain('give either template or path');
    expect(await c.err('validate_template', { path: '../outside.yaml' })).toContain("path: '../outside.yaml' climbs out of the root");
    expect(await c.err('validate_template', { path: 'escape/passwd' })).toContain('leads outside the root through a symlink');
    expect(await c.err('validate_template', { path: 'missing.yaml' })).toContain("path: no file or folder 'missing.yaml'");
    expect(await c.err('validate_template', { template: 'Resources: {}', format: 'cdk' })).toContain('format');
  });
});
