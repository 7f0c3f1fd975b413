import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { emitter, noPart } from './types.js';

type Waf = ComponentOfService<'waf'>;

const metricName = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

/** The components a web ACL protects: its `protects` list plus `protect` connections. */
export function protectedBy(ctx: Target, w: Waf): Component[] {
  const ids = new Set([...w.config.protects, ...ctx.a.connections.filter((x) => x.from === w.id && x.kind === 'protect').map((x) => x.to)]);
  return [...ids].map((id) => ctx.component(id));
}

/**
 * A web ACL with the design's AWS managed rule groups and a per-IP rate limit, full request logging to CloudWatch
 * Logs (authorization headers redacted), associated with the regional resources it protects (CloudFront takes
 * the ACL on the distribution itself).
 */
export const waf = emitter('waf', {
  emit(c: Waf, ctx: Target) {
    const cfg = c.config;
    if (cfg.scope === 'CLOUDFRONT' && ctx.a.region !== 'us-east-1') ctx.warn(`components.${c.id}.config.scope`, `CLOUDFRONT web ACLs exist only in us-east-1; deploy ${c.id} from a us-east-1 stack`);
    const rules: Prop[] = cfg.managedRuleGroups.map((name, i) => ({
      Name: name,
      Priority: i + 1,
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metricName(`${c.id}-${name}`) },
    }));
    if (cfg.rateLimitPer5Min > 0) {
      rules.push({
        Name: 'RateLimitPerIp',
        Priority: cfg.managedRuleGroups.length + 1,
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: Math.max(10, cfg.rateLimitPer5Min), AggregateKeyType: 'IP' } },
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metricName(`${c.id}-rate-limit`) },
      });
    }
    const acl = ctx.resource(c, ctx.id(c, 'WebAcl'), 'AWS::WAFv2::WebACL', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      Scope: cfg.scope,
      Description: c.description ?? `Protects ${protectedBy(ctx, c).map((t) => t.id).join(', ') || 'nothing yet'}`,
      DefaultAction: { Allow: {} },
      Rules: rules,
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metricName(`${ctx.a.name}-${c.id}`) },
    });
    const logs = ctx.logGroup(c, ctx.id(c, 'LogGroup'), ctx.sub(`aws-waf-logs-${ctx.a.name}-\${EnvironmentName}-${c.id}`));
    ctx.resource(c, ctx.id(c, 'Logging'), 'AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: ctx.att(acl, 'Arn'),
      LogDestinationConfigs: [ctx.sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${${logs}}`)],
      RedactedFields: [{ SingleHeader: ctx.json({ Name: 'authorization' }) }, { SingleHeader: ctx.json({ Name: 'cookie' }) }],
    });
    for (const t of protectedBy(ctx, c)) {
      let resource: Prop | undefined;
      let dependsOn: string[] = [];
      if (t.service === 'cloudfront') continue;
      if (t.service === 'alb') resource = ctx.refOf({ component: t.id, part: 'arn' });
      else if (t.service === 'apigateway-rest') {
        resource = ctx.attr(t, 'stageArn');
        dependsOn = [ctx.attr(t, 'stage') as string];
      } else if (t.service === 'appsync' || t.service === 'cognito') resource = ctx.refOf({ component: t.id, part: 'arn' });
      if (!resource) {
        ctx.warn(`components.${c.id}.config.protects`, `a web ACL cannot be associated with ${t.service} '${t.id}'; protect a REST API, load balancer, AppSync API, user pool or distribution`);
        continue;
      }
      ctx.resource(c, ctx.id(c, `${ctx.prefixes.get(t.id)}Association`), 'AWS::WAFv2::WebACLAssociation', { ResourceArn: resource, WebACLArn: ctx.att(acl, 'Arn') }, { dependsOn: dependsOn });
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'WebAcl'), 'Arn');
    return noPart('waf', part);
  },
  env() {
    return {};
  },
});

