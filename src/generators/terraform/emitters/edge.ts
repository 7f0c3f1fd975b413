import type { Component, ComponentOfService } from '../../../model/components.js';
import { logGroup, sameAccount, statementBlock } from '../common.js';
import type { TfContext } from '../context.js';
import { ACCOUNT_ID, PARTITION } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';
import type { Block } from '../hcl.js';
import type { Body, Raw, Value } from '../hcl.js';

type Acm = ComponentOfService<'acm'>;
type Zone = ComponentOfService<'route53'>;
type Cdn = ComponentOfService<'cloudfront'>;

/** CloudFront and CLOUDFRONT-scoped WAF live in us-east-1 whatever the deployment region. */
export const GLOBAL_REGION = 'us-east-1';

const within = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

/** The route53 component whose zone holds `domain`, most specific first. */
export function zoneFor(ctx: TfContext, domain: string): Zone | undefined {
  return ctx
    .ofService('route53')
    .filter((z) => within(domain.replace(/^\*\./, ''), z.config.domainName))
    .sort((a, b) => b.config.domainName.length - a.config.domainName.length)[0];
}

/** Zone id expression of the hosted zone holding `domain`, if the design has one. */
export function hostedZoneFor(ctx: TfContext, domain: string): Raw | undefined {
  const z = zoneFor(ctx, domain);
  if (!z) return undefined;
  return raw(z.config.createZone ? `aws_route53_zone.${ctx.n(z.id)}.zone_id` : `data.aws_route53_zone.${ctx.n(z.id)}.zone_id`);
}

/** The first certificate component, which load balancers, API domains and distributions use. */
export function certificate(ctx: TfContext): Acm | undefined {
  return ctx.ofService('acm')[0];
}

/** Whether the acm component gets DNS validation records (its domain sits in a hosted zone of the design). */
function validatedByDns(ctx: TfContext, c: Acm): boolean {
  return c.config.validation === 'dns' && !!zoneFor(ctx, c.config.domainName);
}

/**
 * ARN of a validated certificate for `user` (a variable when the design has no acm component). `global` picks the
 * us-east-1 copy CloudFront requires.
 */
export function acmCertificateArn(ctx: TfContext, user: string, global = false): Raw {
  const cert = certificate(ctx);
  if (!cert) {
    return ctx.variable({
      name: `${ctx.n(user)}_certificate_arn`,
      type: 'string',
      description: `ACM certificate ARN for ${user}${global ? ' (in us-east-1, as CloudFront requires)' : ''}; add an acm component to have it created.`,
    });
  }
  const local = global && ctx.a.region !== GLOBAL_REGION ? ctx.n(cert.id, 'global') : ctx.n(cert.id);
  if (global) ctx.shared.add(`acm-global:${cert.id}`);
  return raw(validatedByDns(ctx, cert) ? `aws_acm_certificate_validation.${local}.certificate_arn` : `aws_acm_certificate.${local}.arn`);
}

function certificateResources(ctx: TfContext, c: Acm, local: string, region: string | undefined): void {
  const file = ctx.fileOf(c.id);
  const cfg = c.config;
  ctx.resource(
    file,
    'aws_acm_certificate',
    local,
    {
      region,
      domain_name: cfg.domainName,
      subject_alternative_names: cfg.subjectAlternativeNames.length ? cfg.subjectAlternativeNames : undefined,
      validation_method: cfg.validation === 'dns' ? 'DNS' : 'EMAIL',
      key_algorithm: 'RSA_2048',
      tags: ctx.tags(c),
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    },
    region ? [`Copy in ${region}: CloudFront only uses certificates from there.`] : undefined,
  );
  const zone = hostedZoneFor(ctx, cfg.domainName);
  if (!validatedByDns(ctx, c) || !zone) {
    ctx.note(`Certificate ${c.id}: approve the ${cfg.validation === 'dns' ? 'DNS validation records (see the ACM console)' : 'validation email'} for ${cfg.domainName}; ACM issues it once validated.`);
    return;
  }
  ctx.resource(
    file,
    'aws_route53_record',
    ctx.n(local, 'validation'),
    {
      for_each: raw(`{ for o in aws_acm_certificate.${local}.domain_validation_options : o.domain_name => o }`),
      zone_id: zone,
      name: raw('each.value.resource_record_name'),
      type: raw('each.value.resource_record_type'),
      records: [raw('each.value.resource_record_value')],
      ttl: 300,
      // The regional and the us-east-1 certificate of one domain share the same validation record.
      allow_overwrite: true,
    },
    ['DNS validation of the certificate.'],
  );
  ctx.resource(file, 'aws_acm_certificate_validation', local, {
    region,
    certificate_arn: raw(`aws_acm_certificate.${local}.arn`),
    validation_record_fqdns: raw(`[for r in aws_route53_record.${ctx.n(local, 'validation')} : r.fqdn]`),
  });
}

