import type { Component, ComponentOfService } from '../../../model/components.js';
import { servicePort } from '../../../model/permissions.js';
import { alarmAndWidget, cidrIngress } from '../common.js';
import type { TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw } from '../hcl.js';
import type { Body, Raw } from '../hcl.js';
import { acmCertificateArn } from './edge.js';
import { lambdaArn } from './lambda.js';

type Lb = ComponentOfService<'alb'> | ComponentOfService<'nlb'>;

/** Kinds of connection along which a load balancer forwards traffic to a target. */
export const LB_FORWARDS = ['route', 'invoke', 'trigger', 'subscribe'] as const;

/** What a load balancer forwards to, once per target, in connection order. */
export function lbTargets(ctx: TfContext, lb: string): Array<{ to: Component }> {
  const out = ctx.out(lb, ...LB_FORWARDS);
  return out.filter((x, i) => out.findIndex((y) => y.to.id === x.to.id) === i);
}

/** Load balancers that forward to `target`, once each. */
export function lbSources(ctx: TfContext, target: string): Component[] {
  const sources = ctx.in(target, ...LB_FORWARDS).map((x) => x.from).filter((f) => f.service === 'alb' || f.service === 'nlb');
  return sources.filter((f, i) => sources.findIndex((g) => g.id === f.id) === i);
}

/** Modern TLS policies: TLS 1.3 with 1.2 as the floor, or TLS 1.3 only. */
export function elbSslPolicy(ctx: TfContext): string {
  return ctx.a.security.tlsMinimum === '1.3' ? 'ELBSecurityPolicy-TLS13-1-3-2021-06' : 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
}

interface TargetGroup {
  target: Component;
  local: string;
}

function targetGroup(ctx: TfContext, lb: Lb, target: Component, alb: boolean): TargetGroup | undefined {
  const file = ctx.fileOf(lb.id);
  const local = ctx.n(lb.id, 'tg', target.id);
  const name = ctx.awsName([lb.id, target.id], { max: 32 });
  const path = lb.config.healthCheckPath;
  let body: Body;
  switch (target.service) {
    case 'ecs-fargate':
      body = {
        name,
        port: target.config.containerPort,
        protocol: alb ? 'HTTP' : 'TCP',
        target_type: 'ip',
        vpc_id: ctx.vpcId,
        deregistration_delay: 30,
        health_check: blk('health_check', { protocol: 'HTTP', path: target.config.healthCheckPath, matcher: '200-399', interval: 15, healthy_threshold: 2, unhealthy_threshold: 3 }),
      };
      break;
    case 'ec2-asg':
      // Instances terminate TLS themselves (port 443); the load balancer does not verify their certificate.
      body = {
        name,
        port: 443,
        protocol: alb ? 'HTTPS' : 'TCP',
        target_type: 'instance',
        vpc_id: ctx.vpcId,
        deregistration_delay: 30,
        health_check: blk('health_check', { protocol: 'HTTPS', path, matcher: '200-399', interval: 15, healthy_threshold: 2, unhealthy_threshold: 3 }),
      };
      break;
    case 'lambda':
      if (!alb) return undefined;
      body = { name, target_type: 'lambda', health_check: blk('health_check', { enabled: true, path, matcher: '200' }) };
      break;
    default:
      return undefined;
  }
  ctx.resource(file, 'aws_lb_target_group', local, { ...body, tags: ctx.tags(lb) }, [`${lb.id} forwards to ${target.id}`]);
  if (target.service === 'lambda') {
    ctx.resource(file, 'aws_lb_target_group_attachment', local, {
      target_group_arn: raw(`aws_lb_target_group.${local}.arn`),
      target_id: lambdaArn(ctx, target),
      depends_on: [raw(`aws_lambda_permission.${ctx.n(target.id, 'allow', lb.id)}`)],
    });
  }
  return { target, local };
}

function forward(tg: TargetGroup | undefined): Body {
  return tg
    ? { type: 'forward', target_group_arn: raw(`aws_lb_target_group.${tg.local}.arn`) }
    : { type: 'fixed-response', fixed_response: blk('fixed_response', { content_type: 'text/plain', message_body: 'Not found', status_code: '404' }) };
}

