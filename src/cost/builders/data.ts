import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../usage.js';
import { type Builder, dim, inst, n } from './common.js';
import type { Charge } from '../engine.js';

/** Provisioned capacity is sized for the average rate at 70 % target utilisation, never below the configured units. */
const TARGET_UTILISATION = 0.7;

export const dynamodb: Builder<'dynamodb'> = (c, u) => {
  const ia = c.config.tableClass === 'STANDARD_INFREQUENT_ACCESS' ? '-ia' : '';
  const gsis = c.config.globalSecondaryIndexes.length;
  const reads = u.readsPerMonth ?? 0;
  const writes = (u.writesPerMonth ?? 0) * (1 + gsis);
  const gsiNote = gsis ? `; x${1 + gsis}: every write is repeated on ${gsis} global secondary index(es)` : '';
  const storage = u.storageGb ?? 0;
  const out: Charge[] = [];
  if (c.config.billingMode === 'PAY_PER_REQUEST') {
    out.push(dim(c, 'dynamodb', `ondemand-reads${ia}`, 'on-demand read request units', reads));
    out.push(dim(c, 'dynamodb', `ondemand-writes${ia}`, 'on-demand write request units', writes, gsiNote ? gsiNote.slice(2) : undefined));
  } else {
    const rcu = Math.max(c.config.readCapacity, reads / SECONDS_PER_MONTH / TARGET_UTILISATION);
    const wcu = Math.max(c.config.writeCapacity * (1 + gsis), writes / SECONDS_PER_MONTH / TARGET_UTILISATION);
    out.push(dim(c, 'dynamodb', `provisioned-rcu${ia}`, 'provisioned read capacity', rcu * HOURS_PER_MONTH, `${n(rcu)} RCU x 730 h (configured ${c.config.readCapacity}, or the average rate at 70 % utilisation)`));
    out.push(dim(c, 'dynamodb', `provisioned-wcu${ia}`, 'provisioned write capacity', wcu * HOURS_PER_MONTH, `${n(wcu)} WCU x 730 h${gsiNote}`));
  }
  out.push(dim(c, 'dynamodb', ia ? 'storage-ia' : 'storage', 'table storage', storage));
  if (c.config.pointInTimeRecovery) out.push(dim(c, 'dynamodb', 'pitr-storage', 'point-in-time recovery', storage, 'continuous backups of the table size'));
  for (const r of c.config.replicaRegions) {
    out.push(dim(c, 'dynamodb', 'replicated-writes', `replicated writes to ${r}`, writes, 'global table replica', r));
    out.push(dim(c, 'dynamodb', ia ? 'storage-ia' : 'storage', `replica storage in ${r}`, storage, 'global table replica', r));
  }
  return out;
};

export const aurora: Builder<'aurora'> = (c, u) => {
  const engine = c.config.engine;
  const io = c.config.storage === 'io-optimized';
  const instances = 1 + c.config.readers;
  const out: Charge[] = [];
  if (c.config.capacity === 'provisioned') {
    out.push(inst(c, 'aurora', io ? `${engine}-io-optimized` : engine, c.config.instanceClass, `instances (${c.config.instanceClass})`, instances * HOURS_PER_MONTH, `1 writer + ${c.config.readers} reader(s) x 730 h`));
  } else {
    const acu = u.avgCapacityUnits ?? c.config.minAcu;
    out.push(dim(c, 'aurora', io ? `serverless-v2-io-optimized-${engine}` : `serverless-v2-${engine}`, 'Serverless v2 capacity', acu * HOURS_PER_MONTH * instances, `${n(acu)} ACUs on average x 730 h x ${instances} instance(s)`));
  }
  out.push(dim(c, 'aurora', io ? `storage-io-optimized-${engine}` : `storage-${engine}`, 'cluster storage', u.storageGb ?? 0));
  if (!io) out.push(dim(c, 'aurora', 'io-requests', 'storage I/O requests', u.requestsPerMonth ?? 0));
  if (c.config.globalSecondaryRegion) {
    const r = c.config.globalSecondaryRegion;
    if (c.config.capacity === 'provisioned') out.push(inst(c, 'aurora', io ? `${engine}-io-optimized` : engine, c.config.instanceClass, `secondary-region instance in ${r}`, HOURS_PER_MONTH, 'Aurora Global Database secondary', r));
    out.push(dim(c, 'aurora', io ? `storage-io-optimized-${engine}` : `storage-${engine}`, `secondary-region storage in ${r}`, u.storageGb ?? 0, 'Aurora Global Database secondary', r));
  }
  return out;
};

