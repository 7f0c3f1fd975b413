import type { Component } from '../../../model/components.js';
import { alarmAndWidget, arn, logGroup, sameAccount } from '../common.js';
import type { TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Body, Value } from '../hcl.js';
import { lambdaArn } from './lambda.js';

/** Cognito's provider names and the details each federated sign-in needs. */
const IDPS = {
  google: { type: 'Google', name: 'Google', details: ['client_id', 'client_secret'], scopes: 'openid email profile' },
  apple: { type: 'SignInWithApple', name: 'SignInWithApple', details: ['client_id', 'team_id', 'key_id', 'private_key'], scopes: 'email name' },
  facebook: { type: 'Facebook', name: 'Facebook', details: ['client_id', 'client_secret'], scopes: 'public_profile,email' },
  amazon: { type: 'LoginWithAmazon', name: 'LoginWithAmazon', details: ['client_id', 'client_secret'], scopes: 'profile' },
  saml: { type: 'SAML', name: 'SAML', details: ['MetadataURL'], scopes: undefined },
  oidc: { type: 'OIDC', name: 'OIDC', details: ['client_id', 'client_secret', 'oidc_issuer'], scopes: 'openid email profile' },
} as const;

const SECRET_DETAILS = new Set(['client_secret', 'private_key']);