function emitLb(c: Lb, ctx: TfContext, alb: boolean): void {
  const file = ctx.fileOf(c.id);
  const n = ctx.n(c.id);
  const cfg = c.config;
  const tags = ctx.tags(c);
  const internal = cfg.scheme === 'internal';
  const port = servicePort(c)!;
  const sg = `aws_security_group.${n}`;
  ctx.resource(file, 'aws_security_group', n, {
    name: ctx.awsName([c.id], { max: 255 }),
    description: `${alb ? 'Application' : 'Network'} load balancer ${c.id}`,
    vpc_id: ctx.vpcId,
    tags,
  });
  const source: Raw | string = internal ? ctx.vpcCidr : '0.0.0.0/0';
  const ports = alb && cfg.https ? [443, 80] : [port];
  for (const p of ports) cidrIngress(ctx, file, sg, ctx.n(c.id, 'in', String(p)), `${internal ? 'Clients in the VPC' : 'Internet clients'} on ${p}`, p, source);
  ctx.resource(file, 'aws_vpc_security_group_egress_rule', ctx.n(c.id, 'egress'), {
    security_group_id: raw(`${sg}.id`),
    description: 'To targets in the VPC',
    ip_protocol: '-1',
    cidr_ipv4: ctx.vpcCidr,
  });
  const logs = alb ? cfg.accessLogs : cfg.accessLogs && cfg.https;
  if (logs) ctx.shared.add(alb ? 'log-bucket' : 'nlb-logs');
  if (logs) ctx.shared.add('log-bucket');
  ctx.resource(file, 'aws_lb', n, {
    name: ctx.awsName([c.id], { max: 32 }),
    internal,
    load_balancer_type: alb ? 'application' : 'network',
    security_groups: [raw(`${sg}.id`)],
    subnets: ctx.subnets(internal ? 'compute' : 'public'),
    drop_invalid_header_fields: alb ? true : undefined,
    idle_timeout: alb ? cfg.idleTimeoutSeconds : undefined,
    enable_cross_zone_load_balancing: alb ? undefined : true,
    enable_deletion_protection: cfg.deletionProtection,
    access_logs: logs ? blk('access_logs', { bucket: raw('aws_s3_bucket.logs.id'), prefix: alb ? 'alb' : 'nlb', enabled: true }) : undefined,
    tags,
    depends_on: logs ? [raw('aws_s3_bucket_policy.logs')] : undefined,
  });

  const groups = lbTargets(ctx, c.id)
    .map((x) => {
      const tg = targetGroup(ctx, c, x.to, alb);
      if (!tg) ctx.note(`${c.id} cannot forward to ${x.to.service} ${x.to.id} directly${x.to.service === 'eks' ? ' (use the AWS Load Balancer Controller inside the cluster)' : ''}.`);
      return tg;
    })
    .filter((x): x is TargetGroup => !!x);
  const https = cfg.https;
  const cert = https ? acmCertificateArn(ctx, c.id) : undefined;
  const main = ctx.n(c.id, 'main');
  ctx.resource(file, 'aws_lb_listener', main, {
    load_balancer_arn: raw(`aws_lb.${n}.arn`),
    port,
    protocol: alb ? (https ? 'HTTPS' : 'HTTP') : https ? 'TLS' : 'TCP',
    ssl_policy: https ? elbSslPolicy(ctx) : undefined,
    certificate_arn: cert,
    default_action: blk('default_action', forward(groups[0])),
    tags,
  });
  if (alb && https) {
    ctx.resource(file, 'aws_lb_listener', ctx.n(c.id, 'http'), {
      load_balancer_arn: raw(`aws_lb.${n}.arn`),
      port: 80,
      protocol: 'HTTP',
      default_action: blk('default_action', { type: 'redirect', redirect: blk('redirect', { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' }) }),
      tags,
    }, ['Plain HTTP only redirects to HTTPS.']);
  }
  groups.slice(1).forEach((tg, i) => {
    if (alb) {
      ctx.resource(file, 'aws_lb_listener_rule', ctx.n(c.id, 'rule', tg.target.id), {
        listener_arn: raw(`aws_lb_listener.${main}.arn`),
        priority: (i + 1) * 10,
        action: blk('action', forward(tg)),
        condition: blk('condition', { path_pattern: blk('path_pattern', { values: [`/${tg.target.id}/*`] }) }),
        tags,
      });
    } else {
      const extra = 8000 + i;
      ctx.resource(file, 'aws_lb_listener', ctx.n(c.id, 'listener', tg.target.id), {
        load_balancer_arn: raw(`aws_lb.${n}.arn`),
        port: extra,
        protocol: https ? 'TLS' : 'TCP',
        ssl_policy: https ? elbSslPolicy(ctx) : undefined,
        certificate_arn: cert,
        default_action: blk('default_action', forward(tg)),
        tags,
      });
      cidrIngress(ctx, file, sg, ctx.n(c.id, 'in', String(extra)), `${tg.target.id} on ${extra}`, extra, source);
    }
  });

  const ns = alb ? 'AWS/ApplicationELB' : 'AWS/NetworkELB';
  const lbDim = { LoadBalancer: raw(`aws_lb.${n}.arn_suffix`) };
  if (alb) {
    alarmAndWidget(ctx, c.id, '5xx', `${c.id} itself answered with 5xx errors`, ns, 'HTTPCode_ELB_5XX_Count', lbDim, 'Sum', 'GreaterThanThreshold', 5);
    alarmAndWidget(ctx, c.id, 'latency', `${c.id} p99 response time above 2 s`, ns, 'TargetResponseTime', lbDim, 'p99', 'GreaterThanThreshold', 2, { evaluationPeriods: 3 });
  }
  for (const tg of groups) {
    if (tg.target.service === 'lambda') continue;
    alarmAndWidget(ctx, c.id, `unhealthy-${tg.target.id}`, `${c.id} sees unhealthy targets of ${tg.target.id}`, ns, 'UnHealthyHostCount', { ...lbDim, TargetGroup: raw(`aws_lb_target_group.${tg.local}.arn_suffix`) }, 'Maximum', 'GreaterThanThreshold', 0, { evaluationPeriods: 2 });
  }
  ctx.output({ name: `${n}_dns_name`, value: raw(`aws_lb.${n}.dns_name`), description: `DNS name of load balancer ${c.id}` });
}

export const alb: Emitter<'alb'> = {
  emit(c, ctx) {
    emitLb(c, ctx, true);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_lb.${ctx.n(c.id)}.arn`)];
    return noPart('alb', part);
  },
  env(c, ctx) {
    return [['URL', raw(`"${c.config.https ? 'https' : 'http'}://\${aws_lb.${ctx.n(c.id)}.dns_name}"`)]];
  },
};

export const nlb: Emitter<'nlb'> = {
  emit(c, ctx) {
    emitLb(c, ctx, false);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_lb.${ctx.n(c.id)}.arn`)];
    return noPart('nlb', part);
  },
  env(c, ctx) {
    return [['HOST', raw(`aws_lb.${ctx.n(c.id)}.dns_name`)]];
  },
};