export const rds: Builder<'rds'> = (c, u) => {
  const engine = c.config.engine === 'mariadb' ? 'mysql' : c.config.engine;
  const derived = c.config.engine === 'mariadb' ? 'RDS for MariaDB is listed at the RDS for MySQL rates (aws.amazon.com/rds/mariadb/pricing); priced from the MySQL table' : undefined;
  const storage = Math.max(c.config.allocatedStorageGb, u.storageGb ?? 0);
  const primary = inst(c, 'rds', `${engine}-${c.config.multiAz ? 'multi-az' : 'single-az'}`, c.config.instanceClass, `${c.config.multiAz ? 'Multi-AZ' : 'Single-AZ'} instance (${c.config.instanceClass})`, HOURS_PER_MONTH, '730 h');
  if (derived && primary.price === 'instance') primary.derived = derived;
  const out: Charge[] = [primary, dim(c, 'rds', c.config.multiAz ? 'gp3-storage-multi-az' : 'gp3-storage-single-az', 'gp3 storage', storage, `${n(storage)} GB allocated`)];
  if (c.config.readReplicas > 0) {
    const replica = inst(c, 'rds', `${engine}-single-az`, c.config.instanceClass, `read replicas (${c.config.instanceClass})`, c.config.readReplicas * HOURS_PER_MONTH, `${c.config.readReplicas} x 730 h`);
    if (derived && replica.price === 'instance') replica.derived = derived;
    out.push(replica, dim(c, 'rds', 'gp3-storage-single-az', 'read replica storage', storage * c.config.readReplicas));
  }
  return out;
};

/** Minimum metered data for ElastiCache Serverless: 100 MB for Valkey, 1 GB for Redis OSS and Memcached. */
const SERVERLESS_MIN_GB: Record<string, number> = { valkey: 0.1, redis: 1, memcached: 1 };

export const elasticache: Builder<'elasticache'> = (c, u) => {
  const engine = c.config.engine;
  if (c.config.mode === 'serverless') {
    const gb = Math.max(u.storageGb ?? 0, SERVERLESS_MIN_GB[engine]!);
    return [
      dim(c, 'elasticache', `serverless-storage-${engine}`, 'data stored', gb * HOURS_PER_MONTH, `${n(gb)} GB x 730 h (minimum ${SERVERLESS_MIN_GB[engine]} GB)`),
      dim(c, 'elasticache', `serverless-ecpu-${engine}`, 'ElastiCache processing units', u.requestsPerMonth ?? 0, 'one ECPU per simple GET/SET of up to 1 KB'),
    ];
  }
  const nodes = c.config.shards * (1 + c.config.replicasPerShard);
  return [inst(c, 'elasticache', engine, c.config.nodeType, `nodes (${c.config.nodeType})`, nodes * HOURS_PER_MONTH, `${c.config.shards} shard(s) x ${1 + c.config.replicasPerShard} nodes x 730 h`)];
};

export const documentdb: Builder<'documentdb'> = (c, u) => [
  inst(c, 'documentdb', 'standard', c.config.instanceClass, `instances (${c.config.instanceClass})`, c.config.instances * HOURS_PER_MONTH, `${c.config.instances} x 730 h`),
  dim(c, 'documentdb', 'storage', 'cluster storage', u.storageGb ?? 0),
  dim(c, 'documentdb', 'io-requests', 'storage I/O requests', u.requestsPerMonth ?? 0),
];

const CLASS_DIM: Record<string, { storage: string; transition: string }> = {
  STANDARD_IA: { storage: 'standard-ia-storage', transition: 'transition-ia' },
  ONEZONE_IA: { storage: 'onezone-ia-storage', transition: 'transition-ia' },
  INTELLIGENT_TIERING: { storage: 'intelligent-tiering-infrequent', transition: 'transition-intelligent-tiering' },
  GLACIER_IR: { storage: 'glacier-ir-storage', transition: 'transition-glacier-ir' },
  GLACIER: { storage: 'glacier-storage', transition: 'transition-glacier' },
  DEEP_ARCHIVE: { storage: 'deep-archive-storage', transition: 'transition-deep-archive' },
};

/** Days of history kept when no expiry is set, for the lifecycle split. */
const DEFAULT_RETENTION_DAYS = 365;

/**
 * S3 storage split by lifecycle: objects are assumed to arrive evenly, so in steady state the share of data in each
 * class is the share of the retention window it spends there. Intelligent-Tiering objects older than 30 days are
 * priced in its infrequent tier (they are assumed not to be read).
 */
