import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { designCertificate } from './load-balancer.js';
import { emitter, noPart } from './types.js';

type Zone = ComponentOfService<'route53'>;

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** Record name for a routed target: the edge's scope when it is a domain, else what the target serves. */
function recordName(ctx: Target, zone: Zone, t: Component): string {
  const scope = ctx.a.connections.find((x) => x.from === zone.id && x.to === t.id)?.scope;
  const inZone = (n: string) => n === zone.config.domainName || n.endsWith(`.${zone.config.domainName}`);
  if (scope && DOMAIN.test(scope) && inZone(scope)) return scope;
  if (t.service === 'cloudfront') return t.config.aliases.find(inZone) ?? zone.config.domainName;
  const cert = designCertificate(ctx);
  if (cert && cert.service === 'acm' && inZone(cert.config.domainName) && !cert.config.domainName.startsWith('*')) return cert.config.domainName;
  return zone.config.domainName;
}

/** A hosted zone (or records in an existing one) with alias records for the components it routes to. */
export const route53 = emitter('route53', {
  emit(c: Zone, ctx: Target) {
    const cfg = c.config;
    const zone = ctx.id(c, 'HostedZone');
    if (cfg.createZone) {
      ctx.resource(c, zone, 'AWS::Route53::HostedZone', { Name: cfg.domainName, HostedZoneConfig: { Comment: `${ctx.a.name}: ${c.description ?? cfg.domainName}` } });
      ctx.output(`${ctx.prefixes.get(c.id)}NameServers`, ctx.joinList(',', ctx.att(zone, 'NameServers')), `Delegate ${cfg.domainName} to these name servers`);
    }
    const zoneProp: Record<string, Prop> = cfg.createZone ? { HostedZoneId: ctx.ref(zone) } : { HostedZoneName: `${cfg.domainName}.` };
    for (const t of ctx.targets(c, ['route'])) {
      const dns = ctx.attr(t, 'dnsName');
      const hz = ctx.attr(t, 'hostedZoneId');
      if (!dns || !hz) {
        ctx.warn('connections', `Route 53 ${c.id} cannot alias ${t.service} '${t.id}'; give it a custom domain first`);
        continue;
      }
      const name = recordName(ctx, c, t);
      const p = ctx.prefixes.get(t.id)!;
      let healthCheck: string | undefined;
      if (cfg.healthChecks) {
        healthCheck = ctx.resource(c, ctx.id(c, `${p}HealthCheck`), 'AWS::Route53::HealthCheck', {
          HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: name, Port: 443, ResourcePath: '/', RequestInterval: 30, FailureThreshold: 3 },
          HealthCheckTags: ctx.tagList(c),
        });
      }
      const routing: Record<string, Prop> =
        cfg.routing === 'failover' ? { SetIdentifier: `${t.id}-primary`, Failover: 'PRIMARY', HealthCheckId: healthCheck ? ctx.ref(healthCheck) : undefined } as Record<string, Prop>
        : cfg.routing === 'latency' ? { SetIdentifier: `${t.id}-${ctx.a.region}`, Region: ctx.aws.region }
        : cfg.routing === 'weighted' ? { SetIdentifier: `${t.id}-${ctx.a.region}`, Weight: 100 }
        : {};
      if (cfg.routing === 'failover') ctx.warn(`components.${c.id}.config.routing`, `failover routing: ${name} is the PRIMARY record; add the SECONDARY from the DR stack`);
      const alias = { DNSName: dns, HostedZoneId: hz, EvaluateTargetHealth: t.service !== 'cloudfront' };
      ctx.resource(c, ctx.id(c, `${p}Record`), 'AWS::Route53::RecordSet', { ...zoneProp, Name: name, Type: 'A', AliasTarget: alias, ...routing });
      if (t.service === 'cloudfront') ctx.resource(c, ctx.id(c, `${p}Ipv6Record`), 'AWS::Route53::RecordSet', { ...zoneProp, Name: name, Type: 'AAAA', AliasTarget: alias, ...routing });
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return c.config.createZone ? ctx.sub(`arn:\${AWS::Partition}:route53:::hostedzone/\${${ctx.id(c, 'HostedZone')}}`) : ctx.sub('arn:${AWS::Partition}:route53:::hostedzone/*');
    return noPart('route53', part);
  },
  attr(c, name, ctx) {
    if (name === 'zoneId' && c.config.createZone) return ctx.ref(ctx.id(c, 'HostedZone'));
    return undefined;
  },
  env() {
    return {};
  },
});
