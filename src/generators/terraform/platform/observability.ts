import { denyInsecureTransport, policyDocument, sameAccount, secureBucket } from '../common.js';
import type { AlarmSpec, TfContext } from '../context.js';
import { ACCOUNT_ID, PARTITION } from '../context.js';
import { blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import type { Value } from '../hcl.js';

const FILE = 'observability.tf';

/** Regions opened before August 2022 deliver ALB logs from a regional ELB account, newer ones from a service principal. */
const ELB_ACCOUNT_REGIONS = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'eu-south-1', 'eu-north-1', 'me-south-1', 'sa-east-1',
]);

/** The alarm topic ARN every alarm and failure rule notifies. */
export const ALARM_TOPIC = raw('aws_sns_topic.alarms.arn');

/**
 * observability.tf: the alarm topic with its email subscription, one alarm per registered metric that matters,
 * the dashboard, and the shared log bucket and API Gateway logging role when emitters asked for them.
 */
export function observability(ctx: TfContext): void {
  const a = ctx.a;
  const key = ctx.kms(['cloudwatch.amazonaws.com', 'events.amazonaws.com']);
  ctx.resource(
    FILE,
    'aws_sns_topic',
    'alarms',
    { name: ctx.awsName(['alarms'], { max: 256 }), kms_master_key_id: key, tags: ctx.tags('observability') },
    key ? ['Alarm notifications; encrypted with the design key, whose policy lets CloudWatch and EventBridge publish.'] : ['Alarm notifications. CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key, and alarms carry no application data, so this topic uses no KMS key.'],
  );
  const policy = policyDocument(ctx, FILE, 'alarms_topic', [
    { sid: 'AllowCloudWatchAlarms', actions: ['sns:Publish'], resources: [ALARM_TOPIC], principals: { type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }, conditions: [sameAccount()] },
    { sid: 'AllowEventBridgeRules', actions: ['sns:Publish'], resources: [ALARM_TOPIC], principals: { type: 'Service', identifiers: ['events.amazonaws.com'] }, conditions: [sameAccount()] },
    denyInsecureTransport(['sns:Publish'], [ALARM_TOPIC]),
  ]);
  ctx.resource(FILE, 'aws_sns_topic_policy', 'alarms', { arn: ALARM_TOPIC, policy });
  ctx.resource(FILE, 'aws_sns_topic_subscription', 'alarm_email', {
    count: raw('var.alarm_email == "" ? 0 : 1'),
    topic_arn: ALARM_TOPIC,
    protocol: 'email',
    endpoint: raw('var.alarm_email'),
  });
  ctx.output({ platform: true, name: 'alarm_topic_arn', value: ALARM_TOPIC, description: 'SNS topic every alarm notifies; subscribe pagers or chat here.' });

  for (const al of ctx.alarms) alarm(ctx, al);

  if (a.observability.dashboard && ctx.dashboard.length) dashboard(ctx);
  if (ctx.shared.has('apigw-account')) apiGatewayAccount(ctx);
}

/** The shared access-log bucket, once every section has said whether it needs one. */
export function logBucketIfNeeded(ctx: TfContext): void {
  if (ctx.shared.has('log-bucket')) logBucket(ctx);
}

function alarm(ctx: TfContext, al: AlarmSpec): void {
  ctx.resource(FILE, 'aws_cloudwatch_metric_alarm', ctx.n(al.component, al.key), {
    alarm_name: ctx.awsName([al.component, al.key], { max: 255 }),
    alarm_description: al.description,
    namespace: al.namespace,
    metric_name: al.metric,
    dimensions: obj(al.dimensions),
    statistic: al.statistic,
    extended_statistic: al.extendedStatistic,
    period: al.periodSeconds ?? 300,
    evaluation_periods: al.evaluationPeriods ?? 1,
    datapoints_to_alarm: al.datapointsToAlarm,
    threshold: al.threshold,
    comparison_operator: al.comparison,
    treat_missing_data: al.treatMissingData ?? 'notBreaching',
    alarm_actions: [ALARM_TOPIC],
    ok_actions: [ALARM_TOPIC],
    tags: ctx.tags(ctx.byId.get(al.component) ?? al.component),
  });
}

function dashboard(ctx: TfContext): void {
  const byComponent = new Map<string, typeof ctx.dashboard>();
  for (const m of ctx.dashboard) {
    const list = byComponent.get(m.component) ?? [];
    list.push(m);
    byComponent.set(m.component, list);
  }
  const widgets: Value[] = [
    obj({
      type: 'text',
      x: 0,
      y: 0,
      width: 24,
      height: 2,
      properties: obj({ markdown: `# ${ctx.a.name}\n${ctx.a.description || 'Key metrics of every component.'}` }),
    }),
  ];
  let i = 0;
  for (const [component, metrics] of byComponent) {
    widgets.push(
      obj({
        type: 'metric',
        x: (i % 2) * 12,
        y: 2 + Math.floor(i / 2) * 6,
        width: 12,
        height: 6,
        properties: obj({
          title: component,
          view: 'timeSeries',
          region: metrics[0]!.region ?? raw('var.region'),
          period: 300,
          metrics: metrics.map((m) => [m.namespace, m.metric, ...Object.entries(m.dimensions).flat(), obj({ stat: m.stat, label: m.title })] as Value[]),
        }),
      }),
    );
    i++;
  }
  ctx.resource(FILE, 'aws_cloudwatch_dashboard', 'main', {
    dashboard_name: ctx.awsName([], { max: 255 }),
    dashboard_body: jsonencode(obj({ widgets })),
  });
  ctx.output({ platform: true, name: 'dashboard_url', value: tpl`https://${raw('var.region')}.console.aws.amazon.com/cloudwatch/home#dashboards/dashboard/${raw('aws_cloudwatch_dashboard.main.dashboard_name')}`, description: 'CloudWatch dashboard of the key metrics.' });
}

