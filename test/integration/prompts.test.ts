import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/mcp/prompts.js';
import { connect, type Connected } from '../helpers/client.js';

const EXPECTED = [
  'architecture-design',
  'aws-backend-architect',
  'design-backend',
  'implementation-planning',
  'optimization',
  'requirements-analysis',
  'security-compliance',
];

describe('prompts', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it('lists the agent prompt, one per phase, and the end-to-end prompt', async () => {
    const { prompts } = await c.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(EXPECTED);
    for (const p of prompts) {
      expect(p.title, p.name).toBeTruthy();
      expect(p.description!.length, p.name).toBeGreaterThan(30);
    }
    const design = prompts.find((p) => p.name === 'design-backend')!;
    expect(design.arguments).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'application', required: true })]));
  });

  it.each(EXPECTED)('gets %s with its required arguments filled in and no placeholders left', async (name) => {
    const listed = (await c.client.listPrompts()).prompts.find((p) => p.name === name)!;
    const args: Record<string, string> = {};
    for (const a of listed.arguments ?? []) if (a.required) args[a.name] = a.name === 'application' || a.name === 'description' ? 'a real-time chat app for 50k users' : 'chat-backend';
    const r = await c.client.getPrompt({ name, arguments: args });
    const text = r.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('\n');
    expect(text.length).toBeGreaterThan(400);
    expect(text).not.toMatch(/\{\{|\}\}|undefined/);
    for (const v of Object.values(args)) expect(text).toContain(v);
  });

  it('keeps optional context out when it is not given and in when it is', async () => {
    const without = await c.client.getPrompt({ name: 'design-backend', arguments: { application: 'x' } });
    const withRegion = await c.client.getPrompt({ name: 'design-backend', arguments: { application: 'x', region: 'eu-central-1' } });
    const t = (r: typeof without) => (r.messages[0]!.content as { text: string }).text;
    expect(t(without)).not.toContain('Primary region');
    expect(t(withRegion)).toContain('Primary region: eu-central-1.');
    expect(t(without)).toContain('format "cloudformation"');
  });

  it('rejects a prompt call without its required argument', async () => {
    await expect(c.client.getPrompt({ name: 'design-backend', arguments: {} })).rejects.toThrow(/application/);
  });

  it('completes compliance and framework arguments', async () => {
    const comp = await c.client.complete({ ref: { type: 'ref/prompt', name: 'requirements-analysis' }, argument: { name: 'compliance', value: 'h' } });
    expect(comp.completion.values).toEqual(['hipaa']);
    const fw = await c.client.complete({ ref: { type: 'ref/prompt', name: 'security-compliance' }, argument: { name: 'framework', value: 'p' } });
    expect(fw.completion.values).toEqual(['pci-dss']);
  });

  it('covers the whole seed: phases, output sections, quality standards and anti-patterns', () => {
    const all = loadPrompts().map((p) => p.body).join('\n').toLowerCase();
    for (const phrase of [
      'requirements analysis', 'architecture design', 'implementation planning', 'security and compliance', 'optimization',
      'executive summary', 'architecture overview', 'service components', 'security design', 'scalability and performance',
      'cost estimation', 'implementation roadmap', 'infrastructure as code', 'monitoring and operations', 'disaster recovery',
      'well-architected', '10x', 'single points of failure', 'manual configuration', 'over-engineering', 'missing monitoring',
      'patterns/aws-', 'decisions/infrastructure-', 'project.md', 'rollback', 'ci/cd', 'hipaa', 'pci dss',
      'deployment specialist', 'migration', 'real-time chat',
    ]) expect(all, phrase).toContain(phrase);
  });
});
