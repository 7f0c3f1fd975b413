import { defineService } from '../types.js';

export default defineService({
  id: 'apigateway-http',
  name: 'Amazon API Gateway (HTTP API)',
  aliases: ['http api', 'api gateway v2', 'api gateway http', 'apigatewayv2'],
  layer: 'edge',
  role: 'component',
  summary: 'Lean, low-latency HTTP front door for Lambda and private services with JWT (Cognito/OIDC), IAM or Lambda authorizers and CORS, at the lowest API Gateway price.',
  goodFor: ['serverless REST-style APIs for web and mobile clients', 'JWT authorization with Cognito without code', 'cost-sensitive APIs with spiky traffic', 'fronting private ALB/NLB/Cloud Map services over a VPC link'],
  badFor: ['APIs that must sit behind AWS WAF (HTTP APIs cannot be associated with a web ACL)', 'API keys and usage plans for partners', 'requests longer than 30 s', 'response caching'],
  limits: [
    { key: 'integration-timeout', what: 'Integration timeout', value: 30, unit: 'seconds', adjustable: false, impact: 'long work must be asynchronous' },
    { key: 'payload', what: 'Request payload', value: 10, unit: 'MB', adjustable: false, impact: 'large files go directly to S3 with presigned URLs' },
    { key: 'account-rps', what: 'Account throttle per region (steady)', value: 10000, unit: 'requests/second', adjustable: true, impact: 'shared by all APIs in the account and region' },
    { key: 'routes', what: 'Routes per API', value: 300, unit: 'routes', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'automatic, throttled by account and route limits', scalesToZero: true, latency: 'adds a few ms to low tens of ms', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['auto-deploying $default stage keeps releases simple', 'enable access logs on the stage'] },
  pricing: { model: 'per million requests, metered in 512 KB increments', dimensions: ['requests', 'data transfer out'], idleCost: 'none', atScale: 'neutral', freeTier: '1 million HTTP API calls a month for 12 months (legacy free tier accounts)' },
  compliance: { hipaa: ['Amazon API Gateway'], pci: ['Amazon API Gateway'] },
  iac: {
    cloudformation: ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer'],
    terraform: ['aws_apigatewayv2_api', 'aws_apigatewayv2_stage', 'aws_apigatewayv2_route', 'aws_apigatewayv2_integration', 'aws_apigatewayv2_authorizer'],
    cdk: ['aws_apigatewayv2.HttpApi', 'aws_apigatewayv2_integrations.HttpLambdaIntegration', 'aws_apigatewayv2_authorizers.HttpJwtAuthorizer'],
  },
  security: [
    { setting: 'Authorization', recommendation: 'JWT authorizer (Cognito) or IAM on every route that returns data', why: 'HTTP APIs have no WAF to fall back on' },
    { setting: 'CORS', recommendation: 'list exact origins, never *', why: 'browsers enforce it for you' },
    { setting: 'Throttling', recommendation: 'default route throttling below the account limit', why: 'the only abuse control without WAF' },
    { setting: 'Access logging', recommendation: 'JSON access logs to CloudWatch Logs', why: 'audit trail' },
  ],
  related: ['lambda', 'cognito'],
});
