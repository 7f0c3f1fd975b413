import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../shared/errors.js';

/** Name of the lock folder proper-lockfile creates inside the memory folder (hidden, so never listed as a note). */
export const LOCK_NAME = '.write.lock';

/**
 * Serialises writers of one memory folder, within this process (a promise queue, no polling) and across processes
 * (proper-lockfile: an atomic mkdir with a heartbeat, so a lock left by a crashed process goes stale after
 * `staleMs` and is taken over). Everything that reads, checks and then writes runs inside {@link run}, so two
 * writers can never both pass a version check or pick the same ADR number.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly root: string,
    private readonly staleMs = 10_000,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let done!: () => void;
    this.tail = new Promise<void>((resolve) => (done = resolve));
    await previous;
    try {
      return await this.acrossProcesses(fn);
    } finally {
      done();
    }
  }

  private async acrossProcesses<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.root, { recursive: true });
    let compromised: Error | undefined;
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.root, {
        lockfilePath: join(this.root, LOCK_NAME),
        stale: this.staleMs,
        // Short randomised waits: a critical section is a few milliseconds, and many writers may queue at once.
        retries: { retries: 2000, factor: 1.2, minTimeout: 2, maxTimeout: 40, randomize: true },
        // The default throws from a timer and would take the server down; record it and fail this write instead.
        onCompromised: (e) => {
          compromised = e;
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new UserError('path', 'the memory folder is busy: another process has held its write lock for too long', 'Try again in a few seconds.');
      }
      throw e;
    }
    try {
      const out = await fn();
      if (compromised) throw new Error(`the memory write lock was lost while writing (${compromised.message}); check the note and retry`);
      return out;
    } finally {
      await release().catch(() => undefined);
    }
  }
}
