import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { isProtected } from './api-common.js';
import { designCertificate } from './load-balancer.js';
import { emitter, noPart } from './types.js';

type Cdn = ComponentOfService<'cloudfront'>;

/** AWS managed CloudFront policies (fixed ids, the same in every account). */
const CACHE_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHE_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';
/** Hosted zone of every CloudFront distribution, for Route 53 alias records. */
export const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

interface Origin {
  target: Component;
  id: string;
  value: Prop;
  api: boolean;
}

/**
 * A distribution in front of the components it routes to: S3 through origin access control, load balancers and
 * APIs over HTTPS only; TLS 1.2+ for viewers, security headers, HTTP/2 and 3, standard logs, SPA fallback, the
 * design's web ACL and certificate; an alarm on the 5xx error rate.
 */
export const cloudfront = emitter('cloudfront', {
  emit(c: Cdn, ctx: Target) {
    const cfg = c.config;
    const dist = ctx.id(c, 'Distribution');
    const origins: Origin[] = [];
    let oac: string | undefined;
    for (const t of ctx.targets(c, ['route'])) {
      const id = t.id;
      if (t.service === 's3') {
        oac ??= ctx.resource(c, ctx.id(c, 'OriginAccessControl'), 'AWS::CloudFront::OriginAccessControl', {
          OriginAccessControlConfig: { Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`), OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4', Description: `Lets ${c.id} read its buckets` },
        });
        origins.push({ target: t, id, api: false, value: { Id: id, DomainName: ctx.attr(t, 'regionalDomainName')!, S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: ctx.att(oac, 'Id') } });
      } else if (t.service === 'alb' || t.service === 'nlb' || t.service === 'apigateway-rest' || t.service === 'apigateway-http') {
        const domain = t.service.startsWith('apigateway') ? ctx.attr(t, 'domain')! : ctx.attr(t, 'dnsName')!;
        const path = t.service.startsWith('apigateway') ? (ctx.attr(t, 'originPath') as string) : '';
        origins.push({ target: t, id, api: true, value: { Id: id, DomainName: domain, OriginPath: path || undefined, CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'], HTTPSPort: 443 } } as Prop });
      } else {
        ctx.warn('connections', `CloudFront ${c.id} cannot use ${t.service} '${t.id}' as an origin`);
      }
    }
    if (!origins.length) {
      // A distribution needs an origin: without one in the design it serves a private bucket of its own.
      oac = ctx.resource(c, ctx.id(c, 'OriginAccessControl'), 'AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: { Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`), OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4', Description: `Lets ${c.id} read its content bucket` },
      });
      const content = ctx.id(c, 'ContentBucket');
      if (ctx.cmk) ctx.keyServices.add('cloudfront.amazonaws.com');
      ctx.bucket(c, content, {
        statements: [
          { Sid: 'AllowCloudFrontRead', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: ctx.sub(`\${${content}.Arn}/*`), Condition: { StringEquals: { 'AWS:SourceArn': ctx.sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${dist}}`) } } },
        ],
      });
      ctx.ack(content, `Content bucket of distribution ${c.id}: its objects are published from the repository and can be uploaded again`, 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
      origins.push({ target: c, id: 'content', api: false, value: { Id: 'content', DomainName: ctx.att(content, 'RegionalDomainName'), S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: ctx.att(oac, 'Id') } });
      ctx.output(`${ctx.prefixes.get(c.id)}ContentBucketName`, ctx.ref(content), `Bucket distribution ${c.id} serves`);
      ctx.warn(`components.${c.id}`, `distribution ${c.id} routes to nothing in the design, so it serves a private content bucket of its own (${content}); connect a bucket, load balancer or API with route to use that instead`);
    }
    const cert = designCertificate(ctx);
    const useCert = cert && cfg.aliases.length > 0;
    if (cert && cfg.aliases.length && ctx.a.region !== 'us-east-1') ctx.warn(`components.${cert.id}`, `CloudFront only accepts certificates from us-east-1; create ${cert.id} there for ${c.id}`);
    const behavior = (o: Origin): Record<string, Prop> => ({
      TargetOriginId: o.id,
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      CachePolicyId: o.api || cfg.caching === 'disabled' ? CACHE_DISABLED : CACHE_OPTIMIZED,
      OriginRequestPolicyId: o.api ? ALL_VIEWER_EXCEPT_HOST : undefined,
      ResponseHeadersPolicyId: SECURITY_HEADERS,
      AllowedMethods: o.api ? ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'] : ['GET', 'HEAD', 'OPTIONS'],
    } as Record<string, Prop>);
    const waf = ctx.a.components.find((w): w is ComponentOfService<'waf'> => w.service === 'waf' && (w.config.protects.includes(c.id) || ctx.a.connections.some((x) => x.from === w.id && x.to === c.id && x.kind === 'protect')));
    const first = origins[0];
    const distribution = ctx.resource(c, dist, 'AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Enabled: true,
        Comment: `${ctx.a.name} ${c.id}`,
        PriceClass: cfg.priceClass,
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        DefaultRootObject: cfg.defaultRootObject,
        Aliases: useCert ? cfg.aliases : undefined,
        ViewerCertificate: useCert ? { AcmCertificateArn: ctx.refOf({ component: cert.id, part: 'arn' }), SslSupportMethod: 'sni-only', MinimumProtocolVersion: cfg.minimumTlsVersion } : { CloudFrontDefaultCertificate: true },
        Origins: origins.length ? origins.map((o) => o.value) : undefined,
        DefaultCacheBehavior: first ? behavior(first) : undefined,
        CacheBehaviors: origins.length > 1
          ? origins.slice(1).map((o) => ({ ...behavior(o), PathPattern: ctx.a.connections.find((x) => x.from === c.id && x.to === o.target.id)?.scope ?? `/${o.target.id}/*` }))
          : undefined,
        CustomErrorResponses: cfg.spaFallback ? [403, 404].map((code) => ({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: `/${cfg.defaultRootObject ?? 'index.html'}`, ErrorCachingMinTTL: 10 })) : undefined,
        Logging: { Bucket: ctx.sub('${AccessLogsBucket.DomainName}'), Prefix: `cloudfront/${c.id}/`, IncludeCookies: false },
        WebACLId: waf ? ctx.refOf({ component: waf.id, part: 'arn' }) : undefined,
      } as Prop,
    });
    ctx.accessLogsBucketName();
    if (!useCert) {
      ctx.ack(distribution, 'No custom domain in the design for this distribution: it serves the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes', 'AwsSolutions-CFR4');
    }
    if (!isProtected(ctx, c)) ctx.ack(distribution, 'No WAF web ACL protects this distribution in the design', 'AwsSolutions-CFR2');
    ctx.ack(distribution, 'The design serves every country; add geo restrictions in the model when a market requires them', 'AwsSolutions-CFR1');
    if (ctx.a.region === 'us-east-1') {
      ctx.alarm(c, ctx.id(c, 'ErrorRateAlarm'), { description: `${c.id}: more than 5% of requests fail with 5xx`, namespace: 'AWS/CloudFront', metric: '5xxErrorRate', dimensions: { DistributionId: `\${${dist}}`, Region: 'Global' }, statistic: 'Average', threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    }
    ctx.output(`${ctx.prefixes.get(c.id)}DomainName`, ctx.att(dist, 'DomainName'), `Domain name of distribution ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${ctx.id(c, 'Distribution')}}`);
    return noPart('cloudfront', part);
  },
  attr(c, name, ctx) {
    if (name === 'dnsName') return ctx.att(ctx.id(c, 'Distribution'), 'DomainName');
    if (name === 'hostedZoneId') return CLOUDFRONT_ZONE;
    return undefined;
  },
  env(c, ctx) {
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_DOMAIN`]: ctx.att(ctx.id(c, 'Distribution'), 'DomainName') };
  },
});

