import { alarmAndWidget, arn } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';
import type { Block } from '../hcl.js';

export const dynamodb: Emitter<'dynamodb'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const provisioned = cfg.billingMode === 'PROVISIONED';
    const attributes = new Map<string, string>();
    const addAttr = (k?: { name: string; type: string }) => k && !attributes.has(k.name) && attributes.set(k.name, k.type);
    addAttr(cfg.partitionKey);
    addAttr(cfg.sortKey);
    for (const g of cfg.globalSecondaryIndexes) {
      addAttr(g.partitionKey);
      addAttr(g.sortKey);
    }
    // Global tables replicate through the stream, which must carry both images; a table that triggers consumers
    // needs its stream on even when the design left it off.
    const triggers = ctx.out(c.id, 'trigger').length > 0;
    const stream = cfg.replicaRegions.length ? 'NEW_AND_OLD_IMAGES' : cfg.stream === 'NONE' && triggers ? 'NEW_AND_OLD_IMAGES' : cfg.stream;
    const key = ctx.kms();
    const replicas: Block[] = cfg.replicaRegions.map((region) =>
      blk('replica', {
        region_name: region,
        kms_key_arn: ctx.kms([], region),
        point_in_time_recovery: cfg.pointInTimeRecovery,
        propagate_tags: true,
      }),
    );
    ctx.resource(
      file,
      'aws_dynamodb_table',
      n,
      {
        name: ctx.awsName([c.id], { max: 255 }),
        billing_mode: cfg.billingMode,
        read_capacity: provisioned ? cfg.readCapacity : undefined,
        write_capacity: provisioned ? cfg.writeCapacity : undefined,
        hash_key: cfg.partitionKey.name,
        range_key: cfg.sortKey?.name,
        table_class: cfg.tableClass,
        deletion_protection_enabled: cfg.deletionProtection,
        stream_enabled: stream !== 'NONE' ? true : undefined,
        stream_view_type: stream !== 'NONE' ? stream : undefined,
        attribute: [...attributes].map(([name, type]) => blk('attribute', { name, type })),
        global_secondary_index: cfg.globalSecondaryIndexes.map((g) =>
          blk('global_secondary_index', {
            name: g.name,
            hash_key: g.partitionKey.name,
            range_key: g.sortKey?.name,
            projection_type: 'ALL',
            read_capacity: provisioned ? cfg.readCapacity : undefined,
            write_capacity: provisioned ? cfg.writeCapacity : undefined,
          }),
        ),
        ttl: cfg.ttlAttribute ? blk('ttl', { attribute_name: cfg.ttlAttribute, enabled: true }) : undefined,
        point_in_time_recovery: blk('point_in_time_recovery', { enabled: cfg.pointInTimeRecovery }),
        server_side_encryption: blk('server_side_encryption', { enabled: true, kms_key_arn: key }),
        replica: replicas.length ? replicas : undefined,
        tags: ctx.tags(c),
        lifecycle: provisioned ? blk('lifecycle', { ignore_changes: [raw('read_capacity'), raw('write_capacity')] }) : undefined,
      },
      cfg.replicaRegions.length ? [`Global table replicated to ${cfg.replicaRegions.join(', ')}.`] : undefined,
    );

    if (provisioned) {
      // Target tracking keeps provisioned capacity near 70 % use, between the configured floor and 10x.
      for (const dim of ['read', 'write'] as const) {
        const base = dim === 'read' ? cfg.readCapacity : cfg.writeCapacity;
        const target = ctx.n(c.id, dim, 'capacity');
        const Dim = dim === 'read' ? 'Read' : 'Write';
        ctx.resource(file, 'aws_appautoscaling_target', target, {
          service_namespace: 'dynamodb',
          resource_id: tpl`table/${raw(`aws_dynamodb_table.${n}.name`)}`,
          scalable_dimension: `dynamodb:table:${Dim}CapacityUnits`,
          min_capacity: base,
          max_capacity: base * 10,
        });
        ctx.resource(file, 'aws_appautoscaling_policy', target, {
          name: `${dim}-capacity`,
          policy_type: 'TargetTrackingScaling',
          service_namespace: raw(`aws_appautoscaling_target.${target}.service_namespace`),
          resource_id: raw(`aws_appautoscaling_target.${target}.resource_id`),
          scalable_dimension: raw(`aws_appautoscaling_target.${target}.scalable_dimension`),
          target_tracking_scaling_policy_configuration: blk('target_tracking_scaling_policy_configuration', {
            target_value: 70,
            predefined_metric_specification: blk('predefined_metric_specification', { predefined_metric_type: `DynamoDB${Dim}CapacityUtilization` }),
          }),
        });
      }
    }

    const dims = { TableName: raw(`aws_dynamodb_table.${n}.name`) };
    alarmAndWidget(ctx, c.id, 'read-throttles', `Reads of ${c.id} are throttled`, 'AWS/DynamoDB', 'ReadThrottleEvents', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'write-throttles', `Writes to ${c.id} are throttled`, 'AWS/DynamoDB', 'WriteThrottleEvents', dims, 'Sum', 'GreaterThanThreshold', 0);
    alarmAndWidget(ctx, c.id, 'system-errors', `DynamoDB returned server errors for ${c.id}`, 'AWS/DynamoDB', 'SystemErrors', dims, 'Sum', 'GreaterThanThreshold', 0);
    ctx.backup(c.id, raw(`aws_dynamodb_table.${n}.arn`));
    ctx.output({ name: `${n}_table_name`, value: raw(`aws_dynamodb_table.${n}.name`), description: `Name of table ${c.id}` });
  },
  ref(c, part, ctx) {
    const t = `aws_dynamodb_table.${ctx.n(c.id)}`;
    if (part === 'arn') return [raw(`${t}.arn`)];
    if (part === 'indexes') return [tpl`${raw(`${t}.arn`)}/index/*`];
    if (part === 'stream') return [raw(`${t}.stream_arn`)];
    return noPart('dynamodb', part);
  },
  env(c, ctx) {
    return [
      ['TABLE_NAME', ctx.awsName([c.id], { max: 255 })],
      ['TABLE_ARN', arn('dynamodb', tpl`table/${ctx.awsName([c.id], { max: 255 })}`)],
    ];
  },
};
