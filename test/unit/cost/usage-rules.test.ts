// The structural rules of usage derivation, one small design each, with the expected figure worked out by hand
// from the rule's number (src/cost/usage/rules.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveUsage, DAYS_PER_MONTH, MINUTES_PER_MONTH, SECONDS_PER_MONTH } from '../../../src/cost/usage.js';
import { firstYearAverageGb } from '../../../src/cost/usage/time.js';
import { Requirements, type Architecture, type ArchitectureInput, type RequirementsInput } from '../../../src/model/index.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';
import { design } from './helpers.js';

const GB = 1024 * 1024;
const req = (r: Partial<RequirementsInput>) => Requirements.parse({ name: 'x', summary: 'y', ...r });
const derive = (input: Partial<ArchitectureInput> & Pick<ArchitectureInput, 'components'>, r?: Partial<RequirementsInput>) => {
  const d = deriveUsage(design(input), r ? { requirements: req(r) } : {});
  return { u: d.profile.components, profile: d.profile, assumptions: d.assumptions, line: (prefix: string) => d.assumptions.find((a) => a.startsWith(prefix)) };
};

describe('stream and queue consumers run per batch', () => {
  const streamDesign = (config: Record<string, unknown> = {}) => ({
    components: [{ id: 'stream', service: 'kinesis-streams' as const, config }, { id: 'fn', service: 'lambda' as const }],
    connections: [{ from: 'stream', to: 'fn', kind: 'trigger' as const }],
  });

  it('Kinesis at 12,000 records/s: batches of 100, each a little longer than a single event', () => {
    const { u, line } = derive(streamDesign(), { traffic: { peakMessagesPerSecond: 12_000, payloadKb: 1 }, workload: { patterns: ['iot-ingest'] } });
    // Device telemetry is steady: 12,000/s x 2,628,000 s = 31,536,000,000 records; on-demand keeps 2 x 12 MB/s = 24 shards.
    expect(u.stream!.messagesPerMonth).toBe(31_536_000_000);
    expect(u.fn!.requestsPerMonth).toBeCloseTo(315_360_000, 3);
    // 100 ms + 2 ms x 99 further records.
    expect(u.fn!.avgDurationMs).toBeCloseTo(298, 9);
    expect(line('fn.requestsPerMonth = ')).toMatch(/Kinesis batches of 100 .*24 shards/);
  });

  it('Kinesis at 1 record/s: the floor of one record per batch (four on-demand shards polled once a second)', () => {
    const { u } = derive(streamDesign(), { traffic: { peakMessagesPerSecond: 3 } });
    expect(u.stream!.messagesPerMonth).toBe(SECONDS_PER_MONTH);
    expect(u.fn!.requestsPerMonth).toBe(SECONDS_PER_MONTH);
    expect(u.fn!.avgDurationMs).toBe(100);
  });

  it('a provisioned stream: the batch is what one shard receives in a second', () => {
    const { u } = derive(streamDesign({ mode: 'PROVISIONED', shards: 2 }), { traffic: { peakMessagesPerSecond: 450 } });
    // 150 records/s over 2 shards = 75 per batch.
    expect(u.fn!.requestsPerMonth).toBeCloseTo((150 * SECONDS_PER_MONTH) / 75, 3);
  });

  it.each([
    [3, 1],
    [60, 4],
    [300, 10],
    [3000, 10],
  ])('SQS at a %s/s peak (a third on average): batches of %s', (peak, batch) => {
    const { u } = derive(
      { components: [{ id: 'q', service: 'sqs' }, { id: 'fn', service: 'lambda' }], connections: [{ from: 'q', to: 'fn', kind: 'trigger' }] },
      { traffic: { peakMessagesPerSecond: peak } },
    );
    const messages = (peak / 3) * SECONDS_PER_MONTH;
    expect(u.q!.messagesPerMonth).toBeCloseTo(messages, 3);
    expect(u.fn!.requestsPerMonth).toBeCloseTo(messages / batch, 3);
  });

  it('a DynamoDB stream carries item changes, read four times a second per shard', () => {
    const { u } = derive(
      {
        components: [{ id: 'api', service: 'apigateway-http' }, { id: 'writer', service: 'lambda' }, { id: 't', service: 'dynamodb', config: { stream: 'NEW_IMAGE', ttlAttribute: 'expiresAt' } }, { id: 'reactor', service: 'lambda' }],
        connections: [{ from: 'api', to: 'writer', kind: 'invoke' }, { from: 'writer', to: 't', kind: 'write' }, { from: 't', to: 'reactor', kind: 'trigger' }],
      },
      { traffic: { avgRps: 100, payloadKb: 1 }, workload: { features: ['hot-window-hours:24'] } },
    );
    // Each request writes one 1 KB item: 262,800,000 writes. The day the table keeps is ~9 GB and 300 WCU at the
    // peak: one partition, so one shard polled 4 times a second: batches of 100 / 4 = 25.
    expect(u.t!.writesPerMonth).toBe(262_800_000);
    expect(u.t!.storageGb!).toBeLessThan(10);
    expect(u.reactor!.requestsPerMonth).toBeCloseTo(262_800_000 / 25, 3);
  });

  it('a large table has more stream shards, so the same changes arrive in smaller batches', () => {
    const { u } = derive(
      {
        components: [{ id: 'api', service: 'apigateway-http' }, { id: 'writer', service: 'lambda' }, { id: 't', service: 'dynamodb', config: { stream: 'NEW_IMAGE' } }, { id: 'reactor', service: 'lambda' }],
        connections: [{ from: 'api', to: 'writer', kind: 'invoke' }, { from: 'writer', to: 't', kind: 'write' }, { from: 't', to: 'reactor', kind: 'trigger' }],
      },
      { traffic: { avgRps: 100, payloadKb: 1 } },
    );
    // Without TTL the table averages 6 months of inserts: 262,800,000 x 1.1 KB x 6 = 1,654 GB, 166 partitions of
    // 10 GB; 100 changes/s over 166 shards polled 4 times a second is less than one a poll: one per invocation.
    const shards = Math.ceil(u.t!.storageGb! / 10);
    expect(shards).toBe(166);
    expect(u.reactor!.requestsPerMonth).toBe(262_800_000);
  });

  it('stated figures win and flow on: a stream with stated records feeds its consumer per batch without requirements', () => {
    const { u } = derive({ ...streamDesign(), usage: { components: { stream: { messagesPerMonth: 2_628_000_000 } } } });
    // 1,000 records/s of 2 KB (the default payload), 3,000/s at the peak: on-demand keeps twice the peak's 5.9 MB/s,
    // 12 shards; 1,000 / 12 = 83.3 records per poll.
    expect(u.stream!.messagesPerMonth).toBe(2_628_000_000);
    expect(u.fn!.requestsPerMonth).toBeCloseTo(2_628_000_000 / (1000 / 12), 3);
  });

  it('a function with stated invocations keeps them', () => {
    const { u } = derive({ ...streamDesign(), usage: { components: { fn: { requestsPerMonth: 42 } } } }, { traffic: { peakMessagesPerSecond: 12_000 } });
    expect(u.fn!.requestsPerMonth).toBe(42);
  });
});

