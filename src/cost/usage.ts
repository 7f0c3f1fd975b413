import type { Architecture, Component, ComponentService, ComponentUsage, Requirements, UsageProfile } from '../model/index.js';

/** Seconds in the 730-hour month AWS prices by. */
export const SECONDS_PER_MONTH = 730 * 3600;
export const HOURS_PER_MONTH = 730;
export const MINUTES_PER_MONTH = 730 * 60;
const GB_PER_KB = 1 / (1024 * 1024);

/** Usage fields by what they measure; the unit is in the name. */
export type UsageField = keyof ComponentUsage;

/**
 * What a 10x (or any) load multiple does to each usage field. Load-driven fields scale; the others describe how a
 * component runs, not how much it is used, and stay. Fixed costs (provisioned instances from config, NAT hours,
 * KMS keys, hosted zones, endpoints) are not usage at all, so they never scale.
 */
export const SCALING: Record<UsageField, { scales: boolean; why: string }> = {
  requestsPerMonth: { scales: true, why: 'requests grow with users' },
  readsPerMonth: { scales: true, why: 'reads grow with users' },
  writesPerMonth: { scales: true, why: 'writes grow with users' },
  messagesPerMonth: { scales: true, why: 'messages and events grow with users' },
  connectionMinutesPerMonth: { scales: true, why: 'connected clients grow with users' },
  monthlyActiveUsers: { scales: true, why: 'the load multiple is a multiple of users' },
  storageGb: { scales: true, why: 'stored user data grows with users' },
  dataOutGb: { scales: true, why: 'responses grow with requests' },
  dataProcessedGb: { scales: true, why: 'processed bytes grow with requests' },
  scannedTb: { scales: true, why: 'scanned data grows with stored data' },
  avgCapacityUnits: { scales: true, why: 'serverless capacity (ACUs, RPUs) follows load' },
  avgInstances: { scales: true, why: 'auto scaling adds tasks, instances or nodes (scale-out kinds only)' },
  avgDurationMs: { scales: false, why: 'the time one invocation takes does not depend on how many there are' },
  hoursPerMonth: { scales: false, why: 'a schedule runs as long whatever the load' },
};

/** Kinds whose instance count follows load through auto scaling; others keep their configured size. */
export const SCALE_OUT_KINDS: ReadonlySet<ComponentService> = new Set(['ecs-fargate', 'ec2-asg', 'eks']);

/** Design-wide usage fields and whether they scale. */
export const DESIGN_SCALING: Record<'dataOutGb' | 'natProcessedGb' | 'logsIngestedGb' | 'crossAzGb', boolean> = {
  dataOutGb: true,
  natProcessedGb: true,
  logsIngestedGb: true,
  crossAzGb: true,
};

export interface DerivedUsage {
  /** Complete usage: every field a component's cost builder reads is set. */
  profile: UsageProfile;
  /** One line per figure the estimator had to assume, plus the profile's own assumptions. */
  assumptions: string[];
}

interface Load {
  requests?: number;
  messages?: number;
  payloadKb: number;
  readWriteRatio: number;
  storedGb?: number;
  mau?: number;
  peakConcurrent?: number;
  basis: string[];
}

