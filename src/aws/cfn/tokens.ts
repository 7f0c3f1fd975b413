import { createHash, randomBytes } from 'node:crypto';
import { UserError } from '../../shared/errors.js';

/** What a preview token allows: executing exactly this change set, on this stack, in this region. */
export interface PreviewGrant {
  stackName: string;
  stackId: string;
  changeSetId: string;
  changeSetName: string;
  region: string;
  profile: string | undefined;
  /** Resource changes in the change set (the progress total while it executes). */
  changeCount: number;
  issuedAt: number;
  expiresAt: number;
}

interface Entry {
  grant: PreviewGrant;
  usedAt?: number;
}

/** How long a preview stays executable: long enough to read and discuss it, short enough that it is still fresh. */
export const PREVIEW_TOKEN_TTL_MS = 30 * 60_000;

const PREFIX = 'cfnp_';

/**
 * One-time tokens binding a deploy to a change set previewed in this server process. Tokens live only in memory,
 * so a restart invalidates them all; each works once and expires after {@link PREVIEW_TOKEN_TTL_MS}.
 */
export class PreviewTokenStore {
  // Security: entries are keyed by a hash of the token, so neither a lookup's timing nor a memory dump of the
  // map gives away a usable token.
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = PREVIEW_TOKEN_TTL_MS,
    private readonly now: () => number = () => Date.now(),
    private readonly maxEntries = 200,
  ) {}

  private static key(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.entries) if (e.grant.expiresAt <= t) this.entries.delete(k);
    // Bounded even if a client previews in a loop: the oldest grants go first.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Issues a token for a kept change set. */
  issue(grant: Omit<PreviewGrant, 'issuedAt' | 'expiresAt'>): { token: string; expiresAt: Date } {
    this.sweep();
    const issuedAt = this.now();
    const token = PREFIX + randomBytes(24).toString('base64url');
    const full: PreviewGrant = { ...grant, issuedAt, expiresAt: issuedAt + this.ttlMs };
    this.entries.set(PreviewTokenStore.key(token), { grant: full });
    return { token, expiresAt: new Date(full.expiresAt) };
  }

  /**
   * The grant for a token that is known, unused, unexpired and issued for `stackName` (its name or stack id);
   * otherwise a UserError saying which of those failed. Does not spend the token.
   */
  check(token: string, stackName: string): PreviewGrant {
    this.sweep();
    const rerun = 'Run cfn_preview_changes with keep: true on this server, review the changes, and pass the token it returns.';
    if (!token.startsWith(PREFIX)) throw new UserError('token', 'this is not a preview token', rerun);
    const entry = this.entries.get(PreviewTokenStore.key(token));
    if (!entry) throw new UserError('token', 'unknown or expired preview token (tokens last 30 minutes and do not survive a server restart)', rerun);
    if (entry.usedAt !== undefined) throw new UserError('token', `this preview token was already used at ${new Date(entry.usedAt).toISOString()}; each token executes one change set once`, rerun);
    if (entry.grant.expiresAt <= this.now()) throw new UserError('token', 'this preview token has expired', rerun);
    if (stackName !== entry.grant.stackName && stackName !== entry.grant.stackId) {
      throw new UserError('stackName', `the token was issued for stack '${entry.grant.stackName}', not '${stackName}'`, 'Pass the stack name you previewed, or preview this stack.');
    }
    return entry.grant;
  }

  /** Checks like {@link check} and spends the token, so a second execution with it is refused. */
  redeem(token: string, stackName: string): PreviewGrant {
    const grant = this.check(token, stackName);
    this.entries.get(PreviewTokenStore.key(token))!.usedAt = this.now();
    return grant;
  }

  get size(): number {
    return this.entries.size;
  }
}
