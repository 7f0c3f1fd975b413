import type { Component, ComponentOfService, ResourceGrant } from '../../../model/index.js';
import { fixedName, fixedNameComponents } from '../names.js';
import type { Target } from '../target.js';
import type { Stmt, Val } from '../values.js';
import { envKey, inlineRuntime, starterCode } from './common.js';
import { emitter, noPart } from './types.js';

type Fn = ComponentOfService<'lambda'>;

/** Service principals whose invocations are asynchronous (events, notifications): those need a dead-letter queue. */
const ASYNC_CALLERS = new Set(['s3.amazonaws.com', 'sns.amazonaws.com', 'events.amazonaws.com', 'iot.amazonaws.com']);

export const XRAY_WHY = 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions';
export const ENI_WHY = 'Lambda creates and deletes its own network interfaces in the VPC; the EC2 network-interface APIs need Resource "*"';

/** The resource-policy grants into a component (API Gateway, S3, SNS, EventBridge, IoT, Cognito calling it). */
export function resourceGrantsInto(ctx: Target, c: Component): ResourceGrant[] {
  return ctx.grants.filter((g): g is ResourceGrant => g.type === 'resource' && g.target === c.id);
}

/** `aws:SourceArn` of a resource grant: EventBridge invokes through its rules, everything else as itself. */
export function grantSourceArn(ctx: Target, g: ResourceGrant): Val {
  const source = ctx.component(g.source);
  if (source.service === 'eventbridge') return ctx.attr(source, 'rules') as Val;
  return ctx.refOf(g.sourceArn);
}

/**
 * A function with its log group, least-privilege role, dead-letter queue for asynchronous callers, invoke
 * permissions, event sources, optional schedule and provisioned concurrency, and alarms on errors, throttles and
 * duration.
 */
