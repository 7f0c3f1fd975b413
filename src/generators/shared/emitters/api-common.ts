import type { Component } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Val } from '../values.js';

/** JSON access-log line for API Gateway stages. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  errorMessage: '$context.error.message',
});

/**
 * API Gateway's account-level CloudWatch role, which REST and WebSocket stages need before they can write
 * execution logs. One per design (it is a per-region account setting).
 */
export function apiGatewayAccount(ctx: Target): string {
  ctx.once('apiGatewayAccount', () => {
    const { role } = ctx.role('platform', 'ApiGatewayCloudWatchRole', {
      services: ['apigateway.amazonaws.com'],
      description: 'Lets API Gateway write execution and access logs',
      statements: [
        {
          Sid: 'WriteApiLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents'],
          Resource: ctx.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*'),
          why: 'API Gateway names its execution log groups per API and stage (API-Gateway-Execution-Logs_<api>/<stage>); this is the account-wide logging role AWS documents',
        },
      ],
    });
    return ctx.resource('platform', 'ApiGatewayAccount', 'AWS::ApiGateway::Account', { CloudWatchRoleArn: ctx.att(role, 'Arn') });
  });
  return 'ApiGatewayAccount';
}

/** Lambda proxy integration URI of a function reference. */
export function lambdaUri(ctx: Target, fnArn: Val): Val {
  return ctx.tpl`arn:${ctx.aws.partition}:apigateway:${ctx.aws.region}:lambda:path/2015-03-31/functions/${fnArn}/invocations`;
}

/** The user pool an API authenticates with (authenticate connection), if any. */
export function userPoolOf(ctx: Target, api: Component): Component | undefined {
  return ctx.targets(api, ['authenticate'], ['cognito'])[0];
}

/** The Lambda authorizer among an API's invoke targets: scoped `authorizer`, or named like one. */
export function authorizerFunction(ctx: Target, api: Component): Component | undefined {
  const fns = ctx.targets(api, ['invoke'], ['lambda']);
  return (
    fns.find((f) => ctx.a.connections.some((x) => x.from === api.id && x.to === f.id && /authori[sz]/i.test(x.scope ?? ''))) ??
    fns.find((f) => /authori[sz]/i.test(`${f.id} ${f.name ?? ''}`))
  );
}

/** The integration target of a route: the invoke target whose connection scope names it, else the first one. */
export function routeTarget(ctx: Target, api: Component, route: string, candidates: Component[]): Component | undefined {
  const scoped = candidates.find((t) => ctx.a.connections.some((x) => x.from === api.id && x.to === t.id && x.scope && route.includes(x.scope)));
  return scoped ?? candidates[0];
}

/** Whether any WAF web ACL protects the component (by connection or by its protects list). */
export function isProtected(ctx: Target, c: Component): boolean {
  return ctx.sources(c, ['protect'], ['waf']).length > 0 || ctx.a.components.some((w) => w.service === 'waf' && w.config.protects.includes(c.id));
}

