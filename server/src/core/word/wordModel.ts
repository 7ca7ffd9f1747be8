// What the Word converters share: the pieces a paragraph is made of, the problems they report,
// and the limits that keep a hostile document from exhausting memory. No IO here: the CLI (and
// later the editor) reads and writes the files.

/** How a piece of text stands in a tracked change. */
export type ChangeMark = 'text' | 'insertion' | 'deletion';

/** Text (a tab or a line break included) under one mark, or a comment standing at its place. */
export type Piece = { kind: ChangeMark; text: string } | { kind: 'comment'; text: string };

/** Something converted imperfectly: the file is still written, and the user is told. */
export interface WordProblem {
  /** An error leaves the result with malformed changes; a warning loses or alters less. */
  severity: 'error' | 'warning';
  message: string;
  /** 1-based line of the .sec file, when the problem has one. */
  line?: number;
}

/** The input is not a Word document this tool can read: nothing may be written. */
export class WordFormatError extends Error {
  override name = 'WordFormatError';
}

const MEGABYTE = 1024 * 1024;

/**
 * The XML parts an import unpacks (document, comments, numbering, styles), all together. A page
 * of XML makes about ten times its size in parsed objects, so this keeps an import well under a
 * gigabyte; the Code's longest Section is far below it.
 */
export const MAX_UNPACKED_XML_BYTES = 64 * MEGABYTE;

/** A .docx file itself (images included), read whole into memory before unpacking. */
export const MAX_DOCX_FILE_BYTES = 128 * MEGABYTE;

/**
 * A drafting file exported in one go: the docx library holds about a hundred bytes of objects
 * per byte of text (a 5 MB draft took 500 MB), so this bounds an export near a gigabyte. A
 * Section of the Code is well below it; the whole Code is not, and is exported a file at a time.
 */
export const MAX_EXPORT_TEXT_BYTES = 8 * MEGABYTE;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MEGABYTE)} MB`;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
