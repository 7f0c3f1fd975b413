import type { ComponentService } from '../../../model/index.js';
import { acm } from '../../shared/emitters/acm.js';
import { apigatewayHttp } from '../../shared/emitters/apigateway-http.js';
import { apigatewayRest } from '../../shared/emitters/apigateway-rest.js';
import { apigatewayWebsocket } from '../../shared/emitters/apigateway-websocket.js';
import { appsync } from '../../shared/emitters/appsync.js';
import { athena } from './athena.js';
import { aurora } from '../../shared/emitters/aurora.js';
import { cloudfront } from './cloudfront.js';
import { cognito } from '../../shared/emitters/cognito.js';
import { documentdb } from '../../shared/emitters/documentdb.js';
import { dynamodb } from './dynamodb.js';
import { ec2Asg } from '../../shared/emitters/ec2-asg.js';
import { ecsFargate } from '../../shared/emitters/ecs-fargate.js';
import { eks } from '../../shared/emitters/eks.js';
import { elasticache } from '../../shared/emitters/elasticache.js';
import { eventbridge } from '../../shared/emitters/eventbridge.js';
import { glueJob } from '../../shared/emitters/glue-job.js';
import { iotCore } from '../../shared/emitters/iot-core.js';
import { kinesisFirehose } from '../../shared/emitters/kinesis-firehose.js';
import { kinesisStreams } from '../../shared/emitters/kinesis-streams.js';
import { lambda } from './lambda.js';
import { alb, nlb } from '../../shared/emitters/load-balancer.js';
import { opensearch } from '../../shared/emitters/opensearch.js';
import { rds } from '../../shared/emitters/rds.js';
import { redshift } from '../../shared/emitters/redshift.js';
import { route53 } from '../../shared/emitters/route53.js';
import { s3 } from './s3.js';
import { sagemakerEndpoint } from '../../shared/emitters/sagemaker-endpoint.js';
import { secretsManager } from './secrets-manager.js';
import { ses } from '../../shared/emitters/ses.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';
import { stepFunctions } from './step-functions.js';
import { transferFamily } from '../../shared/emitters/transfer-family.js';
import type { CdkEmitter } from './types.js';
import { waf } from '../../shared/emitters/waf.js';

/** One CDK emitter per component kind; the compiler checks every kind has one. */
export const EMITTERS: { [S in ComponentService]: CdkEmitter<S> } = {
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
export function emitterFor(service: ComponentService): CdkEmitter {
  return EMITTERS[service] as unknown as CdkEmitter;
}
