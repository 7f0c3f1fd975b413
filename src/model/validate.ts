import type { z } from 'zod';
import { didYouMean } from '../shared/suggest.js';
import { formatPath } from '../shared/errors.js';
import { Architecture } from './architecture.js';
import type { Connection, ConnectionKind } from './architecture.js';
import { COMPONENT_SERVICES, VPC_BOUND } from './components.js';
import type { Component, ComponentService } from './components.js';
import { regionInfo } from './regions.js';

/** A problem in a model, placed by path. Validation collects these; it never throws. */
export interface ModelIssue {
  severity: 'error' | 'warning';
  /** Dotted path, e.g. `connections[3].to`. */
  path: string;
  message: string;
  fix?: string;
}

export type ParseResult<T> =
  | { ok: true; value: T; issues: ModelIssue[] }
  | { ok: false; issues: ModelIssue[] };

/** Zod issues as model issues, with a "did you mean" for unknown component services. */
export function zodIssues(error: z.ZodError, root: string, input?: unknown): ModelIssue[] {
  const out: ModelIssue[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path, root);
    let message = issue.message;
    let fix: string | undefined;
    const last = issue.path[issue.path.length - 1];
    if (last === 'service' || (issue.code === 'invalid_union' && isComponentPath(issue.path))) {
      const given = getAt(input, issue.path[issue.path.length - 1] === 'service' ? issue.path : [...issue.path, 'service']);
      if (typeof given === 'string') {
        message = `unknown service '${given}'${didYouMean(given, COMPONENT_SERVICES)}`;
        fix = 'Use a catalog id; list_services shows them all.';
      } else if (given === undefined) {
        message = 'missing service';
        fix = 'Every component needs a service (a catalog id such as lambda or dynamodb).';
      }
    }
    out.push(fix ? { severity: 'error', path, message, fix } : { severity: 'error', path, message });
  }
  return out;
}

function isComponentPath(path: ReadonlyArray<PropertyKey>): boolean {
  return path.length === 2 && path[0] === 'components' && typeof path[1] === 'number';
}

function getAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/**
 * Parses and cross-checks a design. Schema errors and reference errors come back as issues; warnings do not make
 * the result fail.
 */
export function parseArchitecture(input: unknown, root = 'architecture'): ParseResult<Architecture> {
  const parsed = Architecture.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, root, input) };
  const issues = checkArchitecture(parsed.data, root);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: parsed.data, issues };
}

/** Which connection kinds make sense towards which targets; anything else is reported. */
const TARGETS: Partial<Record<ConnectionKind, ReadonlySet<ComponentService>>> = {
  publish: new Set(['sns', 'eventbridge', 'kinesis-streams', 'kinesis-firehose', 'sqs', 'iot-core', 'ses']),
  subscribe: new Set(['sqs', 'lambda', 'ecs-fargate', 'kinesis-firehose', 'step-functions', 'apigateway-rest', 'apigateway-http']),
  protect: new Set(['cloudfront', 'alb', 'apigateway-rest', 'apigateway-http', 'appsync', 'cognito']),
  authenticate: new Set(['cognito']),
  invoke: new Set([
    'lambda',
    'ecs-fargate',
    'step-functions',
    'apigateway-rest',
    'apigateway-http',
    'apigateway-websocket',
    'appsync',
    'sagemaker-endpoint',
    'glue-job',
    'eks',
    'ec2-asg',
    'alb',
    'nlb',
    'ses',
  ]),
  trigger: new Set(['lambda', 'ecs-fargate', 'step-functions', 'glue-job', 'sqs', 'kinesis-firehose', 'sns', 'eventbridge']),
};

/** Sources that may start others with `trigger`. */
const TRIGGER_SOURCES: ReadonlySet<ComponentService> = new Set([
  's3',
  'sqs',
  'sns',
  'eventbridge',
  'dynamodb',
  'kinesis-streams',
  'iot-core',
  'cognito',
  'step-functions',
  'transfer-family',
  'apigateway-websocket',
]);

