import type { Component, ComponentService } from '../../model/index.js';
import type { Charge } from '../engine.js';
import type { BuildContext, Builder } from './common.js';
import { alb, apigatewayHttp, apigatewayRest, apigatewayWebsocket, appsync, acm, cloudfront, nlb, route53, waf } from './edge.js';
import { ec2Asg, ecsFargate, eks, glueJob, lambda, sagemakerEndpoint } from './compute.js';
import { athena, aurora, documentdb, dynamodb, elasticache, opensearch, rds, redshift, s3 } from './data.js';
import { eventbridge, iotCore, kinesisFirehose, kinesisStreams, ses, sns, sqs, stepFunctions, transferFamily } from './integration.js';
import { cognito, secretsManager } from './security.js';

export type { BuildContext } from './common.js';
export { platformCharges } from './platform.js';

/** One cost builder per component kind; the type makes a missing kind a compile error. */
export const BUILDERS: { [S in ComponentService]: Builder<S> } = {
  cloudfront,
  route53,
  acm,
  waf,
  'apigateway-rest': apigatewayRest,
  'apigateway-http': apigatewayHttp,
  'apigateway-websocket': apigatewayWebsocket,
  appsync,
  alb,
  nlb,
  lambda,
  'ecs-fargate': ecsFargate,
  eks,
  'ec2-asg': ec2Asg,
  'glue-job': glueJob,
  'sagemaker-endpoint': sagemakerEndpoint,
  dynamodb,
  aurora,
  rds,
  elasticache,
  documentdb,
  s3,
  opensearch,
  redshift,
  athena,
  sqs,
  sns,
  eventbridge,
  'step-functions': stepFunctions,
  'kinesis-streams': kinesisStreams,
  'kinesis-firehose': kinesisFirehose,
  'iot-core': iotCore,
  ses,
  'transfer-family': transferFamily,
  cognito,
  'secrets-manager': secretsManager,
};

export function componentCharges(c: Component, ctx: BuildContext): Charge[] {
  const build = BUILDERS[c.service] as Builder<ComponentService>;
  return build(c as never, ctx.usage(c.id), ctx);
}
