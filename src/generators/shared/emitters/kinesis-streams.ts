import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Stream = ComponentOfService<'kinesis-streams'>;

/** An encrypted data stream with alarms on consumer lag and write throttling. */
export const kinesisStreams = emitter('kinesis-streams', {
  emit(c: Stream, ctx: Target) {
    const id = ctx.id(c, 'Stream');
    ctx.resource(c, id, 'AWS::Kinesis::Stream', {
      StreamModeDetails: { StreamMode: c.config.mode },
      ShardCount: c.config.mode === 'PROVISIONED' ? c.config.shards : undefined,
      RetentionPeriodHours: c.config.retentionHours,
      StreamEncryption: { EncryptionType: 'KMS', KeyId: ctx.keyArn() ?? 'alias/aws/kinesis' },
    });
    if (ctx.cmk) ctx.ack(id, 'The design asks for customer-managed keys (security.encryptionKeys), so the stream uses its own key instead of aws/kinesis', 'AwsSolutions-KDS3');
    ctx.alarm(c, ctx.id(c, 'IteratorAgeAlarm'), {
      description: `${c.id}: consumers more than a minute behind`,
      namespace: 'AWS/Kinesis',
      metric: 'GetRecords.IteratorAgeMilliseconds',
      dimensions: { StreamName: `\${${id}}` },
      statistic: 'Maximum',
      threshold: 60000,
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    ctx.alarm(c, ctx.id(c, 'WriteThrottlesAlarm'), {
      description: `${c.id}: writes throttled`,
      namespace: 'AWS/Kinesis',
      metric: 'WriteProvisionedThroughputExceeded',
      dimensions: { StreamName: `\${${id}}` },
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
    });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'Stream'), 'Arn');
    return noPart('kinesis-streams', part);
  },
  attr(c, name, ctx) {
    return name === 'name' ? ctx.ref(ctx.id(c, 'Stream')) : undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_STREAM_NAME`]: ctx.ref(ctx.id(c, 'Stream')) };
  },
});