export const acm: Emitter<'acm'> = {
  emit(c, ctx) {
    certificateResources(ctx, c, ctx.n(c.id), undefined);
    ctx.output({ name: `${ctx.n(c.id)}_certificate_arn`, value: raw(`aws_acm_certificate.${ctx.n(c.id)}.arn`), description: `Certificate ${c.id} for ${c.config.domainName}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_acm_certificate.${ctx.n(c.id)}.arn`)];
    return noPart('acm', part);
  },
};

/** The us-east-1 copy of a certificate, once a distribution asked for it (called after all emitters). */
export function renderGlobalCertificates(ctx: TfContext): void {
  if (ctx.a.region === GLOBAL_REGION) return;
  for (const cert of ctx.ofService('acm')) {
    if (ctx.shared.has(`acm-global:${cert.id}`)) certificateResources(ctx, cert, ctx.n(cert.id, 'global'), GLOBAL_REGION);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CloudFront
// ---------------------------------------------------------------------------------------------------------------

/** Host names a distribution answers: its configured aliases, or the record a route53 component points at it. */
export function cdnAliases(ctx: TfContext, c: Cdn): string[] {
  if (c.config.aliases.length) return c.config.aliases;
  const zone = ctx.in(c.id, 'route').find((x) => x.from.service === 'route53')?.from as Zone | undefined;
  const cert = certificate(ctx);
  if (!zone || !cert) return [];
  const names = [cert.config.domainName, ...cert.config.subjectAlternativeNames].filter((d) => !d.startsWith('*') && within(d, zone.config.domainName));
  return names.length ? [names[0]!] : [];
}

function originFor(ctx: TfContext, c: Cdn, target: Component): { origin: Block; api: boolean } | undefined {
  const id = target.id;
  switch (target.service) {
    case 's3': {
      const oac = ctx.n(c.id, 'oac', id);
      ctx.resource(ctx.fileOf(c.id), 'aws_cloudfront_origin_access_control', oac, {
        name: ctx.awsName([c.id, id], { max: 64 }),
        description: `${c.id} reads ${id} with signed requests`,
        origin_access_control_origin_type: 's3',
        signing_behavior: 'always',
        signing_protocol: 'sigv4',
      });
      return {
        api: false,
        origin: blk('origin', {
          origin_id: id,
          domain_name: raw(`aws_s3_bucket.${ctx.n(id)}.bucket_regional_domain_name`),
          origin_access_control_id: raw(`aws_cloudfront_origin_access_control.${oac}.id`),
        }),
      };
    }
    case 'alb': {
      const cert = certificate(ctx);
      const https = target.config.https && !!cert;
      if (!https) ctx.note(`CloudFront ${c.id} reaches ALB ${id} over HTTP: give the ALB an HTTPS listener and a certificate whose name resolves to it to encrypt that hop.`);
      return {
        api: true,
        origin: blk('origin', {
          origin_id: id,
          domain_name: https ? cert!.config.domainName : raw(`aws_lb.${ctx.n(id)}.dns_name`),
          custom_origin_config: blk('custom_origin_config', {
            http_port: 80,
            https_port: 443,
            origin_protocol_policy: https ? 'https-only' : 'http-only',
            origin_ssl_protocols: ['TLSv1.2'],
          }),
        }),
      };
    }
    case 'apigateway-rest':
    case 'apigateway-http': {
      const isRest = target.service === 'apigateway-rest';
      const apiId = raw(isRest ? `aws_api_gateway_rest_api.${ctx.n(id)}.id` : `aws_apigatewayv2_api.${ctx.n(id)}.id`);
      return {
        api: true,
        origin: blk('origin', {
          origin_id: id,
          domain_name: tpl`${apiId}.execute-api.${raw('var.region')}.amazonaws.com`,
          origin_path: isRest ? `/${target.config.stageName}` : undefined,
          custom_origin_config: blk('custom_origin_config', { http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }),
        }),
      };
    }
    default:
      ctx.note(`CloudFront ${c.id} cannot use ${target.service} ${id} as an origin; put an S3 bucket, load balancer or API in front of it.`);
      return undefined;
  }
}

/** Managed CloudFront policies, looked up once by name rather than by opaque id. */
function cloudfrontPolicies(ctx: TfContext): void {
  if (ctx.shared.has('cloudfront-policies')) return;
  ctx.shared.add('cloudfront-policies');
  ctx.data('main.tf', 'aws_cloudfront_cache_policy', 'caching_optimized', { name: 'Managed-CachingOptimized' });
  ctx.data('main.tf', 'aws_cloudfront_cache_policy', 'caching_disabled', { name: 'Managed-CachingDisabled' });
  ctx.data('main.tf', 'aws_cloudfront_origin_request_policy', 'all_viewer_except_host', { name: 'Managed-AllViewerExceptHostHeader' });
  ctx.data('main.tf', 'aws_cloudfront_response_headers_policy', 'security_headers', { name: 'Managed-SecurityHeadersPolicy' });
}

/** The web ACL guarding a component (config.protects or a protect connection), if any. */
export function webAclFor(ctx: TfContext, id: string): ComponentOfService<'waf'> | undefined {
  return ctx.ofService('waf').find((w) => w.config.protects.includes(id) || ctx.out(w.id, 'protect').some((x) => x.to.id === id));
}

export const cloudfront: Emitter<'cloudfront'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    cloudfrontPolicies(ctx);
    const origins = ctx
      .out(c.id, 'route')
      .map((x) => ({ target: x.to, o: originFor(ctx, c, x.to) }))
      .filter((x): x is { target: Component; o: { origin: Block; api: boolean } } => x.o !== undefined);
    let originBlocks = origins.map((x) => x.o.origin);
    let defaultOrigin = origins[0];
    if (!defaultOrigin) {
      const domain = ctx.variable({ name: `${n}_origin_domain`, type: 'string', description: `HTTPS origin host name distribution ${c.id} serves (it has no route connection in the design).` });
      originBlocks = [blk('origin', { origin_id: 'custom', domain_name: domain, custom_origin_config: blk('custom_origin_config', { http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }) })];
      defaultOrigin = undefined;
    }
    const defaultIsApi = defaultOrigin ? defaultOrigin.o.api : true;
    const behavior = (api: boolean): Body => ({
      allowed_methods: api ? ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] : ['GET', 'HEAD', 'OPTIONS'],
      cached_methods: ['GET', 'HEAD'],
      viewer_protocol_policy: 'redirect-to-https',
      compress: true,
      cache_policy_id: raw(api || cfg.caching === 'disabled' ? 'data.aws_cloudfront_cache_policy.caching_disabled.id' : 'data.aws_cloudfront_cache_policy.caching_optimized.id'),
      origin_request_policy_id: api ? raw('data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id') : undefined,
      response_headers_policy_id: raw('data.aws_cloudfront_response_headers_policy.security_headers.id'),
    });
    // Further origins are served under a path: /api/* for a single API behind a static default, else /<id>/*.
    const singleApi = origins.slice(1).filter((y) => y.o.api).length === 1;
    const ordered = origins.slice(1).map((x) =>
      blk('ordered_cache_behavior', {
        path_pattern: x.o.api && singleApi ? '/api/*' : `/${x.target.id}/*`,
        target_origin_id: x.target.id,
        ...behavior(x.o.api),
      }),
    );
    const aliases = cdnAliases(ctx, c);
    const acl = webAclFor(ctx, c.id);
    ctx.resource(file, 'aws_cloudfront_distribution', n, {
      enabled: true,
      comment: c.name ?? c.id,
      is_ipv6_enabled: true,
      http_version: 'http2and3',
      price_class: cfg.priceClass,
      default_root_object: cfg.defaultRootObject,
      aliases: aliases.length ? aliases : undefined,
      web_acl_id: acl ? raw(`aws_wafv2_web_acl.${ctx.n(acl.id)}.arn`) : undefined,
      origin: originBlocks,
      default_cache_behavior: blk('default_cache_behavior', { target_origin_id: defaultOrigin?.target.id ?? 'custom', ...behavior(defaultIsApi) }),
      ordered_cache_behavior: ordered.length ? ordered : undefined,
      custom_error_response: cfg.spaFallback ? [403, 404].map((code) => blk('custom_error_response', { error_code: code, response_code: 200, response_page_path: '/index.html', error_caching_min_ttl: 10 })) : undefined,
      restrictions: blk('restrictions', { geo_restriction: blk('geo_restriction', { restriction_type: 'none' }) }),
      viewer_certificate: blk(
        'viewer_certificate',
        aliases.length
          ? { acm_certificate_arn: acmCertificateArn(ctx, c.id, true), ssl_support_method: 'sni-only', minimum_protocol_version: cfg.minimumTlsVersion }
          : { cloudfront_default_certificate: true },
      ),
      tags: ctx.tags(c),
    });
    accessLogs(ctx, c);
    if (!aliases.length) ctx.note(`CloudFront ${c.id} uses the *.cloudfront.net certificate, which allows TLS 1.0 viewers; add aliases and an acm component to enforce ${cfg.minimumTlsVersion}.`);
    const dims = { DistributionId: raw(`aws_cloudfront_distribution.${n}.id`), Region: 'Global' };
    ctx.metric({ component: c.id, title: '5xxErrorRate', namespace: 'AWS/CloudFront', metric: '5xxErrorRate', dimensions: dims, stat: 'Average', region: GLOBAL_REGION });
    ctx.metric({ component: c.id, title: 'Requests', namespace: 'AWS/CloudFront', metric: 'Requests', dimensions: dims, stat: 'Sum', region: GLOBAL_REGION });
    ctx.output({ name: `${n}_domain_name`, value: raw(`aws_cloudfront_distribution.${n}.domain_name`), description: `Domain name of distribution ${c.id}` });
    ctx.output({ name: `${n}_distribution_id`, value: raw(`aws_cloudfront_distribution.${n}.id`), description: `Id of distribution ${c.id} (for invalidations)` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_cloudfront_distribution.${ctx.n(c.id)}.arn`)];
    return noPart('cloudfront', part);
  },
  env(c, ctx) {
    return [['CDN_DOMAIN', raw(`aws_cloudfront_distribution.${ctx.n(c.id)}.domain_name`)]];
  },
};

/**
 * Standard logging (v2): CloudWatch Logs log delivery in us-east-1 writes the distribution's access logs to the
 * shared log bucket, which needs no ACLs (unlike legacy CloudFront logging).
 */
function accessLogs(ctx: TfContext, c: Cdn): void {
  const file = ctx.fileOf(c.id);
  const n = ctx.n(c.id);
  ctx.shared.add('log-bucket');
  ctx.shared.add('cloudfront-logs');
  const name = ctx.awsName([c.id], { max: 60 });
  ctx.resource(file, 'aws_cloudwatch_log_delivery_source', n, {
    region: GLOBAL_REGION,
    name,
    log_type: 'ACCESS_LOGS',
    resource_arn: raw(`aws_cloudfront_distribution.${n}.arn`),
    tags: ctx.tags(c),
  }, ['Access logs of the distribution, delivered to the shared log bucket.']);
  ctx.resource(file, 'aws_cloudwatch_log_delivery_destination', n, {
    region: GLOBAL_REGION,
    name,
    output_format: 'json',
    delivery_destination_configuration: blk('delivery_destination_configuration', { destination_resource_arn: tpl`${raw('aws_s3_bucket.logs.arn')}/cloudfront/${c.id}` }),
    tags: ctx.tags(c),
  });
  ctx.resource(file, 'aws_cloudwatch_log_delivery', n, {
    region: GLOBAL_REGION,
    delivery_source_name: raw(`aws_cloudwatch_log_delivery_source.${n}.name`),
    delivery_destination_arn: raw(`aws_cloudwatch_log_delivery_destination.${n}.arn`),
    tags: ctx.tags(c),
    depends_on: [raw('aws_s3_bucket_policy.logs')],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Route 53
// ---------------------------------------------------------------------------------------------------------------

/** The host name a record for `target` gets inside `zone`. */
function recordName(ctx: TfContext, zone: Zone, target: Component): string {
  if (target.service === 'cloudfront') return cdnAliases(ctx, target).find((a) => within(a, zone.config.domainName)) ?? zone.config.domainName;
  const cert = certificate(ctx);
  const names = cert ? [cert.config.domainName, ...cert.config.subjectAlternativeNames].filter((d) => !d.startsWith('*') && within(d, zone.config.domainName)) : [];
  return names[0] ?? zone.config.domainName;
}

function aliasTarget(ctx: TfContext, zone: Zone, target: Component): { name: Value; zoneId: Value; health: string } | undefined {
  const n = ctx.n(target.id);
  switch (target.service) {
    case 'cloudfront':
      return { name: raw(`aws_cloudfront_distribution.${n}.domain_name`), zoneId: raw(`aws_cloudfront_distribution.${n}.hosted_zone_id`), health: '/' };
    case 'alb':
    case 'nlb':
      return { name: raw(`aws_lb.${n}.dns_name`), zoneId: raw(`aws_lb.${n}.zone_id`), health: target.config.healthCheckPath };
    case 'apigateway-rest':
    case 'apigateway-http':
    case 'apigateway-websocket': {
      const domain = ctx.n(target.id, 'domain');
      const host = recordName(ctx, zone, target);
      ctx.resource(ctx.fileOf(target.id), 'aws_apigatewayv2_domain_name', domain, {
        domain_name: host,
        domain_name_configuration: blk('domain_name_configuration', { certificate_arn: acmCertificateArn(ctx, target.id), endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }),
        tags: ctx.tags(target),
      });
      const stage = target.service === 'apigateway-rest' ? raw(`aws_api_gateway_stage.${n}.stage_name`) : raw(`aws_apigatewayv2_stage.${n}.name`);
      ctx.resource(ctx.fileOf(target.id), 'aws_apigatewayv2_api_mapping', domain, {
        api_id: raw(target.service === 'apigateway-rest' ? `aws_api_gateway_rest_api.${n}.id` : `aws_apigatewayv2_api.${n}.id`),
        domain_name: raw(`aws_apigatewayv2_domain_name.${domain}.id`),
        stage,
      });
      return {
        name: raw(`aws_apigatewayv2_domain_name.${domain}.domain_name_configuration[0].target_domain_name`),
        zoneId: raw(`aws_apigatewayv2_domain_name.${domain}.domain_name_configuration[0].hosted_zone_id`),
        health: '/',
      };
    }
    default:
      return undefined;
  }
}

export const route53: Emitter<'route53'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const zoneId = raw(cfg.createZone ? `aws_route53_zone.${n}.zone_id` : `data.aws_route53_zone.${n}.zone_id`);
    if (cfg.createZone) {
      ctx.resource(file, 'aws_route53_zone', n, { name: cfg.domainName, comment: c.description ?? `${ctx.a.name} public zone`, force_destroy: false, tags: ctx.tags(c) });
      ctx.output({ name: `${n}_name_servers`, value: raw(`aws_route53_zone.${n}.name_servers`), description: `Delegate ${cfg.domainName} to these name servers at its registrar` });
      ctx.note(`Route 53 ${c.id}: delegate ${cfg.domainName} to the name servers in output \`${n}_name_servers\`.`);
    } else {
      ctx.data(file, 'aws_route53_zone', n, { name: cfg.domainName, private_zone: false });
    }
    for (const { to } of ctx.out(c.id, 'route')) {
      const target = aliasTarget(ctx, c, to);
      if (!target) {
        ctx.note(`Route 53 ${c.id} cannot alias ${to.service} ${to.id}; point a record at it by hand.`);
        continue;
      }
      const name = recordName(ctx, c, to);
      let health: string | undefined;
      if (cfg.healthChecks) {
        health = ctx.n(c.id, 'health', to.id);
        ctx.resource(file, 'aws_route53_health_check', health, {
          fqdn: name,
          port: 443,
          type: 'HTTPS',
          resource_path: target.health,
          failure_threshold: 3,
          request_interval: 30,
          tags: ctx.tags(c),
        });
        ctx.metric({ component: c.id, title: `HealthCheckStatus ${to.id}`, namespace: 'AWS/Route53', metric: 'HealthCheckStatus', dimensions: { HealthCheckId: raw(`aws_route53_health_check.${health}.id`) }, stat: 'Minimum', region: GLOBAL_REGION });
      }
      const policy: Body =
        cfg.routing === 'failover'
          ? { set_identifier: `${to.id}-primary`, failover_routing_policy: blk('failover_routing_policy', { type: 'PRIMARY' }) }
          : cfg.routing === 'latency'
            ? { set_identifier: `${to.id}-${ctx.a.region}`, latency_routing_policy: blk('latency_routing_policy', { region: raw('var.region') }) }
            : cfg.routing === 'weighted'
              ? { set_identifier: to.id, weighted_routing_policy: blk('weighted_routing_policy', { weight: 100 }) }
              : {};
      for (const type of to.service === 'cloudfront' ? ['A', 'AAAA'] : ['A']) {
        ctx.resource(file, 'aws_route53_record', ctx.n(c.id, to.id, type.toLowerCase()), {
          zone_id: zoneId,
          name,
          type,
          ...policy,
          health_check_id: health ? raw(`aws_route53_health_check.${health}.id`) : undefined,
          // Route 53 cannot evaluate the health of a CloudFront alias target.
          alias: blk('alias', { name: target.name, zone_id: target.zoneId, evaluate_target_health: to.service !== 'cloudfront' }),
        });
      }
      if (cfg.routing === 'failover') ctx.note(`Route 53 ${c.id}: the ${name} records are the PRIMARY of a failover pair; create the SECONDARY in the DR configuration.`);
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(c.config.createZone ? `aws_route53_zone.${ctx.n(c.id)}.arn` : `data.aws_route53_zone.${ctx.n(c.id)}.arn`)];
    return noPart('route53', part);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// WAF
// ---------------------------------------------------------------------------------------------------------------

/** Resource ARN a regional web ACL attaches to, or undefined when AWS WAF cannot protect that kind. */
function protectedArn(ctx: TfContext, target: Component): Raw | undefined {
  const n = ctx.n(target.id);
  switch (target.service) {
    case 'alb':
      return raw(`aws_lb.${n}.arn`);
    case 'apigateway-rest':
      return raw(`aws_api_gateway_stage.${n}.arn`);
    case 'appsync':
      return raw(`aws_appsync_graphql_api.${n}.arn`);
    case 'cognito':
      return raw(`aws_cognito_user_pool.${n}.arn`);
    default:
      return undefined;
  }
}

/**
 * WAF delivers logs through CloudWatch Logs log delivery, which needs a resource policy on the log groups. Accounts
 * hold at most 10 such policies per region, so one covers every web ACL of the design in a region.
 */
function wafLogPolicy(ctx: TfContext, file: string, region: string | undefined): string {
  const local = ctx.n('waf-logs', region ?? 'primary');
  const addr = `aws_cloudwatch_log_resource_policy.${local}`;
  if (ctx.shared.has(addr)) return addr;
  ctx.shared.add(addr);
  const where = region ?? raw('data.aws_region.current.region');
  ctx.data(file, 'aws_iam_policy_document', local, {
    statement: statementBlock({
      sid: 'WafLogDelivery',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [tpl`arn:${PARTITION}:logs:${where}:${ACCOUNT_ID}:log-group:aws-waf-logs-${ctx.a.name}-*:*`],
      principals: { type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] },
      conditions: [sameAccount(), { test: 'ArnLike', variable: 'aws:SourceArn', values: [tpl`arn:${PARTITION}:logs:${where}:${ACCOUNT_ID}:*`] }],
    }),
  });
  ctx.resource(file, 'aws_cloudwatch_log_resource_policy', local, {
    region,
    policy_name: ctx.awsName(['waf-logs'], { max: 255 }),
    policy_document: raw(`data.aws_iam_policy_document.${local}.json`),
  }, ['Lets AWS WAF deliver the web ACL logs of this design to CloudWatch Logs.']);
  return addr;
}

