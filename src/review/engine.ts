import type { Finding } from '../model/index.js';
import { MODEL_RULES } from './rules/index.js';
import type { ModelFramework, ModelRule, ReviewSubject, RuleHit } from './types.js';

export interface ModelRunResult {
  findings: Finding[];
  /** Finding id -> the cdk-nag findings it duplicates (see {@link RuleHit.sameAs}). */
  sameAs: Map<string, string[]>;
  evaluated: number;
  /** Design-level rules not evaluated because the subject is a template. */
  skipped: number;
}

/**
 * Evaluates the model rules of the selected frameworks. Pure and synchronous: the same subject always gives the same
 * findings in the same order. Finding ids are `rule:component` (or `rule:resource`, or `rule` for design-wide hits),
 * numbered when one rule hits the same place twice.
 */
export function runModelRules(subject: ReviewSubject, frameworks: ReadonlySet<ModelFramework>, rules: readonly ModelRule[] = MODEL_RULES): ModelRunResult {
  const findings: Finding[] = [];
  const sameAs = new Map<string, string[]>();
  const ids = new Map<string, number>();
  let evaluated = 0;
  let skipped = 0;
  // Template facts carry only the resource; link them to the component mapped from it.
  const componentOf = new Map<string, string>();
  for (const [component, resource] of subject.resourceOf) if (component !== 'network') componentOf.set(resource, component);
  for (const r of rules) {
    if (!frameworks.has(r.framework)) continue;
    if (r.scope === 'design' && subject.source !== 'design') {
      skipped++;
      continue;
    }
    evaluated++;
    for (const found of r.check(subject)) {
      const linked = !found.component && found.resource ? componentOf.get(found.resource) : undefined;
      const h: RuleHit = linked ? { ...found, component: linked } : found;
      const where = h.component ?? h.resource;
      const base = where ? `${r.id}:${where}` : r.id;
      const n = (ids.get(base) ?? 0) + 1;
      ids.set(base, n);
      const id = n === 1 ? base : `${base}#${n}`;
      if (h.sameAs?.length) sameAs.set(id, h.sameAs);
      findings.push({
        id,
        rule: r.id,
        framework: r.framework,
        ...(r.control ? { control: r.control } : {}),
        pillar: r.pillar,
        severity: h.severity ?? r.severity,
        title: r.title,
        ...(h.component ? { component: h.component } : {}),
        ...(h.resource ? { resource: h.resource } : {}),
        evidence: h.evidence,
        whyItMatters: r.why,
        fix: h.fix ?? r.fix,
      });
    }
  }
  return { findings, sameAs, evaluated, skipped };
}
