import { regionInfo, regionsIn } from '../../model/index.js';
import type { Conflict, Requirements, WorkloadPattern } from '../../model/index.js';

/**
 * An accepted architecture decision from `.ai/memory` (the shape `acceptedDecisions()` returns), passed in so the
 * selection core stays pure.
 */
export interface PriorDecision {
  uri: string;
  title: string;
  chosen: string[];
  rejected: string[];
  layer?: string | undefined;
  summary?: string | undefined;
}

export type LoadClass = 'tiny' | 'small' | 'medium' | 'large';

type LambdaRuntime = 'nodejs22.x' | 'python3.13' | 'java21' | 'dotnet8' | 'ruby3.3' | 'provided.al2023';

/** Everything selection rules read, computed once from the requirements. */
export interface Ctx {
  req: Requirements;
  has(p: WorkloadPattern): boolean;
  feature(f: string): boolean;
  /** Value of a `key:value` feature, e.g. `featureValue('domain')`. */
  featureValue(key: string): string | undefined;
  hipaa: boolean;
  pci: boolean;
  fedramp: boolean;
  /** HIPAA, PCI DSS or FedRAMP: customer-managed keys, threat detection, longer logs. */
  regulated: boolean;
  /** Peak requests per second (0 when unknown). */
  peakRps: number;
  avgRps: number;
  peakMsgs: number;
  peakConcurrent: number;
  payloadKb: number;
  /** Multiple of today's load the design must absorb without redesign. */
  headroom: number;
  load: LoadClass;
  /** Load is flat around the clock (telemetry, streams) or its average is close to its peak. */
  steady: boolean;
  availability: number;
  multiAz: boolean;
  compute: Requirements['preferences']['compute'];
  ops: Requirements['preferences']['opsMaturity'];
  tight: boolean;
  longestJob?: number | undefined;
  p99?: number | undefined;
  runtime: LambdaRuntime;
  region: string;
  prior: PriorDecision[];
  /** Conflicts found while selecting (added to those from analysis). */
  conflicts: Conflict[];
}

const RUNTIMES: Array<[string, LambdaRuntime]> = [
  ['typescript', 'nodejs22.x'],
  ['javascript', 'nodejs22.x'],
  ['python', 'python3.13'],
  ['java', 'java21'],
  ['kotlin', 'java21'],
  ['csharp', 'dotnet8'],
  ['ruby', 'ruby3.3'],
  ['go', 'provided.al2023'],
  ['rust', 'provided.al2023'],
];

/** Patterns that are served through an API even when the requirements do not say so. */
const API_SHAPED: WorkloadPattern[] = ['ecommerce', 'saas-multitenant', 'internal-tool', 'ml-inference', 'search', 'event-driven'];

export function buildContext(req: Requirements, prior: PriorDecision[]): Ctx {
  const patterns = new Set(req.workload.patterns);
  // Requirements may come from anywhere (not only analyze_requirements): give every workload a way in.
  if (patterns.size === 0 || (!patterns.has('rest-api') && !patterns.has('graphql-api') && API_SHAPED.some((p) => patterns.has(p)))) patterns.add('rest-api');
  const features = new Set(req.workload.features);
  const t = req.traffic;
  const peakRps = t.peakRps ?? t.avgRps ?? 0;
  const avgRps = t.avgRps ?? peakRps / 3;
  const peakMsgs = t.peakMessagesPerSecond ?? 0;
  const effective = Math.max(peakRps, peakMsgs);
  const users = t.users ?? t.monthlyActiveUsers ?? t.dailyActiveUsers ?? 0;
  const load: LoadClass = effective >= 2000 ? 'large' : effective >= 100 ? 'medium' : effective >= 5 || users > 5000 ? 'small' : 'tiny';
  const availability = req.availability.targetPercent ?? 99.9;
  const lang = req.preferences.languages.find((l) => RUNTIMES.some(([k]) => k === l));
  const tight = req.budget.sensitivity === 'tight' || (req.budget.monthlyUsd !== undefined && req.budget.monthlyUsd < 300);
  return {
    req,
    has: (p) => patterns.has(p),
    feature: (f) => features.has(f),
    featureValue: (key) => [...features].find((f) => f.startsWith(`${key}:`))?.slice(key.length + 1),
    hipaa: req.compliance.includes('hipaa'),
    pci: req.compliance.includes('pci-dss'),
    fedramp: req.compliance.includes('fedramp'),
    regulated: req.compliance.some((c) => c === 'hipaa' || c === 'pci-dss' || c === 'fedramp') || req.data.classification === 'phi' || req.data.classification === 'pci',
    peakRps,
    avgRps,
    peakMsgs,
    peakConcurrent: t.peakConcurrent ?? 0,
    payloadKb: t.payloadKb ?? 2,
    headroom: t.growthFactor ?? 10,
    load,
    steady: patterns.has('iot-ingest') || patterns.has('streaming-analytics') || (peakRps >= 100 && avgRps / Math.max(peakRps, 1e-9) >= 0.3),
    availability,
    multiAz: availability >= 99.9,
    compute: req.preferences.compute,
    ops: req.preferences.opsMaturity,
    tight,
    longestJob: req.workload.longestJobMinutes,
    p99: req.latency.p99Ms,
    runtime: RUNTIMES.find(([k]) => k === lang)?.[1] ?? 'nodejs22.x',
    region: req.regions.primary ?? (req.regions.residency ? regionsIn(req.regions.residency)[0] : undefined) ?? 'us-east-1',
    prior,
    conflicts: [],
  };
}

/** The jurisdiction of the primary Region. */
export function jurisdictionOf(region: string): string | undefined {
  return regionInfo(region)?.jurisdiction;
}
