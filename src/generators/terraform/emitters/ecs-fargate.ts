import type { Component, ComponentOfService } from '../../../model/components.js';
import { alarmAndWidget, arn, envFor, logGroup, policyDocument, schedule, securityGroup } from '../common.js';
import type { TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { lbSources } from './load-balancers.js';
import { Block, blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Body, Raw, Value } from '../hcl.js';

type Service = ComponentOfService<'ecs-fargate'>;

/** The shared ECS cluster's ARN; asks main.tf to declare it. */
export function ecsCluster(ctx: TfContext): Raw {
  ctx.shared.add('ecs-cluster');
  return raw('aws_ecs_cluster.main.arn');
}

/** awsvpc network settings of a task: private subnets, its own security group, no public IP. */
export function ecsNetwork(ctx: TfContext, c: Component): Body {
  return { subnets: ctx.subnets('compute'), security_groups: [raw(`${ctx.sg(c.id)}.id`)], assign_public_ip: false };
}

/** The shared cluster, written to main.tf when any Fargate component exists. */
export function renderEcsCluster(ctx: TfContext): void {
  if (!ctx.shared.has('ecs-cluster')) return;
  const key = ctx.kms();
  ctx.resource('main.tf', 'aws_ecs_cluster', 'main', {
    name: ctx.awsName([], { max: 255 }),
    setting: blk('setting', { name: 'containerInsights', value: 'enhanced' }),
    configuration: key
      ? blk('configuration', { execute_command_configuration: blk('execute_command_configuration', { kms_key_id: key, logging: 'DEFAULT' }) })
      : undefined,
    tags: ctx.tags('compute'),
  });
  ctx.resource('main.tf', 'aws_ecs_cluster_capacity_providers', 'main', {
    cluster_name: raw('aws_ecs_cluster.main.name'),
    capacity_providers: ['FARGATE', 'FARGATE_SPOT'],
    default_capacity_provider_strategy: blk('default_capacity_provider_strategy', { capacity_provider: 'FARGATE', weight: 1 }),
  });
}

/** Target group a load balancer forwards to this service with, if any routes to it. */
function loadBalancers(ctx: TfContext, c: Service): Block[] {
  return lbSources(ctx, c.id).map((lb) => blk('load_balancer', { target_group_arn: raw(`aws_lb_target_group.${ctx.n(lb.id, 'tg', c.id)}.arn`), container_name: 'app', container_port: c.config.containerPort }));
}

function repository(ctx: TfContext, c: Service): Raw {
  const file = ctx.fileOf(c.id);
  const n = ctx.n(c.id);
  const key = ctx.kms();
  ctx.resource(file, 'aws_ecr_repository', n, {
    name: ctx.awsName([c.id], { max: 256, sep: '/' }),
    // Release tags cannot be overwritten; only the moving `latest` tag can.
    image_tag_mutability: 'IMMUTABLE_WITH_EXCLUSION',
    image_tag_mutability_exclusion_filter: blk('image_tag_mutability_exclusion_filter', { filter: 'latest', filter_type: 'WILDCARD' }),
    force_delete: false,
    image_scanning_configuration: blk('image_scanning_configuration', { scan_on_push: true }),
    encryption_configuration: blk('encryption_configuration', key ? { encryption_type: 'KMS', kms_key: key } : { encryption_type: 'AES256' }),
    tags: ctx.tags(c),
  });
  ctx.resource(file, 'aws_ecr_lifecycle_policy', n, {
    repository: raw(`aws_ecr_repository.${n}.name`),
    policy: jsonencode(
      obj({
        rules: [obj({ rulePriority: 1, description: 'Keep the last 30 images', selection: obj({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }), action: obj({ type: 'expire' }) })],
      }),
    ),
  });
  const tag = ctx.variable({
    name: 'image_tag',
    type: 'string',
    description: 'Tag of the container images to deploy; pass the commit SHA (TF_VAR_image_tag) so each release is immutable and redeploys.',
    default: 'latest',
    validations: [{ condition: 'length(var.image_tag) > 0', message: 'image_tag must not be empty.' }],
  });
  ctx.note(`Push the image of ${c.id} to its ECR repository (output \`${n}_repository_url\`) with the tag you pass as \`image_tag\`; on the very first apply create the repository first with \`terraform apply -target=aws_ecr_repository.${n}\`.`);
  ctx.output({ name: `${n}_repository_url`, value: raw(`aws_ecr_repository.${n}.repository_url`), description: `ECR repository of ${c.id}` });
  return tpl`${raw(`aws_ecr_repository.${n}.repository_url`)}:${tag}`;
}

export const ecsFargate: Emitter<'ecs-fargate'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 255 });
    const cluster = ecsCluster(ctx);
    securityGroup(ctx, c, `Tasks of ${c.id}`, 'all');
    const logs = logGroup(ctx, file, c.id, tpl`/ecs/${name}`, tags);
    const image: Value = cfg.image ?? repository(ctx, c);

    // The execution role is ECS's own (pull the image, ship logs); the task role carries the connection grants.
    const exec = ctx.n(c.id, 'execution');
    const execAssume = policyDocument(ctx, file, ctx.n(c.id, 'execution', 'assume'), [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] } }]);
    ctx.resource(file, 'aws_iam_role', exec, { name: ctx.awsName([c.id, 'execution'], { max: 64 }), description: `ECS execution role of ${c.id}`, assume_role_policy: execAssume, tags });
    const execDoc = policyDocument(ctx, file, exec, [
      { sid: 'EcrAuth', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
      { sid: 'PullImage', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [cfg.image ? '*' : raw(`aws_ecr_repository.${n}.arn`)] },
      { sid: 'WriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [tpl`${raw(`${logs}.arn`)}:*`] },
      ...(ctx.cmk && !cfg.image ? [{ sid: 'DecryptImage', actions: ['kms:Decrypt'], resources: [raw('aws_kms_key.main.arn')] }] : []),
    ]);
    ctx.resource(file, 'aws_iam_role_policy', exec, { name: 'execution', role: raw(`aws_iam_role.${exec}.id`), policy: execDoc });
    const taskRole = ctx.role(c, { assumedBy: ['ecs-tasks.amazonaws.com'], description: `Task role of ${c.id}` });

    const env = envFor(ctx, c, (t) => ctx.envOf(t, c));
    const container = obj({
      name: 'app',
      image,
      essential: true,
      portMappings: cfg.mode === 'service' ? [obj({ containerPort: cfg.containerPort, protocol: 'tcp' })] : undefined,
      environment: Object.keys(env).length ? Object.entries(env).map(([k, v]) => obj({ name: k, value: v })) : undefined,
      logConfiguration: obj({
        logDriver: 'awslogs',
        options: obj({ 'awslogs-group': raw(`${logs}.name`), 'awslogs-region': raw('var.region'), 'awslogs-stream-prefix': 'app' }),
      }),
    });
    ctx.resource(file, 'aws_ecs_task_definition', n, {
      family: name,
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: cfg.cpu,
      memory: String(cfg.memoryMb),
      execution_role_arn: raw(`aws_iam_role.${exec}.arn`),
      task_role_arn: taskRole,
      runtime_platform: blk('runtime_platform', { operating_system_family: 'LINUX', cpu_architecture: cfg.architecture === 'arm64' ? 'ARM64' : 'X86_64' }),
      container_definitions: jsonencode([container]),
      tags,
    });

    const capacity = blk('capacity_provider_strategy', { capacity_provider: cfg.spot ? 'FARGATE_SPOT' : 'FARGATE', weight: 1 });
    if (cfg.mode === 'scheduled-task') {
      if (cfg.schedule) {
        schedule(
          ctx,
          c,
          cfg.schedule,
          {
            arn: cluster,
            ecs: blk('ecs_parameters', {
              task_definition_arn: raw(`aws_ecs_task_definition.${n}.arn_without_revision`),
              launch_type: 'FARGATE',
              task_count: 1,
              network_configuration: blk('network_configuration', ecsNetwork(ctx, c)),
            }),
          },
          [
            { sid: 'RunTask', actions: ['ecs:RunTask'], resources: [tpl`${raw(`aws_ecs_task_definition.${n}.arn_without_revision`)}:*`] },
            { sid: 'PassTaskRoles', actions: ['iam:PassRole'], resources: [taskRole, raw(`aws_iam_role.${exec}.arn`)] },
          ],
        );
      }
    } else {
      const lbs = loadBalancers(ctx, c);
      const listeners = lbSources(ctx, c.id).map((lb) => raw(`aws_lb_listener.${ctx.n(lb.id, 'main')}`));
      ctx.resource(file, 'aws_ecs_service', n, {
        name,
        cluster,
        task_definition: raw(`aws_ecs_task_definition.${n}.arn`),
        desired_count: cfg.desiredCount,
        capacity_provider_strategy: capacity,
        enable_ecs_managed_tags: true,
        propagate_tags: 'SERVICE',
        deployment_minimum_healthy_percent: 100,
        deployment_maximum_percent: 200,
        health_check_grace_period_seconds: lbs.length ? 60 : undefined,
        deployment_circuit_breaker: blk('deployment_circuit_breaker', { enable: true, rollback: true }),
        network_configuration: blk('network_configuration', ecsNetwork(ctx, c)),
        load_balancer: lbs.length ? lbs : undefined,
        tags,
        lifecycle: blk('lifecycle', { ignore_changes: [raw('desired_count')] }),
        depends_on: listeners.length ? listeners : undefined,
      });
      const target = ctx.n(c.id, 'scaling');
      ctx.resource(file, 'aws_appautoscaling_target', target, {
        service_namespace: 'ecs',
        resource_id: tpl`service/${raw('aws_ecs_cluster.main.name')}/${raw(`aws_ecs_service.${n}.name`)}`,
        scalable_dimension: 'ecs:service:DesiredCount',
        min_capacity: cfg.minCount,
        max_capacity: cfg.maxCount,
      });
      ctx.resource(file, 'aws_appautoscaling_policy', ctx.n(c.id, 'cpu'), {
        name: 'cpu-target',
        policy_type: 'TargetTrackingScaling',
        service_namespace: raw(`aws_appautoscaling_target.${target}.service_namespace`),
        resource_id: raw(`aws_appautoscaling_target.${target}.resource_id`),
        scalable_dimension: raw(`aws_appautoscaling_target.${target}.scalable_dimension`),
        target_tracking_scaling_policy_configuration: blk('target_tracking_scaling_policy_configuration', {
          target_value: cfg.targetCpuPercent,
          scale_in_cooldown: 300,
          scale_out_cooldown: 60,
          predefined_metric_specification: blk('predefined_metric_specification', { predefined_metric_type: 'ECSServiceAverageCPUUtilization' }),
        }),
      });
      const dims = { ClusterName: raw('aws_ecs_cluster.main.name'), ServiceName: raw(`aws_ecs_service.${n}.name`) };
      alarmAndWidget(ctx, c.id, 'cpu', `${c.id} CPU stays above 85 % even after scaling`, 'AWS/ECS', 'CPUUtilization', dims, 'Average', 'GreaterThanThreshold', 85, { evaluationPeriods: 3 });
      alarmAndWidget(ctx, c.id, 'memory', `${c.id} memory above 85 %`, 'AWS/ECS', 'MemoryUtilization', dims, 'Average', 'GreaterThanThreshold', 85, { evaluationPeriods: 3 });
      ctx.output({ name: `${n}_service_name`, value: raw(`aws_ecs_service.${n}.name`), description: `ECS service of ${c.id}` });
    }
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'arn') return [tpl`${raw(`aws_ecs_task_definition.${n}.arn_without_revision`)}:*`, arn('ecs', tpl`task/${ctx.awsName([], { max: 255 })}/*`)];
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`), raw(`aws_iam_role.${ctx.n(c.id, 'execution')}.arn`)];
    return noPart('ecs-fargate', part);
  },
  env(c, ctx) {
    return [['TASK_FAMILY', ctx.awsName([c.id], { max: 255 })]];
  },
};
