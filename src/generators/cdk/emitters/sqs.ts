import type { ComponentOfService } from '../../../model/index.js';
import { code, print } from '../code.js';
import type { TsValue } from '../code.js';
import type { CdkContext } from '../context.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Queue = ComponentOfService<'sqs'>;

/** Queue and dead-letter queue (L2, TLS-only policies via enforceSSL), with alarms on message age and dead letters. */
export const sqs = emitter('sqs', {
  emit(c: Queue, ctx: CdkContext) {
    const cfg = c.config;
    const m = ctx.mod('aws-sqs');
    const queueId = ctx.id(c, 'Queue');
    const dlqId = ctx.id(c, 'DeadLetterQueue');
    const key = ctx.key();
    const enc: Record<string, TsValue> = { encryption: code(`${m}.QueueEncryption.${key ? 'KMS' : 'SQS_MANAGED'}`), encryptionMasterKey: key, dataKeyReuse: key ? code('cdk.Duration.minutes(5)') : undefined, enforceSSL: true };
    const fifo = cfg.fifo ? { fifo: true, contentBasedDeduplication: true } : {};
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'queue'}`);
    const dlq: Record<string, TsValue> = { queueName: cfg.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}-dlq.fifo`) : undefined, retentionPeriod: code('cdk.Duration.days(14)'), ...fifo, ...enc };
    ctx.construct(c, dlqId, (s, id) => `new ${m}.Queue(${s}, ${id}, ${print(dlq, 2)})`, key?.deps ?? [], [`${dlqId}Policy`], 'queue');
    const q: Record<string, TsValue> = {
      queueName: cfg.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      visibilityTimeout: code(`cdk.Duration.seconds(${cfg.visibilityTimeoutSeconds})`),
      retentionPeriod: code(`cdk.Duration.days(${cfg.retentionDays})`),
      deadLetterQueue: { queue: ctx.obj(dlqId), maxReceiveCount: cfg.maxReceiveCount },
      ...fifo,
      ...enc,
    };
    const v = ctx.construct(c, queueId, (s, id) => `new ${m}.Queue(${s}, ${id}, ${print(q, 2)})`, [ctx.v(dlqId), ...(key?.deps ?? [])], [`${queueId}Policy`], 'queue');
    for (const g of resourceGrantsInto(ctx, c)) {
      const st = ctx.statement({ Sid: g.sid, Effect: 'Allow', Principal: { Service: g.servicePrincipal }, Action: g.actions, Resource: ctx.att(queueId, 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': grantSourceArn(ctx, g) } } });
      ctx.stmt(() => `${v}.addToResourcePolicy(${st.code});`, [v, ...st.deps]);
    }
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
