import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { zoneFor } from './dns.js';
import { emitter, noPart } from './types.js';

type Ses = ComponentOfService<'ses'>;

/**
 * A verified sending domain with 2048-bit Easy DKIM (records added to the design's hosted zone when it has the
 * domain), a configuration set that requires TLS and publishes sending events to CloudWatch, and reputation alarms.
 */
export const ses = emitter('ses', {
  emit(c: Ses, ctx: Target) {
    const cfg = c.config;
    const setId = ctx.id(c, 'ConfigurationSet');
    if (cfg.configurationSet) {
      ctx.resource(c, setId, 'AWS::SES::ConfigurationSet', {
        Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
        ReputationOptions: { ReputationMetricsEnabled: true },
        SendingOptions: { SendingEnabled: true },
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
      ctx.resource(c, ctx.id(c, 'EventDestination'), 'AWS::SES::ConfigurationSetEventDestination', {
        ConfigurationSetName: ctx.ref(setId),
        EventDestination: {
          Name: 'cloudwatch',
          Enabled: true,
          MatchingEventTypes: ['send', 'reject', 'bounce', 'complaint', 'delivery'],
          CloudWatchDestination: { DimensionConfigurations: [{ DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag', DefaultDimensionValue: 'default' }] },
        },
      });
    }
    // One identity per domain: a second component sending from the same domain shares the first one's.
    const owner = ctx.a.components.find((x): x is Ses => x.service === 'ses' && x.config.domain === cfg.domain)!;
    if (owner.id !== c.id) {
      ctx.warn(`components.${c.id}.config.domain`, `${c.id} sends from ${cfg.domain} like ${owner.id}: the domain's identity (and its default configuration set) is ${owner.id}'s; send with ${c.id}'s own configuration set named in the request`);
    } else {
      const identity = ctx.resource(c, ctx.id(c, 'EmailIdentity'), 'AWS::SES::EmailIdentity', {
        EmailIdentity: cfg.domain,
        DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        ConfigurationSetAttributes: cfg.configurationSet ? { ConfigurationSetName: ctx.ref(setId) } : undefined,
      });
      const zone = zoneFor(ctx, cfg.domain);
      if (zone) {
        ctx.resource(c, ctx.id(c, 'DkimRecords'), 'AWS::Route53::RecordSetGroup', {
          HostedZoneId: ctx.attr(zone, 'zoneId')!,
          RecordSets: [1, 2, 3].map((i) => ({ Name: ctx.att(identity, `DkimDNSTokenName${i}`), Type: 'CNAME', TTL: '1800', ResourceRecords: [ctx.att(identity, `DkimDNSTokenValue${i}`)] })),
        });
      } else {
        ctx.warn(`components.${c.id}`, `publish the three DKIM CNAME records of ${cfg.domain} (stack outputs of ${c.id}) at your DNS provider to verify it`);
      }
    }
    // Reputation metrics are per account and Region: alarm on them once.
    if (ctx.a.components.find((x) => x.service === 'ses') === c) {
      for (const [metric, threshold, what] of [['Reputation.BounceRate', 0.05, 'bounce rate above 5%'], ['Reputation.ComplaintRate', 0.001, 'complaint rate above 0.1%']] as const) {
        ctx.alarm(c, ctx.id(c, `${metric.split('.')[1]}Alarm`), { description: `${c.id}: ${what} (SES may pause sending)`, namespace: 'AWS/SES', metric, dimensions: {}, statistic: 'Maximum', threshold, comparison: 'GreaterThanOrEqualToThreshold', period: 3600 });
      }
    }
  },
  ref(c, part, ctx) {
    if (part !== 'arn') return noPart('ses', part);
    const identity = ctx.sub(`arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:identity/${c.config.domain}`);
    return c.config.configurationSet ? [identity, ctx.sub(`arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:configuration-set/\${${ctx.id(c, 'ConfigurationSet')}}`)] : identity;
  },
  env(c, ctx) {
    const k = c.id.replace(/-/g, '_').toUpperCase();
    return c.config.configurationSet ? { [`${k}_FROM_DOMAIN`]: c.config.domain, [`${k}_CONFIGURATION_SET`]: ctx.ref(ctx.id(c, 'ConfigurationSet')) } : { [`${k}_FROM_DOMAIN`]: c.config.domain };
  },
});
