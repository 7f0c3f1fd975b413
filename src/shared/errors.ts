/**
 * The two error channels (see docs/adr/0001). A {@link UserError} is something the caller can fix:
 * it names the field and says what to change, and the MCP layer turns it into an `isError` result.
 * Anything else thrown is a bug: it is logged and reported as an internal error.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    /** Dotted path of the offending input field, e.g. `architecture.components[2].config.memoryMb`. */
    readonly field: string,
    message: string,
    /** What the caller should do about it. */
    readonly fix?: string,
    /** Extra structured detail a client may show (suggestions, current version, ...). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** One line a model or a person can act on. */
  describe(): string {
    const where = this.field ? `${this.field}: ` : '';
    return this.fix ? `${where}${this.message}. ${this.fix}` : `${where}${this.message}`;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UserError');
}

/** Formats a zod-style issue path (`['a', 0, 'b']`) as `a[0].b`, prefixed by `root` when given. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root = ''): string {
  let out = root;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}
