import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRADE_OFF_RULES } from '../../src/analysis/index.js';
import { connect, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';

/**
 * The acceptance test for "we do not contradict ourselves": a user asks for a design (analyze_requirements, then
 * select_services) and then asks us to review it (review_architecture with its defaults: Well-Architected, the
 * anti-patterns, the declared HIPAA / PCI DSS rules, and the cdk-nag packs over the CloudFormation we generate).
 * Every scenario brief must pass with no unacknowledged high or critical finding, and every acknowledgement must be
 * a deliberate, explained trade-off: a rule selection knows, matching a real finding, named in a decision rationale.
 */

interface Finding {
  rule: string;
  framework: string;
  severity: string;
  component?: string;
  resource?: string;
  evidence: string;
  fix: string;
  acknowledged?: { reason: string };
}
interface Review {
  passed: boolean;
  frameworks: Array<{ framework: string; status: string; failing: number }>;
  findings: Finding[];
  totalFindings: number;
  coverage: { templatePacks: string; reason?: string };
}
interface Design {
  compliance: string[];
  observability: { alarmEmail?: string };
  acknowledgements: Array<{ rule: string; reason: string; component?: string }>;
  components: Array<{ id: string; acknowledgements: Array<{ rule: string; reason: string }> }>;
  decisions: Array<{ id: string; components: string[]; rationale: string }>;
}

const dir = join(FIXTURES_DIR, 'scenarios');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();
const KNOWN_RULES = new Set<string>(Object.values(TRADE_OFF_RULES));
const where = (f: Finding) => `[${f.severity}] ${f.rule} ${f.component ?? f.resource ?? 'design'}: ${f.evidence}`;

let c: Connected;
beforeAll(async () => {
  c = await connect();
});
afterAll(async () => c.close());

describe('designs chosen by select_services pass our own review', () => {
  it('covers every scenario brief', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it.each(names)('%s', async (name) => {
    const analyzed = await c.ok<{ requirements: Record<string, unknown>; openQuestions: Array<{ id: string; priority: number }> }>('analyze_requirements', { description: readFileSync(join(dir, `${name}.md`), 'utf8') });
    const selected = await c.ok<{ architecture: Design }>('select_services', { requirements: analyzed.requirements, useMemory: false });
    const a = selected.architecture;
    const review = await c.ok<Review>('review_architecture', { architecture: a, maxFindings: 500 });

    // The review a user gets by default is the one the brief describes, and every part of it ran.
    const declared = ['hipaa', 'pci-dss'].filter((f) => a.compliance.includes(f));
    expect(review.frameworks.map((f) => f.framework).sort()).toEqual(['anti-patterns', 'aws-solutions', 'well-architected', ...declared].sort());
    expect(review.coverage.templatePacks, review.coverage.reason).toBe('run');
    expect(review.findings.length).toBe(review.totalFindings);

    const failing = review.findings.filter((f) => !f.acknowledged && (f.severity === 'high' || f.severity === 'critical'));
    expect(failing.map(where)).toEqual([]);
    expect(review.frameworks.filter((f) => f.status !== 'pass').map((f) => `${f.framework} ${f.status}`)).toEqual([]);
    expect(review.passed).toBe(true);

    // Each acknowledgement is a trade-off selection makes on purpose: a rule it knows, covering a finding the review
    // really raises (none is stale), explained in the rationale of the decision that made it.
    const acks = [...a.acknowledgements, ...a.components.flatMap((k) => k.acknowledgements.map((x) => ({ ...x, component: k.id })))];
    for (const ack of acks) {
      const label = `${ack.rule}${ack.component ? ` on ${ack.component}` : ''}`;
      expect(KNOWN_RULES.has(ack.rule), `${label} is not in TRADE_OFF_RULES`).toBe(true);
      expect(ack.reason.length, label).toBeGreaterThan(40);
      const covered = review.findings.filter((f) => f.rule === ack.rule && f.acknowledged && (!ack.component || f.component === ack.component));
      expect(covered.length, `${label} acknowledges no finding`).toBeGreaterThan(0);
      const explained = a.decisions.filter((d) => (!ack.component || d.components.includes(ack.component)) && d.rationale.includes(ack.rule));
      expect(explained.map((d) => d.id), `no decision rationale explains ${label}`).not.toEqual([]);
    }

    // Nobody named an alarm recipient: analysis asks for one, and the review says what to do without failing the design.
    if (!a.observability.alarmEmail) {
      expect(analyzed.openQuestions.map((q) => q.id)).toContain('q-alarms');
      const mon = review.findings.filter((f) => f.rule === 'AP-MON-1');
      expect(mon.map((f) => ({ severity: f.severity, fix: f.fix }))).toEqual([{ severity: 'medium', fix: 'Set observability.alarmEmail (or subscribe the alarm topic).' }]);
    }
  });
});
