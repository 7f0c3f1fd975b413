import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { userPoolOf } from './api-common.js';
import { pascalCase } from './common.js';
import { emitter, noPart } from './types.js';

type GraphQl = ComponentOfService<'appsync'>;

const AUTH = { cognito: 'AMAZON_COGNITO_USER_POOLS', iam: 'AWS_IAM', 'api-key': 'API_KEY', lambda: 'AWS_LAMBDA' } as const;

/** Data sources AppSync can resolve against directly. */
const SOURCES = new Set(['dynamodb', 'lambda']);

/** JavaScript resolvers (APPSYNC_JS) for the generated item API over a table. */
const GET_ITEM = [
  "import { util } from '@aws-appsync/utils';",
  'export function request(ctx) {',
  "  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ [ctx.stash.pk]: ctx.args.id }) };",
  '}',
  'export function response(ctx) {',
  '  if (ctx.error) util.error(ctx.error.message, ctx.error.type);',
  '  return ctx.result ? { id: ctx.args.id, data: JSON.stringify(ctx.result) } : null;',
  '}',
  '',
].join('\n');
const PUT_ITEM = [
  "import { util } from '@aws-appsync/utils';",
  'export function request(ctx) {',
  '  const item = JSON.parse(ctx.args.data || "{}");',
  "  return { operation: 'PutItem', key: util.dynamodb.toMapValues({ [ctx.stash.pk]: ctx.args.id }), attributeValues: util.dynamodb.toMapValues(item) };",
  '}',
  'export function response(ctx) {',
  '  if (ctx.error) util.error(ctx.error.message, ctx.error.type);',
  '  return { id: ctx.args.id, data: JSON.stringify(ctx.result) };',
  '}',
  '',
].join('\n');
const INVOKE = [
  'export function request(ctx) {',
  "  return { operation: 'Invoke', payload: { field: ctx.info.fieldName, arguments: ctx.args, identity: ctx.identity } };",
  '}',
  'export function response(ctx) {',
  '  return JSON.stringify(ctx.result);',
  '}',
  '',
].join('\n');

/** The generated schema: get/put per table, invoke per function. */
export function generatedSchema(sources: Component[]): string {
  const q: string[] = [];
  const m: string[] = [];
  for (const s of sources) {
    const n = pascalCase(s.id);
    if (s.service === 'dynamodb') {
      q.push(`  get${n}(id: ID!): Item`);
      m.push(`  put${n}(id: ID!, data: AWSJSON!): Item`);
    } else m.push(`  invoke${n}(input: AWSJSON): AWSJSON`);
  }
  if (!q.length) q.push('  health: String');
  return ['schema {', '  query: Query', ...(m.length ? ['  mutation: Mutation'] : []), '}', '', 'type Item {', '  id: ID!', '  data: AWSJSON', '}', '', 'type Query {', ...q, '}', ...(m.length ? ['', 'type Mutation {', ...m, '}'] : []), ''].join('\n');
}

/**
 * A GraphQL API with request logging and X-Ray, the design's authorization mode, a data source per connected
 * table or function, and (unless the design supplies its own schema) a generated item API with JS resolvers.
 */