export const lambda = emitter('lambda', {
  emit(c: Fn, ctx: Target) {
    const cfg = c.config;
    const fnId = ctx.id(c, 'Function');
    const tracing = cfg.tracing && ctx.a.observability.tracing;
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'function'}`);
    const logGroup = ctx.logGroup(c, ctx.id(c, 'LogGroup'));
    const inbound = resourceGrantsInto(ctx, c);
    const asyncCallers = inbound.filter((g) => ASYNC_CALLERS.has(g.servicePrincipal)).map((g) => g.source);
    if (cfg.schedule) asyncCallers.push('schedule');

    const statements: Stmt[] = [
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(logGroup, 'Arn') },
    ];
    if (tracing) statements.push({ Sid: 'WriteTraces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*', why: XRAY_WHY });
    if (cfg.inVpc) {
      statements.push({
        Sid: 'ManageNetworkInterfaces',
        Effect: 'Allow',
        Action: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
        Resource: '*',
        why: ENI_WHY,
      });
    }
    let dlq: string | undefined;
    if (asyncCallers.length) {
      dlq = ctx.queue(c, ctx.id(c, 'DeadLetterQueue'), { retentionDays: 14 });
      ctx.queuePolicy(c, dlq, []);
      // cdk-nag reads the short form `!GetAtt Queue.Arn` of DeadLetterConfig wrongly and misses that this is a DLQ.
      ctx.ack(dlq, `Dead-letter queue of function ${c.id} (its DeadLetterConfig target); a DLQ has no DLQ of its own`, 'AwsSolutions-SQS3');
      statements.push({ Sid: 'SendToDeadLetterQueue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ctx.att(dlq, 'Arn') });
      if (ctx.cmk) statements.push({ Sid: 'EncryptDeadLetters', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: ctx.keyArn()! });
    }
    const { role, policy, grantsPolicy } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['lambda.amazonaws.com'],
      description: `Execution role of function ${c.id}`,
      statements,
      grants: true,
    });
    const sg = cfg.inVpc ? ctx.securityGroup(c, `Function ${c.id}: no inbound, outbound to its dependencies`) : undefined;

    const inline = inlineRuntime(cfg.runtime, cfg.handler);
    const handlerFn = cfg.handler.split('.').slice(1).join('.') || 'handler';
    const code = inline ? { ZipFile: starterCode(inline, c.id, handlerFn) } : { S3Bucket: ctx.artifactsBucketName(), S3Key: `lambda/${c.id}.zip` };
    if (!inline) ctx.warn(`components.${c.id}.config.runtime`, `${cfg.runtime} code cannot be inlined: upload lambda/${c.id}.zip to the artifacts bucket before deploying`);
    const env = { ...ctx.connectionEnv(c), ...cfg.environment };
    const fn = ctx.resource(
      c,
      fnId,
      'AWS::Lambda::Function',
      {
        FunctionName: fixedNameComponents(ctx.a).has(c.id) ? ctx.sub(fixedName(ctx.a, c.id)) : undefined,
        Description: c.description ?? c.name ?? c.id,
        Runtime: cfg.runtime,
        Architectures: [cfg.architecture],
        Handler: cfg.handler,
        MemorySize: cfg.memoryMb,
        Timeout: cfg.timeoutSeconds,
        EphemeralStorage: cfg.ephemeralStorageMb !== 512 ? { Size: cfg.ephemeralStorageMb } : undefined,
        ReservedConcurrentExecutions: cfg.reservedConcurrency,
        Role: ctx.att(role, 'Arn'),
        Code: code,
        Environment: Object.keys(env).length ? { Variables: ctx.mapOf(env) } : undefined,
        KmsKeyArn: ctx.keyArn(),
        TracingConfig: tracing ? { Mode: 'Active' } : undefined,
        LoggingConfig: { LogGroup: ctx.ref(logGroup), LogFormat: 'JSON' },
        VpcConfig: sg ? { SubnetIds: ctx.computeSubnets(), SecurityGroupIds: [ctx.ref(sg)] } : undefined,
        DeadLetterConfig: dlq ? { TargetArn: ctx.att(dlq, 'Arn') } : undefined,
      },
      // Lambda checks the role's own permissions (network interfaces, dead-letter queue) when it creates the function.
      { dependsOn: policy ? [policy] : [] },
    );
    ctx.ack(fn, `The design pins runtime ${cfg.runtime} (components.${c.id}.config.runtime); it is supported by Lambda, and cdk-nag L1 asks for the newest runtime of the family`, 'AwsSolutions-L1');
    if (cfg.reservedConcurrency === undefined) {
      ctx.ack(fn, 'No reservedConcurrency in the design: reserving concurrency takes it from the account pool, and new accounts have too little to reserve; set components.config.reservedConcurrency to cap it', 'HIPAA.Security-LambdaConcurrency', 'PCI.DSS.321-LambdaConcurrency');
    }
    if (!dlq) {
      const why = inbound.length || ctx.sources(c, ['trigger']).length
        ? 'Invoked synchronously or by an event source mapping: failed records stay in the source (and its dead-letter queue); a function DLQ only applies to asynchronous invocations'
        : 'Invoked synchronously by its callers, which receive the error; a function DLQ only applies to asynchronous invocations';
      ctx.ack(fn, why, 'HIPAA.Security-LambdaDLQ', 'PCI.DSS.321-LambdaDLQ');
    }
    if (!cfg.inVpc) {
      ctx.ack(fn, 'The design runs this function outside the VPC (inVpc: false): it reaches only AWS service endpoints over TLS with IAM authorization', 'HIPAA.Security-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC');
    }

    let target = ctx.att(fn, 'Arn');
    if (cfg.provisionedConcurrency > 0) {
      const version = ctx.resource(c, ctx.id(c, 'Version'), 'AWS::Lambda::Version', { FunctionName: ctx.ref(fn) });
      const alias = ctx.resource(c, ctx.id(c, 'Alias'), 'AWS::Lambda::Alias', {
        FunctionName: ctx.ref(fn),
        Name: 'live',
        FunctionVersion: ctx.att(version, 'Version'),
        ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: cfg.provisionedConcurrency },
      });
      target = ctx.ref(alias);
    }

    for (const g of inbound) {
      // A load balancer registers its Lambda target group only once this permission exists, so the permission
      // cannot name the group's ARN (it would be a circular dependency).
      const fromLb = g.servicePrincipal === 'elasticloadbalancing.amazonaws.com';
      ctx.resource(c, ctx.id(c, g.sid), 'AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: target,
        Principal: g.servicePrincipal,
        SourceArn: fromLb ? undefined : grantSourceArn(ctx, g),
        SourceAccount: g.servicePrincipal === 's3.amazonaws.com' ? ctx.aws.account : undefined,
      });
    }

    for (const src of ctx.sources(c, ['trigger'], ['sqs', 'kinesis-streams', 'dynamodb'])) {
      const stream = src.service !== 'sqs';
      ctx.resource(
        c,
        ctx.id(c, `${ctx.prefixes.get(src.id)}EventSource`),
        'AWS::Lambda::EventSourceMapping',
        {
          FunctionName: target,
          EventSourceArn: src.service === 'dynamodb' ? ctx.refOf({ component: src.id, part: 'stream' }) : ctx.refOf({ component: src.id, part: 'arn' }),
          BatchSize: stream ? 100 : 10,
          MaximumBatchingWindowInSeconds: stream ? 1 : undefined,
          StartingPosition: stream ? 'LATEST' : undefined,
          MaximumRetryAttempts: stream ? 3 : undefined,
          BisectBatchOnFunctionError: stream ? true : undefined,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        },
        // The mapping is checked against the role's read permissions on its source.
        { dependsOn: [policy, grantsPolicy].filter((p): p is string => p !== undefined) },
      );
    }

    if (cfg.schedule) {
      const { role: schedRole } = ctx.role(c, ctx.id(c, 'ScheduleRole'), {
        services: ['scheduler.amazonaws.com'],
        description: `Lets EventBridge Scheduler invoke ${c.id}`,
        assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
        statements: [{ Sid: 'InvokeFunction', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: target }],
      });
      ctx.resource(c, ctx.id(c, 'Schedule'), 'AWS::Scheduler::Schedule', {
        Description: `Runs ${c.id} on ${cfg.schedule}`,
        ScheduleExpression: cfg.schedule,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: target, RoleArn: ctx.att(schedRole, 'Arn'), RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: dlq ? { Arn: ctx.att(dlq, 'Arn') } : undefined },
      });
    }

    const dims = { FunctionName: ctx.ref(fn) };
    ctx.alarm(c, ctx.id(c, 'ErrorsAlarm'), { description: `${c.id}: invocations failing`, namespace: 'AWS/Lambda', metric: 'Errors', dimensions: dims, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1 });
    ctx.alarm(c, ctx.id(c, 'ThrottlesAlarm'), { description: `${c.id}: invocations throttled`, namespace: 'AWS/Lambda', metric: 'Throttles', dimensions: dims, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1 });
    ctx.alarm(c, ctx.id(c, 'DurationAlarm'), {
      description: `${c.id}: p99 duration above 80% of the ${cfg.timeoutSeconds}s timeout`,
      namespace: 'AWS/Lambda',
      metric: 'Duration',
      dimensions: dims,
      extendedStatistic: 'p99',
      threshold: Math.round(cfg.timeoutSeconds * 1000 * 0.8),
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    if (dlq) {
      ctx.alarm(c, ctx.id(c, 'DeadLetterAlarm'), {
        description: `${c.id}: asynchronous invocations failed and were dead-lettered`,
        namespace: 'AWS/SQS',
        metric: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: ctx.att(dlq, 'QueueName') },
        statistic: 'Maximum',
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
      });
    }
  },
  ref(c, part, ctx) {
    if (part === 'arn') return c.config.provisionedConcurrency > 0 ? ctx.ref(ctx.id(c, 'Alias')) : ctx.att(ctx.id(c, 'Function'), 'Arn');
    if (part === 'role') return ctx.att(ctx.id(c, 'Role'), 'Arn');
    return noPart('lambda', part);
  },
  attr(c, name, ctx) {
    if (name === 'name') return ctx.ref(ctx.id(c, 'Function'));
    if (name === 'invokeArn') return c.config.provisionedConcurrency > 0 ? ctx.ref(ctx.id(c, 'Alias')) : ctx.att(ctx.id(c, 'Function'), 'Arn');
    return undefined;
  },
  env(c, ctx) {
    // A function on a cycle of function calls has a fixed name: passing it does not refer to the resource.
    return { [`${envKey(c.id)}_FUNCTION_NAME`]: fixedNameComponents(ctx.a).has(c.id) ? ctx.sub(fixedName(ctx.a, c.id)) : ctx.ref(ctx.id(c, 'Function')) };
  },
});
