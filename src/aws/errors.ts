import { isUserError, UserError } from '../shared/errors.js';
import { isOptInRegion } from './region.js';

/** What was being attempted when an AWS call failed; the translation names it. */
export interface AwsCallContext {
  /** IAM action of the call, e.g. `cloudformation:CreateChangeSet`. */
  action: string;
  region: string;
  /** The profile in use; undefined means the default credential chain. */
  profile?: string | undefined;
  /** Input field an AWS `ValidationError` is about (`template`, `stackName`, `parameters`, ...). */
  field?: string | undefined;
}

interface ErrorLike {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $retryable?: { throttling?: boolean };
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
const UNRECOGNISED = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'OptInRequired']);
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

function asErrorLike(e: unknown): ErrorLike | undefined {
  return typeof e === 'object' && e !== null ? (e as ErrorLike) : undefined;
}

/** The AWS error code (`ValidationError`, `AccessDenied`, ...) or the JavaScript error name. */
export function awsErrorName(e: unknown): string | undefined {
  const x = asErrorLike(e);
  if (!x) return undefined;
  if (typeof x.Code === 'string') return x.Code;
  return typeof x.name === 'string' ? x.name : undefined;
}

function messageOf(e: unknown): string {
  const m = asErrorLike(e)?.message;
  return typeof m === 'string' ? m : String(e);
}

/** True for AWS throttling responses (after the SDK's own retries gave up). */
export function isThrottlingError(e: unknown): boolean {
  const x = asErrorLike(e);
  if (!x) return false;
  return THROTTLING.has(awsErrorName(e) ?? '') || x.$retryable?.throttling === true || x.$metadata?.httpStatusCode === 429;
}

/** True for a throttling error, raw or already translated by {@link toUserError}. */
export function wasThrottled(e: unknown): boolean {
  return isThrottlingError(e) || (isUserError(e) && e.detail?.throttled === true);
}

/** True when the call was cancelled through its AbortSignal. */
export function isAbortError(e: unknown): boolean {
  const name = awsErrorName(e);
  return name === 'AbortError' || (asErrorLike(e)?.code === 'ABORT_ERR');
}

/** True for an error that came back from an AWS service (as opposed to a bug or a local failure). */
export function isServiceError(e: unknown): boolean {
  const x = asErrorLike(e);
  return !!x && (x.$fault === 'client' || x.$fault === 'server') && typeof x.$metadata === 'object';
}

function who(profile: string | undefined): string {
  return profile ? `profile '${profile}'` : 'the default credential chain';
}

const CONFIGURE_FIX =
  'Configure credentials and call again (no restart needed): `aws configure` for access keys, `aws configure sso` then `aws sso login` for IAM Identity Center, or start the server with --aws-profile <name> (or AWS_PROFILE) to use a named profile. On EC2, ECS or Lambda, attach an IAM role.';

/** The "not configured" answer: live tools are registered but no credentials resolve. */
export function notConfigured(profile: string | undefined, detail?: string): UserError {
  return new UserError(
    'credentials',
    `AWS is not configured: no credentials could be loaded from ${who(profile)}${detail ? ` (${detail})` : ''}`,
    CONFIGURE_FIX,
    { notConfigured: true },
  );
}

