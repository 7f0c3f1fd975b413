import { UserError } from '../shared/errors.js';

/**
 * Hard limits of the memory store. A note is meant to be read by a person and by a model in one go; anything
 * bigger belongs in a design's workspace, not in memory.
 */

/** Largest note the store writes or indexes, in bytes of UTF-8 (front matter and body). */
export const MAX_NOTE_BYTES = 256 * 1024;

/** Largest write request (every text argument of one call together), in bytes of UTF-8. */
export const MAX_WRITE_BYTES = 1024 * 1024;

/** Longest relative note path, in characters; deeper trees are a sign of a generated mess. */
export const MAX_PATH_LENGTH = 240;

/** Most notes memory_list returns per page. */
export const LIST_LIMIT_MAX = 200;

/** Most hits memory_search returns. */
export const SEARCH_LIMIT_MAX = 50;

/** Characters of the Decision section kept as an accepted decision's summary. */
export const SUMMARY_CHARS = 300;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * Refuses a write request whose text arguments together exceed {@link MAX_WRITE_BYTES}, naming the largest one.
 * Counted before any work, so an oversized request costs nothing.
 */
export function checkWriteSize(args: Record<string, unknown>): void {
  let total = 0;
  let largest = { field: 'content', bytes: -1 };
  for (const [field, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const bytes = Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
    total += bytes;
    if (bytes > largest.bytes) largest = { field, bytes };
  }
  if (total > MAX_WRITE_BYTES) {
    throw new UserError(largest.field, `the write request is ${kb(total)}, over the ${kb(MAX_WRITE_BYTES)} limit of one write`, `Send less text; a note holds at most ${kb(MAX_NOTE_BYTES)}.`);
  }
}

/** Refuses a note whose stored text would exceed {@link MAX_NOTE_BYTES}. */
export function checkNoteSize(text: string, field: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_NOTE_BYTES) {
    throw new UserError(field, `the note would be ${kb(bytes)}, over the ${kb(MAX_NOTE_BYTES)} limit of a note`, 'Split it into several notes that link to each other.');
  }
}
