import type { Component } from '../../model/index.js';
import type { ModelRule, RuleHit } from '../types.js';
import { hit, ofService, rule } from './helpers.js';

/** Graviton families carry a `g` after the generation digit: m7g, c7gn, r8g, t4g, db.r7g, cache.t4g, r7g.large.search. */
const GRAVITON = /^(?:db\.|cache\.|ml\.)?[a-z]+\d+g[a-z]*\./;

function nonGraviton(c: Component): string | undefined {
  switch (c.service) {
    case 'lambda':
    case 'ecs-fargate':
      return c.config.architecture === 'x86_64' ? 'x86_64 architecture' : undefined;
    case 'ec2-asg':
      return GRAVITON.test(c.config.instanceType) ? undefined : c.config.instanceType;
    case 'eks':
      return GRAVITON.test(c.config.nodeInstanceType) ? undefined : c.config.nodeInstanceType;
    case 'rds':
      return GRAVITON.test(c.config.instanceClass) ? undefined : c.config.instanceClass;
    case 'aurora':
      return c.config.capacity === 'provisioned' && !GRAVITON.test(c.config.instanceClass) ? c.config.instanceClass : undefined;
    case 'documentdb':
      return GRAVITON.test(c.config.instanceClass) ? undefined : c.config.instanceClass;
    case 'elasticache':
      return c.config.mode === 'node-based' && !GRAVITON.test(c.config.nodeType) ? c.config.nodeType : undefined;
    case 'opensearch':
      return GRAVITON.test(c.config.instanceType) ? undefined : c.config.instanceType;
    default:
      return undefined;
  }
}

const LIFECYCLE_PURPOSES = new Set(['logs', 'backups', 'landing', 'data-lake', 'artifacts']);

/** Well-Architected sustainability rules. */
export const SUSTAINABILITY_RULES: ModelRule[] = [
  rule({
    id: 'WA-SUS-1',
    framework: 'well-architected',
    control: 'SUS 5',
    pillar: 'sustainability',
    severity: 'low',
    title: 'x86 compute where Graviton would do',
    checks: 'Functions, containers, instances and database/cache/search nodes use Arm-based Graviton where it is offered.',
    why: 'AWS states Graviton uses up to 60 % less energy than comparable instances for the same performance, and it is typically about 20 % cheaper.',
    fix: 'Lambda and Fargate: architecture arm64. Instances and nodes: the g variant of the family (m7g, r7g, t4g, db.r7g, cache.t4g, r7g.large.search).',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of s.architecture.components) {
        const what = nonGraviton(c);
        if (what) out.push(hit(s, c, `${c.service} '${c.id}' uses ${what}.`));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-SUS-2',
    framework: 'well-architected',
    control: 'SUS 4',
    pillar: 'sustainability',
    severity: 'low',
    title: 'Accumulating data with no lifecycle',
    checks: 'Log, backup, landing, data-lake and artifact buckets have lifecycle rules.',
    why: 'These buckets only grow; without transitions and expiry they keep every byte in the most expensive, energy-hungriest class forever.',
    fix: 'Add lifecycle rules: transition to STANDARD_IA / GLACIER_IR after 30-90 days and expire what you no longer need (landing files after processing, logs after the retention period).',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 's3')
        .filter((c) => LIFECYCLE_PURPOSES.has(c.config.purpose) && c.config.lifecycle.length === 0)
        .map((c) => hit(s, c, `s3 '${c.id}' (${c.config.purpose}) has no lifecycle rules.`));
    },
  }),
  rule({
    id: 'WA-SUS-3',
    framework: 'well-architected',
    control: 'SUS 2',
    pillar: 'sustainability',
    severity: 'low',
    title: 'Always-on inference for light traffic',
    checks: 'Real-time SageMaker endpoints serve enough requests (per the usage profile) to keep instances busy.',
    why: 'A GPU instance idling between a few requests burns energy and money around the clock; serverless inference scales to zero.',
    fix: 'Use mode serverless below about a million requests a month, or add usage figures that justify real-time instances.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      return ofService(a, 'sagemaker-endpoint')
        .filter((c) => c.config.mode === 'real-time' && (a.usage.components[c.id]?.requestsPerMonth ?? Infinity) < 1_000_000)
        .map((c) => hit(s, c, `sagemaker-endpoint '${c.id}' keeps ${c.config.instanceCount} ${c.config.instanceType} instance(s) for ${a.usage.components[c.id]!.requestsPerMonth} requests a month.`));
    },
  }),
];
