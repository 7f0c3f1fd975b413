import type { Architecture, Component, ComponentOfService, ComponentService, ComponentUsage, Connection } from '../../model/index.js';
import { activeUsers, type Load } from './load.js';
import { RULES } from './rules.js';
import { CHANNELS, COMPUTE, Structure } from './structure.js';
import { DAYS_PER_MONTH, GB_PER_KB, HOURS_PER_MONTH, MINUTES_PER_MONTH, SECONDS_PER_MONTH, firstYearAverageGb, fmt, runsPerMonth } from './time.js';

type UsageField = keyof ComponentUsage;

/**
 * How work reaches a component, which decides how it is batched, what it writes and what it publishes:
 * `entry` (nothing upstream: the requirements' load), `request` (behind an API), `message` (behind a WebSocket
 * API), `record` (fed by a queue, stream, topic, bus or table stream), `schedule` (a schedule or a scheduled
 * workflow), `people` (a notification path).
 */
export type Role = 'entry' | 'request' | 'message' | 'record' | 'schedule' | 'people';

/** A component once resolved: its usage, what it handles a month, and how work reaches it. */
export interface Node {
  usage: ComponentUsage;
  /** Items handled a month: requests, records, inbound messages, executions or runs (not invocations). */
  items?: number;
  role: Role;
}

interface Part {
  edge: Connection;
  from: Component;
  items: number;
  why: string;
}

/** Sets a usage field unless the design states it, and records the assumption. */
class Filler {
  constructor(
    private readonly id: string,
    readonly u: ComponentUsage,
    private readonly lines: string[],
  ) {}