describe('authorizers and handlers', () => {
  it('a WebSocket $connect authorizer runs once per connection; the handler per message plus connect and disconnect', () => {
    const { u } = derive(
      {
        components: [{ id: 'ws', service: 'apigateway-websocket' }, { id: 'ws-authorizer', service: 'lambda' }, { id: 'handler', service: 'lambda' }],
        connections: [{ from: 'ws', to: 'ws-authorizer', kind: 'invoke' }, { from: 'ws', to: 'handler', kind: 'invoke' }, { from: 'handler', to: 'ws', kind: 'invoke' }],
      },
      { traffic: { peakConcurrent: 8000, peakMessagesPerSecond: 60 } },
    );
    const minutes = 8000 * 0.25 * MINUTES_PER_MONTH;
    const connections = minutes / 30;
    const inbound = 20 * SECONDS_PER_MONTH;
    expect(u.ws!.connectionMinutesPerMonth).toBe(minutes);
    expect(u['ws-authorizer']!.requestsPerMonth).toBeCloseTo(connections, 6);
    expect(u.handler!.requestsPerMonth).toBeCloseTo(inbound + 2 * connections, 3);
    // The handler pushes each message back to 2 connections: received plus sent.
    expect(u.ws!.messagesPerMonth).toBeCloseTo(inbound * 3, 3);
  });

  it('a REST Lambda authorizer runs on token-cache misses; the API splits requests over its handlers', () => {
    const { u } = derive(
      {
        components: [{ id: 'api', service: 'apigateway-rest', config: { authorizer: 'lambda' } }, { id: 'partner-authorizer', service: 'lambda' }, { id: 'a', service: 'lambda' }, { id: 'b', service: 'lambda' }],
        connections: [{ from: 'api', to: 'partner-authorizer', kind: 'invoke', scope: 'authorizer' }, { from: 'api', to: 'a', kind: 'invoke' }, { from: 'api', to: 'b', kind: 'invoke' }],
      },
      { traffic: { avgRps: 10 } },
    );
    expect(u['partner-authorizer']!.requestsPerMonth).toBeCloseTo(2_628_000, 6);
    expect(u.a!.requestsPerMonth).toBe(13_140_000);
    expect(u.b!.requestsPerMonth).toBe(13_140_000);
  });
});

