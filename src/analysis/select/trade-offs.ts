import type { Decision } from '../../model/index.js';

/**
 * The review rules selection acknowledges when a design takes a trade-off on purpose, by the ids the reviewer
 * (src/review/rules) reports them under. The reviewer matches acknowledgements by these strings, so they are kept
 * here in one place and a test checks every one against the review's rule table: a renamed rule then fails that
 * test instead of silently un-acknowledging the finding.
 */
export const TRADE_OFF_RULES = {
  /** Internet-facing entry point without a WAF web ACL. */
  noWebAcl: 'WA-SEC-1',
  /** API that accepts requests without authentication. */
  publicApi: 'WA-SEC-2',
  /** Single-instance data store. */
  singleInstanceStore: 'AP-SPOF-1',
  /** Everything in one Availability Zone. */
  singleAz: 'AP-SPOF-3',
  /** No one is alerted when something breaks (raised high only when nothing in the design carries an alarm). */
  noAlerting: 'AP-MON-1',
} as const;

export type TradeOffRule = (typeof TRADE_OFF_RULES)[keyof typeof TRADE_OFF_RULES];

/** One accepted finding: design-wide, or scoped to the component it is about. */
export interface DesignAcknowledgement {
  rule: TradeOffRule;
  reason: string;
  component?: string;
}

/**
 * Records a deliberate trade-off in both places a reader looks: acknowledgements the review reads (so the finding
 * is reported as accepted with its reason, never hidden) and the rationale of the decision that made the trade-off
 * (so the plan explains it). The note names the acknowledged rules so the two can be tied together.
 */
export function acceptTradeOff(acknowledgements: DesignAcknowledgement[], decision: Decision | undefined, note: string, accepted: DesignAcknowledgement[]): void {
  for (const a of accepted) {
    if (!acknowledgements.some((x) => x.rule === a.rule && x.component === a.component)) acknowledgements.push(a);
  }
  if (!decision || !accepted.length) return;
  const rules = [...new Set(accepted.map((a) => a.rule))];
  const tag = `acknowledged review finding${rules.length > 1 ? 's' : ''} ${rules.join(' and ')}`;
  decision.rationale = `${decision.rationale.trimEnd()} ${note.trim().replace(/\.$/, '')} (${tag}).`;
}
