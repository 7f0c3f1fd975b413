import { defineService } from '../types.js';

export default defineService({
  id: 'appsync',
  name: 'AWS AppSync',
  aliases: ['appsync', 'graphql', 'graphql api', 'managed graphql'],
  layer: 'edge',
  role: 'component',
  summary: 'Managed GraphQL (and pub/sub Events) API: resolvers read DynamoDB, Aurora, OpenSearch, HTTP or Lambda directly; subscriptions push changes to clients over WebSockets.',
  goodFor: ['GraphQL APIs for web and mobile clients', 'real-time subscriptions without socket servers', 'multi-tenant SaaS with Cognito groups or Lambda authorization', 'aggregating several data sources behind one schema'],
  badFor: ['teams without GraphQL experience (schema and resolver design is a skill)', 'resolvers running longer than 30 s', 'plain REST clients and webhooks'],
  limits: [
    { key: 'request-timeout', what: 'Request execution time', value: 30, unit: 'seconds', adjustable: false, impact: 'long work is started asynchronously and reported through a subscription' },
    { key: 'subscription-payload', what: 'Subscription message payload', value: 240, unit: 'KB', adjustable: false, impact: 'push identifiers and let clients fetch large data' },
    { key: 'request-tokens', what: 'Request token rate per API', value: 2000, unit: 'tokens/second', adjustable: true, impact: 'heavy queries use several tokens; ask before large launches' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'tens of ms for direct resolvers', availability: 'regional, multi-AZ managed service' },
  operations: { burden: 2, notes: ['schema evolution needs discipline', 'JavaScript resolvers replace VTL for direct data source access'] },
  pricing: { model: 'per million query/mutation operations plus real-time messages and connection minutes', dimensions: ['query and mutation operations', 'real-time updates', 'connection minutes', 'caching instance hours'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['AWS AppSync'], pci: ['AWS AppSync'] },
  iac: {
    cloudformation: ['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource', 'AWS::AppSync::Resolver'],
    terraform: ['aws_appsync_graphql_api', 'aws_appsync_datasource', 'aws_appsync_resolver'],
    cdk: ['aws_appsync.GraphqlApi', 'aws_appsync.Definition'],
  },
  security: [
    { setting: 'Default authorization', recommendation: 'Cognito user pools or IAM; API keys only for public read data', why: 'API keys are shared secrets, not identities' },
    { setting: 'Field-level authorization', recommendation: 'restrict sensitive fields to groups', why: 'one schema, least privilege per field' },
    { setting: 'Web ACL', recommendation: 'REGIONAL AWS WAF web ACL', why: 'filters abusive queries' },
    { setting: 'Query depth and cost', recommendation: 'limit query depth and resolver count', why: 'stops denial-of-service through nested queries' },
  ],
  related: ['dynamodb', 'cognito', 'lambda', 'waf'],
});
