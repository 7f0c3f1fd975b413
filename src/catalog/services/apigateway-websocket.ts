import { defineService } from '../types.js';

export default defineService({
  id: 'apigateway-websocket',
  name: 'Amazon API Gateway (WebSocket API)',
  aliases: ['websocket api', 'websockets', 'websocket', 'api gateway websocket', 'real-time api'],
  layer: 'edge',
  role: 'component',
  summary: 'Managed WebSocket endpoint: API Gateway holds the client connections and calls Lambda per message; backends push to clients through the @connections management API.',
  goodFor: ['chat, notifications and live updates for web and mobile clients', 'serverless real-time backends with spiky connection counts', 'teams that do not want to run socket servers'],
  badFor: ['connections longer than 2 hours (clients must reconnect)', 'fan-out to very large rooms (one PostToConnection call per recipient)', 'messages over 128 KB', 'millions of always-on connections where per-minute pricing dominates'],
  limits: [
    { key: 'connection-duration', what: 'Maximum connection duration', value: 2, unit: 'hours', adjustable: false, impact: 'clients reconnect at least every 2 hours' },
    { key: 'idle-timeout', what: 'Idle connection timeout', value: 10, unit: 'minutes', adjustable: false, impact: 'clients send heartbeats' },
    { key: 'message-size', what: 'Message payload', value: 128, unit: 'KB', adjustable: false, impact: 'media goes through S3; frames are 32 KB each' },
    { key: 'new-connections', what: 'New connections per second per account and region', value: 500, unit: 'connections/second', adjustable: true, impact: 'reconnect storms after an outage need this raised' },
    { key: 'integration-timeout', what: 'Integration timeout', value: 29, unit: 'seconds', adjustable: false, impact: 'route handlers must be quick' },
  ],
  scaling: { model: 'automatic per connection and message', scalesToZero: true, latency: 'tens of ms per message including the Lambda hop', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['store connection ids (DynamoDB or ElastiCache) to address clients', 'clean up stale connection ids on GoneException'] },
  pricing: { model: 'per million messages (32 KB units) plus per million connection minutes', dimensions: ['messages', 'connection minutes'], idleCost: 'none', atScale: 'neutral', freeTier: '1 million messages and 750,000 connection minutes a month for 12 months (legacy free tier accounts)' },
  compliance: { hipaa: ['Amazon API Gateway'], pci: ['Amazon API Gateway'], note: 'No WebSocket carve-out in either list.' },
  iac: {
    cloudformation: ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer'],
    terraform: ['aws_apigatewayv2_api', 'aws_apigatewayv2_stage', 'aws_apigatewayv2_route', 'aws_apigatewayv2_integration', 'aws_apigatewayv2_authorizer'],
    cdk: ['aws_apigatewayv2.WebSocketApi', 'aws_apigatewayv2.WebSocketStage', 'aws_apigatewayv2_integrations.WebSocketLambdaIntegration', 'aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer'],
  },
  security: [
    { setting: '$connect authorization', recommendation: 'Lambda authorizer that verifies the Cognito JWT', why: 'WebSocket APIs take no JWT authorizer; unauthenticated sockets are an open relay' },
    { setting: 'Throttling', recommendation: 'stage route throttles', why: 'limits message floods' },
    { setting: 'Access logging', recommendation: 'connection and message logs to CloudWatch Logs', why: 'audit trail' },
  ],
  related: ['lambda', 'dynamodb', 'elasticache', 'cognito'],
});
