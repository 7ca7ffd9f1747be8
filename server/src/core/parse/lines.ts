// How the parse layer reads lines. This is the one place that decides what a line break is:
// "\n", "\r\n" (read as "\n" preceded by a "\r" that is not content) and a lone "\r", as LSP and
// editors count them. A text with lone "\r"s is read with each replaced by "\n"
// (`withLineFeeds`: same length, so every offset stays the text's own). The structure pass, the
// paragraphs read on demand and the in-place re-parse all read lines through here.

import { Ch } from './chars';

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** Has the text a "\r" that is not followed by "\n" (old Mac line endings, text pasted from some PDFs)? */
export function hasLoneCarriageReturn(text: string): boolean {
  return text.indexOf('\r') !== -1 && LONE_CARRIAGE_RETURN.test(text);
}

/** The text with each lone "\r" as "\n"; the text itself when it has none. */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** A line as the structure pass reads it. */
export interface LineSpan {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the line break, or the text's end. */
  end: number;
  /** First character after the indentation (spaces and tabs). */
  first: number;
  /** End of the content, trailing spaces, tabs and carriage return left out (`first` for a blank line). */
  contentEnd: number;
  /** Start of the next line, or -1 for the last line. */
  next: number;
}

export function newLineSpan(): LineSpan {
  return { start: 0, end: 0, first: 0, contentEnd: 0, next: -1 };
}

/** Reads the line starting at `lineStart` into `line`, an object reused for every line of a pass. */
export function readLine(text: string, lineStart: number, line: LineSpan): void {
  const lineEnd = lineEndAt(text, lineStart);
  line.next = lineEnd === text.length ? -1 : lineEnd + 1;
  let contentEnd = lineEnd;
  if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === Ch.CarriageReturn) contentEnd--;
  let i = lineStart;
  while (i < contentEnd && (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab)) i++;
  while (contentEnd > i && (text.charCodeAt(contentEnd - 1) === Ch.Space || text.charCodeAt(contentEnd - 1) === Ch.Tab)) contentEnd--;
  line.start = lineStart;
  line.end = lineEnd;
  line.first = i;
  line.contentEnd = contentEnd;
}

/** Start of the line that holds `offset` (a line's break belongs to it). */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line that holds `offset`: its line break, or the text's end. */
export function lineEndAt(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  return lineBreak === -1 ? text.length : lineBreak;
}

/** Is this character a line break, or part of one? */
export function isLineBreak(code: number): boolean {
  return code === Ch.LineFeed || code === Ch.CarriageReturn;
}

/** 1-based line numbers of offsets given in increasing order, in one pass over the text before the last. */
export function lineNumbersAt(text: string, offsets: readonly number[]): number[] {
  const numbers: number[] = [];
  let line = 1;
  let next = 0;
  for (const offset of offsets) {
    for (let at = next; ; ) {
      const lineBreak = text.indexOf('\n', at);
      if (lineBreak === -1 || lineBreak >= offset) {
        next = at;
        break;
      }
      line++;
      at = lineBreak + 1;
    }
    numbers.push(line);
  }
  return numbers;
}
