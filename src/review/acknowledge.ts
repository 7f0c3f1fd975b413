import type { Architecture, Finding } from '../model/index.js';

/**
 * An acknowledgement read from a template: the cdk-nag v2 convention `Metadata.cdk_nag.rules_to_suppress: [{ id,
 * reason, applies_to? }]` on a resource. `applies_to` narrows a granular rule (`AwsSolutions-IAM5`) to some of its
 * findings (`Action::s3:*`); each entry is a string or `{ regex: '/.../' }`.
 */
export interface TemplateAcknowledgement {
  resource: string;
  rule: string;
  reason?: string | undefined;
  appliesTo?: Array<string | { regex: string }> | undefined;
}

/** cdk-nag refuses acknowledgements with a reason shorter than this; so does the model schema. */
export const MIN_REASON_LENGTH = 10;

/** Splits `AwsSolutions-IAM5[Action::*]` into the base rule and the granular part. */
export function splitRule(rule: string): { base: string; granular?: string } {
  const m = /^(.*?)\[(.*)\]$/.exec(rule);
  return m ? { base: m[1]!, granular: m[2]! } : { base: rule };
}

function appliesTo(entries: TemplateAcknowledgement['appliesTo'], granular: string | undefined): boolean {
  if (!entries?.length || granular === undefined) return true;
  return entries.some((e) => {
    if (typeof e === 'string') return e === granular;
    const m = /^\/(.*)\/([a-z]*)$/.exec(e.regex);
    try {
      return (m ? new RegExp(m[1]!, m[2]) : new RegExp(e.regex)).test(granular);
    } catch {
      return false;
    }
  });
}

/** Does an acknowledgement naming `ack` cover this finding? By rule id, granular id, or the finding's own id. */
export function ackMatches(ack: string, f: Pick<Finding, 'rule' | 'id'>): boolean {
  if (ack === f.rule || ack === f.id) return true;
  const { base } = splitRule(f.rule);
  return ack === base;
}

/**
 * Marks findings the team accepted as acknowledged, with the reason; nothing is dropped. Model acknowledgements
 * (a component's own, or design-wide ones optionally scoped to a component) match by rule id; template
 * acknowledgements match by resource and rule. An acknowledgement without a proper reason is not applied, and the
 * finding says so.
 */
export function applyAcknowledgements(
  findings: Finding[],
  opts: { architecture?: Architecture | undefined; template?: TemplateAcknowledgement[] | undefined; sameAs?: ReadonlyMap<string, string[]> | undefined },
): Finding[] {
  const byComponent = new Map<string, Array<{ rule: string; reason: string }>>();
  const designWide: Array<{ rule: string; reason: string }> = [];
  if (opts.architecture) {
    for (const c of opts.architecture.components) if (c.acknowledgements.length) byComponent.set(c.id, [...c.acknowledgements]);
    for (const ack of opts.architecture.acknowledgements) {
      if (ack.component) byComponent.set(ack.component, [...(byComponent.get(ack.component) ?? []), ack]);
      else designWide.push(ack);
    }
  }
  const byResource = new Map<string, TemplateAcknowledgement[]>();
  for (const ack of opts.template ?? []) byResource.set(ack.resource, [...(byResource.get(ack.resource) ?? []), ack]);

  return findings.map((f) => {
    if (f.acknowledged) return f;
    const modelAck = [...(f.component ? byComponent.get(f.component) ?? [] : []), ...designWide].find((a) => ackMatches(a.rule, f));
    if (modelAck) return { ...f, acknowledged: { reason: modelAck.reason } };
    if (!f.resource) return f;
    const acks = byResource.get(f.resource) ?? [];
    const reasonFor = (rule: string, id: string): { candidates: TemplateAcknowledgement[]; good?: TemplateAcknowledgement } => {
      const { base, granular } = splitRule(rule);
      const candidates = acks.filter((a) => ackMatches(a.rule, { rule, id }) && (a.rule !== base || appliesTo(a.appliesTo, granular)));
      const good = candidates.find((a) => typeof a.reason === 'string' && a.reason.trim().length >= MIN_REASON_LENGTH);
      return good ? { candidates, good } : { candidates };
    };
    const { candidates, good } = reasonFor(f.rule, f.id);
    if (good) return { ...f, acknowledged: { reason: good.reason!.trim() } };
    // The same problem acknowledged for cdk-nag (every one of its findings) is acknowledged here too.
    const twins = opts.sameAs?.get(f.id);
    if (twins?.length) {
      const reasons = twins.map((t) => reasonFor(t, `${t}:${f.resource}`).good?.reason?.trim());
      if (reasons.every(Boolean)) return { ...f, acknowledged: { reason: [...new Set(reasons)].join(' ') } };
    }
    if (candidates.length) {
      return { ...f, evidence: `${f.evidence} An acknowledgement of ${candidates[0]!.rule} in the template metadata has no reason of at least ${MIN_REASON_LENGTH} characters, so it was not applied.` };
    }
    return f;
  });
}

/** Reads `Metadata.cdk_nag.rules_to_suppress` from every resource of a CloudFormation template. */
export function templateAcknowledgements(resources: Record<string, unknown>): TemplateAcknowledgement[] {
  const out: TemplateAcknowledgement[] = [];
  for (const [logicalId, res] of Object.entries(resources)) {
    const meta = (res as { Metadata?: { cdk_nag?: { rules_to_suppress?: unknown } } } | null)?.Metadata?.cdk_nag?.rules_to_suppress;
    if (!Array.isArray(meta)) continue;
    for (const entry of meta) {
      if (!entry || typeof entry !== 'object' || typeof (entry as { id?: unknown }).id !== 'string') continue;
      const e = entry as { id: string; reason?: unknown; applies_to?: unknown };
      out.push({
        resource: logicalId,
        rule: e.id,
        reason: typeof e.reason === 'string' ? e.reason : undefined,
        appliesTo: Array.isArray(e.applies_to) ? (e.applies_to.filter((x) => typeof x === 'string' || (x && typeof x === 'object' && typeof (x as { regex?: unknown }).regex === 'string')) as TemplateAcknowledgement['appliesTo']) : undefined,
      });
    }
  }
  return out;
}