export const s3: Builder<'s3'> = (c, u) => {
  const storage = u.storageGb ?? 0;
  const rule = c.config.lifecycle.find((r) => r.prefix === '' && r.transitions.length > 0) ?? c.config.lifecycle.find((r) => r.transitions.length > 0);
  const out: Charge[] = [];
  if (!rule) {
    out.push(dim(c, 's3', 'standard-storage', 'Standard storage', storage));
  } else {
    const retention = rule.expirationDays ?? DEFAULT_RETENTION_DAYS;
    const steps = [...rule.transitions].sort((a, b) => a.days - b.days).filter((t) => t.days < retention);
    let from = 0;
    let cls = 'STANDARD';
    const segments: Array<{ cls: string; days: number }> = [];
    for (const t of steps) {
      segments.push({ cls, days: t.days - from });
      from = t.days;
      cls = t.storageClass;
    }
    segments.push({ cls, days: retention - from });
    for (const s of segments) {
      if (s.days <= 0) continue;
      const share = s.days / retention;
      let gb = storage * share;
      const why = `${n(share * 100)} % of ${n(storage)} GB (${s.days} of ${retention} days${rule.expirationDays ? '' : ', retention assumed 1 year'})`;
      if (s.cls === 'STANDARD') out.push(dim(c, 's3', 'standard-storage', 'Standard storage', gb, why));
      else if (s.cls === 'INTELLIGENT_TIERING') {
        const frequent = Math.min(gb, (storage * Math.min(30, s.days)) / retention);
        gb -= frequent;
        out.push(dim(c, 's3', 'intelligent-tiering-frequent', 'Intelligent-Tiering frequent tier', frequent, 'objects read in the last 30 days'));
        out.push(dim(c, 's3', 'intelligent-tiering-infrequent', 'Intelligent-Tiering infrequent tier', gb, why));
        out.push(dim(c, 's3', 'intelligent-tiering-monitoring', 'Intelligent-Tiering monitoring', storage * share * 1024, 'objects of 1 MB on average'));
      } else out.push(dim(c, 's3', CLASS_DIM[s.cls]!.storage, `${s.cls} storage`, gb, why));
    }
    for (const t of steps) out.push(dim(c, 's3', CLASS_DIM[t.storageClass]!.transition, `lifecycle transitions to ${t.storageClass}`, u.writesPerMonth ?? 0, 'one transition per object written'));
  }
  out.push(dim(c, 's3', 'put-requests', 'PUT/COPY/POST/LIST requests', u.writesPerMonth ?? 0));
  out.push(dim(c, 's3', 'get-requests', 'GET and other requests', u.readsPerMonth ?? 0));
  if (c.config.replicationRegion) out.push(dim(c, 's3', 'standard-storage', `replica storage in ${c.config.replicationRegion}`, storage, 'cross-region replication', c.config.replicationRegion));
  return out;
};

export const opensearch: Builder<'opensearch'> = (c) => {
  const out: Charge[] = [inst(c, 'opensearch', 'nodes', c.config.instanceType, `data nodes (${c.config.instanceType})`, c.config.instanceCount * HOURS_PER_MONTH, `${c.config.instanceCount} x 730 h`)];
  if (c.config.dedicatedMasters) out.push(inst(c, 'opensearch', 'nodes', 'm6g.large.search', 'dedicated master nodes (m6g.large.search)', 3 * HOURS_PER_MONTH, 'three masters, assumed m6g.large.search'));
  out.push(dim(c, 'opensearch', 'gp3-storage', 'EBS gp3 storage', c.config.instanceCount * c.config.volumeGb, `${c.config.instanceCount} x ${c.config.volumeGb} GB`));
  return out;
};

export const redshift: Builder<'redshift'> = (c, u) => {
  if (c.config.mode === 'serverless') {
    const rpu = u.avgCapacityUnits ?? c.config.baseRpu;
    const hours = u.hoursPerMonth ?? 0;
    return [
      dim(c, 'redshift', 'serverless-rpu-hours', 'Serverless compute', rpu * hours, `${n(rpu)} RPUs x ${n(hours)} h of queries`),
      dim(c, 'redshift', 'managed-storage', 'managed storage', u.storageGb ?? 0),
    ];
  }
  return [
    inst(c, 'redshift', 'nodes', c.config.nodeType, `nodes (${c.config.nodeType})`, c.config.nodes * HOURS_PER_MONTH, `${c.config.nodes} x 730 h`),
    dim(c, 'redshift', 'managed-storage', 'managed storage', u.storageGb ?? 0),
  ];
};

export const athena: Builder<'athena'> = (c, u) => [dim(c, 'athena', 'data-scanned', 'data scanned', u.scannedTb ?? 0, 'partitioned Parquet keeps this low')];