function loadFrom(req: Requirements | undefined, notes: string[]): Load {
  const t = req?.traffic;
  const out: Load = { payloadKb: t?.payloadKb ?? 2, readWriteRatio: t?.readWriteRatio ?? 4, basis: [] };
  if (!req) return out;
  if (t?.avgRps !== undefined) {
    out.requests = t.avgRps * SECONDS_PER_MONTH;
    notes.push(`requests: ${fmt(t.avgRps)} rps average x 2,628,000 s/month = ${fmt(out.requests)} per month (requirements traffic.avgRps)`);
  } else if (t?.peakRps !== undefined) {
    out.requests = (t.peakRps / 3) * SECONDS_PER_MONTH;
    notes.push(`requests: average taken as a third of the ${fmt(t.peakRps)} rps peak = ${fmt(out.requests)} per month (requirements traffic.peakRps)`);
  } else if (t?.dailyActiveUsers !== undefined) {
    out.requests = t.dailyActiveUsers * 50 * 30;
    notes.push(`requests: ${fmt(t.dailyActiveUsers)} DAU x 50 requests a day x 30 days = ${fmt(out.requests)} per month`);
  }
  if (t?.peakMessagesPerSecond !== undefined) {
    out.messages = (t.peakMessagesPerSecond / 3) * SECONDS_PER_MONTH;
    notes.push(`messages: average taken as a third of the ${fmt(t.peakMessagesPerSecond)}/s peak = ${fmt(out.messages)} per month`);
  } else if (out.requests !== undefined) {
    out.messages = out.requests;
  }
  if (req.data.storedGb !== undefined) {
    out.storedGb = req.data.storedGb + (req.data.growthGbPerMonth ?? 0) * 6;
    notes.push(`storage: ${fmt(req.data.storedGb)} GB stored${req.data.growthGbPerMonth ? ` + 6 months of ${fmt(req.data.growthGbPerMonth)} GB growth (average over the first year)` : ''} = ${fmt(out.storedGb)} GB`);
  }
  if (t?.monthlyActiveUsers !== undefined) out.mau = t.monthlyActiveUsers;
  else if (t?.dailyActiveUsers !== undefined) {
    out.mau = t.dailyActiveUsers * 3;
    notes.push(`monthly active users: 3 x ${fmt(t.dailyActiveUsers)} DAU = ${fmt(out.mau)}`);
  } else if (t?.users !== undefined) {
    out.mau = t.users * 0.5;
    notes.push(`monthly active users: half of ${fmt(t.users)} users = ${fmt(out.mau)}`);
  }
  if (t?.peakConcurrent !== undefined) out.peakConcurrent = t.peakConcurrent;
  return out;
}

/** Runs per month of an EventBridge schedule expression (rate or cron), approximately. */
export function runsPerMonth(expr: string): number {
  const rate = expr.match(/^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/);
  if (rate) {
    const n = Number(rate[1]);
    const per = rate[2]!.startsWith('minute') ? MINUTES_PER_MONTH : rate[2]!.startsWith('hour') ? HOURS_PER_MONTH : 730 / 24;
    return per / n;
  }
  const cron = expr.match(/^cron\((\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/);
  if (cron) {
    const [, min, hour, dom, , dow] = cron;
    const perDay = (min!.includes('/') ? 60 / Number(min!.split('/')[1]) : min === '*' ? 60 : 1) * (hour!.includes('/') ? 24 / Number(hour!.split('/')[1]) : hour === '*' ? 24 : hour!.split(',').length);
    const days = dom !== '*' && dom !== '?' ? dom!.split(',').length : dow !== '*' && dow !== '?' ? (30 / 7) * dow!.split(',').length : 30;
    return perDay * days;
  }
  return 30;
}

function fmt(n: number): string {
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 1000) / 1000);
}

type Fill = { value: number; why: string };

/**
 * Completes the usage profile: explicit usage wins, then the override, then figures derived from the requirements,
 * then conservative per-kind defaults. Every derived or defaulted figure is listed as an assumption.
 */
