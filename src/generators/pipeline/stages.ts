import type { Architecture, ComponentService } from '../../model/index.js';

/** One deployment stage of the delivery pipeline. */
export interface DeliveryStage {
  /** Stage name as written in the design, e.g. `staging`, `pre-prod`. */
  name: string;
  /** Value of the EnvironmentName parameter / CDK stage (letters and digits only). */
  environment: string;
  /** CloudFormation stack (and CDK stack id) of the stage. */
  stack: string;
  /** The last stage waits for a manual approval. */
  approval: boolean;
}

/** The design's stages in order; the last one needs manual approval. */
export function deliveryStages(a: Architecture): DeliveryStage[] {
  const stages = a.delivery.stages.length ? a.delivery.stages : [a.environment];
  return stages.map((name, i) => {
    const environment = name.replace(/[^a-z0-9]/g, '').slice(0, 16) || `stage${i + 1}`;
    return { name, environment, stack: `${a.name}-${environment}`, approval: stages.length > 1 && i === stages.length - 1 };
  });
}

/** Where the CI/CD artifacts of a design go, for the chosen pipeline option. */
export type PipelineChoice = 'github-actions' | 'codepipeline' | 'both' | 'none';

export function wantsGithubActions(p: PipelineChoice): boolean {
  return p === 'github-actions' || p === 'both';
}

export function wantsCodePipeline(p: PipelineChoice): boolean {
  return p === 'codepipeline' || p === 'both';
}

/** IAM service prefixes the deploying identity needs to manage each kind's resources. */
const KIND_SERVICES: Record<ComponentService, string[]> = {
  cloudfront: ['cloudfront'],
  route53: ['route53'],
  acm: ['acm'],
  waf: ['wafv2'],
  'apigateway-rest': ['apigateway'],
  'apigateway-http': ['apigateway'],
  'apigateway-websocket': ['apigateway'],
  appsync: ['appsync'],
  alb: ['elasticloadbalancing'],
  nlb: ['elasticloadbalancing'],
  lambda: ['lambda', 'scheduler'],
  'ecs-fargate': ['ecs', 'ecr', 'application-autoscaling', 'scheduler'],
  eks: ['eks'],
  'ec2-asg': ['autoscaling'],
  'glue-job': ['glue', 'scheduler'],
  'sagemaker-endpoint': ['sagemaker', 'ecr', 'application-autoscaling'],
  dynamodb: ['dynamodb', 'application-autoscaling'],
  aurora: ['rds'],
  rds: ['rds'],
  elasticache: ['elasticache'],
  documentdb: ['rds'],
  s3: ['s3'],
  opensearch: ['es'],
  redshift: ['redshift', 'redshift-serverless'],
  athena: ['athena', 'glue'],
  sqs: ['sqs'],
  sns: ['sns'],
  eventbridge: ['events'],
  'step-functions': ['states', 'scheduler'],
  'kinesis-streams': ['kinesis'],
  'kinesis-firehose': ['firehose'],
  'iot-core': ['iot'],
  ses: ['ses'],
  'transfer-family': ['transfer'],
  cognito: ['cognito-idp'],
  'secrets-manager': ['secretsmanager'],
};

/** Every IAM service prefix a stack of this design touches (components plus the platform it always has). */
export function deployServices(a: Architecture, codePipeline: boolean): string[] {
  const out = new Set(['cloudformation', 'iam', 'logs', 'cloudwatch', 'sns', 's3', 'ec2', 'kms', 'ssm']);
  for (const c of a.components) for (const s of KIND_SERVICES[c.service]) out.add(s);
  if (a.security.auditTrail) out.add('cloudtrail');
  if (a.security.threatDetection) out.add('guardduty');
  if (a.resilience.drStrategy !== 'none') out.add('backup');
  if (a.components.some((c) => c.service === 'secrets-manager' || c.service === 'documentdb' || c.service === 'elasticache' || c.service === 'cognito')) out.add('secretsmanager');
  if (codePipeline) for (const s of ['codepipeline', 'codebuild', 'codestar-connections']) out.add(s);
  return [...out].sort();
}
