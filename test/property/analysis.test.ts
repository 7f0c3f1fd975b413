import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRequirements, selectServices } from '../../src/analysis/index.js';
import type { PriorDecision } from '../../src/analysis/index.js';
import { catalogIds } from '../../src/catalog/index.js';
import { COMPLIANCE_FRAMEWORKS, LAYERS, parseArchitecture, REGION_CODES, Requirements, WORKLOAD_PATTERNS } from '../../src/model/index.js';
import { isUserError } from '../../src/shared/errors.js';

const FEATURES = [
  'media-uploads', 'document-uploads', 'document-downloads', 'message-history', 'presence', 'sessions', 'notifications', 'push-notifications',
  'email', 'contact-form', 'scheduled-jobs', 'oncall-alerts', 'anomaly-alerts', 'retries', 'payments-via-provider', 'third-party-apis',
  'custom-domain', 'web-frontend', 'dashboards', 'ordering', 'audit-logging', 'gpu', 'partner-api-keys', 'file-validation', 'workflow',
  'machine-auth', 'iam-auth', 'full-text-search', 'engine:postgresql', 'engine:mysql', 'engine:mongodb', 'hot-window-hours:24',
  'backup-retention-days:35', 'domain:shop.example.com', 'alerts-to:ops@example.com',
];
const IDS = catalogIds();
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const num = (max: number) => opt(fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }));

/** Any Requirements the schema accepts (within realistic ranges), including odd combinations. */
const requirementsArb = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9 _-]{1,60}$/),
  summary: fc.string({ maxLength: 200 }),
  workload: fc.record({
    patterns: fc.uniqueArray(fc.constantFrom(...WORKLOAD_PATTERNS), { maxLength: 6 }),
    longestJobMinutes: num(2000),
    clients: fc.uniqueArray(fc.constantFrom('web', 'mobile', 'iot', 'partner', 'internal'), { maxLength: 4 }),
    features: fc.uniqueArray(fc.constantFrom(...FEATURES), { maxLength: 8 }),
  }),
  traffic: fc.record({
    users: num(1e8),
    dailyActiveUsers: num(1e7),
    monthlyActiveUsers: num(1e8),
    peakConcurrent: num(1e6),
    avgRps: num(1e5),
    peakRps: num(2e5),
    peakMessagesPerSecond: num(5e5),
    payloadKb: num(20_000),
    readWriteRatio: opt(fc.double({ min: 0.01, max: 100, noNaN: true })),
    growthFactor: opt(fc.double({ min: 1, max: 100, noNaN: true })),
  }),
  data: fc.record({
    storedGb: num(1e7),
    growthGbPerMonth: num(1e6),
    retentionDays: opt(fc.integer({ min: 0, max: 3650 })),
    objectStorage: opt(fc.boolean()),
    accessPatterns: fc.uniqueArray(fc.constantFrom('key-value', 'relational', 'document', 'time-series', 'search', 'analytics', 'graph', 'cache', 'blob'), { maxLength: 4 }),
    classification: fc.constantFrom('public', 'internal', 'confidential', 'pii', 'phi', 'pci'),
  }),
  latency: fc.record({ p99Ms: opt(fc.double({ min: 1, max: 10_000, noNaN: true })) }),
  availability: fc.record({ targetPercent: opt(fc.double({ min: 90, max: 100, noNaN: true })), rpoMinutes: num(10_000), rtoMinutes: num(10_000) }),
  compliance: fc.uniqueArray(fc.constantFrom(...COMPLIANCE_FRAMEWORKS), { maxLength: 3 }),
  regions: fc.record({
    primary: opt(fc.constantFrom(...REGION_CODES)),
    secondary: opt(fc.constantFrom(...REGION_CODES)),
    residency: opt(fc.constantFrom('EU', 'US', 'UK', 'CA', 'IL', 'BR', 'JP', 'XX')),
  }),
  budget: fc.record({ monthlyUsd: num(1e6), sensitivity: fc.constantFrom('tight', 'normal', 'flexible') }),
  identity: fc.record({ endUserAuth: fc.boolean(), providers: fc.uniqueArray(fc.constantFrom('email', 'google', 'apple', 'facebook', 'amazon', 'saml', 'oidc'), { maxLength: 3 }) }),
  preferences: fc.record({
    compute: fc.constantFrom('serverless', 'containers', 'vms', 'kubernetes', 'any'),
    languages: fc.uniqueArray(fc.constantFrom('typescript', 'python', 'java', 'go', 'csharp', 'ruby', 'rust', 'cobol'), { maxLength: 3 }),
    opsMaturity: fc.constantFrom('low', 'medium', 'high'),
    preferredServices: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
    avoidServices: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
  }),
});

