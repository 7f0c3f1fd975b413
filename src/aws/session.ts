import { CloudFormationClient, type CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { isUserError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { credentialsError, rethrowAws } from './errors.js';

/** A credential provider as the SDK takes it (the default chain or anything tests inject). */
export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

/** Retry and timeout defaults: generous enough for a throttled account, short enough that a dead network shows. */
export const CLIENT_DEFAULTS = {
  /** Attempts per call, including the first; the adaptive strategy backs off and rate-limits on throttling. */
  maxAttempts: 5,
  /** Time allowed for one HTTP response. */
  requestTimeoutMs: 30_000,
  /** Time allowed to open the TCP/TLS connection. */
  connectionTimeoutMs: 5_000,
} as const;

export interface CfnSessionOptions {
  region: string;
  /** Named profile; undefined uses the default chain (env, SSO, ini files, process, web identity, ECS/EC2 role). */
  profile?: string | undefined;
  /** Replaces the default credential chain (tests, or callers that already hold credentials). */
  credentials?: CredentialProvider | undefined;
  /** @default CLIENT_DEFAULTS.maxAttempts */
  maxAttempts?: number | undefined;
  /** @default CLIENT_DEFAULTS.requestTimeoutMs */
  requestTimeoutMs?: number | undefined;
  /** @default CLIENT_DEFAULTS.connectionTimeoutMs */
  connectionTimeoutMs?: number | undefined;
  /** Replaces the HTTP handler (tests drive the real middleware stack with recorded responses through this). */
  requestHandler?: CloudFormationClientConfig['requestHandler'];
  /**
   * Another CloudFormation endpoint (LocalStack, a test server). Usually unnecessary: the SDK itself honours
   * AWS_ENDPOINT_URL_CLOUDFORMATION and AWS_ENDPOINT_URL.
   */
  endpoint?: string | undefined;
  /** Where the credential chain's warnings go instead of the console. */
  logger?: Logger | undefined;
}

/** A CloudFormation client bound to one region and credential source, plus what error messages need. */
export interface CfnSession {
  readonly client: CloudFormationClient;
  readonly region: string;
  readonly profile: string | undefined;
  readonly credentials: CredentialProvider;
}

function sdkLogger(logger: Logger) {
  return {
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => logger.log('warning', args.map(String).join(' ')),
    error: (...args: unknown[]) => logger.log('error', args.map(String).join(' ')),
  };
}

/**
 * Builds the CloudFormation client used by every live tool: the default credential chain (or `profile`), the
 * adaptive retry mode (exponential backoff with jitter, plus client-side rate limiting once AWS throttles, which
 * matters for the polling loops) and connection and request timeouts. Building it does no I/O.
 */
export function createCfnSession(options: CfnSessionOptions): CfnSession {
  const credentials =
    options.credentials ??
    fromNodeProviderChain({
      ...(options.profile ? { profile: options.profile } : {}),
      // Re-read ~/.aws files whenever credentials must be resolved again, so `aws configure` or a new profile
      // works without restarting the server; resolved credentials stay cached until they expire.
      ignoreCache: true,
      ...(options.logger ? { logger: sdkLogger(options.logger) } : {}),
    });
  const client = new CloudFormationClient({
    region: options.region,
    credentials,
    maxAttempts: options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    retryMode: 'adaptive',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    requestHandler: options.requestHandler ?? {
      requestTimeout: options.requestTimeoutMs ?? CLIENT_DEFAULTS.requestTimeoutMs,
      // Without this the SDK only logs a warning when the request timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs ?? CLIENT_DEFAULTS.connectionTimeoutMs,
    },
  });
  return { client, region: options.region, profile: options.profile, credentials };
}

/**
 * Resolves credentials before the first call so that a missing or expired login comes back as one clear
 * "not configured" or "log in again" message instead of a failure deep inside an operation.
 */
export async function ensureCredentials(session: CfnSession): Promise<void> {
  try {
    const id = await session.credentials();
    if (!id?.accessKeyId) throw credentialsError(new Error('the credential provider returned no access key'), session.profile);
  } catch (e) {
    if (isUserError(e)) throw e;
    throw credentialsError(e, session.profile);
  }
}

/** Options for one AWS call: the signal that cancels it. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Runs one SDK call and translates its failure: `action` is the IAM action (for access-denied messages) and
 * `field` the input an AWS ValidationError is about.
 */
export async function cfnCall<T>(
  session: CfnSession,
  action: string,
  field: string | undefined,
  run: (client: CloudFormationClient, opts: { abortSignal?: AbortSignal }) => Promise<T>,
  options: CallOptions = {},
): Promise<T> {
  try {
    return await run(session.client, options.signal ? { abortSignal: options.signal } : {});
  } catch (e) {
    rethrowAws(e, { action: `cloudformation:${action}`, region: session.region, profile: session.profile, field });
  }
}
