import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { fixedName, fixedNameComponents } from '../names.js';
import { XRAY_WHY } from './lambda.js';
import { envKey, pascalCase } from './common.js';
import { emitter, noPart } from './types.js';

type Flow = ComponentOfService<'step-functions'>;

const LOG_DELIVERY_WHY = 'CloudWatch Logs delivery APIs used by Step Functions logging support no resource-level permissions';

interface Built {
  definition: Record<string, Prop>;
  substitutions: Record<string, Prop>;
}

/** The state machine: the steps in order, each retried, failures published to a connected topic. */
export function buildDefinition(c: Flow, ctx: Target): Built {
  const subs: Record<string, Prop> = {};
  const put = (key: string, v: Prop) => {
    subs[key] = v;
    return `\${${key}}`;
  };
  const stepIds = c.config.steps.length ? c.config.steps : ctx.targets(c, ['invoke']).map((t) => t.id);
  const steps = stepIds.map((id) => ctx.component(id));
  const topic = ctx.targets(c, ['publish'], ['sns'])[0];
  const finals = ctx.targets(c, ['publish'], ['sqs', 'eventbridge']);
  const retry = (errors: string[]) => (c.config.maxAttempts > 0 ? [{ ErrorEquals: errors, IntervalSeconds: 5, BackoffRate: 2, MaxAttempts: c.config.maxAttempts }] : undefined);
  const states: Record<string, Prop> = {};
  const names: string[] = [];
  const task = (t: Component): Record<string, Prop> | undefined => {
    const p = pascalCase(t.id);
    switch (t.service) {
      case 'lambda':
        return {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: put(`${p}Function`, ctx.refOf({ component: t.id, part: 'arn' })), 'Payload.$': '$' },
          OutputPath: '$.Payload',
          Retry: retry(['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'States.TaskFailed']),
        } as Record<string, Prop>;
      case 'glue-job':
        return { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: put(`${p}Job`, ctx.attr(t, 'name')!) }, ResultPath: null, Retry: retry(['States.TaskFailed']) } as Record<string, Prop>;
      case 'sagemaker-endpoint':
        return {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint',
          Parameters: { EndpointName: put(`${p}Endpoint`, ctx.attr(t, 'name')!), ContentType: 'application/json', 'Body.$': 'States.JsonToString($)' },
          Retry: retry(['SageMakerRuntime.ServiceUnavailableException', 'SageMakerRuntime.InternalFailureException']),
        } as Record<string, Prop>;
      case 'step-functions':
        return { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: put(`${p}StateMachine`, ctx.refOf({ component: t.id, part: 'arn' })), 'Input.$': '$' }, ResultPath: null, Retry: retry(['States.TaskFailed']) } as Record<string, Prop>;
      case 'ecs-fargate':
        return {
          Type: 'Task',
          Resource: 'arn:aws:states:::ecs:runTask',
          Parameters: {
            Cluster: put(`${p}Cluster`, ctx.attr(t, 'clusterArn')!),
            TaskDefinition: put(`${p}TaskDefinition`, ctx.refOf({ component: t.id, part: 'arn' }) as Prop),
            LaunchType: 'FARGATE',
            NetworkConfiguration: {
              AwsvpcConfiguration: {
                Subnets: ctx.computeSubnets().map((s, i) => put(`${p}Subnet${i + 1}`, s)),
                SecurityGroups: [put(`${p}SecurityGroup`, ctx.ref(ctx.securityGroupOf(t.id) ?? ctx.id(t, 'SecurityGroup')))],
                AssignPublicIp: 'DISABLED',
              },
            },
          },
          ResultPath: null,
          Retry: retry(['States.TaskFailed']),
        } as Record<string, Prop>;
      default:
        ctx.warn(`components.${c.id}.config.steps`, `step ${t.id} (${t.service}) has no Step Functions integration here; invoke it through a function`);
        return undefined;
    }
  };
  for (const t of steps) {
    const s = task(t);
    if (!s) continue;
    let name = t.id;
    for (let i = 2; names.includes(name); i++) name = `${t.id}-${i}`;
    names.push(name);
    states[name] = s;
  }
  for (const f of finals) {
    const p = pascalCase(f.id);
    const name = `publish-${f.id}`;
    names.push(name);
    states[name] = f.service === 'sqs'
      ? { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: put(`${p}Queue`, ctx.attr(f, 'url')!), 'MessageBody.$': '$' }, ResultPath: null }
      : { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ EventBusName: put(`${p}Bus`, ctx.attr(f, 'name')!), Source: ctx.a.name, DetailType: `${c.id} completed`, 'Detail.$': '$' }] }, ResultPath: null };
  }
  if (names.length === 0) {
    names.push('done');
    states['done'] = { Type: 'Pass', Comment: 'No steps are connected to this workflow yet' };
  }
  names.forEach((n, i) => {
    const s = states[n] as Record<string, Prop>;
    if (i < names.length - 1) s['Next'] = names[i + 1]!;
    else s['End'] = true;
    if (topic && s['Type'] === 'Task') s['Catch'] = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'notify-failure' }];
  });
  if (topic) {
    states['notify-failure'] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: put(`${pascalCase(topic.id)}Topic`, ctx.refOf({ component: topic.id, part: 'arn' })), Subject: `${c.id} failed`, 'Message.$': 'States.JsonToString($)' },
      Next: 'failed',
    };
    states['failed'] = { Type: 'Fail', Error: 'WorkflowFailed', Cause: 'A step failed after its retries; see the execution history' };
  }
  return { definition: { Comment: c.description ?? `${c.id} workflow`, StartAt: names[0]!, States: states }, substitutions: subs };
}

