import { defineService } from '../types.js';

export default defineService({
  id: 'apigateway-rest',
  name: 'Amazon API Gateway (REST API)',
  aliases: ['api gateway rest', 'rest api', 'api gateway v1', 'apigateway', 'api gateway'],
  layer: 'edge',
  role: 'component',
  summary: 'Fully managed REST front door with the complete feature set: AWS WAF, usage plans and API keys, request validation, response caching, private endpoints, Cognito, IAM and Lambda authorizers.',
  goodFor: ['public APIs that need AWS WAF', 'partner APIs with API keys, usage plans and quotas', 'private APIs reachable only from a VPC', 'request validation and transformation without code'],
  badFor: ['cost-sensitive high-volume APIs (about 3.5x the per-request price of HTTP APIs)', 'requests that run longer than 29 s by default', 'payloads over 10 MB (upload to S3 with presigned URLs)', 'sustained thousands of requests per second where an ALB is cheaper'],
  limits: [
    { key: 'integration-timeout', what: 'Integration timeout', value: 29, unit: 'seconds', adjustable: true, impact: 'long work must be asynchronous; Regional and private REST APIs can raise it by quota at the cost of account throttle' },
    { key: 'payload', what: 'Request and response payload', value: 10, unit: 'MB', adjustable: false, impact: 'large files go directly to S3 with presigned URLs' },
    { key: 'account-rps', what: 'Account throttle per region (steady)', value: 10000, unit: 'requests/second', adjustable: true, impact: 'shared by all APIs in the account and region; ask for an increase before 10x growth crosses it' },
    { key: 'resources', what: 'Resources per API', value: 300, unit: 'resources', adjustable: true, impact: 'very large APIs split into several' },
  ],
  scaling: { model: 'automatic, throttled by account and stage limits', scalesToZero: true, latency: 'adds roughly 10-30 ms per request', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 1, notes: ['deployments are immutable stage snapshots', 'enable execution and access logs per stage'] },
  pricing: { model: 'per million requests (tiered) plus optional cache hours', dimensions: ['requests', 'cache instance hours', 'data transfer out'], idleCost: 'none', atScale: 'costly', freeTier: '1 million REST calls a month for 12 months (legacy free tier accounts)' },
  compliance: { hipaa: ['Amazon API Gateway'], pci: ['Amazon API Gateway'] },
  iac: {
    cloudformation: ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Authorizer'],
    terraform: ['aws_api_gateway_rest_api', 'aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_integration', 'aws_api_gateway_deployment', 'aws_api_gateway_stage', 'aws_api_gateway_authorizer'],
    cdk: ['aws_apigateway.RestApi', 'aws_apigateway.LambdaIntegration', 'aws_apigateway.CognitoUserPoolsAuthorizer'],
  },
  security: [
    { setting: 'Authorization', recommendation: 'Cognito or IAM authorizer on every method; never NONE on data endpoints', why: 'anonymous access to data is the commonest API finding' },
    { setting: 'Web ACL', recommendation: 'REGIONAL AWS WAF web ACL on the stage', why: 'filters exploits and abusive clients' },
    { setting: 'Throttling', recommendation: 'stage and method throttles below the account limit', why: 'one client cannot exhaust the account' },
    { setting: 'Access logging', recommendation: 'JSON access logs to CloudWatch Logs', why: 'who called what, for audits' },
    { setting: 'TLS', recommendation: 'TLS 1.2 security policy on custom domains', why: 'modern transport security' },
  ],
  related: ['lambda', 'cognito', 'waf'],
});
