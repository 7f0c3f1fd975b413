import type { Component } from '../../../model/index.js';
import { Code, code, print, quote } from '../code.js';
import type { CdkContext } from '../context.js';
import type { BackupTarget } from '../../shared/values.js';

export type { BackupTarget };

/** AWS Backup vault, plan and selection (L1: the L2 plan adds its own role and rules layout). */
export function emitBackup(ctx: CdkContext, targets: Array<{ component: Component; target: BackupTarget }>): void {
  const r = ctx.a.resilience;
  if (r.drStrategy === 'none') return;
  const arns = targets.flatMap((t) => ('arn' in t.target ? [t.target.arn as Code] : []));
  for (const t of targets) if ('unsupported' in t.target) ctx.warn(`components.${t.component.id}`, `AWS Backup does not cover ${t.component.service} '${t.component.id}': ${t.target.unsupported}`);
  if (!arns.length) return;
  const O = 'operations' as const;
  ctx.comment('Backups of the stateful components.');
  ctx.l1(O, 'BackupVault', 'AWS::Backup::BackupVault', { BackupVaultName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`), EncryptionKeyArn: ctx.keyArn() }, { policy: 'RETAIN' });
  const continuous = r.rpoMinutes !== undefined && r.rpoMinutes < 24 * 60;
  const copy = r.crossRegionBackupCopy && r.secondaryRegion
    ? [{ DestinationBackupVaultArn: ctx.sub(`arn:\${AWS::Partition}:backup:${r.secondaryRegion}:\${AWS::AccountId}:backup-vault:${ctx.a.name}-\${EnvironmentName}-dr`), Lifecycle: { DeleteAfterDays: r.backupRetentionDays } }]
    : undefined;
  ctx.l1(O, 'BackupPlan', 'AWS::Backup::BackupPlan', {
    BackupPlan: {
      BackupPlanName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`),
      BackupPlanRule: [
        {
          RuleName: 'Daily',
          TargetBackupVault: ctx.ref('BackupVault'),
          ScheduleExpression: 'cron(0 5 * * ? *)',
          StartWindowMinutes: 60,
          CompletionWindowMinutes: 480,
          EnableContinuousBackup: continuous ? true : undefined,
          Lifecycle: { DeleteAfterDays: continuous ? Math.min(35, r.backupRetentionDays) : r.backupRetentionDays },
          CopyActions: copy,
        },
      ],
    },
  });
  ctx.role(O, 'BackupRole', {
    services: ['backup.amazonaws.com'],
    description: "Lets AWS Backup back up and restore the design's data stores",
    managedPolicies: [
      { name: 'service-role/AWSBackupServiceRolePolicyForBackup', reason: "AWS Backup's own service-role policy: AWS maintains the per-service snapshot permissions it needs" },
      { name: 'service-role/AWSBackupServiceRolePolicyForRestores', reason: "AWS Backup's own service-role policy for restores, maintained by AWS" },
      { name: 'AWSBackupServiceRolePolicyForS3Backup', reason: "AWS Backup's own policy for S3 backups, maintained by AWS" },
      { name: 'AWSBackupServiceRolePolicyForS3Restore', reason: "AWS Backup's own policy for S3 restores, maintained by AWS" },
    ],
  });
  ctx.l1(O, 'BackupSelection', 'AWS::Backup::BackupSelection', {
    BackupPlanId: ctx.ref('BackupPlan'),
    BackupSelection: { SelectionName: 'StatefulComponents', IamRoleArn: ctx.att('BackupRole', 'Arn'), Resources: arns },
  });
  ctx.output('BackupVaultName', ctx.ref('BackupVault'), 'AWS Backup vault');
}

/** A dashboard with one graph per alarmed metric (L2 `cloudwatch.Dashboard`). */
export function emitDashboard(ctx: CdkContext): void {
  if (!ctx.a.observability.dashboard || ctx.alarms.length === 0) return;
  const cw = ctx.mod('aws-cloudwatch');
  const widgets = ctx.alarms.map((a) => {
    const metric = {
      namespace: a.spec.namespace,
      metricName: a.spec.metric,
      dimensionsMap: Object.keys(a.spec.dimensions).length ? a.spec.dimensions : undefined,
      statistic: a.spec.extendedStatistic ?? a.spec.statistic ?? 'Sum',
      period: code(`cdk.Duration.seconds(${a.spec.period ?? 300})`),
    };
    const deps = Object.values(a.spec.dimensions).flatMap((d) => (d instanceof Code ? [...d.deps] : []));
    return code(() => `new ${cw}.GraphWidget({ title: ${quote(`${a.owner}: ${a.spec.metric}`)}, width: 8, left: [new ${cw}.Metric(${print(metric, 6)})], leftAnnotations: [{ label: 'alarm', value: ${a.spec.threshold} }] })`, '', deps);
  });
  const rows: Code[][] = [];
  widgets.forEach((w, i) => {
    if (i % 3 === 0) rows.push([]);
    rows[rows.length - 1]!.push(w);
  });
  const props = { dashboardName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}`), widgets: rows };
  ctx.construct('operations', 'Dashboard', (s, id) => `new ${cw}.Dashboard(${s}, ${id}, ${print(props, 2)})`, widgets.flatMap((w) => [...w.deps]));
}

