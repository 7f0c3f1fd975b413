import { complianceStatus, requireService } from '../catalog/index.js';
import type { ServiceEntry } from '../catalog/index.js';
import { Requirements } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { describeZodIssues } from '../shared/zod.js';
import { buildContext } from './select/context.js';
import type { Ctx } from './select/context.js';
import * as needs from './select/needs.js';
import { decide } from './select/score.js';
import type { NeedSpec } from './select/score.js';

export interface ComparisonRow {
  service: string;
  name: string;
  layer: string;
  role: string;
  summary: string;
  /** Score and reasons for the need, when requirements were given. */
  fit?: { score: number; reasons: string[]; excluded?: string };
  limits: Array<{ what: string; value: string; adjustable: boolean; impact: string }>;
  operations: { burden: number; notes: string[] };
  cost: { model: string; idleCost: string; atScale: string; dimensions: string[]; freeTier?: string };
  scaling: { model: string; scalesToZero: boolean; latency: string; availability: string };
  compliance: { hipaa: string; pci: string };
  goodFor: string[];
  badFor: string[];
}

export interface CompareResult {
  need: string;
  rows: ComparisonRow[];
  /** Set when requirements were given: the best candidate for them and why. */
  recommendation?: { service: string; score: number; rationale: string };
  /** One line per candidate: when it is the right choice. */
  whenToChoose: string[];
}

/**
 * Two to six services side by side on fit, limits, operations and cost shape. With requirements, each is scored
 * for the need they compete for (the same rules select_services uses) and a recommendation is made.
 */
export function compareOptions(services: string[], requirements?: Record<string, unknown> | Requirements, need?: string): CompareResult {
  if (services.length < 2) throw new UserError('services', 'give at least two services to compare', 'For example ["dynamodb", "aurora"].');
  const entries = services.map((s, i) => requireService(s, `services[${i}]`));
  const ids = [...new Set(entries.map((e) => e.id))];
  if (ids.length < 2) throw new UserError('services', 'the services name the same catalog entry', 'Compare two different services.');
  const unique = ids.map((id) => entries.find((e) => e.id === id)!);

  let ctx: Ctx | undefined;
  if (requirements) {
    const parsed = Requirements.safeParse(requirements);
    if (!parsed.success) {
      const first = describeZodIssues(parsed.error, requirements)[0]!;
      throw new UserError(`requirements.${first.field}`, first.message, 'Pass the requirements returned by analyze_requirements.');
    }
    ctx = buildContext(parsed.data, []);
  }
  const spec = ctx ? competingNeed(ctx, ids, need) : undefined;
  const scored = new Map<string, { score: number; reasons: string[]; excluded?: string }>();
  let recommendation: CompareResult['recommendation'];
  if (ctx && spec) {
    const restricted: NeedSpec = { ...spec, candidates: ids.filter((id) => spec.candidates.includes(id)) };
    const outcome = decide(ctx, restricted);
    if (outcome.decision) {
      recommendation = { service: outcome.decision.chosen, score: outcome.decision.score, rationale: outcome.decision.rationale };
      scored.set(outcome.decision.chosen, { score: outcome.decision.score, reasons: [outcome.decision.rationale] });
      for (const a of outcome.decision.alternatives) scored.set(a.service, { score: a.score, reasons: [a.whyNot] });
    }
  }
  const rows = unique.map((e) => row(e, scored.get(e.id)));
  return {
    need: spec?.need ?? need ?? commonNeed(unique),
    rows,
    ...(recommendation ? { recommendation } : {}),
    whenToChoose: unique.map((e) => `${e.name}: ${e.goodFor.slice(0, 2).join('; ')}.`),
  };
}

function row(e: ServiceEntry, fit?: { score: number; reasons: string[]; excluded?: string }): ComparisonRow {
  const c = complianceStatus(e);
  return {
    service: e.id,
    name: e.name,
    layer: e.layer,
    role: e.role,
    summary: e.summary,
    ...(fit ? { fit } : {}),
    limits: e.limits.map((l) => ({ what: l.what, value: `${l.value} ${l.unit}`, adjustable: l.adjustable, impact: l.impact })),
    operations: { burden: e.operations.burden, notes: e.operations.notes },
    cost: { model: e.pricing.model, idleCost: e.pricing.idleCost, atScale: e.pricing.atScale, dimensions: e.pricing.dimensions, ...(e.pricing.freeTier ? { freeTier: e.pricing.freeTier } : {}) },
    scaling: e.scaling,
    compliance: {
      hipaa: c.hipaa.status === 'eligible' ? `eligible (list of ${c.hipaa.listDate})` : `not listed (list of ${c.hipaa.listDate})`,
      pci: c.pci.status === 'in-scope' ? `in scope (listed ${c.pci.since})` : `not confirmed (incomplete list, captures ${c.pci.listDates.join(', ')})`,
    },
    goodFor: e.goodFor,
    badFor: e.badFor,
  };
}

/** Every need selection knows, in a default configuration, to find the one the given services compete for. */
function allNeeds(ctx: Ctx): NeedSpec[] {
  const compute = ctx.compute === 'containers' || ctx.compute === 'kubernetes' ? 'ecs-fargate' : 'lambda';
  return [
    needs.computeApiNeed(ctx),
    needs.apiFrontNeed(ctx, compute, undefined),
    needs.apiFrontNeed(ctx, compute === 'lambda' ? 'ecs-fargate' : 'lambda', undefined),
    needs.realtimeNeed(ctx, compute),
    needs.primaryStoreNeed(ctx, compute, 'backup-restore'),
    needs.cacheNeed(ctx, 'hot reads'),
    needs.searchNeed(ctx, 'aurora'),
    needs.objectStoreNeed('files'),
    needs.mediaCdnNeed(ctx),
    needs.queueNeed(ctx, 'background work'),
    needs.eventBusNeed(ctx),
    needs.emailNeed(),
    needs.alertsNeed('alerts'),
    needs.deviceIngestNeed(ctx),
    needs.streamNeed(ctx),
    needs.hotStoreNeed(ctx, 24),
    needs.archiveNeed(),
    needs.analyticsNeed(ctx),
    needs.batchComputeNeed(ctx),
    needs.orchestrationNeed(),
    needs.fileTransferNeed(),
    needs.inferenceNeed(ctx),
    needs.webHostingNeed(ctx),
  ];
}

function competingNeed(ctx: Ctx, ids: string[], need?: string): NeedSpec | undefined {
  const words = (need ?? '').toLowerCase().split(/\W+/).filter((w) => w.length > 2);
  let best: NeedSpec | undefined;
  let bestScore = 0;
  for (const spec of allNeeds(ctx)) {
    const overlap = ids.filter((id) => spec.candidates.includes(id)).length;
    if (overlap < 2) continue;
    const text = `${spec.need} ${spec.id}`.toLowerCase();
    const score = overlap * 10 + words.filter((w) => text.includes(w)).length;
    if (score > bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  return best;
}

function commonNeed(entries: ServiceEntry[]): string {
  const layers = [...new Set(entries.map((e) => e.layer))];
  return layers.length === 1 ? `${layers[0]} layer` : entries.map((e) => e.name).join(' vs ');
}
