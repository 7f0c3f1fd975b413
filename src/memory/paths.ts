import { UserError } from '../shared/errors.js';
import { resolveInside } from '../shared/fs-safe.js';
import { MAX_PATH_LENGTH } from './limits.js';
import { MEMORY_SCHEME } from './types.js';

/** What a new note's path segments may be made of: portable file names, no spaces, no leading dot. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Checks a note path given by a caller and returns it in canonical form (a `memory://` prefix is accepted and
 * dropped). Refuses what is not a markdown note inside the store: the boundary checks themselves (`..`, absolute
 * paths, drive letters, NUL bytes, symlinks) are {@link resolveInside}'s, run by {@link resolveNote}.
 */
export function checkNotePath(input: string, field = 'path'): string {
  // Security: this and resolveNote are the only ways a caller-chosen name becomes a file system path.
  if (typeof input !== 'string' || input.trim() === '') throw new UserError(field, 'path is empty', 'Give a note path such as patterns/aws-my-service.md.');
  const rel = input.startsWith(MEMORY_SCHEME) ? input.slice(MEMORY_SCHEME.length) : input;
  if (rel.length > MAX_PATH_LENGTH) throw new UserError(field, `path is ${rel.length} characters long, over the limit of ${MAX_PATH_LENGTH}`);
  if (rel.includes('\0')) throw new UserError(field, 'path contains a NUL byte');
  if (/[\u0001-\u001f\u007f]/.test(rel)) throw new UserError(field, 'path contains a control character');
  if (!rel.endsWith('.md')) {
    const hint = /\.md$/i.test(rel) ? ` Use the lower-case extension: '${rel.replace(/\.md$/i, '.md')}'.` : ` Notes are markdown files, e.g. '${rel.replace(/\/+$/, '')}.md'.`;
    throw new UserError(field, `'${rel}' is not a markdown note (.md)`, hint.trim());
  }
  if (rel.split('/').some((s) => s.startsWith('.') && s !== '.' && s !== '..')) {
    throw new UserError(field, `'${rel}' names a hidden file or folder`, 'Hidden names are reserved for the store (locks, temporary files).');
  }
  return rel;
}

/** Holds each segment of a new note's path to portable names, so every note can be named in a URI and on any OS. */
function checkPortable(rel: string, field: string): void {
  for (const seg of rel.split('/')) {
    if (!SEGMENT.test(seg)) {
      throw new UserError(field, `'${rel}' has the segment '${seg}', which is not a portable file name`, 'Use letters, digits, dots, dashes and underscores, e.g. notes/cost-savings-plan.md.');
    }
  }
}

/**
 * The absolute path of a note under `root`, after every boundary check. The escape checks run first because their
 * messages say what was wrong; a note about to be created must also have a portable name.
 */
export async function resolveNote(root: string, input: string, field = 'path', forWriting = false): Promise<{ rel: string; abs: string }> {
  const rel = checkNotePath(input, field);
  const abs = await resolveInside(root, rel, field);
  if (forWriting) checkPortable(rel, field);
  return { rel, abs };
}

/** `patterns/aws-serverless-api.md` -> `memory://patterns/aws-serverless-api.md`, each segment percent-encoded. */
export function noteUri(path: string): string {
  return MEMORY_SCHEME + path.split('/').map(encodeURIComponent).join('/');
}

/** The note path inside a `memory://` URI (or a path given as is), percent-decoded segment by segment. */
export function pathFromUri(uriOrPath: string, field = 'uri'): string {
  const raw = uriOrPath.startsWith(MEMORY_SCHEME) ? uriOrPath.slice(MEMORY_SCHEME.length) : uriOrPath;
  try {
    return raw.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new UserError(field, `'${uriOrPath}' is not a valid memory URI (bad percent-encoding)`);
  }
}
