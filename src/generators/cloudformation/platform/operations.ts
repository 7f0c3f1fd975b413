import type { Component } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import type { BackupTarget } from '../../shared/values.js';
import { getAtt, ref, sub } from '../fn.js';
import type { Value } from '../fn.js';

/** Where AWS Backup finds each stateful component, or why it does not cover it. */
export type { BackupTarget };

/**
 * AWS Backup vault, plan and selection for the stateful components: daily backups kept for
 * `resilience.backupRetentionDays`, continuous backups (point-in-time restore) when the RPO is under a day, and a
 * copy to the secondary region's vault when `crossRegionBackupCopy` is on.
 */
export function emitBackup(ctx: CfnContext, targets: Array<{ component: Component; target: BackupTarget }>): void {
  const r = ctx.a.resilience;
  if (r.drStrategy === 'none') return;
  const arns = targets.flatMap((t) => ('arn' in t.target ? [t.target.arn] : []));
  for (const t of targets) if ('unsupported' in t.target) ctx.warn(`components.${t.component.id}`, `AWS Backup does not cover ${t.component.service} '${t.component.id}': ${t.target.unsupported}`);
  if (arns.length === 0) return;
  const O = 'operations' as const;
  const vaultName = sub(`${ctx.a.name}-\${EnvironmentName}`);
  const vault = ctx.add(O, 'BackupVault', 'AWS::Backup::BackupVault', { BackupVaultName: vaultName, EncryptionKeyArn: ctx.keyArn() }, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  const continuous = r.rpoMinutes !== undefined && r.rpoMinutes < 24 * 60;
  const copy = r.crossRegionBackupCopy && r.secondaryRegion
    ? [{ DestinationBackupVaultArn: sub(`arn:\${AWS::Partition}:backup:${r.secondaryRegion}:\${AWS::AccountId}:backup-vault:${ctx.a.name}-\${EnvironmentName}-dr`), Lifecycle: { DeleteAfterDays: r.backupRetentionDays } }]
    : undefined;
  const plan = ctx.add(O, 'BackupPlan', 'AWS::Backup::BackupPlan', {
    BackupPlan: {
      BackupPlanName: sub(`${ctx.a.name}-\${EnvironmentName}`),
      BackupPlanRule: [
        {
          RuleName: 'Daily',
          TargetBackupVault: ref(vault),
          ScheduleExpression: 'cron(0 5 * * ? *)',
          StartWindowMinutes: 60,
          CompletionWindowMinutes: 480,
          // Continuous backups (point-in-time restore) are kept at most 35 days.
          EnableContinuousBackup: continuous ? true : undefined,
          Lifecycle: { DeleteAfterDays: continuous ? Math.min(35, r.backupRetentionDays) : r.backupRetentionDays },
          CopyActions: copy,
        } as unknown as Value,
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
  ctx.add(O, 'BackupSelection', 'AWS::Backup::BackupSelection', {
    BackupPlanId: ref(plan),
    BackupSelection: { SelectionName: 'StatefulComponents', IamRoleArn: getAtt(role, 'Arn'), Resources: arns },
  });
  ctx.output('BackupVaultName', ref(vault), 'AWS Backup vault');
}

/** A dashboard with one graph per alarmed metric, grouped by component. */
export function emitDashboard(ctx: CfnContext): void {
  if (!ctx.a.observability.dashboard || ctx.alarms.length === 0) return;
  const widgets = ctx.alarms.map((a, i) => ({
    type: 'metric',
    x: (i % 3) * 8,
    y: Math.floor(i / 3) * 6,
    width: 8,
    height: 6,
    properties: {
      title: `${a.owner}: ${a.spec.metric}`,
      region: '${AWS::Region}',
      view: 'timeSeries',
      stat: a.spec.extendedStatistic ?? a.spec.statistic ?? 'Sum',
      period: a.spec.period ?? 300,
      metrics: [[a.spec.namespace, a.spec.metric, ...Object.entries(a.spec.dimensions).flat()]],
      annotations: { horizontal: [{ label: 'alarm', value: a.spec.threshold }] },
    },
  }));
  ctx.add('operations', 'Dashboard', 'AWS::CloudWatch::Dashboard', {
    DashboardName: sub(`${ctx.a.name}-\${EnvironmentName}`),
    DashboardBody: sub(JSON.stringify({ widgets })),
  });
}
