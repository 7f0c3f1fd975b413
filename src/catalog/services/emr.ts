import { defineService } from '../types.js';

export default defineService({
  id: 'emr',
  name: 'Amazon EMR',
  aliases: ['emr', 'elastic mapreduce', 'hadoop', 'emr serverless', 'spark cluster'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Managed Spark, Hive, Presto and Flink on EC2, EKS or EMR Serverless, for big-data teams that need full control of frameworks and tuning.',
  goodFor: ['large Spark workloads with custom tuning or libraries', 'teams with big-data engineering experience'],
  badFor: ['simple nightly transforms (Glue is simpler)', 'small data volumes'],
  limits: [],
  scaling: { model: 'cluster nodes (managed scaling) or serverless workers', scalesToZero: true, latency: 'minutes to start clusters', availability: 'cluster in one AZ; serverless managed' },
  operations: { burden: 3, notes: ['framework versions and tuning', 'cluster lifecycle'] },
  pricing: { model: 'EMR charge per instance-hour on top of EC2, or per vCPU and GB-hour for Serverless', dimensions: ['instance hours', 'serverless vCPU-hours and GB-hours'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon EMR'], pci: ['Amazon EMR'] },
  iac: {
    cloudformation: ['AWS::EMRServerless::Application', 'AWS::EMR::Cluster'],
    terraform: ['aws_emrserverless_application', 'aws_emr_cluster'],
    cdk: ['aws_emrserverless.CfnApplication', 'aws_emr.CfnCluster'],
  },
  security: [
    { setting: 'Security configuration', recommendation: 'at-rest and in-transit encryption', why: 'encryption everywhere' },
  ],
  related: ['glue-job', 's3'],
});
