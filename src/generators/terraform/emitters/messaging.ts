import type { Component } from '../../../model/components.js';
import { alarmAndWidget, cidrIngress, logGroup } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, obj, raw, tpl } from '../hcl.js';
import { bucketName } from './s3.js';
import { acmCertificateArn, hostedZoneFor } from './edge.js';

export const ses: Emitter<'ses'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    if (cfg.configurationSet) {
      ctx.resource(file, 'aws_sesv2_configuration_set', n, {
        configuration_set_name: ctx.awsName([c.id], { max: 64 }),
        delivery_options: blk('delivery_options', { tls_policy: 'REQUIRE' }),
        reputation_options: blk('reputation_options', { reputation_metrics_enabled: true }),
        sending_options: blk('sending_options', { sending_enabled: true }),
        suppression_options: blk('suppression_options', { suppressed_reasons: ['BOUNCE', 'COMPLAINT'] }),
        tags,
      });
      ctx.resource(file, 'aws_sesv2_configuration_set_event_destination', n, {
        configuration_set_name: raw(`aws_sesv2_configuration_set.${n}.configuration_set_name`),
        event_destination_name: 'cloudwatch',
        event_destination: blk('event_destination', {
          enabled: true,
          matching_event_types: ['SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY'],
          cloud_watch_destination: blk('cloud_watch_destination', {
            dimension_configuration: blk('dimension_configuration', { dimension_name: 'ses:configuration-set', dimension_value_source: 'MESSAGE_TAG', default_dimension_value: 'none' }),
          }),
        }),
      });
    }
    ctx.resource(file, 'aws_sesv2_email_identity', n, {
      email_identity: cfg.domain,
      configuration_set_name: cfg.configurationSet ? raw(`aws_sesv2_configuration_set.${n}.configuration_set_name`) : undefined,
      dkim_signing_attributes: blk('dkim_signing_attributes', { next_signing_key_length: 'RSA_2048_BIT' }),
      tags,
    });
    const zone = hostedZoneFor(ctx, cfg.domain);
    if (zone) {
      ctx.resource(
        file,
        'aws_route53_record',
        ctx.n(c.id, 'dkim'),
        {
          count: 3,
          zone_id: zone,
          name: tpl`${raw(`aws_sesv2_email_identity.${n}.dkim_signing_attributes[0].tokens[count.index]`)}._domainkey.${cfg.domain}`,
          type: 'CNAME',
          ttl: 1800,
          records: [tpl`${raw(`aws_sesv2_email_identity.${n}.dkim_signing_attributes[0].tokens[count.index]`)}.dkim.amazonses.com`],
        },
        ['DKIM records: SES verifies the domain once they resolve.'],
      );
    } else {
      ctx.note(`SES ${c.id}: publish the three DKIM CNAME records of ${cfg.domain} (output \`${n}_dkim_tokens\`) in its DNS zone to verify the domain.`);
      ctx.output({ name: `${n}_dkim_tokens`, value: raw(`aws_sesv2_email_identity.${n}.dkim_signing_attributes[0].tokens`), description: `DKIM tokens of ${cfg.domain}: publish <token>._domainkey CNAME <token>.dkim.amazonses.com` });
    }
    ctx.note(`SES ${c.id}: new accounts send only to verified addresses until you request production access in the SES console.`);
    alarmAndWidget(ctx, c.id, 'bounce-rate', 'Bounce rate above 5 % (SES reviews accounts at 10 %)', 'AWS/SES', 'Reputation.BounceRate', {}, 'Average', 'GreaterThanThreshold', 0.05);
    alarmAndWidget(ctx, c.id, 'complaint-rate', 'Complaint rate above 0.1 % (SES reviews accounts at 0.5 %)', 'AWS/SES', 'Reputation.ComplaintRate', {}, 'Average', 'GreaterThanThreshold', 0.001);
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    // Sending through a configuration set is authorised on the set as well as on the identity.
    if (part === 'arn') return c.config.configurationSet ? [raw(`aws_sesv2_email_identity.${n}.arn`), raw(`aws_sesv2_configuration_set.${n}.arn`)] : [raw(`aws_sesv2_email_identity.${n}.arn`)];
    return noPart('ses', part);
  },
  env(c, ctx) {
    return [
      ['FROM_DOMAIN', c.config.domain],
      ...(c.config.configurationSet ? ([['CONFIGURATION_SET', ctx.awsName([c.id], { max: 64 })]] as Array<[string, ReturnType<typeof raw>]>) : []),
    ];
  },
};

/** FTP, FTPS and AS2 are served only from a VPC endpoint. */
function needsVpcEndpoint(protocols: readonly string[]): boolean {
  return protocols.some((p) => p !== 'SFTP');
}

