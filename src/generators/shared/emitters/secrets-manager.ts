import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { ROTATION_CODE, envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Secret = ComponentOfService<'secrets-manager'>;

/**
 * A secret with a generated initial value (never a plaintext one in the stack). With rotationDays, a rotation
 * function stores a fresh random value on schedule; secrets issued by third parties are rotated by hand.
 */
export const secretsManager = emitter('secrets-manager', {
  emit(c: Secret, ctx: Target) {
    const id = ctx.id(c, 'Secret');
    ctx.comment(`${c.id}: ${c.description ?? c.name ?? 'secret'}`);
    ctx.secret(c, id, { description: c.config.description, length: 48, excludePunctuation: true });
    if (!ctx.cmk) ctx.ack(id, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): the secret is encrypted with aws/secretsmanager', 'HIPAA.Security-SecretsManagerUsingKMSKey', 'PCI.DSS.321-SecretsManagerUsingKMSKey');
    if (c.config.rotationDays === 0) {
      ctx.ack(id, `rotationDays is 0 in the design: ${c.config.description} is issued by a third party and rotated with it`, 'AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled', 'PCI.DSS.321-SecretsManagerRotationEnabled');
      return;
    }
    const lg = ctx.id(c, 'RotationLogGroup');
    ctx.logGroup(c, lg);
    const roleId = ctx.id(c, 'RotationRole');
    const { policy } = ctx.role(c, roleId, {
      services: ['lambda.amazonaws.com'],
      description: `Rotates secret ${c.id}`,
      statements: [
        { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ctx.att(lg, 'Arn') },
        { Sid: 'RotateSecret', Effect: 'Allow', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'], Resource: ctx.ref(id) },
        { Sid: 'GenerateValues', Effect: 'Allow', Action: 'secretsmanager:GetRandomPassword', Resource: '*', why: 'GetRandomPassword is not tied to any secret and supports no resource-level permissions' },
        ...(ctx.cmk ? [{ Sid: 'UseEncryptionKey', Effect: 'Allow' as const, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: ctx.keyArn()! }] : []),
      ],
    });
    const fn = ctx.id(c, 'RotationFunction');
    ctx.resource(c, fn, 'AWS::Lambda::Function', {
      Description: `Rotates secret ${c.id} every ${c.config.rotationDays} days`,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 60,
      Role: ctx.att(roleId, 'Arn'),
      Code: { ZipFile: ROTATION_CODE },
      KmsKeyArn: ctx.keyArn(),
      LoggingConfig: { LogGroup: ctx.ref(lg), LogFormat: 'JSON' },
      ReservedConcurrentExecutions: 1,
    }, { dependsOn: policy ? [`${roleId}Policy`] : [] });
    ctx.ack(fn, 'Rotation function of the generator, pinned to the runtime its code was written for', 'AwsSolutions-L1');
    ctx.ack(fn, 'Runs only when Secrets Manager rotates the secret; it needs no network access beyond the Secrets Manager API', 'HIPAA.Security-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC');
    ctx.ack(fn, 'Invoked synchronously by Secrets Manager, which retries and reports failed rotations', 'HIPAA.Security-LambdaDLQ', 'PCI.DSS.321-LambdaDLQ');
    ctx.resource(c, ctx.id(c, 'RotationPermission'), 'AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: ctx.att(fn, 'Arn'), Principal: 'secretsmanager.amazonaws.com', SourceArn: ctx.ref(id) });
    ctx.resource(c, ctx.id(c, 'RotationSchedule'), 'AWS::SecretsManager::RotationSchedule', { SecretId: ctx.ref(id), RotationLambdaARN: ctx.att(fn, 'Arn'), RotationRules: { AutomaticallyAfterDays: c.config.rotationDays } }, { dependsOn: [ctx.id(c, 'RotationPermission')] });
    ctx.alarm(c, ctx.id(c, 'RotationErrorsAlarm'), { description: `${c.id}: rotation failed`, namespace: 'AWS/Lambda', metric: 'Errors', dimensions: { FunctionName: ctx.ref(fn) }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.ref(ctx.id(c, 'Secret'));
    return noPart('secrets-manager', part);
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_SECRET_ARN`]: ctx.ref(ctx.id(c, 'Secret')) };
  },
});
