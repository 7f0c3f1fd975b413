import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { emitter, noPart } from './types.js';

type Athena = ComponentOfService<'athena'>;

/**
 * A workgroup that enforces encrypted results in its own bucket and a per-query scan limit, the Glue database it
 * queries, and a role for analysts and jobs carrying the design's grants.
 */
export const athena = emitter('athena', {
  emit(c: Athena, ctx: Target) {
    const resultsId = ctx.id(c, 'ResultsBucket');
    const { bucket } = ctx.bucket(c, resultsId, { lifecycle: [{ id: 'ExpireResults', expirationDays: 30, noncurrentDays: 7 }] });
    ctx.ack(bucket, 'Query results are reproducible by re-running the query and expire after 30 days', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
    const wg = ctx.resource(c, ctx.id(c, 'WorkGroup'), 'AWS::Athena::WorkGroup', {
      Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
      Description: c.description ?? `Queries of ${c.id}`,
      State: 'ENABLED',
      RecursiveDeleteOption: false,
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: Math.round(c.config.bytesScannedCutoffGb * 1024 ** 3),
        EngineVersion: { SelectedEngineVersion: 'AUTO' },
        ResultConfiguration: {
          OutputLocation: ctx.sub(`s3://\${${bucket}}/results/`),
          EncryptionConfiguration: ctx.cmk ? { EncryptionOption: 'SSE_KMS', KmsKey: ctx.keyArn() } : { EncryptionOption: 'SSE_S3' },
        },
      },
    });
    ctx.resource(c, ctx.id(c, 'Database'), 'AWS::Glue::Database', {
      CatalogId: ctx.aws.account,
      DatabaseInput: { Name: ctx.sub(`${c.config.database}_\${EnvironmentName}`), Description: `Tables queried through ${c.id}` },
    });
    ctx.role(c, ctx.id(c, 'QueryRole'), {
      services: [],
      description: `Assumed by analysts and jobs that query through workgroup ${c.id}`,
      statements: [
        { Sid: 'UseResultsBucket', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'], Resource: ctx.sub(`\${${bucket}.Arn}/results/*`), why: `Athena writes and reads query results under results/ in the ${c.id} results bucket` },
        { Sid: 'ListResultsBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucket'], Resource: ctx.att(bucket, 'Arn') },
      ],
      grants: true,
    });
    ctx.output(`${ctx.prefixes.get(c.id)}WorkGroup`, ctx.ref(wg), `Athena workgroup ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:athena:\${AWS::Region}:\${AWS::AccountId}:workgroup/\${${ctx.id(c, 'WorkGroup')}}`);
    if (part === 'glue-catalog') {
      const db = ctx.id(c, 'Database');
      return [
        ctx.sub('arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog'),
        ctx.sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:database/\${${db}}`),
        ctx.sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:table/\${${db}}/*`),
      ];
    }
    return noPart('athena', part);
  },
  env(c, ctx) {
    return { [`${c.id.replace(/-/g, '_').toUpperCase()}_WORKGROUP`]: ctx.ref(ctx.id(c, 'WorkGroup')) };
  },
});
