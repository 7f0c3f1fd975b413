import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Job = ComponentOfService<'glue-job'>;

const GLUE_LOGS_WHY = 'Glue writes job logs to log groups under /aws-glue/ that it names per job run';

/** A Glue job with a security configuration (encrypted S3 output, logs and bookmarks), optional schedule, failure alarm. */
export const glueJob = emitter('glue-job', {
  emit(c: Job, ctx: Target) {
    const cfg = c.config;
    ctx.artifactsBucketName();
    const script = ctx.sub(`s3://\${ArtifactsBucket}/glue/${c.id}.py`);
    const { role, policy } = ctx.role(c, ctx.id(c, 'Role'), {
      services: ['glue.amazonaws.com'],
      description: `Execution role of Glue job ${c.id}`,
      statements: [
        { Sid: 'ReadScript', Effect: 'Allow', Action: 's3:GetObject', Resource: ctx.sub(`\${ArtifactsBucket.Arn}/glue/${c.id}*`), why: `The job reads its script (and any helper files) under glue/${c.id} in the artifacts bucket` },
        { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'], Resource: ctx.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws-glue/*'), why: GLUE_LOGS_WHY },
        { Sid: 'PublishMetrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'Glue' } }, why: 'CloudWatch PutMetricData supports no resource-level permissions; it is limited to the Glue namespace' },
        ...(ctx.cmk ? [{ Sid: 'UseJobKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'], Resource: ctx.keyArn()! }] : []),
      ],
      grants: true,
    });
    const kms = ctx.keyArn();
    const secCfg = ctx.resource(c, ctx.id(c, 'SecurityConfiguration'), 'AWS::Glue::SecurityConfiguration', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      EncryptionConfiguration: {
        S3Encryptions: [kms ? { S3EncryptionMode: 'SSE-KMS', KmsKeyArn: kms } : { S3EncryptionMode: 'SSE-S3' }],
        CloudWatchEncryption: kms ? { CloudWatchEncryptionMode: 'SSE-KMS', KmsKeyArn: kms } : { CloudWatchEncryptionMode: 'DISABLED' },
        JobBookmarksEncryption: kms ? { JobBookmarksEncryptionMode: 'CSE-KMS', KmsKeyArn: kms } : { JobBookmarksEncryptionMode: 'DISABLED' },
      },
    });
    if (kms) ctx.keyServices.add('logs');
    const shell = cfg.jobType === 'pythonshell';
    const job = ctx.resource(
      c,
      ctx.id(c, 'Job'),
      'AWS::Glue::Job',
      {
        Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
        Description: c.description ?? c.name ?? c.id,
        Role: ctx.att(role, 'Arn'),
        Command: { Name: cfg.jobType, ScriptLocation: script, PythonVersion: shell ? '3.9' : '3' },
        GlueVersion: shell ? '3.0' : cfg.glueVersion,
        WorkerType: shell ? undefined : cfg.workerType,
        NumberOfWorkers: shell ? undefined : cfg.numberOfWorkers,
        MaxCapacity: shell ? 1 : undefined,
        Timeout: cfg.timeoutMinutes,
        MaxRetries: cfg.maxRetries,
        SecurityConfiguration: ctx.ref(secCfg),
        ExecutionProperty: { MaxConcurrentRuns: 1 },
        DefaultArguments: ctx.json({
          '--enable-metrics': 'true',
          '--enable-continuous-cloudwatch-log': 'true',
          '--enable-observability-metrics': 'true',
          '--job-bookmark-option': 'job-bookmark-enable',
          '--TempDir': ctx.sub(`s3://\${ArtifactsBucket}/glue-temp/${c.id}/`),
        }),
      },
      { dependsOn: policy ? [policy] : [] },
    );
    if (!kms) ctx.ack(job, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); encrypting Glue logs and job bookmarks needs a customer-managed key', 'AwsSolutions-GL1', 'AwsSolutions-GL3');
    if (cfg.schedule) {
      const { role: schedRole } = ctx.role(c, ctx.id(c, 'ScheduleRole'), {
        services: ['scheduler.amazonaws.com'],
        description: `Lets EventBridge Scheduler start Glue job ${c.id}`,
        assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
        statements: [{ Sid: 'StartJob', Effect: 'Allow', Action: 'glue:StartJobRun', Resource: ctx.sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:job/\${${job}}`) }],
      });
      ctx.resource(c, ctx.id(c, 'Schedule'), 'AWS::Scheduler::Schedule', {
        Description: `Starts ${c.id} on ${cfg.schedule}`,
        ScheduleExpression: cfg.schedule,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: 'arn:aws:scheduler:::aws-sdk:glue:startJobRun', RoleArn: ctx.att(schedRole, 'Arn'), Input: ctx.sub(`{"JobName": "\${${job}}"}`), RetryPolicy: { MaximumRetryAttempts: 2 } },
      });
    }
    ctx.alarm(c, ctx.id(c, 'FailedTasksAlarm'), {
      description: `${c.id}: job tasks failing`,
      namespace: 'Glue',
      metric: 'glue.driver.aggregate.numFailedTasks',
      dimensions: { JobName: `\${${job}}`, JobRunId: 'ALL', Type: 'count' },
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
    ctx.output(`${ctx.prefixes.get(c.id)}ScriptLocation`, script, `Upload the ${c.id} job script here`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:job/\${${ctx.id(c, 'Job')}}`);
    if (part === 'role') return ctx.att(ctx.id(c, 'Role'), 'Arn');
    return noPart('glue-job', part);
  },
  attr(c, name, ctx) {
    return name === 'name' ? ctx.ref(ctx.id(c, 'Job')) : undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_JOB_NAME`]: ctx.ref(ctx.id(c, 'Job')) };
  },
});
