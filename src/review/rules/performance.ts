import type { ModelRule, RuleHit } from '../types.js';
import { hit, isRegulated, ofService, rule, targetsOf } from './helpers.js';

/** API Gateway's integration timeout: 29 s for REST APIs (raisable per Region by quota request), 30 s for HTTP APIs. */
const API_TIMEOUT_SECONDS = { 'apigateway-rest': 29, 'apigateway-http': 30 } as const;

/** Well-Architected performance efficiency rules. */
export const PERFORMANCE_RULES: ModelRule[] = [
  rule({
    id: 'WA-PERF-1',
    framework: 'well-architected',
    control: 'PERF 2',
    pillar: 'performance-efficiency',
    severity: 'medium',
    title: 'Function outlives the API that calls it',
    checks: 'Functions behind REST or HTTP APIs time out before the API integration does (29 s REST, 30 s HTTP).',
    why: 'The API answers 504 to the client while the function keeps running and billing, and the client retries on top of it.',
    fix: 'Keep the function timeout below the API limit; move longer work behind a queue or Step Functions and return 202.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const byId = new Map(a.components.map((c) => [c.id, c]));
      const out: RuleHit[] = [];
      for (const conn of a.connections) {
        const api = byId.get(conn.from);
        const fn = byId.get(conn.to);
        if (conn.kind !== 'invoke' || fn?.service !== 'lambda' || (api?.service !== 'apigateway-rest' && api?.service !== 'apigateway-http')) continue;
        const limit = API_TIMEOUT_SECONDS[api.service];
        if (fn.config.timeoutSeconds > limit) out.push(hit(s, fn, `lambda '${fn.id}' times out after ${fn.config.timeoutSeconds}s; ${api.service} '${api.id}' gives up after ${limit}s.`));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-PERF-2',
    framework: 'well-architected',
    control: 'PERF 2',
    pillar: 'performance-efficiency',
    severity: 'medium',
    title: 'No room to scale out',
    checks: 'Services, fleets and node groups have a maximum above their minimum.',
    why: 'When maximum equals minimum, auto scaling cannot add capacity and a traffic peak turns into errors.',
    fix: 'Raise maxCount / maxSize / maxNodes above the minimum (two to five times the steady state is common).',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of s.architecture.components) {
        if (c.service === 'ecs-fargate' && c.config.mode === 'service' && c.config.maxCount <= c.config.minCount) out.push(hit(s, c, `ecs-fargate '${c.id}' has maxCount ${c.config.maxCount} and minCount ${c.config.minCount}.`));
        if (c.service === 'ec2-asg' && c.config.maxSize <= c.config.minSize) out.push(hit(s, c, `ec2-asg '${c.id}' has maxSize ${c.config.maxSize} and minSize ${c.config.minSize}.`));
        if (c.service === 'eks' && c.config.maxNodes <= c.config.minNodes) out.push(hit(s, c, `eks '${c.id}' has maxNodes ${c.config.maxNodes} and minNodes ${c.config.minNodes}.`));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-PERF-3',
    framework: 'well-architected',
    control: 'PERF 2',
    pillar: 'performance-efficiency',
    severity: 'low',
    title: 'API handler with the smallest memory size',
    checks: 'Functions behind an API have more than 128 MB.',
    why: 'Lambda allocates CPU in proportion to memory; at 128 MB a function gets a small fraction of a vCPU, so cold starts and requests are slow and often cost more in duration than they save.',
    fix: 'Give API handlers 512-1024 MB and measure (AWS Lambda Power Tuning finds the cheapest size).',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const called = targetsOf(a, ['apigateway-rest', 'apigateway-http', 'apigateway-websocket', 'appsync', 'alb'], ['invoke', 'route']);
      return ofService(a, 'lambda')
        .filter((c) => called.has(c.id) && c.config.memoryMb <= 128)
        .map((c) => hit(s, c, `lambda '${c.id}' has ${c.config.memoryMb} MB and serves ${called.get(c.id)!.join(', ')}.`));
    },
  }),
  rule({
    id: 'WA-PERF-4',
    framework: 'well-architected',
    control: 'PERF 4',
    pillar: 'performance-efficiency',
    severity: 'medium',
    title: 'CDN does not cache static content',
    checks: 'CloudFront distributions in front of S3 use the optimized cache policy.',
    why: 'With caching disabled every request travels to the origin: slower pages and S3 request charges for content that never changes.',
    fix: 'Set caching to optimized and invalidate on deployment.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const byId = new Map(a.components.map((c) => [c.id, c]));
      return ofService(a, 'cloudfront')
        .filter((c) => c.config.caching === 'disabled' && a.connections.some((x) => x.from === c.id && x.kind === 'route' && byId.get(x.to)?.service === 's3'))
        .map((c) => hit(s, c, `cloudfront '${c.id}' has caching disabled and serves an S3 origin.`));
    },
  }),
  rule({
    id: 'WA-PERF-5',
    framework: 'well-architected',
    control: 'PERF 4',
    pillar: 'performance-efficiency',
    severity: 'low',
    title: 'Function in a VPC that reaches nothing inside it',
    checks: 'Functions run in the VPC only when they connect to something that lives there (HIPAA and PCI DSS designs keep compute in the VPC by policy and are exempt).',
    why: 'A VPC function reaches AWS APIs and the internet only through NAT or endpoints, which adds cost, a dependency and a failure mode for no gain.',
    fix: 'Set inVpc to false, or acknowledge when a policy requires all compute inside the VPC.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const byId = new Map(a.components.map((c) => [c.id, c]));
      if (a.compliance.includes('hipaa') || a.compliance.includes('pci-dss') || isRegulated(a)) return [];
      const vpcBound = new Set(['aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift', 'ecs-fargate', 'eks', 'ec2-asg', 'alb', 'nlb']);
      return ofService(a, 'lambda')
        .filter((c) => c.config.inVpc && !a.connections.some((x) => x.from === c.id && vpcBound.has(byId.get(x.to)?.service ?? '')))
        .map((c) => hit(s, c, `lambda '${c.id}' has inVpc true but connects to nothing in the VPC.`));
    },
  }),
];