describe('stored data', () => {
  it('first-year averages: growth kept for good averages six months; a short window holds about the window', () => {
    expect(firstYearAverageGb(10)).toBe(60);
    expect(firstYearAverageGb(10, 730)).toBe(60);
    // One month kept: it fills in a month, then stays: 12 x (1 - 1/24) = 11.5.
    expect(firstYearAverageGb(12, DAYS_PER_MONTH)).toBeCloseTo(11.5, 9);
  });

  const ttlTable = (config: Record<string, unknown>) => ({
    components: [{ id: 'api', service: 'apigateway-http' as const }, { id: 'fn', service: 'lambda' as const }, { id: 't', service: 'dynamodb' as const, config }],
    connections: [{ from: 'api', to: 'fn', kind: 'invoke' as const }, { from: 'fn', to: 't', kind: 'write' as const }],
  });

  it.each([
    ['the hot window', { workload: { features: ['hot-window-hours:24'] } }, 1],
    ['the retention', { data: { retentionDays: 90 } }, 90],
    ['30 days when nothing says', {}, 30],
  ])('a TTL table keeps only its window: %s', (_label, extra, days) => {
    const { u } = derive(ttlTable({ ttlAttribute: 'expiresAt' }), { traffic: { avgRps: 10, payloadKb: 1 }, ...extra });
    // 26,280,000 items a month of 1.1 KB (item plus overhead).
    const gbPerMonth = (26_280_000 * 1.1) / GB;
    const months = (days as number) / DAYS_PER_MONTH;
    expect(u.t!.storageGb).toBeCloseTo(gbPerMonth * (months - (months * months) / 24), 6);
    expect(u.t!.storageGb!).toBeLessThan((gbPerMonth / DAYS_PER_MONTH) * (days as number) * 1.01);
  });

  it('a table without TTL grows by the items writes create (10 % of the writes of a handler that also reads)', () => {
    const { u } = derive({ ...ttlTable({}), connections: [{ from: 'api', to: 'fn', kind: 'invoke' }, { from: 'fn', to: 't', kind: 'read-write' }] }, { traffic: { avgRps: 10, payloadKb: 1, readWriteRatio: 4 } });
    // 26,280,000 requests, 1 in 5 a write, 1 write in 10 a new item of 1.1 KB; six months on average in the first year.
    expect(u.t!.writesPerMonth).toBe(5_256_000);
    expect(u.t!.storageGb).toBeCloseTo(((525_600 * 1.1) / GB) * 6, 6);
  });

  it('a data lake keeps Firehose output as its lifecycle says, Parquet 6x smaller, one object per buffer flush', () => {
    const { u } = derive(
      {
        components: [{ id: 'iot', service: 'iot-core' }, { id: 'fh', service: 'kinesis-firehose', config: { format: 'parquet', bufferSeconds: 300, bufferMb: 64 } }, { id: 'lake', service: 's3', config: { purpose: 'data-lake', lifecycle: [{ prefix: '', transitions: [], expirationDays: 30 }] } }],
        connections: [{ from: 'iot', to: 'fh', kind: 'publish' }, { from: 'fh', to: 'lake', kind: 'write' }],
      },
      { traffic: { peakMessagesPerSecond: 300, payloadKb: 1 } },
    );
    const raw = (100 * SECONDS_PER_MONTH) / GB;
    expect(u.fh!.dataProcessedGb).toBeCloseTo(raw, 9);
    expect(u.lake!.storageGb).toBeCloseTo(firstYearAverageGb(raw / 6, 30), 9);
    expect(u.lake!.writesPerMonth).toBeCloseTo(SECONDS_PER_MONTH / 300, 9);
  });

  it('Aurora: two I/Os per write and one per ten reads; ACUs at least 2', () => {
    const { u } = derive(
      { network: { natGateways: 'none' }, components: [{ id: 'api', service: 'apigateway-http' }, { id: 'fn', service: 'lambda', config: { inVpc: true } }, { id: 'db', service: 'aurora', config: { capacity: 'serverless-v2' } }], connections: [{ from: 'api', to: 'fn', kind: 'invoke' }, { from: 'fn', to: 'db', kind: 'read-write' }] },
      { traffic: { avgRps: 10, readWriteRatio: 4 } },
    );
    // 26,280,000 requests: 5,256,000 writes x 2 + 21,024,000 reads x 0.1.
    expect(u.db!.requestsPerMonth).toBeCloseTo(5_256_000 * 2 + 21_024_000 * 0.1, 3);
    expect(u.db!.avgCapacityUnits).toBe(2);
  });
});

