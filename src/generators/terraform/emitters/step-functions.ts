import type { Component, ComponentOfService } from '../../../model/components.js';
import { alarmAndWidget, arn, logGroup, schedule } from '../common.js';
import type { TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, entries, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Value } from '../hcl.js';
import { ecsCluster, ecsNetwork } from './ecs-fargate.js';
import { lambdaArn } from './lambda.js';

type Machine = ComponentOfService<'step-functions'>;

/** Name of a state machine, static so callers can build its ARN without a dependency on it. */
export function machineName(ctx: TfContext, id: string) {
  return ctx.awsName([id], { max: 80 });
}

/** The Task state that runs one step, or undefined for kinds Step Functions has no integration for. */
function task(ctx: TfContext, step: Component): Record<string, Value> | undefined {
  switch (step.service) {
    case 'lambda':
      return { Resource: 'arn:aws:states:::lambda:invoke', Parameters: obj({ FunctionName: lambdaArn(ctx, step), 'Payload.$': '$' }), OutputPath: '$.Payload' };
    case 'glue-job':
      return { Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: obj({ JobName: raw(`aws_glue_job.${ctx.n(step.id)}.name`) }), ResultPath: '$.glue' };
    case 'ecs-fargate': {
      const net = ecsNetwork(ctx, step);
      return {
        Resource: 'arn:aws:states:::ecs:runTask',
        Parameters: obj({
          Cluster: ecsCluster(ctx),
          TaskDefinition: raw(`aws_ecs_task_definition.${ctx.n(step.id)}.arn`),
          LaunchType: 'FARGATE',
          NetworkConfiguration: obj({ AwsvpcConfiguration: obj({ Subnets: net.subnets as Value, SecurityGroups: net.security_groups as Value, AssignPublicIp: 'DISABLED' }) }),
        }),
        ResultPath: '$.task',
      };
    }
    case 'step-functions':
      return { Resource: 'arn:aws:states:::states:startExecution', Parameters: obj({ StateMachineArn: arn('states', tpl`stateMachine:${machineName(ctx, step.id)}`), 'Input.$': '$' }), ResultPath: '$.execution' };
    case 'sagemaker-endpoint':
      return {
        Resource: 'arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint',
        Parameters: obj({ EndpointName: raw(`aws_sagemaker_endpoint.${ctx.n(step.id)}.name`), ContentType: 'application/json', 'Body.$': 'States.JsonToString($)' }),
        ResultPath: '$.inference',
      };
    case 'sns':
      return { Resource: 'arn:aws:states:::sns:publish', Parameters: obj({ TopicArn: raw(`aws_sns_topic.${ctx.n(step.id)}.arn`), 'Message.$': 'States.JsonToString($)' }), ResultPath: null };
    case 'sqs':
      return { Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: obj({ QueueUrl: raw(`aws_sqs_queue.${ctx.n(step.id)}.url`), 'MessageBody.$': 'States.JsonToString($)' }), ResultPath: null };
    case 'eventbridge':
      return {
        Resource: 'arn:aws:states:::events:putEvents',
        Parameters: obj({ Entries: [obj({ EventBusName: step.config.busName === 'default' ? 'default' : raw(`aws_cloudwatch_event_bus.${ctx.n(step.id)}.name`), Source: `${ctx.a.name}.${step.id}`, DetailType: 'StepCompleted', 'Detail.$': '$' })] }),
        ResultPath: null,
      };
    case 'kinesis-firehose':
      return {
        Resource: 'arn:aws:states:::aws-sdk:firehose:putRecord',
        Parameters: obj({ DeliveryStreamName: raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(step.id)}.name`), Record: obj({ 'Data.$': 'States.JsonToString($)' }) }),
        ResultPath: null,
      };
    default:
      return undefined;
  }
}

/** The Amazon States Language definition: the steps in order, retried, with failures published when a topic is connected. */
export function definition(ctx: TfContext, c: Machine): Value {
  const ids = c.config.steps.length ? c.config.steps : ctx.out(c.id, 'invoke', 'trigger').map((x) => x.to.id);
  const steps = [...new Set(ids)].map((id) => ctx.component(id));
  const notify = ctx.out(c.id, 'publish').find((x) => x.to.service === 'sns')?.to;
  const states: Array<[string, Value]> = [];
  const retry = c.config.maxAttempts > 0 ? [obj({ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: c.config.maxAttempts, BackoffRate: 2 })] : undefined;
  steps.forEach((step, i) => {
    const next = i + 1 < steps.length ? { Next: steps[i + 1]!.id } : { End: true };
    const t = task(ctx, step);
    const state = t
      ? { Type: 'Task', Comment: step.name ?? step.id, ...t, Retry: retry, Catch: notify ? [obj({ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'NotifyFailure' })] : undefined, ...next }
      : { Type: 'Pass', Comment: `${step.service} ${step.id} has no Step Functions integration; call it from a function step`, ...next };
    states.push([step.id, obj(state)]);
  });
  if (notify) {
    states.push([
      'NotifyFailure',
      obj({
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Parameters: obj({ TopicArn: raw(`aws_sns_topic.${ctx.n(notify.id)}.arn`), Subject: `${ctx.a.name} ${c.id} failed`, 'Message.$': 'States.JsonToString($.error)' }),
        Next: 'Failed',
      }),
    ]);
    states.push(['Failed', obj({ Type: 'Fail', Error: 'StepFailed', Cause: 'A step failed after its retries; details were published.' })]);
  }
  if (!steps.length) states.push(['Done', obj({ Type: 'Succeed', Comment: 'No steps: add invoke connections or config.steps' })]);
  return obj({ Comment: c.description ?? c.name ?? c.id, StartAt: steps[0]?.id ?? 'Done', States: entries(states) });
}

export const stepFunctions: Emitter<'step-functions'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const name = machineName(ctx, c.id);
    const tags = ctx.tags(c);
    const logs = logGroup(ctx, file, c.id, tpl`/aws/vendedlogs/states/${name}`, tags);
    const tracing = ctx.a.observability.tracing;
    const role = ctx.role(c, {
      assumedBy: ['states.amazonaws.com'],
      description: `Execution role of state machine ${c.id}`,
      baseline: [
        {
          // Step Functions delivers logs through CloudWatch Logs log delivery, whose API has no resource-level scoping.
          sid: 'LogDelivery',
          actions: ['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'],
          resources: ['*'],
        },
        ...(tracing ? [{ sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], resources: ['*'] }] : []),
      ],
    });
    ctx.resource(file, 'aws_sfn_state_machine', n, {
      name,
      type: c.config.type,
      role_arn: role,
      definition: jsonencode(definition(ctx, c)),
      logging_configuration: blkLogging(logs, ctx.sensitiveData),
      tracing_configuration: tracing ? blkTracing() : undefined,
      tags,
      depends_on: [raw(`aws_iam_role_policy.${ctx.n(c.id, 'baseline')}`)],
    });
    if (c.config.schedule) {
      schedule(ctx, c, c.config.schedule, { arn: raw(`aws_sfn_state_machine.${n}.arn`) }, [{ sid: 'StartOnSchedule', actions: ['states:StartExecution'], resources: [raw(`aws_sfn_state_machine.${n}.arn`)] }]);
    }
    const dims = { StateMachineArn: raw(`aws_sfn_state_machine.${n}.arn`) };
    alarmAndWidget(ctx, c.id, 'failed', `Executions of ${c.id} failed`, 'AWS/States', 'ExecutionsFailed', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'timed-out', `Executions of ${c.id} timed out`, 'AWS/States', 'ExecutionsTimedOut', dims, 'Sum', 'GreaterThanThreshold', 0);
    ctx.output({ name: `${n}_state_machine_arn`, value: raw(`aws_sfn_state_machine.${n}.arn`), description: `ARN of state machine ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_sfn_state_machine.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('step-functions', part);
  },
  env(c, ctx) {
    return [['STATE_MACHINE_ARN', arn('states', tpl`stateMachine:${machineName(ctx, c.id)}`)]];
  },
};

function blkLogging(logs: string, sensitive: boolean) {
  return blk('logging_configuration', {
    log_destination: tpl`${raw(`${logs}.arn`)}:*`,
    // Execution data can carry personal or regulated data; such designs log the error level only, without payloads.
    include_execution_data: !sensitive,
    level: sensitive ? 'ERROR' : 'ALL',
  });
}

function blkTracing() {
  return blk('tracing_configuration', { enabled: true });
}

