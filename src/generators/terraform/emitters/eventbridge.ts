import { alarmAndWidget, arn } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, fromJson, jsonencode, obj, raw } from '../hcl.js';
import type { Body, Value } from '../hcl.js';
import { ACCOUNT_ID } from '../context.js';
import { lambdaArn } from './lambda.js';
import { ecsCluster, ecsNetwork } from './ecs-fargate.js';

/** Targets that EventBridge calls with the bus's role rather than through their resource policy. */
const ROLE_TARGETS = new Set(['step-functions', 'kinesis-firehose', 'kinesis-streams', 'ecs-fargate', 'eventbridge']);

export const eventbridge: Emitter<'eventbridge'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const custom = cfg.busName !== 'default';
    const busName: Value = custom ? raw(`aws_cloudwatch_event_bus.${n}.name`) : 'default';
    const busArn: Value = custom ? raw(`aws_cloudwatch_event_bus.${n}.arn`) : arn('events', 'event-bus/default');
    if (custom) {
      ctx.resource(file, 'aws_cloudwatch_event_bus', n, {
        name: ctx.awsName([c.id], { max: 256 }),
        description: c.description ?? c.name,
        kms_key_identifier: ctx.kms(['events.amazonaws.com']),
        tags: ctx.tags(c),
      });
    }
    if (cfg.archiveRetentionDays > 0) {
      ctx.resource(
        file,
        'aws_cloudwatch_event_archive',
        n,
        { name: ctx.awsName([c.id], { max: 48 }), event_source_arn: busArn, retention_days: cfg.archiveRetentionDays },
        [`Events kept ${cfg.archiveRetentionDays} days for replay.`],
      );
    }
    // Every edge along which the bus delivers events; permissions.ts grants the same kinds.
    const edges = ctx.out(c.id, 'trigger', 'invoke', 'subscribe', 'route');
    const targets = edges.filter((x, i) => edges.findIndex((y) => y.to.id === x.to.id) === i);
    const roleArn = targets.some((t) => ROLE_TARGETS.has(t.to.service)) ? ctx.role(c, { assumedBy: ['events.amazonaws.com'], description: `Lets EventBridge deliver events from ${c.id} to its targets` }) : undefined;
    const defaultPattern = custom ? obj({ account: [ACCOUNT_ID] }) : obj({ source: [obj({ prefix: `${ctx.a.name}.` })] });
    for (const { to } of targets) {
      const rule = ctx.n(c.id, 'to', to.id);
      const pattern = cfg.patterns[to.id];
      ctx.resource(
        file,
        'aws_cloudwatch_event_rule',
        rule,
        {
          name: ctx.awsName([c.id, to.id], { max: 64 }),
          description: `Routes events on ${c.id} to ${to.id}`,
          event_bus_name: busName,
          event_pattern: jsonencode(pattern ? fromJson(JSON.parse(pattern)) : defaultPattern),
          tags: ctx.tags(c),
        },
        pattern ? undefined : [custom ? 'Every event published to this bus.' : `Events whose source starts with "${ctx.a.name}."`],
      );
      const target: Body = { rule: raw(`aws_cloudwatch_event_rule.${rule}.name`), event_bus_name: busName };
      switch (to.service) {
        case 'lambda':
          target.arn = lambdaArn(ctx, to);
          break;
        case 'sqs':
          target.arn = raw(`aws_sqs_queue.${ctx.n(to.id)}.arn`);
          if (to.config.fifo) target.sqs_target = blk('sqs_target', { message_group_id: c.id });
          break;
        case 'sns':
          target.arn = raw(`aws_sns_topic.${ctx.n(to.id)}.arn`);
          break;
        case 'step-functions':
          target.arn = raw(`aws_sfn_state_machine.${ctx.n(to.id)}.arn`);
          break;
        case 'kinesis-firehose':
          target.arn = raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(to.id)}.arn`);
          break;
        case 'kinesis-streams':
          target.arn = raw(`aws_kinesis_stream.${ctx.n(to.id)}.arn`);
          target.kinesis_target = blk('kinesis_target', { partition_key_path: '$.id' });
          break;
        case 'eventbridge':
          target.arn = to.config.busName === 'default' ? arn('events', 'event-bus/default') : raw(`aws_cloudwatch_event_bus.${ctx.n(to.id)}.arn`);
          break;
        case 'ecs-fargate':
          target.arn = ecsCluster(ctx);
          target.ecs_target = blk('ecs_target', {
            task_definition_arn: raw(`aws_ecs_task_definition.${ctx.n(to.id)}.arn`),
            launch_type: 'FARGATE',
            task_count: 1,
            network_configuration: blk('network_configuration', ecsNetwork(ctx, to)),
          });
          break;
        default:
          ctx.note(`EventBridge ${c.id} cannot start ${to.service} ${to.id} directly; route it through Step Functions or a function.`);
          continue;
      }
      if (ROLE_TARGETS.has(to.service)) target.role_arn = roleArn;
      target.retry_policy = blk('retry_policy', { maximum_retry_attempts: 5, maximum_event_age_in_seconds: 3600 });
      ctx.resource(file, 'aws_cloudwatch_event_target', rule, target);
      alarmAndWidget(
        ctx,
        c.id,
        `failed-${to.id}`,
        `Events from ${c.id} could not be delivered to ${to.id}`,
        'AWS/Events',
        'FailedInvocations',
        custom ? { RuleName: raw(`aws_cloudwatch_event_rule.${rule}.name`), EventBusName: busName } : { RuleName: raw(`aws_cloudwatch_event_rule.${rule}.name`) },
        'Sum',
        'GreaterThanThreshold',
        0,
      );
    }
    if (custom) ctx.output({ name: `${n}_event_bus_name`, value: busName, description: `Name of event bus ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [c.config.busName === 'default' ? arn('events', 'event-bus/default') : raw(`aws_cloudwatch_event_bus.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('eventbridge', part);
  },
  env(c, ctx) {
    return [['EVENT_BUS_NAME', c.config.busName === 'default' ? 'default' : ctx.awsName([c.id], { max: 256 })]];
  },
};

