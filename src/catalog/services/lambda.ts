import { defineService } from '../types.js';

export default defineService({
  id: 'lambda',
  name: 'AWS Lambda',
  aliases: ['lambda', 'aws lambda', 'functions', 'serverless functions', 'faas'],
  layer: 'compute',
  role: 'component',
  summary: 'Event-driven functions billed per request and per millisecond of memory; scales from zero to thousands of concurrent executions with no servers to manage.',
  goodFor: ['APIs behind API Gateway with spiky or modest traffic', 'event handlers for SQS, Kinesis, DynamoDB Streams, S3 and EventBridge', 'glue code and short scheduled jobs', 'small teams that do not want to run servers'],
  badFor: ['work longer than 15 minutes (Fargate, Glue or Step Functions)', 'sustained thousands of requests per second where containers are cheaper', 'latency-critical paths that cannot tolerate cold starts without provisioned concurrency', 'stateful connections (sockets, long polling)'],
  limits: [
    { key: 'max-duration', what: 'Invocation duration', value: 900, unit: 'seconds', adjustable: false, impact: 'jobs over 15 minutes belong on Fargate, Glue or an orchestrated chain of steps' },
    { key: 'max-memory', what: 'Memory (CPU scales with it, 6 vCPUs at the top)', value: 10240, unit: 'MB', adjustable: false, impact: 'bigger in-memory work needs containers' },
    { key: 'sync-payload', what: 'Synchronous request and response payload', value: 6, unit: 'MB', adjustable: false, impact: 'large uploads and downloads go through S3 presigned URLs' },
    { key: 'async-payload', what: 'Asynchronous event payload', value: 1, unit: 'MB', adjustable: false, impact: 'raised from 256 KB in 2025; larger events carry an S3 pointer' },
    { key: 'concurrency', what: 'Concurrent executions per region', value: 1000, unit: 'executions', adjustable: true, impact: 'shared by all functions in the account; request more before 10x growth' },
    { key: 'package-size', what: 'Deployment package (unzipped) / container image', value: 250, unit: 'MB', adjustable: false, impact: 'large ML models need a container image (up to 10 GB) or another service' },
  ],
  scaling: { model: 'per request; each function adds up to 1,000 concurrent executions every 10 seconds', scalesToZero: true, latency: 'warm invocations in single-digit ms; cold starts 100 ms to a few seconds by runtime and package size', availability: 'runs across AZs in the region automatically' },
  operations: { burden: 1, notes: ['no patching; runtime deprecations need attention', 'watch throttles, errors and duration alarms', 'functions in a VPC need endpoints or NAT for AWS APIs'] },
  pricing: { model: 'per request plus GB-seconds of configured memory (arm64 about 20 % cheaper)', dimensions: ['requests', 'GB-seconds', 'provisioned concurrency hours', 'ephemeral storage above 512 MB'], idleCost: 'none', atScale: 'costly', freeTier: '1 million requests and 400,000 GB-seconds a month, always free' },
  compliance: { hipaa: ['AWS Lambda'], pci: ['AWS Lambda'] },
  iac: {
    cloudformation: ['AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::EventSourceMapping'],
    terraform: ['aws_lambda_function', 'aws_lambda_permission', 'aws_lambda_event_source_mapping'],
    cdk: ['aws_lambda.Function', 'aws_lambda_nodejs.NodejsFunction', 'aws_lambda_event_sources.SqsEventSource'],
  },
  security: [
    { setting: 'Execution role', recommendation: 'one role per function with only the actions its connections need', why: 'least privilege' },
    { setting: 'Secrets', recommendation: 'read from Secrets Manager at run time, never environment variables', why: 'environment variables are visible to anyone who can read the function' },
    { setting: 'Environment encryption', recommendation: 'customer-managed KMS key for regulated data', why: 'control over who decrypts configuration' },
    { setting: 'Reserved concurrency', recommendation: 'cap functions that write to fragile downstreams', why: 'protects databases from connection storms' },
    { setting: 'Code signing', recommendation: 'signing profiles for regulated workloads', why: 'only reviewed code runs' },
  ],
  related: ['apigateway-http', 'sqs', 'dynamodb', 'step-functions'],
});
