import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { emitter, noPart } from './types.js';

type Iot = ComponentOfService<'iot-core'>;

/** IoT rule names allow letters, digits and underscores only. */
function ruleName(c: Iot, system: string): string {
  return `${system}_${c.id}`.replace(/[^A-Za-z0-9_]/g, '_');
}

/** MQTT filter -> IAM topic resource: `+` and `#` become `*`. */
function topicResource(filter: string): string {
  return filter.replace(/\+/g, '*').replace(/#/g, '*');
}

/** The rule action that forwards matching messages to a published-to component. */
function action(ctx: Target, t: Component, role: string): Prop | undefined {
  const arn = ctx.att(role, 'Arn');
  switch (t.service) {
    case 'kinesis-streams':
      return { Kinesis: { StreamName: ctx.attr(t, 'name')!, PartitionKey: '${topic()}', RoleArn: arn } };
    case 'kinesis-firehose':
      return { Firehose: { DeliveryStreamName: ctx.attr(t, 'name')!, RoleArn: arn, Separator: '\n' } };
    case 'sqs':
      return { Sqs: { QueueUrl: ctx.attr(t, 'url')!, RoleArn: arn, UseBase64: false } };
    case 'sns':
      return { Sns: { TargetArn: ctx.refOf({ component: t.id, part: 'arn' }), RoleArn: arn, MessageFormat: 'RAW' } };
    case 'lambda':
      return { Lambda: { FunctionArn: ctx.refOf({ component: t.id, part: 'arn' }) } };
    default:
      return undefined;
  }
}

/** A topic rule forwarding device messages to the connected components, with an error log and a device policy. */
export const iotCore = emitter('iot-core', {
  emit(c: Iot, ctx: Target) {
    const errors = ctx.logGroup(c, ctx.id(c, 'ErrorLogGroup'));
    const { role, policy, grantsPolicy } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['iot.amazonaws.com'],
      description: `Lets IoT rule ${c.id} deliver messages`,
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
      statements: [{ Sid: 'WriteRuleErrors', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(errors, 'Arn') }],
      grants: true,
    });
    const actions: Prop[] = [];
    for (const t of ctx.targets(c, ['publish', 'trigger', 'write'])) {
      const a = action(ctx, t, role);
      if (a) actions.push(a);
      else ctx.warn('connections', `IoT rule ${c.id} cannot deliver to ${t.service} '${t.id}'`);
    }
    const rule = ctx.resource(
      c,
      ctx.id(c, 'TopicRule'),
      'AWS::IoT::TopicRule',
      {
        RuleName: ctx.sub(`${ruleName(c, ctx.a.name)}_\${EnvironmentName}`),
        TopicRulePayload: {
          Description: c.description ?? `Routes ${c.config.topicFilter}`,
          Sql: `SELECT * FROM '${c.config.topicFilter}'`,
          AwsIotSqlVersion: '2016-03-23',
          RuleDisabled: false,
          Actions: actions,
          ErrorAction: { CloudwatchLogs: { LogGroupName: ctx.ref(errors), RoleArn: ctx.att(role, 'Arn') } },
        },
      },
      { dependsOn: [policy, grantsPolicy].filter((p): p is string => p !== undefined) },
    );
    ctx.resource(c, ctx.id(c, 'DevicePolicy'), 'AWS::IoT::Policy', {
      PolicyName: ctx.sub(`${ruleName(c, ctx.a.name)}_\${EnvironmentName}_devices`),
      PolicyDocument: ctx.json({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iot:Connect', Resource: ctx.sub('arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:client/${!iot:Connection.Thing.ThingName}') },
          { Effect: 'Allow', Action: 'iot:Publish', Resource: ctx.sub(`arn:\${AWS::Partition}:iot:\${AWS::Region}:\${AWS::AccountId}:topic/${topicResource(c.config.topicFilter)}`) },
        ],
      }),
    });
    if (c.config.provisioning === 'fleet') ctx.warn(`components.${c.id}.config.provisioning`, `fleet provisioning needs a claim certificate and provisioning template created per device fleet; attach the generated device policy to provisioned things`);
    ctx.alarm(c, ctx.id(c, 'RuleFailuresAlarm'), {
      description: `${c.id}: rule actions failing`,
      namespace: 'AWS/IoT',
      metric: 'Failure',
      dimensions: { RuleName: `\${${rule}}` },
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'TopicRule'), 'Arn');
    if (part === 'iot-topic') return ctx.sub(`arn:\${AWS::Partition}:iot:\${AWS::Region}:\${AWS::AccountId}:topic/${topicResource(c.config.topicFilter)}`);
    return noPart('iot-core', part);
  },
  env() {
    return {};
  },
});
