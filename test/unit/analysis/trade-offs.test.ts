import { describe, expect, it } from 'vitest';
import { analyzeRequirements, selectServices, TRADE_OFF_RULES } from '../../../src/analysis/index.js';
import { acceptTradeOff } from '../../../src/analysis/select/trade-offs.js';
import type { DesignAcknowledgement } from '../../../src/analysis/select/trade-offs.js';
import type { Architecture, Decision } from '../../../src/model/index.js';
import { MODEL_RULES_BY_ID, reviewModel } from '../../../src/review/index.js';

const design = (description: string) => selectServices(analyzeRequirements({ description }).requirements).architecture;
const failing = (a: Architecture) =>
  reviewModel(a, { frameworks: ['well-architected', 'anti-patterns', ...a.compliance.filter((c) => c === 'hipaa' || c === 'pci-dss')] }).findings.filter(
    (f) => !f.acknowledged && (f.severity === 'high' || f.severity === 'critical'),
  );
const withoutAcks = (a: Architecture): Architecture => ({ ...a, acknowledgements: [], components: a.components.map((c) => ({ ...c, acknowledgements: [] })) });

const CHAT = 'A real-time chat app for 50,000 daily users in us-east-1; users sign in with Google and share photos and videos; we keep history for 90 days';
const SITE = 'A static marketing website with a contact form that emails sales.';
const TOOL = 'An internal admin tool for 60 employees with PostgreSQL.';

describe('the review rules selection acknowledges', () => {
  it('are rules the reviewer has, under the same ids, with the meaning each key names', () => {
    const titles: Record<keyof typeof TRADE_OFF_RULES, RegExp> = {
      noWebAcl: /without a WAF/,
      publicApi: /without authentication/,
      singleInstanceStore: /Single-instance data store/,
      singleAz: /one Availability Zone/,
      noAlerting: /No one is alerted/,
    };
    for (const [key, id] of Object.entries(TRADE_OFF_RULES) as Array<[keyof typeof TRADE_OFF_RULES, string]>) {
      const rule = MODEL_RULES_BY_ID.get(id);
      expect(rule, `${key}: no review rule ${id}`).toBeDefined();
      expect(rule!.title, `${key} -> ${id}`).toMatch(titles[key]);
    }
  });

  // Each acknowledgement must carry weight: take it away and the same design fails the review on exactly that rule.
  it.each([
    ['a media CDN on a tight budget', `${CHAT}. Budget is tight.`, [`${TRADE_OFF_RULES.noWebAcl}:media-cdn`]],
    ['a public contact form', SITE, [`${TRADE_OFF_RULES.publicApi}:form-api`]],
    ['a single-AZ internal tool', TOOL, [`${TRADE_OFF_RULES.singleAz}:`, `${TRADE_OFF_RULES.singleInstanceStore}:db`]],
    ['a static site outside us-east-1, with nothing to alarm on', 'A static marketing website for our brand, hosted in eu-central-1.', [`${TRADE_OFF_RULES.noAlerting}:`]],
  ])('%s: acknowledged, and failing without the acknowledgement', (_label, brief, expected) => {
    const a = design(brief);
    expect(a.acknowledgements.map((x) => `${x.rule}:${x.component ?? ''}`)).toEqual(expect.arrayContaining(expected));
    expect(failing(a)).toEqual([]);
    expect(failing(withoutAcks(a)).map((f) => `${f.rule}:${f.component ?? ''}`)).toEqual(expect.arrayContaining(expected));
  });

  it('accepts a silent static site only where nothing can alarm', () => {
    const rules = (a: Architecture) => a.acknowledgements.map((x) => x.rule);
    // In us-east-1 the distribution has a 5xx alarm: only the recipient is missing, which the review reports as medium.
    const east = design('A static marketing website for our brand, hosted in us-east-1.');
    expect(rules(east)).not.toContain(TRADE_OFF_RULES.noAlerting);
    expect(reviewModel(east).findings.find((f) => f.rule === 'AP-MON-1')?.severity).toBe('medium');
    // A contact form brings a function and an API with alarms of their own.
    expect(rules(design('A static marketing website in eu-central-1 with a contact form that emails sales.'))).not.toContain(TRADE_OFF_RULES.noAlerting);
    // Someone named for alarms: nothing to accept.
    expect(rules(design('A static marketing website in eu-central-1; alarms go to web@example.com.'))).not.toContain(TRADE_OFF_RULES.noAlerting);
    const frankfurt = design('A static marketing website for our brand, hosted in eu-central-1.');
    expect(frankfurt.decisions.find((d) => d.components.includes('cdn'))!.rationale).toMatch(/No CloudWatch alarms: .*eu-central-1.*\(acknowledged review findings? .*AP-MON-1.*\)/);
  });

  it('only uses the ids of the constant', () => {
    const ids = new Set<string>(Object.values(TRADE_OFF_RULES));
    for (const brief of [`${CHAT}. Budget is tight.`, SITE, TOOL, 'A clickstream pipeline for 2,000 events per second from our web pages with live dashboards.']) {
      for (const ack of design(brief).acknowledgements) expect(ids.has(ack.rule), ack.rule).toBe(true);
    }
  });
});

describe('acceptTradeOff', () => {
  const decision = (): Decision => ({ id: 'd-edge-media-cdn', layer: 'edge', need: 'media delivery', chosen: 'cloudfront', components: ['media-cdn'], score: 88, rationale: 'Amazon CloudFront: caches media.', alternatives: [], basedOn: [] });

  it('records the acknowledgement and names the rule in the decision that made the trade-off', () => {
    const acks: DesignAcknowledgement[] = [];
    const d = decision();
    acceptTradeOff(acks, d, 'No AWS WAF on media-cdn: it only serves stored files.', [{ rule: 'WA-SEC-1', component: 'media-cdn', reason: 'Serves only stored files from a private bucket.' }]);
    expect(acks).toEqual([{ rule: 'WA-SEC-1', component: 'media-cdn', reason: 'Serves only stored files from a private bucket.' }]);
    expect(d.rationale).toBe('Amazon CloudFront: caches media. No AWS WAF on media-cdn: it only serves stored files (acknowledged review finding WA-SEC-1).');
  });

  it('names every rule once, and never records the same acknowledgement twice', () => {
    const acks: DesignAcknowledgement[] = [];
    const d = decision();
    const reason = 'The availability target is 99.5 %, below 99.9 %.';
    acceptTradeOff(acks, d, 'Single-AZ.', [{ rule: 'AP-SPOF-3', reason }, { rule: 'AP-SPOF-1', component: 'db', reason }, { rule: 'AP-SPOF-1', component: 'cache', reason }]);
    acceptTradeOff(acks, undefined, 'Again.', [{ rule: 'AP-SPOF-3', reason }]);
    expect(acks.map((a) => `${a.rule}:${a.component ?? ''}`)).toEqual(['AP-SPOF-3:', 'AP-SPOF-1:db', 'AP-SPOF-1:cache']);
    expect(d.rationale).toMatch(/Single-AZ \(acknowledged review findings AP-SPOF-3 and AP-SPOF-1\)\.$/);
  });
});
