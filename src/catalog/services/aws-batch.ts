import { defineService } from '../types.js';

export default defineService({
  id: 'aws-batch',
  name: 'AWS Batch',
  aliases: ['batch', 'aws batch', 'batch jobs', 'job queue', 'hpc'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Managed job queues and scheduling for containerised batch jobs on Fargate, EC2 or Spot: array jobs, dependencies, retries and GPU jobs.',
  goodFor: ['large numbers of containerised jobs with dependencies', 'array jobs (thousands of similar tasks)', 'GPU or Spot batch compute'],
  badFor: ['a handful of nightly steps (Step Functions with Fargate or Glue is simpler)', 'Spark-shaped data transformations (Glue)'],
  limits: [
    { key: 'array-size', what: 'Child jobs per array job', value: 10000, unit: 'jobs', adjustable: false, impact: 'split larger fan-outs' },
  ],
  scaling: { model: 'compute environments scale with queued jobs', scalesToZero: true, latency: 'job start in tens of seconds (Fargate) to minutes (EC2)', availability: 'compute across the AZs of its subnets' },
  operations: { burden: 2, notes: ['job definitions and container images', 'compute environment sizing'] },
  pricing: { model: 'no charge for Batch itself; pay for the Fargate or EC2 capacity used', dimensions: ['Fargate vCPU and GB hours', 'EC2 instance hours'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['AWS Batch'], pci: ['AWS Batch'] },
  iac: {
    cloudformation: ['AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobQueue', 'AWS::Batch::JobDefinition'],
    terraform: ['aws_batch_compute_environment', 'aws_batch_job_queue', 'aws_batch_job_definition'],
    cdk: ['aws_batch.FargateComputeEnvironment', 'aws_batch.JobQueue', 'aws_batch.EcsJobDefinition'],
  },
  security: [
    { setting: 'Job roles', recommendation: 'per job definition', why: 'least privilege' },
  ],
  related: ['ecs-fargate', 'step-functions'],
});