export const transferFamily: Emitter<'transfer-family'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 255 });
    const logs = logGroup(ctx, file, c.id, tpl`/aws/transfer/${name}`, tags);
    const vpc = (cfg.endpointType === 'VPC' || needsVpcEndpoint(cfg.protocols)) && !!ctx.a.network;
    if (needsVpcEndpoint(cfg.protocols) && !ctx.a.network) ctx.note(`Transfer Family ${c.id}: ${cfg.protocols.join(', ')} need a VPC endpoint; add a network to the design.`);
    let sg: string | undefined;
    if (vpc) {
      sg = `aws_security_group.${ctx.n(c.id)}`;
      ctx.resource(file, 'aws_security_group', ctx.n(c.id), { name, description: `Transfer server ${c.id}`, vpc_id: ctx.vpcId, tags });
      const ports = [...new Set(cfg.protocols.map((p) => (p === 'SFTP' ? 22 : p === 'AS2' ? 443 : 21)))];
      for (const port of ports) cidrIngress(ctx, file, sg, ctx.n(c.id, 'port', String(port)), `Transfer clients in the VPC (port ${port})`, port, ctx.vpcCidr);
    }
    const invoked = ctx.out(c.id, 'invoke').map((x) => x.to);
    const authFn = invoked.find((t): t is Extract<Component, { service: 'lambda' }> => t.service === 'lambda');
    const authApi = invoked.find((t) => t.service === 'apigateway-rest');
    const role = ctx.role(c, { assumedBy: ['transfer.amazonaws.com'], description: `Role Transfer Family users of ${c.id} act with` });
    const ftps = cfg.protocols.includes('FTPS');
    ctx.resource(file, 'aws_transfer_server', n, {
      identity_provider_type: cfg.identityProvider,
      protocols: cfg.protocols,
      endpoint_type: vpc ? 'VPC' : 'PUBLIC',
      endpoint_details: vpc ? blk('endpoint_details', { vpc_id: ctx.vpcId, subnet_ids: ctx.subnets('compute'), security_group_ids: [raw(`${sg}.id`)] }) : undefined,
      security_policy_name: 'TransferSecurityPolicy-2024-01',
      certificate: ftps ? acmCertificateArn(ctx, c.id) : undefined,
      function: cfg.identityProvider === 'AWS_LAMBDA' ? (authFn ? raw(`aws_lambda_function.${ctx.n(authFn.id)}.arn`) : ctx.variable({ name: `${n}_identity_function_arn`, type: 'string', description: `Lambda function that authenticates users of ${c.id}.` })) : undefined,
      url: cfg.identityProvider === 'API_GATEWAY' ? (authApi ? raw(`aws_api_gateway_stage.${ctx.n(authApi.id)}.invoke_url`) : ctx.variable({ name: `${n}_identity_url`, type: 'string', description: `API Gateway URL that authenticates users of ${c.id}.` })) : undefined,
      invocation_role: cfg.identityProvider === 'API_GATEWAY' ? role : undefined,
      structured_log_destinations: [tpl`${raw(`${logs}.arn`)}:*`],
      force_destroy: false,
      tags,
    });
    if (cfg.identityProvider === 'SERVICE_MANAGED') {
      const home = ctx.out(c.id, 'write', 'read-write', 'read').find((x) => x.to.service === 's3')?.to;
      const users = ctx.variable({
        name: `${n}_users`,
        type: 'map(object({ ssh_public_key = string }))',
        description: `SFTP users of ${c.id}: user name -> SSH public key. Each lands in its own folder${home ? ` of ${home.id}` : ''}.`,
        default: obj({}),
      });
      ctx.resource(file, 'aws_transfer_user', n, {
        for_each: users,
        server_id: raw(`aws_transfer_server.${n}.id`),
        user_name: raw('each.key'),
        role,
        home_directory_type: 'LOGICAL',
        home_directory_mappings: home ? blk('home_directory_mappings', { entry: '/', target: tpl`/${bucketName(ctx, home.id)}/${raw('each.key')}` }) : undefined,
        tags,
      });
      ctx.resource(file, 'aws_transfer_ssh_key', n, {
        for_each: users,
        server_id: raw(`aws_transfer_server.${n}.id`),
        user_name: raw(`aws_transfer_user.${n}[each.key].user_name`),
        body: raw('each.value.ssh_public_key'),
      });
    }
    ctx.output({ name: `${n}_endpoint`, value: raw(`aws_transfer_server.${n}.endpoint`), description: `Endpoint partners of ${c.id} connect to` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_transfer_server.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('transfer-family', part);
  },
};

