import type { ComponentOfService } from '../../../model/components.js';
import { alarmAndWidget, envFor, logGroup, securityGroup } from '../common.js';
import type { Statement, TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, obj, raw, tpl } from '../hcl.js';
import type { Raw, Value } from '../hcl.js';
import { hasGrantPolicy } from '../iam.js';

type Fn = ComponentOfService<'lambda'>;

/** Functions with provisioned concurrency are invoked through the `live` alias, where the warm instances are. */
export function lambdaAlias(ctx: TfContext, fn: Fn): string | undefined {
  return fn.config.provisionedConcurrency > 0 ? `aws_lambda_alias.${ctx.n(fn.id, 'live')}` : undefined;
}

/** ARN callers should target (alias when provisioned). */
export function lambdaArn(ctx: TfContext, fn: Fn): Raw {
  return raw(`${lambdaAlias(ctx, fn) ?? `aws_lambda_function.${ctx.n(fn.id)}`}.arn`);
}

/** Invoke ARN for API Gateway and AppSync integrations (alias when provisioned). */
export function lambdaInvokeArn(ctx: TfContext, fn: Fn): Raw {
  return raw(`${lambdaAlias(ctx, fn) ?? `aws_lambda_function.${ctx.n(fn.id)}`}.invoke_arn`);
}

/** The variables every configuration with functions declares. */
function artifactsDir(ctx: TfContext): Raw {
  ctx.note('Build each function into `<artifacts_dir>/<component id>.zip` before `terraform plan` (the CI workflow does this); `filebase64sha256` redeploys a function when its package changes.');
  return ctx.variable({
    name: 'artifacts_dir',
    type: 'string',
    description: 'Folder holding one deployment package per function, named <component id>.zip.',
    default: 'build',
  });
}

