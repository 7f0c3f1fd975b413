import type { ComponentService } from '../../../model/index.js';
import { acm } from './acm.js';
import { apigatewayHttp } from './apigateway-http.js';
import { apigatewayRest } from './apigateway-rest.js';
import { apigatewayWebsocket } from './apigateway-websocket.js';
import { appsync } from './appsync.js';
import { athena } from './athena.js';
import { aurora } from './aurora.js';
import { cloudfront } from './cloudfront.js';
import { cognito } from './cognito.js';
import { documentdb } from './documentdb.js';
import { dynamodb } from './dynamodb.js';
import { ec2Asg } from './ec2-asg.js';
import { ecsFargate } from './ecs-fargate.js';
import { eks } from './eks.js';
import { elasticache } from './elasticache.js';
import { eventbridge } from './eventbridge.js';
import { glueJob } from './glue-job.js';
import { iotCore } from './iot-core.js';
import { kinesisFirehose } from './kinesis-firehose.js';
import { kinesisStreams } from './kinesis-streams.js';
import { lambda } from './lambda.js';
import { alb, nlb } from './load-balancer.js';
import { opensearch } from './opensearch.js';
import { rds } from './rds.js';
import { redshift } from './redshift.js';
import { route53 } from './route53.js';
import { s3 } from './s3.js';
import { sagemakerEndpoint } from './sagemaker-endpoint.js';
import { secretsManager } from './secrets-manager.js';
import { ses } from './ses.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';
import { stepFunctions } from './step-functions.js';
import { transferFamily } from './transfer-family.js';
import type { Emitter } from './types.js';
import { waf } from './waf.js';

/** One emitter per component kind, rendered by every target; the compiler checks every kind has one. */
export const EMITTERS: { [S in ComponentService]: Emitter<S> } = {
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

/** The emitter of a component's kind, with the kind erased (the registry guarantees they match). */
export function emitterFor(service: ComponentService): Emitter {
  return EMITTERS[service] as unknown as Emitter;
}