describe('what reaches people', () => {
  it('a detector on a stream alerts on 1 record in 100,000; a consumer of business events notifies per event', () => {
    const { u } = derive(
      {
        components: [{ id: 's', service: 'kinesis-streams' }, { id: 'detector', service: 'lambda' }, { id: 'alerts', service: 'sns' }, { id: 'q', service: 'sqs' }, { id: 'notify', service: 'lambda' }, { id: 'push', service: 'sns' }],
        connections: [{ from: 's', to: 'detector', kind: 'trigger' }, { from: 'detector', to: 'alerts', kind: 'publish' }, { from: 'q', to: 'notify', kind: 'trigger' }, { from: 'notify', to: 'push', kind: 'publish' }],
      },
      { traffic: { peakMessagesPerSecond: 3000 } },
    );
    expect(u.alerts!.messagesPerMonth).toBeCloseTo(u.s!.messagesPerMonth! * 1e-5, 6);
    expect(u.push!.messagesPerMonth).toBe(u.q!.messagesPerMonth);
  });

  it('an API handler that does other work sends 2 notifications per active user a day', () => {
    const { u } = derive(
      {
        components: [{ id: 'api', service: 'apigateway-http' }, { id: 'fn', service: 'lambda' }, { id: 't', service: 'dynamodb' }, { id: 'q', service: 'sqs' }, { id: 'notify', service: 'lambda' }, { id: 'push', service: 'sns' }],
        connections: [{ from: 'api', to: 'fn', kind: 'invoke' }, { from: 'fn', to: 't', kind: 'read-write' }, { from: 'fn', to: 'q', kind: 'publish' }, { from: 'q', to: 'notify', kind: 'trigger' }, { from: 'notify', to: 'push', kind: 'publish' }],
      },
      { traffic: { avgRps: 174, dailyActiveUsers: 150_000 } },
    );
    expect(u.q!.messagesPerMonth).toBeCloseTo(150_000 * 2 * DAYS_PER_MONTH, 3);
    expect(u.push!.messagesPerMonth).toBeCloseTo(150_000 * 2 * DAYS_PER_MONTH, 3);
  });

  it('a contact form beside a static site: one submission per 1,000 page requests, one email each', () => {
    const { u } = derive(
      {
        components: [{ id: 'cdn', service: 'cloudfront' }, { id: 'site', service: 's3', config: { purpose: 'static-site' } }, { id: 'form-api', service: 'apigateway-http', config: { routes: ['POST /contact'] } }, { id: 'form-fn', service: 'lambda' }, { id: 'mail', service: 'ses' }],
        connections: [{ from: 'cdn', to: 'site', kind: 'route' }, { from: 'form-api', to: 'form-fn', kind: 'invoke' }, { from: 'form-fn', to: 'mail', kind: 'invoke' }],
      },
      { traffic: { avgRps: 0.2 }, workload: { patterns: ['static-site'] } },
    );
    const pages = 0.2 * SECONDS_PER_MONTH;
    expect(u.cdn!.requestsPerMonth).toBeCloseTo(pages, 6);
    expect(u.cdn!.dataOutGb).toBeCloseTo((pages * 50) / GB, 9);
    expect(u['form-api']!.requestsPerMonth).toBeCloseTo(pages / 1000, 9);
    expect(u.mail!.messagesPerMonth).toBeCloseTo(pages / 1000, 9);
    // Origin fetches are the 10 % cache misses.
    expect(u.site!.readsPerMonth).toBeCloseTo(pages * 0.1, 6);
  });
});

