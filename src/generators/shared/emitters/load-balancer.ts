import type { Component, ComponentOfService } from '../../../model/index.js';
import { servicePort } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { isProtected } from './api-common.js';
import { noPart } from './types.js';
import type { Emitter } from './types.js';

type Lb = ComponentOfService<'alb'> | ComponentOfService<'nlb'>;

const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** The certificate of the design (first acm component), for HTTPS and TLS listeners. */
export function designCertificate(ctx: Target): Component | undefined {
  return ctx.a.components.find((x) => x.service === 'acm');
}

function targetGroup(ctx: Target, lb: Lb, t: Component, alb: boolean): string | undefined {
  const id = ctx.id(lb, `${ctx.prefixes.get(t.id)}TargetGroup`);
  const port = servicePort(t) ?? 80;
  const health = t.service === 'ecs-fargate' ? t.config.healthCheckPath : lb.config.healthCheckPath;
  let props: Record<string, Prop>;
  if (t.service === 'ecs-fargate' || t.service === 'ec2-asg') {
    const https = t.service === 'ec2-asg' && port === 443;
    props = {
      TargetType: t.service === 'ecs-fargate' ? 'ip' : 'instance',
      Port: port,
      Protocol: alb ? (https ? 'HTTPS' : 'HTTP') : 'TCP',
      VpcId: ctx.vpcId(),
      HealthCheckEnabled: true,
      HealthCheckPath: alb ? health : undefined,
      HealthCheckProtocol: alb ? (https ? 'HTTPS' : 'HTTP') : 'TCP',
      HealthCheckIntervalSeconds: 15,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      TargetGroupAttributes: alb ? [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] : [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }, { Key: 'deregistration_delay.connection_termination.enabled', Value: 'true' }],
    };
  } else if (t.service === 'lambda' && alb) {
    const fnPerm = ctx.grants.find((g) => g.type === 'resource' && g.target === t.id && g.source === lb.id);
    props = { TargetType: 'lambda', Targets: [{ Id: ctx.refOf({ component: t.id, part: 'arn' }) }], HealthCheckEnabled: false };
    ctx.resource(lb, id, 'AWS::ElasticLoadBalancingV2::TargetGroup', props, { dependsOn: fnPerm ? [ctx.id(t, fnPerm.sid)] : [] });
    return id;
  } else {
    ctx.warn('connections', `${lb.service} ${lb.id} cannot route to ${t.service} '${t.id}'`);
    return undefined;
  }
  ctx.resource(lb, id, 'AWS::ElasticLoadBalancingV2::TargetGroup', props);
  return id;
}

