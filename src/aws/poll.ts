import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../shared/errors.js';
import { isAbortError, wasThrottled } from './errors.js';

/** Time as the polling loops see it; tests replace it to run minutes of waiting instantly. */
export interface Clock {
  now(): number;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
};

export interface PollOptions {
  /** First wait between checks. */
  intervalMs: number;
  /** The wait grows by `backoff` after each check up to this. */
  maxIntervalMs: number;
  /** Give up (and report a timeout) once this much time has passed since the first check. */
  timeoutMs: number;
  /** @default 1.5 */
  backoff?: number;
  signal?: AbortSignal | undefined;
  clock?: Clock | undefined;
  /** Called when a check was throttled and the loop slows down instead of failing. */
  onThrottled?: (() => void) | undefined;
}

export type PollResult<T> = { done: true; value: T; checks: number } | { done: false; checks: number };

/** Thrown when the client cancels a long operation; the MCP layer reports it like any user-facing stop. */
export function cancelled(what: string): UserError {
  return new UserError('', `${what} was cancelled by the client`);
}

/**
 * Calls `check` until it returns a value (not undefined), the timeout passes, or `signal` aborts. A throttled check
 * does not fail the loop: AWS asked us to slow down, so the interval doubles and the check runs again. Any other
 * error from `check` propagates.
 */
export async function poll<T>(check: () => Promise<T | undefined>, options: PollOptions): Promise<PollResult<T>> {
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? 1.5;
  const deadline = clock.now() + options.timeoutMs;
  let interval = options.intervalMs;
  let checks = 0;
  for (;;) {
    if (options.signal?.aborted) throw cancelled('waiting for CloudFormation');
    checks++;
    let wait: number;
    try {
      const value = await check();
      if (value !== undefined) return { done: true, value, checks };
      wait = interval;
      interval = Math.min(options.maxIntervalMs, interval * backoff);
    } catch (e) {
      if (!wasThrottled(e)) throw e;
      options.onThrottled?.();
      interval = Math.min(options.maxIntervalMs * 2, Math.max(interval, 1) * 2);
      wait = interval;
    }
    const left = deadline - clock.now();
    if (left <= 0) return { done: false, checks };
    try {
      await clock.sleep(Math.min(wait, left), options.signal);
    } catch (e) {
      if (isAbortError(e) || options.signal?.aborted) throw cancelled('waiting for CloudFormation');
      throw e;
    }
  }
}
