import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/analysis/extract.js';
import { isUserError } from '../../../src/shared/errors.js';

const d = (text: string) => extract(text).draft;
const f = (text: string) => extract(text).facts;

describe('numbers with units', () => {
  it.each([
    ['Normal traffic 300 requests/second, Black Friday peaks at 5,000 requests/second.', { avgRps: 300, peakRps: 5000 }],
    ['About 2,000 requests per second at peak.', { peakRps: 2000 }],
    ['The API gets 1,200 requests per minute.', { avgRps: 20 }],
    ['Around 50k daily active users and 8,000 concurrent connections.', { dailyActiveUsers: 50000, peakConcurrent: 8000 }],
    ['1.2 million registered users, 300k monthly active users.', { users: 1_200_000, monthlyActiveUsers: 300_000 }],
    ['Messages are small (under 2 KB); uploads up to 5 MB per request.', { payloadKb: 5000 }],
    ['We ingest 12,000 events per second from the apps.', { peakMessagesPerSecond: 12000 }],
    ['Expect 10x growth within two years.', { growthFactor: 10 }],
    ['Traffic is read-heavy: 80% reads.', { readWriteRatio: 4 }],
  ])('%s', (text, traffic) => {
    expect(d(text).traffic).toMatchObject(traffic);
  });

  it('reads latency, availability and recovery objectives', () => {
    expect(d('p99 latency under 200 ms and median latency 40 ms.').latency).toEqual({ p99Ms: 200, p50Ms: 40 });
    expect(d('Availability target 99.95%.').availability.targetPercent).toBe(99.95);
    expect(d('We need four nines.').availability.targetPercent).toBe(99.99);
    expect(d('RPO of 5 minutes and an RTO of 2 hours.').availability).toMatchObject({ rpoMinutes: 5, rtoMinutes: 120 });
    expect(d('RPO 15 minutes / RTO 1 hour.').availability).toMatchObject({ rpoMinutes: 15, rtoMinutes: 60 });
  });

  it('reads retention, job length, hot windows, ingest volume and budgets', () => {
    expect(d('We keep history for 90 days.').data.retentionDays).toBe(90);
    expect(d('Two years of history kept for analytics.').data.retentionDays).toBe(730);
    expect(d('Some transformation jobs take 40 to 90 minutes.').workload.longestJobMinutes).toBe(90);
    expect(f('We need the last 24 hours queryable.').hotWindowHours).toBe(24);
    expect(f('Every night we receive about 2 TB of CSV files.').dailyIngestGb).toBe(2000);
    expect(f('Backups with 35-day retention.').backupRetentionDays).toBe(35);
    expect(d('The budget is $500 per month.').budget.monthlyUsd).toBe(500);
  });

  it('derives device message rates from fleet size and interval', () => {
    const x = extract('120,000 industrial sensors each send a 1 KB reading every 10 seconds.');
    expect(x.facts).toMatchObject({ devices: 120000, deviceIntervalSeconds: 10 });
    expect(x.draft.traffic.payloadKb).toBe(1);
  });
});

describe('patterns, compliance and preferences', () => {
  it('recognises workload patterns and features', () => {
    expect(d('A backend for a real-time chat app where users upload photos.').workload).toMatchObject({ patterns: expect.arrayContaining(['realtime']), features: expect.arrayContaining(['media-uploads']) });
    expect(d('A GraphQL API for our SaaS; each tenant is isolated.').workload.patterns).toEqual(['graphql-api', 'saas-multitenant']);
    expect(d('Nightly ETL loads partner CSV files into a warehouse for BI dashboards.').workload.patterns).toEqual(expect.arrayContaining(['batch-etl', 'data-warehouse']));
    expect(d('We run a settlement job every night.').workload.patterns).not.toContain('batch-etl');
  });

  it('reads compliance regimes and ignores negated ones', () => {
    expect(d('It must be HIPAA compliant and SOC 2 Type II.').compliance).toEqual(['hipaa', 'soc2']);
    expect(d('We do not store PHI, so HIPAA does not apply. We need GDPR.').compliance).toEqual(['gdpr']);
  });

  it('keeps card data out of PCI scope when a provider takes it', () => {
    const x = extract('Card payments go through Stripe, so we never store card numbers.');
    expect(x.draft.compliance).toEqual([]);
    expect(x.facts.cardOutOfScope).toBe(true);
    expect(x.draft.workload.features).toContain('payments-via-provider');
    expect(extract('We store card numbers in a vault; PCI DSS applies.').draft.compliance).toEqual(['pci-dss']);
  });

  it('reads regions, DR regions and residency', () => {
    expect(d('us-east-1 with disaster recovery in us-west-2.').regions).toMatchObject({ primary: 'us-east-1', secondary: 'us-west-2' });
    expect(d('Hosted in the Frankfurt region.').regions.primary).toBe('eu-central-1');
    expect(d('Data must stay in the EU.').regions.residency).toBe('EU');
    const europe = extract('Data must remain in Europe.');
    expect(europe.draft.regions.residency).toBe('EU');
    expect(europe.facts.residencyAmbiguous).toBe(true);
  });

  it('refuses unknown and GovCloud regions with suggestions', () => {
    for (const [text, hint] of [
      ['Run it in eu-west-9.', "did you mean 'eu-west-1'"],
      ['Deploy to us-gov-west-1.', 'GovCloud'],
    ]) {
      try {
        extract(text!);
        expect.unreachable(text);
      } catch (e) {
        expect(isUserError(e)).toBe(true);
        expect(`${(e as Error).message} ${(e as { fix?: string }).fix}`).toContain(hint);
      }
    }
  });

  it('reads team preferences, languages, identity providers and named services', () => {
    const x = d('A team of 4 TypeScript developers who would rather not manage servers. Users sign in with Google or Apple. We want to use Aurora but no Kubernetes.');
    expect(x.preferences).toMatchObject({ compute: 'serverless', languages: ['typescript'], teamSize: 4, opsMaturity: 'low', preferredServices: ['aurora'], avoidServices: ['eks'] });
    expect(x.identity).toMatchObject({ endUserAuth: true, providers: ['google', 'apple'] });
    expect(d('The team knows containers and PostgreSQL.').preferences.compute).toBe('containers');
    expect(d('Merchants authenticate with AWS IAM (SigV4).').identity.endUserAuth).toBeUndefined();
  });

  it('counts no signals in noise', () => {
    expect(f('asdf qwerty zxcv').signals).toBe(0);
    expect(f('I need a backend').signals).toBeGreaterThan(0);
  });
});
