import type { Architecture, Component, ComponentOfService, ComponentService, Severity } from '../../model/index.js';
import type { ModelRule, ReviewSubject, RuleHit } from '../types.js';

/** Identity helper so rule files get full type checking of the rule data. */
export function rule(def: ModelRule): ModelRule {
  return def;
}

/** Components of one kind, narrowed. */
export function ofService<S extends ComponentService>(a: Architecture, service: S): Array<ComponentOfService<S>> {
  return a.components.filter((c): c is ComponentOfService<S> => c.service === service);
}

/** A hit placed on a component, carrying the template address it came from when there is one. */
export function hit(s: ReviewSubject, c: Component | string, evidence: string, extra: Omit<RuleHit, 'component' | 'evidence'> = {}): RuleHit {
  const id = typeof c === 'string' ? c : c.id;
  const resource = s.resourceOf.get(id);
  return { component: id, ...(resource ? { resource } : {}), evidence, ...extra };
}

/** A hit on the design as a whole (no component). */
export function designHit(evidence: string, extra: Omit<RuleHit, 'evidence'> = {}): RuleHit {
  return { evidence, ...extra };
}

/** A production design: single points of failure and manual steps weigh more here. */
export const isProd = (a: Architecture): boolean => a.environment === 'prod';

/** PII, PHI and card data: the classifications that raise security findings a level. */
export const isSensitive = (a: Architecture): boolean => a.dataClassification === 'pii' || a.dataClassification === 'phi' || a.dataClassification === 'pci';

/** PHI or card data: regulated data. */
export const isRegulated = (a: Architecture): boolean => a.dataClassification === 'phi' || a.dataClassification === 'pci';

/** Components a WAF web ACL protects, from `protects` lists and `protect` connections. */
export function wafProtected(a: Architecture): Set<string> {
  const out = new Set<string>();
  for (const w of ofService(a, 'waf')) for (const t of w.config.protects) out.add(t);
  for (const conn of a.connections) if (conn.kind === 'protect') out.add(conn.to);
  return out;
}

/** Components reached by a connection of one of `kinds` from a component of one of `fromServices`. */
export function targetsOf(a: Architecture, fromServices: readonly ComponentService[], kinds: readonly string[]): Map<string, string[]> {
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const out = new Map<string, string[]>();
  for (const conn of a.connections) {
    const from = byId.get(conn.from);
    if (!from || !fromServices.includes(from.service) || !kinds.includes(conn.kind)) continue;
    out.set(conn.to, [...(out.get(conn.to) ?? []), conn.from]);
  }
  return out;
}

/** Edge components that take traffic from the internet. */
export function internetFacing(a: Architecture): Component[] {
  return a.components.filter((c) => {
    switch (c.service) {
      case 'cloudfront':
      case 'appsync':
      case 'apigateway-http':
      case 'apigateway-websocket':
      case 'iot-core':
        return true;
      case 'apigateway-rest':
        return c.config.endpointType !== 'PRIVATE';
      case 'alb':
      case 'nlb':
        return c.config.scheme === 'internet-facing';
      case 'transfer-family':
        return c.config.endpointType === 'PUBLIC';
      default:
        return false;
    }
  });
}

/** Compute that runs in private subnets and so needs NAT (or endpoints) to reach AWS APIs and the internet. */
export function privateCompute(a: Architecture): Component[] {
  return a.components.filter((c) => (c.service === 'lambda' && c.config.inVpc) || c.service === 'ecs-fargate' || c.service === 'eks' || c.service === 'ec2-asg');
}

/** Stateful components whose loss loses data (a static-site bucket is rebuilt from the repository). */
export function dataStores(a: Architecture): Component[] {
  return a.components.filter((c) => {
    switch (c.service) {
      case 'dynamodb':
      case 'aurora':
      case 'rds':
      case 'documentdb':
      case 'opensearch':
      case 'redshift':
        return true;
      case 's3':
        return c.config.purpose !== 'static-site';
      default:
        return false;
    }
  });
}

/** S3 buckets CloudFront serves through an origin (reads via OAC), so not public themselves. */
export function cdnOrigins(a: Architecture): Set<string> {
  return new Set(targetsOf(a, ['cloudfront'], ['route', 'read']).keys());
}

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** 0 for info up to 4 for critical, for comparisons and sorting. */
export function severityRank(s: Severity): number {
  return ORDER.indexOf(s);
}

/** `a, b and c` for evidence text. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `'orders-api'`, for ids in evidence text. */
export const quote = (id: string): string => `'${id}'`;