export function deriveUsage(arch: Architecture, options: { requirements?: Requirements; override?: Partial<UsageProfile> & { components?: Record<string, ComponentUsage> } } = {}): DerivedUsage {
  const assumptions: string[] = [...arch.usage.assumptions, ...(options.override?.assumptions ?? [])];
  const explicit: Record<string, ComponentUsage> = {};
  for (const [id, u] of Object.entries(arch.usage.components)) explicit[id] = { ...u };
  for (const [id, u] of Object.entries(options.override?.components ?? {})) explicit[id] = { ...(explicit[id] ?? {}), ...u };
  const notes: string[] = [];
  const load = loadFrom(options.requirements, notes);
  assumptions.push(...notes);

  const byId = new Map(arch.components.map((c) => [c.id, c]));
  const components: Record<string, ComponentUsage> = {};
  // Components fed by others (lambda behind an API, queue behind a topic) are resolved after their sources.
  const resolving = new Set<string>();
  const resolve = (c: Component): ComponentUsage => {
    const done = components[c.id];
    if (done) return done;
    if (resolving.has(c.id)) return explicit[c.id] ?? {};
    resolving.add(c.id);
    const u: ComponentUsage = { ...(explicit[c.id] ?? {}) };
    const incoming = arch.connections.filter((e) => e.to === c.id && ['invoke', 'trigger', 'publish', 'subscribe', 'route'].includes(e.kind) && byId.has(e.from));
    const upstream = () => {
      let total = 0;
      let any = false;
      for (const e of incoming) {
        const src = byId.get(e.from)!;
        if (src.service === 'lambda' && c.service !== 'lambda' && e.kind === 'invoke') continue;
        const su = resolve(src);
        const v = su.messagesPerMonth ?? su.requestsPerMonth;
        if (v !== undefined) {
          total += v;
          any = true;
        }
      }
      return any ? total : undefined;
    };
    const requestsOf = (ids: string[]) => {
      const vals = ids.filter((id) => byId.has(id) && id !== c.id).map((id) => resolve(byId.get(id)!).requestsPerMonth);
      return vals.some((v) => v !== undefined) ? vals.reduce<number>((s, v) => s + (v ?? 0), 0) : undefined;
    };
    for (const [field, fill] of Object.entries(needs(c, load, upstream, requestsOf, arch))) {
      const key = field as UsageField;
      if (u[key] !== undefined || fill === undefined) continue;
      u[key] = fill.value;
      assumptions.push(`${c.id}.${key} = ${fmt(fill.value)}: ${fill.why}`);
    }
    components[c.id] = u;
    resolving.delete(c.id);
    return u;
  };
  for (const c of arch.components) resolve(c);

  const empty = Object.keys(arch.usage.components).length === 0 && !options.override?.components;
  const design = {
    dataOutGb: options.override?.dataOutGb ?? arch.usage.dataOutGb,
    natProcessedGb: options.override?.natProcessedGb ?? arch.usage.natProcessedGb,
    logsIngestedGb: options.override?.logsIngestedGb ?? arch.usage.logsIngestedGb,
    crossAzGb: options.override?.crossAzGb ?? arch.usage.crossAzGb,
  };
  if (empty) {
    // Nothing was stated: derive the design-wide figures too, and say so.
    const compute = arch.components.filter((c) => ['lambda', 'ecs-fargate', 'eks', 'ec2-asg', 'glue-job', 'sagemaker-endpoint'].includes(c.service)).length;
    if (design.logsIngestedGb === 0 && compute > 0) {
      const reqs = arch.components.filter((c) => c.service === 'lambda').reduce((s, c) => s + (components[c.id]!.requestsPerMonth ?? 0), 0);
      design.logsIngestedGb = Math.max(compute * 1, reqs * 1 * GB_PER_KB);
      assumptions.push(`logsIngestedGb = ${fmt(design.logsIngestedGb)}: 1 KB of logs per Lambda invocation, at least 1 GB per compute component`);
    }
    if (design.natProcessedGb === 0 && arch.network && arch.network.natGateways !== 'none') {
      design.natProcessedGb = 10;
      assumptions.push('natProcessedGb = 10: default outbound traffic through NAT (package downloads, third-party APIs)');
    }
    if (design.crossAzGb === 0 && arch.network && arch.network.azCount > 1 && arch.components.some((c) => ['ecs-fargate', 'ec2-asg', 'eks'].includes(c.service))) {
      design.crossAzGb = 10;
      assumptions.push('crossAzGb = 10: default traffic between tasks and data stores in other AZs');
    }
  }
  return { profile: { components, ...design, assumptions: [] }, assumptions };
}