  /** The value in force after the call: the design's own, or `value` (listed as an assumption). */
  set(field: UsageField, value: number, why: string): number {
    const have = this.u[field];
    if (have !== undefined) return have;
    this.u[field] = value;
    this.lines.push(`${this.id}.${field} = ${fmt(value)}: ${why}`);
    return value;
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const kb = (items: number, sizeKb: number) => items * sizeKb * GB_PER_KB;
/** Sources of high-volume data records (as opposed to business events). */
const STREAMS: ReadonlySet<ComponentService> = new Set(['kinesis-streams', 'kinesis-firehose', 'iot-core', 'dynamodb']);
const DATA_STORES: ReadonlySet<ComponentService> = new Set(['dynamodb', 'aurora', 'rds', 'documentdb', 'elasticache', 'opensearch', 'redshift', 's3']);

/**
 * Derives every missing usage figure of a design from its structure and the requirements' load. Components are
 * resolved on demand, sources before the components they feed; explicit figures always win and flow onwards.
 */
export class Deriver {
  readonly st: Structure;
  private readonly nodes = new Map<string, Node>();
  private readonly resolving = new Set<string>();

  constructor(
    readonly arch: Architecture,
    readonly load: Load,
    private readonly explicit: Record<string, ComponentUsage>,
    private readonly lines: string[],
    /** Derive API response egress (only when the design states no usage of its own, so nothing is counted twice). */
    private readonly egress: boolean,
  ) {
    this.st = new Structure(arch);
  }

  resolve(c: Component): Node {
    const done = this.nodes.get(c.id);
    if (done) return done;
    // A cycle (a function pushing back through the API that invokes it) sees only what the design states.
    if (this.resolving.has(c.id)) return { usage: this.explicit[c.id] ?? {}, role: 'request' };
    this.resolving.add(c.id);
    const f = new Filler(c.id, { ...(this.explicit[c.id] ?? {}) }, this.lines);
    const { items, role } = this.kind(c, f);
    const node: Node = { usage: f.u, role, ...(items !== undefined ? { items } : {}) };
    this.nodes.set(c.id, node);
    this.resolving.delete(c.id);
    return node;
  }

  all(): Record<string, ComponentUsage> {
    const out: Record<string, ComponentUsage> = {};
    for (const c of this.arch.components) out[c.id] = this.resolve(c).usage;
    return out;
  }

  node(id: string): Node | undefined {
    const c = this.st.get(id);
    return c ? this.resolve(c) : undefined;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Flows
  // ------------------------------------------------------------------------------------------------------------

  /** The requirements' request rate, or a nominal default (with the reason for either). */
  private requestsOr(fallback: number, what: string, fallbackWhy = `default ${what}`): { value: number; why: string } {
    return this.load.requests !== undefined ? { value: this.load.requests, why: `${what} from the requirements' traffic` } : { value: fallback, why: fallbackWhy };
  }

  /** Items arriving over each incoming flow edge that carries work. */
  private parts(c: Component): Part[] {
    const out: Part[] = [];
    for (const e of this.st.into(c.id)) {
      const from = this.st.get(e.from)!;
      const p = this.edgeItems(e, from, c);
      if (p) out.push({ edge: e, from, ...p });
    }
    return out;
  }

  private edgeItems(e: Connection, s: Component, target: Component): { items: number; why: string } | undefined {
    if (s.service === 'route53' || s.service === 'waf') return undefined;
    // What a CDN fetches from a bucket is the bucket's reads, not work for it to do.
    if (e.kind === 'route' && target.service === 's3') return undefined;
    if (s.service === 'apigateway-websocket' && target.service !== 'lambda') return undefined;
    const S = this.resolve(s);
    const u = S.usage;
    switch (s.service) {
      case 'cloudfront':
        return u.requestsPerMonth !== undefined ? { items: u.requestsPerMonth, why: `requests ${s.id} passes on (dynamic, not cached)` } : undefined;
      case 'apigateway-rest':
      case 'apigateway-http':
      case 'appsync':
      case 'alb':
      case 'nlb': {
        const req = u.requestsPerMonth;
        if (req === undefined) return undefined;
        if (this.st.authorizerOf(s)?.id === target.id) {
          return { items: req * RULES.authorizerCacheMissShare, why: `token-cache misses of ${s.id}: 1 in ${Math.round(1 / RULES.authorizerCacheMissShare)} of its ${fmt(req)} requests (results cached 300 s per caller)` };
        }
        const n = Math.max(1, this.st.handlersOf(s).length);
        return { items: req / n, why: n > 1 ? `${s.id}'s requests split over its ${n} handlers` : `${s.id}'s requests` };
      }
      case 'apigateway-websocket': {
        const minutes = u.connectionMinutesPerMonth ?? 0;
        const connections = minutes / RULES.connectionMinutes;
        if (this.st.authorizerOf(s)?.id === target.id) {
          return { items: connections, why: `once per connection on $connect: ${fmt(minutes)} connection-minutes / ${RULES.connectionMinutes} min per connection` };
        }
        const inbound = S.items ?? u.messagesPerMonth ?? 0;
        const n = Math.max(1, this.st.handlersOf(s).length);
        return { items: (inbound + 2 * connections) / n, why: `messages clients send to ${s.id} plus $connect and $disconnect of ${fmt(connections)} connections${n > 1 ? `, split over ${n} handlers` : ''}` };
      }
      case 'sqs':
      case 'sns':
      case 'eventbridge':
      case 'kinesis-streams':
      case 'kinesis-firehose':
      case 'iot-core': {
        if (u.messagesPerMonth === undefined) return undefined;
        const what = { sqs: 'messages of', sns: 'messages delivered by', eventbridge: 'events routed by', 'kinesis-streams': 'records of', 'kinesis-firehose': 'records of', 'iot-core': 'messages devices publish to' }[s.service];
        return { items: u.messagesPerMonth, why: `${what} ${s.id}${s.service === 'eventbridge' ? ' (every event matches its rule)' : ''}` };
      }
      case 'dynamodb':
        return e.kind === 'trigger' && S.items !== undefined ? { items: S.items, why: `item changes on ${s.id}'s stream` } : undefined;
      case 's3':
        return e.kind === 'trigger' && u.writesPerMonth !== undefined ? { items: u.writesPerMonth, why: `objects written to ${s.id}` } : undefined;
      case 'step-functions': {
        const runs = u.requestsPerMonth;
        if (runs === undefined) return undefined;
        if (this.st.peopleBound(target.id)) return { items: runs * RULES.failureShare, why: `failed runs of ${s.id}: ${RULES.failureShare * 100} % of ${fmt(runs)} executions` };
        return { items: runs, why: `one call per execution of ${s.id} (retries not counted)` };
      }
      case 'lambda':
      case 'ecs-fargate':
      case 'eks':
      case 'ec2-asg':
      case 'sagemaker-endpoint':
      case 'glue-job': {
        const items = S.items ?? u.requestsPerMonth;
        if (items === undefined) return undefined;
        // The first hop into a notification path decides how many notifications there are.
        if (this.st.peopleBound(target.id) && S.role !== 'people') return this.notifications(s, S, items);
        if (e.kind === 'invoke') return { items, why: `one call per item ${s.id} handles` };
        return this.published(s, S, items);
      }
      default:
        return undefined;
    }
  }

  /** What a function or service publishes to a queue, topic, bus or stream. */
  private published(s: Component, S: Node, items: number): { items: number; why: string } {
    if (S.role === 'people') return { items, why: `one message per notification ${s.id} handles` };
    if (S.role === 'record' || S.role === 'message' || S.role === 'schedule') return { items, why: `one event per item ${s.id} handles` };
    if (!this.load.stated) return { items, why: `one event per request ${s.id} handles` };
    if (this.load.messagesStated && this.load.messages !== undefined) return { items: this.load.messages, why: `${s.id} publishes the requirements' event rate` };
    const share = 1 / (this.load.readWriteRatio + 1);
    return { items: items * share, why: `one event per write request of ${s.id} (1 in ${fmt(this.load.readWriteRatio + 1)} of its ${fmt(items)} requests)` };
  }

  /** What reaches a notification path (push, email, SMS) from a component that does other work too. */
  private notifications(s: Component, S: Node, items: number): { items: number; why: string } {
    // A consumer of a data stream is a detector: it alerts on a few of the readings it examines. A consumer of
    // business events (a queue, topic or bus) notifies about each event.
    const detector = S.role === 'record' && this.fedByStreams(s);
    if (detector) return { items: items * RULES.alertShare, why: `alerts from ${s.id}: 1 per ${fmt(1 / RULES.alertShare)} of the ${fmt(items)} records it examines` };
    if (S.role === 'record' || S.role === 'schedule' || S.role === 'people') return { items, why: `one notification per item ${s.id} handles` };
    const onward = this.st.out(s.id, ['invoke', 'publish', 'trigger', 'write', 'read-write']);
    if (onward.length > 0 && onward.every((e) => this.st.peopleBound(e.to))) return { items, why: `${s.id} only sends notifications: one per request` };
    if (!this.load.stated) return { items, why: `one notification per request ${s.id} handles` };
    const users = activeUsers(this.load);
    if (users) {
      const n = Math.min(items, users.dau * RULES.notificationsPerUserDay * DAYS_PER_MONTH);
      return { items: n, why: `${RULES.notificationsPerUserDay} notifications per active user a day for ${users.why}` };
    }
    return { items: items * RULES.notificationShare, why: `1 notification per ${fmt(1 / RULES.notificationShare)} of ${s.id}'s requests` };
  }

  /** Whether a consumer reads a data stream (readings, clicks, item changes) rather than business events. */
  private fedByStreams(c: Component): boolean {
    return this.st.into(c.id, ['trigger', 'subscribe', 'publish']).some((e) => STREAMS.has(this.st.get(e.from)!.service));
  }

  /** How work reaches a component. */
  private roleOf(c: Component, parts: Part[]): Role {
    if ('schedule' in c.config && c.config.schedule) return 'schedule';
    if (parts.length === 0) return 'entry';
    const roles = new Set<Role>();
    for (const p of parts) {
      const s = p.from;
      if (this.st.peopleBound(s.id) && s.service !== 'ses') roles.add('people');
      else if (CHANNELS.has(s.service) || s.service === 'dynamodb' || s.service === 's3') roles.add('record');
      else if (s.service === 'apigateway-websocket') roles.add('message');
      else if (s.service === 'step-functions' || COMPUTE.has(s.service)) roles.add(this.resolve(s).role === 'entry' ? 'request' : this.resolve(s).role);
      else roles.add('request');
    }
    for (const r of ['people', 'record', 'message', 'schedule', 'request'] as const) if (roles.has(r)) return r;
    return 'request';
  }

  /** Average batch a function receives from a source, by the source's polling model. */
  private batch(from: Component, items: number): { size: number; why: string } {
    const rate = items / SECONDS_PER_MONTH;
    if (from.service === 'sqs') {
      const size = clamp(rate / RULES.sqsBatchFillRatePerSecond, 1, RULES.sqsBatchSize);
      return { size, why: `SQS batches of ${fmt(size)} (up to ${RULES.sqsBatchSize}; they fill only above ${RULES.sqsBatchFillRatePerSecond} messages/s, ${fmt(rate)}/s here)` };
    }
    if (from.service === 'kinesis-streams') {
      const shards = this.kinesisShards(from, items);
      const size = clamp(rate / (shards * RULES.kinesisPollsPerShardSecond), 1, RULES.streamBatchSize);
      return { size, why: `Kinesis batches of ${fmt(size)} (up to ${RULES.streamBatchSize}; ${fmt(rate)} records/s over ${fmt(shards)} shards polled once a second)` };
    }
    if (from.service === 'dynamodb') {
      const shards = this.tablePartitions(from);
      const size = clamp(rate / (shards * RULES.dynamodbStreamPollsPerShardSecond), 1, RULES.streamBatchSize);
      return { size, why: `DynamoDB stream batches of ${fmt(size)} (up to ${RULES.streamBatchSize}; ${fmt(rate)} changes/s over ${fmt(shards)} shards polled 4 times a second)` };
    }
    return { size: 1, why: `one invocation per ${from.service === 'sns' ? 'message' : 'event'} (${from.service} does not batch)` };
  }

  private kinesisShards(s: Component, records: number): number {
    if (s.service !== 'kinesis-streams') return 1;
    if (s.config.mode === 'PROVISIONED') return s.config.shards;
    const peak = (records / SECONDS_PER_MONTH) * (this.load.steady ? 1 : RULES.peakToAverage);
    const mbps = (peak * this.load.payloadKb) / 1024;
    return Math.max(RULES.onDemandMinShards, Math.ceil((RULES.onDemandPeakHeadroom * peak) / RULES.shardRecordsPerSecond), Math.ceil((RULES.onDemandPeakHeadroom * mbps) / RULES.shardMbPerSecond));
  }

  private tablePartitions(t: Component): number {
    const u = this.resolve(t).usage;
    const peak = this.load.steady ? 1 : RULES.peakToAverage;
    return Math.max(1, Math.ceil((u.storageGb ?? 0) / RULES.partitionGb), Math.ceil(((u.writesPerMonth ?? 0) / SECONDS_PER_MONTH) * peak / RULES.partitionWcu), Math.ceil(((u.readsPerMonth ?? 0) / SECONDS_PER_MONTH) * peak / RULES.partitionRcu));
  }

  /** Runs of a batch job: its own schedule, the schedule of the workflow that runs it, or one a day. */
  private jobRuns(c: Component, parts: Part[]): { runs: number; why: string } {
    if ('schedule' in c.config && c.config.schedule) return { runs: runsPerMonth(c.config.schedule), why: `runs of its schedule ${c.config.schedule}` };
    const flow = parts.find((p) => p.from.service === 'step-functions' && p.from.config.schedule);
    if (flow && flow.from.service === 'step-functions') return { runs: runsPerMonth(flow.from.config.schedule!), why: `one run per execution of ${flow.from.id} (${flow.from.config.schedule})` };
    return { runs: 30, why: 'one run a day' };
  }

  private jobHours(): { hours: number; why: string } {
    if (this.load.longestJobMinutes !== undefined) return { hours: this.load.longestJobMinutes / 60, why: `the longest job the requirements state (${fmt(this.load.longestJobMinutes)} minutes)` };
    return { hours: 1, why: 'one hour' };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Kinds
  // ------------------------------------------------------------------------------------------------------------

  private kind(c: Component, f: Filler): { items?: number; role: Role } {
    const parts = c.service === 'apigateway-websocket' ? [] : this.parts(c);
    const role = this.roleOf(c, parts);
    const sum = parts.reduce((s, p) => s + p.items, 0);
    const from = parts.map((p) => p.why).join('; ');
    const egress = (items: number, what: string) => {
      if (!this.egress || !this.load.stated) return;
      const response = this.responseOf(c);
      f.set('dataOutGb', kb(items, response.kb), `${what} x ${fmt(response.kb)} KB ${response.why} to the internet`);
    };
    const L = this.load;

    switch (c.service) {
      case 'cloudfront':
        return { items: this.cloudfront(c, f), role };
      case 'route53':
        f.set('requestsPerMonth', L.requests !== undefined ? L.requests * RULES.dnsQueryShare : 1_000_000, L.requests !== undefined ? `one DNS query per ${fmt(1 / RULES.dnsQueryShare)} requests (resolvers cache answers for the record TTL; alias queries are free, so this is a ceiling)` : 'default DNS queries');
        return { role };
      case 'acm':
        return { role };
      case 'waf': {
        const protectedIds = [...new Set([...c.config.protects, ...this.st.out(c.id, ['protect']).map((e) => e.to)])].filter((id) => this.st.get(id));
        const vals = protectedIds.map((id) => this.node(id)!.usage.requestsPerMonth);
        if (vals.some((v) => v !== undefined)) f.set('requestsPerMonth', vals.reduce<number>((s, v) => s + (v ?? 0), 0), `requests of the components it protects (${protectedIds.join(', ')})`);
        else {
          const r = this.requestsOr(1_000_000, 'requests inspected', 'default requests inspected for a waf with no stated load');
          f.set('requestsPerMonth', r.value, r.why);
        }
        return { role };
      }
      case 'apigateway-rest':
      case 'apigateway-http': {
        const req = f.set('requestsPerMonth', ...this.apiRequests(c, parts, sum, from));
        egress(req, 'requests');
        return { items: req, role };
      }
      case 'appsync': {
        const r = parts.length ? { value: sum, why: from } : L.requests !== undefined ? { value: L.requests, why: "GraphQL operations from the requirements' traffic" } : { value: 1_000_000, why: 'default GraphQL operations for a appsync with no stated load' };
        const req = f.set('requestsPerMonth', r.value, r.why);
        if (L.realtime && (L.messages !== undefined || L.peakConcurrent !== undefined)) {
          const updates = L.messages ?? 0;
          f.set('messagesPerMonth', updates * RULES.subscriptionRecipients, `${fmt(updates)} changes a month pushed to ${RULES.subscriptionRecipients} subscribed clients each`);
          const conc = L.peakConcurrent ?? 0;
          f.set('connectionMinutesPerMonth', conc * RULES.averageConnectionShare * MINUTES_PER_MONTH, `a quarter of the ${fmt(conc)} peak clients subscribed on average, all month`);
        } else {
          f.set('messagesPerMonth', 0, 'no real-time subscriptions stated');
          f.set('connectionMinutesPerMonth', 0, 'no real-time subscriptions stated');
        }
        egress(req, 'operations');
        return { items: req, role };
      }
      case 'apigateway-websocket':
        return { items: this.websocket(c, f), role };
      case 'alb':
      case 'nlb': {
        const r = parts.length ? { value: sum, why: from } : L.requests !== undefined ? { value: L.requests, why: "requests from the requirements' traffic" } : { value: 1_000_000, why: `default requests for a ${c.service} with no stated load` };
        const req = f.set('requestsPerMonth', r.value, r.why);
        const perRequest = L.payloadKb + this.responseOf(c).kb;
        f.set('dataProcessedGb', kb(req, perRequest), `requests x ${fmt(perRequest)} KB (request plus response)`);
        if (c.config.scheme === 'internet-facing') egress(req, 'requests');
        return { items: req, role };
      }
      case 'lambda':
        return { items: this.lambda(c, f, parts, role), role };
      case 'ecs-fargate': {
        if (c.config.mode === 'scheduled-task') {
          const runs = c.config.schedule ? { runs: runsPerMonth(c.config.schedule), why: `runs of its schedule ${c.config.schedule}` } : parts.length ? { runs: sum, why: from } : { runs: 30, why: 'one run a day' };
          const h = this.jobHours();
          f.set('avgInstances', 1, 'one task per scheduled run');
          f.set('hoursPerMonth', Math.min(744, runs.runs * h.hours), `${h.why} per run, ${fmt(runs.runs)} runs (${runs.why})`);
          return { items: runs.runs, role: 'schedule' };
        }
        f.set('avgInstances', c.config.desiredCount, 'the configured desired count');
        f.set('hoursPerMonth', HOURS_PER_MONTH, 'always on');
        return { items: parts.length ? sum : role === 'entry' ? L.requests : undefined, role };
      }
      case 'eks':
        f.set('avgInstances', c.config.desiredNodes, 'the configured desired node count');
        return { items: parts.length ? sum : L.requests, role };
      case 'ec2-asg':
        f.set('avgInstances', c.config.desiredCapacity, 'the configured desired capacity');
        return { items: parts.length ? sum : L.requests, role };
      case 'glue-job': {
        const r = this.jobRuns(c, parts);
        const h = this.jobHours();
        f.set('hoursPerMonth', Math.min(744, r.runs * h.hours), `${h.why} per run, ${fmt(r.runs)} runs (${r.why})`);
        return { items: r.runs, role: 'schedule' };
      }
      case 'sagemaker-endpoint': {
        if (c.config.mode !== 'serverless') return { items: parts.length ? sum : L.requests, role };
        const r = parts.length ? { value: sum, why: `inferences: ${from}` } : this.requestsOr(100_000, 'inferences', 'default inferences for a sagemaker-endpoint with no stated load');
        const n = f.set('requestsPerMonth', r.value, r.why);
        f.set('avgDurationMs', 500, 'default 500 ms per inference');
        return { items: n, role };
      }
      case 'dynamodb':
        return { items: this.dynamodb(c, f), role };
      case 'aurora':
      case 'documentdb':
      case 'rds':
        this.database(c, f);
        return { role };
      case 'elasticache':
        if (c.config.mode === 'serverless') {
          f.set('storageGb', Math.min(1, c.config.maxDataGb), 'default 1 GB cached');
          const ops = this.accessOps(c);
          if (ops && L.stated) f.set('requestsPerMonth', ops.items * RULES.cacheOpsPerRequest, `${RULES.cacheOpsPerRequest} cache operations per item its clients handle (${ops.why})`);
          else if (L.requests !== undefined) f.set('requestsPerMonth', L.requests * 2, 'two cache operations per request');
          else f.set('requestsPerMonth', 10_000_000, 'default cache operations');
        }
        return { role };
      case 's3':
        this.s3(c, f);
        return { role };
      case 'opensearch':
        return { role };
      case 'redshift': {
        const data = this.requirementDataGb(RULES.warehouseCompression, 'loaded data, compressed');
        if (c.config.mode === 'serverless') {
          f.set('avgCapacityUnits', c.config.baseRpu, 'the base RPU capacity');
          f.set('hoursPerMonth', RULES.warehouseQueryHoursPerMonth, '4 hours of queries a day');
        }
        if (data) f.set('storageGb', data.value, data.why);
        else f.set('storageGb', 100, `default storage for a ${c.service}`);
        return { role };
      }
      case 'athena':
        if (L.stated) {
          const gb = RULES.athenaQueriesPerMonth * c.config.bytesScannedCutoffGb * RULES.athenaScanShareOfCutoff;
          f.set('scannedTb', gb / 1024, `${fmt(RULES.athenaQueriesPerMonth)} queries a month scanning ${fmt(c.config.bytesScannedCutoffGb * RULES.athenaScanShareOfCutoff)} GB each (a tenth of the ${fmt(c.config.bytesScannedCutoffGb)} GB per-query cutoff; partitioned Parquet)`);
        } else f.set('scannedTb', 1, 'default 1 TB scanned a month');
        return { role };
      case 'sqs':
      case 'sns':
      case 'eventbridge': {
        const fallback = c.service === 'sns' ? 100_000 : 1_000_000;
        const r = parts.length ? { value: sum, why: from } : L.messages !== undefined ? { value: L.messages, why: "messages from the requirements' traffic" } : { value: fallback, why: `default messages for a ${c.service} with no stated load` };
        return { items: f.set('messagesPerMonth', r.value, r.why), role };
      }
      case 'step-functions': {
        const runs = c.config.schedule ? { value: runsPerMonth(c.config.schedule), why: `runs of its schedule ${c.config.schedule}` } : parts.length ? { value: sum, why: `executions: ${from}` } : { value: 10_000, why: 'default executions' };
        const n = f.set('requestsPerMonth', runs.value, runs.why);
        const steps = c.config.steps.length || this.st.out(c.id, ['invoke']).length || 1;
        f.set('messagesPerMonth', n * (2 * steps + 2), `${2 * steps + 2} state transitions per execution (${steps} task steps with retries off)`);
        if (c.config.type === 'EXPRESS') f.set('avgDurationMs', 1000, 'default 1 s per express execution');
        return { items: n, role };
      }
      case 'kinesis-streams': {
        const r = parts.length ? { value: sum, why: from } : L.messages !== undefined ? { value: L.messages, why: "records from the requirements' traffic" } : { value: 10_000_000, why: 'default records for a kinesis-streams with no stated load' };
        const n = f.set('messagesPerMonth', r.value, r.why);
        const onDemand = c.config.mode === 'ON_DEMAND';
        const size = onDemand ? Math.max(1, L.payloadKb) : L.payloadKb;
        f.set('dataProcessedGb', kb(n, size), `records x ${fmt(size)} KB${onDemand && L.payloadKb < 1 ? ' (on-demand bills each record as at least 1 KB)' : ''}`);
        f.set('hoursPerMonth', HOURS_PER_MONTH, 'always on');
        return { items: n, role };
      }
      case 'kinesis-firehose': {
        const r = parts.length ? { value: sum, why: from } : L.messages !== undefined ? { value: L.messages, why: "records from the requirements' traffic" } : { value: 10_000_000, why: 'default records' };
        const gb = f.set('dataProcessedGb', kb(r.value, L.payloadKb), `${fmt(r.value)} records x ${fmt(L.payloadKb)} KB (${r.why})`);
        return { items: L.payloadKb > 0 ? gb / (L.payloadKb * GB_PER_KB) : r.value, role };
      }
      case 'iot-core': {
        const m = L.messages !== undefined ? { value: L.messages, why: "messages from the requirements' traffic" } : { value: 10_000_000, why: 'default messages for a iot-core with no stated load' };
        const n = f.set('messagesPerMonth', m.value, m.why);
        const devices = L.devices;
        f.set('connectionMinutesPerMonth', (devices ?? 1000) * MINUTES_PER_MONTH, devices !== undefined ? `${fmt(devices)} devices connected all month` : 'default 1,000 devices connected all month');
        return { items: n, role };
      }
      case 'ses': {
        const r = parts.length && L.stated ? { value: sum, why: `emails: ${from}` } : { value: 10_000, why: 'default 10,000 emails a month' };
        return { items: f.set('messagesPerMonth', r.value, r.why), role };
      }
      case 'transfer-family': {
        f.set('hoursPerMonth', HOURS_PER_MONTH, 'the endpoint runs all month');
        const g = L.growthGbPerMonth;
        f.set('dataProcessedGb', g ?? 100, g !== undefined ? `the ${fmt(g)} GB a month the requirements say arrive` : 'default 100 GB transferred');
        return { role };
      }
      case 'cognito': {
        if (L.mau !== undefined) f.set('monthlyActiveUsers', L.mau, 'monthly active users from the requirements');
        else {
          const users = L.stated ? activeUsers(L) : undefined;
          if (users) f.set('monthlyActiveUsers', users.dau * RULES.mauPerCountedDau, `no user count stated: ${RULES.mauPerCountedDau} x ${users.why}, the analysis's DAU/MAU of 0.5`);
          else f.set('monthlyActiveUsers', 1000, 'default 1,000 monthly active users');
        }
        return { role };
      }
      case 'secrets-manager':
        f.set('requestsPerMonth', 100_000, 'default 100,000 reads (with client-side caching)');
        return { role };
    }
  }

  /** Size of an API's answers: the payload up to 16 KB, a short answer to uploads, an acknowledgement from a collector. */
  private responseOf(api: Component): { kb: number; why: string } {
    const L = this.load;
    const handlers = this.st.handlersOf(api);
    const collector = handlers.length > 0 && handlers.every((h) => this.st.out(h.id, ['read', 'read-write']).length === 0 && this.st.out(h.id, ['write', 'publish']).length > 0);
    if (collector) return { kb: RULES.acknowledgementKb, why: 'acknowledgements (its handlers only write or publish)' };
    if (L.payloadKb > RULES.responseKbCap) return { kb: RULES.uploadAnswerKb, why: `answers to ${fmt(L.payloadKb)} KB uploads` };
    return { kb: L.payloadKb, why: 'responses' };
  }

  private apiRequests(c: ComponentOfService<'apigateway-rest' | 'apigateway-http'>, parts: Part[], sum: number, from: string): [number, string] {
    const L = this.load;
    if (parts.length) return [sum, from];
    if (L.requests === undefined) return [1_000_000, `default requests for a ${c.service} with no stated load`];
    const formOnly = c.config.routes.length > 0 && c.config.routes.every((r) => /^POST\s/i.test(r));
    if (L.staticSite && formOnly) return [L.requests * RULES.formShare, `a form beside a static site: 1 submission per ${fmt(1 / RULES.formShare)} of the ${fmt(L.requests)} page requests`];
    return [L.requests, "requests from the requirements' traffic"];
  }

  /** A CDN in front of buckets serves objects by the bucket's purpose; in front of an API it passes requests on. */
  private cloudfront(c: Component, f: Filler): number {
    const L = this.load;
    const origins = this.st.out(c.id, ['route']).map((e) => this.st.get(e.to)!);
    const buckets = origins.filter((o): o is ComponentOfService<'s3'> => o.service === 's3');
    const order = ['media', 'static-site', 'general'];
    const bucket = [...buckets].sort((a, b) => (order.indexOf(a.config.purpose) + 1 || 9) - (order.indexOf(b.config.purpose) + 1 || 9))[0];
    if (!bucket) {
      const r = this.requestsOr(1_000_000, 'requests', 'default requests for a cloudfront with no stated load');
      const req = f.set('requestsPerMonth', r.value, r.why);
      const size = origins.length ? this.responseOf(origins[0]!).kb : 100;
      f.set('dataOutGb', kb(req, size), origins.length ? `requests x ${fmt(size)} KB responses` : 'requests x 100 KB average object');
      return req;
    }
    const purpose = bucket.config.purpose;
    const size = RULES.objectKb[purpose] ?? 100;
    let req: number;
    if (L.requests === undefined) req = f.set('requestsPerMonth', 1_000_000, 'default requests for a cloudfront with no stated load');
    else if (purpose === 'static-site' && L.staticSite) req = f.set('requestsPerMonth', L.requests, "page and asset requests from the requirements' traffic (the site is the workload)");
    else if (purpose === 'media') req = f.set('requestsPerMonth', L.requests * RULES.mediaViewShare, `media views: 1 per ${fmt(1 / RULES.mediaViewShare)} of the ${fmt(L.requests)} API requests`);
    else if (purpose === 'static-site') req = f.set('requestsPerMonth', L.requests * RULES.staticAssetShare, `web app assets: 1 per ${fmt(1 / RULES.staticAssetShare)} of the ${fmt(L.requests)} API requests (browsers cache the rest)`);
    else req = f.set('requestsPerMonth', L.requests * RULES.downloadShare, `downloads: 1 per ${fmt(1 / RULES.downloadShare)} of the ${fmt(L.requests)} requests`);
    f.set('dataOutGb', kb(req, size), `requests x ${fmt(size)} KB average ${purpose} object`);
    return req;
  }

  private websocket(c: ComponentOfService<'apigateway-websocket'>, f: Filler): number {
    const L = this.load;
    const m = L.messages !== undefined ? { value: L.messages, why: "messages from the requirements' traffic" } : { value: 1_000_000, why: 'default messages for a apigateway-websocket with no stated load' };
    const fanOut = this.st.pushesBack(c) ? 1 + RULES.websocketRecipients : 1;
    // Stated messages count both directions; the handlers see the inbound share of them.
    const total = f.set('messagesPerMonth', m.value * fanOut, fanOut > 1 ? `${fmt(m.value)} messages received (${m.why}) and each pushed to ${RULES.websocketRecipients} connections` : m.why);
    const inbound = total / fanOut;
    f.set(
      'connectionMinutesPerMonth',
      L.peakConcurrent !== undefined ? L.peakConcurrent * RULES.averageConnectionShare * MINUTES_PER_MONTH : 100 * MINUTES_PER_MONTH,
      L.peakConcurrent !== undefined ? `a quarter of the ${fmt(L.peakConcurrent)} peak connections open on average, all month` : 'default 100 connections open on average',
    );
    if (this.egress && L.stated && this.st.pushesBack(c)) {
      const size = L.payloadKb > RULES.responseKbCap ? RULES.uploadAnswerKb : L.payloadKb;
      f.set('dataOutGb', kb(inbound * RULES.websocketRecipients, size), `${fmt(inbound * RULES.websocketRecipients)} pushed messages x ${fmt(size)} KB to the internet`);
    }
    return inbound;
  }

  private lambda(c: ComponentOfService<'lambda'>, f: Filler, parts: Part[], role: Role): number {
    const timeoutMs = c.config.timeoutSeconds * 1000 * RULES.scheduledTimeoutShare;
    if (c.config.schedule) {
      const runs = f.set('requestsPerMonth', runsPerMonth(c.config.schedule), `runs of its schedule ${c.config.schedule}`);
      f.set('avgDurationMs', timeoutMs, `half its ${c.config.timeoutSeconds} s timeout per run (a scheduled batch job)`);
      return runs;
    }
    if (parts.length === 0) {
      const r = this.requestsOr(1_000_000, 'invocations', 'default invocations for a lambda with no stated load');
      f.set('requestsPerMonth', r.value, r.why);
      f.set('avgDurationMs', RULES.requestMs, 'default 100 ms per invocation');
      return r.value;
    }
    let invocations = 0;
    let items = 0;
    const why: string[] = [];
    let batchWhy: string | undefined;
    for (const p of parts) {
      items += p.items;
      const b = this.batch(p.from, p.items);
      invocations += p.items / b.size;
      why.push(b.size > 1 || CHANNELS.has(p.from.service) || p.from.service === 'dynamodb' ? `${p.why}, ${b.why}` : p.why);
      if (b.size > 1) batchWhy = b.why;
    }
    const inv = f.set('requestsPerMonth', invocations, `invocations: ${why.join('; ')}`);
    const scheduledStep = role === 'schedule';
    if (scheduledStep) f.set('avgDurationMs', timeoutMs, `half its ${c.config.timeoutSeconds} s timeout per run (a step of a scheduled workflow)`);
    else if (batchWhy && inv > 0) {
      const avg = items / inv;
      f.set('avgDurationMs', RULES.requestMs + RULES.batchMsPerRecord * (avg - 1), `100 ms plus ${RULES.batchMsPerRecord} ms for each of the ${fmt(avg - 1)} further records in an average batch of ${fmt(avg)}`);
    } else f.set('avgDurationMs', RULES.requestMs, 'default 100 ms per invocation');
    return items;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Data stores
  // ------------------------------------------------------------------------------------------------------------

  /** Reads and writes (in items) the components accessing a store make, by how work reaches them. */
  private access(store: Component): { reads: number; writes: number; newItems: number; why: string[] } | undefined {
    const L = this.load;
    const edges = this.st.into(store.id, ['read', 'write', 'read-write']);
    const rw = L.readWriteRatio;
    let reads = 0;
    let writes = 0;
    let newItems = 0;
    let any = false;
    const why: string[] = [];
    const scheduled: Connection[] = [];
    for (const e of edges) {
      const a = this.st.get(e.from)!;
      if (DATA_STORES.has(a.service) || a.service === 'athena' || a.service === 'kinesis-firehose' || a.service === 'transfer-family') continue;
      const A = this.resolve(a);
      const items = A.items ?? A.usage.requestsPerMonth;
      if (items === undefined) continue;
      if (A.role === 'schedule') {
        scheduled.push(e);
        continue;
      }
      any = true;
      const canRead = e.kind !== 'write';
      const canWrite = e.kind !== 'read';
      if (A.role === 'record' || A.role === 'message' || A.role === 'people') {
        // Each record or message is stored (and, when the consumer also reads, looked up) once.
        if (canWrite) {
          const aggregate = A.role === 'record' && this.st.aggregates(a, e);
          const w = aggregate ? (A.usage.requestsPerMonth ?? items) : items;
          // Readings and chat messages are new items; business events mostly update the items they are about.
          const readings = A.role === 'message' || this.fedByStreams(a);
          writes += w;
          newItems += readings || aggregate ? w : w * RULES.newItemShare;
          why.push(aggregate ? `${a.id} writes one aggregate per batch (${fmt(w)})` : `${a.id} ${readings ? 'stores' : 'writes once for'} each of its ${fmt(items)} ${A.role === 'message' ? 'messages' : 'records'}`);
        }
        if (canRead) {
          reads += items;
          why.push(`${a.id} reads once per ${A.role === 'message' ? 'message' : 'record'}`);
        }
      } else if (canRead && canWrite) {
        reads += (items * rw) / (rw + 1);
        writes += items / (rw + 1);
        newItems += (items / (rw + 1)) * RULES.newItemShare;
        why.push(`${a.id}: ${fmt(items)} requests at ${fmt(rw)} reads per write`);
      } else if (canWrite) {
        // A writer that never reads inserts: every write is a new item (events, readings, log lines).
        writes += items;
        newItems += items;
        why.push(`${a.id} inserts an item on each of its ${fmt(items)} requests`);
      } else {
        reads += items;
        why.push(`${a.id} reads on each of its ${fmt(items)} requests`);
      }
    }
    // A scheduled job processes what arrived since its last run: each new item read (and updated) once.
    for (const e of scheduled) {
      any = true;
      reads += newItems;
      if (e.kind !== 'read') writes += newItems;
      why.push(`${e.from} reads${e.kind !== 'read' ? ' and updates' : ''} each new item once`);
    }
    return any ? { reads, writes, newItems, why } : undefined;
  }

  /** Items the clients of a store (a cache) handle a month. */
  private accessOps(store: Component): { items: number; why: string } | undefined {
    let items = 0;
    const ids: string[] = [];
    for (const e of this.st.into(store.id, ['read', 'write', 'read-write'])) {
      const a = this.st.get(e.from)!;
      if (!COMPUTE.has(a.service) && a.service !== 'appsync') continue;
      const A = this.resolve(a);
      const n = A.items ?? A.usage.requestsPerMonth;
      if (n === undefined) continue;
      items += n;
      ids.push(`${a.id} ${fmt(n)}`);
    }
    return ids.length ? { items, why: ids.join(', ') } : undefined;
  }

  /** The requirements' data volume as a store holds it over the first year. */
  private requirementDataGb(compression = 1, what = 'data'): { value: number; why: string } | undefined {
    const L = this.load;
    const ratio = compression > 1 ? ` / ${compression} (${what})` : '';
    if (L.growthGbPerMonth !== undefined) {
      const g = L.growthGbPerMonth / compression;
      const avg = firstYearAverageGb(g, L.retentionDays) + (L.storedTodayGb ?? 0) / compression;
      return { value: avg, why: `first-year average of ${fmt(L.growthGbPerMonth)} GB a month${ratio}${L.retentionDays ? ` kept ${fmt(L.retentionDays)} days` : ''}${L.storedTodayGb ? ` plus the ${fmt(L.storedTodayGb)} GB stored today` : ''}` };
    }
    if (L.storedGb !== undefined) return { value: L.storedGb / compression, why: `data stored, from the requirements${ratio}` };
    return undefined;
  }

  private dynamodb(c: ComponentOfService<'dynamodb'>, f: Filler): number | undefined {
    const L = this.load;
    const itemKb = L.payloadKb;
    const rru = Math.ceil(itemKb / 4) || 1;
    const wru = Math.ceil(itemKb) || 1;
    const acc = L.stated ? this.access(c) : undefined;
    if (acc) {
      f.set('readsPerMonth', acc.reads * rru, `${fmt(acc.reads)} reads x ${rru} read unit(s) for ${fmt(itemKb)} KB items (${acc.why.join('; ')})`);
      f.set('writesPerMonth', acc.writes * wru, `${fmt(acc.writes)} writes x ${wru} write unit(s) for ${fmt(itemKb)} KB items`);
    } else if (L.requests !== undefined) {
      const rw = L.readWriteRatio;
      f.set('readsPerMonth', ((L.requests * rw) / (rw + 1)) * rru, `${fmt(rw)} reads per write, ${fmt(itemKb)} KB items (4 KB read units)`);
      f.set('writesPerMonth', (L.requests / (rw + 1)) * wru, `1 write per ${fmt(rw)} reads, ${fmt(itemKb)} KB items (1 KB write units)`);
    } else {
      f.set('readsPerMonth', 1_000_000, 'default reads');
      f.set('writesPerMonth', 250_000, 'default writes');
    }
    const sizeKb = itemKb + RULES.itemOverheadKb;
    if (c.config.ttlAttribute && L.stated) {
      const window = L.hotWindowDays !== undefined ? { days: L.hotWindowDays, why: `the ${fmt(L.hotWindowDays * 24)}-hour window the requirements keep hot` } : L.retentionDays !== undefined ? { days: L.retentionDays, why: `the ${fmt(L.retentionDays)}-day retention` } : { days: RULES.defaultTtlDays, why: `a ${RULES.defaultTtlDays}-day TTL (none stated)` };
      const items = acc ? acc.newItems : undefined;
      if (items !== undefined) {
        const g = kb(items, sizeKb);
        f.set('storageGb', firstYearAverageGb(g, window.days), `TTL keeps only ${window.why}: ${fmt(items)} new items a month x ${fmt(sizeKb)} KB (item plus overhead) held ${fmt(window.days)} days (expired items are deleted within days, not counted)`);
      } else if (L.growthGbPerMonth !== undefined) {
        f.set('storageGb', firstYearAverageGb(L.growthGbPerMonth, window.days), `TTL keeps only ${window.why} of the ${fmt(L.growthGbPerMonth)} GB arriving a month`);
      }
    }
    if (acc && f.u.storageGb === undefined) {
      const data = this.requirementDataGb();
      if (data) f.set('storageGb', data.value, data.why);
      else {
        const g = kb(acc.newItems, sizeKb);
        f.set('storageGb', firstYearAverageGb(g), `first-year average of ${fmt(acc.newItems)} new items a month (${RULES.newItemShare * 100} % of writes create items) x ${fmt(sizeKb)} KB`);
      }
    }
    if (f.u.storageGb === undefined) {
      const data = this.requirementDataGb();
      f.set('storageGb', data?.value ?? 1, data?.why ?? `default storage for a ${c.service}`);
    }
    // Stream records are item changes: write units over the units one item takes.
    return (f.u.writesPerMonth ?? 0) / wru;
  }

  private database(c: ComponentOfService<'aurora' | 'documentdb' | 'rds'>, f: Filler): void {
    const L = this.load;
    const acc = L.stated ? this.access(c) : undefined;
    if (c.service === 'rds') {
      const data = L.stated ? this.requirementDataGb() : undefined;
      if (data && data.value > c.config.allocatedStorageGb) f.set('storageGb', data.value, `${data.why} (more than the ${c.config.allocatedStorageGb} GB allocated)`);
      else f.set('storageGb', c.config.allocatedStorageGb, 'the allocated storage (billed whether used or not)');
      return;
    }
    const fallback = 20;
    const data = L.stated ? this.requirementDataGb() : undefined;
    if (data) f.set('storageGb', data.value, data.why);
    else if (acc) {
      const g = kb(acc.newItems, L.payloadKb);
      f.set('storageGb', Math.max(fallback, firstYearAverageGb(g)), `first-year average of ${fmt(acc.newItems)} new rows a month x ${fmt(L.payloadKb)} KB, at least ${fallback} GB`);
    } else f.set('storageGb', fallback, `default storage for a ${c.service}`);
    if (acc) {
      const io = acc.writes * RULES.ioPerWrite + acc.reads * RULES.readCacheMissShare;
      f.set('requestsPerMonth', io, `${RULES.ioPerWrite} storage I/Os per write and 1 per ${fmt(1 / RULES.readCacheMissShare)} reads (the rest hit the buffer cache): ${fmt(acc.writes)} writes, ${fmt(acc.reads)} reads (${acc.why.join('; ')})`);
    } else if (L.requests !== undefined) {
      const rw = L.readWriteRatio;
      const io = L.requests * (RULES.ioPerWrite / (rw + 1) + (RULES.readCacheMissShare * rw) / (rw + 1));
      f.set('requestsPerMonth', io, `storage I/Os for ${fmt(L.requests)} requests at ${fmt(rw)} reads per write: ${RULES.ioPerWrite} per write, 1 per ${fmt(1 / RULES.readCacheMissShare)} reads`);
    } else f.set('requestsPerMonth', 10_000_000, 'default storage I/Os');
    if (c.service === 'aurora' && c.config.capacity === 'serverless-v2') {
      const qps = acc ? (acc.reads + acc.writes) / SECONDS_PER_MONTH : 0;
      const byLoad = qps / RULES.queriesPerAcuSecond;
      if (byLoad > Math.max(c.config.minAcu, RULES.minAverageAcu)) f.set('avgCapacityUnits', Math.min(c.config.maxAcu, byLoad), `average ACUs: ${fmt(qps)} queries/s / ${RULES.queriesPerAcuSecond} per ACU${byLoad > c.config.maxAcu ? `, capped at maxAcu ${c.config.maxAcu}` : ''}`);
      else f.set('avgCapacityUnits', Math.max(c.config.minAcu, RULES.minAverageAcu), `average ACUs: the larger of minAcu (${c.config.minAcu}) and ${RULES.minAverageAcu}${acc ? ` (${fmt(qps)} queries/s need ${fmt(byLoad)} at ${RULES.queriesPerAcuSecond} per ACU)` : ''}`);
    }
  }

  private s3(c: ComponentOfService<'s3'>, f: Filler): void {
    const L = this.load;
    const purpose = c.config.purpose;
    if (!L.stated) {
      f.set('storageGb', 10, `default storage for a ${c.service}`);
      f.set('writesPerMonth', 100_000, 'default PUT requests');
      f.set('readsPerMonth', 1_000_000, 'default GET requests');
      return;
    }
    const expiry = c.config.lifecycle.filter((r) => r.expirationDays !== undefined).sort((a, b) => (a.prefix === '' ? -1 : 1) - (b.prefix === '' ? -1 : 1))[0]?.expirationDays;
    const objectKb = RULES.objectKb[purpose] ?? 100;
    let gbIn = 0;
    let objects = 0;
    const why: string[] = [];
    const batchReaders: string[] = [];
    let requestReads = 0;
    for (const e of this.st.into(c.id, ['read', 'write', 'read-write'])) {
      const a = this.st.get(e.from)!;
      const A = this.resolve(a);
      const canWrite = e.kind !== 'read';
      const canRead = e.kind !== 'write';
      if (a.service === 'kinesis-firehose' && canWrite) {
        const ratio = a.config.format === 'parquet' ? RULES.compression.parquet! : RULES.compression[a.config.compression] ?? 1;
        const gb = (A.usage.dataProcessedGb ?? 0) / ratio;
        const flushes = Math.max(SECONDS_PER_MONTH / a.config.bufferSeconds, ((A.usage.dataProcessedGb ?? 0) / ratio) * 1024 / a.config.bufferMb);
        gbIn += gb;
        objects += flushes;
        why.push(`${a.id} delivers ${fmt(gb)} GB (${fmt(A.usage.dataProcessedGb ?? 0)} GB ${a.config.format === 'parquet' ? 'as Parquet' : `${a.config.compression}`}, ${ratio}x smaller) in ${fmt(flushes)} objects (one per ${a.config.bufferSeconds} s or ${a.config.bufferMb} MB buffer)`);
      } else if (a.service === 'transfer-family' && canWrite) {
        const gb = A.usage.dataProcessedGb ?? 0;
        gbIn += gb;
        objects += (gb * 1024) / RULES.transferFileMb;
        why.push(`${a.id} uploads ${fmt(gb)} GB in files of ${RULES.transferFileMb} MB`);
      } else if (A.role === 'schedule' && canWrite) {
        // A batch job writes what arrived in the buckets it reads, as compressed Parquet, one object per input file.
        const inGb = this.bucketInflowGb(a.id, c.id);
        const ratio = RULES.compression.parquet!;
        if (inGb > 0) {
          gbIn += inGb / ratio;
          objects += this.bucketInflowObjects(a.id, c.id);
          why.push(`${a.id} writes what it reads (${fmt(inGb)} GB a month) as Parquet, ${ratio}x smaller`);
        }
        if (canRead) batchReaders.push(a.id);
      } else {
        const items = A.items ?? A.usage.requestsPerMonth;
        if (canRead && (A.role === 'schedule' || a.service === 'glue-job' || a.service === 'athena' || a.service === 'redshift' || a.service === 'sagemaker-endpoint')) batchReaders.push(a.id);
        if (items === undefined) continue;
        if (canWrite) {
          if (purpose === 'media' || purpose === 'general' || purpose === 'backups') {
            const uploads = items * RULES.uploadShare;
            objects += uploads;
            gbIn += kb(uploads, objectKb);
            why.push(`${a.id} uploads on 1 in ${fmt(1 / RULES.uploadShare)} of its ${fmt(items)} requests, ${fmt(objectKb)} KB each`);
          } else if (purpose !== 'static-site' && purpose !== 'artifacts') {
            const inv = A.usage.requestsPerMonth ?? items;
            objects += inv;
            gbIn += kb(items, L.payloadKb);
            why.push(`${a.id} writes its ${fmt(items)} items (${fmt(L.payloadKb)} KB) in ${fmt(inv)} objects`);
          }
        }
        if (canRead && !batchReaders.includes(a.id) && (purpose === 'media' || purpose === 'general')) requestReads += items * RULES.downloadShare;
      }
    }
    // Nobody in the design writes to a media or document bucket: clients upload with presigned URLs.
    const uploadsByClients = objects === 0 && gbIn === 0 && (purpose === 'media' || purpose === 'general') && L.requests !== undefined;
    if (uploadsByClients) {
      const uploads = L.requests! * RULES.uploadShare;
      objects += uploads;
      gbIn += kb(uploads, objectKb);
      why.push(`clients upload on 1 in ${fmt(1 / RULES.uploadShare)} of the ${fmt(L.requests!)} requests, ${fmt(objectKb)} KB each`);
    }
    // Storage: what arrives, kept as long as the lifecycle (or the requirements' retention for collected data) says.
    const collected = purpose === 'data-lake' || purpose === 'landing' || purpose === 'logs';
    const retention = expiry ?? (collected ? L.retentionDays : undefined);
    const keep = retention !== undefined ? `kept ${fmt(retention)} days${expiry !== undefined ? ' (lifecycle expiry)' : ' (requirements retention)'}` : 'kept (no expiry)';
    if (purpose === 'static-site') f.set('storageGb', RULES.staticSiteGb, 'a built static site (HTML, scripts, styles, images)');
    else if (purpose === 'artifacts' && gbIn === 0) f.set('storageGb', 10, 'default storage for model and build artifacts');
    else if (gbIn > 0) f.set('storageGb', firstYearAverageGb(gbIn, retention) + (collected ? 0 : (L.storedTodayGb ?? 0)), `first-year average of ${fmt(gbIn)} GB arriving a month, ${keep}: ${why.join('; ')}`);
    else {
      const data = collected || purpose === 'general' ? this.requirementDataGb() : undefined;
      f.set('storageGb', data?.value ?? 10, data?.why ?? `default storage for a ${c.service}`);
    }

    if (purpose === 'static-site') f.set('writesPerMonth', RULES.staticDeployPutsPerMonth, 'a deploy a day uploading about 500 files');
    else if (purpose === 'artifacts') f.set('writesPerMonth', RULES.artifactPutsPerMonth, 'artifact uploads (a release a day, several files each)');
    else if (objects > 0) f.set('writesPerMonth', objects, `objects written: ${why.join('; ')}`);
    else f.set('writesPerMonth', 100_000, 'default PUT requests (nothing in the design writes to it)');

    const cdnReads = this.st
      .into(c.id, ['route'])
      .map((e) => this.st.get(e.from)!)
      .filter((s) => s.service === 'cloudfront')
      .reduce((s, cdn) => s + (this.resolve(cdn).usage.requestsPerMonth ?? 0) * RULES.cdnMissShare, 0);
    const written = f.u.writesPerMonth ?? 0;
    const batchReads = batchReaders.length * written;
    const parts = [
      cdnReads > 0 ? `${fmt(cdnReads)} CDN cache misses (${RULES.cdnMissShare * 100} % of its requests)` : '',
      batchReads > 0 ? `each new object read once by ${batchReaders.join(', ')}` : '',
      requestReads > 0 ? `downloads on 1 in ${fmt(1 / RULES.downloadShare)} requests` : '',
    ].filter(Boolean);
    if (purpose === 'artifacts') f.set('readsPerMonth', RULES.artifactGetsPerMonth, 'artifact downloads (instances fetching models or builds as they start)');
    else if (parts.length) f.set('readsPerMonth', cdnReads + batchReads + requestReads, parts.join('; '));
    else f.set('readsPerMonth', written, 'each object read back about once');
  }

  /** GB a month arriving in the buckets a batch job reads (other than `except`). */
  private bucketInflowGb(job: string, except: string): number {
    return this.st
      .out(job, ['read', 'read-write'])
      .filter((x) => x.to !== except && this.st.get(x.to)?.service === 's3')
      .reduce((s, x) => s + this.bucketGbIn(x.to), 0);
  }

  private bucketInflowObjects(job: string, except: string): number {
    return this.st
      .out(job, ['read', 'read-write'])
      .filter((x) => x.to !== except && this.st.get(x.to)?.service === 's3')
      .reduce((s, x) => s + (this.resolve(this.st.get(x.to)!).usage.writesPerMonth ?? 0), 0);
  }

  /** GB a month written into a bucket by Firehose and Transfer Family (what batch jobs then process). */
  private bucketGbIn(id: string): number {
    let gb = 0;
    for (const e of this.st.into(id, ['write', 'read-write'])) {
      const a = this.st.get(e.from)!;
      if (a.service === 'transfer-family' || a.service === 'kinesis-firehose') gb += this.resolve(a).usage.dataProcessedGb ?? 0;
    }
    return gb;
  }
}
