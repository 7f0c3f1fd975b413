import type { Architecture, ComponentService, ComponentUsage, Requirements, UsageProfile } from '../model/index.js';
import { deriveDesignWide } from './usage/design.js';
import { Deriver } from './usage/derive.js';
import { loadFrom } from './usage/load.js';
import { fmt } from './usage/time.js';

export { DAYS_PER_MONTH, HOURS_PER_MONTH, MINUTES_PER_MONTH, SECONDS_PER_MONTH, runsPerMonth } from './usage/time.js';
export { RULES } from './usage/rules.js';

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

/**
 * Completes the usage profile: explicit usage wins, then the override, then figures derived from the requirements
 * through the design's structure (what invokes, triggers, publishes to, routes to and reads or writes what), then
 * conservative per-kind defaults. Every derived or defaulted figure is listed as an assumption with the rule and
 * number it used (see {@link RULES}).
 */
export function deriveUsage(arch: Architecture, options: { requirements?: Requirements; override?: Partial<UsageProfile> & { components?: Record<string, ComponentUsage> } } = {}): DerivedUsage {
  const assumptions: string[] = [...arch.usage.assumptions, ...(options.override?.assumptions ?? [])];
  const explicit: Record<string, ComponentUsage> = {};
  for (const [id, u] of Object.entries(arch.usage.components)) explicit[id] = { ...u };
  for (const [id, u] of Object.entries(options.override?.components ?? {})) explicit[id] = { ...(explicit[id] ?? {}), ...u };
  const load = loadFrom(options.requirements, assumptions);

  const empty = Object.keys(arch.usage.components).length === 0 && !options.override?.components;
  const design = {
    dataOutGb: options.override?.dataOutGb ?? arch.usage.dataOutGb,
    natProcessedGb: options.override?.natProcessedGb ?? arch.usage.natProcessedGb,
    logsIngestedGb: options.override?.logsIngestedGb ?? arch.usage.logsIngestedGb,
    crossAzGb: options.override?.crossAzGb ?? arch.usage.crossAzGb,
  };
  // Response egress is attributed to the APIs only when the design states no traffic figures of its own.
  const deriver = new Deriver(arch, load, explicit, assumptions, empty && design.dataOutGb === 0);
  const components = deriver.all();
  // Nothing was stated: derive the design-wide figures too, and say so.
  if (empty) deriveDesignWide(arch, deriver, load, design, assumptions);
  return { profile: { components, ...design, assumptions: [] }, assumptions };
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