const visibility = (metric: string) => blk('visibility_config', { cloudwatch_metrics_enabled: true, metric_name: metric, sampled_requests_enabled: true });

export const waf: Emitter<'waf'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const global = cfg.scope === 'CLOUDFRONT';
    const region = global ? GLOBAL_REGION : undefined;
    const metric = (s: string) => `${ctx.a.name}-${c.id}-${s}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128);
    const rules: Block[] = cfg.managedRuleGroups.map((group, i) =>
      blk('rule', {
        name: group,
        priority: i + 1,
        override_action: blk('override_action', { none: blk('none', {}) }),
        statement: blk('statement', { managed_rule_group_statement: blk('managed_rule_group_statement', { name: group, vendor_name: 'AWS' }) }),
        visibility_config: visibility(metric(group)),
      }),
    );
    if (cfg.rateLimitPer5Min > 0) {
      rules.push(
        blk('rule', {
          name: 'rate-limit-per-ip',
          priority: rules.length + 1,
          action: blk('action', { block: blk('block', {}) }),
          // AWS WAF's smallest rate limit is 10 requests per 5 minutes.
          statement: blk('statement', { rate_based_statement: blk('rate_based_statement', { limit: Math.max(10, cfg.rateLimitPer5Min), aggregate_key_type: 'IP' }) }),
          visibility_config: visibility(metric('rate-limit')),
        }),
      );
    }
    ctx.resource(file, 'aws_wafv2_web_acl', n, {
      region,
      name: ctx.awsName([c.id], { max: 128 }),
      description: c.description ?? `Protects ${[...new Set([...cfg.protects, ...ctx.out(c.id, 'protect').map((x) => x.to.id)])].join(', ') || 'nothing yet'}`,
      scope: cfg.scope,
      default_action: blk('default_action', { allow: blk('allow', {}) }),
      rule: rules.length ? rules : undefined,
      visibility_config: visibility(metric('acl')),
      tags: ctx.tags(c),
    });
    // WAF requires the aws-waf-logs- prefix on its log groups.
    const logs = logGroup(ctx, file, c.id, tpl`aws-waf-logs-${ctx.awsName([c.id], { max: 200 })}`, ctx.tags(c), { region });
    const policy = wafLogPolicy(ctx, file, region);
    ctx.resource(file, 'aws_wafv2_web_acl_logging_configuration', n, {
      region,
      resource_arn: raw(`aws_wafv2_web_acl.${n}.arn`),
      log_destination_configs: [raw(`${logs}.arn`)],
      redacted_fields: blk('redacted_fields', { single_header: blk('single_header', { name: 'authorization' }) }),
      depends_on: [raw(policy)],
    });
    const targets = [...new Set([...cfg.protects, ...ctx.out(c.id, 'protect').map((x) => x.to.id)])].filter((t) => ctx.byId.has(t)).map((t) => ctx.component(t));
    for (const t of targets) {
      if (t.service === 'cloudfront') continue;
      const resourceArn = protectedArn(ctx, t);
      if (!resourceArn) {
        ctx.note(`WAF ${c.id} cannot attach to ${t.service} ${t.id} (AWS WAF does not protect HTTP APIs); put CloudFront with a web ACL in front of it.`);
        continue;
      }
      ctx.resource(file, 'aws_wafv2_web_acl_association', ctx.n(c.id, t.id), { resource_arn: resourceArn, web_acl_arn: raw(`aws_wafv2_web_acl.${n}.arn`) });
    }
    ctx.metric({
      component: c.id,
      title: 'BlockedRequests',
      namespace: 'AWS/WAFV2',
      metric: 'BlockedRequests',
      dimensions: global ? { WebACL: raw(`aws_wafv2_web_acl.${n}.name`), Rule: 'ALL' } : { WebACL: raw(`aws_wafv2_web_acl.${n}.name`), Region: raw('var.region'), Rule: 'ALL' },
      stat: 'Sum',
      ...(global ? { region: GLOBAL_REGION } : {}),
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_wafv2_web_acl.${ctx.n(c.id)}.arn`)];
    return noPart('waf', part);
  },
};