/** The usage fields a kind's cost builder reads, with how each is filled when missing. */
function needs(c: Component, load: Load, upstream: () => number | undefined, requestsOf: (ids: string[]) => number | undefined, arch: Architecture): Partial<Record<UsageField, Fill | undefined>> {
  const R = (fallback: number, what = 'requests'): Fill =>
    load.requests !== undefined ? { value: load.requests, why: `${what} from the requirements' traffic` } : { value: fallback, why: `default ${what} for a ${c.service} with no stated load` };
  const M = (fallback: number): Fill =>
    load.messages !== undefined ? { value: load.messages, why: 'messages from the requirements\' traffic' } : { value: fallback, why: `default messages for a ${c.service} with no stated load` };
  const fromUpstream = (fallback: Fill, unit = 'requests'): Fill => {
    const up = upstream();
    return up !== undefined ? { value: up, why: `${unit} of the components that send to it` } : fallback;
  };
  const stored = (fallback: number): Fill =>
    load.storedGb !== undefined ? { value: load.storedGb, why: 'data stored, from the requirements' } : { value: fallback, why: `default storage for a ${c.service}` };
  const gbFor = (requests: number, kb: number) => requests * kb * GB_PER_KB;
  switch (c.service) {
    case 'cloudfront': {
      const req = fromUpstream(R(1_000_000), 'requests');
      return { requestsPerMonth: req, dataOutGb: { value: gbFor(req.value, 100), why: 'requests x 100 KB average object' } };
    }
    case 'route53':
      return { requestsPerMonth: load.requests !== undefined ? { value: load.requests * 0.1, why: 'one DNS query per 10 requests (resolver caching)' } : { value: 1_000_000, why: 'default DNS queries' } };
    case 'acm':
      return {};
    case 'waf': {
      const protectedIds = [...new Set([...c.config.protects, ...arch.connections.filter((e) => e.from === c.id && e.kind === 'protect').map((e) => e.to)])];
      const inspected = requestsOf(protectedIds);
      return { requestsPerMonth: inspected !== undefined ? { value: inspected, why: `requests of the components it protects (${protectedIds.join(', ')})` } : R(1_000_000, 'requests inspected') };
    }
    case 'apigateway-rest':
    case 'apigateway-http':
      return { requestsPerMonth: R(1_000_000) };
    case 'apigateway-websocket':
      return {
        messagesPerMonth: M(1_000_000),
        connectionMinutesPerMonth:
          load.peakConcurrent !== undefined
            ? { value: load.peakConcurrent * 0.25 * MINUTES_PER_MONTH, why: `a quarter of the ${fmt(load.peakConcurrent)} peak connections open on average, all month` }
            : { value: 100 * MINUTES_PER_MONTH, why: 'default 100 connections open on average' },
      };
    case 'appsync':
      return { requestsPerMonth: R(1_000_000, 'GraphQL operations'), messagesPerMonth: { value: 0, why: 'no real-time subscriptions stated' }, connectionMinutesPerMonth: { value: 0, why: 'no real-time subscriptions stated' } };
    case 'alb':
    case 'nlb': {
      const req = R(1_000_000);
      return { requestsPerMonth: req, dataProcessedGb: { value: gbFor(req.value, load.payloadKb * 2), why: `requests x ${fmt(load.payloadKb * 2)} KB (request plus response)` } };
    }
    case 'lambda': {
      const scheduled = c.config.schedule ? { value: runsPerMonth(c.config.schedule), why: `runs of its schedule ${c.config.schedule}` } : undefined;
      return {
        requestsPerMonth: scheduled ?? fromUpstream(R(1_000_000, 'invocations'), 'invocations'),
        avgDurationMs: { value: 100, why: 'default 100 ms per invocation' },
      };
    }
    case 'ecs-fargate':
      return {
        avgInstances: { value: c.config.mode === 'scheduled-task' ? 1 : c.config.desiredCount, why: c.config.mode === 'scheduled-task' ? 'one task per scheduled run' : 'the configured desired count' },
        hoursPerMonth: c.config.mode === 'scheduled-task' ? { value: (c.config.schedule ? runsPerMonth(c.config.schedule) : 30) * 1, why: 'one hour per scheduled run' } : { value: HOURS_PER_MONTH, why: 'always on' },
      };
    case 'eks':
      return { avgInstances: { value: c.config.desiredNodes, why: 'the configured desired node count' } };
    case 'ec2-asg':
      return { avgInstances: { value: c.config.desiredCapacity, why: 'the configured desired capacity' } };
    case 'glue-job':
      return { hoursPerMonth: { value: (c.config.schedule ? runsPerMonth(c.config.schedule) : 30) * 1, why: 'one hour per run, one run a day unless scheduled otherwise' } };
    case 'sagemaker-endpoint':
      return c.config.mode === 'serverless'
        ? { requestsPerMonth: R(100_000, 'inferences'), avgDurationMs: { value: 500, why: 'default 500 ms per inference' } }
        : {};
    case 'dynamodb': {
      const rw = load.readWriteRatio;
      const rReads = load.requests !== undefined ? { value: ((load.requests * rw) / (rw + 1)) * Math.ceil(load.payloadKb / 4), why: `${fmt(rw)} reads per write, ${fmt(load.payloadKb)} KB items (4 KB read units)` } : { value: 1_000_000, why: 'default reads' };
      const rWrites = load.requests !== undefined ? { value: (load.requests / (rw + 1)) * Math.ceil(load.payloadKb), why: `1 write per ${fmt(rw)} reads, ${fmt(load.payloadKb)} KB items (1 KB write units)` } : { value: 250_000, why: 'default writes' };
      return { readsPerMonth: rReads, writesPerMonth: rWrites, storageGb: stored(1) };
    }
    case 'aurora':
      return {
        storageGb: stored(20),
        requestsPerMonth: load.requests !== undefined ? { value: load.requests * 2, why: 'two storage I/Os per request (Aurora Standard)' } : { value: 10_000_000, why: 'default storage I/Os' },
        ...(c.config.capacity === 'serverless-v2' ? { avgCapacityUnits: { value: Math.max(c.config.minAcu, 2), why: `average ACUs: the larger of minAcu (${c.config.minAcu}) and 2` } } : {}),
      };
    case 'rds':
      return { storageGb: { value: c.config.allocatedStorageGb, why: 'the allocated storage (billed whether used or not)' } };
    case 'elasticache':
      return c.config.mode === 'serverless'
        ? { storageGb: { value: Math.min(1, c.config.maxDataGb), why: 'default 1 GB cached' }, requestsPerMonth: load.requests !== undefined ? { value: load.requests * 2, why: 'two cache operations per request' } : { value: 10_000_000, why: 'default cache operations' } }
        : {};
    case 'documentdb':
      return { storageGb: stored(20), requestsPerMonth: load.requests !== undefined ? { value: load.requests, why: 'one storage I/O per request' } : { value: 10_000_000, why: 'default storage I/Os' } };
    case 's3':
      return {
        storageGb: stored(10),
        writesPerMonth: load.requests !== undefined ? { value: load.requests * 0.01, why: 'one upload per 100 requests' } : { value: 100_000, why: 'default PUT requests' },
        readsPerMonth: load.requests !== undefined ? { value: load.requests * 0.1, why: 'one GET per 10 requests' } : { value: 1_000_000, why: 'default GET requests' },
      };
    case 'opensearch':
      return {};
    case 'redshift':
      return c.config.mode === 'serverless'
        ? { avgCapacityUnits: { value: c.config.baseRpu, why: 'the base RPU capacity' }, hoursPerMonth: { value: 120, why: '4 hours of queries a day' }, storageGb: stored(100) }
        : { storageGb: stored(100) };
    case 'athena':
      return { scannedTb: { value: 1, why: 'default 1 TB scanned a month' } };
    case 'sqs':
    case 'sns':
    case 'eventbridge':
      return { messagesPerMonth: fromUpstream(M(c.service === 'sns' ? 100_000 : 1_000_000), 'messages') };
    case 'step-functions': {
      const runs = c.config.schedule ? { value: runsPerMonth(c.config.schedule), why: `runs of its schedule ${c.config.schedule}` } : fromUpstream({ value: 10_000, why: 'default executions' }, 'executions');
      const steps = c.config.steps.length || arch.connections.filter((e) => e.from === c.id && e.kind === 'invoke').length || 1;
      return {
        requestsPerMonth: runs,
        messagesPerMonth: { value: runs.value * (2 * steps + 2), why: `${2 * steps + 2} state transitions per execution (${steps} task steps with retries off)` },
        ...(c.config.type === 'EXPRESS' ? { avgDurationMs: { value: 1000, why: 'default 1 s per express execution' } } : {}),
      };
    }
    case 'kinesis-streams': {
      const msgs = fromUpstream(M(10_000_000), 'records');
      return { messagesPerMonth: msgs, dataProcessedGb: { value: gbFor(msgs.value, load.payloadKb), why: `records x ${fmt(load.payloadKb)} KB` }, hoursPerMonth: { value: HOURS_PER_MONTH, why: 'always on' } };
    }
    case 'kinesis-firehose': {
      const msgs = fromUpstream(M(10_000_000), 'records');
      return { dataProcessedGb: { value: gbFor(msgs.value, load.payloadKb), why: `records x ${fmt(load.payloadKb)} KB` } };
    }
    case 'iot-core':
      return {
        messagesPerMonth: M(10_000_000),
        connectionMinutesPerMonth: load.peakConcurrent !== undefined ? { value: load.peakConcurrent * MINUTES_PER_MONTH, why: `${fmt(load.peakConcurrent)} devices connected all month` } : { value: 1000 * MINUTES_PER_MONTH, why: 'default 1,000 devices connected all month' },
      };
    case 'ses':
      return { messagesPerMonth: { value: 10_000, why: 'default 10,000 emails a month' } };
    case 'transfer-family':
      return { hoursPerMonth: { value: HOURS_PER_MONTH, why: 'the endpoint runs all month' }, dataProcessedGb: { value: 100, why: 'default 100 GB transferred' } };
    case 'cognito':
      return { monthlyActiveUsers: load.mau !== undefined ? { value: load.mau, why: 'monthly active users from the requirements' } : { value: 1000, why: 'default 1,000 monthly active users' } };
    case 'secrets-manager':
      return { requestsPerMonth: { value: 100_000, why: 'default 100,000 reads (with client-side caching)' } };
  }
}

