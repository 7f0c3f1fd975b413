import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Stmt } from '../values.js';
import { envKey } from './common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Queue = ComponentOfService<'sqs'>;

/** Queue and dead-letter queue (TLS-only, encrypted), with alarms on message age and dead letters. */
export const sqs = emitter('sqs', {
  emit(c: Queue, ctx: Target) {
    const cfg = c.config;
    const queueId = ctx.id(c, 'Queue');
    const dlqId = ctx.id(c, 'DeadLetterQueue');
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'queue'}`);
    ctx.queue(c, dlqId, { name: cfg.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}-dlq.fifo`) : undefined, retentionDays: 14, fifo: cfg.fifo, reuseDataKeys: true });
    ctx.queue(c, queueId, {
      name: cfg.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      visibilityTimeoutSeconds: cfg.visibilityTimeoutSeconds,
      retentionDays: cfg.retentionDays,
      deadLetter: { queue: dlqId, maxReceiveCount: cfg.maxReceiveCount },
      fifo: cfg.fifo,
      reuseDataKeys: true,
    });
    const grants: Stmt[] = resourceGrantsInto(ctx, c).map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ctx.att(queueId, 'Arn'),
      Condition: { ArnEquals: { 'aws:SourceArn': grantSourceArn(ctx, g) } },
    }));
    ctx.queuePolicy(c, queueId, grants);
    ctx.queuePolicy(c, dlqId, []);
    ctx.alarm(c, ctx.id(c, 'MessageAgeAlarm'), { description: `${c.id}: oldest message waiting more than 15 minutes (consumers falling behind)`, namespace: 'AWS/SQS', metric: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: ctx.att(queueId, 'QueueName') }, statistic: 'Maximum', threshold: 900, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    ctx.alarm(c, ctx.id(c, 'DeadLetterAlarm'), { description: `${c.id}: messages moved to the dead-letter queue`, namespace: 'AWS/SQS', metric: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: ctx.att(dlqId, 'QueueName') }, statistic: 'Maximum', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    ctx.output(`${ctx.prefixes.get(c.id)}QueueUrl`, ctx.ref(queueId), `URL of queue ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'Queue'), 'Arn');
    return noPart('sqs', part);
  },
  attr(c, name, ctx) {
    if (name === 'url') return ctx.ref(ctx.id(c, 'Queue'));
    if (name === 'name') return ctx.att(ctx.id(c, 'Queue'), 'QueueName');
    return undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_QUEUE_URL`]: ctx.ref(ctx.id(c, 'Queue')) };
  },
});
