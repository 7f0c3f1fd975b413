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

/** Characters of the Decision section kept as an accepted decision's summary. */
export const SUMMARY_CHARS = 300;
