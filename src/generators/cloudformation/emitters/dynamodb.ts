import type { ComponentOfService } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import { getAtt, ref, sub } from '../fn.js';
import type { Value } from '../fn.js';
import { envKey } from '../../shared/emitters/common.js';
import { emitter, noPart } from './types.js';

type Table = ComponentOfService<'dynamodb'>;

/** A table (or a global table with replicas), encrypted, with point-in-time recovery, and throttle alarms. */
export const dynamodb = emitter('dynamodb', {
  emit(c: Table, ctx: CfnContext) {
    const cfg = c.config;
    const tableId = ctx.id(c, 'Table');
    const attrs = new Map<string, string>();
    const keyAttrs = (pk: { name: string; type: string }, sk?: { name: string; type: string }) => {
      attrs.set(pk.name, pk.type);
      if (sk) attrs.set(sk.name, sk.type);
      return [{ AttributeName: pk.name, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : [])];
    };
    const keySchema = keyAttrs(cfg.partitionKey, cfg.sortKey);
    const provisioned = cfg.billingMode === 'PROVISIONED';
    const throughput = provisioned ? { ReadCapacityUnits: cfg.readCapacity, WriteCapacityUnits: cfg.writeCapacity } : undefined;
    const gsis = cfg.globalSecondaryIndexes.map((g) => ({
      IndexName: g.name,
      KeySchema: keyAttrs(g.partitionKey, g.sortKey),
      Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: throughput,
    }));
    const attributeDefinitions = [...attrs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
    const global = cfg.replicaRegions.length > 0;
    if (global) {
      if (ctx.cmk) ctx.warn(`components.${c.id}.config.replicaRegions`, `global table ${c.id} uses AWS owned encryption: the customer-managed key exists only in ${ctx.a.region}`);
      ctx.add(
        c,
        tableId,
        'AWS::DynamoDB::GlobalTable',
        {
          AttributeDefinitions: attributeDefinitions,
          KeySchema: keySchema,
          BillingMode: cfg.billingMode,
          GlobalSecondaryIndexes: gsis.length ? gsis.map(({ ProvisionedThroughput: _p, ...g }) => g) : undefined,
          StreamSpecification: { StreamViewType: cfg.stream === 'NONE' ? 'NEW_AND_OLD_IMAGES' : cfg.stream },
          SSESpecification: { SSEEnabled: true },
          TimeToLiveSpecification: cfg.ttlAttribute ? { AttributeName: cfg.ttlAttribute, Enabled: true } : undefined,
          WriteProvisionedThroughputSettings: provisioned ? { WriteCapacityAutoScalingSettings: { MinCapacity: cfg.writeCapacity, MaxCapacity: cfg.writeCapacity * 10, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } } : undefined,
          Replicas: [ctx.a.region, ...cfg.replicaRegions].map((region) => ({
            Region: region,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: cfg.pointInTimeRecovery },
            DeletionProtectionEnabled: cfg.deletionProtection,
            TableClass: cfg.tableClass,
            ReadProvisionedThroughputSettings: provisioned ? { ReadCapacityAutoScalingSettings: { MinCapacity: cfg.readCapacity, MaxCapacity: cfg.readCapacity * 10, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } } : undefined,
            Tags: ctx.tags(c).map((t) => ({ Key: t.key, Value: t.value })),
          })),
        },
        { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
      );
    } else {
      ctx.add(
        c,
        tableId,
        'AWS::DynamoDB::Table',
        {
          AttributeDefinitions: attributeDefinitions,
          KeySchema: keySchema,
          BillingMode: cfg.billingMode,
          ProvisionedThroughput: throughput,
          GlobalSecondaryIndexes: gsis.length ? gsis : undefined,
          StreamSpecification: cfg.stream !== 'NONE' ? { StreamViewType: cfg.stream } : undefined,
          SSESpecification: ctx.cmk ? { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: ctx.keyArn() } : { SSEEnabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: cfg.pointInTimeRecovery },
          DeletionProtectionEnabled: cfg.deletionProtection,
          TableClass: cfg.tableClass,
          TimeToLiveSpecification: cfg.ttlAttribute ? { AttributeName: cfg.ttlAttribute, Enabled: true } : undefined,
        },
        { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
      );
      if (provisioned) {
        for (const [dim, cap, label] of [['Read', cfg.readCapacity, 'ReadCapacityUnits'], ['Write', cfg.writeCapacity, 'WriteCapacityUnits']] as const) {
          const target = ctx.add(c, ctx.id(c, `${dim}ScalableTarget`), 'AWS::ApplicationAutoScaling::ScalableTarget', {
            ServiceNamespace: 'dynamodb',
            ResourceId: sub(`table/\${${tableId}}`),
            ScalableDimension: `dynamodb:table:${label}`,
            MinCapacity: cap,
            MaxCapacity: cap * 10,
          });
          ctx.add(c, ctx.id(c, `${dim}Scaling`), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
            PolicyName: sub(`\${${tableId}}-${dim.toLowerCase()}`),
            PolicyType: 'TargetTrackingScaling',
            ScalingTargetId: ref(target),
            TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dim}CapacityUtilization` } },
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
        dimensions: { TableName: `\${${tableId}}` },
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
      });
    }
    ctx.output(`${ctx.prefixes.get(c.id)}TableName`, ref(tableId), `Table ${c.id}`);
  },
  ref(c, part, ctx) {
    const t = ctx.id(c, 'Table');
    if (part === 'arn') return getAtt(t, 'Arn');
    if (part === 'indexes') return sub(`\${${t}.Arn}/index/*`);
    if (part === 'stream') return getAtt(t, 'StreamArn');
    return noPart('dynamodb', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_TABLE_NAME`]: ref(ctx.id(c, 'Table')) };
  },
  backup(c, ctx) {
    return { arn: getAtt(ctx.id(c, 'Table'), 'Arn') };
  },
});
