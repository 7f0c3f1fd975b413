import { buildspec } from '../pipeline/buildspec.js';
import type { PipelineFlavour } from '../shared/target.js';
import type { Architecture } from '../../model/index.js';
import type { CfnContext } from './context.js';
import { getAtt, policyDocument, ref, sub } from './fn.js';
import type { Statement } from './fn.js';

/** File name of the template inside the build artifact. */
export const TEMPLATE_FILE = 'template.yaml';

/** The customer-managed key, created first so everything can reference it; its policy is completed at the end. */
export function emitKey(ctx: CfnContext): void {
  if (!ctx.cmk) return;
  ctx.add(
    'platform',
    'Cmk',
    'AWS::KMS::Key',
    {
      Description: `${ctx.a.name}: encrypts data, logs, backups and secrets`,
      EnableKeyRotation: true,
      PendingWindowInDays: 30,
      KeyPolicy: policyDocument([]),
    },
    { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
  );
  ctx.add('platform', 'CmkAlias', 'AWS::KMS::Alias', { AliasName: sub(`alias/${ctx.a.name}-\${EnvironmentName}`), TargetKeyId: ref('Cmk') });
  ctx.output('KeyArn', getAtt('Cmk', 'Arn'), 'Customer-managed KMS key');
}

/** Key policy: account administrators, then each AWS service that encrypts with the key on the design's behalf. */
export function setKeyPolicy(ctx: CfnContext, statements: Statement[]): void {
  const admin: Statement = { Sid: 'AllowAccountAdministration', Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' };
  ctx.t.get('Cmk').Properties!['KeyPolicy'] = policyDocument([admin, ...statements]);
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

/** The pipeline lints the template, then deploys it to every stage with that stage's parameters. */
export function pipelineFlavour(a: Architecture): PipelineFlavour {
  return {
    build: { stage: 'Validate', action: 'Lint', description: `Validates the ${a.name} template`, buildspec: buildspec(a, 'cloudformation', TEMPLATE_FILE) },
    templatePath: () => `Template::${TEMPLATE_FILE}`,
    parameterOverrides: (environment, hostsPipeline) => JSON.stringify({ EnvironmentName: environment, PipelineHost: hostsPipeline ? 'true' : 'false' }),
  };
}
