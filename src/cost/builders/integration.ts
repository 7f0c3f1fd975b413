import type { Charge } from '../engine.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../usage.js';
import { type Builder, dim, n } from './common.js';

/** Each message is sent, received and deleted: three SQS requests per 64 KB chunk. */
const SQS_REQUESTS_PER_MESSAGE = 3;

export const sqs: Builder<'sqs'> = (c, u) => [
  dim(c, 'sqs', c.config.fifo ? 'fifo-requests' : 'standard-requests', `${c.config.fifo ? 'FIFO' : 'standard'} queue requests`, (u.messagesPerMonth ?? 0) * SQS_REQUESTS_PER_MESSAGE, `${n(u.messagesPerMonth ?? 0)} messages x 3 (send, receive, delete)`),
];

export const sns: Builder<'sns'> = (c, u, ctx) => {
  const msgs = u.messagesPerMonth ?? 0;
  const out: Charge[] = [dim(c, 'sns', c.config.fifo ? 'fifo-publishes' : 'publishes', 'publishes', msgs)];
  const targets = ctx.arch.connections.filter((e) => e.from === c.id && (e.kind === 'subscribe' || e.kind === 'trigger' || e.kind === 'invoke'));
  const kinds = new Map(ctx.arch.components.map((x) => [x.id, x.service]));
  const sqsSubs = targets.filter((e) => kinds.get(e.to) === 'sqs').length;
  const lambdaSubs = targets.filter((e) => kinds.get(e.to) === 'lambda').length;
  if (sqsSubs) out.push(dim(c, 'sns', 'sqs-deliveries', 'deliveries to SQS', msgs * sqsSubs, `${sqsSubs} subscription(s)`));
  if (lambdaSubs) out.push(dim(c, 'sns', 'lambda-deliveries', 'deliveries to Lambda', msgs * lambdaSubs, `${lambdaSubs} subscription(s)`));
  const emails = c.config.emailSubscriptions.length;
  if (emails) out.push(dim(c, 'sns', 'email-deliveries', 'email deliveries', msgs * emails, `${emails} email subscription(s)`));
  return out;
};

export const eventbridge: Builder<'eventbridge'> = (c, u) => {
  const msgs = u.messagesPerMonth ?? 0;
  const out: Charge[] = [dim(c, 'eventbridge', 'custom-events', 'custom events', msgs, c.config.busName === 'default' ? 'events from AWS services are free; custom events priced' : undefined)];
  if (c.config.archiveRetentionDays > 0) {
    const gb = (msgs * 1) / (1024 * 1024);
    out.push(dim(c, 'eventbridge', 'archive-processed', 'events archived', gb, '1 KB per event'));
    out.push(dim(c, 'eventbridge', 'archive-storage', 'archive storage', (gb * c.config.archiveRetentionDays) / 30, `${c.config.archiveRetentionDays} days retained`));
  }
  return out;
};

export const stepFunctions: Builder<'step-functions'> = (c, u) => {
  if (c.config.type === 'STANDARD') return [dim(c, 'stepfunctions', 'standard-transitions', 'state transitions', u.messagesPerMonth ?? 0, `${n(u.requestsPerMonth ?? 0)} executions`)];
  const runs = u.requestsPerMonth ?? 0;
  return [
    dim(c, 'stepfunctions', 'express-requests', 'express executions', runs),
    dim(c, 'stepfunctions', 'express-duration', 'express duration', ((runs * (u.avgDurationMs ?? 0)) / 1000) * (64 / 1024), '64 MB memory per execution'),
  ];
};

export const kinesisStreams: Builder<'kinesis-streams'> = (c, u, ctx) => {
  const consumers = Math.max(1, ctx.arch.connections.filter((e) => e.from === c.id && (e.kind === 'trigger' || e.kind === 'invoke')).length + ctx.arch.connections.filter((e) => e.to === c.id && e.kind === 'read').length);
  const gb = u.dataProcessedGb ?? 0;
  if (c.config.mode === 'ON_DEMAND') {
    return [
      dim(c, 'kinesis', 'ondemand-stream-hours', 'stream-hours (on-demand)', u.hoursPerMonth ?? HOURS_PER_MONTH),
      dim(c, 'kinesis', 'ondemand-ingested', 'data ingested', gb),
      dim(c, 'kinesis', 'ondemand-retrieved', 'data retrieved', gb * consumers, `${consumers} consumer(s) read every record`),
    ];
  }
  const records = u.messagesPerMonth ?? 0;
  const kbPerRecord = records > 0 ? (gb * 1024 * 1024) / records : 1;
  const out: Charge[] = [
    dim(c, 'kinesis', 'shard-hours', 'shard-hours', c.config.shards * HOURS_PER_MONTH, `${c.config.shards} shard(s); capacity ${c.config.shards * 1000} records/s, average need ${n(records / SECONDS_PER_MONTH)}/s`),
    dim(c, 'kinesis', 'put-payload-units', 'PUT payload units (25 KB)', records * Math.ceil(kbPerRecord / 25)),
  ];
  if (c.config.retentionHours > 24) out.push(dim(c, 'kinesis', 'extended-retention', 'extended retention', c.config.shards * HOURS_PER_MONTH, `${c.config.retentionHours} h retention`));
  return out;
};

export const kinesisFirehose: Builder<'kinesis-firehose'> = (c, u) => {
  const gb = u.dataProcessedGb ?? 0;
  const out: Charge[] = [dim(c, 'firehose', 'ingestion-gb', 'data ingested', gb, 'records rounded up to 5 KB are not modelled')];
  if (c.config.format === 'parquet') out.push(dim(c, 'firehose', 'format-conversion-gb', 'conversion to Parquet', gb));
  return out;
};

export const iotCore: Builder<'iot-core'> = (c, u) => [
  dim(c, 'iot', 'messages', 'messages (5 KB increments)', u.messagesPerMonth ?? 0),
  dim(c, 'iot', 'connection-minutes', 'connection minutes', u.connectionMinutesPerMonth ?? 0, `${n((u.connectionMinutesPerMonth ?? 0) / (HOURS_PER_MONTH * 60))} devices connected on average`),
  dim(c, 'iot', 'rules-triggered', 'rules triggered (with one action)', u.messagesPerMonth ?? 0, `every message matches ${c.config.topicFilter}`),
];

export const ses: Builder<'ses'> = (c, u) => [dim(c, 'ses', 'outbound-email', 'emails sent', u.messagesPerMonth ?? 0)];

export const transferFamily: Builder<'transfer-family'> = (c, u) => [
  dim(c, 'transfer', 'endpoint-hours', 'protocol endpoint hours', c.config.protocols.length * (u.hoursPerMonth ?? HOURS_PER_MONTH), `${c.config.protocols.join(', ')} enabled`),
  dim(c, 'transfer', 'data-gb', 'data uploaded and downloaded', u.dataProcessedGb ?? 0),
];
