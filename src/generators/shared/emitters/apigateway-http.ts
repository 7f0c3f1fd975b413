import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { ACCESS_LOG_FORMAT, authorizerFunction, lambdaUri, routeTarget, userPoolOf } from './api-common.js';
import { parseRoute, pascalCase, pathId } from './common.js';
import { emitter, noPart } from './types.js';

type Http = ComponentOfService<'apigateway-http'>;

/**
 * An HTTP API: one Lambda proxy (or Step Functions) integration per target, routes with the JWT, IAM or Lambda
 * authorizer the design asks for, CORS, a stage with access logs and throttling, and alarms on 5xx and latency.
 */
export const apigatewayHttp = emitter('apigateway-http', {
  emit(c: Http, ctx: Target) {
    const cfg = c.config;
    const api = ctx.id(c, 'HttpApi');
    ctx.resource(c, api, 'AWS::ApiGatewayV2::Api', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      Description: c.description ?? c.name ?? c.id,
      ProtocolType: 'HTTP',
      CorsConfiguration: cfg.corsAllowedOrigins.length
        ? { AllowOrigins: cfg.corsAllowedOrigins, AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], AllowHeaders: ['authorization', 'content-type'], MaxAge: 600 }
        : undefined,
    });
    let authType = 'NONE';
    let authorizer: string | undefined;
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    if (cfg.authorizer === 'cognito') {
      const pool = userPoolOf(ctx, c);
      if (pool) {
        authType = 'JWT';
        authorizer = ctx.resource(c, ctx.id(c, 'Authorizer'), 'AWS::ApiGatewayV2::Authorizer', {
          ApiId: ctx.ref(api),
          Name: 'cognito',
          AuthorizerType: 'JWT',
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: { Audience: [ctx.attr(pool, 'clientId')!], Issuer: ctx.attr(pool, 'issuer')! },
        });
      } else {
        ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a Cognito JWT authorizer but authenticates with no cognito component; it uses IAM authorization`);
        authType = 'AWS_IAM';
      }
    } else if (cfg.authorizer === 'lambda') {
      if (authFn) {
        authType = 'CUSTOM';
        authorizer = ctx.resource(c, ctx.id(c, 'Authorizer'), 'AWS::ApiGatewayV2::Authorizer', {
          ApiId: ctx.ref(api),
          Name: 'lambda',
          AuthorizerType: 'REQUEST',
          IdentitySource: ['$request.header.Authorization'],
          AuthorizerUri: lambdaUri(ctx, ctx.refOf({ component: authFn.id, part: 'arn' })),
          AuthorizerPayloadFormatVersion: '2.0',
          EnableSimpleResponses: true,
          AuthorizerResultTtlInSeconds: 300,
        });
      } else {
        ctx.warn(`components.${c.id}.config.authorizer`, `${c.id} asks for a Lambda authorizer but none of its functions is one; it uses IAM authorization`);
        authType = 'AWS_IAM';
      }
    } else if (cfg.authorizer === 'iam') authType = 'AWS_IAM';

    const candidates = ctx.targets(c, ['invoke']).filter((t) => t.id !== authFn?.id && (t.service === 'lambda' || t.service === 'step-functions'));
    const role = candidates.some((t) => t.service === 'step-functions') ? ctx.role(c, ctx.id(c, 'Role'), { services: ['apigateway.amazonaws.com'], description: `Lets API ${c.id} start its workflows`, grants: true }).role : undefined;
    const integrations = new Map<string, string>();
    const integrationFor = (t: Component): string => {
      const existing = integrations.get(t.id);
      if (existing) return existing;
      const id = ctx.id(c, `${ctx.prefixes.get(t.id)}Integration`);
      const props: Record<string, Prop> = t.service === 'lambda'
        ? { ApiId: ctx.ref(api), IntegrationType: 'AWS_PROXY', IntegrationUri: ctx.refOf({ component: t.id, part: 'arn' }), PayloadFormatVersion: '2.0', TimeoutInMillis: 29000 }
        : { ApiId: ctx.ref(api), IntegrationType: 'AWS_PROXY', IntegrationSubtype: 'StepFunctions-StartExecution', CredentialsArn: ctx.att(role!, 'Arn'), PayloadFormatVersion: '1.0', RequestParameters: ctx.mapOf({ StateMachineArn: ctx.refOf({ component: t.id, part: 'arn' }), Input: '$request.body' }) };
      ctx.resource(c, id, 'AWS::ApiGatewayV2::Integration', props);
      integrations.set(t.id, id);
      return id;
    };
    const seen = new Set<string>();
    for (const route of cfg.routes) {
      const { method, path } = parseRoute(route);
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = routeTarget(ctx, c, route, candidates);
      if (!target) {
        ctx.warn(`components.${c.id}.config.routes`, `route ${route} of ${c.id} has no function to call; connect one with invoke`);
        continue;
      }
      const integration = integrationFor(target);
      const id = ctx.resource(c, ctx.id(c, `${pascalCase(method.toLowerCase())}${pathId(path)}Route`), 'AWS::ApiGatewayV2::Route', {
        ApiId: ctx.ref(api),
        RouteKey: key,
        Target: ctx.sub(`integrations/\${${integration}}`),
        AuthorizationType: authType,
        AuthorizerId: authorizer ? ctx.ref(authorizer) : undefined,
      });
      if (authType === 'NONE') ctx.ack(id, `The design makes this API public (authorizer: none); it is throttled to ${cfg.throttleRateLimit} requests/s`, 'AwsSolutions-APIG4');
    }
    const logs = ctx.logGroup(c, ctx.id(c, 'AccessLogGroup'));
    ctx.resource(c, ctx.id(c, 'Stage'), 'AWS::ApiGatewayV2::Stage', {
      ApiId: ctx.ref(api),
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: ctx.att(logs, 'Arn'), Format: ACCESS_LOG_FORMAT },
      DefaultRouteSettings: { ThrottlingRateLimit: cfg.throttleRateLimit, ThrottlingBurstLimit: cfg.throttleBurstLimit, DetailedMetricsEnabled: true },
    });
    const dims = { ApiId: `\${${api}}`, Stage: '$default' };
    ctx.alarm(c, ctx.id(c, 'ServerErrorsAlarm'), { description: `${c.id}: 5xx responses`, namespace: 'AWS/ApiGateway', metric: '5xx', dimensions: dims, threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'LatencyAlarm'), { description: `${c.id}: p99 latency above 3 s`, namespace: 'AWS/ApiGateway', metric: 'Latency', dimensions: dims, extendedStatistic: 'p99', threshold: 3000, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.output(`${ctx.prefixes.get(c.id)}Url`, ctx.att(api, 'ApiEndpoint'), `Endpoint of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'execute-api') return ctx.sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ctx.id(c, 'HttpApi')}}/*`);
    if (part === 'role') return ctx.att(ctx.id(c, 'Role'), 'Arn');
    return noPart('apigateway-http', part);
  },
  attr(c, name, ctx) {
    const api = ctx.id(c, 'HttpApi');
    if (name === 'url') return ctx.att(api, 'ApiEndpoint');
    if (name === 'domain') return ctx.sub(`\${${api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`);
    if (name === 'originPath') return '';
    return undefined;
  },
  env(c, ctx) {
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_URL`]: ctx.att(ctx.id(c, 'HttpApi'), 'ApiEndpoint') };
  },
});