/**
 * Access logs of buckets and load balancers. SSE-S3, because neither S3 server access logging nor ALB log
 * delivery can write to a KMS-encrypted bucket.
 */
function logBucket(ctx: TfContext): void {
  const legacyElb = ELB_ACCOUNT_REGIONS.has(ctx.a.region);
  if (legacyElb) ctx.data(FILE, 'aws_elb_service_account', 'current', {});
  secureBucket(ctx, {
    owner: 'logs',
    file: FILE,
    local: 'logs',
    name: ctx.awsName(['logs'], { max: 63, tail: ACCOUNT_ID, tailLength: 12 }),
    tags: ctx.tags('observability'),
    encryption: 's3',
    versioning: true,
    accessLogs: false,
    comments: ['Access logs of buckets and load balancers, kept as long as the other logs.'],
    lifecycle: [
      blk('rule', {
        id: 'expire-logs',
        status: 'Enabled',
        filter: blk('filter', {}),
        expiration: blk('expiration', { days: raw('var.log_retention_days') }),
      }),
    ],
    policy: (bucket) => [
      {
        sid: 'AllowS3ServerAccessLogs',
        actions: ['s3:PutObject'],
        resources: [tpl`${bucket}/s3/*`],
        principals: { type: 'Service', identifiers: ['logging.s3.amazonaws.com'] },
        conditions: [sameAccount()],
      },
      {
        sid: 'AllowLoadBalancerLogs',
        actions: ['s3:PutObject'],
        resources: [tpl`${bucket}/alb/AWSLogs/${ACCOUNT_ID}/*`],
        principals: legacyElb ? { type: 'AWS', identifiers: [raw('data.aws_elb_service_account.current.arn')] } : { type: 'Service', identifiers: ['logdelivery.elasticloadbalancing.amazonaws.com'] },
      },
      ...(ctx.shared.has('cloudfront-logs')
        ? [
            {
              // CloudFront standard logging (v2) delivers from us-east-1 through CloudWatch Logs log delivery.
              sid: 'AllowCloudFrontLogDelivery',
              actions: ['s3:PutObject'],
              resources: [tpl`${bucket}/cloudfront/*`],
              principals: { type: 'Service' as const, identifiers: ['delivery.logs.amazonaws.com'] },
              conditions: [sameAccount(), { test: 'ArnLike', variable: 'aws:SourceArn', values: [tpl`arn:${PARTITION}:logs:us-east-1:${ACCOUNT_ID}:delivery-source:*`] }],
            },
          ]
        : []),
      ...(ctx.shared.has('nlb-logs')
        ? [
            {
              // Network load balancers deliver TLS listener logs through CloudWatch Logs log delivery.
              sid: 'AllowNlbLogDelivery',
              actions: ['s3:PutObject'],
              resources: [tpl`${bucket}/nlb/AWSLogs/${ACCOUNT_ID}/*`],
              principals: { type: 'Service' as const, identifiers: ['delivery.logs.amazonaws.com'] },
              conditions: [sameAccount(), { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] }],
            },
            {
              sid: 'AllowNlbLogDeliveryAclCheck',
              actions: ['s3:GetBucketAcl'],
              resources: [bucket],
              principals: { type: 'Service' as const, identifiers: ['delivery.logs.amazonaws.com'] },
              conditions: [sameAccount()],
            },
          ]
        : []),
    ],
  });
}

/** API Gateway writes REST and WebSocket logs through one role per account and region. */
function apiGatewayAccount(ctx: TfContext): void {
  const assume = policyDocument(ctx, FILE, 'apigateway_logs_assume', [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['apigateway.amazonaws.com'] } }]);
  ctx.resource(FILE, 'aws_iam_role', 'apigateway_logs', {
    name: ctx.awsName(['apigateway-logs'], { max: 64 }),
    description: 'Lets API Gateway write execution and access logs to CloudWatch Logs',
    assume_role_policy: assume,
    tags: ctx.tags('observability'),
  });
  ctx.resource(FILE, 'aws_iam_role_policy_attachment', 'apigateway_logs', {
    role: raw('aws_iam_role.apigateway_logs.name'),
    policy_arn: tpl`arn:${PARTITION}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
  });
  ctx.resource(
    FILE,
    'aws_api_gateway_account',
    'main',
    { cloudwatch_role_arn: raw('aws_iam_role.apigateway_logs.arn') },
    ['Region-wide API Gateway setting: keep it in one configuration per account and region.'],
  );
}