function lbEmitter(service: 'alb' | 'nlb'): Emitter<'alb' | 'nlb'> {
  const alb = service === 'alb';
  const ns = alb ? 'AWS/ApplicationELB' : 'AWS/NetworkELB';
  return {
    emit(c: Lb, ctx: Target) {
      const cfg = c.config;
      const cert = cfg.https ? designCertificate(ctx) : undefined;
      if (cfg.https && !cert) ctx.warn(`components.${c.id}.config.https`, `${c.id} asks for HTTPS but the design has no acm component; it listens on plain ${alb ? 'HTTP' : 'TCP'}`);
      const tls = Boolean(cert);
      const internet = cfg.scheme === 'internet-facing';
      if (internet && !ctx.hasTier('public')) ctx.warn(`components.${c.id}.config.scheme`, `internet-facing ${service} ${c.id} needs public subnets; it is placed in ${ctx.firstTier(['private', 'isolated'])} subnets`);
      const targets = ctx.targets(c, ['route', 'invoke']);
      const firstPort = targets[0] ? (servicePort(targets[0]) ?? 80) : 443;
      const listenPorts = alb ? (tls ? [443, 80] : [80]) : [tls ? 443 : firstPort];
      const ingress = listenPorts.map((p) => (internet
        ? { IpProtocol: 'tcp', FromPort: p, ToPort: p, CidrIp: '0.0.0.0/0', Description: `${p === 80 && tls ? 'HTTP (redirected to HTTPS)' : `port ${p}`} from the internet` }
        : { IpProtocol: 'tcp', FromPort: p, ToPort: p, CidrIp: ctx.a.network?.cidr ?? '10.0.0.0/16', Description: `port ${p} from inside the VPC` }));
      const sg = ctx.securityGroup(c, `${alb ? 'Application' : 'Network'} load balancer ${c.id}`, ingress);
      if (internet) ctx.ack(sg, `Internet-facing load balancer: it must accept ${tls ? 'HTTPS' : 'traffic'} from anywhere${ctx.sources(c, ['protect']).length || ctx.a.components.some((w) => w.service === 'waf' && w.config.protects.includes(c.id)) ? ', filtered by its WAF web ACL' : ''}`, 'AwsSolutions-EC23', 'HIPAA.Security-EC2RestrictedCommonPorts', 'PCI.DSS.321-EC2RestrictedCommonPorts');
      const subnets = internet && ctx.hasTier('public') ? ctx.subnets('public') : ctx.computeSubnets();
      const nlbLogs = !alb && tls;
      const lbId = ctx.resource(c, ctx.id(c, 'LoadBalancer'), 'AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Type: alb ? 'application' : 'network',
        Scheme: cfg.scheme,
        Subnets: subnets,
        SecurityGroups: [ctx.ref(sg)],
        LoadBalancerAttributes: [
          { Key: 'deletion_protection.enabled', Value: String(cfg.deletionProtection) },
          ...(cfg.accessLogs && (alb || nlbLogs) ? [{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: ctx.accessLogsBucketName() }, { Key: 'access_logs.s3.prefix', Value: 'alb' }] : []),
          ...(alb
            ? [{ Key: 'idle_timeout.timeout_seconds', Value: String(cfg.idleTimeoutSeconds) }, { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]
            : [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }]),
        ],
      });
      if (!cfg.accessLogs || (!alb && !nlbLogs)) ctx.ack(lbId, cfg.accessLogs ? 'Network load balancers write access logs only for TLS listeners; this one forwards plain TCP' : 'Access logs are turned off in the design (accessLogs: false)', 'AwsSolutions-ELB2', 'HIPAA.Security-ELBLoggingEnabled', 'PCI.DSS.321-ELBLoggingEnabled');
      if (!cfg.deletionProtection) ctx.ack(lbId, 'Deletion protection is turned off in the design (deletionProtection: false)', 'HIPAA.Security-ELBDeletionProtectionEnabled');
      if (alb && !isProtected(ctx, c)) ctx.ack(lbId, 'No WAF web ACL protects this load balancer in the design; add a waf component that protects it', 'PCI.DSS.321-ALBWAFEnabled');
      const groups = targets.map((t) => ({ t, tg: targetGroup(ctx, c, t, alb) })).filter((x): x is { t: Component; tg: string } => Boolean(x.tg));
      const forward = groups[0] ? [{ Type: 'forward', TargetGroupArn: ctx.ref(groups[0].tg) }] : [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'not found' } }];
      const certs = cert ? [{ CertificateArn: ctx.refOf({ component: cert.id, part: 'arn' }) }] : undefined;
      if (alb) {
        if (tls) {
          const https = ctx.resource(c, ctx.id(c, 'HttpsListener'), 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ctx.ref(lbId), Port: 443, Protocol: 'HTTPS', SslPolicy: TLS_POLICY, Certificates: certs, DefaultActions: forward });
          const redirect = ctx.resource(c, ctx.id(c, 'HttpListener'), 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ctx.ref(lbId), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] });
          ctx.ack(redirect, 'Plain-HTTP listener that only redirects to HTTPS (301); the HTTPS listener holds the ACM certificate', 'HIPAA.Security-ELBv2ACMCertificateRequired', 'PCI.DSS.321-ELBv2ACMCertificateRequired');
          groups.slice(1).forEach((g, i) => {
            const path = ctx.a.connections.find((x) => x.from === c.id && x.to === g.t.id)?.scope ?? `/${g.t.id}/*`;
            ctx.resource(c, ctx.id(c, `${ctx.prefixes.get(g.t.id)}Rule`), 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: ctx.ref(https), Priority: i + 1, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [path] } }], Actions: [{ Type: 'forward', TargetGroupArn: ctx.ref(g.tg) }] });
          });
        } else {
          const http = ctx.resource(c, ctx.id(c, 'HttpListener'), 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ctx.ref(lbId), Port: 80, Protocol: 'HTTP', DefaultActions: forward });
          ctx.ack(http, 'The design turns HTTPS off for this load balancer (https: false) or has no certificate', 'HIPAA.Security-ELBTlsHttpsListenersOnly', 'PCI.DSS.321-ELBTlsHttpsListenersOnly', 'HIPAA.Security-ALBHttpToHttpsRedirection', 'PCI.DSS.321-ALBHttpToHttpsRedirection', 'HIPAA.Security-ELBv2ACMCertificateRequired', 'PCI.DSS.321-ELBv2ACMCertificateRequired');
          groups.slice(1).forEach((g, i) => {
            const path = ctx.a.connections.find((x) => x.from === c.id && x.to === g.t.id)?.scope ?? `/${g.t.id}/*`;
            ctx.resource(c, ctx.id(c, `${ctx.prefixes.get(g.t.id)}Rule`), 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: ctx.ref(http), Priority: i + 1, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [path] } }], Actions: [{ Type: 'forward', TargetGroupArn: ctx.ref(g.tg) }] });
          });
        }
      } else if (groups[0]) {
        const l = ctx.resource(c, ctx.id(c, tls ? 'HttpsListener' : 'TcpListener'), 'AWS::ElasticLoadBalancingV2::Listener', {
          LoadBalancerArn: ctx.ref(lbId),
          Port: tls ? 443 : firstPort,
          Protocol: tls ? 'TLS' : 'TCP',
          SslPolicy: tls ? TLS_POLICY : undefined,
          Certificates: certs,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: ctx.ref(groups[0].tg) }],
        });
        if (!tls) ctx.ack(l, 'TCP pass-through: TLS terminates on the targets', 'HIPAA.Security-ELBTlsHttpsListenersOnly', 'PCI.DSS.321-ELBTlsHttpsListenersOnly', 'HIPAA.Security-ELBv2ACMCertificateRequired', 'PCI.DSS.321-ELBv2ACMCertificateRequired');
        if (groups.length > 1) ctx.warn(`components.${c.id}`, `network load balancer ${c.id} forwards to ${groups[0].t.id} only; give the other targets their own listener`);
      } else {
        ctx.warn(`components.${c.id}`, `network load balancer ${c.id} routes to nothing; connect it to a service with a route connection`);
      }
      const lbDim = `\${${lbId}.LoadBalancerFullName}`;
      if (alb) ctx.alarm(c, ctx.id(c, 'ServerErrorsAlarm'), { description: `${c.id}: load balancer returning 5XX`, namespace: ns, metric: 'HTTPCode_ELB_5XX_Count', dimensions: { LoadBalancer: lbDim }, threshold: 10, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
      for (const g of groups) {
        if (g.t.service === 'lambda') continue;
        const dims = { LoadBalancer: lbDim, TargetGroup: `\${${g.tg}.TargetGroupFullName}` };
        ctx.alarm(c, ctx.id(c, `${ctx.prefixes.get(g.t.id)}UnhealthyAlarm`), { description: `${c.id}: unhealthy ${g.t.id} targets`, namespace: ns, metric: 'UnHealthyHostCount', dimensions: dims, statistic: 'Maximum', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
        if (alb) {
          ctx.alarm(c, ctx.id(c, `${ctx.prefixes.get(g.t.id)}TargetErrorsAlarm`), { description: `${c.id}: ${g.t.id} returning 5XX`, namespace: ns, metric: 'HTTPCode_Target_5XX_Count', dimensions: dims, threshold: 10, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
          ctx.alarm(c, ctx.id(c, `${ctx.prefixes.get(g.t.id)}LatencyAlarm`), { description: `${c.id}: ${g.t.id} p99 response time above 2 s`, namespace: ns, metric: 'TargetResponseTime', dimensions: dims, extendedStatistic: 'p99', threshold: 2, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
        }
      }
      ctx.output(`${ctx.prefixes.get(c.id)}DnsName`, ctx.att(lbId, 'DNSName'), `DNS name of load balancer ${c.id}`);
    },
    ref(c, part, ctx) {
      if (part === 'arn') return ctx.ref(ctx.id(c, 'LoadBalancer'));
      return noPart(service, part);
    },
    attr(c, name, ctx) {
      if (name === 'dnsName') return ctx.att(ctx.id(c, 'LoadBalancer'), 'DNSName');
      if (name === 'hostedZoneId') return ctx.att(ctx.id(c, 'LoadBalancer'), 'CanonicalHostedZoneID');
      return undefined;
    },
    env(c, ctx) {
      return { [`${c.id.replace(/-/g, '_').toUpperCase()}_DNS_NAME`]: ctx.att(ctx.id(c, 'LoadBalancer'), 'DNSName') };
    },
  };
}

export const alb = lbEmitter('alb') as unknown as Emitter<'alb'>;
export const nlb = lbEmitter('nlb') as unknown as Emitter<'nlb'>;
