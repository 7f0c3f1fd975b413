import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tempProject, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runCli } from '../helpers/spawn.js';

const SCENARIOS = readdirSync(join(FIXTURES_DIR, 'scenarios'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();

const SECTIONS = ['Executive Summary', 'Architecture Overview', 'Service Components', 'Security Design', 'Scalability & Performance', 'Cost Estimation', 'Implementation Roadmap', 'Infrastructure as Code', 'Monitoring & Operations', 'Disaster Recovery'];
const WORKSPACE_FILES = ['requirements.json', 'architecture.json', 'cost.json', 'cost.md', 'cost.csv', 'review.json', 'diagram.mmd', 'diagram.drawio', 'diagram.svg', 'diagram.png', 'plan.md'];

function checkWorkspace(dir: string): void {
  for (const f of WORKSPACE_FILES) expect(existsSync(join(dir, f)), f).toBe(true);
  const plan = readFileSync(join(dir, 'plan.md'), 'utf8');
  const headings = [...plan.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  for (const s of SECTIONS) expect(headings, s).toContain(s);
  expect(plan).toContain('```mermaid');
  expect(plan).toMatch(/\$[\d,]+\.\d\d/);
  expect(plan).not.toMatch(/TODO|TBD|undefined|NaN/);
  const arch = JSON.parse(readFileSync(join(dir, 'architecture.json'), 'utf8'));
  for (const c of arch.components) expect(plan).toContain(c.name ?? c.id);
}

describe('plan through the CLI, every scenario brief', () => {
  it.each(SCENARIOS)('%s', async (name) => {
    const project = tempProject('aba-plan-');
    const r = await runCli(['plan', join(FIXTURES_DIR, 'scenarios', `${name}.md`), '--project-dir', project, '--name', name, '--fast'], { timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[1\/7\] requirements: /);
    expect(r.stderr).toMatch(/\[7\/7\] plan document: /);
    expect(r.stdout).toContain(`Design ${name}:`);
    expect(r.stdout).toMatch(/Cost: \$[\d,.]+\/month today, \$[\d,.]+ at 10x load/);
    checkWorkspace(join(project, '.ai/architecture', name));
  }, 120_000);

  it('fails clearly on an empty brief and on a bad format', async () => {
    const empty = await runCli(['plan', '   ', '--project-dir', tempProject()]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/plan: description: /);
    const fmt = await runCli(['plan', 'a chat app', '--format', 'pulumi']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("--format must be cloudformation, terraform or cdk, got 'pulumi'");
    const missing = await runCli(['plan', 'no-such-brief.md']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('create_plan through the MCP client', () => {
  let c: Connected;
  const progress: string[] = [];
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it.each(SCENARIOS)('%s from its brief', async (name) => {
    const brief = readFileSync(join(FIXTURES_DIR, 'scenarios', `${name}.md`), 'utf8');
    const r = await c.ok<{ design: string; plan: string; files: string[]; summary: { components: number; monthlyUsd: number } }>('create_plan', { brief, name, thorough: false });
    expect(r.design).toBe(name);
    expect(r.plan).toBe(`design://${name}/plan.md`);
    expect(r.summary.components).toBeGreaterThan(0);
    checkWorkspace(join(c.config.projectDir!, '.ai/architecture', name));
  }, 60_000);

  it('runs thoroughly with progress notifications, links the results and records ADRs', async () => {
    const brief = readFileSync(join(FIXTURES_DIR, 'scenarios', 'realtime-chat.md'), 'utf8');
    const r = await c.client.callTool({ name: 'create_plan', arguments: { brief, name: 'chat', recordDecisions: true } }, undefined, {
      onprogress: (p) => progress.push(p.message ?? ''),
      timeout: 120_000,
    });
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as { summary: { adrs: string[]; review: Array<{ framework: string }> }; steps: Array<{ phase: string }> };
    expect(s.steps.map((x) => x.phase)).toContain('decision records');
    expect(s.summary.adrs.length).toBeGreaterThan(3);
    expect(s.summary.adrs[0]).toMatch(/^memory:\/\/decisions\/infrastructure-0001-/);
    expect(s.summary.review.map((x) => x.framework)).toContain('aws-solutions');
    const links = (r.content as Array<{ type: string; uri?: string }>).filter((x) => x.type === 'resource_link').map((x) => x.uri);
    expect(links).toContain('design://chat/plan.md');
    expect(progress.some((m) => m.startsWith('review'))).toBe(true);
    const plan = await c.client.readResource({ uri: 'design://chat/plan.md' });
    expect((plan.contents[0] as { text: string }).text).toContain('## Decision Records');
  }, 180_000);

  it('plans a saved design and refuses ambiguous or empty requests naming the field', async () => {
    const r = await c.ok<{ design: string }>('create_plan', { design: 'chat', thorough: false });
    expect(r.design).toBe('chat');
    expect(await c.err('create_plan', {})).toMatch(/brief: nothing to plan/);
    expect(await c.err('create_plan', { brief: 'x', design: 'chat' })).toMatch(/brief: give only one of brief, design or architecture/);
    expect(await c.err('create_plan', { design: 'nope' })).toMatch(/design: no saved design 'nope'/);
  }, 60_000);
});