/**
 * The same profile at `factor` times the load: load-driven fields multiply (see {@link SCALING}); instance counts
 * multiply only for scale-out kinds. Returns the notes a reader needs (caps exceeded, fixed costs kept).
 */
export function scaleUsage(arch: Architecture, profile: UsageProfile, factor: number): { profile: UsageProfile; notes: string[] } {
  const notes: string[] = [];
  const kinds = new Map(arch.components.map((c) => [c.id, c]));
  const components: Record<string, ComponentUsage> = {};
  for (const [id, u] of Object.entries(profile.components)) {
    const c = kinds.get(id);
    const out: ComponentUsage = {};
    for (const [field, value] of Object.entries(u) as Array<[UsageField, number | undefined]>) {
      if (value === undefined) continue;
      let scales = SCALING[field].scales;
      if (field === 'avgInstances' && (!c || !SCALE_OUT_KINDS.has(c.service) || (c.service === 'ecs-fargate' && c.config.mode === 'scheduled-task'))) scales = false;
      out[field] = scales ? value * factor : value;
    }
    if (c?.service === 'ecs-fargate' && out.avgInstances !== undefined && out.avgInstances > c.config.maxCount) {
      notes.push(`${id}: ${fmt(out.avgInstances)} tasks at ${factor}x exceeds maxCount ${c.config.maxCount}; raise it or the service will saturate`);
    }
    if (c?.service === 'ec2-asg' && out.avgInstances !== undefined && out.avgInstances > c.config.maxSize) {
      notes.push(`${id}: ${fmt(out.avgInstances)} instances at ${factor}x exceeds maxSize ${c.config.maxSize}`);
    }
    if (c?.service === 'aurora' && c.config.capacity === 'serverless-v2' && out.avgCapacityUnits !== undefined && out.avgCapacityUnits > c.config.maxAcu) {
      notes.push(`${id}: ${fmt(out.avgCapacityUnits)} ACUs at ${factor}x exceeds maxAcu ${c.config.maxAcu}; priced at maxAcu`);
      out.avgCapacityUnits = c.config.maxAcu;
    }
    components[id] = out;
  }
  return {
    profile: {
      components,
      dataOutGb: profile.dataOutGb * factor,
      natProcessedGb: profile.natProcessedGb * factor,
      logsIngestedGb: profile.logsIngestedGb * factor,
      crossAzGb: profile.crossAzGb * factor,
      assumptions: profile.assumptions,
    },
    notes,
  };
}
