import type { Component, DrStrategy } from '../../model/index.js';
import type { ModelRule, RuleHit } from '../types.js';
import { dataStores, designHit, hit, isProd, list, ofService, quote, rule } from './helpers.js';

/**
 * What each DR strategy typically recovers, in minutes, from AWS's whitepaper "Disaster Recovery of Workloads on
 * AWS": backup and restore is measured in hours, pilot light in tens of minutes, warm standby in minutes, and
 * multi-site active/active in near real time. These are best cases for a well-automated recovery, used to tell a
 * stated objective that cannot be met from one that might.
 */
export const DR_CAPABILITY: Record<DrStrategy, { rpoMinutes: number; rtoMinutes: number; label: string }> = {
  none: { rpoMinutes: Infinity, rtoMinutes: Infinity, label: 'no recovery outside the Region' },
  'backup-restore': { rpoMinutes: 60, rtoMinutes: 240, label: 'hours: restore from the last copied backup and redeploy' },
  'pilot-light': { rpoMinutes: 1, rtoMinutes: 30, label: 'tens of minutes: data replicated, compute started on failover' },
  'warm-standby': { rpoMinutes: 1, rtoMinutes: 10, label: 'minutes: a scaled-down copy running, scaled up on failover' },
  'active-active': { rpoMinutes: 0, rtoMinutes: 1, label: 'near zero: both Regions serve traffic' },
};

const MULTI_REGION: ReadonlySet<DrStrategy> = new Set(['pilot-light', 'warm-standby', 'active-active']);

/** How a data store gets to the DR Region, or undefined when nothing in the model copies it continuously. */
function replication(c: Component, secondary: string | undefined): string | undefined {
  switch (c.service) {
    case 'aurora':
      return c.config.globalSecondaryRegion && (!secondary || c.config.globalSecondaryRegion === secondary) ? `Aurora Global Database to ${c.config.globalSecondaryRegion}` : undefined;
    case 'dynamodb':
      return secondary && c.config.replicaRegions.includes(secondary) ? `global table replica in ${secondary}` : undefined;
    case 's3':
      return c.config.replicationRegion && (!secondary || c.config.replicationRegion === secondary) ? `replication to ${c.config.replicationRegion}` : undefined;
    default:
      return undefined;
  }
}

