import { describe, expect, it } from 'vitest';
import { analyzeRequirements, answersToFields, selectServices } from '../../../src/analysis/index.js';
import { isUserError } from '../../../src/shared/errors.js';

const analyze = (description: string, fields?: Record<string, unknown>) => analyzeRequirements({ description, fields }).requirements;

function userError(fn: () => unknown): { field: string; message: string; fix?: string } {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) return e as never;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('derived values carry their assumptions', () => {
  it('derives load from daily users and records how', () => {
    const r = analyze('A REST API for a mobile app with 20,000 daily active users in eu-west-1.');
    expect(r.traffic.avgRps).toBeCloseTo(23.1, 0);
    expect(r.traffic.peakRps).toBeCloseTo(69.4, 0);
    const a = r.assumptions.find((x) => x.field === 'traffic.avgRps')!;
    expect(a.reason).toBe('20,000 DAU x 100 requests a day / 86,400 s.');
    expect(r.sources['traffic.avgRps']).toBe('derived');
    expect(r.sources['traffic.dailyActiveUsers']).toBe('stated');
  });

  it('derives storage growth and steady-state size from messages and retention', () => {
    const r = analyze('A chat backend for 10,000 daily active users; messages under 1 KB; keep history for 60 days.');
    expect(r.data.growthGbPerMonth).toBe(12);
    expect(r.data.storedGb).toBe(24);
    expect(r.assumptions.find((x) => x.field === 'data.storedGb')?.reason).toContain('kept for 60 days');
  });

  it('defaults the region only with an assumption and a question', () => {
    const r = analyze('A REST API for 5,000 users.');
    expect(r.regions.primary).toBe('us-east-1');
    expect(r.sources['regions.primary']).toBe('default');
    expect(r.openQuestions.map((q) => q.id)).toContain('q-region');
  });

  it('maps residency to allowed Regions and picks a Region inside', () => {
    const r = analyze('A REST API; personal data must stay in Germany.');
    expect(r.regions).toMatchObject({ residency: 'EU', primary: 'eu-central-1' });
    expect(r.regions.allowed).not.toContain('eu-west-2');
    expect(r.regions.allowed).toContain('eu-west-1');
  });

  it('never overwrites stated or field values', () => {
    const r = analyze('A REST API with 500 requests/second at peak.', { traffic: { avgRps: 50 } });
    expect(r.traffic).toMatchObject({ peakRps: 500, avgRps: 50 });
    expect(r.sources).toMatchObject({ 'traffic.peakRps': 'stated', 'traffic.avgRps': 'field' });
    expect(r.assumptions.map((a) => a.field)).not.toContain('traffic.avgRps');
  });

  it('is deterministic', () => {
    const text = 'An online store with 300 requests/second, p99 under 200 ms, PostgreSQL, eu-west-1.';
    expect(analyze(text)).toEqual(analyze(text));
  });
});

