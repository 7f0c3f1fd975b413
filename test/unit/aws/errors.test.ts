import { describe, expect, it } from 'vitest';
import { credentialsError, isThrottlingError, toUserError, wasThrottled } from '../../../src/aws/errors.js';
import { checkRegion } from '../../../src/aws/region.js';
import { isUserError } from '../../../src/shared/errors.js';
import { accessDenied, awsError, throttling } from './support.js';

const ctx = { action: 'cloudformation:CreateChangeSet', region: 'eu-west-1', profile: 'dev', field: 'template' };

function translate(e: unknown, c = ctx): string {
  const u = toUserError(e, c);
  if (!u) throw new Error('not translated');
  return u.describe();
}

describe('AWS error translation', () => {
  it('names the missing action and the principal on access denied', () => {
    const text = translate(accessDenied('cloudformation:CreateChangeSet'));
    expect(text).toContain('permissions: access denied: arn:aws:iam::123456789012:user/dev may not call cloudformation:CreateChangeSet in eu-west-1');
    expect(text).toContain('Add "cloudformation:CreateChangeSet" to an Allow statement');
    expect(text).toContain("profile 'dev'");
  });

  it('names the action AWS reports (iam:PassRole) rather than the call made', () => {
    const e = awsError('AccessDenied', 'User: arn:aws:sts::123456789012:assumed-role/dev/alice is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/cfn because no identity-based policy allows the iam:PassRole action', { status: 403 });
    const u = toUserError(e, ctx)!;
    expect(u.detail).toMatchObject({ action: 'iam:PassRole', principal: 'arn:aws:sts::123456789012:assumed-role/dev/alice' });
  });

  it('sends an SCP deny to the organization administrator, not to IAM policies', () => {
    const e = awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:ExecuteChangeSet on resource: x with an explicit deny in a service control policy', { status: 403 });
    expect(translate(e)).toContain('service control policy denies cloudformation:ExecuteChangeSet');
  });

  it('falls back to the action being called when the message does not name one', () => {
    const e = awsError('AccessDeniedException', 'Access denied', { status: 403 });
    expect(translate(e)).toContain('may not call cloudformation:CreateChangeSet');
  });

  it('asks for a new login when the session token expired', () => {
    const text = translate(awsError('ExpiredToken', 'The security token included in the request is expired', { status: 403 }));
    expect(text).toContain('credentials: the AWS session token from profile');
    expect(text).toContain('aws sso login --profile dev');
  });

  it('explains invalid tokens in an opt-in region as a disabled region', () => {
    const text = translate(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 }), { ...ctx, region: 'me-central-1' });
    expect(text).toContain('region: AWS rejected the credentials in me-central-1, which is an opt-in region');
    expect(text).toContain('aws account enable-region --region-name me-central-1');
  });

  it('explains invalid tokens in a default region as bad credentials', () => {
    const text = translate(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 }), { ...ctx, region: 'us-east-1' });
    expect(text).toContain('does not recognise the credentials');
    expect(text).toContain('aws sts get-caller-identity');
  });

  it('passes a ValidationError through verbatim on the field, with a hint when it is a known one', () => {
    const u = toUserError(awsError('ValidationError', 'Stack:arn:aws:cloudformation:eu-west-1:123456789012:stack/x/1 is in ROLLBACK_COMPLETE state and can not be updated.'), { ...ctx, field: 'stackName' })!;
    expect(u.field).toBe('stackName');
    expect(u.message).toBe('Stack:arn:aws:cloudformation:eu-west-1:123456789012:stack/x/1 is in ROLLBACK_COMPLETE state and can not be updated');
    expect(u.fix).toContain('can only be deleted');
  });

  it('reports throttling that outlasted the retries, with the attempt count', () => {
    const u = toUserError(throttling(), ctx)!;
    expect(u.describe()).toContain('AWS kept throttling cloudformation:CreateChangeSet in eu-west-1 after 5 attempts');
    expect(isThrottlingError(throttling())).toBe(true);
    expect(wasThrottled(u)).toBe(true);
    expect(wasThrottled(awsError('ValidationError', 'x'))).toBe(false);
  });

  it('turns network failures and timeouts into messages about the connection', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND cloudformation.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND', $metadata: { attempts: 5 } });
    expect(translate(dns)).toContain('could not reach the CloudFormation endpoint for eu-west-1 (ENOTFOUND)');
    const timeout = Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' });
    expect(translate(timeout)).toContain('timed out');
  });

  it('reports AWS server faults as retryable and other service errors by name', () => {
    expect(translate(awsError('InternalFailure', 'We encountered an internal error.', { status: 500, fault: 'server' }))).toContain('internal error');
    expect(translate(awsError('LimitExceededException', 'Limit on the number of stacks exceeded'))).toContain('AWS rejected cloudformation:CreateChangeSet: LimitExceededException');
  });

  it('leaves bugs alone', () => {
    expect(toUserError(new TypeError("Cannot read properties of undefined (reading 'x')"), ctx)).toBeUndefined();
    expect(toUserError('weird', ctx)).toBeUndefined();
  });
});

describe('credential chain failures', () => {
  const providerError = (message: string) => Object.assign(new Error(message), { name: 'CredentialsProviderError', tryNextLink: false });

  it('says "not configured" with the ways to configure when nothing resolves', () => {
    const u = credentialsError(providerError('Could not load credentials from any providers'), undefined);
    expect(u.describe()).toMatch(/^credentials: AWS is not configured: no credentials could be loaded from the default credential chain\. /);
    expect(u.fix).toContain('aws configure');
    expect(u.fix).toContain('aws sso login');
    expect(u.fix).toContain('AWS_PROFILE');
    expect(u.detail).toMatchObject({ notConfigured: true });
  });

  it('asks for aws sso login when the SSO session expired', () => {
    const u = credentialsError(providerError("The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'dev');
    expect(u.describe()).toContain('aws sso login --profile dev');
  });

  it('names a profile that does not exist', () => {
    const u = credentialsError(providerError('Profile stagng could not be found in shared credentials file.'), 'stagng');
    expect(u.describe()).toContain("AWS profile 'stagng' has no usable credentials");
  });

  it('is what toUserError produces for provider errors too', () => {
    expect(isUserError(toUserError(providerError('Could not load credentials from any providers'), ctx))).toBe(true);
  });
});

describe('region codes', () => {
  it('accepts commercial, GovCloud and China regions', () => {
    expect(checkRegion('eu-west-1')).toBe('eu-west-1');
    expect(checkRegion('us-gov-west-1')).toBe('us-gov-west-1');
    expect(checkRegion('cn-north-1')).toBe('cn-north-1');
  });

  it('refuses typos with the closest codes', () => {
    expect(() => checkRegion('eu-wset-1')).toThrow(/'eu-wset-1' is not an AWS Region code \(did you mean 'eu-west-1'/);
    expect(() => checkRegion('us-east-9', 'region')).toThrow(/not an AWS Region code/);
  });
});
