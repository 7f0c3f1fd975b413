import { defineService } from '../types.js';

export default defineService({
  id: 'msk',
  name: 'Amazon Managed Streaming for Apache Kafka',
  aliases: ['msk', 'kafka', 'apache kafka', 'managed kafka'],
  layer: 'integration',
  role: 'knowledge',
  summary: 'Managed Apache Kafka clusters (provisioned or serverless) for teams and tools built on the Kafka protocol and ecosystem (Connect, Streams, schema registries).',
  goodFor: ['existing Kafka producers, consumers and connectors', 'very high-throughput streaming with long retention', 'Kafka-specific semantics (compacted topics, consumer groups)'],
  badFor: ['small teams new to Kafka (partitions, brokers and upgrades are real work)', 'low-volume event routing (EventBridge or SQS)'],
  limits: [
    { key: 'serverless-ingress', what: 'Serverless cluster ingress', value: 200, unit: 'MiB/s', adjustable: false, impact: 'bigger streams need provisioned brokers' },
    { key: 'partitions-per-broker', what: 'Recommended partitions per broker (m5/m7g.large)', value: 1000, unit: 'partitions', adjustable: false, impact: 'partition counts drive broker size' },
  ],
  scaling: { model: 'brokers and storage (provisioned) or automatic (serverless)', scalesToZero: false, latency: 'tens of ms', availability: 'brokers across two or three AZs with replication factor 3' },
  operations: { burden: 4, notes: ['partition planning and rebalancing', 'Kafka version upgrades', 'client configuration tuning'] },
  pricing: { model: 'per broker-hour plus storage (provisioned); per cluster-hour, partition-hour and GB (serverless)', dimensions: ['broker hours', 'storage GB-months', 'serverless cluster and partition hours', 'data in/out'], idleCost: 'high', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Managed Streaming for Apache Kafka'], pci: ['Amazon Managed Streaming for Apache Kafka'] },
  iac: {
    cloudformation: ['AWS::MSK::Cluster', 'AWS::MSK::ServerlessCluster'],
    terraform: ['aws_msk_cluster', 'aws_msk_serverless_cluster'],
    cdk: ['aws_msk.CfnCluster', 'aws_msk.CfnServerlessCluster'],
  },
  security: [
    { setting: 'Authentication', recommendation: 'IAM access control or mTLS', why: 'no anonymous clients' },
    { setting: 'Encryption', recommendation: 'TLS in transit between clients and brokers, KMS at rest', why: 'encryption everywhere' },
  ],
  related: ['kinesis-streams', 'managed-flink'],
});