function identityProvider(ctx: TfContext, id: string, pool: string, provider: keyof typeof IDPS): string {
  const file = ctx.fileOf(id);
  const spec = IDPS[provider];
  const details: Record<string, Value> = {};
  for (const d of spec.details) {
    const key = d.toLowerCase();
    details[d] = ctx.variable({
      name: `${ctx.n(id)}_${provider}_${key}`,
      type: 'string',
      description: `${spec.name} ${d.replace(/_/g, ' ')} for user pool ${id}${SECRET_DETAILS.has(d) ? ' (secret: pass it as TF_VAR_ from your secret store, never in a .tfvars file)' : ''}.`,
      sensitive: SECRET_DETAILS.has(d) ? true : undefined,
    });
  }
  if (spec.scopes) details.authorize_scopes = spec.scopes;
  if (provider === 'oidc') details.attributes_request_method = 'GET';
  const local = ctx.n(id, provider);
  ctx.resource(file, 'aws_cognito_identity_provider', local, {
    user_pool_id: raw(`aws_cognito_user_pool.${pool}.id`),
    provider_name: spec.name,
    provider_type: spec.type,
    provider_details: obj(details),
    attribute_mapping: obj(provider === 'saml' ? { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' } : { email: 'email', username: 'sub' }),
  });
  return local;
}

export const cognito: Emitter<'cognito'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const email = cfg.signInAliases.includes('email');
    const phone = cfg.signInAliases.includes('phone');
    const attrs = [...(email ? ['email'] : []), ...(phone ? ['phone_number'] : [])];
    const fns = ctx
      .out(c.id, 'trigger', 'invoke')
      .map((x) => x.to)
      .filter((t): t is Extract<Component, { service: 'lambda' }> => t.service === 'lambda');
    const triggers = fns.filter((f, i) => fns.findIndex((g) => g.id === f.id) === i);
    const lambdaConfig: Body = {};
    if (triggers[0]) lambdaConfig.post_confirmation = lambdaArn(ctx, triggers[0]);
    if (triggers[1]) lambdaConfig.pre_token_generation = lambdaArn(ctx, triggers[1]);
    // Verifying phone numbers sends SMS, which Cognito does through SNS with a role of the pool's own.
    const externalId = `${ctx.a.name}-${c.id}`;
    const sms = phone
      ? blk('sms_configuration', {
          external_id: externalId,
          sns_caller_arn: ctx.role(c, {
            assumedBy: ['cognito-idp.amazonaws.com'],
            trustConditions: [{ test: 'StringEquals', variable: 'sts:ExternalId', values: [externalId] }, sameAccount()],
            // SMS text messages have no ARN to scope to.
            baseline: [{ sid: 'SendSms', actions: ['sns:Publish'], resources: ['*'] }],
            description: `Lets user pool ${c.id} send verification and MFA text messages`,
          }),
          sns_region: raw('var.region'),
        })
      : undefined;
    for (const t of triggers.slice(2)) ctx.note(`Cognito ${c.id} triggers ${t.id}: attach it to the Lambda trigger it should handle in lambda_config (post confirmation and pre token generation are taken).`);
    ctx.resource(file, 'aws_cognito_user_pool', n, {
      name: ctx.awsName([c.id], { max: 128 }),
      user_pool_tier: cfg.featurePlan,
      deletion_protection: cfg.deletionProtection ? 'ACTIVE' : 'INACTIVE',
      username_attributes: cfg.signInAliases.includes('username') ? undefined : attrs,
      alias_attributes: cfg.signInAliases.includes('username') && attrs.length ? attrs : undefined,
      auto_verified_attributes: attrs.length ? attrs : undefined,
      mfa_configuration: cfg.mfa,
      software_token_mfa_configuration: cfg.mfa !== 'OFF' ? blk('software_token_mfa_configuration', { enabled: true }) : undefined,
      password_policy: blk('password_policy', {
        minimum_length: cfg.passwordMinLength,
        require_lowercase: true,
        require_uppercase: true,
        require_numbers: true,
        require_symbols: true,
        temporary_password_validity_days: 3,
      }),
      account_recovery_setting: blk('account_recovery_setting', {
        recovery_mechanism: [
          ...(email ? [blk('recovery_mechanism', { name: 'verified_email', priority: 1 })] : []),
          ...(phone ? [blk('recovery_mechanism', { name: 'verified_phone_number', priority: email ? 2 : 1 })] : []),
          ...(!email && !phone ? [blk('recovery_mechanism', { name: 'admin_only', priority: 1 })] : []),
        ],
      }),
      admin_create_user_config: blk('admin_create_user_config', { allow_admin_create_user_only: false }),
      user_pool_add_ons: cfg.featurePlan === 'PLUS' ? blk('user_pool_add_ons', { advanced_security_mode: 'ENFORCED' }) : undefined,
      lambda_config: Object.keys(lambdaConfig).length ? blk('lambda_config', lambdaConfig) : undefined,
      sms_configuration: sms,
      tags,
    });
    const idps = cfg.identityProviders.map((p) => identityProvider(ctx, c.id, n, p));
    const oauth = cfg.callbackUrls.length > 0;
    ctx.resource(file, 'aws_cognito_user_pool_client', n, {
      name: 'app',
      user_pool_id: raw(`aws_cognito_user_pool.${n}.id`),
      generate_secret: false,
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      prevent_user_existence_errors: 'ENABLED',
      enable_token_revocation: true,
      access_token_validity: 60,
      id_token_validity: 60,
      refresh_token_validity: 30,
      token_validity_units: blk('token_validity_units', { access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }),
      supported_identity_providers: ['COGNITO', ...cfg.identityProviders.map((p) => IDPS[p].name)],
      allowed_oauth_flows_user_pool_client: oauth ? true : undefined,
      allowed_oauth_flows: oauth ? ['code'] : undefined,
      allowed_oauth_scopes: oauth ? ['openid', 'email', 'profile'] : undefined,
      callback_urls: oauth ? cfg.callbackUrls : undefined,
      depends_on: idps.length ? idps.map((i) => raw(`aws_cognito_identity_provider.${i}`)) : undefined,
    });
    if (oauth || idps.length) {
      ctx.resource(file, 'aws_cognito_user_pool_domain', n, { domain: ctx.awsName([c.id], { max: 63 }), user_pool_id: raw(`aws_cognito_user_pool.${n}.id`) }, ['Hosted sign-in and the OAuth endpoints federated providers redirect to.']);
      ctx.output({ name: `${n}_domain`, value: tpl`${raw(`aws_cognito_user_pool_domain.${n}.domain`)}.auth.${raw('var.region')}.amazoncognito.com`, description: `Hosted sign-in domain of ${c.id}` });
    }
    ctx.output({ name: `${n}_user_pool_id`, value: raw(`aws_cognito_user_pool.${n}.id`), description: `User pool ${c.id}` });
    ctx.output({ name: `${n}_client_id`, value: raw(`aws_cognito_user_pool_client.${n}.id`), description: `App client of user pool ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_cognito_user_pool.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('cognito', part);
  },
  env(c, ctx, caller) {
    // A function the pool triggers cannot also read the pool id: the pool already depends on the function.
    if (ctx.out(c.id, 'trigger', 'invoke').some((x) => x.to.id === caller.id)) return [];
    return [
      ['USER_POOL_ID', raw(`aws_cognito_user_pool.${ctx.n(c.id)}.id`)],
      ['CLIENT_ID', raw(`aws_cognito_user_pool_client.${ctx.n(c.id)}.id`)],
    ];
  },
};

export const secretsManager: Emitter<'secrets-manager'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    ctx.resource(
      file,
      'aws_secretsmanager_secret',
      n,
      {
        name: ctx.awsName([c.id], { max: 512, sep: '/' }),
        description: cfg.description,
        kms_key_id: ctx.kms(),
        recovery_window_in_days: 30,
        tags: ctx.tags(c),
      },
      ['The value is never in Terraform: set it with `aws secretsmanager put-secret-value` (see README.md).'],
    );
    ctx.note(`Store the value of secret ${c.id} out of band: \`aws secretsmanager put-secret-value --secret-id <${n}_secret_arn output> --secret-string file://value.txt\`.`);
    if (cfg.rotationDays > 0) {
      const fn = ctx.variable({
        name: `${n}_rotation_lambda_arn`,
        type: 'string',
        description: `ARN of the rotation function of secret ${c.id} (rotation every ${cfg.rotationDays} days); it must know how to issue a new value for this secret.`,
      });
      ctx.resource(file, 'aws_secretsmanager_secret_rotation', n, {
        secret_id: raw(`aws_secretsmanager_secret.${n}.id`),
        rotation_lambda_arn: fn,
        rotation_rules: blk('rotation_rules', { automatically_after_days: cfg.rotationDays }),
      });
    }
    ctx.output({ name: `${n}_secret_arn`, value: raw(`aws_secretsmanager_secret.${n}.arn`), description: `ARN of secret ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_secretsmanager_secret.${ctx.n(c.id)}.arn`)];
    return noPart('secrets-manager', part);
  },
  env(c, ctx) {
    return [['SECRET_ARN', raw(`aws_secretsmanager_secret.${ctx.n(c.id)}.arn`)]];
  },
};

/** IoT topic filter as an IAM resource pattern: MQTT wildcards become `*`. */
export function topicPattern(filter: string): string {
  return filter.replace(/\+/g, '*').replace(/#/g, '*');
}

export const iotCore: Emitter<'iot-core'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const ruleName = ctx.awsName([c.id], { max: 128, sep: '_' });
    const errors = logGroup(ctx, file, c.id, tpl`/aws/iot/rules/${ruleName}/errors`, tags);
    const role = ctx.role(c, {
      assumedBy: ['iot.amazonaws.com'],
      description: `Role the ${c.id} topic rule acts with`,
      baseline: [{ sid: 'WriteRuleErrors', actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [tpl`${raw(`${errors}.arn`)}:*`] }],
    });
    const actions: Body = {};
    const metrics: Array<[string, string]> = [];
    const push = (key: string, block: ReturnType<typeof blk>, actionType: string) => {
      const list = (actions[key] as ReturnType<typeof blk>[] | undefined) ?? [];
      list.push(block);
      actions[key] = list;
      metrics.push([key, actionType]);
    };
    const edges = ctx.out(c.id, 'publish', 'trigger', 'write', 'invoke');
    for (const { to } of edges.filter((x, i) => edges.findIndex((y) => y.to.id === x.to.id) === i)) {
      switch (to.service) {
        case 'kinesis-streams':
          push('kinesis', blk('kinesis', { role_arn: role, stream_name: raw(`aws_kinesis_stream.${ctx.n(to.id)}.name`), partition_key: '${topic()}' }), 'Kinesis');
          break;
        case 'kinesis-firehose':
          push('firehose', blk('firehose', { role_arn: role, delivery_stream_name: raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(to.id)}.name`), separator: '\n' }), 'Firehose');
          break;
        case 'lambda':
          push('lambda', blk('lambda', { function_arn: lambdaArn(ctx, to) }), 'Lambda');
          break;
        case 'sqs':
          push('sqs', blk('sqs', { role_arn: role, queue_url: raw(`aws_sqs_queue.${ctx.n(to.id)}.url`), use_base64: false }), 'SQS');
          break;
        case 'sns':
          push('sns', blk('sns', { role_arn: role, target_arn: raw(`aws_sns_topic.${ctx.n(to.id)}.arn`), message_format: 'RAW' }), 'SNS');
          break;
        case 'dynamodb':
          push('dynamodbv2', blk('dynamodbv2', { role_arn: role, put_item: blk('put_item', { table_name: raw(`aws_dynamodb_table.${ctx.n(to.id)}.name`) }) }), 'DynamoDBv2');
          break;
        case 'step-functions':
          push('step_functions', blk('step_functions', { role_arn: role, state_machine_name: raw(`aws_sfn_state_machine.${ctx.n(to.id)}.name`) }), 'StepFunctions');
          break;
        default:
          ctx.note(`IoT rule ${c.id} has no action for ${to.service} ${to.id}; route it through a function or stream.`);
      }
    }
    ctx.resource(file, 'aws_iot_topic_rule', n, {
      name: ruleName,
      description: c.description ?? `Routes ${cfg.topicFilter}`,
      enabled: true,
      sql: `SELECT *, topic() AS topic, timestamp() AS received_at FROM '${cfg.topicFilter}'`,
      sql_version: '2016-03-23',
      ...actions,
      error_action: blk('error_action', { cloudwatch_logs: blk('cloudwatch_logs', { log_group_name: raw(`${errors}.name`), role_arn: role }) }),
      tags,
    });
    // Devices may connect only as their own thing and publish only to their own topics.
    const own = cfg.topicFilter.replace('+', '${iot:Connection.Thing.ThingName}').replace(/\+/g, '*').replace(/#/g, '*');
    const policyName = ctx.awsName([c.id, 'device'], { max: 128, sep: '_' });
    ctx.resource(file, 'aws_iot_policy', n, {
      name: policyName,
      policy: jsonencode(
        obj({
          Version: '2012-10-17',
          Statement: [
            obj({ Effect: 'Allow', Action: ['iot:Connect'], Resource: [arn('iot', 'client/${iot:Connection.Thing.ThingName}')] }),
            obj({ Effect: 'Allow', Action: ['iot:Publish'], Resource: [arn('iot', `topic/${own}`)] }),
          ],
        }),
      ),
      tags,
    });
    if (cfg.provisioning === 'fleet') {
      const prov = ctx.n(c.id, 'provisioning');
      ctx.data(file, 'aws_iam_policy_document', ctx.n(c.id, 'provisioning', 'assume'), {
        statement: blk('statement', { actions: ['sts:AssumeRole'], principals: blk('principals', { type: 'Service', identifiers: ['iot.amazonaws.com'] }) }),
      });
      ctx.resource(file, 'aws_iam_role', prov, {
        name: ctx.awsName([c.id, 'provisioning'], { max: 64 }),
        description: `Lets fleet provisioning of ${c.id} register devices`,
        assume_role_policy: raw(`data.aws_iam_policy_document.${ctx.n(c.id, 'provisioning', 'assume')}.json`),
        tags,
      });
      ctx.resource(file, 'aws_iam_role_policy_attachment', prov, {
        role: raw(`aws_iam_role.${prov}.name`),
        policy_arn: tpl`arn:${raw('data.aws_partition.current.partition')}:iam::aws:policy/service-role/AWSIoTThingsRegistration`,
      });
      ctx.resource(
        file,
        'aws_iot_provisioning_template',
        n,
        {
          name: ctx.awsName([c.id], { max: 36 }),
          description: `Registers ${c.id} devices by serial number`,
          provisioning_role_arn: raw(`aws_iam_role.${prov}.arn`),
          enabled: true,
          template_body: jsonencode(
            obj({
              Parameters: obj({ SerialNumber: obj({ Type: 'String' }), 'AWS::IoT::Certificate::Id': obj({ Type: 'String' }) }),
              Resources: obj({
                certificate: obj({ Type: 'AWS::IoT::Certificate', Properties: obj({ CertificateId: obj({ Ref: 'AWS::IoT::Certificate::Id' }), Status: 'Active' }) }),
                thing: obj({ Type: 'AWS::IoT::Thing', Properties: obj({ ThingName: obj({ Ref: 'SerialNumber' }) }) }),
                policy: obj({ Type: 'AWS::IoT::Policy', Properties: obj({ PolicyName: raw(`aws_iot_policy.${n}.name`) }) }),
              }),
            }),
          ),
          tags,
        },
        ['Fleet provisioning by claim: devices trade a claim certificate for their own; create the claim certificate and its policy per manufacturing batch.'],
      );
      ctx.note(`IoT ${c.id}: create a claim certificate for fleet provisioning (template output \`${n}_provisioning_template\`) and give it to the device manufacturer; never ship the claim key in firmware updates.`);
      ctx.output({ name: `${n}_provisioning_template`, value: raw(`aws_iot_provisioning_template.${n}.name`), description: `Fleet provisioning template of ${c.id}` });
    }
    ctx.data(file, 'aws_iot_endpoint', n, { endpoint_type: 'iot:Data-ATS' });
    ctx.output({ name: `${n}_endpoint`, value: raw(`data.aws_iot_endpoint.${n}.endpoint_address`), description: `MQTT endpoint devices of ${c.id} connect to` });
    for (const actionType of new Set(metrics.map(([, t]) => t))) {
      alarmAndWidget(ctx, c.id, `failed-${actionType.toLowerCase()}`, `The ${c.id} rule failed to deliver to ${actionType}`, 'AWS/IoT', 'Failure', { RuleName: raw(`aws_iot_topic_rule.${n}.name`), ActionType: actionType }, 'Sum', 'GreaterThanThreshold', 0);
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_iot_topic_rule.${ctx.n(c.id)}.arn`)];
    if (part === 'iot-topic') return [arn('iot', `topic/${topicPattern(c.config.topicFilter)}`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('iot-core', part);
  },
  env(c) {
    return [['TOPIC_PREFIX', c.config.topicFilter.split(/[+#]/)[0] ?? '']];
  },
};

