import { alarmAndWidget, arn, denyInsecureTransport, policyDocument } from '../common.js';
import { ACCOUNT_ID, REGION } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { jsonencode, obj, raw, tpl } from '../hcl.js';
import { resourceStatements } from '../iam.js';

export const sqs: Emitter<'sqs'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const dlq = ctx.n(c.id, 'dlq');
    const cfg = c.config;
    const suffix = cfg.fifo ? '.fifo' : '';
    const key = ctx.kms();
    const encryption = key ? { kms_master_key_id: key, kms_data_key_reuse_period_seconds: 300 } : { sqs_managed_sse_enabled: true };
    ctx.resource(
      file,
      'aws_sqs_queue',
      dlq,
      {
        name: ctx.awsName([c.id, 'dlq'], { max: 80, suffix }),
        fifo_queue: cfg.fifo ? true : undefined,
        message_retention_seconds: 1209600,
        ...encryption,
        tags: ctx.tags(c),
      },
      [`Dead-letter queue of ${c.id}: messages that failed ${cfg.maxReceiveCount} times, kept 14 days.`],
    );
    ctx.resource(file, 'aws_sqs_queue', n, {
      name: ctx.awsName([c.id], { max: 80, suffix }),
      fifo_queue: cfg.fifo ? true : undefined,
      content_based_deduplication: cfg.fifo ? true : undefined,
      visibility_timeout_seconds: cfg.visibilityTimeoutSeconds,
      message_retention_seconds: cfg.retentionDays * 86400,
      receive_wait_time_seconds: 20,
      ...encryption,
      redrive_policy: jsonencode(obj({ deadLetterTargetArn: raw(`aws_sqs_queue.${dlq}.arn`), maxReceiveCount: cfg.maxReceiveCount })),
      tags: ctx.tags(c),
    });
    ctx.resource(file, 'aws_sqs_queue_redrive_allow_policy', dlq, {
      queue_url: raw(`aws_sqs_queue.${dlq}.id`),
      redrive_allow_policy: jsonencode(obj({ redrivePermission: 'byQueue', sourceQueueArns: [raw(`aws_sqs_queue.${n}.arn`)] })),
    });
    const queueArn = raw(`aws_sqs_queue.${n}.arn`);
    const doc = policyDocument(ctx, file, ctx.n(c.id, 'queue', 'policy'), [denyInsecureTransport(['sqs:*'], [queueArn]), ...resourceStatements(ctx, c.id, ctx.refs)]);
    ctx.resource(file, 'aws_sqs_queue_policy', n, { queue_url: raw(`aws_sqs_queue.${n}.id`), policy: doc });

    alarmAndWidget(ctx, c.id, 'oldest-message', `Messages in ${c.id} wait longer than 15 minutes`, 'AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: raw(`aws_sqs_queue.${n}.name`) }, 'Maximum', 'GreaterThanThreshold', 900, { evaluationPeriods: 2 });
    alarmAndWidget(ctx, c.id, 'dead-letters', `Messages of ${c.id} reached its dead-letter queue`, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: raw(`aws_sqs_queue.${dlq}.name`) }, 'Maximum', 'GreaterThanThreshold', 0);
    ctx.output({ name: `${n}_queue_url`, value: raw(`aws_sqs_queue.${n}.url`), description: `URL of queue ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_sqs_queue.${ctx.n(c.id)}.arn`)];
    return noPart('sqs', part);
  },
  env(c, ctx) {
    const name = ctx.awsName([c.id], { max: 80, suffix: c.config.fifo ? '.fifo' : '' });
    return [
      ['QUEUE_URL', tpl`https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/${name}`],
      ['QUEUE_ARN', arn('sqs', name)],
    ];
  },
};
