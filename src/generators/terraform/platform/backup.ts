import { policyDocument } from '../common.js';
import type { TfContext } from '../context.js';
import { PARTITION } from '../context.js';
import { blk, raw, tpl } from '../hcl.js';

const FILE = 'backup.tf';

/**
 * backup.tf: an AWS Backup vault, a daily plan kept `backupRetentionDays`, continuous backups (point-in-time
 * restore) when the RPO is an hour or less, a copy to the DR region's vault when asked, a vault lock for regulated
 * designs, and one selection naming every data store that AWS Backup supports.
 */
export function backup(ctx: TfContext): void {
  const r = ctx.a.resilience;
  if (r.drStrategy === 'none' || ctx.backups.length === 0) return;
  const retention = r.backupRetentionDays;
  const tags = ctx.tags('backup');
  ctx.resource(FILE, 'aws_backup_vault', 'main', { name: ctx.awsName([], { max: 50 }), kms_key_arn: ctx.kms(), force_destroy: false, tags });
  if (ctx.a.compliance.length) {
    ctx.resource(
      FILE,
      'aws_backup_vault_lock_configuration',
      'main',
      { backup_vault_name: raw('aws_backup_vault.main.name'), min_retention_days: Math.min(retention, 7), max_retention_days: Math.max(retention, 365) },
      [`Governance-mode vault lock: recovery points cannot be deleted early (${ctx.a.compliance.join(', ')}).`],
    );
  }
  const copy = r.crossRegionBackupCopy && r.secondaryRegion;
  if (copy) {
    ctx.resource(
      FILE,
      'aws_backup_vault',
      'secondary',
      { region: r.secondaryRegion, name: ctx.awsName(['dr'], { max: 50 }), kms_key_arn: ctx.kms([], r.secondaryRegion), force_destroy: false, tags },
      [`Copies of every recovery point in ${r.secondaryRegion} for disaster recovery.`],
    );
  }
  // Continuous backups give point-in-time restore (RPO of minutes) but cannot be kept longer than 35 days.
  const continuous = r.rpoMinutes !== undefined && r.rpoMinutes <= 60 && retention <= 35;
  ctx.resource(FILE, 'aws_backup_plan', 'main', {
    name: ctx.awsName([], { max: 50 }),
    rule: blk('rule', {
      rule_name: 'daily',
      target_vault_name: raw('aws_backup_vault.main.name'),
      schedule: 'cron(0 5 * * ? *)',
      start_window: 60,
      completion_window: 360,
      enable_continuous_backup: continuous ? true : undefined,
      lifecycle: blk('lifecycle', { delete_after: retention }),
      copy_action: copy ? blk('copy_action', { destination_vault_arn: raw('aws_backup_vault.secondary.arn'), lifecycle: blk('lifecycle', { delete_after: retention }) }) : undefined,
      recovery_point_tags: ctx.tags('backup'),
    }),
    tags,
  });
  const assume = policyDocument(ctx, FILE, 'backup_assume', [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['backup.amazonaws.com'] } }]);
  ctx.resource(FILE, 'aws_iam_role', 'backup', {
    name: ctx.awsName(['backup'], { max: 64 }),
    description: 'Lets AWS Backup back up and restore the data stores',
    assume_role_policy: assume,
    tags,
  });
  const policies = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores'];
  if (ctx.backups.some((b) => ctx.byId.get(b.component)?.service === 's3')) policies.push('AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore');
  for (const p of policies) {
    ctx.resource(FILE, 'aws_iam_role_policy_attachment', ctx.n('backup', p.replace('service-role/', '')), {
      role: raw('aws_iam_role.backup.name'),
      policy_arn: tpl`arn:${PARTITION}:iam::aws:policy/${p}`,
    });
  }
  ctx.resource(
    FILE,
    'aws_backup_selection',
    'main',
    {
      name: 'data-stores',
      plan_id: raw('aws_backup_plan.main.id'),
      iam_role_arn: raw('aws_iam_role.backup.arn'),
      resources: ctx.backups.map((b) => b.arn),
    },
    [`Backed up: ${ctx.backups.map((b) => b.component).join(', ')}.`],
  );
  ctx.output({ platform: true, name: 'backup_vault_arn', value: raw('aws_backup_vault.main.arn'), description: 'Vault holding the recovery points.' });
}
