// Sizes the whole engine agrees on: the reader that refuses a file (node/readTextFile.ts)
// and the indexes that refuse a text (core/index) must not disagree on what is too large.

/** Files above this size are not parsed: a clear diagnostic instead of a stalled editor. */
export const MAX_FILE_SIZE = 32 * 1024 * 1024;

/**
 * A file that makes more numbered units than this (a Section of the Code makes a few thousand)
 * is reported and not checked: a pasted list of a million labels would otherwise take
 * gigabytes. Paragraphs a one-shot check reads on demand count as made.
 */
export const MAX_UNITS_PER_FILE = 100_000;

/** A file citing more than this (lists and ranges counted by member) has its citations reported, not checked. */
export const MAX_REFERENCES_PER_FILE = 100_000;

/** Unclosed or malformed tracked-change markers reported one by one, before one line says how many more. */
export const MAX_MARKUP_PROBLEMS = 1_000;

/** Tracked changes read in one file; the rest of it is read as written (a drafted amendment has dozens). */
export const MAX_CHANGES_PER_FILE = 100_000;
