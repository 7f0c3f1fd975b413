import { arn, schedule } from '../common.js';
import type { Statement, TfContext } from '../context.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, jsonencode, obj, raw, tpl } from '../hcl.js';
import { ALARM_TOPIC } from '../platform/observability.js';

/** The artifacts bucket (job scripts, temporary files); asks main.tf to declare it. */
export function artifactsBucket(ctx: TfContext): { arn: ReturnType<typeof raw>; name: ReturnType<typeof raw> } {
  ctx.shared.add('artifacts-bucket');
  return { arn: raw('aws_s3_bucket.artifacts.arn'), name: raw('aws_s3_bucket.artifacts.bucket') };
}

export const glueJob: Emitter<'glue-job'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 255 });
    const bucket = artifactsBucket(ctx);
    const key = ctx.kms(['logs']);
    const shell = cfg.jobType === 'pythonshell';

    ctx.resource(file, 'aws_glue_security_configuration', n, {
      name: ctx.awsName([c.id], { max: 255 }),
      encryption_configuration: blk('encryption_configuration', {
        cloudwatch_encryption: blk('cloudwatch_encryption', key ? { cloudwatch_encryption_mode: 'SSE-KMS', kms_key_arn: key } : { cloudwatch_encryption_mode: 'DISABLED' }),
        job_bookmarks_encryption: blk('job_bookmarks_encryption', key ? { job_bookmarks_encryption_mode: 'CSE-KMS', kms_key_arn: key } : { job_bookmarks_encryption_mode: 'DISABLED' }),
        s3_encryption: blk('s3_encryption', key ? { s3_encryption_mode: 'SSE-KMS', kms_key_arn: key } : { s3_encryption_mode: 'SSE-S3' }),
      }),
    });
    const baseline: Statement[] = [
      { sid: 'ReadScript', actions: ['s3:GetObject'], resources: [tpl`${bucket.arn}/glue/${c.id}/*`] },
      { sid: 'TempFiles', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [tpl`${bucket.arn}/glue-temp/${c.id}/*`] },
      { sid: 'ListArtifacts', actions: ['s3:ListBucket'], resources: [bucket.arn] },
      {
        sid: 'WriteLogs',
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
        resources: [arn('logs', 'log-group:/aws-glue/*')],
      },
      {
        sid: 'PublishMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: [{ test: 'StringEquals', variable: 'cloudwatch:namespace', values: ['Glue'] }],
      },
      ...(key ? [{ sid: 'UseJobKey', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], resources: [key] }] : []),
    ];
    const role = ctx.role(c, { assumedBy: ['glue.amazonaws.com'], baseline, description: `Role of Glue job ${c.id}` });
    const args: Record<string, string | ReturnType<typeof tpl>> = {
      '--job-language': 'python',
      '--TempDir': tpl`s3://${bucket.name}/glue-temp/${c.id}/`,
      '--enable-metrics': 'true',
      '--enable-continuous-cloudwatch-log': 'true',
    };
    if (!shell) {
      args['--enable-job-insights'] = 'true';
      args['--enable-observability-metrics'] = 'true';
      args['--job-bookmark-option'] = 'job-bookmark-enable';
    }
    ctx.resource(file, 'aws_glue_job', n, {
      name,
      description: c.description ?? c.name,
      role_arn: role,
      // Python shell jobs run Python 3.9 on Glue 3.0 whatever the design's Spark version.
      glue_version: shell ? '3.0' : cfg.glueVersion,
      worker_type: shell ? undefined : cfg.workerType,
      number_of_workers: shell ? undefined : cfg.numberOfWorkers,
      max_capacity: shell ? 0.0625 : undefined,
      timeout: cfg.jobType === 'gluestreaming' ? undefined : cfg.timeoutMinutes,
      max_retries: cfg.maxRetries,
      security_configuration: raw(`aws_glue_security_configuration.${n}.name`),
      command: blk('command', { name: cfg.jobType, script_location: tpl`s3://${bucket.name}/glue/${c.id}/job.py`, python_version: shell ? '3.9' : '3' }),
      default_arguments: obj(args),
      execution_property: blk('execution_property', { max_concurrent_runs: 1 }),
      tags,
    });
    ctx.note(`Upload the script of Glue job ${c.id} to s3://<artifacts bucket>/glue/${c.id}/job.py (output \`artifacts_bucket\`).`);
    if (cfg.schedule) {
      schedule(
        ctx,
        c,
        cfg.schedule,
        { arn: 'arn:aws:scheduler:::aws-sdk:glue:startJobRun', input: jsonencode(obj({ JobName: raw(`aws_glue_job.${n}.name`) })) },
        [{ sid: 'StartJob', actions: ['glue:StartJobRun'], resources: [raw(`aws_glue_job.${n}.arn`)] }],
      );
    }
    // Glue reports failures as events, not metrics: route them to the alarm topic.
    const rule = ctx.n(c.id, 'failed');
    ctx.resource(file, 'aws_cloudwatch_event_rule', rule, {
      name: ctx.awsName([c.id, 'failed'], { max: 64 }),
      description: `Runs of Glue job ${c.id} that failed, timed out or stopped`,
      event_pattern: jsonencode(
        obj({ source: ['aws.glue'], 'detail-type': ['Glue Job State Change'], detail: obj({ jobName: [raw(`aws_glue_job.${n}.name`)], state: ['FAILED', 'TIMEOUT', 'STOPPED'] }) }),
      ),
      tags,
    });
    ctx.resource(file, 'aws_cloudwatch_event_target', rule, { rule: raw(`aws_cloudwatch_event_rule.${rule}.name`), arn: ALARM_TOPIC });
    ctx.output({ name: `${n}_job_name`, value: raw(`aws_glue_job.${n}.name`), description: `Glue job ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_glue_job.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('glue-job', part);
  },
  env(c, ctx) {
    return [['JOB_NAME', ctx.awsName([c.id], { max: 255 })]];
  },
};
