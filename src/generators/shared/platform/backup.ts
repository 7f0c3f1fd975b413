import type { Component } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { BackupTarget } from '../values.js';

/**
 * AWS Backup vault, plan and selection for the stateful components: daily backups kept for
 * `resilience.backupRetentionDays`, continuous backups (point-in-time restore) when the RPO is under a day, and a
 * copy to the secondary region's vault when `crossRegionBackupCopy` is on. Plain resources in both targets: the
 * CDK's backup plan construct adds its own role and rule layout.
 */
export function emitBackup(ctx: Target, targets: Array<{ component: Component; target: BackupTarget }>): void {
  const r = ctx.a.resilience;
  if (r.drStrategy === 'none') return;
  const arns = targets.flatMap((t) => ('arn' in t.target ? [t.target.arn] : []));
  for (const t of targets) if ('unsupported' in t.target) ctx.warn(`components.${t.component.id}`, `AWS Backup does not cover ${t.component.service} '${t.component.id}': ${t.target.unsupported}`);
  if (arns.length === 0) return;
  const O = 'operations' as const;
  ctx.comment('Backups of the stateful components.');
  const vault = ctx.resource(O, 'BackupVault', 'AWS::Backup::BackupVault', { BackupVaultName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`), EncryptionKeyArn: ctx.keyArn() }, { removal: 'retain' });
  const continuous = r.rpoMinutes !== undefined && r.rpoMinutes < 24 * 60;
  const copy = r.crossRegionBackupCopy && r.secondaryRegion
    ? [{ DestinationBackupVaultArn: ctx.sub(`arn:\${AWS::Partition}:backup:${r.secondaryRegion}:\${AWS::AccountId}:backup-vault:${ctx.a.name}-\${EnvironmentName}-dr`), Lifecycle: { DeleteAfterDays: r.backupRetentionDays } }]
    : undefined;
  const plan = ctx.resource(O, 'BackupPlan', 'AWS::Backup::BackupPlan', {
    BackupPlan: {
      BackupPlanName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`),
      BackupPlanRule: [
        {
          RuleName: 'Daily',
          TargetBackupVault: ctx.ref(vault),
          ScheduleExpression: 'cron(0 5 * * ? *)',
          StartWindowMinutes: 60,
          CompletionWindowMinutes: 480,
          // Continuous backups (point-in-time restore) are kept at most 35 days.
          EnableContinuousBackup: continuous ? true : undefined,
          Lifecycle: { DeleteAfterDays: continuous ? Math.min(35, r.backupRetentionDays) : r.backupRetentionDays },
          CopyActions: copy,
        },
      ],
    },
  });
  const { role } = ctx.role(O, 'BackupRole', {
    services: ['backup.amazonaws.com'],
    description: 'Lets AWS Backup back up and restore the design\'s data stores',
    managedPolicyArns: [
      { arn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup', reason: 'AWS Backup\'s own service-role policy: AWS maintains the per-service snapshot permissions it needs' },
      { arn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores', reason: 'AWS Backup\'s own service-role policy for restores, maintained by AWS' },
      { arn: 'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup', reason: 'AWS Backup\'s own policy for S3 backups, maintained by AWS' },
      { arn: 'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore', reason: 'AWS Backup\'s own policy for S3 restores, maintained by AWS' },
    ],
  });
  ctx.resource(O, 'BackupSelection', 'AWS::Backup::BackupSelection', {
    BackupPlanId: ctx.ref(plan),
    BackupSelection: { SelectionName: 'StatefulComponents', IamRoleArn: ctx.att(role, 'Arn'), Resources: arns },
  });
  ctx.output('BackupVaultName', ctx.ref(vault), 'AWS Backup vault');
}
