/** Every catalog entry, one module each; adding a service means adding a file here and to the list. */
import acm from './services/acm.js';
import alb from './services/alb.js';
import apigatewayHttp from './services/apigateway-http.js';
import apigatewayRest from './services/apigateway-rest.js';
import apigatewayWebsocket from './services/apigateway-websocket.js';
import appRunner from './services/app-runner.js';
import appsync from './services/appsync.js';
import athena from './services/athena.js';
import aurora from './services/aurora.js';
import awsBackup from './services/aws-backup.js';
import awsBatch from './services/aws-batch.js';
import bedrock from './services/bedrock.js';
import cloudfront from './services/cloudfront.js';
import cloudtrail from './services/cloudtrail.js';
import cloudwatch from './services/cloudwatch.js';
import codepipeline from './services/codepipeline.js';
import cognito from './services/cognito.js';
import documentdb from './services/documentdb.js';
import dynamodb from './services/dynamodb.js';
import ec2Asg from './services/ec2-asg.js';
import ecr from './services/ecr.js';
import ecsFargate from './services/ecs-fargate.js';
import efs from './services/efs.js';
import eks from './services/eks.js';
import elasticache from './services/elasticache.js';
import emr from './services/emr.js';
import eventbridge from './services/eventbridge.js';
import glueJob from './services/glue-job.js';
import guardduty from './services/guardduty.js';
import iam from './services/iam.js';
import iotCore from './services/iot-core.js';
import kinesisFirehose from './services/kinesis-firehose.js';
import kinesisStreams from './services/kinesis-streams.js';
import kms from './services/kms.js';
import lambda from './services/lambda.js';
import lightsail from './services/lightsail.js';
import managedFlink from './services/managed-flink.js';
import memorydb from './services/memorydb.js';
import msk from './services/msk.js';
import natGateway from './services/nat-gateway.js';
import neptune from './services/neptune.js';
import nlb from './services/nlb.js';
import opensearch from './services/opensearch.js';
import rds from './services/rds.js';
import redshift from './services/redshift.js';
import route53 from './services/route53.js';
import s3 from './services/s3.js';
import sagemakerEndpoint from './services/sagemaker-endpoint.js';
import secretsManager from './services/secrets-manager.js';
import ses from './services/ses.js';
import sns from './services/sns.js';
import sqs from './services/sqs.js';
import stepFunctions from './services/step-functions.js';
import timestream from './services/timestream.js';
import transferFamily from './services/transfer-family.js';
import vpc from './services/vpc.js';
import vpcEndpoints from './services/vpc-endpoints.js';
import waf from './services/waf.js';
import xray from './services/xray.js';
import type { ServiceEntry } from './types.js';

export const ENTRIES: readonly ServiceEntry[] = [
  acm,
  alb,
  apigatewayHttp,
  apigatewayRest,
  apigatewayWebsocket,
  appRunner,
  appsync,
  athena,
  aurora,
  awsBackup,
  awsBatch,
  bedrock,
  cloudfront,
  cloudtrail,
  cloudwatch,
  codepipeline,
  cognito,
  documentdb,
  dynamodb,
  ec2Asg,
  ecr,
  ecsFargate,
  efs,
  eks,
  elasticache,
  emr,
  eventbridge,
  glueJob,
  guardduty,
  iam,
  iotCore,
  kinesisFirehose,
  kinesisStreams,
  kms,
  lambda,
  lightsail,
  managedFlink,
  memorydb,
  msk,
  natGateway,
  neptune,
  nlb,
  opensearch,
  rds,
  redshift,
  route53,
  s3,
  sagemakerEndpoint,
  secretsManager,
  ses,
  sns,
  sqs,
  stepFunctions,
  timestream,
  transferFamily,
  vpc,
  vpcEndpoints,
  waf,
  xray,
];