describe('content delivery', () => {
  it('a media CDN serves one view per 10 API requests at 250 KB; a CDN in front of an API passes requests on', () => {
    const { u } = derive(
      {
        components: [{ id: 'api', service: 'apigateway-http' }, { id: 'fn', service: 'lambda' }, { id: 'media', service: 's3', config: { purpose: 'media' } }, { id: 'media-cdn', service: 'cloudfront' }, { id: 'edge', service: 'cloudfront' }, { id: 'api2', service: 'apigateway-rest' }, { id: 'fn2', service: 'lambda' }],
        connections: [{ from: 'api', to: 'fn', kind: 'invoke' }, { from: 'fn', to: 'media', kind: 'write' }, { from: 'media-cdn', to: 'media', kind: 'route' }, { from: 'edge', to: 'api2', kind: 'route' }, { from: 'api2', to: 'fn2', kind: 'invoke' }],
      },
      { traffic: { avgRps: 100 } },
    );
    const r = 262_800_000;
    expect(u['media-cdn']!.requestsPerMonth).toBeCloseTo(r * 0.1, 3);
    expect(u['media-cdn']!.dataOutGb).toBeCloseTo((r * 0.1 * 250) / GB, 6);
    // Uploads: 1 request in 200, 250 KB each, kept: the first-year average is six months of them.
    expect(u.media!.writesPerMonth).toBeCloseTo(r / 200, 3);
    expect(u.media!.storageGb).toBeCloseTo(((r / 200) * 250 * 6) / GB, 6);
    expect(u.edge!.requestsPerMonth).toBe(r);
    expect(u.api2!.requestsPerMonth).toBe(r);
    expect(u.fn2!.requestsPerMonth).toBe(r);
  });
});

describe('workflows and jobs', () => {
  it('a workflow calls each step once per execution, not once per state transition', () => {
    const { u } = derive(
      { components: [{ id: 'bus', service: 'eventbridge' }, { id: 'flow', service: 'step-functions' }, { id: 'step', service: 'lambda' }], connections: [{ from: 'bus', to: 'flow', kind: 'trigger' }, { from: 'flow', to: 'step', kind: 'invoke' }] },
      { traffic: { peakMessagesPerSecond: 30 } },
    );
    expect(u.flow!.requestsPerMonth).toBeCloseTo(10 * SECONDS_PER_MONTH, 3);
    expect(u.flow!.messagesPerMonth).toBeCloseTo(4 * 10 * SECONDS_PER_MONTH, 3);
    expect(u.step!.requestsPerMonth).toBeCloseTo(10 * SECONDS_PER_MONTH, 3);
  });

  it('a scheduled workflow runs its Glue job on its schedule for the longest job stated; its functions use half their timeout', () => {
    const { u, profile } = derive(
      {
        components: [{ id: 'flow', service: 'step-functions', config: { schedule: 'cron(0 1 * * ? *)' } }, { id: 'etl', service: 'glue-job' }, { id: 'check', service: 'lambda', config: { timeoutSeconds: 900 } }, { id: 'oncall', service: 'sns' }],
        connections: [{ from: 'flow', to: 'check', kind: 'invoke' }, { from: 'flow', to: 'etl', kind: 'invoke' }, { from: 'flow', to: 'oncall', kind: 'publish' }],
      },
      { workload: { patterns: ['batch-etl'], longestJobMinutes: 90 } },
    );
    expect(u.etl!.hoursPerMonth).toBe(45);
    expect(u.check!.requestsPerMonth).toBe(30);
    expect(u.check!.avgDurationMs).toBe(450_000);
    // Failure alerts: 5 % of runs.
    expect(u.oncall!.messagesPerMonth).toBeCloseTo(1.5, 9);
    expect(profile.logsIngestedGb).toBe(2);
  });
});