export const appsync = emitter('appsync', {
  emit(c: GraphQl, ctx: Target) {
    const cfg = c.config;
    const api = ctx.id(c, 'GraphQlApi');
    const logsRole = ctx.role(c, ctx.id(c, 'LogsRole'), {
      services: ['appsync.amazonaws.com'],
      description: `Lets ${c.id} write request logs`,
      statements: [{ Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/appsync/apis/*`), why: 'AppSync writes to a log group it names after the API id (/aws/appsync/apis/<id>), which is known only after creation' }],
    });
    let auth: string = AUTH[cfg.authorizer];
    const pool = cfg.authorizer === 'cognito' ? userPoolOf(ctx, c) : undefined;
    if (cfg.authorizer === 'cognito' && !pool) {
      ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for Cognito but authenticates with no cognito component; it uses IAM authorization`);
      auth = 'AWS_IAM';
    }
    const authFn = cfg.authorizer === 'lambda' ? ctx.targets(c, ['invoke'], ['lambda']).find((f) => /authori[sz]/i.test(f.id)) : undefined;
    if (cfg.authorizer === 'lambda' && !authFn) {
      ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a Lambda authorizer but none of its functions is named as one; it uses IAM authorization`);
      auth = 'AWS_IAM';
    }
    ctx.resource(c, api, 'AWS::AppSync::GraphQLApi', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      AuthenticationType: auth,
      UserPoolConfig: auth === 'AMAZON_COGNITO_USER_POOLS' && pool ? { UserPoolId: ctx.attr(pool, 'userPoolId')!, AwsRegion: ctx.aws.region, DefaultAction: 'ALLOW' } : undefined,
      LambdaAuthorizerConfig: auth === 'AWS_LAMBDA' && authFn ? { AuthorizerUri: ctx.refOf({ component: authFn.id, part: 'arn' }), AuthorizerResultTtlInSeconds: 300 } : undefined,
      LogConfig: { CloudWatchLogsRoleArn: ctx.att(logsRole.role, 'Arn'), FieldLogLevel: 'ERROR', ExcludeVerboseContent: false },
      XrayEnabled: cfg.xrayEnabled,
      IntrospectionConfig: ctx.a.environment === 'prod' ? 'DISABLED' : 'ENABLED',
    });
    ctx.logGroup(c, ctx.id(c, 'LogGroup'), ctx.sub(`/aws/appsync/apis/\${${api}.ApiId}`));
    if (auth === 'API_KEY') ctx.resource(c, ctx.id(c, 'ApiKey'), 'AWS::AppSync::ApiKey', { ApiId: ctx.att(api, 'ApiId'), Description: `Key of ${c.id}` });
    const sources = ctx.targets(c, ['read', 'write', 'read-write', 'invoke']).filter((t) => SOURCES.has(t.service) && t.id !== authFn?.id);
    const role = sources.length ? ctx.role(c, ctx.id(c, 'ServiceRole'), { services: ['appsync.amazonaws.com'], description: `Lets ${c.id} reach its data sources`, grants: true }) : undefined;
    const schema = ctx.resource(c, ctx.id(c, 'Schema'), 'AWS::AppSync::GraphQLSchema', { ApiId: ctx.att(api, 'ApiId'), Definition: cfg.schema ?? generatedSchema(sources) });
    for (const s of sources) {
      const n = ctx.prefixes.get(s.id)!;
      const ds = ctx.resource(c, ctx.id(c, `${n}DataSource`), 'AWS::AppSync::DataSource', {
        ApiId: ctx.att(api, 'ApiId'),
        Name: pascalCase(s.id),
        Type: s.service === 'dynamodb' ? 'AMAZON_DYNAMODB' : 'AWS_LAMBDA',
        ServiceRoleArn: ctx.att(role!.role, 'Arn'),
        DynamoDBConfig: s.service === 'dynamodb' ? { TableName: ctx.attr(s, 'name') ?? ctx.ref(ctx.id(s, 'Table')), AwsRegion: ctx.aws.region } : undefined,
        LambdaConfig: s.service === 'lambda' ? { LambdaFunctionArn: ctx.refOf({ component: s.id, part: 'arn' }) } : undefined,
      });
      if (cfg.schema) continue;
      const pk = s.service === 'dynamodb' ? s.config.partitionKey.name : '';
      const resolvers: Array<[string, string, string]> = s.service === 'dynamodb'
        ? [['Query', `get${pascalCase(s.id)}`, GET_ITEM], ['Mutation', `put${pascalCase(s.id)}`, PUT_ITEM]]
        : [['Mutation', `invoke${pascalCase(s.id)}`, INVOKE]];
      for (const [type, field, code] of resolvers) {
        ctx.resource(c, ctx.id(c, `${pascalCase(field)}Resolver`), 'AWS::AppSync::Resolver', {
          ApiId: ctx.att(api, 'ApiId'),
          TypeName: type,
          FieldName: field,
          DataSourceName: ctx.att(ds, 'Name'),
          Kind: 'UNIT',
          Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
          Code: pk ? code.replace('ctx.stash.pk', JSON.stringify(pk)) : code,
        } as Record<string, Prop>, { dependsOn: [schema] });
      }
    }
    const dims = { GraphQLAPIId: `\${${api}.ApiId}` };
    ctx.alarm(c, ctx.id(c, 'ServerErrorsAlarm'), { description: `${c.id}: 5XX errors`, namespace: 'AWS/AppSync', metric: '5XXError', dimensions: dims, threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'LatencyAlarm'), { description: `${c.id}: p99 latency above 3 s`, namespace: 'AWS/AppSync', metric: 'Latency', dimensions: dims, extendedStatistic: 'p99', threshold: 3000, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Url`, ctx.att(api, 'GraphQLUrl'), `GraphQL endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'GraphQlApi'), 'Arn');
    if (part === 'role') return ctx.att(ctx.id(c, 'ServiceRole'), 'Arn');
    return noPart('appsync', part);
  },
  attr(c, name, ctx) {
    if (name === 'url') return ctx.att(ctx.id(c, 'GraphQlApi'), 'GraphQLUrl');
    return undefined;
  },
  env(c, ctx) {
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_GRAPHQL_URL`]: ctx.att(ctx.id(c, 'GraphQlApi'), 'GraphQLUrl') };
  },
});
