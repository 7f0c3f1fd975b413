import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop, Stmt } from '../values.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Service = ComponentOfService<'ecs-fargate'>;

/** Load balancers that route to a service, with the target group each one created for it. */
export function routedBy(ctx: Target, c: Component): Array<{ lb: Component; targetGroup: string; listeners: string[] }> {
  return ctx.sources(c, ['route'], ['alb', 'nlb']).map((lb) => ({
    lb,
    targetGroup: ctx.id(lb, `${ctx.prefixes.get(c.id)}TargetGroup`),
    listeners: lbListeners(ctx, lb),
  }));
}

/** Listener ids of a load balancer (the service must wait for them before it registers targets). */
export function lbListeners(ctx: Target, lb: Component): string[] {
  if (lb.service !== 'alb' && lb.service !== 'nlb') return [];
  const https = lb.config.https && ctx.a.components.some((x) => x.service === 'acm');
  return https ? [ctx.id(lb, 'HttpsListener'), ...(lb.service === 'alb' ? [ctx.id(lb, 'HttpListener')] : [])] : [ctx.id(lb, lb.service === 'alb' ? 'HttpListener' : 'TcpListener')];
}

const ECR_TOKEN_WHY = 'ecr:GetAuthorizationToken is account-wide and supports no resource-level permissions';

/**
 * A Fargate service (behind its load balancers, or a queue worker) or a scheduled task: cluster with Container
 * Insights, ECR repository when no image is given, task and execution roles, awslogs logging, secrets injected
 * from Secrets Manager, circuit-breaker rollbacks and CPU target-tracking auto scaling.
 */
