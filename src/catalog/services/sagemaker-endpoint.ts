import { defineService } from '../types.js';

export default defineService({
  id: 'sagemaker-endpoint',
  name: 'Amazon SageMaker AI (inference endpoints)',
  aliases: ['sagemaker', 'sagemaker endpoint', 'model endpoint', 'inference endpoint', 'ml inference'],
  layer: 'compute',
  role: 'component',
  summary: 'Hosted model inference: real-time endpoints on CPU or GPU instances with auto scaling, or serverless inference that scales to zero for spiky low-volume traffic.',
  goodFor: ['custom or fine-tuned models that need GPUs', 'steady inference traffic with latency targets', 'A/B testing model variants on one endpoint'],
  badFor: ['foundation-model chat and generation (Amazon Bedrock needs no hosting)', 'tiny CPU models at low volume (Lambda is cheaper)', 'GPU inference at zero traffic (real-time endpoints bill while idle)'],
  limits: [
    { key: 'invocation-timeout', what: 'Model processing time per real-time invocation', value: 60, unit: 'seconds', adjustable: false, impact: 'longer inference uses asynchronous inference or batch transform' },
    { key: 'serverless-memory', what: 'Serverless inference memory', value: 6144, unit: 'MB', adjustable: false, impact: 'larger models need real-time instances' },
    { key: 'serverless-payload', what: 'Serverless request and response payload', value: 4, unit: 'MB', adjustable: false, impact: 'large inputs go through S3 and asynchronous inference' },
    { key: 'serverless-concurrency', what: 'Serverless max concurrency per endpoint', value: 200, unit: 'requests', adjustable: false, impact: 'high concurrency needs real-time instances' },
  ],
  scaling: { model: 'instance auto scaling on invocations per instance, or serverless concurrency', scalesToZero: false, latency: 'model-dependent; serverless adds cold starts of seconds', availability: 'two or more instances spread across AZs' },
  operations: { burden: 3, notes: ['model packaging and container images', 'monitoring drift and latency', 'instance right-sizing, especially GPUs'] },
  pricing: { model: 'per instance-hour for real-time endpoints; per GB-second of memory and data processed for serverless', dimensions: ['instance hours', 'serverless GB-seconds', 'data processed'], idleCost: 'high', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon SageMaker AI'], pci: ['Amazon SageMaker AI'], qualifier: ['SageMaker AI'] },
  iac: {
    cloudformation: ['AWS::SageMaker::Model', 'AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Endpoint'],
    terraform: ['aws_sagemaker_model', 'aws_sagemaker_endpoint_configuration', 'aws_sagemaker_endpoint'],
    cdk: ['aws_sagemaker.CfnModel', 'aws_sagemaker.CfnEndpointConfig', 'aws_sagemaker.CfnEndpoint'],
  },
  security: [
    { setting: 'Network isolation', recommendation: 'VPC configuration and network isolation for the model container', why: 'models cannot exfiltrate data' },
    { setting: 'Encryption', recommendation: 'KMS key for endpoint storage volumes and model artifacts', why: 'encryption at rest' },
    { setting: 'Invocation access', recommendation: 'sagemaker:InvokeEndpoint only for the calling role', why: 'least privilege' },
  ],
  related: ['lambda', 's3', 'apigateway-rest'],
});
