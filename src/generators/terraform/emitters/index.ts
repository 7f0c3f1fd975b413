import type { EmitterTable } from '../emitter.js';
import { athena, elasticache, opensearch, redshift } from './analytics.js';
import { apigatewayHttp, apigatewayRest, apigatewayWebsocket, appsync } from './apis.js';
import { aurora, documentdb, rds } from './databases.js';
import { dynamodb } from './dynamodb.js';
import { ec2Asg } from './ec2-asg.js';
import { ecsFargate } from './ecs-fargate.js';
import { acm, cloudfront, route53, waf } from './edge.js';
import { eks } from './eks.js';
import { eventbridge } from './eventbridge.js';
import { glueJob } from './glue-job.js';
import { cognito, iotCore, secretsManager } from './identity.js';
import { kinesisFirehose, kinesisStreams } from './kinesis.js';
import { lambda } from './lambda.js';
import { alb, nlb } from './load-balancers.js';
import { ses, transferFamily } from './messaging.js';
import { s3 } from './s3.js';
import { sagemakerEndpoint } from './sagemaker-endpoint.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';
import { stepFunctions } from './step-functions.js';

/** One Terraform emitter per component kind; the type makes a missing kind a compile error. */
export const EMITTERS: EmitterTable = {
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
