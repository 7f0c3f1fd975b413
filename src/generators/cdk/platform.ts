import type { Architecture } from '../../model/index.js';
import { buildspec } from '../pipeline/buildspec.js';
import type { PipelineFlavour } from '../shared/target.js';
import { Code, code, print, quote } from './code.js';
import type { TsValue } from './code.js';
import type { CdkContext } from './context.js';

/** The customer-managed key (L2 `kms.Key` with rotation and its alias); service statements are added at the end. */
export function emitKey(ctx: CdkContext): void {
  if (!ctx.cmk) return;
  const kms = ctx.mod('aws-kms');
  ctx.comment('Customer-managed key for data, logs, backups and secrets.');
  const props = {
    description: `${ctx.a.name}: encrypts data, logs, backups and secrets`,
    enableKeyRotation: true,
    pendingWindow: code('cdk.Duration.days(30)'),
    alias: code(`\`alias/${ctx.a.name}-\${stage}\``),
    removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
  };
  ctx.construct('platform', 'Cmk', (s, id) => `new ${kms}.Key(${s}, ${id}, ${print(props, 2)})`, [], ['CmkAlias'], 'key');
  ctx.output('KeyArn', ctx.keyArn()!, 'Customer-managed KMS key');
}

/** A dashboard with one graph per alarmed metric (L2 `cloudwatch.Dashboard`). */
export function emitDashboard(ctx: CdkContext): void {
  if (!ctx.a.observability.dashboard || ctx.alarms.length === 0) return;
  const cw = ctx.mod('aws-cloudwatch');
  const widgets = ctx.alarms.map((a) => {
    const metric = {
      namespace: a.spec.namespace,
      metricName: a.spec.metric,
      dimensionsMap: Object.keys(a.spec.dimensions).length ? (a.spec.dimensions as Record<string, TsValue>) : undefined,
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

/** The pipeline type-checks and synthesizes the app, then deploys each stage's synthesized template. */
export function pipelineFlavour(a: Architecture): PipelineFlavour {
  return {
    build: { stage: 'Synthesize', action: 'Synth', description: `Type-checks and synthesizes the ${a.name} app`, buildspec: buildspec(a, 'cdk', '') },
    templatePath: (stack) => `Template::${stack}.template.json`,
  };
}
