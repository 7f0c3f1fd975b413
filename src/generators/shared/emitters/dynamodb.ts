import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Table = ComponentOfService<'dynamodb'>;

/** A table (or a global table with replicas), encrypted, with point-in-time recovery, and throttle alarms. */
export const dynamodb = emitter('dynamodb', {
  emit(c: Table, ctx: Target) {
    const cfg = c.config;
    const tableId = ctx.id(c, 'Table');
    const provisioned = cfg.billingMode === 'PROVISIONED';
    const global = cfg.replicaRegions.length > 0;
    // Provisioned tables scale from the design's capacity up to ten times it, at 70 % utilisation.
    const capacity = provisioned ? { read: { min: cfg.readCapacity, max: cfg.readCapacity * 10 }, write: { min: cfg.writeCapacity, max: cfg.writeCapacity * 10 }, targetPercent: 70 } : undefined;
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'table'}`);
    if (global && ctx.cmk) ctx.warn(`components.${c.id}.config.replicaRegions`, `global table ${c.id} uses AWS owned encryption: the customer-managed key exists only in ${ctx.a.region}`);
    ctx.table(c, tableId, {
      partitionKey: cfg.partitionKey,
      sortKey: cfg.sortKey,
      indexes: cfg.globalSecondaryIndexes,
      capacity,
      // A global table always has a stream: replication reads it.
      stream: cfg.stream !== 'NONE' ? cfg.stream : global ? 'NEW_AND_OLD_IMAGES' : undefined,
      pointInTimeRecovery: cfg.pointInTimeRecovery,
      deletionProtection: cfg.deletionProtection,
      tableClass: cfg.tableClass,
      ttlAttribute: cfg.ttlAttribute,
      replicaRegions: cfg.replicaRegions,
    });
    if (!global) {
      if (capacity) {
        // Global tables scale through their replica settings; a table gets scaling targets of its own.
        for (const [dim, cap, label] of [['Read', capacity.read, 'ReadCapacityUnits'], ['Write', capacity.write, 'WriteCapacityUnits']] as const) {
          const target = ctx.resource(c, ctx.id(c, `${dim}ScalableTarget`), 'AWS::ApplicationAutoScaling::ScalableTarget', {
            ServiceNamespace: 'dynamodb',
            ResourceId: ctx.sub(`table/\${${tableId}}`),
            ScalableDimension: `dynamodb:table:${label}`,
            MinCapacity: cap.min,
            MaxCapacity: cap.max,
          });
          ctx.resource(c, ctx.id(c, `${dim}Scaling`), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
            PolicyName: ctx.sub(`\${${tableId}}-${dim.toLowerCase()}`),
            PolicyType: 'TargetTrackingScaling',
            ScalingTargetId: ctx.ref(target),
            TargetTrackingScalingPolicyConfiguration: { TargetValue: capacity.targetPercent, PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dim}CapacityUtilization` } },
          });
        }
      } else {
        ctx.ack(tableId, 'On-demand (PAY_PER_REQUEST) billing scales capacity automatically; auto scaling applies to provisioned tables only', 'HIPAA.Security-DynamoDBAutoScalingEnabled', 'PCI.DSS.321-DynamoDBAutoScalingEnabled');
      }
    }
    if (!cfg.pointInTimeRecovery) ctx.ack(tableId, 'Point-in-time recovery is turned off in the design (pointInTimeRecovery: false)', 'AwsSolutions-DDB3', 'HIPAA.Security-DynamoDBPITREnabled', 'PCI.DSS.321-DynamoDBPITREnabled');
    for (const dim of ['Read', 'Write'] as const) {
      ctx.alarm(c, ctx.id(c, `${dim}ThrottlesAlarm`), {
        description: `${c.id}: ${dim.toLowerCase()} requests throttled`,
        namespace: 'AWS/DynamoDB',
        metric: `${dim}ThrottleEvents`,
        dimensions: { TableName: ctx.ref(tableId) },
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
      });
    }
    ctx.output(`${ctx.prefixes.get(c.id)}TableName`, ctx.ref(tableId), `Table ${c.id}`);
  },
  ref(c, part, ctx) {
    const t = ctx.id(c, 'Table');
    if (part === 'arn') return ctx.att(t, 'Arn');
    if (part === 'indexes') return ctx.sub(`\${${t}.Arn}/index/*`);
    if (part === 'stream') return ctx.att(t, 'StreamArn');
    return noPart('dynamodb', part);
  },
  attr(c, name, ctx) {
    return name === 'name' ? ctx.ref(ctx.id(c, 'Table')) : undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_TABLE_NAME`]: ctx.ref(ctx.id(c, 'Table')) };
  },
  backup(c, ctx) {
    return { arn: ctx.att(ctx.id(c, 'Table'), 'Arn') };
  },
});