const priorArb: fc.Arbitrary<PriorDecision[]> = fc.array(
  fc.record({
    uri: fc.constantFrom('memory://decisions/infrastructure-0001-a.md', 'memory://decisions/infrastructure-0002-b.md'),
    title: fc.string({ minLength: 1, maxLength: 30 }),
    chosen: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
    rejected: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 4 }),
    layer: opt(fc.constantFrom(...LAYERS)),
  }),
  { maxLength: 3 },
);

describe('selection laws', () => {
  it('any valid Requirements yields a valid Architecture with no warnings, without throwing', () => {
    fc.assert(
      fc.property(requirementsArb, priorArb, (input, prior) => {
        const req = Requirements.parse(input);
        const out = selectServices(req, { priorDecisions: prior });
        const parsed = parseArchitecture(out.architecture);
        expect(parsed.ok).toBe(true);
        expect(parsed.issues).toEqual([]);
        const ids = new Set(out.architecture.components.map((c) => c.id));
        for (const d of out.decisions) {
          for (const c of d.components) expect(ids.has(c)).toBe(true);
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
        }
        expect(out.architecture.resilience.multiAz).toBe(out.architecture.resilience.availabilityTarget >= 99.9);
      }),
      { numRuns: 300 },
    );
  });

  it('selection is a pure function of its inputs', () => {
    fc.assert(
      fc.property(requirementsArb, (input) => {
        const req = Requirements.parse(input);
        expect(selectServices(req)).toEqual(selectServices(req));
      }),
      { numRuns: 50 },
    );
  });

  it('HIPAA designs place no component that is not HIPAA eligible', async () => {
    const { complianceStatus, getService } = await import('../../src/catalog/index.js');
    fc.assert(
      fc.property(requirementsArb, (input) => {
        const req = Requirements.parse({ ...input, compliance: ['hipaa'] });
        for (const c of selectServices(req).architecture.components) expect(complianceStatus(getService(c.service)!).hipaa.status).toBe('eligible');
      }),
      { numRuns: 100 },
    );
  });
});

const WORDS = [
  'chat', 'store', 'sensors', 'api', 'hipaa', 'pci', 'nightly', 'etl', 'graphql', 'tenants', 'search', 'websocket', 'users', 'daily',
  'requests/second', 'per', 'second', 'minutes', 'hours', 'days', 'KB', 'MB', 'TB', '99.9%', 'RPO', 'RTO', 'us-east-1', 'eu-west-1',
  'EU', 'only', 'data', 'must', 'stay', 'in', 'the', 'serverless', 'containers', 'Kubernetes', 'Stripe', 'never', 'store', 'card',
  'numbers', 'upload', 'photos', 'SFTP', 'warehouse', 'jobs', 'take', 'Lambda', 'not', 'GPU', 'inference', 'budget', 'tight', '$',
  'month', 'peak', 'at', 'every', 'last', 'keep', 'for', 'sign', 'with', 'Google', 'SAML', 'FedRAMP', 'SOC 2', 'GDPR', '.', ',',
];

describe('analysis laws', () => {
  it('any text is either refused with a UserError naming the description, or analysed into requirements that select into a valid design', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 2_000_000 }).map(String)), { maxLength: 40 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        let requirements;
        try {
          requirements = analyzeRequirements({ description: text }).requirements;
        } catch (e) {
          expect(isUserError(e)).toBe(true);
          expect((e as { field: string }).field).toBe('description');
          return;
        }
        expect(Requirements.safeParse(requirements).success).toBe(true);
        const out = selectServices(requirements);
        expect(parseArchitecture(out.architecture).issues).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