/** A state machine with full logging and tracing, optionally on a schedule, with failure alarms. */
export const stepFunctions = emitter('step-functions', {
  emit(c: Flow, ctx: Target) {
    const logGroup = ctx.logGroup(c, ctx.id(c, 'LogGroup'), ctx.sub(`/aws/vendedlogs/states/${ctx.a.name}-\${EnvironmentName}-${c.id}`));
    const { role, policy } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['states.amazonaws.com'],
      description: `Execution role of workflow ${c.id}`,
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
      statements: [
        {
          Sid: 'DeliverLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'],
          Resource: '*',
          why: LOG_DELIVERY_WHY,
        },
        { Sid: 'WriteTraces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], Resource: '*', why: XRAY_WHY },
      ],
      grants: true,
    });
    const built = buildDefinition(c, ctx);
    const sm = ctx.resource(
      c,
      ctx.id(c, 'StateMachine'),
      'AWS::StepFunctions::StateMachine',
      {
        StateMachineName: fixedNameComponents(ctx.a).has(c.id) ? ctx.sub(fixedName(ctx.a, c.id)) : undefined,
        StateMachineType: c.config.type,
        RoleArn: ctx.att(role, 'Arn'),
        Definition: ctx.json(built.definition),
        DefinitionSubstitutions: Object.keys(built.substitutions).length ? ctx.mapOf(built.substitutions) : undefined,
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: !ctx.regulated, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: ctx.att(logGroup, 'Arn') } }] },
        TracingConfiguration: { Enabled: true },
      },
      { dependsOn: policy ? [policy] : [] },
    );
    if (c.config.schedule) {
      const { role: schedRole } = ctx.role(c, ctx.id(c, 'ScheduleRole'), {
        services: ['scheduler.amazonaws.com'],
        description: `Lets EventBridge Scheduler start ${c.id}`,
        assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
        statements: [{ Sid: 'StartWorkflow', Effect: 'Allow', Action: 'states:StartExecution', Resource: ctx.ref(sm) }],
      });
      ctx.resource(c, ctx.id(c, 'Schedule'), 'AWS::Scheduler::Schedule', {
        Description: `Starts ${c.id} on ${c.config.schedule}`,
        ScheduleExpression: c.config.schedule,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: ctx.ref(sm), RoleArn: ctx.att(schedRole, 'Arn'), RetryPolicy: { MaximumRetryAttempts: 2 } },
      });
    }
    for (const [metric, what] of [['ExecutionsFailed', 'executions failed'], ['ExecutionsTimedOut', 'executions timed out']] as const) {
      ctx.alarm(c, ctx.id(c, `${metric}Alarm`), { description: `${c.id}: ${what}`, namespace: 'AWS/States', metric, dimensions: { StateMachineArn: `\${${sm}}` }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'StateMachine'));
    if (part === 'role') return ctx.att(ctx.id(c, 'Role'), 'Arn');
    return noPart('step-functions', part);
  },
  env(c, ctx) {
    // On a cycle with functions it has a fixed name: its ARN is known without referring to it.
    const arn = fixedNameComponents(ctx.a).has(c.id) ? ctx.sub(`arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${fixedName(ctx.a, c.id)}`) : ctx.ref(ctx.id(c, 'StateMachine'));
    return { [`${envKey(c.id)}_STATE_MACHINE_ARN`]: arn };
  },
});