export const lambda: Emitter<'lambda'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const name = ctx.awsName([c.id], { max: 64 });
    const tags = ctx.tags(c);
    const logs = logGroup(ctx, file, c.id, tpl`/aws/lambda/${name}`, tags);
    const inVpc = ctx.inVpc(c);
    const tracing = cfg.tracing && ctx.a.observability.tracing;
    if (inVpc) securityGroup(ctx, c, `Function ${c.id}`, 'all');

    const baseline: Statement[] = [{ sid: 'WriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [tpl`${raw(`${logs}.arn`)}:*`] }];
    if (tracing) baseline.push({ sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] });
    if (inVpc) {
      // Lambda's documented VPC permissions; ENI actions do not support resource-level scoping.
      baseline.push({
        sid: 'VpcNetworkInterfaces',
        actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
        resources: ['*'],
      });
    }
    const role = ctx.role(c, { assumedBy: ['lambda.amazonaws.com'], baseline, description: `Execution role of function ${c.id}` });
    const dir = artifactsDir(ctx);
    const pkg = tpl`${dir}/${c.id}.zip`;

    // Only names, endpoints and ARNs live here (secrets stay in Secrets Manager), so Lambda's own key encrypts them.
    const env: Record<string, Value> = { ...cfg.environment, ...envFor(ctx, c, (t) => ctx.envOf(t, c)) };
    const dependsOn = [raw(logs), raw(`aws_iam_role_policy.${ctx.n(c.id, 'baseline')}`)];
    ctx.resource(file, 'aws_lambda_function', n, {
      function_name: name,
      description: c.description ?? c.name,
      role,
      runtime: cfg.runtime,
      handler: cfg.handler,
      architectures: [cfg.architecture],
      memory_size: cfg.memoryMb,
      timeout: cfg.timeoutSeconds,
      filename: pkg,
      source_code_hash: raw(`filebase64sha256(${pkg.text})`),
      reserved_concurrent_executions: cfg.reservedConcurrency,
      publish: cfg.provisionedConcurrency > 0 ? true : undefined,
      ephemeral_storage: blk('ephemeral_storage', { size: cfg.ephemeralStorageMb }),
      environment: Object.keys(env).length ? blk('environment', { variables: obj(env) }) : undefined,
      tracing_config: blk('tracing_config', { mode: tracing ? 'Active' : 'PassThrough' }),
      vpc_config: inVpc ? blk('vpc_config', { subnet_ids: ctx.subnets('compute'), security_group_ids: [raw(`${ctx.sg(c.id)}.id`)] }) : undefined,
      logging_config: blk('logging_config', { log_format: 'JSON', log_group: raw(`${logs}.name`) }),
      tags,
      depends_on: dependsOn,
    });

    if (cfg.provisionedConcurrency > 0) {
      const alias = ctx.n(c.id, 'live');
      ctx.resource(file, 'aws_lambda_alias', alias, {
        name: 'live',
        function_name: raw(`aws_lambda_function.${n}.function_name`),
        function_version: raw(`aws_lambda_function.${n}.version`),
      });
      ctx.resource(file, 'aws_lambda_provisioned_concurrency_config', n, {
        function_name: raw(`aws_lambda_alias.${alias}.function_name`),
        qualifier: raw(`aws_lambda_alias.${alias}.name`),
        provisioned_concurrent_executions: cfg.provisionedConcurrency,
      });
    }
    const target = lambdaArn(ctx, c);

    // Pollers: queues and streams that trigger this function.
    for (const { from } of ctx.in(c.id, 'trigger')) {
      if (from.service !== 'sqs' && from.service !== 'kinesis-streams' && from.service !== 'dynamodb') continue;
      const isStream = from.service !== 'sqs';
      const source = from.service === 'sqs' ? raw(`aws_sqs_queue.${ctx.n(from.id)}.arn`) : from.service === 'kinesis-streams' ? raw(`aws_kinesis_stream.${ctx.n(from.id)}.arn`) : raw(`aws_dynamodb_table.${ctx.n(from.id)}.stream_arn`);
      const fifo = from.service === 'sqs' && from.config.fifo;
      ctx.resource(
        file,
        'aws_lambda_event_source_mapping',
        ctx.n(c.id, 'from', from.id),
        {
          event_source_arn: source,
          function_name: target,
          batch_size: isStream ? 100 : 10,
          maximum_batching_window_in_seconds: fifo ? undefined : isStream ? 1 : 5,
          function_response_types: ['ReportBatchItemFailures'],
          starting_position: isStream ? 'LATEST' : undefined,
          bisect_batch_on_function_error: isStream ? true : undefined,
          maximum_retry_attempts: isStream ? 5 : undefined,
          // Failed stream records go nowhere by default; the retry cap keeps a poison record from blocking the shard for a day.
          depends_on: hasGrantPolicy(ctx, c.id) ? [raw(`aws_iam_role_policy.${ctx.n(c.id, 'grants')}`)] : undefined,
        },
        [`${from.id} triggers ${c.id}`],
      );
      if (isStream) {
        alarmAndWidget(ctx, c.id, `iterator-age-${from.id}`, `${c.id} is falling behind ${from.id} (records older than a minute)`, 'AWS/Lambda', 'IteratorAge', { FunctionName: raw(`aws_lambda_function.${n}.function_name`) }, 'Maximum', 'GreaterThanThreshold', 60000, { evaluationPeriods: 3 });
      }
    }

    if (cfg.schedule) {
      const rule = ctx.n(c.id, 'schedule');
      ctx.resource(file, 'aws_cloudwatch_event_rule', rule, {
        name: ctx.awsName([c.id, 'schedule'], { max: 64 }),
        description: `Runs ${c.id} on ${cfg.schedule}`,
        schedule_expression: cfg.schedule,
        tags,
      });
      ctx.resource(file, 'aws_cloudwatch_event_target', rule, {
        rule: raw(`aws_cloudwatch_event_rule.${rule}.name`),
        arn: target,
        retry_policy: blk('retry_policy', { maximum_retry_attempts: 2, maximum_event_age_in_seconds: 3600 }),
      });
      ctx.resource(file, 'aws_lambda_permission', ctx.n(c.id, 'allow', 'schedule'), {
        statement_id: 'AllowSchedule',
        action: 'lambda:InvokeFunction',
        function_name: raw(`aws_lambda_function.${n}.function_name`),
        qualifier: lambdaAlias(ctx, c) ? raw(`${lambdaAlias(ctx, c)}.name`) : undefined,
        principal: 'events.amazonaws.com',
        source_arn: raw(`aws_cloudwatch_event_rule.${rule}.arn`),
      });
    }

    const dims = { FunctionName: raw(`aws_lambda_function.${n}.function_name`) };
    alarmAndWidget(ctx, c.id, 'errors', `${c.id} returned errors`, 'AWS/Lambda', 'Errors', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'throttles', `${c.id} was throttled`, 'AWS/Lambda', 'Throttles', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'duration', `${c.id} p99 duration is above 80 % of its ${cfg.timeoutSeconds} s timeout`, 'AWS/Lambda', 'Duration', dims, 'p99', 'GreaterThanThreshold', Math.round(cfg.timeoutSeconds * 800), { evaluationPeriods: 3 });
    ctx.output({ name: `${ctx.n(c.id)}_function_name`, value: raw(`aws_lambda_function.${n}.function_name`), description: `Name of function ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return lambdaAlias(ctx, c) ? [raw(`aws_lambda_function.${ctx.n(c.id)}.arn`), lambdaArn(ctx, c)] : [lambdaArn(ctx, c)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('lambda', part);
  },
  env(c, ctx) {
    return [['FUNCTION_NAME', ctx.awsName([c.id], { max: 64 })]];
  },
};
