import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';

function io() {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _e, cb) { f(String(chunk)); cb(); } });
  return {
    io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), env: {}, cwd: join(FIXTURES_DIR, 'templates') },
    out: () => out,
    err: () => err,
  };
}

describe('aws-backend-architect validate', () => {
  it('exits 0 on good templates and 1 when any has errors, printing file:line findings', async () => {
    const good = io();
    expect(await main(['validate', 'good/cfn-serverless-api.yaml', 'good/tf-app'], good.io)).toBe(0);
    expect(good.out()).toContain('good/cfn-serverless-api.yaml (cloudformation): valid, 0 error(s)');
    expect(good.out()).toContain('good/tf-app/main.tf, good/tf-app/outputs.tf, good/tf-app/variables.tf (terraform): valid');

    const bad = io();
    expect(await main(['validate', 'broken/cfn-unknown-type.yaml', 'broken/tf-unknown-argument.tf'], bad.io)).toBe(1);
    expect(bad.out()).toContain("error broken/cfn-unknown-type.yaml:4:5 /Resources/Queue/Type: unknown resource type 'AWS::SQS::Queuee'");
    expect(bad.out()).toContain("error broken/tf-unknown-argument.tf:12:3 aws_lambda_function.api: unknown argument 'memory_sise'");
  });

  it('prints JSON reports with --json and explains unreadable input', async () => {
    const j = io();
    expect(await main(['validate', '--json', 'broken/cfn-circular.yaml', 'broken/not-yaml.yaml'], j.io)).toBe(1);
    const reports = JSON.parse(j.out());
    expect(reports[0]).toMatchObject({ format: 'cloudformation', valid: false, findings: [expect.objectContaining({ rule: 'circular-dependency' })] });
    expect(reports[1].error).toMatch(/line 7, column 1: not valid YAML or JSON/);
  });

  it('rejects a bad --format and missing files with exit 2', async () => {
    const a = io();
    expect(await main(['validate', '--format', 'cdk', 'x.yaml'], a.io)).toBe(2);
    expect(a.err()).toContain('--format must be one of cloudformation, terraform');
    const b = io();
    expect(await main(['validate', 'nope.yaml'], b.io)).toBe(2);
    expect(b.err()).toContain('No such file or folder: nope.yaml');
  });
});
