import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../usage.js';
import { type Builder, dim, edgeGroupFor, n } from './common.js';

export const cloudfront: Builder<'cloudfront'> = (c, u, ctx) => {
  const group = edgeGroupFor(ctx.region, c.config.priceClass);
  const where = `${group} edge group (${c.config.priceClass})`;
  return [
    dim(c, 'cloudfront', 'data-out', 'data transfer out to viewers', u.dataOutGb ?? 0, where, group),
    dim(c, 'cloudfront', 'https-requests', 'HTTPS requests', u.requestsPerMonth ?? 0, where, group),
  ];
};

export const route53: Builder<'route53'> = (c, u) => {
  const out = [];
  if (c.config.createZone) out.push(dim(c, 'route53', 'hosted-zones', 'hosted zone', 1, 'Route 53 is global'));
  const queries = u.requestsPerMonth ?? 0;
  out.push(dim(c, 'route53', c.config.routing === 'latency' ? 'latency-queries' : 'standard-queries', `${c.config.routing === 'latency' ? 'latency-based' : 'standard'} DNS queries`, queries, 'alias queries to AWS resources are free; all queries priced as a ceiling'));
  if (c.config.healthChecks) out.push(dim(c, 'route53', 'health-checks', 'health checks', c.config.routing === 'failover' ? 2 : 1, 'one per endpoint checked'));
  return out;
};

export const acm: Builder<'acm'> = (c) => [dim(c, 'acm', 'public-certificate', 'public TLS certificate', 1, 'public certificates are free')];

export const waf: Builder<'waf'> = (c, u) => {
  const rules = c.config.managedRuleGroups.length + (c.config.rateLimitPer5Min > 0 ? 1 : 0);
  return [
    dim(c, 'waf', 'web-acls', 'web ACL', 1),
    dim(c, 'waf', 'rules', 'rules and managed rule groups', rules, `${c.config.managedRuleGroups.length} managed rule groups${c.config.rateLimitPer5Min > 0 ? ' + 1 rate-based rule' : ''}`),
    dim(c, 'waf', 'requests', 'requests inspected', u.requestsPerMonth ?? 0),
  ];
};

export const apigatewayRest: Builder<'apigateway-rest'> = (c, u) => {
  const out = [dim(c, 'apigateway', 'rest-requests', 'REST API requests', u.requestsPerMonth ?? 0)];
  if (c.config.cacheSizeGb !== '0') out.push(dim(c, 'apigateway', `cache-${c.config.cacheSizeGb}`, `stage cache ${c.config.cacheSizeGb} GB`, HOURS_PER_MONTH, 'cache runs all month'));
  return out;
};

export const apigatewayHttp: Builder<'apigateway-http'> = (c, u) => [dim(c, 'apigateway', 'http-requests', 'HTTP API requests', u.requestsPerMonth ?? 0, 'metered in 512 KB increments')];

export const apigatewayWebsocket: Builder<'apigateway-websocket'> = (c, u) => [
  dim(c, 'apigateway', 'websocket-messages', 'WebSocket messages', u.messagesPerMonth ?? 0, 'metered in 32 KB increments'),
  dim(c, 'apigateway', 'websocket-connection-minutes', 'WebSocket connection minutes', u.connectionMinutesPerMonth ?? 0, `${n((u.connectionMinutesPerMonth ?? 0) / (HOURS_PER_MONTH * 60))} connections open on average`),
];

export const appsync: Builder<'appsync'> = (c, u) => [
  dim(c, 'appsync', 'query-operations', 'GraphQL queries and mutations', u.requestsPerMonth ?? 0),
  dim(c, 'appsync', 'realtime-updates', 'real-time updates', u.messagesPerMonth ?? 0),
  dim(c, 'appsync', 'connection-minutes', 'real-time connection minutes', u.connectionMinutesPerMonth ?? 0),
];

/**
 * Load balancer capacity units: the largest of the dimensions AWS meters. ALB: 25 new connections/s, 3,000 active
 * connections/min, 1 GB/h processed (EC2/IP targets), 1,000 rule evaluations/s. Each request is counted as a new
 * connection (no keep-alive), which overstates LCUs for browsers and understates nothing.
 */
function lcus(requests: number, gb: number, perConn: number): { value: number; why: string } {
  const rps = requests / SECONDS_PER_MONTH;
  const byConn = rps / perConn;
  const byBytes = gb / HOURS_PER_MONTH;
  return byConn >= byBytes
    ? { value: byConn, why: `${n(rps)} new connections/s / ${perConn} per LCU` }
    : { value: byBytes, why: `${n(byBytes)} GB/h processed / 1 GB per LCU` };
}

export const alb: Builder<'alb'> = (c, u) => {
  const l = lcus(u.requestsPerMonth ?? 0, u.dataProcessedGb ?? 0, 25);
  return [dim(c, 'elb', 'alb-hours', 'load balancer hours', HOURS_PER_MONTH), dim(c, 'elb', 'alb-lcu-hours', 'load balancer capacity units', l.value * HOURS_PER_MONTH, `${n(l.value)} LCUs on average: ${l.why}`)];
};

export const nlb: Builder<'nlb'> = (c, u) => {
  const l = lcus(u.requestsPerMonth ?? 0, u.dataProcessedGb ?? 0, 800);
  return [dim(c, 'elb', 'nlb-hours', 'load balancer hours', HOURS_PER_MONTH), dim(c, 'elb', 'nlb-lcu-hours', 'load balancer capacity units', l.value * HOURS_PER_MONTH, `${n(l.value)} NLCUs on average: ${l.why}`)];
};
