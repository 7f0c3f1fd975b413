import { createHash } from 'node:crypto';
import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { ACCESS_LOG_FORMAT, apiGatewayAccount, authorizerFunction, isProtected, lambdaUri, routeTarget, userPoolOf } from './api-common.js';
import { parseRoute, pascalCase, pathId } from './common.js';
import { emitter, noPart } from './types.js';
import type { Emitter } from './types.js';

type Rest = ComponentOfService<'apigateway-rest'>;

/** Deployment ids change with the routes and their targets, so CloudFormation redeploys the stage when they do. */
export function deploymentSuffix(routes: string[], targets: string[], auth: string): string {
  return createHash('sha256').update(JSON.stringify({ routes, targets, auth })).digest('hex').slice(0, 8).toUpperCase();
}

type Auth = { type: 'COGNITO_USER_POOLS' | 'AWS_IAM' | 'CUSTOM' | 'NONE'; authorizer?: string };

/**
 * A REST API: resources and methods from the routes, Lambda proxy (or Step Functions) integrations, the
 * authorizer the design asks for, request validation, a stage with access and execution logs, X-Ray, throttling
 * and optional encrypted caching, and alarms on 5XX and latency.
 */
export const apigatewayRest: Emitter<'apigateway-rest'> = emitter('apigateway-rest', {
  emit(c: Rest, ctx: Target) {
    const cfg = c.config;
    const api = ctx.id(c, 'RestApi');
    const name = `${ctx.a.name}-\${EnvironmentName}-${c.id}`;
    const vpce = ctx.a.network?.vpcEndpoints.includes('execute-api') ? ctx.ref('VpcExecuteApiEndpoint') : undefined;
    if (cfg.endpointType === 'PRIVATE' && !vpce) ctx.warn(`components.${c.id}.config.endpointType`, `private API ${c.id} is reachable only through an execute-api VPC endpoint; add execute-api to network.vpcEndpoints`);
    ctx.resource(c, api, 'AWS::ApiGateway::RestApi', {
      Name: ctx.sub(name),
      Description: c.description ?? c.name ?? c.id,
      EndpointConfiguration: { Types: [cfg.endpointType] },
      DisableExecuteApiEndpoint: false,
      Policy: cfg.endpointType === 'PRIVATE' && vpce
        ? ctx.json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': vpce } } }] })
        : undefined,
    });
    const validator = ctx.resource(c, ctx.id(c, 'RequestValidator'), 'AWS::ApiGateway::RequestValidator', { RestApiId: ctx.ref(api), ValidateRequestBody: true, ValidateRequestParameters: true });

    // Authorization.
    let auth: Auth = { type: 'NONE' };
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    if (cfg.authorizer === 'cognito') {
      const pool = userPoolOf(ctx, c);
      if (pool) {
        auth = { type: 'COGNITO_USER_POOLS', authorizer: ctx.resource(c, ctx.id(c, 'Authorizer'), 'AWS::ApiGateway::Authorizer', { RestApiId: ctx.ref(api), Name: 'cognito', Type: 'COGNITO_USER_POOLS', IdentitySource: 'method.request.header.Authorization', ProviderARNs: [ctx.refOf({ component: pool.id, part: 'arn' })] }) };
      } else {
        ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a Cognito authorizer but authenticates with no cognito component; it uses IAM authorization`);
        auth = { type: 'AWS_IAM' };
      }
    } else if (cfg.authorizer === 'lambda') {
      if (authFn) {
        auth = { type: 'CUSTOM', authorizer: ctx.resource(c, ctx.id(c, 'Authorizer'), 'AWS::ApiGateway::Authorizer', { RestApiId: ctx.ref(api), Name: 'lambda', Type: 'TOKEN', IdentitySource: 'method.request.header.Authorization', AuthorizerResultTtlInSeconds: 300, AuthorizerUri: lambdaUri(ctx, ctx.refOf({ component: authFn.id, part: 'arn' })) }) };
      } else {
        ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a Lambda authorizer but none of its functions is one (scope the connection "authorizer"); it uses IAM authorization`);
        auth = { type: 'AWS_IAM' };
      }
    } else if (cfg.authorizer === 'iam') auth = { type: 'AWS_IAM' };

    const candidates = ctx.targets(c, ['invoke']).filter((t) => t.id !== authFn?.id && (t.service === 'lambda' || t.service === 'step-functions'));
    for (const t of ctx.targets(c, ['invoke'])) if (!candidates.includes(t) && t.id !== authFn?.id) ctx.warn('connections', `REST API ${c.id} cannot integrate ${t.service} '${t.id}' directly; put a function in front of it`);
    const sfnTargets = candidates.filter((t) => t.service === 'step-functions');
    const role = sfnTargets.length ? ctx.role(c, ctx.id(c, 'Role'), { services: ['apigateway.amazonaws.com'], description: `Lets API ${c.id} start its workflows`, grants: true }).role : undefined;

    // Resource tree and methods.
    const resources = new Map<string, string>();
    const resourceFor = (path: string): Prop => {
      if (path === '/' || path === '') return ctx.att(api, 'RootResourceId');
      const existing = resources.get(path);
      if (existing) return ctx.ref(existing);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      const parentRef = resourceFor(parent);
      const id = ctx.id(c, `${pathId(path)}Resource`);
      ctx.resource(c, id, 'AWS::ApiGateway::Resource', { RestApiId: ctx.ref(api), ParentId: parentRef, PathPart: path.slice(path.lastIndexOf('/') + 1) });
      resources.set(path, id);
      return ctx.ref(id);
    };
    const methods: string[] = [];
    const seen = new Set<string>();
    const routeTargets: string[] = [];
    for (const route of cfg.routes) {
      const { method, path } = parseRoute(route);
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = routeTarget(ctx, c, route, candidates);
      routeTargets.push(target?.id ?? '');
      const integration: Record<string, Prop> = !target
        ? { Type: 'MOCK', RequestTemplates: ctx.mapOf({ 'application/json': '{"statusCode": 501}' }), IntegrationResponses: [{ StatusCode: '501' }] }
        : target.service === 'lambda'
          ? { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: lambdaUri(ctx, ctx.refOf({ component: target.id, part: 'arn' })) }
          : {
              Type: 'AWS',
              IntegrationHttpMethod: 'POST',
              Uri: ctx.sub('arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution'),
              Credentials: ctx.att(role!, 'Arn'),
              RequestTemplates: ctx.mapOf({ 'application/json': ctx.tpl`{"stateMachineArn": "${ctx.refOf({ component: target.id, part: 'arn' })}", "input": "$util.escapeJavaScript($input.json('$'))"}` }),
              IntegrationResponses: [{ StatusCode: '200' }],
            };
      if (!target) ctx.warn(`components.${c.id}.config.routes`, `route ${route} of ${c.id} has no function to call; it answers 501 until one is connected`);
      const id = ctx.id(c, `${pascalCase(method.toLowerCase())}${pathId(path)}Method`);
      ctx.resource(c, id, 'AWS::ApiGateway::Method', {
        RestApiId: ctx.ref(api),
        ResourceId: resourceFor(path),
        HttpMethod: method,
        AuthorizationType: auth.type,
        AuthorizerId: auth.authorizer ? ctx.ref(auth.authorizer) : undefined,
        RequestValidatorId: ctx.ref(validator),
        Integration: integration,
        MethodResponses: integration['Type'] === 'AWS_PROXY' ? undefined : [{ StatusCode: integration['Type'] === 'MOCK' ? '501' : '200' }],
      });
      methods.push(id);
      if (auth.type === 'NONE') ctx.ack(id, `The design makes this API public (authorizer: none); it is throttled to ${cfg.throttleRateLimit} requests/s`, 'AwsSolutions-APIG4', 'AwsSolutions-COG4');
      else if (auth.type !== 'COGNITO_USER_POOLS') ctx.ack(id, auth.type === 'AWS_IAM' ? 'Callers are AWS principals authenticated with SigV4 (IAM authorization), not end users of a user pool' : 'A Lambda authorizer validates the caller\'s token', 'AwsSolutions-COG4');
    }

    const deployment = ctx.resource(c, ctx.id(c, `Deployment${deploymentSuffix(cfg.routes, routeTargets, auth.type)}`), 'AWS::ApiGateway::Deployment', { RestApiId: ctx.ref(api), Description: `Routes of ${c.id}` }, { dependsOn: methods });
    const accessLogs = ctx.logGroup(c, ctx.id(c, 'AccessLogGroup'));
    ctx.logGroup(c, ctx.id(c, 'ExecutionLogGroup'), ctx.sub(`API-Gateway-Execution-Logs_\${${api}}/${cfg.stageName}`));
    const account = apiGatewayAccount(ctx);
    const cache = cfg.cacheSizeGb !== '0';
    let clientCert: string | undefined;
    if (ctx.regulated) clientCert = ctx.resource(c, ctx.id(c, 'ClientCertificate'), 'AWS::ApiGateway::ClientCertificate', { Description: `Lets ${c.id}'s backends verify calls come from API Gateway` });
    const stage = ctx.resource(
      c,
      ctx.id(c, 'Stage'),
      'AWS::ApiGateway::Stage',
      {
        RestApiId: ctx.ref(api),
        StageName: cfg.stageName,
        DeploymentId: ctx.ref(deployment),
        TracingEnabled: ctx.a.observability.tracing,
        AccessLogSetting: { DestinationArn: ctx.att(accessLogs, 'Arn'), Format: ACCESS_LOG_FORMAT },
        CacheClusterEnabled: cache,
        CacheClusterSize: cache ? cfg.cacheSizeGb : undefined,
        ClientCertificateId: clientCert ? ctx.ref(clientCert) : undefined,
        MethodSettings: [
          {
            ResourcePath: '/*',
            HttpMethod: '*',
            LoggingLevel: 'INFO',
            DataTraceEnabled: false,
            MetricsEnabled: true,
            ThrottlingRateLimit: cfg.throttleRateLimit,
            ThrottlingBurstLimit: cfg.throttleBurstLimit,
            CachingEnabled: cache,
            CacheDataEncrypted: cache ? true : undefined,
            CacheTtlInSeconds: cache ? 300 : undefined,
          },
        ],
      },
      { dependsOn: [account] },
    );
    if (!cache) ctx.ack(stage, 'Caching is off in the design (cacheSizeGb: 0): responses are per-user and must not be served from a shared cache', 'HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted');
    if (!isProtected(ctx, c)) ctx.ack(stage, 'No WAF web ACL protects this API in the design', 'PCI.DSS.321-APIGWAssociatedWithWAF');
    if (!ctx.a.observability.tracing) ctx.ack(stage, 'Tracing is turned off in the design (observability.tracing: false)', 'HIPAA.Security-APIGWXrayEnabled', 'PCI.DSS.321-APIGWXrayEnabled');
    if (!clientCert) ctx.ack(stage, 'Backends are Lambda functions invoked through IAM; a client certificate only applies to HTTP backends', 'HIPAA.Security-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled');
    const dims = { ApiName: name, Stage: cfg.stageName };
    ctx.alarm(c, ctx.id(c, 'ServerErrorsAlarm'), { description: `${c.id}: 5XX responses`, namespace: 'AWS/ApiGateway', metric: '5XXError', dimensions: dims, threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'LatencyAlarm'), { description: `${c.id}: p99 latency above 3 s`, namespace: 'AWS/ApiGateway', metric: 'Latency', dimensions: dims, extendedStatistic: 'p99', threshold: 3000, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Url`, ctx.sub(`https://\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${cfg.stageName}`), `Invoke URL of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'execute-api') return ctx.sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ctx.id(c, 'RestApi')}}/*`);
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${${ctx.id(c, 'RestApi')}}`);
    if (part === 'role') return ctx.att(ctx.id(c, 'Role'), 'Arn');
    return noPart('apigateway-rest', part);
  },
  attr(c, name, ctx) {
    const api = ctx.id(c, 'RestApi');
    if (name === 'stageArn') return ctx.sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${${api}}/stages/${c.config.stageName}`);
    if (name === 'stage') return ctx.id(c, 'Stage');
    if (name === 'domain') return ctx.sub(`\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`);
    if (name === 'originPath') return `/${c.config.stageName}`;
    if (name === 'url') return ctx.sub(`https://\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${c.config.stageName}`);
    return undefined;
  },
  env(c, ctx) {
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_URL`]: apigatewayRest.attr!(c, 'url', ctx)! };
  },
});

