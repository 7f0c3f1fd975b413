import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { ACCESS_LOG_FORMAT, apiGatewayAccount, authorizerFunction, lambdaUri } from './api-common.js';
import { pascalCase } from './common.js';
import { emitter, noPart } from './types.js';

type Ws = ComponentOfService<'apigateway-websocket'>;

/** `$connect` -> `Connect`, `sendMessage` -> `SendMessage`. */
function routeId(key: string): string {
  return pascalCase(key.replace(/^\$/, '').replace(/([a-z])([A-Z])/g, '$1-$2')) || 'Default';
}

/**
 * A WebSocket API: $connect (with the Lambda authorizer the design names), $disconnect, $default and the custom
 * routes, each on a Lambda integration; a stage with access and execution logs and throttling; error alarms.
 */
export const apigatewayWebsocket = emitter('apigateway-websocket', {
  emit(c: Ws, ctx: Target) {
    const cfg = c.config;
    const api = ctx.id(c, 'WebSocketApi');
    ctx.resource(c, api, 'AWS::ApiGatewayV2::Api', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      Description: c.description ?? c.name ?? c.id,
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: cfg.routeSelectionExpression,
    });
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    let authorizer: string | undefined;
    if (authFn) {
      authorizer = ctx.resource(c, ctx.id(c, 'Authorizer'), 'AWS::ApiGatewayV2::Authorizer', {
        ApiId: ctx.ref(api),
        Name: 'connect',
        AuthorizerType: 'REQUEST',
        // Browsers cannot set headers on a WebSocket handshake, so the token travels in the query string.
        IdentitySource: ['route.request.querystring.token'],
        AuthorizerUri: lambdaUri(ctx, ctx.refOf({ component: authFn.id, part: 'arn' })),
      });
    } else if (cfg.authorizer !== 'none' && cfg.authorizer !== 'iam') {
      ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a ${cfg.authorizer} authorizer on $connect, which WebSocket APIs implement with a Lambda authorizer; connect one (scope "authorizer") — $connect uses IAM authorization until then`);
    }
    const handlers = ctx.targets(c, ['invoke'], ['lambda']).filter((f) => f.id !== authFn?.id);
    const handlerFor = (key: string): Component | undefined =>
      handlers.find((h) => ctx.a.connections.some((x) => x.from === c.id && x.to === h.id && x.scope === key)) ?? handlers[0];
    const integrations = new Map<string, string>();
    for (const key of ['$connect', '$disconnect', '$default', ...cfg.routes]) {
      const h = handlerFor(key);
      if (!h) {
        ctx.warn(`components.${c.id}`, `WebSocket API ${c.id} has no function to handle ${key}; connect one with invoke`);
        continue;
      }
      let integration = integrations.get(h.id);
      if (!integration) {
        integration = ctx.resource(c, ctx.id(c, `${ctx.prefixes.get(h.id)}Integration`), 'AWS::ApiGatewayV2::Integration', { ApiId: ctx.ref(api), IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(ctx, ctx.refOf({ component: h.id, part: 'arn' })) });
        integrations.set(h.id, integration);
      }
      const connect = key === '$connect';
      const authType = connect ? (authorizer ? 'CUSTOM' : cfg.authorizer === 'none' ? 'NONE' : 'AWS_IAM') : 'NONE';
      const route = ctx.resource(c, ctx.id(c, `${routeId(key)}Route`), 'AWS::ApiGatewayV2::Route', {
        ApiId: ctx.ref(api),
        RouteKey: key,
        Target: ctx.sub(`integrations/\${${integration}}`),
        AuthorizationType: authType,
        AuthorizerId: connect && authorizer ? ctx.ref(authorizer) : undefined,
      });
      if (authType === 'NONE') {
        ctx.ack(route, connect ? 'The design makes this WebSocket API public (authorizer: none)' : 'WebSocket APIs authorize once, on $connect; messages on an open connection are not re-authorized', 'AwsSolutions-APIG4');
      }
    }
    const logs = ctx.logGroup(c, ctx.id(c, 'AccessLogGroup'));
    ctx.logGroup(c, ctx.id(c, 'ExecutionLogGroup'), ctx.sub(`/aws/apigateway/\${${api}}/${cfg.stageName}`));
    const account = apiGatewayAccount(ctx);
    ctx.resource(c, ctx.id(c, 'Stage'), 'AWS::ApiGatewayV2::Stage', {
      ApiId: ctx.ref(api),
      StageName: cfg.stageName,
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: ctx.att(logs, 'Arn'), Format: ACCESS_LOG_FORMAT },
      DefaultRouteSettings: { ThrottlingRateLimit: cfg.throttleRateLimit, ThrottlingBurstLimit: cfg.throttleBurstLimit, DataTraceEnabled: false, LoggingLevel: 'INFO', DetailedMetricsEnabled: true },
    }, { dependsOn: [account] });
    const dims = { ApiId: `\${${api}}`, Stage: cfg.stageName };
    ctx.alarm(c, ctx.id(c, 'IntegrationErrorsAlarm'), { description: `${c.id}: handler integration errors`, namespace: 'AWS/ApiGateway', metric: 'IntegrationError', dimensions: dims, threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'ExecutionErrorsAlarm'), { description: `${c.id}: API Gateway execution errors`, namespace: 'AWS/ApiGateway', metric: 'ExecutionError', dimensions: dims, threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Url`, ctx.sub(`wss://\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${cfg.stageName}`), `WebSocket URL of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'execute-api') return ctx.sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ctx.id(c, 'WebSocketApi')}}/*`);
    return noPart('apigateway-websocket', part);
  },
  env(c, ctx) {
    // Handlers post back to connections through the management endpoint.
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_CALLBACK_URL`]: ctx.sub(`https://\${${ctx.id(c, 'WebSocketApi')}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${c.config.stageName}`) };
  },
});
