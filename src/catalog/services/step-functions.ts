import { defineService } from '../types.js';

export default defineService({
  id: 'step-functions',
  name: 'AWS Step Functions',
  aliases: ['step functions', 'state machine', 'workflow', 'orchestration', 'sfn', 'saga'],
  layer: 'integration',
  role: 'component',
  summary: 'Serverless workflow orchestration: state machines that call Lambda, Glue, ECS, SageMaker and 200+ AWS APIs with retries, timeouts, parallel branches and human approval steps.',
  goodFor: ['multi-step pipelines with retries and error handling (ETL, order sagas)', 'long-running processes (up to a year) waiting on jobs or people', 'running jobs longer than 15 minutes by orchestrating Glue or Fargate'],
  badFor: ['very high-volume short steps on Standard workflows (Express is cheaper)', 'logic that is simpler as one function'],
  limits: [
    { key: 'standard-duration', what: 'Standard workflow duration', value: 1, unit: 'year', adjustable: false, impact: 'long waits are fine; billed per state transition' },
    { key: 'express-duration', what: 'Express workflow duration', value: 5, unit: 'minutes', adjustable: false, impact: 'high-volume short flows only' },
    { key: 'payload', what: 'State input/output payload', value: 256, unit: 'KB', adjustable: false, impact: 'pass S3 keys, not data' },
    { key: 'history', what: 'Execution history events (Standard)', value: 25000, unit: 'events', adjustable: false, impact: 'loops over many items use Distributed Map or child executions' },
  ],
  scaling: { model: 'automatic (execution start and state transition quotas apply)', scalesToZero: true, latency: 'tens of ms per transition', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['visual execution history eases debugging', 'alarm on failed executions'] },
  pricing: { model: 'Standard: per state transition; Express: per request and GB-second', dimensions: ['state transitions', 'Express requests and duration'], idleCost: 'none', atScale: 'neutral', freeTier: '4,000 state transitions a month, always free' },
  compliance: { hipaa: ['AWS Step Functions'], pci: ['AWS Step Functions'] },
  iac: {
    cloudformation: ['AWS::StepFunctions::StateMachine'],
    terraform: ['aws_sfn_state_machine'],
    cdk: ['aws_stepfunctions.StateMachine', 'aws_stepfunctions_tasks.LambdaInvoke'],
  },
  security: [
    { setting: 'Execution role', recommendation: 'only the tasks the workflow calls', why: 'least privilege' },
    { setting: 'Logging', recommendation: 'execution logs to CloudWatch (ERROR level, no data for sensitive payloads)', why: 'audit without leaking data' },
    { setting: 'Encryption', recommendation: 'customer-managed KMS key for regulated data', why: 'state data is encrypted with your key' },
  ],
  related: ['lambda', 'glue-job', 'ecs-fargate', 'sns'],
});
