import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { zoneFor } from './dns.js';
import { emitter, noPart } from './types.js';

type Cert = ComponentOfService<'acm'>;

/** A public certificate, validated automatically through the design's hosted zone when it has one. */
export const acm = emitter('acm', {
  emit(c: Cert, ctx: Target) {
    const cfg = c.config;
    const names = [cfg.domainName, ...cfg.subjectAlternativeNames];
    const dnsValidated = cfg.validation === 'dns';
    const zones = names.map((n) => ({ n, zone: zoneFor(ctx, n) }));
    if (dnsValidated && zones.some((z) => !z.zone)) ctx.warn(`components.${c.id}`, `add the DNS validation records of ${c.id} by hand: no hosted zone in the design covers ${zones.filter((z) => !z.zone).map((z) => z.n).join(', ')}`);
    ctx.resource(c, ctx.id(c, 'Certificate'), 'AWS::CertificateManager::Certificate', {
      DomainName: cfg.domainName,
      SubjectAlternativeNames: cfg.subjectAlternativeNames.length ? cfg.subjectAlternativeNames : undefined,
      ValidationMethod: dnsValidated ? 'DNS' : 'EMAIL',
      DomainValidationOptions: dnsValidated && zones.some((z) => z.zone)
        ? zones.filter((z) => z.zone).map((z) => ({ DomainName: z.n, HostedZoneId: ctx.attr(z.zone!, 'zoneId')! }))
        : undefined,
      CertificateTransparencyLoggingPreference: 'ENABLED',
      KeyAlgorithm: 'EC_prime256v1',
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'Certificate'));
    return noPart('acm', part);
  },
  env() {
    return {};
  },
});
