import type { ModelRule } from '../types.js';
import { designHit, hit, isProd, ofService, rule } from './helpers.js';

const GATEWAY_ENDPOINTS = new Set(['s3', 'dynamodb']);

/** Well-Architected cost optimization rules (ignored cost and over-engineering are anti-pattern rules). */
export const COST_RULES: ModelRule[] = [
  rule({
    id: 'WA-COST-1',
    framework: 'well-architected',
    control: 'COST 6',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Provisioned table capacity without usage figures',
    checks: 'DynamoDB tables on PROVISIONED billing have usage figures to size them.',
    why: 'Unsized provisioned capacity is either paid for and idle or throttles at the first peak; on-demand bills per request and needs no planning.',
    fix: 'Use PAY_PER_REQUEST until traffic is known and steady, or add usage figures and size read/write capacity with auto scaling.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      return ofService(a, 'dynamodb')
        .filter((c) => c.config.billingMode === 'PROVISIONED' && !a.usage.components[c.id])
        .map((c) => hit(s, c, `dynamodb '${c.id}' provisions ${c.config.readCapacity} RCU / ${c.config.writeCapacity} WCU with no usage figures.`));
    },
  }),
  rule({
    id: 'WA-COST-2',
    framework: 'well-architected',
    control: 'COST 7',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Interruptible work on On-Demand capacity',
    checks: 'Fargate queue workers and scheduled tasks use Fargate Spot.',
    why: 'Queue workers and batch tasks tolerate interruption, and Fargate Spot runs them at a large discount.',
    fix: 'Set spot to true for worker and scheduled-task services that are idempotent.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'ecs-fargate')
        .filter((c) => c.config.mode !== 'service' && !c.config.spot)
        .map((c) => hit(s, c, `ecs-fargate '${c.id}' runs ${c.config.mode} tasks on On-Demand capacity.`));
    },
  }),
  rule({
    id: 'WA-COST-3',
    framework: 'well-architected',
    control: 'COST 9',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Logs kept longer than any stated need',
    checks: 'Log retention above one year comes with a compliance regime that asks for it.',
    why: 'CloudWatch Logs storage adds up month after month for logs nobody reads.',
    fix: 'Lower observability.logRetentionDays to 90-365, or export old logs to S3 Glacier for long-term retention.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      return a.observability.logRetentionDays > 365 && a.compliance.length === 0 ? [designHit(`observability.logRetentionDays is ${a.observability.logRetentionDays} with no compliance regime.`)] : [];
    },
  }),
  rule({
    id: 'WA-COST-4',
    framework: 'well-architected',
    control: 'COST 6',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Interface endpoints in every AZ outside production',
    checks: 'Non-production VPCs keep interface endpoints to a minimum.',
    why: 'Each interface endpoint bills per AZ per hour (about $7.30 a month per AZ in us-east-1) on top of data processed.',
    fix: 'In dev/staging keep the free s3 and dynamodb gateway endpoints and let NAT carry the rest, or reduce azCount.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const n = a.network;
      if (!n || isProd(a)) return [];
      const iface = n.vpcEndpoints.filter((e) => !GATEWAY_ENDPOINTS.has(e));
      return iface.length >= 3 ? [designHit(`${iface.length} interface endpoints x ${n.azCount} AZs in a ${a.environment} design.`)] : [];
    },
  }),
  rule({
    id: 'WA-COST-5',
    framework: 'well-architected',
    control: 'COST 6',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Distribution serves every edge location',
    checks: 'CloudFront uses a price class matched to where users are.',
    why: 'PriceClass_All adds the most expensive edge locations, often for a handful of users.',
    fix: 'Use PriceClass_100 (North America, Europe) or PriceClass_200 unless users are worldwide.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'cloudfront')
        .filter((c) => c.config.priceClass === 'PriceClass_All')
        .map((c) => hit(s, c, `cloudfront '${c.id}' uses PriceClass_All.`));
    },
  }),
];