describe('users, logs and egress', () => {
  it('Cognito MAU come from the traffic when no user count is stated', () => {
    const { u, line } = derive({ components: [{ id: 'api', service: 'apigateway-http' }, { id: 'users', service: 'cognito' }], connections: [{ from: 'api', to: 'users', kind: 'authenticate' }] }, { traffic: { avgRps: 300 } });
    // 300 x 2,628,000 requests / 30.42 days / 100 per user = 259,200 daily users; x 2.
    expect(u.users!.monthlyActiveUsers).toBeCloseTo(518_400, 3);
    expect(line('users.monthlyActiveUsers = ')).toMatch(/no user count stated/);
  });

  it('logs: 0.5 KB per invocation and 0.3 KB per access log line; responses leave as egress', () => {
    const { u, profile, line } = derive({ components: [{ id: 'api', service: 'apigateway-http' }, { id: 'fn', service: 'lambda' }], connections: [{ from: 'api', to: 'fn', kind: 'invoke' }] }, { traffic: { avgRps: 10, payloadKb: 2 } });
    const r = 26_280_000;
    expect(profile.logsIngestedGb).toBeCloseTo((r * 0.5 + r * 0.3) / GB, 9);
    expect(line('logsIngestedGb = ')).toMatch(/0\.5 KB .*0\.3 KB/);
    expect(u.api!.dataOutGb).toBeCloseTo((r * 2) / GB, 9);
  });

  it('a collector that only publishes answers with acknowledgements', () => {
    const { u } = derive(
      { components: [{ id: 'collector', service: 'apigateway-http' }, { id: 'fn', service: 'lambda' }, { id: 's', service: 'kinesis-streams' }], connections: [{ from: 'collector', to: 'fn', kind: 'invoke' }, { from: 'fn', to: 's', kind: 'publish' }] },
      { traffic: { avgRps: 10, peakMessagesPerSecond: 300, payloadKb: 1 } },
    );
    expect(u.collector!.dataOutGb).toBeCloseTo((26_280_000 * 0.2) / GB, 9);
    // It publishes the stated event rate, not one record per request.
    expect(u.s!.messagesPerMonth).toBeCloseTo(100 * SECONDS_PER_MONTH, 3);
  });

  it('without requirements a design keeps the nominal defaults (a queue consumer at 1M messages is invoked per message)', () => {
    const { u, profile } = derive({ components: [{ id: 'q', service: 'sqs' }, { id: 'fn', service: 'lambda' }, { id: 'b', service: 's3' }], connections: [{ from: 'q', to: 'fn', kind: 'trigger' }] });
    expect(u.q!.messagesPerMonth).toBe(1_000_000);
    expect(u.fn!.requestsPerMonth).toBe(1_000_000);
    expect(u.b).toEqual({ storageGb: 10, writesPerMonth: 100_000, readsPerMonth: 1_000_000 });
    expect(profile.logsIngestedGb).toBe(1);
  });
});

describe('any requirements on any fixture', () => {
  it('derive finite, non-negative figures, each with its assumption line, and keep stated figures', () => {
    const designs = architectureFixtureNames().map((n) => architectureFixture(n));
    const bare: Architecture[] = designs.map((a) => ({ ...a, usage: { ...a.usage, components: {} } }));
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const traffic = fc.record({
      avgRps: opt(fc.double({ min: 0, max: 50_000, noNaN: true })),
      peakRps: opt(fc.double({ min: 0, max: 100_000, noNaN: true })),
      peakMessagesPerSecond: opt(fc.double({ min: 0, max: 200_000, noNaN: true })),
      dailyActiveUsers: opt(fc.integer({ min: 0, max: 10_000_000 })),
      peakConcurrent: opt(fc.integer({ min: 0, max: 1_000_000 })),
      payloadKb: opt(fc.double({ min: 0, max: 6_000, noNaN: true })),
      readWriteRatio: opt(fc.double({ min: 0.01, max: 100, noNaN: true })),
    });
    const data = fc.record({
      storedGb: opt(fc.double({ min: 0, max: 1e6, noNaN: true })),
      growthGbPerMonth: opt(fc.double({ min: 0, max: 1e5, noNaN: true })),
      retentionDays: opt(fc.integer({ min: 0, max: 3650 })),
    });
    const patterns = fc.subarray(['iot-ingest', 'static-site', 'realtime', 'rest-api'] as const);
    fc.assert(
      fc.property(fc.constantFrom(...designs, ...bare), traffic, data, patterns, (arch, t, d, p) => {
        const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
        const r = Requirements.parse({ name: 'x', summary: 'y', traffic: strip(t), data: strip(d), workload: { patterns: p } });
        const { profile, assumptions } = deriveUsage(arch, { requirements: r });
        for (const [id, u] of Object.entries(profile.components)) {
          const stated: Record<string, number | undefined> = arch.usage.components[id] ?? {};
          for (const [field, v] of Object.entries(u)) {
            expect(Number.isFinite(v) && v >= 0, `${id}.${field} = ${v}`).toBe(true);
            if (stated[field] !== undefined) expect(v).toBe(stated[field]);
            else expect(assumptions.some((a) => a.startsWith(`${id}.${field} = `)), `${id}.${field} has no assumption`).toBe(true);
          }
        }
        for (const f of ['dataOutGb', 'natProcessedGb', 'logsIngestedGb', 'crossAzGb'] as const) expect(Number.isFinite(profile[f]) && profile[f] >= 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
