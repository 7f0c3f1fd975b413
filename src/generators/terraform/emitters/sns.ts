import { alarmAndWidget, arn, denyInsecureTransport, policyDocument } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { raw } from '../hcl.js';
import type { Body } from '../hcl.js';
import { resourceStatements } from '../iam.js';
import { lambdaArn } from './lambda.js';

export const sns: Emitter<'sns'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const topicArn = raw(`aws_sns_topic.${n}.arn`);
    const fromServices = ctx.grants.some((g) => g.type === 'resource' && g.target === c.id);
    // Services publishing on their own behalf (S3, EventBridge) cannot use the AWS managed SNS key.
    const key = ctx.kms(fromServices ? ['s3.amazonaws.com', 'events.amazonaws.com'] : []) ?? (fromServices ? undefined : 'alias/aws/sns');
    const suffix = cfg.fifo ? '.fifo' : '';
    ctx.resource(
      file,
      'aws_sns_topic',
      n,
      {
        name: ctx.awsName([c.id], { max: 256, suffix }),
        fifo_topic: cfg.fifo ? true : undefined,
        content_based_deduplication: cfg.fifo ? true : undefined,
        kms_master_key_id: key,
        tags: ctx.tags(c),
      },
      !key ? ['No KMS key: S3 and EventBridge cannot publish to a topic encrypted with the AWS managed SNS key.'] : undefined,
    );
    const doc = policyDocument(ctx, file, ctx.n(c.id, 'topic', 'policy'), [denyInsecureTransport(['sns:Publish'], [topicArn]), ...resourceStatements(ctx, c.id, ctx.refs)]);
    ctx.resource(file, 'aws_sns_topic_policy', n, { arn: topicArn, policy: doc });

    cfg.emailSubscriptions.forEach((email, i) => {
      ctx.resource(file, 'aws_sns_topic_subscription', ctx.n(c.id, 'email', String(i + 1)), { topic_arn: topicArn, protocol: 'email', endpoint: email }, [`${email} confirms the subscription from the email AWS sends.`]);
    });
    const edges = ctx.out(c.id, 'subscribe', 'trigger', 'invoke');
    for (const { to } of edges.filter((x, i) => edges.findIndex((y) => y.to.id === x.to.id) === i)) {
      const local = ctx.n(c.id, 'to', to.id);
      let body: Body | undefined;
      if (to.service === 'sqs') {
        body = { topic_arn: topicArn, protocol: 'sqs', endpoint: raw(`aws_sqs_queue.${ctx.n(to.id)}.arn`), raw_message_delivery: true, depends_on: [raw(`aws_sqs_queue_policy.${ctx.n(to.id)}`)] };
      } else if (to.service === 'lambda') {
        body = { topic_arn: topicArn, protocol: 'lambda', endpoint: lambdaArn(ctx, to), depends_on: [raw(`aws_lambda_permission.${ctx.n(to.id, 'allow', c.id)}`)] };
      } else if (to.service === 'kinesis-firehose') {
        const role = ctx.n(c.id, 'delivery');
        body = { topic_arn: topicArn, protocol: 'firehose', endpoint: raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(to.id)}.arn`), subscription_role_arn: raw(`aws_iam_role.${role}.arn`), raw_message_delivery: true };
        if (!ctx.shared.has(`sns-delivery-role:${c.id}`)) {
          ctx.shared.add(`sns-delivery-role:${c.id}`);
          const assume = policyDocument(ctx, file, ctx.n(c.id, 'delivery', 'assume'), [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['sns.amazonaws.com'] } }]);
          ctx.resource(file, 'aws_iam_role', role, { name: ctx.awsName([c.id, 'delivery'], { max: 64 }), description: `Lets SNS deliver ${c.id} to Firehose`, assume_role_policy: assume, tags: ctx.tags(c) });
        }
        const p = policyDocument(ctx, file, ctx.n(c.id, 'delivery', to.id), [{ sid: 'DeliverToFirehose', actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [raw(`aws_kinesis_firehose_delivery_stream.${ctx.n(to.id)}.arn`)] }]);
        ctx.resource(file, 'aws_iam_role_policy', ctx.n(c.id, 'delivery', to.id), { name: `deliver-${to.id}`, role: raw(`aws_iam_role.${role}.id`), policy: p });
      } else if (to.service === 'apigateway-rest' || to.service === 'apigateway-http') {
        ctx.note(`SNS topic ${c.id} delivers to ${to.id} over HTTPS: confirm the subscription from the API (SNS sends a SubscriptionConfirmation request).`);
        body = { topic_arn: topicArn, protocol: 'https', endpoint: raw(to.service === 'apigateway-rest' ? `aws_api_gateway_stage.${ctx.n(to.id)}.invoke_url` : `aws_apigatewayv2_stage.${ctx.n(to.id)}.invoke_url`) };
      } else {
        ctx.note(`SNS topic ${c.id} cannot deliver to ${to.service} ${to.id} directly; subscribe a queue or function that starts it.`);
      }
      if (body) ctx.resource(file, 'aws_sns_topic_subscription', local, body, [`${c.id} delivers to ${to.id}`]);
    }
    alarmAndWidget(ctx, c.id, 'failed-deliveries', `Deliveries from ${c.id} failed`, 'AWS/SNS', 'NumberOfNotificationsFailed', { TopicName: raw(`aws_sns_topic.${n}.name`) }, 'Sum', 'GreaterThanThreshold', 0);
    ctx.output({ name: `${n}_topic_arn`, value: topicArn, description: `ARN of topic ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_sns_topic.${ctx.n(c.id)}.arn`)];
    return noPart('sns', part);
  },
  env(c, ctx) {
    return [['TOPIC_ARN', arn('sns', ctx.awsName([c.id], { max: 256, suffix: c.config.fifo ? '.fifo' : '' }))]];
  },
};