/** Disaster recovery measured against the stated RPO and RTO. Pillar reliability, framework Well-Architected. */
export const DR_RULES: ModelRule[] = [
  rule({
    id: 'DR-1',
    framework: 'well-architected',
    control: 'REL13-BP01',
    pillar: 'reliability',
    severity: 'low',
    title: 'Recovery objectives not stated',
    checks: 'Production designs with data stores state an RPO and an RTO.',
    why: 'Without objectives nobody can tell whether the DR strategy is enough or wasteful, and the business learns its real tolerance during the outage.',
    fix: 'Set resilience.rpoMinutes and resilience.rtoMinutes from what the business can tolerate.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const r = a.resilience;
      if (!isProd(a) || !dataStores(a).length || (r.rpoMinutes !== undefined && r.rtoMinutes !== undefined)) return [];
      const missing = [r.rpoMinutes === undefined ? 'rpoMinutes' : '', r.rtoMinutes === undefined ? 'rtoMinutes' : ''].filter(Boolean);
      return [designHit(`resilience.${list(missing)} ${missing.length > 1 ? 'are' : 'is'} not set.`)];
    },
  }),
  rule({
    id: 'DR-2',
    framework: 'well-architected',
    control: 'REL13-BP02',
    pillar: 'reliability',
    severity: 'high',
    title: 'The DR strategy cannot meet the stated RTO',
    checks: 'The stated RTO is no shorter than what the DR strategy typically recovers in.',
    why: 'A Region-wide event would keep the system down longer than the business accepted.',
    fix: 'Pick a strategy that recovers within the RTO (pilot-light for tens of minutes, warm-standby for minutes, active-active for near zero), or acknowledge that the RTO only covers failures within the Region.',
    scope: 'design',
    check(s) {
      const r = s.architecture.resilience;
      if (r.rtoMinutes === undefined) return [];
      const cap = DR_CAPABILITY[r.drStrategy];
      if (r.rtoMinutes >= cap.rtoMinutes) return [];
      return [designHit(`RTO is ${r.rtoMinutes} minutes; drStrategy ${r.drStrategy} typically recovers in ${cap.label}${Number.isFinite(cap.rtoMinutes) ? ` (about ${cap.rtoMinutes} minutes at best)` : ''}.`)];
    },
  }),
  rule({
    id: 'DR-3',
    framework: 'well-architected',
    control: 'REL13-BP02',
    pillar: 'reliability',
    severity: 'high',
    title: 'The DR strategy cannot meet the stated RPO',
    checks: 'The stated RPO is no shorter than the data loss the DR strategy implies after a Region-wide event.',
    why: 'Backups copied to another Region are at best hourly, so a backup-and-restore design loses up to the last copy interval of data.',
    fix: 'Replicate data continuously to the DR Region (Aurora Global Database, DynamoDB global tables, S3 replication) with pilot-light or a warmer strategy, or acknowledge that the RPO only covers failures within the Region (where point-in-time recovery gives about 5 minutes).',
    scope: 'design',
    check(s) {
      const r = s.architecture.resilience;
      if (r.rpoMinutes === undefined) return [];
      const cap = DR_CAPABILITY[r.drStrategy];
      if (r.rpoMinutes >= cap.rpoMinutes) return [];
      return [designHit(`RPO is ${r.rpoMinutes} minutes; drStrategy ${r.drStrategy} loses ${Number.isFinite(cap.rpoMinutes) ? `up to about ${cap.rpoMinutes} minutes` : 'everything since the design has no copy outside the Region'} of data in a Regional disaster.`)];
    },
  }),
  rule({
    id: 'DR-4',
    framework: 'well-architected',
    control: 'REL13-BP02',
    pillar: 'reliability',
    severity: 'high',
    title: 'Data store not replicated to the DR Region',
    checks: 'With pilot-light, warm-standby or active-active DR, each data store copies its data continuously to the secondary Region.',
    why: 'The DR Region can only serve the data that reached it; a store left behind loses everything since its last backup copy, or has nothing at all.',
    fix: 'Aurora: globalSecondaryRegion. DynamoDB: add the secondary Region to replicaRegions. S3: replicationRegion. RDS and DocumentDB have no continuous cross-Region option here: move to Aurora, or accept backup-copy RPO and acknowledge.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const r = a.resilience;
      if (!MULTI_REGION.has(r.drStrategy)) return [];
      const out: RuleHit[] = [];
      for (const c of dataStores(a)) {
        if (replication(c, r.secondaryRegion)) continue;
        const rebuildable = c.service === 'opensearch' || c.service === 'redshift';
        const via = r.crossRegionBackupCopy ? 'only backup copies reach the DR Region' : 'nothing copies it to the DR Region';
        out.push(hit(s, c, `${c.service} '${c.id}' is not replicated to ${r.secondaryRegion ?? 'the secondary Region'}: ${via}.`, rebuildable ? { severity: 'medium' } : {}));
      }
      return out;
    },
  }),
  rule({
    id: 'DR-5',
    framework: 'well-architected',
    control: 'REL09-BP02',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Backups stay in the primary Region',
    checks: 'Production designs that rely on backups for recovery copy them to another Region.',
    why: 'A Region-wide event, or an attacker with account access, takes the backups together with the data.',
    fix: 'Set resilience.secondaryRegion and crossRegionBackupCopy to true (AWS Backup copies every recovery point).',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const r = a.resilience;
      if (!isProd(a) || r.crossRegionBackupCopy || r.drStrategy === 'none' || MULTI_REGION.has(r.drStrategy)) return [];
      const stores = dataStores(a);
      if (!stores.length) return [];
      const stated = r.rpoMinutes !== undefined || r.rtoMinutes !== undefined;
      return [designHit(`drStrategy is ${r.drStrategy} and crossRegionBackupCopy is false; backups of ${list(stores.map((c) => quote(c.id)))} stay in ${a.region}.`, stated ? { severity: 'high' } : {})];
    },
  }),
  rule({
    id: 'DR-6',
    framework: 'well-architected',
    control: 'REL 13',
    pillar: 'reliability',
    severity: 'medium',
    title: 'No disaster recovery for production data',
    checks: 'Production designs with data stores have a DR strategy other than none.',
    why: 'Without one, a Regional event or an account compromise loses the data with no way back.',
    fix: 'Use backup-restore with crossRegionBackupCopy at minimum.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (!isProd(a) || a.resilience.drStrategy !== 'none') return [];
      const stores = dataStores(a);
      if (!stores.length) return [];
      const stated = a.resilience.rpoMinutes !== undefined || a.resilience.rtoMinutes !== undefined;
      return [designHit(`drStrategy is none with data in ${list(stores.map((c) => quote(c.id)))}.`, stated ? { severity: 'high' } : {})];
    },
  }),
  rule({
    id: 'DR-7',
    framework: 'well-architected',
    control: 'REL13-BP05',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Failover to the DR Region is manual',
    checks: 'Warm-standby and active-active designs route traffic with health-checked DNS (route53 with failover, latency or weighted routing and health checks).',
    why: 'A minutes-level RTO cannot wait for someone to notice, decide and edit DNS.',
    fix: 'Add a route53 component with routing failover (or latency for active-active) and healthChecks true.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const r = a.resilience;
      if (r.drStrategy !== 'warm-standby' && r.drStrategy !== 'active-active') return [];
      const zones = ofService(a, 'route53');
      if (zones.some((z) => z.config.routing !== 'simple' && z.config.healthChecks)) return [];
      return zones.length
        ? zones.map((z) => hit(s, z, `route53 '${z.id}' uses ${z.config.routing} routing${z.config.healthChecks ? '' : ' without health checks'}.`))
        : [designHit(`drStrategy is ${r.drStrategy} and the design has no route53 component to fail over with.`)];
    },
  }),
];
