import type { ComponentOfService } from '../../../model/index.js';
import { code, print } from '../code.js';
import type { TsValue } from '../code.js';
import type { CdkContext } from '../context.js';
import { envKey } from '../../shared/emitters/common.js';
import { emitter, noPart } from './types.js';

type Table = ComponentOfService<'dynamodb'>;

const TYPE = { S: 'STRING', N: 'NUMBER', B: 'BINARY' } as const;

/** A table (L2 `dynamodb.Table`, or `TableV2` for a global table), encrypted, with PITR and throttle alarms. */
export const dynamodb = emitter('dynamodb', {
  emit(c: Table, ctx: CdkContext) {
    const cfg = c.config;
    const m = ctx.mod('aws-dynamodb');
    const tableId = ctx.id(c, 'Table');
    const attr = (k: { name: string; type: 'S' | 'N' | 'B' }) => ({ name: k.name, type: code(`${m}.AttributeType.${TYPE[k.type]}`) });
    const provisioned = cfg.billingMode === 'PROVISIONED';
    const global = cfg.replicaRegions.length > 0;
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'table'}`);
    if (global) {
      if (ctx.cmk) ctx.warn(`components.${c.id}.config.replicaRegions`, `global table ${c.id} uses AWS owned encryption: the customer-managed key exists only in ${ctx.a.region}`);
      const props: Record<string, TsValue> = {
        partitionKey: attr(cfg.partitionKey),
        sortKey: cfg.sortKey ? attr(cfg.sortKey) : undefined,
        billing: provisioned
          ? code(`${m}.Billing.provisioned({ readCapacity: ${m}.Capacity.autoscaled({ minCapacity: ${cfg.readCapacity}, maxCapacity: ${cfg.readCapacity * 10}, targetUtilizationPercent: 70 }), writeCapacity: ${m}.Capacity.autoscaled({ minCapacity: ${cfg.writeCapacity}, maxCapacity: ${cfg.writeCapacity * 10}, targetUtilizationPercent: 70 }) })`)
          : code(`${m}.Billing.onDemand()`),
        dynamoStream: code(`${m}.StreamViewType.${cfg.stream === 'NONE' ? 'NEW_AND_OLD_IMAGES' : cfg.stream}`),
        timeToLiveAttribute: cfg.ttlAttribute,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: cfg.pointInTimeRecovery },
        deletionProtection: cfg.deletionProtection,
        tableClass: code(`${m}.TableClass.${cfg.tableClass}`),
        globalSecondaryIndexes: cfg.globalSecondaryIndexes.length ? cfg.globalSecondaryIndexes.map((g) => ({ indexName: g.name, partitionKey: attr(g.partitionKey), sortKey: g.sortKey ? attr(g.sortKey) : undefined })) : undefined,
        replicas: cfg.replicaRegions.map((region) => ({ region })),
        removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
      };
      ctx.construct(c, tableId, (s, id) => `new ${m}.TableV2(${s}, ${id}, ${print(props, 2)})`, [], [], 'table');
    } else {
      const props: Record<string, TsValue> = {
        partitionKey: attr(cfg.partitionKey),
        sortKey: cfg.sortKey ? attr(cfg.sortKey) : undefined,
        billingMode: code(`${m}.BillingMode.${cfg.billingMode}`),
        readCapacity: provisioned ? cfg.readCapacity : undefined,
        writeCapacity: provisioned ? cfg.writeCapacity : undefined,
        stream: cfg.stream !== 'NONE' ? code(`${m}.StreamViewType.${cfg.stream}`) : undefined,
        encryption: code(`${m}.TableEncryption.${ctx.cmk ? 'CUSTOMER_MANAGED' : 'AWS_MANAGED'}`),
        encryptionKey: ctx.key(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: cfg.pointInTimeRecovery },
        deletionProtection: cfg.deletionProtection,
        tableClass: code(`${m}.TableClass.${cfg.tableClass}`),
        timeToLiveAttribute: cfg.ttlAttribute,
        removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
      };
      const v = ctx.construct(c, tableId, (s, id) => `new ${m}.Table(${s}, ${id}, ${print(props, 2)})`, ctx.key()?.deps ?? [], [], 'table');
      for (const g of cfg.globalSecondaryIndexes) {
        const gp = { indexName: g.name, partitionKey: attr(g.partitionKey), sortKey: g.sortKey ? attr(g.sortKey) : undefined, projectionType: code(`${m}.ProjectionType.ALL`), readCapacity: provisioned ? cfg.readCapacity : undefined, writeCapacity: provisioned ? cfg.writeCapacity : undefined };
        ctx.stmt(() => `${v}.addGlobalSecondaryIndex(${print(gp, 0)});`, [v]);
      }
      if (provisioned) {
        for (const [dim, cap, label] of [['Read', cfg.readCapacity, 'ReadCapacityUnits'], ['Write', cfg.writeCapacity, 'WriteCapacityUnits']] as const) {
          ctx.l1(c, ctx.id(c, `${dim}ScalableTarget`), 'AWS::ApplicationAutoScaling::ScalableTarget', { ServiceNamespace: 'dynamodb', ResourceId: ctx.sub(`table/\${${tableId}}`), ScalableDimension: `dynamodb:table:${label}`, MinCapacity: cap, MaxCapacity: cap * 10 });
          ctx.l1(c, ctx.id(c, `${dim}Scaling`), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
            PolicyName: ctx.sub(`\${${tableId}}-${dim.toLowerCase()}`),
            PolicyType: 'TargetTrackingScaling',
            ScalingTargetId: ctx.ref(ctx.id(c, `${dim}ScalableTarget`)),
            TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dim}CapacityUtilization` } },
          });
        }
      } else {
        ctx.ack(tableId, 'On-demand (PAY_PER_REQUEST) billing scales capacity automatically; auto scaling applies to provisioned tables only', 'HIPAA.Security-DynamoDBAutoScalingEnabled', 'PCI.DSS.321-DynamoDBAutoScalingEnabled');
      }
    }
    if (!cfg.pointInTimeRecovery) ctx.ack(tableId, 'Point-in-time recovery is turned off in the design (pointInTimeRecovery: false)', 'AwsSolutions-DDB3', 'HIPAA.Security-DynamoDBPITREnabled', 'PCI.DSS.321-DynamoDBPITREnabled');
    for (const dim of ['Read', 'Write'] as const) {
      ctx.alarm(c, ctx.id(c, `${dim}ThrottlesAlarm`), { description: `${c.id}: ${dim.toLowerCase()} requests throttled`, namespace: 'AWS/DynamoDB', metric: `${dim}ThrottleEvents`, dimensions: { TableName: ctx.ref(tableId) }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, datapointsToAlarm: 2 });
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