/** Translates a failure of the credential provider chain into what the user should do. */
export function credentialsError(e: unknown, profile: string | undefined): UserError {
  const msg = messageOf(e);
  const login = profile ? ` --profile ${profile}` : '';
  if (/SSO session .*(expired|invalid)|SSO.*token.*(expired|invalid)|sso login/i.test(msg)) {
    return new UserError('credentials', `the AWS SSO session for ${who(profile)} has expired`, `Run \`aws sso login${login}\` and call again.`, { expired: true });
  }
  if (/re-authenticate using aws login/i.test(msg)) {
    return new UserError('credentials', `the AWS console login session for ${who(profile)} has expired`, `Run \`aws login${login}\` and call again.`, { expired: true });
  }
  if (/requires multi-factor authentication/i.test(msg)) {
    return new UserError(
      'credentials',
      `${who(profile)} assumes a role that requires an MFA code, which this server cannot prompt for`,
      'Use a profile with cached session credentials (e.g. from `aws sts get-session-token` or IAM Identity Center) instead.',
    );
  }
  const missingProfile = /Profile (\S+) (?:was not found|could not be found)|Could not resolve credentials using profile: \[([^\]]+)\]/.exec(msg);
  if (missingProfile) {
    const name = missingProfile[1] ?? missingProfile[2];
    return new UserError(
      'credentials',
      `AWS profile '${name}' has no usable credentials in ~/.aws/config or ~/.aws/credentials`,
      `Check the name (aws configure list-profiles), or create it with \`aws configure --profile ${name}\`.`,
      { notConfigured: true },
    );
  }
  return notConfigured(profile, /Could not load credentials from any providers/.test(msg) ? undefined : msg);
}

function accessDenied(msg: string, c: AwsCallContext): UserError {
  const action = /not authorized to perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(msg)?.[1] ?? c.action;
  const principal = /User:\s+(arn:\S+)/.exec(msg)?.[1];
  // AWS says why either as "because no identity-based policy allows ..." or "with an explicit deny in a ...".
  const because = /(?:because|with) ((?:no|an explicit|an implicit) .+?)\.?$/.exec(msg)?.[1] ?? '';
  let fix = `Add "${action}" to an Allow statement of the IAM policy of ${principal ?? 'your identity'}${c.profile ? ` (profile '${c.profile}')` : ''}, or use a profile that has it.`;
  if (/service control policy/i.test(because)) fix = `An organization service control policy denies ${action}; ask your AWS organization administrator, or use an account where it is allowed.`;
  else if (/permissions boundary/i.test(because)) fix = `The permissions boundary of ${principal ?? 'your identity'} denies ${action}; ask an IAM administrator to widen the boundary.`;
  else if (/explicit deny/i.test(because)) fix = `An explicit Deny (${because}) blocks ${action}; an Allow cannot override it, so ask an IAM administrator.`;
  return new UserError('permissions', `access denied: ${principal ?? 'your identity'} may not call ${action} in ${c.region}`, fix, { action, ...(principal ? { principal } : {}) });
}

function unrecognised(name: string, msg: string, c: AwsCallContext): UserError {
  if (name === 'OptInRequired' || isOptInRegion(c.region)) {
    return new UserError(
      'region',
      `AWS rejected the credentials in ${c.region}, which is an opt-in region that is probably not enabled for this account (${msg})`,
      `Enable it under Account > AWS Regions in the console (or \`aws account enable-region --region-name ${c.region}\`) and wait for it to finish, or use another region.`,
    );
  }
  return new UserError(
    'credentials',
    `AWS does not recognise the credentials from ${who(c.profile)} (${name}: ${msg})`,
    'The access key was deleted, mistyped or belongs to another partition. Run `aws sts get-caller-identity` to check, then `aws configure` or choose another profile.',
  );
}

/** Hints for the ValidationErrors people meet most often, keyed by a pattern of AWS's own message. */
const VALIDATION_HINTS: Array<[RegExp, string]> = [
  [/ROLLBACK_COMPLETE state and can not be updated/i, 'A stack whose first creation failed can only be deleted: delete it (console or `aws cloudformation delete-stack`), then preview again.'],
  [/_IN_PROGRESS state and can not be updated/i, 'Another operation is running on the stack; wait for it (cfn_stack_status) and try again.'],
  [/does not exist/i, 'Check the stack name and region (cfn_stack_status lists similar names).'],
  [/Template format error/i, 'Fix the template; validate_template checks it offline with line numbers.'],
  [/must have values/i, 'Pass the missing parameters in parameters, or give them defaults in the template.'],
  [/Requires capabilities/i, 'Add the listed capability to capabilities after reviewing the IAM resources the template creates.'],
  [/TemplateBody.*length|Member must have length less than or equal to 51200/i, 'Upload the template to S3 and pass templateUrl instead.'],
];

