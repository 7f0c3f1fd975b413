import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFields, readBrief } from '../../../src/workflow/brief.js';
import { renderPlan } from '../../../src/workflow/plan-doc.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'aba-brief-'));

describe('briefs', () => {
  it('reads a markdown brief: front matter for fields, the body for the description', () => {
    const f = join(dir, 'chat.md');
    writeFileSync(f, '---\nname: chat-backend\nregion: us-east-1\ncompliance: gdpr\nformat: terraform\n---\nA chat app for 50k users.\n');
    const b = readBrief(f);
    expect(b.brief.description).toBe('A chat app for 50k users.');
    expect(b.brief.fields).toEqual({ regions: { primary: 'us-east-1' }, compliance: ['gdpr'] });
    expect(b).toMatchObject({ name: 'chat-backend', format: 'terraform' });
  });

  it('reads a YAML brief with nested fields', () => {
    const f = join(dir, 'iot.yaml');
    writeFileSync(f, 'description: Telemetry from sensors\nregion: eu-central-1\npeakRps: 12000\nfields:\n  data:\n    retentionDays: 730\n');
    expect(readBrief(f).brief.fields).toEqual({ data: { retentionDays: 730 }, regions: { primary: 'eu-central-1' }, traffic: { peakRps: 12000 } });
  });

  it('takes plain text as the description', () => {
    expect(readBrief('a static marketing site').brief).toEqual({ description: 'a static marketing site' });
  });

  it('names the field for unknown keys, bad regions and missing files', () => {
    expect(() => briefFields({ regoin: 'x' }, 'b.md')).toThrow(/unknown brief field 'regoin' \(did you mean 'region'\?\)/);
    expect(() => briefFields({ region: 'eu-west-9' }, 'b.md')).toThrow(/unknown region 'eu-west-9'/);
    expect(() => readBrief(join(dir, 'missing.md'))).toThrow(/no such file/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'region: us-east-1\n');
    expect(() => readBrief(bad)).toThrow(/description/);
  });
});

const SECTIONS = [
  'Executive Summary',
  'Architecture Overview',
  'Service Components',
  'Security Design',
  'Scalability & Performance',
  'Cost Estimation',
  'Implementation Roadmap',
  'Infrastructure as Code',
  'Monitoring & Operations',
  'Disaster Recovery',
];

describe('plan document', () => {
  it.each(architectureFixtureNames())('%s: every section of the output format, filled from the model', (name) => {
    const a = architectureFixture(name);
    const md = renderPlan({ architecture: a });
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTIONS);
    for (const c of a.components) expect(md).toContain(c.name ?? c.id);
    expect(md).not.toMatch(/\[[A-Z][a-z]+ [a-z ]+\]|TODO|TBD|undefined|NaN/);
    for (const body of md.split(/^## .+$/m).slice(1)) expect(body.trim().length).toBeGreaterThan(40);
  });

  it('puts the cost at 1x and 10x, the review and the ADRs in when they exist', () => {
    const a = architectureFixture('realtime-chat');
    const md = renderPlan({
      architecture: a,
      cost: {
        region: 'us-east-1', currency: 'USD', asOf: '2025-07-01', freeTier: true,
        lineItems: [{ component: 'messages', service: 'dynamodb', dimension: 'storage', quantity: 10, unit: 'GB-Mo', unitPrice: 0.25, monthly: 2.5, source: 'bundled-catalog', priceDate: '2025-08-28', freeTierApplied: 0 }],
        totals: { monthly: 2.5, annual: 30, unpricedItems: 0 },
        scenarios: [{ factor: 10, monthly: 20, annual: 240 }],
        drivers: [{ component: 'messages', monthly: 2.5, share: 1 }],
        recommendations: [{ id: 'r1', title: 'Use provisioned capacity', monthlySavings: 1.25, how: 'Auto scaling at 70 %.' }],
        assumptions: ['40 messages per user per day'],
      },
      review: { findings: [], frameworks: [{ framework: 'well-architected', passed: true, findings: 0 }] },
      adrs: ['memory://decisions/infrastructure-0001-message-store.md'],
    });
    expect(md).toContain('$2.50');
    expect(md).toContain('$20.00 at 10x load');
    expect(md).toContain('Use provisioned capacity: about $1.25 per month');
    expect(md).toContain('## Security & Compliance Review');
    expect(md).toContain('memory://decisions/infrastructure-0001-message-store.md');
  });
});
