import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempProject } from '../helpers/client.js';
import { FIXTURES_DIR, rawArchitectureFixture } from '../helpers/fixtures.js';

function io(cwd = FIXTURES_DIR) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _e, cb) { f(String(chunk)); cb(); } });
  return { io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), env: {}, cwd }, out: () => out, err: () => err };
}

describe('aws-backend-architect review', () => {
  it('reviews a CloudFormation file, prints one finding per line and exits 1 when a framework fails', async () => {
    const r = io();
    expect(await main(['review', 'insecure/cloudformation/open-ssh.yaml'], r.io)).toBe(1);
    expect(r.out()).toMatch(/^critical WA-SEC-19 BastionSecurityGroup: BastionSecurityGroup admits 0\.0\.0\.0\/0 on port 22/m);
    expect(r.out()).toContain('high     AwsSolutions-EC23 BastionSecurityGroup');
    expect(r.out()).toContain("Review of template 'insecure/cloudformation/open-ssh.yaml' (cloudformation): FAILED.");
  });

  it('prints the full report as JSON with --format json', async () => {
    const r = io();
    expect(await main(['review', '--format', 'json', '--frameworks', 'well-architected', 'insecure/terraform/weak-database.tf'], r.io)).toBe(1);
    const report = JSON.parse(r.out());
    expect(report.subject).toEqual({ kind: 'template', name: 'insecure/terraform/weak-database.tf', format: 'terraform' });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('WA-REL-8');
  });

  it('reviews an architecture.json and a saved design, exit 0 when every framework passes', async () => {
    const file = io();
    expect(await main(['review', '--frameworks', 'well-architected', 'architectures/hipaa-patient-portal.json'], file.io)).toBe(0);
    expect(file.out()).toContain("Review of design 'architectures/hipaa-patient-portal.json'");
    expect(file.out()).toContain('well-architected PASS');

    const project = tempProject();
    mkdirSync(join(project, '.ai', 'architecture', 'shop'), { recursive: true });
    writeFileSync(join(project, '.ai', 'architecture', 'shop', 'architecture.json'), JSON.stringify(rawArchitectureFixture('ecommerce-api')));
    const saved = io(project);
    expect(await main(['review', 'shop', '--frameworks', 'well-architected', '--min-severity', 'high'], saved.io)).toBe(1);
    expect(saved.out()).toContain('DR-2');
    expect(saved.out()).not.toMatch(/^medium /m);
  });

  it('reviews a Terraform folder and says what it could not cover', async () => {
    const project = tempProject();
    mkdirSync(join(project, 'infra'));
    writeFileSync(join(project, 'infra', 'main.tf'), 'resource "aws_lightsail_instance" "blog" {\n  name = "blog"\n}\n');
    const r = io(project);
    expect(await main(['review', 'infra'], r.io)).toBe(0);
    expect(r.out()).toContain('Not covered: aws_lightsail_instance.blog.');
  });

  it('refuses bad flags with exit 2 and unknown designs with exit 1', async () => {
    const a = io();
    expect(await main(['review', '--format', 'yaml', 'x'], a.io)).toBe(2);
    expect(a.err()).toContain('--format must be text or json');
    const b = io();
    expect(await main(['review', '--frameworks', 'soc3', 'x'], b.io)).toBe(2);
    expect(b.err()).toContain("--frameworks: unknown framework 'soc3'");
    const c = io();
    expect(await main(['review'], c.io)).toBe(2);
    const d = io(tempProject());
    expect(await main(['review', 'no-such-design'], d.io)).toBe(1);
    expect(d.err()).toContain("design: no saved design 'no-such-design'");
  });
});
