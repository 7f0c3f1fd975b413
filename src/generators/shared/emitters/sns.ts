import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Stmt } from '../values.js';
import { envKey } from './common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Topic = ComponentOfService<'sns'>;

/** Topic (TLS-only policy, KMS), its subscriptions, and an alarm on failed deliveries. */
export const sns = emitter('sns', {
  emit(c: Topic, ctx: Target) {
    const topicId = ctx.id(c, 'Topic');
    const inbound = resourceGrantsInto(ctx, c);
    ctx.topic(c, topicId, {
      displayName: c.name ?? c.id,
      name: c.config.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      fifo: c.config.fifo,
      // AWS services cannot publish to a topic encrypted with the AWS managed SNS key; such topics need the design's own key.
      awsManagedKey: inbound.length === 0,
      comment: `${c.id}: ${c.description ?? c.name ?? 'topic'}`,
    });
    if (!ctx.cmk && inbound.length) {
      ctx.ack(topicId, 'AWS services publish to this topic, which they cannot do through the AWS managed SNS key, and the design uses AWS managed keys', 'HIPAA.Security-SNSEncryptedKMS', 'PCI.DSS.321-SNSEncryptedKMS');
    }
    const grants: Stmt[] = inbound.map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ctx.ref(topicId),
      Condition: { ArnLike: { 'aws:SourceArn': grantSourceArn(ctx, g) } },
    }));
    ctx.topicPolicy(c, topicId, grants);

    for (const t of ctx.targets(c, ['subscribe'])) {
      const endpoint = t.service === 'sqs' || t.service === 'lambda' || t.service === 'kinesis-firehose' ? ctx.refOf({ component: t.id, part: 'arn' }) : ctx.attr(t, 'url');
      if (!endpoint) {
        ctx.warn('connections', `${c.id} cannot deliver to ${t.service} '${t.id}'; subscribe it to a queue or function instead`);
        continue;
      }
      const protocol = t.service === 'kinesis-firehose' ? 'firehose' : t.service === 'sqs' || t.service === 'lambda' ? t.service : 'https';
      ctx.subscription(c, ctx.id(c, `${ctx.prefixes.get(t.id)}Subscription`), {
        topic: topicId,
        protocol,
        endpoint,
        raw: protocol === 'sqs' || protocol === 'firehose',
        roleArn: protocol === 'firehose' ? ctx.attr(t, 'subscriptionRole') : undefined,
      });
    }
    c.config.emailSubscriptions.forEach((email, i) => {
      ctx.subscription(c, ctx.id(c, `EmailSubscription${i + 1}`), { topic: topicId, protocol: 'email', endpoint: email });
    });
    ctx.alarm(c, ctx.id(c, 'FailedDeliveriesAlarm'), { description: `${c.id}: notifications that could not be delivered`, namespace: 'AWS/SNS', metric: 'NumberOfNotificationsFailed', dimensions: { TopicName: ctx.att(topicId, 'TopicName') }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'Topic'));
    return noPart('sns', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_TOPIC_ARN`]: ctx.ref(ctx.id(c, 'Topic')) };
  },
});
