import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Endpoint = ComponentOfService<'sagemaker-endpoint'>;

/**
 * A model, endpoint configuration and endpoint (serverless or real-time with auto scaling on invocations per
 * instance), an ECR repository for the inference image unless one is given, and alarms on errors and latency.
 */
export const sagemakerEndpoint = emitter('sagemaker-endpoint', {
  emit(c: Endpoint, ctx: Target) {
    const cfg = c.config;
    let image: Prop;
    let repo: string | undefined;
    if (cfg.modelImage) image = cfg.modelImage;
    else {
      repo = ctx.resource(c, ctx.id(c, 'Repository'), 'AWS::ECR::Repository', {
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
        EncryptionConfiguration: ctx.cmk ? { EncryptionType: 'KMS', KmsKey: ctx.keyArn() } : { EncryptionType: 'AES256' },
      }, { removal: 'retain' });
      image = ctx.sub(`\${${repo}.RepositoryUri}:\${ImageTag}`);
      ctx.needImageTag();
    }
    const { role, policy } = ctx.role(c, ctx.id(c, 'ExecutionRole'), {
      services: ['sagemaker.amazonaws.com'],
      description: `Execution role of endpoint ${c.id}`,
      statements: [
        { Sid: 'AuthenticateToEcr', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*', why: 'ecr:GetAuthorizationToken is account-wide and supports no resource-level permissions' },
        ...(repo ? [{ Sid: 'PullImage', Effect: 'Allow' as const, Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: ctx.att(repo, 'Arn') }] : []),
        { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/Endpoints/*'), why: 'SageMaker names the endpoint log group and its streams per endpoint and variant under /aws/sagemaker/Endpoints/' },
        { Sid: 'PublishMetrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } }, why: 'CloudWatch PutMetricData supports no resource-level permissions; it is limited to the SageMaker namespaces' },
        ...(ctx.cmk && repo ? [{ Sid: 'DecryptImage', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: ctx.keyArn()! }] : []),
      ],
      grants: true,
    });
    const model = ctx.resource(c, ctx.id(c, 'Model'), 'AWS::SageMaker::Model', {
      ExecutionRoleArn: ctx.att(role, 'Arn'),
      PrimaryContainer: { Image: image },
      EnableNetworkIsolation: true,
    }, { dependsOn: policy ? [policy] : [] });
    const serverless = cfg.mode === 'serverless';
    const config = ctx.resource(c, ctx.id(c, 'EndpointConfig'), 'AWS::SageMaker::EndpointConfig', {
      KmsKeyId: serverless ? undefined : ctx.keyArn(),
      ProductionVariants: [
        serverless
          ? { VariantName: 'AllTraffic', ModelName: ctx.att(model, 'ModelName'), ServerlessConfig: { MemorySizeInMB: Number(cfg.serverlessMemoryMb), MaxConcurrency: cfg.serverlessMaxConcurrency } }
          : { VariantName: 'AllTraffic', ModelName: ctx.att(model, 'ModelName'), InitialInstanceCount: cfg.instanceCount, InstanceType: cfg.instanceType, InitialVariantWeight: 1 },
      ],
    });
    if (serverless || !ctx.cmk) ctx.ack(config, serverless ? 'Serverless endpoints have no instance storage volume to encrypt with a customer key' : 'The design uses AWS managed keys (security.encryptionKeys: aws-managed)', 'HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured', 'PCI.DSS.321-SageMakerEndpointConfigurationKMSKeyConfigured');
    const endpoint = ctx.resource(c, ctx.id(c, 'Endpoint'), 'AWS::SageMaker::Endpoint', { EndpointConfigName: ctx.att(config, 'EndpointConfigName') });
    if (!serverless) {
      const target = ctx.resource(c, ctx.id(c, 'ScalableTarget'), 'AWS::ApplicationAutoScaling::ScalableTarget', {
        ServiceNamespace: 'sagemaker',
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        ResourceId: ctx.sub(`endpoint/\${${endpoint}.EndpointName}/variant/AllTraffic`),
        MinCapacity: cfg.instanceCount,
        MaxCapacity: cfg.instanceCount * 4,
      });
      ctx.resource(c, ctx.id(c, 'InvocationScaling'), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyName: ctx.sub(`\${${endpoint}.EndpointName}-invocations`),
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ctx.ref(target),
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 100, PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }, ScaleInCooldown: 300, ScaleOutCooldown: 60 },
      });
    }
    const dims = { EndpointName: `\${${endpoint}.EndpointName}`, VariantName: 'AllTraffic' };
    ctx.alarm(c, ctx.id(c, 'ErrorsAlarm'), { description: `${c.id}: model returned server errors`, namespace: 'AWS/SageMaker', metric: 'Invocation5XXErrors', dimensions: dims, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    ctx.alarm(c, ctx.id(c, 'LatencyAlarm'), { description: `${c.id}: p99 model latency above 2 s`, namespace: 'AWS/SageMaker', metric: 'ModelLatency', dimensions: dims, extendedStatistic: 'p99', threshold: 2_000_000, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'Endpoint'));
    if (part === 'role') return ctx.att(ctx.id(c, 'ExecutionRole'), 'Arn');
    return noPart('sagemaker-endpoint', part);
  },
  attr(c, name, ctx) {
    return name === 'name' ? ctx.att(ctx.id(c, 'Endpoint'), 'EndpointName') : undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_ENDPOINT_NAME`]: ctx.att(ctx.id(c, 'Endpoint'), 'EndpointName') };
  },
});
