// Sizes the whole engine agrees on: the reader that refuses a file (node/readTextFile.ts)
// and the indexes that refuse a text (core/index) must not disagree on what is too large.

/** Files above this size are not parsed: a clear diagnostic instead of a stalled editor. */
export const MAX_FILE_SIZE = 32 * 1024 * 1024;