export const ecsFargate = emitter('ecs-fargate', {
  emit(c: Service, ctx: Target) {
    const cfg = c.config;
    const cluster = ctx.resource(c, ctx.id(c, 'Cluster'), 'AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }] });
    let image: Prop;
    let repo: string | undefined;
    if (cfg.image) image = cfg.image;
    else {
      repo = ctx.resource(c, ctx.id(c, 'Repository'), 'AWS::ECR::Repository', {
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
        EncryptionConfiguration: ctx.cmk ? { EncryptionType: 'KMS', KmsKey: ctx.keyArn() } : { EncryptionType: 'AES256' },
        LifecyclePolicy: { LifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, description: 'Keep the last 30 images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }] }) },
      }, { removal: 'retain' });
      image = ctx.sub(`\${${repo}.RepositoryUri}:\${ImageTag}`);
      ctx.needImageTag();
    }
    const logGroup = ctx.logGroup(c, ctx.id(c, 'LogGroup'));
    const secrets = ctx.targets(c, ['read', 'read-write', 'write', 'invoke']).filter((t) => t.service === 'secrets-manager' || t.service === 'aurora' || t.service === 'rds' || t.service === 'documentdb');
    const secretRefs = secrets.map((t) => ({ name: `${envKey(t.id)}_SECRET`, arn: ctx.refOf({ component: t.id, part: t.service === 'secrets-manager' ? 'arn' : 'db-secret' }) }));
    const execStatements: Stmt[] = [
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(logGroup, 'Arn') },
      { Sid: 'AuthenticateToEcr', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*', why: ECR_TOKEN_WHY },
    ];
    if (repo) execStatements.push({ Sid: 'PullImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: ctx.att(repo, 'Arn') });
    if (secretRefs.length) execStatements.push({ Sid: 'InjectSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretRefs.length === 1 ? secretRefs[0]!.arn : secretRefs.map((s) => s.arn) });
    if (ctx.cmk && (secretRefs.length || repo)) execStatements.push({ Sid: 'DecryptSecrets', Effect: 'Allow', Action: 'kms:Decrypt', Resource: ctx.keyArn()! });
    const exec = ctx.role(c, ctx.id(c, 'ExecutionRole'), { services: ['ecs-tasks.amazonaws.com'], description: `Pulls the image, writes logs and reads secrets for ${c.id}`, statements: execStatements });
    const task = ctx.role(c, ctx.id(c, 'TaskRole'), {
      services: ['ecs-tasks.amazonaws.com'],
      description: `Role the ${c.id} containers run as`,
      assumeCondition: { ArnLike: { 'aws:SourceArn': ctx.sub('arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*') } },
      grants: true,
    });
    const env = ctx.connectionEnv(c);
    const service = cfg.mode !== 'scheduled-task';
    const taskDef = ctx.resource(c, ctx.id(c, 'TaskDefinition'), 'AWS::ECS::TaskDefinition', {
      Family: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      Cpu: cfg.cpu,
      Memory: String(cfg.memoryMb),
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: cfg.architecture === 'arm64' ? 'ARM64' : 'X86_64', OperatingSystemFamily: 'LINUX' },
      ExecutionRoleArn: ctx.att(exec.role, 'Arn'),
      TaskRoleArn: ctx.att(task.role, 'Arn'),
      ContainerDefinitions: [
        {
          Name: c.id,
          Image: image,
          Essential: true,
          ReadonlyRootFilesystem: true,
          PortMappings: service && cfg.mode === 'service' ? [{ ContainerPort: cfg.containerPort, Protocol: 'tcp' }] : undefined,
          Environment: Object.keys(env).length ? Object.entries(env).map(([Name, Value]) => ({ Name, Value })) : undefined,
          Secrets: secretRefs.length ? secretRefs.map((s) => ({ Name: s.name, ValueFrom: s.arn })) : undefined,
          LogConfiguration: { LogDriver: 'awslogs', Options: ctx.mapOf({ 'awslogs-group': ctx.ref(logGroup), 'awslogs-region': ctx.aws.region, 'awslogs-stream-prefix': c.id }) },
          LinuxParameters: { InitProcessEnabled: true },
        },
      ],
    });
    if (Object.keys(env).length) ctx.ack(taskDef, 'Environment holds only resource names and endpoints of the design; secrets are injected from Secrets Manager through Secrets', 'AwsSolutions-ECS2');
    const sg = ctx.securityGroup(c, `Service ${c.id}: traffic from its load balancers only`);

    if (!service) {
      if (!cfg.schedule) {
        ctx.warn(`components.${c.id}.config.schedule`, `scheduled task ${c.id} has no schedule; it runs only when started by another component`);
      } else {
        const { role } = ctx.role(c, ctx.id(c, 'ScheduleRole'), {
          services: ['scheduler.amazonaws.com'],
          description: `Lets EventBridge Scheduler run ${c.id}`,
          assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
          statements: [
            { Sid: 'RunTask', Effect: 'Allow', Action: 'ecs:RunTask', Resource: ctx.ref(taskDef), Condition: { ArnEquals: { 'ecs:cluster': ctx.att(cluster, 'Arn') } } },
            { Sid: 'PassTaskRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: [ctx.att(exec.role, 'Arn'), ctx.att(task.role, 'Arn')] },
          ],
        });
        ctx.resource(c, ctx.id(c, 'Schedule'), 'AWS::Scheduler::Schedule', {
          Description: `Runs ${c.id} on ${cfg.schedule}`,
          ScheduleExpression: cfg.schedule,
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: {
            Arn: ctx.att(cluster, 'Arn'),
            RoleArn: ctx.att(role, 'Arn'),
            EcsParameters: { TaskDefinitionArn: ctx.ref(taskDef), LaunchType: 'FARGATE', TaskCount: 1, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ctx.computeSubnets(), SecurityGroups: [ctx.ref(sg)], AssignPublicIp: 'DISABLED' } } },
            RetryPolicy: { MaximumRetryAttempts: 2 },
          },
        });
      }
      return;
    }

    if (cfg.spot) {
      ctx.resource(c, ctx.id(c, 'CapacityProviders'), 'AWS::ECS::ClusterCapacityProviderAssociations', {
        Cluster: ctx.ref(cluster),
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      });
    }
    const routes = cfg.mode === 'service' ? routedBy(ctx, c) : [];
    const svc = ctx.resource(
      c,
      ctx.id(c, 'Service'),
      'AWS::ECS::Service',
      {
        Cluster: ctx.ref(cluster),
        TaskDefinition: ctx.ref(taskDef),
        DesiredCount: cfg.desiredCount,
        LaunchType: cfg.spot ? undefined : 'FARGATE',
        CapacityProviderStrategy: cfg.spot ? [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] : undefined,
        PlatformVersion: 'LATEST',
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ctx.computeSubnets(), SecurityGroups: [ctx.ref(sg)], AssignPublicIp: 'DISABLED' } },
        LoadBalancers: routes.length ? routes.map((r) => ({ ContainerName: c.id, ContainerPort: cfg.containerPort, TargetGroupArn: ctx.ref(r.targetGroup) })) : undefined,
        HealthCheckGracePeriodSeconds: routes.length ? 60 : undefined,
        DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 },
        EnableECSManagedTags: true,
        PropagateTags: 'SERVICE',
        EnableExecuteCommand: false,
      },
      { dependsOn: [...routes.flatMap((r) => r.listeners), ...(cfg.spot ? [ctx.id(c, 'CapacityProviders')] : [])] },
    );
    const target = ctx.resource(c, ctx.id(c, 'ScalableTarget'), 'AWS::ApplicationAutoScaling::ScalableTarget', {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: ctx.sub(`service/\${${cluster}}/\${${svc}.Name}`),
      MinCapacity: cfg.minCount,
      MaxCapacity: cfg.maxCount,
    });
    ctx.resource(c, ctx.id(c, 'CpuScaling'), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: ctx.sub(`\${${svc}.Name}-cpu`),
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ctx.ref(target),
      TargetTrackingScalingPolicyConfiguration: { TargetValue: cfg.targetCpuPercent, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 300, ScaleOutCooldown: 60 },
    });
    const dims = { ClusterName: `\${${cluster}}`, ServiceName: `\${${svc}.Name}` };
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 90% even after scaling out`, namespace: 'AWS/ECS', metric: 'CPUUtilization', dimensions: dims, statistic: 'Average', threshold: 90, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 3 });
    ctx.alarm(c, ctx.id(c, 'MemoryAlarm'), { description: `${c.id}: memory above 90%`, namespace: 'AWS/ECS', metric: 'MemoryUtilization', dimensions: dims, statistic: 'Average', threshold: 90, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 3 });
    if (repo) ctx.output(`${ctx.prefixes.get(c.id)}RepositoryUri`, ctx.att(repo, 'RepositoryUri'), `Push ${c.id} images here (tag = ImageTag parameter)`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'TaskDefinition'));
    if (part === 'role') return [ctx.att(ctx.id(c, 'TaskRole'), 'Arn'), ctx.att(ctx.id(c, 'ExecutionRole'), 'Arn')];
    return noPart('ecs-fargate', part);
  },
  attr(c, name, ctx) {
    if (name === 'clusterArn') return ctx.att(ctx.id(c, 'Cluster'), 'Arn');
    return undefined;
  },
  env() {
    return {};
  },
});
