import type { ModelRule } from '../types.js';
import { designHit, hit, isProd, ofService, rule } from './helpers.js';

/**
 * Lambda runtimes past or at their end of support, with the date: nodejs20.x per AWS's deprecation notice
 * (2026-04-30, reported by AWS's CloudFormation validator as W2531), dotnet8 because .NET 8 support ends on
 * 2026-11-10.
 */
export const RUNTIME_END_OF_SUPPORT: Record<string, string> = {
  'nodejs20.x': '2026-04-30',
  dotnet8: '2026-11-10',
};

/** Well-Architected operational excellence rules (alerting, tracing and pipelines are anti-pattern rules). */
export const OPERATIONAL_RULES: ModelRule[] = [
  rule({
    id: 'WA-OPS-1',
    framework: 'well-architected',
    control: 'OPS 8',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Production logs kept for less than 30 days',
    checks: 'Production log retention is at least 30 days.',
    why: 'Problems that surface weeks later (billing disputes, slow data corruption, security investigations) need the logs of the time they started.',
    fix: 'Set observability.logRetentionDays to 30 or more (90 is common; regulated data often needs 365).',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      return isProd(a) && a.observability.logRetentionDays < 30 ? [designHit(`observability.logRetentionDays is ${a.observability.logRetentionDays}.`)] : [];
    },
  }),
  rule({
    id: 'WA-OPS-2',
    framework: 'well-architected',
    control: 'OPS 5',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'Lambda runtime at end of support',
    checks: 'Functions use a runtime that is still supported.',
    why: 'Deprecated runtimes get no security patches, and AWS later blocks creating and then updating functions that use them.',
    fix: 'Move to nodejs22.x (or the current version of the language) and redeploy.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'lambda')
        .filter((c) => RUNTIME_END_OF_SUPPORT[c.config.runtime])
        .map((c) => hit(s, c, `lambda '${c.id}' uses ${c.config.runtime} (end of support ${RUNTIME_END_OF_SUPPORT[c.config.runtime]}).`));
    },
  }),
];