/**
 * Turns an error from an AWS call into a {@link UserError} naming what to do, or returns undefined when it is not
 * an AWS or network failure (a bug, which the caller rethrows).
 */
export function toUserError(e: unknown, c: AwsCallContext): UserError | undefined {
  const x = asErrorLike(e);
  if (!x) return undefined;
  const name = awsErrorName(e) ?? '';
  const msg = messageOf(e);

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') return credentialsError(e, c.profile);
  if (EXPIRED.has(name) || /security token included in the request is expired/i.test(msg)) {
    const login = c.profile ? ` --profile ${c.profile}` : '';
    return new UserError(
      'credentials',
      `the AWS session token from ${who(c.profile)} has expired`,
      `Log in again (\`aws sso login${login}\`, or refresh the temporary keys in your environment or ~/.aws/credentials) and call again.`,
      { expired: true },
    );
  }
  if (DENIED.has(name) || /is not authorized to perform/i.test(msg)) return accessDenied(msg, c);
  if (UNRECOGNISED.has(name)) return unrecognised(name, msg, c);
  if (name === 'RequestExpired' || name === 'RequestTimeTooSkewed') {
    return new UserError('', `AWS refused the request because this computer's clock is off (${msg})`, 'Synchronise the system clock (NTP) and call again.');
  }
  if (name === 'SignatureDoesNotMatch') {
    return new UserError('credentials', `AWS rejected the request signature from ${who(c.profile)}: the secret access key does not match the access key id`, 'Re-enter the keys with `aws configure`.');
  }
  if (isThrottlingError(e)) {
    const attempts = x.$metadata?.attempts;
    return new UserError(
      'region',
      `AWS kept throttling ${c.action} in ${c.region}${attempts ? ` after ${attempts} attempts with backoff` : ''}`,
      'Other tools or pipelines are calling CloudFormation in this account heavily; wait a minute and call again.',
      { throttled: true },
    );
  }
  if (name === 'ValidationError') {
    const hint = VALIDATION_HINTS.find(([re]) => re.test(msg))?.[1];
    return new UserError(c.field ?? '', msg.replace(/\.$/, ''), hint);
  }
  if (name === 'InsufficientCapabilitiesException' || name === 'InsufficientCapabilities') {
    return new UserError('capabilities', msg.replace(/\.$/, ''), 'Review the IAM resources or macros the template uses, then pass the capability it names in capabilities.');
  }
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'RequestTimeoutException') {
    return new UserError('', `the call to ${c.action} in ${c.region} timed out`, 'Check your network or proxy and call again.');
  }
  if (isAbortError(e)) return new UserError('', `${c.action} was cancelled by the client`);
  const netCode = typeof x.code === 'string' && NETWORK_CODES.has(x.code) ? x.code : undefined;
  if (netCode) {
    return new UserError(
      '',
      `could not reach the CloudFormation endpoint for ${c.region} (${netCode})`,
      netCode === 'ENOTFOUND' || netCode === 'EAI_AGAIN' ? 'Check that you are online (and your proxy settings) and that the region code is right.' : 'Check your network or proxy and call again.',
    );
  }
  if (isServiceError(e)) {
    if (x.$fault === 'server') {
      return new UserError('', `CloudFormation in ${c.region} returned an internal error for ${c.action} (${name}: ${msg})`, 'This is on the AWS side; call again in a moment.');
    }
    return new UserError(c.field ?? '', `AWS rejected ${c.action}: ${name}: ${msg.replace(/\.$/, '')}`);
  }
  return undefined;
}

/** Rethrows `e` as a {@link UserError} when it is an AWS failure; bugs pass through unchanged. */
export function rethrowAws(e: unknown, c: AwsCallContext): never {
  throw toUserError(e, c) ?? e;
}
