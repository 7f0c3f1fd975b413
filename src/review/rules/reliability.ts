import type { ModelRule, RuleHit } from '../types.js';
import { designHit, hit, isProd, isSensitive, ofService, rule } from './helpers.js';

/** Well-Architected reliability pillar rules (single points of failure are anti-pattern rules; DR has its own file). */
export const RELIABILITY_RULES: ModelRule[] = [
  rule({
    id: 'WA-REL-1',
    framework: 'well-architected',
    control: 'REL09-BP01',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Backups kept for less than a week',
    checks: 'resilience.backupRetentionDays is at least 7.',
    why: 'Corruption or a bad deployment is often noticed days later; a short window leaves nothing clean to restore.',
    fix: 'Raise resilience.backupRetentionDays (35 is the usual production baseline).',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const days = a.resilience.backupRetentionDays;
      if (days >= 7) return [];
      return [designHit(`resilience.backupRetentionDays is ${days}.`, isProd(a) ? {} : { severity: 'low' })];
    },
  }),
  rule({
    id: 'WA-REL-2',
    framework: 'well-architected',
    control: 'REL09-BP01',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Table without point-in-time recovery',
    checks: 'DynamoDB tables have point-in-time recovery on.',
    why: 'Without PITR a bad write or delete can only be undone from the last scheduled backup; with it, to any second of the last 35 days.',
    fix: 'Set pointInTimeRecovery to true.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const rpo = a.resilience.rpoMinutes;
      return ofService(a, 'dynamodb')
        .filter((c) => !c.config.pointInTimeRecovery)
        .map((c) =>
          hit(s, c, `dynamodb '${c.id}' has pointInTimeRecovery false${rpo !== undefined ? ` while the design states an RPO of ${rpo} minutes` : ''}.`, (isProd(a) && isSensitive(a)) || rpo !== undefined ? { severity: 'high' } : {}),
        );
    },
  }),
  rule({
    id: 'WA-REL-3',
    framework: 'well-architected',
    control: 'REL 9',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Data store or user pool without deletion protection',
    checks: 'DynamoDB, Aurora, RDS, DocumentDB and Cognito keep deletion protection on in production.',
    why: 'A stack deletion, a renamed logical id or a mistaken console click otherwise destroys the data and every user account for good.',
    fix: 'Set deletionProtection to true.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      for (const c of a.components) {
        if ((c.service === 'dynamodb' || c.service === 'aurora' || c.service === 'rds' || c.service === 'documentdb' || c.service === 'cognito') && !c.config.deletionProtection) {
          out.push(hit(s, c, `${c.service} '${c.id}' has deletionProtection false.`, isProd(a) ? {} : { severity: 'low' }));
        }
      }
      return out;
    },
  }),
  rule({
    id: 'WA-REL-4',
    framework: 'well-architected',
    control: 'REL 9',
    pillar: 'reliability',
    severity: 'low',
    title: 'Bucket without versioning',
    checks: 'Buckets holding data (not a rebuildable static site) keep object versions.',
    why: 'Without versioning an overwrite or delete is permanent, and replication and Object Lock cannot be used.',
    fix: 'Set versioning to true and add a lifecycle rule that expires old versions.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      return ofService(a, 's3')
        .filter((c) => !c.config.versioning && c.config.purpose !== 'static-site')
        .map((c) => hit(s, c, `s3 '${c.id}' (${c.config.purpose}) has versioning false.`, isProd(a) && ['backups', 'logs', 'data-lake', 'general'].includes(c.config.purpose) ? { severity: 'medium' } : {}));
    },
  }),
  rule({
    id: 'WA-REL-5',
    framework: 'well-architected',
    control: 'REL 5',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Queue visibility timeout too short for its consumer',
    checks: 'An SQS queue that triggers a Lambda function has a visibility timeout of at least six times the function timeout.',
    why: 'When a message becomes visible again while the function still works on it, it is processed twice; AWS recommends six times the function timeout to allow for retries and batching.',
    fix: 'Raise visibilityTimeoutSeconds to six times the consumer timeout, or shorten the function timeout.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const byId = new Map(a.components.map((c) => [c.id, c]));
      const out: RuleHit[] = [];
      for (const q of ofService(a, 'sqs')) {
        for (const conn of a.connections.filter((x) => x.from === q.id && x.kind === 'trigger')) {
          const fn = byId.get(conn.to);
          if (fn?.service !== 'lambda') continue;
          const need = fn.config.timeoutSeconds * 6;
          if (q.config.visibilityTimeoutSeconds >= need) continue;
          const worse = q.config.visibilityTimeoutSeconds < fn.config.timeoutSeconds;
          out.push(
            hit(s, q, `sqs '${q.id}' visibility timeout is ${q.config.visibilityTimeoutSeconds}s; consumer '${fn.id}' times out after ${fn.config.timeoutSeconds}s (needs ${need}s).`, {
              ...(worse ? { severity: 'high' as const } : {}),
              fix: `Set visibilityTimeoutSeconds on '${q.id}' to at least ${need}.`,
            }),
          );
        }
      }
      return out;
    },
  }),
  rule({
    id: 'WA-REL-6',
    framework: 'well-architected',
    control: 'REL 5',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Batch step without retries',
    checks: 'Step Functions tasks and Glue jobs retry transient failures.',
    why: 'Throttling, spot interruptions and brief network errors are normal; without retries a nightly run fails and someone re-runs it by hand.',
    fix: 'Set maxAttempts (Step Functions) or maxRetries (Glue) to 2 or 3, with backoff.',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of s.architecture.components) {
        if (c.service === 'step-functions' && c.config.maxAttempts === 0) out.push(hit(s, c, `step-functions '${c.id}' has maxAttempts 0.`));
        if (c.service === 'glue-job' && c.config.maxRetries === 0) out.push(hit(s, c, `glue-job '${c.id}' has maxRetries 0.`));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-REL-7',
    framework: 'well-architected',
    control: 'REL 7',
    pillar: 'reliability',
    severity: 'high',
    title: 'Function can never run',
    checks: 'Lambda reserved concurrency is not 0.',
    why: 'Reserved concurrency 0 throttles every invocation: the function is switched off.',
    fix: 'Remove reservedConcurrency or set it to the peak concurrency the function needs.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'lambda')
        .filter((c) => c.config.reservedConcurrency === 0)
        .map((c) => hit(s, c, `lambda '${c.id}' has reservedConcurrency 0.`));
    },
  }),
  rule({
    id: 'WA-REL-8',
    framework: 'well-architected',
    control: 'REL09-BP03',
    pillar: 'reliability',
    severity: 'high',
    title: 'Automated backups switched off',
    checks: 'Databases in the template keep automated backups (retention above 0).',
    why: 'With retention 0 there is no point-in-time recovery and no automated snapshot to restore after corruption or deletion.',
    fix: 'Set BackupRetentionPeriod / backup_retention_period to 7-35 days.',
    scope: 'resource',
    check(s) {
      return s.facts.backupsDisabled.map((b) => ({ resource: b.resource, evidence: `${b.resource}: ${b.detail}.` }));
    },
  }),
  rule({
    id: 'WA-REL-9',
    framework: 'well-architected',
    control: 'REL 9',
    pillar: 'reliability',
    severity: 'low',
    title: 'Cache without snapshots',
    checks: 'Redis/Valkey caches keep at least one daily snapshot.',
    why: 'Caches that hold sessions or presence lose them all on a node replacement; a snapshot makes warm restarts possible.',
    fix: 'Set snapshotRetentionDays to 1 or more, or acknowledge it when the cache only holds data that is cheap to rebuild.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'elasticache')
        .filter((c) => c.config.engine !== 'memcached' && c.config.snapshotRetentionDays === 0)
        .map((c) => hit(s, c, `elasticache '${c.id}' (${c.config.engine}) has snapshotRetentionDays 0.`));
    },
  }),
];
