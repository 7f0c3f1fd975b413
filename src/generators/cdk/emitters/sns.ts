import type { ComponentOfService } from '../../../model/index.js';
import { code, print } from '../code.js';
import type { Code, TsValue } from '../code.js';
import type { CdkContext } from '../context.js';
import { envKey } from '../../shared/emitters/common.js';
import { grantSourceArn, resourceGrantsInto } from './lambda.js';
import { emitter, noPart } from './types.js';

type Topic = ComponentOfService<'sns'>;

/** Topic (L2, TLS-only policy, KMS), its subscriptions, and an alarm on failed deliveries. */
export const sns = emitter('sns', {
  emit(c: Topic, ctx: CdkContext) {
    const m = ctx.mod('aws-sns');
    const topicId = ctx.id(c, 'Topic');
    const inbound = resourceGrantsInto(ctx, c);
    let key: Code | undefined = ctx.key();
    if (!key && !inbound.length) {
      const kms = ctx.mod('aws-kms');
      key = code(`${kms}.Alias.fromAliasName(${ctx.scope(c)}, 'AwsSnsKey', 'alias/aws/sns')`, '', [ctx.scope(c)]);
    }
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'topic'}`);
    const props: Record<string, TsValue> = {
      displayName: c.name ?? c.id,
      topicName: c.config.fifo ? ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}.fifo`) : undefined,
      fifo: c.config.fifo ? true : undefined,
      contentBasedDeduplication: c.config.fifo ? true : undefined,
      masterKey: key,
      enforceSSL: true,
    };
    const v = ctx.construct(c, topicId, (s, id) => `new ${m}.Topic(${s}, ${id}, ${print(props, 2)})`, key?.deps ?? [], [`${topicId}Policy`], 'topic');
    if (!key) ctx.ack(topicId, 'AWS services publish to this topic, which they cannot do through the AWS managed SNS key, and the design uses AWS managed keys', 'HIPAA.Security-SNSEncryptedKMS', 'PCI.DSS.321-SNSEncryptedKMS');
    for (const g of inbound) {
      const st = ctx.statement({ Sid: g.sid, Effect: 'Allow', Principal: { Service: g.servicePrincipal }, Action: g.actions, Resource: ctx.ref(topicId), Condition: { ArnLike: { 'aws:SourceArn': grantSourceArn(ctx, g) } } });
      ctx.stmt(() => `${v}.addToResourcePolicy(${st.code});`, [v, ...st.deps]);
    }
    for (const t of ctx.targets(c, ['subscribe'])) {
      const endpoint = t.service === 'sqs' || t.service === 'lambda' || t.service === 'kinesis-firehose' ? ctx.refOf({ component: t.id, part: 'arn' }) : ctx.attr(t, 'url');
      if (!endpoint) {
        ctx.warn('connections', `${c.id} cannot deliver to ${t.service} '${t.id}'; subscribe it to a queue or function instead`);
        continue;
      }
      const protocol = t.service === 'kinesis-firehose' ? 'FIREHOSE' : t.service === 'sqs' ? 'SQS' : t.service === 'lambda' ? 'LAMBDA' : 'HTTPS';
      const sp: Record<string, TsValue> = { topic: ctx.obj(topicId), protocol: code(`${m}.SubscriptionProtocol.${protocol}`), endpoint, rawMessageDelivery: protocol === 'SQS' || protocol === 'FIREHOSE' ? true : undefined };
      ctx.construct(c, ctx.id(c, `${ctx.prefixes.get(t.id)}Subscription`), (s, id) => `new ${m}.Subscription(${s}, ${id}, ${print(sp, 2)})`, [...(typeof endpoint === 'string' ? [] : endpoint.deps), ctx.v(topicId)], [], 'subscription');
    }
    c.config.emailSubscriptions.forEach((email, i) => {
      const sp = { topic: ctx.obj(topicId), protocol: code(`${m}.SubscriptionProtocol.EMAIL`), endpoint: email };
      ctx.construct(c, ctx.id(c, `EmailSubscription${i + 1}`), (s, id) => `new ${m}.Subscription(${s}, ${id}, ${print(sp, 2)})`, [ctx.v(topicId)], [], 'subscription');
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