describe('open questions', () => {
  it('ranks the questions that change the design most first', () => {
    const r = analyze('A backend for our web app.');
    expect(r.openQuestions[0]!.id).toBe('q-load');
    expect(r.openQuestions.map((q) => q.priority)).toEqual(r.openQuestions.map((_, i) => i + 1));
    for (const q of r.openQuestions) expect(q.whyItMatters.length).toBeGreaterThan(20);
  });

  it('asks about health data regimes first when the brief mentions patients', () => {
    const r = analyze('A portal where patients see their lab results; 1,000 daily users in us-east-1.');
    expect(r.openQuestions[0]!.id).toBe('q-compliance');
  });

  it('drops questions the brief answers', () => {
    const ids = analyze('A REST API for 500 daily users in us-east-2, 99.9% availability, RPO 1 hour, RTO 4 hours, budget $300 a month.').openQuestions.map((q) => q.id);
    for (const id of ['q-load', 'q-region', 'q-availability', 'q-rpo-rto', 'q-budget']) expect(ids).not.toContain(id);
  });

  it('asks who receives alarms, near the top, until the brief names someone', () => {
    const chat = analyze('A real-time chat app for 50,000 daily users in us-east-1; users sign in with Google.').openQuestions;
    const q = chat.find((x) => x.id === 'q-alarms')!;
    expect(q.question).toMatch(/^Who should receive alarms\?/);
    expect(q.priority).toBeLessThanOrEqual(3);
    // A static site still gets alarms (CloudFront, the form handler), so it is asked too.
    expect(analyze('A static marketing website with a contact form that emails sales.').openQuestions.map((x) => x.id)).toContain('q-alarms');
    const answered = analyzeRequirements({ description: 'A real-time chat app for 50,000 daily users in us-east-1. Alarms go to oncall@example.com.' }).requirements;
    expect(answered.openQuestions.map((x) => x.id)).not.toContain('q-alarms');
    expect(selectServices(answered).architecture.observability.alarmEmail).toBe('oncall@example.com');
  });

  it('folds elicitation answers into fields', () => {
    const spec = [
      { key: 'rpoMinutes', field: 'availability.rpoMinutes', type: 'number' as const, title: 'RPO', description: '' },
      { key: 'compliance', field: 'compliance', type: 'string' as const, title: 'Regime', description: '', as: 'list' as const },
      { key: 'region', field: 'regions.primary', type: 'string' as const, title: 'Region', description: '' },
    ];
    expect(answersToFields({ rpoMinutes: '30', compliance: 'none', region: '' }, spec, { traffic: { peakRps: 5 } })).toEqual({ traffic: { peakRps: 5 }, availability: { rpoMinutes: 30 }, compliance: [] });
  });
});

describe('conflicts come back explained, with options', () => {
  it('residency against the primary Region', () => {
    const r = analyze('Data must stay in the EU. We run in eu-west-2.');
    const c = r.conflicts.find((x) => x.id === 'c-residency-primary')!;
    expect(c.description).toContain('Europe (London)');
    expect(c.options[0]).toContain('eu-west-1');
  });

  it('a tight budget against four nines', () => {
    expect(analyze('A REST API with 99.99% availability on a tight budget.').conflicts.map((c) => c.id)).toContain('c-budget-availability');
  });

  it('Lambda requested for jobs longer than 15 minutes', () => {
    const r = analyze('Nightly data pipeline; the jobs take 45 minutes; we must use Lambda.', { preferences: { preferredServices: ['lambda'] } });
    expect(r.conflicts.find((c) => c.id === 'c-lambda-duration')?.options.join(' ')).toContain('Fargate');
  });

  it('FedRAMP notes GovCloud and keeps data in the US', () => {
    const r = analyze('A case management API for a federal agency that must meet FedRAMP Moderate.');
    expect(r.regions.residency).toBe('US');
    expect(r.conflicts.map((c) => c.id)).toContain('c-fedramp-govcloud');
  });
});

describe('bad input', () => {
  it('refuses empty and meaningless descriptions', () => {
    expect(userError(() => analyze(''))).toMatchObject({ field: 'description', message: 'the description is empty' });
    expect(userError(() => analyze('lorem ipsum dolor')).message).toContain('does not say what system to design');
  });

  it('accepts fields alone when they name the workload', () => {
    const r = analyze('', { name: 'orders', workload: { patterns: ['rest-api'] }, regions: { primary: 'ca-central-1' } });
    expect(r).toMatchObject({ name: 'orders', regions: { primary: 'ca-central-1' } });
  });

  it('names the field of a bad structured value', () => {
    expect(userError(() => analyze('A REST API.', { availability: { targetPercent: 120 } }))).toMatchObject({ field: 'fields.availability.targetPercent' });
    expect(userError(() => analyze('A REST API.', { regions: { allowed: ['eu-west-1', 'xx-1'] } }))).toMatchObject({ field: 'fields.regions.allowed[1]' });
  });
});
