import type { ComponentOfService } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import { getAtt, ref, sub } from '../fn.js';
import type { Statement } from '../fn.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Queue = ComponentOfService<'sqs'>;

const DAY = 86400;

/** TLS-only queue policy statement. */
export function denyInsecureQueue(queueId: string): Statement {
  return { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: getAtt(queueId, 'Arn'), Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
}

/** Queue, its dead-letter queue, TLS-only policies, and alarms on message age and dead letters. */
export const sqs = emitter('sqs', {
  emit(c: Queue, ctx: CfnContext) {
    const cfg = c.config;
    const queueId = ctx.id(c, 'Queue');
    const dlqId = ctx.id(c, 'DeadLetterQueue');
    const enc = { KmsMasterKeyId: ctx.keyArn(), KmsDataKeyReusePeriodSeconds: ctx.cmk ? 300 : undefined, SqsManagedSseEnabled: ctx.cmk ? undefined : true };
    const fifo = cfg.fifo ? { FifoQueue: true, ContentBasedDeduplication: true } : {};
    ctx.add(c, dlqId, 'AWS::SQS::Queue', {
      QueueName: cfg.fifo ? sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}-dlq.fifo`) : undefined,
      MessageRetentionPeriod: 14 * DAY,
      ...fifo,
      ...enc,
    });
    ctx.add(c, queueId, 'AWS::SQS::Queue', {
      QueueName: cfg.fifo ? sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      VisibilityTimeout: cfg.visibilityTimeoutSeconds,
      MessageRetentionPeriod: cfg.retentionDays * DAY,
      // Sub rather than GetAtt: inside this JSON-typed property cfn-include (and so cdk-nag) reads a short-form
      // GetAtt as a plain string and would not see the dead-letter queue.
      RedrivePolicy: { deadLetterTargetArn: sub(`\${${dlqId}.Arn}`), maxReceiveCount: cfg.maxReceiveCount },
      ...fifo,
      ...enc,
    });
    const grants: Statement[] = resourceGrantsInto(ctx, c).map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: getAtt(queueId, 'Arn'),
      Condition: { ArnEquals: { 'aws:SourceArn': grantSourceArn(ctx, g) } },
    }));
    ctx.add(c, `${queueId}Policy`, 'AWS::SQS::QueuePolicy', { Queues: [ref(queueId)], PolicyDocument: { Version: '2012-10-17', Statement: [denyInsecureQueue(queueId), ...grants] as never } });
    ctx.add(c, `${dlqId}Policy`, 'AWS::SQS::QueuePolicy', { Queues: [ref(dlqId)], PolicyDocument: { Version: '2012-10-17', Statement: [denyInsecureQueue(dlqId)] as never } });

    ctx.alarm(c, ctx.id(c, 'MessageAgeAlarm'), {
      description: `${c.id}: oldest message waiting more than 15 minutes (consumers falling behind)`,
      namespace: 'AWS/SQS',
      metric: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: `\${${queueId}.QueueName}` },
      statistic: 'Maximum',
      threshold: 900,
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    ctx.alarm(c, ctx.id(c, 'DeadLetterAlarm'), {
      description: `${c.id}: messages moved to the dead-letter queue`,
      namespace: 'AWS/SQS',
      metric: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: `\${${dlqId}.QueueName}` },
      statistic: 'Maximum',
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
    ctx.output(`${ctx.prefixes.get(c.id)}QueueUrl`, ref(queueId), `URL of queue ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return getAtt(ctx.id(c, 'Queue'), 'Arn');
    return noPart('sqs', part);
  },
  attr(c, name, ctx) {
    if (name === 'url') return ref(ctx.id(c, 'Queue'));
    if (name === 'name') return getAtt(ctx.id(c, 'Queue'), 'QueueName');
    return undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_QUEUE_URL`]: ref(ctx.id(c, 'Queue')) };
  },
});
