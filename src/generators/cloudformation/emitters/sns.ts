import type { ComponentOfService } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import { ref, sub } from '../fn.js';
import type { Statement, Value } from '../fn.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Topic = ComponentOfService<'sns'>;

/** Topic (TLS-only policy, KMS), its subscriptions, and an alarm on failed deliveries. */
export const sns = emitter('sns', {
  emit(c: Topic, ctx: CfnContext) {
    const topicId = ctx.id(c, 'Topic');
    const inbound = resourceGrantsInto(ctx, c);
    // AWS services cannot publish to a topic encrypted with the AWS managed SNS key; such topics need the design's own key.
    const key: Value | undefined = ctx.keyArn() ?? (inbound.length ? undefined : 'alias/aws/sns');
    ctx.add(c, topicId, 'AWS::SNS::Topic', {
      DisplayName: c.name ?? c.id,
      TopicName: c.config.fifo ? sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      FifoTopic: c.config.fifo ? true : undefined,
      ContentBasedDeduplication: c.config.fifo ? true : undefined,
      KmsMasterKeyId: key,
    });
    if (!key) {
      ctx.ack(topicId, 'AWS services publish to this topic, which they cannot do through the AWS managed SNS key, and the design uses AWS managed keys', 'HIPAA.Security-SNSEncryptedKMS', 'PCI.DSS.321-SNSEncryptedKMS');
    }
    const grants: Statement[] = inbound.map((g) => ({
      Sid: g.sid,
      Effect: 'Allow',
      Principal: { Service: g.servicePrincipal },
      Action: g.actions,
      Resource: ref(topicId),
      Condition: { ArnLike: { 'aws:SourceArn': grantSourceArn(ctx, g) } },
    }));
    ctx.topicPolicy(c, `${topicId}Policy`, topicId, grants);

    for (const t of ctx.targets(c, ['subscribe'])) {
      const endpoint = t.service === 'sqs' || t.service === 'lambda' || t.service === 'kinesis-firehose' ? ctx.ref({ component: t.id, part: 'arn' }) : ctx.attr(t, 'url');
      if (!endpoint) {
        ctx.warn(`connections`, `${c.id} cannot deliver to ${t.service} '${t.id}'; subscribe it to a queue or function instead`);
        continue;
      }
      const protocol = t.service === 'kinesis-firehose' ? 'firehose' : t.service === 'sqs' || t.service === 'lambda' ? t.service : 'https';
      ctx.add(c, ctx.id(c, `${ctx.prefixes.get(t.id)}Subscription`), 'AWS::SNS::Subscription', {
        TopicArn: ref(topicId),
        Protocol: protocol,
        Endpoint: endpoint,
        RawMessageDelivery: protocol === 'sqs' || protocol === 'firehose' ? true : undefined,
        SubscriptionRoleArn: protocol === 'firehose' ? ctx.attr(t, 'subscriptionRole') : undefined,
      });
    }
    c.config.emailSubscriptions.forEach((email, i) => {
      ctx.add(c, ctx.id(c, `EmailSubscription${i + 1}`), 'AWS::SNS::Subscription', { TopicArn: ref(topicId), Protocol: 'email', Endpoint: email });
    });
    ctx.alarm(c, ctx.id(c, 'FailedDeliveriesAlarm'), {
      description: `${c.id}: notifications that could not be delivered`,
      namespace: 'AWS/SNS',
      metric: 'NumberOfNotificationsFailed',
      dimensions: { TopicName: `\${${topicId}.TopicName}` },
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ref(ctx.id(c, 'Topic'));
    return noPart('sns', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_TOPIC_ARN`]: ref(ctx.id(c, 'Topic')) };
  },
});

