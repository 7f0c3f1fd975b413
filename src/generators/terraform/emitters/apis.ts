import type { Component, ComponentOfService } from '../../../model/components.js';
import { alarmAndWidget, logGroup, parseRoute } from '../common.js';
import type { TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { Heredoc, blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Body, Raw } from '../hcl.js';
import { hasGrantPolicy } from '../iam.js';
import { lambdaArn, lambdaInvokeArn } from './lambda.js';

type Fn = ComponentOfService<'lambda'>;

/** The user pool an API authenticates against (an authenticate connection from the API). */
function userPool(ctx: TfContext, id: string): ComponentOfService<'cognito'> | undefined {
  return ctx.out(id, 'authenticate').find((x) => x.to.service === 'cognito')?.to as ComponentOfService<'cognito'> | undefined;
}

/**
 * The function an API uses as its Lambda authorizer: one it invokes that itself verifies identities (has an
 * authenticate connection), else one named like an authorizer.
 */
function authorizerFunction(ctx: TfContext, api: Component): Fn | undefined {
  const fns = ctx.out(api.id, 'invoke').map((x) => x.to).filter((t): t is Fn => t.service === 'lambda');
  return fns.find((f) => ctx.out(f.id, 'authenticate').length > 0) ?? fns.find((f) => /auth/.test(f.id));
}

/** Backends of an API in connection order, without its authorizer; a route goes to the connection scoped to it, else the first. */
function backends(ctx: TfContext, api: Component, authorizer?: Fn): Array<{ to: Component; scope?: string }> {
  return ctx.out(api.id, 'invoke').filter((x) => x.to.id !== authorizer?.id);
}

function backendFor(list: Array<{ to: Component; scope?: string }>, route: string): Component | undefined {
  return (list.find((b) => b.scope === route) ?? list.find((b) => !b.scope) ?? list[0])?.to;
}

/** One JSON line per request; REST APIs name the matched resource, HTTP and WebSocket APIs the route key. */
function accessLogFormat(rest: boolean): Record<string, string> {
  return {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    ...(rest ? { method: '$context.httpMethod', resourcePath: '$context.resourcePath' } : { routeKey: '$context.routeKey' }),
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationError: '$context.integrationErrorMessage',
  };
}

function accessLogs(ctx: TfContext, c: Component, name: Raw): Body {
  const logs = logGroup(ctx, ctx.fileOf(c.id), c.id, tpl`/aws/apigateway/${name}`, ctx.tags(c));
  return { destination_arn: raw(`${logs}.arn`), format: jsonencode(obj(accessLogFormat(c.service === 'apigateway-rest'))) };
}

function apiRole(ctx: TfContext, c: Component, needed: boolean): Raw | undefined {
  if (!needed && !hasGrantPolicy(ctx, c.id)) return undefined;
  return ctx.role(c, { assumedBy: ['apigateway.amazonaws.com'], description: `Role API Gateway uses to call the backends of ${c.id}` });
}

// ---------------------------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------------------------

/** `/orders/{id}` -> `orders_id` for resource names. */
function pathKey(path: string): string {
  return path.replace(/[{}+]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'root';
}

export const apigatewayRest: Emitter<'apigateway-rest'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 1024 });
    ctx.shared.add('apigw-account');
    const pool = userPool(ctx, c.id);
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    const list = backends(ctx, c, authFn);
    const needsRole = list.some((b) => b.to.service === 'step-functions');
    const role = apiRole(ctx, c, needsRole);
    const privateApi = cfg.endpointType === 'PRIVATE';
    const executeApiEndpoint = ctx.a.network?.vpcEndpoints.includes('execute-api');
    if (privateApi && !executeApiEndpoint) ctx.note(`REST API ${c.id} is PRIVATE: add the execute-api VPC endpoint to the network so clients in the VPC can reach it.`);
    ctx.resource(file, 'aws_api_gateway_rest_api', n, {
      name,
      description: c.description ?? c.name,
      endpoint_configuration: blk('endpoint_configuration', {
        types: [cfg.endpointType],
        vpc_endpoint_ids: privateApi && executeApiEndpoint ? [raw(`aws_vpc_endpoint.${ctx.n('endpoint', 'execute-api')}.id`)] : undefined,
      }),
      tags,
    });
    if (privateApi) {
      ctx.data(file, 'aws_iam_policy_document', ctx.n(c.id, 'private'), {
        statement: [
          blk('statement', { actions: ['execute-api:Invoke'], resources: [tpl`${raw(`aws_api_gateway_rest_api.${n}.execution_arn`)}/*`], principals: blk('principals', { type: '*', identifiers: ['*'] }) }),
          blk('statement', {
            effect: 'Deny',
            actions: ['execute-api:Invoke'],
            resources: [tpl`${raw(`aws_api_gateway_rest_api.${n}.execution_arn`)}/*`],
            principals: blk('principals', { type: '*', identifiers: ['*'] }),
            condition: blk('condition', { test: 'StringNotEquals', variable: 'aws:SourceVpc', values: [ctx.a.network ? ctx.vpcId : 'none'] }),
          }),
        ],
      });
      ctx.resource(file, 'aws_api_gateway_rest_api_policy', n, { rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`), policy: raw(`data.aws_iam_policy_document.${ctx.n(c.id, 'private')}.json`) }, ['Only callers inside the VPC.']);
    }

    let authorization = 'NONE';
    let authorizerId: Raw | undefined;
    if (cfg.authorizer === 'cognito' && pool) {
      authorization = 'COGNITO_USER_POOLS';
      ctx.resource(file, 'aws_api_gateway_authorizer', n, {
        name: 'cognito',
        rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
        type: 'COGNITO_USER_POOLS',
        provider_arns: [raw(`aws_cognito_user_pool.${ctx.n(pool.id)}.arn`)],
        identity_source: 'method.request.header.Authorization',
      });
      authorizerId = raw(`aws_api_gateway_authorizer.${n}.id`);
    } else if (cfg.authorizer === 'lambda' && authFn) {
      authorization = 'CUSTOM';
      ctx.resource(file, 'aws_api_gateway_authorizer', n, {
        name: 'lambda',
        rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
        type: 'TOKEN',
        authorizer_uri: lambdaInvokeArn(ctx, authFn),
        identity_source: 'method.request.header.Authorization',
        authorizer_result_ttl_in_seconds: 300,
      });
      authorizerId = raw(`aws_api_gateway_authorizer.${n}.id`);
    } else if (cfg.authorizer !== 'none') {
      authorization = 'AWS_IAM';
      if (cfg.authorizer !== 'iam') ctx.note(`REST API ${c.id} asks for a ${cfg.authorizer} authorizer but none is connected; it requires IAM (SigV4) auth until one is.`);
    }

    // One resource per path prefix, then one method and integration per route.
    const resources = new Map<string, string>();
    const resourceId = (path: string): Raw => {
      if (path === '/' || path === '') return raw(`aws_api_gateway_rest_api.${n}.root_resource_id`);
      const parts = path.replace(/^\//, '').split('/');
      let parentPath = '';
      let parent: Raw = raw(`aws_api_gateway_rest_api.${n}.root_resource_id`);
      for (const part of parts) {
        const current = `${parentPath}/${part}`;
        let local = resources.get(current);
        if (!local) {
          local = ctx.n(c.id, 'path', pathKey(current));
          resources.set(current, local);
          ctx.resource(file, 'aws_api_gateway_resource', local, { rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`), parent_id: parent, path_part: part });
        }
        parent = raw(`aws_api_gateway_resource.${local}.id`);
        parentPath = current;
      }
      return parent;
    };
    const triggers: Raw[] = [];
    for (const route of cfg.routes) {
      const { method, path } = parseRoute(route);
      const res = resourceId(path);
      const local = ctx.n(c.id, method.toLowerCase(), pathKey(path));
      const proxy = /\{proxy\+\}/.test(path);
      ctx.resource(file, 'aws_api_gateway_method', local, {
        rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
        resource_id: res,
        http_method: method,
        authorization,
        authorizer_id: authorizerId,
        request_parameters: proxy ? obj({ 'method.request.path.proxy': true }) : undefined,
      });
      const target = backendFor(list, route);
      const base: Body = { rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`), resource_id: res, http_method: raw(`aws_api_gateway_method.${local}.http_method`) };
      if (target?.service === 'lambda') {
        ctx.resource(file, 'aws_api_gateway_integration', local, { ...base, type: 'AWS_PROXY', integration_http_method: 'POST', uri: lambdaInvokeArn(ctx, target) });
      } else if (target?.service === 'step-functions') {
        ctx.resource(file, 'aws_api_gateway_integration', local, {
          ...base,
          type: 'AWS',
          integration_http_method: 'POST',
          uri: tpl`arn:${raw('data.aws_partition.current.partition')}:apigateway:${raw('var.region')}:states:action/StartExecution`,
          credentials: role,
          request_templates: obj({ 'application/json': jsonencode(obj({ stateMachineArn: raw(`aws_sfn_state_machine.${ctx.n(target.id)}.arn`), input: "$util.escapeJavaScript($input.json('$'))" })) }),
        });
        ctx.resource(file, 'aws_api_gateway_method_response', local, { ...base, status_code: '200' });
        ctx.resource(file, 'aws_api_gateway_integration_response', local, { ...base, status_code: raw(`aws_api_gateway_method_response.${local}.status_code`), depends_on: [raw(`aws_api_gateway_integration.${local}`)] });
      } else {
        if (target) ctx.note(`REST API ${c.id} cannot integrate ${target.service} ${target.id} directly; route ${route} answers 501 until a function or state machine serves it.`);
        else ctx.note(`REST API ${c.id} has no backend: route ${route} answers 501 until an invoke connection gives it one.`);
        ctx.resource(file, 'aws_api_gateway_integration', local, { ...base, type: 'MOCK', request_templates: obj({ 'application/json': jsonencode(obj({ statusCode: 501 })) }) });
        ctx.resource(file, 'aws_api_gateway_method_response', local, { ...base, status_code: '501' });
        ctx.resource(file, 'aws_api_gateway_integration_response', local, { ...base, status_code: raw(`aws_api_gateway_method_response.${local}.status_code`), depends_on: [raw(`aws_api_gateway_integration.${local}`)] });
      }
      triggers.push(raw(`aws_api_gateway_method.${local}.id`), raw(`aws_api_gateway_integration.${local}.id`));
    }
    ctx.resource(file, 'aws_api_gateway_deployment', n, {
      rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
      triggers: obj({ redeployment: raw(`sha1(jsonencode([${triggers.map((t) => t.text).join(', ')}]))`) }),
      lifecycle: blk('lifecycle', { create_before_destroy: true }),
    });
    const cache = cfg.cacheSizeGb !== '0';
    ctx.resource(file, 'aws_api_gateway_stage', n, {
      rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
      deployment_id: raw(`aws_api_gateway_deployment.${n}.id`),
      stage_name: cfg.stageName,
      xray_tracing_enabled: ctx.a.observability.tracing,
      cache_cluster_enabled: cache ? true : undefined,
      cache_cluster_size: cache ? cfg.cacheSizeGb : undefined,
      access_log_settings: blk('access_log_settings', accessLogs(ctx, c, name)),
      tags,
      depends_on: [raw('aws_api_gateway_account.main')],
    });
    ctx.resource(file, 'aws_api_gateway_method_settings', n, {
      rest_api_id: raw(`aws_api_gateway_rest_api.${n}.id`),
      stage_name: raw(`aws_api_gateway_stage.${n}.stage_name`),
      method_path: '*/*',
      settings: blk('settings', {
        metrics_enabled: true,
        logging_level: 'ERROR',
        data_trace_enabled: false,
        throttling_rate_limit: cfg.throttleRateLimit,
        throttling_burst_limit: cfg.throttleBurstLimit,
        caching_enabled: cache ? true : undefined,
        cache_data_encrypted: cache ? true : undefined,
        cache_ttl_in_seconds: cache ? 300 : undefined,
      }),
    });
    const dims = { ApiName: raw(`aws_api_gateway_rest_api.${n}.name`), Stage: raw(`aws_api_gateway_stage.${n}.stage_name`) };
    alarmAndWidget(ctx, c.id, '5xx', `More than 1 % of ${c.id} requests fail with 5xx`, 'AWS/ApiGateway', '5XXError', dims, 'Average', 'GreaterThanThreshold', 0.01, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'latency', `${c.id} p99 latency above 3 s`, 'AWS/ApiGateway', 'Latency', dims, 'p99', 'GreaterThanThreshold', 3000, { evaluationPeriods: 3 });
    ctx.output({ name: `${n}_url`, value: raw(`aws_api_gateway_stage.${n}.invoke_url`), description: `Invoke URL of REST API ${c.id}` });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'execute-api') return [tpl`${raw(`aws_api_gateway_rest_api.${n}.execution_arn`)}/*`];
    if (part === 'arn') return [raw(`aws_api_gateway_rest_api.${n}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`)];
    return noPart('apigateway-rest', part);
  },
  env(c, ctx) {
    return [['API_URL', tpl`https://${raw(`aws_api_gateway_rest_api.${ctx.n(c.id)}.id`)}.execute-api.${raw('var.region')}.amazonaws.com/${c.config.stageName}`]];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// HTTP and WebSocket (API Gateway v2)
// ---------------------------------------------------------------------------------------------------------------

function v2Integration(ctx: TfContext, api: Component, target: Component, role: Raw | undefined, websocket: boolean): string | undefined {
  const file = ctx.fileOf(api.id);
  const local = ctx.n(api.id, 'to', target.id);
  const apiId = raw(`aws_apigatewayv2_api.${ctx.n(api.id)}.id`);
  if (target.service === 'lambda') {
    ctx.resource(file, 'aws_apigatewayv2_integration', local, {
      api_id: apiId,
      integration_type: 'AWS_PROXY',
      integration_method: websocket ? 'POST' : undefined,
      integration_uri: lambdaInvokeArn(ctx, target),
      payload_format_version: websocket ? undefined : '2.0',
      timeout_milliseconds: Math.min(websocket ? 29000 : 30000, target.config.timeoutSeconds * 1000),
    });
    return local;
  }
  if (target.service === 'step-functions' && !websocket) {
    ctx.resource(file, 'aws_apigatewayv2_integration', local, {
      api_id: apiId,
      integration_type: 'AWS_PROXY',
      integration_subtype: 'StepFunctions-StartExecution',
      credentials_arn: role,
      request_parameters: obj({ StateMachineArn: raw(`aws_sfn_state_machine.${ctx.n(target.id)}.arn`), Input: '$request.body' }),
      payload_format_version: '1.0',
    });
    return local;
  }
  ctx.note(`API ${api.id} cannot integrate ${target.service} ${target.id} directly; put a function in between.`);
  return undefined;
}

export const apigatewayHttp: Emitter<'apigateway-http'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 128 });
    const pool = userPool(ctx, c.id);
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    const list = backends(ctx, c, authFn);
    const role = apiRole(ctx, c, list.some((b) => b.to.service === 'step-functions'));
    ctx.resource(file, 'aws_apigatewayv2_api', n, {
      name,
      description: c.description ?? c.name,
      protocol_type: 'HTTP',
      cors_configuration: cfg.corsAllowedOrigins.length
        ? blk('cors_configuration', {
            allow_origins: cfg.corsAllowedOrigins,
            allow_methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
            allow_headers: ['authorization', 'content-type'],
            max_age: 3600,
          })
        : undefined,
      tags,
    });
    let authorization = 'NONE';
    let authorizerId: Raw | undefined;
    if (cfg.authorizer === 'cognito' && pool) {
      authorization = 'JWT';
      ctx.resource(file, 'aws_apigatewayv2_authorizer', n, {
        api_id: raw(`aws_apigatewayv2_api.${n}.id`),
        name: 'cognito',
        authorizer_type: 'JWT',
        identity_sources: ['$request.header.Authorization'],
        jwt_configuration: blk('jwt_configuration', {
          audience: [raw(`aws_cognito_user_pool_client.${ctx.n(pool.id)}.id`)],
          issuer: tpl`https://cognito-idp.${raw('var.region')}.amazonaws.com/${raw(`aws_cognito_user_pool.${ctx.n(pool.id)}.id`)}`,
        }),
      });
      authorizerId = raw(`aws_apigatewayv2_authorizer.${n}.id`);
    } else if (cfg.authorizer === 'lambda' && authFn) {
      authorization = 'CUSTOM';
      ctx.resource(file, 'aws_apigatewayv2_authorizer', n, {
        api_id: raw(`aws_apigatewayv2_api.${n}.id`),
        name: 'lambda',
        authorizer_type: 'REQUEST',
        authorizer_uri: lambdaInvokeArn(ctx, authFn),
        authorizer_payload_format_version: '2.0',
        enable_simple_responses: true,
        identity_sources: ['$request.header.Authorization'],
        authorizer_result_ttl_in_seconds: 300,
      });
      authorizerId = raw(`aws_apigatewayv2_authorizer.${n}.id`);
    } else if (cfg.authorizer !== 'none') {
      authorization = 'AWS_IAM';
      if (cfg.authorizer !== 'iam') ctx.note(`HTTP API ${c.id} asks for a ${cfg.authorizer} authorizer but none is connected; it requires IAM (SigV4) auth until one is.`);
    }
    const integrations = new Map<string, string | undefined>();
    for (const route of cfg.routes) {
      const target = backendFor(list, route);
      if (!target) continue;
      if (!integrations.has(target.id)) integrations.set(target.id, v2Integration(ctx, c, target, role, false));
      const integration = integrations.get(target.id);
      if (!integration) continue;
      const { method, path } = parseRoute(route);
      ctx.resource(file, 'aws_apigatewayv2_route', ctx.n(c.id, method.toLowerCase(), pathKey(path)), {
        api_id: raw(`aws_apigatewayv2_api.${n}.id`),
        route_key: `${method} ${path}`,
        target: tpl`integrations/${raw(`aws_apigatewayv2_integration.${integration}.id`)}`,
        authorization_type: authorization,
        authorizer_id: authorizerId,
      });
    }
    if (!list.length) ctx.note(`HTTP API ${c.id} has no backend yet: its routes appear once an invoke connection gives it one.`);
    ctx.resource(file, 'aws_apigatewayv2_stage', n, {
      api_id: raw(`aws_apigatewayv2_api.${n}.id`),
      name: '$default',
      auto_deploy: true,
      access_log_settings: blk('access_log_settings', accessLogs(ctx, c, name)),
      default_route_settings: blk('default_route_settings', { throttling_rate_limit: cfg.throttleRateLimit, throttling_burst_limit: cfg.throttleBurstLimit, detailed_metrics_enabled: true }),
      tags,
    });
    const dims = { ApiId: raw(`aws_apigatewayv2_api.${n}.id`), Stage: '$default' };
    alarmAndWidget(ctx, c.id, '5xx', `More than 1 % of ${c.id} requests fail with 5xx`, 'AWS/ApiGateway', '5xx', dims, 'Average', 'GreaterThanThreshold', 0.01, { evaluationPeriods: 3 });
    alarmAndWidget(ctx, c.id, 'latency', `${c.id} p99 latency above 3 s`, 'AWS/ApiGateway', 'Latency', dims, 'p99', 'GreaterThanThreshold', 3000, { evaluationPeriods: 3 });
    ctx.output({ name: `${n}_url`, value: raw(`aws_apigatewayv2_api.${n}.api_endpoint`), description: `Endpoint of HTTP API ${c.id}` });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'execute-api') return [tpl`${raw(`aws_apigatewayv2_api.${n}.execution_arn`)}/*`];
    if (part === 'arn') return [raw(`aws_apigatewayv2_api.${n}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`)];
    return noPart('apigateway-http', part);
  },
  env(c, ctx) {
    return [['API_URL', raw(`aws_apigatewayv2_api.${ctx.n(c.id)}.api_endpoint`)]];
  },
};

export const apigatewayWebsocket: Emitter<'apigateway-websocket'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 128 });
    ctx.shared.add('apigw-account');
    const authFn = cfg.authorizer !== 'none' && cfg.authorizer !== 'iam' ? authorizerFunction(ctx, c) : undefined;
    const list = backends(ctx, c, authFn);
    const role = apiRole(ctx, c, false);
    ctx.resource(file, 'aws_apigatewayv2_api', n, {
      name,
      description: c.description ?? c.name,
      protocol_type: 'WEBSOCKET',
      route_selection_expression: cfg.routeSelectionExpression,
      tags,
    });
    let authorization = 'NONE';
    let authorizerId: Raw | undefined;
    if (authFn) {
      authorization = 'CUSTOM';
      // Browsers cannot set headers on a WebSocket handshake, so the token travels in the query string.
      ctx.resource(file, 'aws_apigatewayv2_authorizer', n, {
        api_id: raw(`aws_apigatewayv2_api.${n}.id`),
        name: 'lambda',
        authorizer_type: 'REQUEST',
        authorizer_uri: lambdaInvokeArn(ctx, authFn),
        identity_sources: ['route.request.querystring.token'],
      });
      authorizerId = raw(`aws_apigatewayv2_authorizer.${n}.id`);
    } else if (cfg.authorizer !== 'none') {
      authorization = 'AWS_IAM';
      if (cfg.authorizer !== 'iam') ctx.note(`WebSocket API ${c.id}: ${cfg.authorizer} authorization needs a Lambda authorizer (a function it invokes that authenticates); $connect requires IAM auth until one is connected.`);
    }
    const integrations = new Map<string, string | undefined>();
    const routes = ['$connect', '$disconnect', '$default', ...cfg.routes.filter((r) => !r.startsWith('$'))];
    for (const route of [...new Set(routes)]) {
      const target = backendFor(list, route);
      if (!target) continue;
      if (!integrations.has(target.id)) integrations.set(target.id, v2Integration(ctx, c, target, role, true));
      const integration = integrations.get(target.id);
      if (!integration) continue;
      ctx.resource(file, 'aws_apigatewayv2_route', ctx.n(c.id, 'route', route.replace(/^\$/, '') || 'default'), {
        api_id: raw(`aws_apigatewayv2_api.${n}.id`),
        route_key: route,
        target: tpl`integrations/${raw(`aws_apigatewayv2_integration.${integration}.id`)}`,
        authorization_type: route === '$connect' ? authorization : undefined,
        authorizer_id: route === '$connect' ? authorizerId : undefined,
      });
    }
    if (!list.length) ctx.note(`WebSocket API ${c.id} has no backend yet: its routes appear once an invoke connection gives it one.`);
    ctx.resource(file, 'aws_apigatewayv2_stage', n, {
      api_id: raw(`aws_apigatewayv2_api.${n}.id`),
      name: cfg.stageName,
      auto_deploy: true,
      access_log_settings: blk('access_log_settings', accessLogs(ctx, c, name)),
      default_route_settings: blk('default_route_settings', {
        throttling_rate_limit: cfg.throttleRateLimit,
        throttling_burst_limit: cfg.throttleBurstLimit,
        logging_level: 'ERROR',
        data_trace_enabled: false,
        detailed_metrics_enabled: true,
      }),
      tags,
      depends_on: [raw('aws_api_gateway_account.main')],
    });
    const dims = { ApiId: raw(`aws_apigatewayv2_api.${n}.id`), Stage: cfg.stageName };
    alarmAndWidget(ctx, c.id, 'integration-errors', `${c.id} backends returned errors`, 'AWS/ApiGateway', 'IntegrationError', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'execution-errors', `${c.id} failed to handle messages`, 'AWS/ApiGateway', 'ExecutionError', dims, 'Sum', 'GreaterThanThreshold', 0);
    ctx.output({ name: `${n}_url`, value: raw(`aws_apigatewayv2_stage.${n}.invoke_url`), description: `wss:// URL clients of ${c.id} connect to` });
  },
  ref(c, part, ctx) {
    const n = ctx.n(c.id);
    if (part === 'execute-api') return [tpl`${raw(`aws_apigatewayv2_api.${n}.execution_arn`)}/*`];
    if (part === 'arn') return [raw(`aws_apigatewayv2_api.${n}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${n}.arn`)];
    return noPart('apigateway-websocket', part);
  },
  env(c, ctx) {
    // The management API that pushes to connected clients: https://<api>.execute-api.<region>.amazonaws.com/<stage>.
    return [['CALLBACK_URL', tpl`https://${raw(`aws_apigatewayv2_api.${ctx.n(c.id)}.id`)}.execute-api.${raw('var.region')}.amazonaws.com/${c.config.stageName}`]];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// AppSync
// ---------------------------------------------------------------------------------------------------------------

const MINIMAL_SCHEMA = `schema {
  query: Query
}

type Query {
  "Liveness probe; the design gave no schema of its own."
  health: String
}
`;

export const appsync: Emitter<'appsync'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const pool = userPool(ctx, c.id);
    const authFn = cfg.authorizer === 'lambda' ? authorizerFunction(ctx, c) : undefined;
    const logRole = ctx.n(c.id, 'logs');
    ctx.data(file, 'aws_iam_policy_document', ctx.n(c.id, 'logs', 'assume'), {
      statement: blk('statement', { actions: ['sts:AssumeRole'], principals: blk('principals', { type: 'Service', identifiers: ['appsync.amazonaws.com'] }) }),
    });
    ctx.resource(file, 'aws_iam_role', logRole, {
      name: ctx.awsName([c.id, 'logs'], { max: 64 }),
      description: `Lets AppSync write the logs of ${c.id}`,
      assume_role_policy: raw(`data.aws_iam_policy_document.${ctx.n(c.id, 'logs', 'assume')}.json`),
      tags,
    });
    ctx.resource(file, 'aws_iam_role_policy_attachment', logRole, {
      role: raw(`aws_iam_role.${logRole}.name`),
      policy_arn: tpl`arn:${raw('data.aws_partition.current.partition')}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs`,
    });
    let authType: string;
    const auth: Body = {};
    if (cfg.authorizer === 'cognito' && pool) {
      authType = 'AMAZON_COGNITO_USER_POOLS';
      auth.user_pool_config = blk('user_pool_config', { user_pool_id: raw(`aws_cognito_user_pool.${ctx.n(pool.id)}.id`), aws_region: raw('var.region'), default_action: 'ALLOW' });
    } else if (cfg.authorizer === 'lambda' && authFn) {
      authType = 'AWS_LAMBDA';
      auth.lambda_authorizer_config = blk('lambda_authorizer_config', { authorizer_uri: lambdaArn(ctx, authFn), authorizer_result_ttl_in_seconds: 300 });
    } else if (cfg.authorizer === 'api-key') {
      authType = 'API_KEY';
    } else {
      authType = 'AWS_IAM';
      if (cfg.authorizer !== 'iam') ctx.note(`AppSync ${c.id} asks for a ${cfg.authorizer} authorizer but none is connected; it requires IAM auth until one is.`);
    }
    if (!cfg.schema) ctx.note(`AppSync ${c.id} got a minimal schema (a health query); put the real schema in config.schema.`);
    ctx.resource(file, 'aws_appsync_graphql_api', n, {
      name: ctx.awsName([c.id], { max: 65 }),
      authentication_type: authType,
      ...auth,
      schema: new Heredoc('GRAPHQL', cfg.schema ?? MINIMAL_SCHEMA),
      xray_enabled: cfg.xrayEnabled,
      log_config: blk('log_config', { cloudwatch_logs_role_arn: raw(`aws_iam_role.${logRole}.arn`), field_log_level: 'ERROR', exclude_verbose_content: true }),
      tags,
    });
    if (authType === 'API_KEY') {
      ctx.resource(file, 'aws_appsync_api_key', n, { api_id: raw(`aws_appsync_graphql_api.${n}.id`), description: 'Client key; rotate before it expires (365 days).' });
    }
    if (cfg.caching) {
      ctx.resource(file, 'aws_appsync_api_cache', n, {
        api_id: raw(`aws_appsync_graphql_api.${n}.id`),
        api_caching_behavior: 'FULL_REQUEST_CACHING',
        type: 'SMALL',
        ttl: 300,
        at_rest_encryption_enabled: true,
        transit_encryption_enabled: true,
      });
    }
    const targets = ctx.out(c.id, 'read', 'write', 'read-write', 'invoke', 'publish').map((x) => x.to).filter((t, i, all) => all.findIndex((u) => u.id === t.id) === i);
    const role = targets.length ? ctx.role(c, { assumedBy: ['appsync.amazonaws.com'], description: `Role the data sources of ${c.id} act with` }) : undefined;
    for (const t of targets) {
      let source: Body | undefined;
      if (t.service === 'dynamodb') source = { type: 'AMAZON_DYNAMODB', dynamodb_config: blk('dynamodb_config', { table_name: raw(`aws_dynamodb_table.${ctx.n(t.id)}.name`), region: raw('var.region') }) };
      else if (t.service === 'lambda') source = { type: 'AWS_LAMBDA', lambda_config: blk('lambda_config', { function_arn: lambdaArn(ctx, t) }) };
      else if (t.service === 'opensearch') source = { type: 'AMAZON_OPENSEARCH_SERVICE', opensearchservice_config: blk('opensearchservice_config', { endpoint: tpl`https://${raw(`aws_opensearch_domain.${ctx.n(t.id)}.endpoint`)}`, region: raw('var.region') }) };
      else if (t.service === 'eventbridge') source = { type: 'AMAZON_EVENTBRIDGE', event_bridge_config: blk('event_bridge_config', { event_bus_arn: ctx.refs({ component: t.id, part: 'arn' })[0]! }) };
      if (!source) {
        ctx.note(`AppSync ${c.id} has no data source type for ${t.service} ${t.id}; reach it through a Lambda data source.`);
        continue;
      }
      ctx.resource(file, 'aws_appsync_datasource', ctx.n(c.id, 'source', t.id), {
        api_id: raw(`aws_appsync_graphql_api.${n}.id`),
        name: t.id.replace(/-/g, '_'),
        service_role_arn: role,
        ...source,
      });
    }
    const dims = { GraphQLAPIId: raw(`aws_appsync_graphql_api.${n}.id`) };
    alarmAndWidget(ctx, c.id, '5xx', `${c.id} returned server errors`, 'AWS/AppSync', '5XXError', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'latency', `${c.id} p99 latency above 3 s`, 'AWS/AppSync', 'Latency', dims, 'p99', 'GreaterThanThreshold', 3000, { evaluationPeriods: 3 });
    ctx.output({ name: `${n}_url`, value: raw(`aws_appsync_graphql_api.${n}.uris["GRAPHQL"]`), description: `GraphQL endpoint of ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_appsync_graphql_api.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('appsync', part);
  },
  env(c, ctx) {
    return [['GRAPHQL_URL', raw(`aws_appsync_graphql_api.${ctx.n(c.id)}.uris["GRAPHQL"]`)]];
  },
};

