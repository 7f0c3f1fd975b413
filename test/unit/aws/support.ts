import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCfnSession, type CfnSession, type CredentialProvider } from '../../../src/aws/session.js';
import type { Clock } from '../../../src/aws/poll.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

/** Test helpers for the aws area: recorded responses, AWS-shaped errors, a fake clock, sessions that never touch a network. */

export const REGION = 'eu-west-1';
export const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/5b3c2a10-8d2e-11ef-9a4b-0a1b2c3d4e5f';
export const CHANGE_SET_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/aba-preview-20250304101200-a1b2c3/0d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a';

const DATE_FIELDS = new Set(['Timestamp', 'CreationTime', 'LastUpdatedTime', 'DeletionTime', 'LastCheckTimestamp']);

/** A recorded response from test/fixtures/aws/, with timestamps turned into Dates as the SDK returns them. */
export function recorded<T = Record<string, unknown>>(name: string): T {
  const text = readFileSync(join(FIXTURES_DIR, 'aws', `${name}.json`), 'utf8');
  return JSON.parse(text, (key, value) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, 'aws', name), 'utf8');
}

/** An error as the SDK throws it for an AWS error response. */
export function awsError(name: string, message: string, opts: { status?: number; fault?: 'client' | 'server'; attempts?: number; throttling?: boolean } = {}): CloudFormationServiceException {
  return new CloudFormationServiceException({
    name,
    $fault: opts.fault ?? 'client',
    $metadata: { httpStatusCode: opts.status ?? 400, requestId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', attempts: opts.attempts ?? 1, totalRetryDelay: 0 },
    ...(opts.throttling ? { $retryable: { throttling: true } } : {}),
    message,
  });
}

export const throttling = () => awsError('Throttling', 'Rate exceeded', { throttling: true, attempts: 5 });
export const accessDenied = (action: string) =>
  awsError('AccessDenied', `User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ${action} on resource: ${STACK_ID} because no identity-based policy allows the ${action} action`, { status: 403 });
export const stackMissing = (name: string) => awsError('ValidationError', `Stack with id ${name} does not exist`);

export const fakeCredentials: CredentialProvider = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });

/** A session with static fake credentials; with aws-sdk-client-mock in place no request leaves the process. */
export function testSession(region = REGION, credentials: CredentialProvider = fakeCredentials): CfnSession {
  return createCfnSession({ region, credentials, maxAttempts: 1 });
}

/** A clock whose sleeps pass instantly but count, so minutes of polling run in microseconds. */
export function fakeClock(start = Date.parse('2025-03-04T10:12:00Z')): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    async sleep(ms, signal) {
      if (signal?.aborted) throw Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
      slept.push(ms);
      t += ms;
    },
  };
}
