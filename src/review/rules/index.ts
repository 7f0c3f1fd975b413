import type { ModelRule } from '../types.js';
import { ANTI_PATTERN_RULES } from './anti-patterns.js';
import { HIPAA_RULES, PCI_RULES } from './compliance.js';
import { COST_RULES } from './cost.js';
import { DR_RULES } from './dr.js';
import { OPERATIONAL_RULES } from './operational.js';
import { PERFORMANCE_RULES } from './performance.js';
import { RELIABILITY_RULES } from './reliability.js';
import { SECURITY_RULES } from './security.js';
import { SUSTAINABILITY_RULES } from './sustainability.js';

export { DR_CAPABILITY } from './dr.js';
export { RUNTIME_END_OF_SUPPORT } from './operational.js';

/** Every model rule, in report order: the six pillars, DR, the anti-patterns, then HIPAA and PCI DSS. */
export const MODEL_RULES: readonly ModelRule[] = [
  ...OPERATIONAL_RULES,
  ...SECURITY_RULES,
  ...RELIABILITY_RULES,
  ...DR_RULES,
  ...PERFORMANCE_RULES,
  ...COST_RULES,
  ...SUSTAINABILITY_RULES,
  ...ANTI_PATTERN_RULES,
  ...HIPAA_RULES,
  ...PCI_RULES,
];

/** Rule by id, for explanations and acknowledgement checks. */
export const MODEL_RULES_BY_ID: ReadonlyMap<string, ModelRule> = new Map(MODEL_RULES.map((r) => [r.id, r]));
