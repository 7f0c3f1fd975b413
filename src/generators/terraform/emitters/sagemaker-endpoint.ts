import { alarmAndWidget, arn } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';

export const sagemakerEndpoint: Emitter<'sagemaker-endpoint'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 63 });
    const role = ctx.role(c, {
      assumedBy: ['sagemaker.amazonaws.com'],
      description: `Execution role of SageMaker endpoint ${c.id}`,
      baseline: [
        // Inference images often live in AWS's own registries, so pulls cannot be pinned to one repository.
        { sid: 'PullImage', actions: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: ['*'] },
        {
          sid: 'WriteLogs',
          actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [arn('logs', tpl`log-group:/aws/sagemaker/Endpoints/${name}*`)],
        },
        { sid: 'PublishMetrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: [{ test: 'StringLike', variable: 'cloudwatch:namespace', values: ['/aws/sagemaker/*'] }] },
      ],
    });
    const image = cfg.modelImage ?? ctx.variable({ name: `${n}_image`, type: 'string', description: `Inference container image URI of ${c.id}.` });
    ctx.resource(file, 'aws_sagemaker_model', n, {
      name,
      execution_role_arn: role,
      enable_network_isolation: true,
      primary_container: blk('primary_container', { image, mode: 'SingleModel' }),
      tags,
      depends_on: [raw(`aws_iam_role_policy.${ctx.n(c.id, 'baseline')}`)],
    });
    const serverless = cfg.mode === 'serverless';
    ctx.resource(file, 'aws_sagemaker_endpoint_configuration', n, {
      name_prefix: `${c.id.slice(0, 20)}-`,
      production_variants: blk('production_variants', {
        variant_name: 'AllTraffic',
        model_name: raw(`aws_sagemaker_model.${n}.name`),
        initial_instance_count: serverless ? undefined : cfg.instanceCount,
        instance_type: serverless ? undefined : cfg.instanceType,
        serverless_config: serverless ? blk('serverless_config', { max_concurrency: cfg.serverlessMaxConcurrency, memory_size_in_mb: Number(cfg.serverlessMemoryMb) }) : undefined,
      }),
      tags,
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    });
    ctx.resource(file, 'aws_sagemaker_endpoint', n, { name, endpoint_config_name: raw(`aws_sagemaker_endpoint_configuration.${n}.name`), tags });
    if (!serverless) {
      const perInstance = ctx.variable({
        name: `${n}_invocations_per_instance`,
        type: 'number',
        description: `Target invocations per instance per minute for ${c.id} auto scaling; measure the model and adjust.`,
        default: 100,
      });
      const target = ctx.n(c.id, 'scaling');
      ctx.resource(file, 'aws_appautoscaling_target', target, {
        service_namespace: 'sagemaker',
        resource_id: tpl`endpoint/${raw(`aws_sagemaker_endpoint.${n}.name`)}/variant/AllTraffic`,
        scalable_dimension: 'sagemaker:variant:DesiredInstanceCount',
        min_capacity: cfg.instanceCount,
        max_capacity: cfg.instanceCount * 3,
      });
      ctx.resource(file, 'aws_appautoscaling_policy', target, {
        name: 'invocations-per-instance',
        policy_type: 'TargetTrackingScaling',
        service_namespace: raw(`aws_appautoscaling_target.${target}.service_namespace`),
        resource_id: raw(`aws_appautoscaling_target.${target}.resource_id`),
        scalable_dimension: raw(`aws_appautoscaling_target.${target}.scalable_dimension`),
        target_tracking_scaling_policy_configuration: blk('target_tracking_scaling_policy_configuration', {
          target_value: perInstance,
          predefined_metric_specification: blk('predefined_metric_specification', { predefined_metric_type: 'SageMakerVariantInvocationsPerInstance' }),
        }),
      });
    }
    const dims = { EndpointName: raw(`aws_sagemaker_endpoint.${n}.name`), VariantName: 'AllTraffic' };
    alarmAndWidget(ctx, c.id, 'errors', `${c.id} returned server errors`, 'AWS/SageMaker', 'Invocation5XXErrors', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'latency', `${c.id} p99 model latency above 1 s`, 'AWS/SageMaker', 'ModelLatency', dims, 'p99', 'GreaterThanThreshold', 1000000, { evaluationPeriods: 3 });
    ctx.output({ name: `${n}_endpoint_name`, value: raw(`aws_sagemaker_endpoint.${n}.name`), description: `SageMaker endpoint ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_sagemaker_endpoint.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('sagemaker-endpoint', part);
  },
  env(c, ctx) {
    return [['ENDPOINT_NAME', ctx.awsName([c.id], { max: 63 })]];
  },
};