/** Stores reachable only from inside the VPC (no public endpoint). */
const VPC_ONLY_TARGETS: ReadonlySet<ComponentService> = new Set(['aurora', 'rds', 'elasticache', 'documentdb', 'opensearch']);

const FARGATE_MEMORY: Record<string, [number, number, number]> = {
  // cpu: [min MB, max MB, step MB]
  '256': [512, 2048, 512],
  '512': [1024, 4096, 1024],
  '1024': [2048, 8192, 1024],
  '2048': [4096, 16384, 1024],
  '4096': [8192, 30720, 1024],
  '8192': [16384, 61440, 4096],
  '16384': [32768, 122880, 8192],
};

/** Cross-reference and consistency checks on a schema-valid design. */
export function checkArchitecture(a: Architecture, root = 'architecture'): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const err = (path: string, message: string, fix?: string) =>
    issues.push(fix ? { severity: 'error', path: `${root}.${path}`, message, fix } : { severity: 'error', path: `${root}.${path}`, message });
  const warn = (path: string, message: string, fix?: string) =>
    issues.push(fix ? { severity: 'warning', path: `${root}.${path}`, message, fix } : { severity: 'warning', path: `${root}.${path}`, message });

  const byId = new Map<string, Component>();
  a.components.forEach((c, i) => {
    if (byId.has(c.id)) err(`components[${i}].id`, `duplicate component id '${c.id}'`, 'Give every component a unique id.');
    else byId.set(c.id, c);
  });
  const ids = [...byId.keys()];
  const ref = (path: string, id: string): Component | undefined => {
    const c = byId.get(id);
    if (!c) err(path, `no component with id '${id}'${didYouMean(id, ids)}`, 'Point it at an existing component id or add the component.');
    return c;
  };

  const seen = new Set<string>();
  a.connections.forEach((conn: Connection, i) => {
    const from = ref(`connections[${i}].from`, conn.from);
    const to = ref(`connections[${i}].to`, conn.to);
    if (conn.from === conn.to) err(`connections[${i}]`, `component '${conn.from}' is connected to itself`);
    const key = `${conn.from}|${conn.to}|${conn.kind}`;
    if (seen.has(key)) warn(`connections[${i}]`, `duplicate connection ${conn.from} -${conn.kind}-> ${conn.to}`);
    seen.add(key);
    if (!from || !to) return;
    const allowed = TARGETS[conn.kind];
    if (allowed && !allowed.has(to.service)) {
      err(
        `connections[${i}].kind`,
        `'${conn.kind}' cannot target ${to.service} '${to.id}'`,
        `A ${conn.kind} connection targets one of: ${[...allowed].join(', ')}.`,
      );
    }
    if (conn.kind === 'protect' && from.service !== 'waf') err(`connections[${i}].from`, `only a waf component can protect; '${from.id}' is ${from.service}`);
    if (VPC_ONLY_TARGETS.has(to.service) && from.service === 'lambda' && !from.config.inVpc && conn.kind !== 'authenticate') {
      err(`connections[${i}]`, `lambda '${from.id}' cannot reach ${to.service} '${to.id}' from outside the VPC`, `Set components.${from.id}.config.inVpc to true.`);
    }
    if (conn.kind === 'trigger' && !TRIGGER_SOURCES.has(from.service)) {
      err(`connections[${i}].from`, `${from.service} '${from.id}' cannot trigger other components`, `Trigger sources are: ${[...TRIGGER_SOURCES].join(', ')}. Use invoke for direct calls.`);
    }
  });

  const needsVpc = a.components.filter((c) => VPC_BOUND.has(c.service) || (c.service === 'lambda' && c.config.inVpc));
  if (needsVpc.length > 0 && !a.network) {
    err('network', `components ${needsVpc.map((c) => `'${c.id}'`).join(', ')} run in a VPC but the design has no network`, 'Add "network": {} to use the default VPC layout.');
  }
  if (a.network) {
    if (a.network.azCount < 2) {
      // These services refuse a single-AZ subnet layout at deploy time.
      const needTwo = a.components.filter((c) => ['alb', 'rds', 'aurora', 'documentdb', 'eks'].includes(c.service));
      if (needTwo.length) {
        err('network.azCount', `${needTwo.map((c) => `${c.service} '${c.id}'`).join(', ')} need subnets in at least two Availability Zones`, 'Set network.azCount to 2 or more (single-AZ databases can still run one instance).');
      }
    }
    if (a.resilience.multiAz && a.network.azCount < 2) warn('network.azCount', 'multi-AZ is requested but the VPC spans one Availability Zone', 'Set azCount to 2 or more.');
    if (!a.network.privateSubnets && needsVpc.length > 0) warn('network.privateSubnets', 'VPC-bound components but no private subnets; they would sit in public or isolated subnets');
    if (a.network.natGateways !== 'none' && !a.network.publicSubnets) err('network.natGateways', 'NAT gateways need public subnets', 'Enable publicSubnets or set natGateways to none.');
    const tiers = [a.network.publicSubnets, a.network.privateSubnets, a.network.isolatedSubnets].filter(Boolean).length;
    if (tiers === 0) err('network', 'the VPC has no subnets', 'Enable at least one of publicSubnets, privateSubnets and isolatedSubnets.');
    // Subnets are /28 at the smallest, so a /p range holds at most 2^(28-p) of them (rounded to whole address bits).
    const prefix = Number(a.network.cidr.split('/')[1]);
    const subnets = tiers * a.network.azCount;
    if (subnets > 1 && 2 ** (28 - prefix) < 2 ** Math.ceil(Math.log2(subnets))) {
      err('network.cidr', `${a.network.cidr} is too small for ${subnets} subnets (${tiers} tiers in ${a.network.azCount} AZs): AWS subnets are /28 at the smallest`, `Use a /${28 - Math.ceil(Math.log2(subnets))} or larger range, fewer Availability Zones, or fewer subnet tiers.`);
    }
  }

  const r = a.resilience;
  if (['pilot-light', 'warm-standby', 'active-active'].includes(r.drStrategy) && !r.secondaryRegion) {
    err('resilience.secondaryRegion', `DR strategy '${r.drStrategy}' needs a secondary region`, 'Set resilience.secondaryRegion, e.g. us-west-2.');
  }
  if (r.secondaryRegion && r.secondaryRegion === a.region) err('resilience.secondaryRegion', 'the secondary region is the primary region', 'Choose a different region for DR.');
  if (r.crossRegionBackupCopy && !r.secondaryRegion) err('resilience.crossRegionBackupCopy', 'cross-region backup copy needs a secondary region');
  if (r.secondaryRegion && a.compliance.length && regionInfo(r.secondaryRegion)?.jurisdiction !== regionInfo(a.region)?.jurisdiction) {
    warn('resilience.secondaryRegion', `the DR region ${r.secondaryRegion} is in a different jurisdiction from ${a.region}; check data residency`);
  }

  a.components.forEach((c, i) => {
    const p = `components[${i}].config`;
    switch (c.service) {
      case 'waf':
        c.config.protects.forEach((t, j) => {
          const target = ref(`${p}.protects[${j}]`, t);
          if (target && !TARGETS.protect!.has(target.service)) err(`${p}.protects[${j}]`, `WAF cannot protect ${target.service} '${t}'`);
          if (target?.service === 'cloudfront' && c.config.scope !== 'CLOUDFRONT') err(`${p}.scope`, `a web ACL protecting CloudFront '${t}' must have scope CLOUDFRONT`);
          if (target && target.service !== 'cloudfront' && c.config.scope === 'CLOUDFRONT') err(`${p}.scope`, `a CLOUDFRONT-scoped web ACL cannot protect ${target.service} '${t}'; use REGIONAL`);
        });
        break;
      case 'step-functions':
        c.config.steps.forEach((s, j) => ref(`${p}.steps[${j}]`, s));
        break;
      case 'eventbridge':
        for (const k of Object.keys(c.config.patterns)) {
          if (!byId.has(k)) warn(`${p}.patterns.${k}`, `pattern for unknown component '${k}'`);
          try {
            JSON.parse(c.config.patterns[k]!);
          } catch {
            err(`${p}.patterns.${k}`, 'event pattern is not valid JSON');
          }
        }
        break;
      case 'ecs-fargate': {
        const [min, max, step] = FARGATE_MEMORY[c.config.cpu]!;
        const m = c.config.memoryMb;
        if (m < min || m > max || (m - min) % step !== 0) {
          err(`${p}.memoryMb`, `${m} MB is not a valid Fargate memory size for ${c.config.cpu} CPU units`, `Use ${min} to ${max} MB in steps of ${step}.`);
        }
        if (c.config.minCount > c.config.maxCount) err(`${p}.minCount`, 'minCount is larger than maxCount');
        if (c.config.desiredCount > c.config.maxCount) err(`${p}.desiredCount`, 'desiredCount is larger than maxCount');
        break;
      }
      case 'ec2-asg':
        if (c.config.minSize > c.config.maxSize) err(`${p}.minSize`, 'minSize is larger than maxSize');
        if (c.config.desiredCapacity > c.config.maxSize || c.config.desiredCapacity < c.config.minSize) err(`${p}.desiredCapacity`, 'desiredCapacity must be between minSize and maxSize');
        break;
      case 'eks':
        if (c.config.minNodes > c.config.maxNodes) err(`${p}.minNodes`, 'minNodes is larger than maxNodes');
        if (c.config.desiredNodes > c.config.maxNodes || c.config.desiredNodes < c.config.minNodes) err(`${p}.desiredNodes`, 'desiredNodes must be between minNodes and maxNodes');
        break;
      case 'aurora':
        if (c.config.capacity === 'serverless-v2' && c.config.minAcu > c.config.maxAcu) err(`${p}.minAcu`, 'minAcu is larger than maxAcu');
        break;
      case 'rds':
        if (c.config.maxAllocatedStorageGb < c.config.allocatedStorageGb) err(`${p}.maxAllocatedStorageGb`, 'maxAllocatedStorageGb is below allocatedStorageGb');
        break;
      case 'sqs': {
        const consumers = a.connections.filter((x) => x.from === c.id && x.kind === 'trigger').map((x) => byId.get(x.to));
        for (const fn of consumers) {
          if (fn?.service === 'lambda' && c.config.visibilityTimeoutSeconds < fn.config.timeoutSeconds) {
            warn(`${p}.visibilityTimeoutSeconds`, `visibility timeout ${c.config.visibilityTimeoutSeconds}s is shorter than consumer '${fn.id}' timeout ${fn.config.timeoutSeconds}s; messages would be processed twice`, `Set it to at least ${fn.config.timeoutSeconds * 6}s (6x the function timeout).`);
          }
        }
        break;
      }
      case 'dynamodb':
        c.config.replicaRegions.forEach((rg, j) => {
          if (!regionInfo(rg)) err(`${p}.replicaRegions[${j}]`, `unknown region '${rg}'`);
          if (rg === a.region) err(`${p}.replicaRegions[${j}]`, 'a replica region cannot be the primary region');
        });
        break;
      default:
        break;
    }
  });

  for (const id of Object.keys(a.usage.components)) {
    if (!byId.has(id)) warn(`usage.components.${id}`, `usage for unknown component '${id}'${didYouMean(id, ids)}`);
  }
  a.decisions.forEach((d, i) => d.components.forEach((cid, j) => {
    if (!byId.has(cid)) warn(`decisions[${i}].components[${j}]`, `decision refers to unknown component '${cid}'`);
  }));
  a.acknowledgements.forEach((ack, i) => {
    if (ack.component && !byId.has(ack.component)) warn(`acknowledgements[${i}].component`, `acknowledgement for unknown component '${ack.component}'`);
  });
  return issues;
}

/** Components grouped by id, for O(1) lookups in projections. */
export function componentIndex(a: Architecture): Map<string, Component> {
  return new Map(a.components.map((c) => [c.id, c]));
}

/** Connections leaving / entering a component. */
export function outgoing(a: Architecture, id: string): Connection[] {
  return a.connections.filter((c) => c.from === id);
}
export function incoming(a: Architecture, id: string): Connection[] {
  return a.connections.filter((c) => c.to === id);
}
