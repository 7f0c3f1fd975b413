import { defineService } from '../types.js';

export default defineService({
  id: 'ecs-fargate',
  name: 'Amazon ECS on AWS Fargate',
  aliases: ['ecs', 'fargate', 'ecs fargate', 'containers', 'docker', 'container service'],
  layer: 'compute',
  role: 'component',
  summary: 'Containers as services, workers or scheduled tasks without managing servers or clusters: each task gets its own right-sized compute, and services scale on CPU, memory or queue depth.',
  goodFor: ['containerised APIs with steady or high traffic', 'long-running workers and jobs over 15 minutes', 'existing Docker images and any language or runtime', 'WebSockets and long-lived connections behind an ALB'],
  badFor: ['very spiky tiny workloads (tasks run and bill while idle)', 'GPUs (not available on Fargate)', 'sub-second scale-out from zero'],
  limits: [
    { key: 'task-size', what: 'Largest task', value: 16, unit: 'vCPU (120 GB memory)', adjustable: false, impact: 'bigger single processes need EC2 capacity' },
    { key: 'ephemeral-storage', what: 'Ephemeral storage per task', value: 200, unit: 'GB', adjustable: false, impact: 'large scratch data goes to S3 or EFS' },
    { key: 'tasks-per-service', what: 'Tasks per service', value: 5000, unit: 'tasks', adjustable: false, impact: 'rarely binding' },
    { key: 'startup', what: 'Typical task start time', value: 60, unit: 'seconds', adjustable: false, impact: 'scale out ahead of spikes; keep a warm minimum' },
  ],
  scaling: { model: 'target tracking on CPU, memory, request count or queue depth, in tasks', scalesToZero: false, latency: 'no per-request overhead; scale-out takes about a minute', availability: 'tasks spread across the AZs of the service subnets' },
  operations: { burden: 2, notes: ['build and scan images (ECR scanning)', 'no host patching; platform versions update automatically', 'right-size CPU and memory from metrics'] },
  pricing: { model: 'per vCPU-hour and GB-hour while tasks run (Graviton cheaper, Spot up to about 70 % off)', dimensions: ['vCPU-hours', 'GB-hours', 'ephemeral storage above 20 GB'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['AWS Fargate', 'Amazon Elastic Container Service'], pci: ['Amazon Elastic Container Service'], qualifier: ['Fargate', 'ECS'] },
  iac: {
    cloudformation: ['AWS::ECS::Cluster', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::ApplicationAutoScaling::ScalingPolicy'],
    terraform: ['aws_ecs_cluster', 'aws_ecs_task_definition', 'aws_ecs_service', 'aws_appautoscaling_target', 'aws_appautoscaling_policy'],
    cdk: ['aws_ecs.Cluster', 'aws_ecs.FargateTaskDefinition', 'aws_ecs.FargateService', 'aws_ecs_patterns.ApplicationLoadBalancedFargateService'],
  },
  security: [
    { setting: 'Networking', recommendation: 'private subnets, no public IP, security group open only to the load balancer', why: 'tasks are not reachable from the internet' },
    { setting: 'Task role', recommendation: 'separate task role (app permissions) and execution role (pull image, logs)', why: 'least privilege' },
    { setting: 'Root file system', recommendation: 'read-only root file system and non-root user', why: 'limits what an exploit can change' },
    { setting: 'Secrets', recommendation: 'inject from Secrets Manager in the task definition', why: 'no secrets in images or plain environment variables' },
    { setting: 'Image scanning', recommendation: 'ECR enhanced scanning', why: 'known CVEs are caught before deploy' },
  ],
  related: ['alb', 'ecr', 'vpc', 'aurora'],
});
