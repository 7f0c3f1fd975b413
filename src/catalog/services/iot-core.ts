import { defineService } from '../types.js';

export default defineService({
  id: 'iot-core',
  name: 'AWS IoT Core',
  aliases: ['iot core', 'iot', 'mqtt', 'device gateway', 'sensors', 'devices'],
  layer: 'integration',
  role: 'component',
  summary: 'Managed MQTT, HTTPS and MQTT-over-WebSocket gateway for devices with X.509 identities, fleet provisioning, a message broker and rules that route messages to Kinesis, Lambda, DynamoDB, S3 and more.',
  goodFor: ['fleets of sensors and devices with per-device certificates', 'bidirectional messaging and device shadows', 'routing telemetry with SQL rules to AWS services'],
  badFor: ['browser and mobile app APIs (API Gateway is simpler)', 'devices publishing more than 100 messages per second each'],
  limits: [
    { key: 'message-size', what: 'Message payload', value: 128, unit: 'KB', adjustable: false, impact: 'large files go to S3 with presigned URLs' },
    { key: 'publish-per-connection', what: 'Publishes per second per connection', value: 100, unit: 'messages/second', adjustable: false, impact: 'batch readings per message on chatty devices' },
    { key: 'publish-per-account', what: 'Inbound publishes per second per account (large regions)', value: 20000, unit: 'messages/second', adjustable: true, impact: 'request an increase before fleets grow; Basic Ingest to rules avoids broker messaging charges' },
    { key: 'connect-rate', what: 'Connect requests per second per account', value: 500, unit: 'requests/second', adjustable: true, impact: 'reconnect storms after outages need back-off and jitter' },
  ],
  scaling: { model: 'automatic, subject to account quotas', scalesToZero: false, latency: 'tens of ms broker to rule target', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 2, notes: ['certificate lifecycle and rotation', 'device fleet provisioning templates', 'rule error actions for failed deliveries'] },
  pricing: { model: 'per million connection minutes, messages (5 KB increments), rules triggered and actions executed', dimensions: ['connection minutes', 'messages', 'rules triggered', 'actions', 'registry and shadow operations'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: ['AWS IoT Core'], pci: ['AWS IoT Core'] },
  iac: {
    cloudformation: ['AWS::IoT::TopicRule', 'AWS::IoT::Policy', 'AWS::IoT::ProvisioningTemplate'],
    terraform: ['aws_iot_topic_rule', 'aws_iot_policy', 'aws_iot_provisioning_template'],
    cdk: ['aws_iot.CfnTopicRule', 'aws_iot.CfnPolicy', 'aws_iot.CfnProvisioningTemplate'],
  },
  security: [
    { setting: 'Device identity', recommendation: 'one X.509 certificate per device, fleet provisioning by claim', why: 'a leaked key affects one device' },
    { setting: 'IoT policies', recommendation: 'policy variables (${iot:Connection.Thing.ThingName}) limit each device to its own topics', why: 'devices cannot impersonate each other' },
    { setting: 'Device Defender', recommendation: 'audit and detect features', why: 'spots misconfigured or compromised devices' },
  ],
  related: ['kinesis-streams', 'lambda', 'dynamodb'],
});
