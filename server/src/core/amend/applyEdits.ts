// Edits of a baseline file's text, applied in one pass. A change of wording keeps the Code's own
// line layout: where it removes or adds words, the whitespace on its two sides is merged into
// one run (the Code's, where both have some), so that no double space or stray blank line is left.
// A new, deleted or renumbered unit is an edit of whole lines, applied as it is.

import type { Unit } from '../model/types';
import { readParagraphLabel, readPartOrClause } from '../parse/unitLabels';
import type { WordingEdit } from './wording';

export interface TextEdit extends WordingEdit {
  /** `words`: merge the whitespace at its ends with the text's; `exact`: apply as it is. */
  spacing: 'words' | 'exact';
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** Takes the whitespace off the end of the pieces so far (over pieces that are all whitespace), and returns it. */
function trailingSpace(pieces: string[]): string {
  let taken = '';
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1];
    let end = last.length;
    while (end > 0 && isSpace(last.charCodeAt(end - 1))) end--;
    taken = last.slice(end) + taken;
    if (end > 0) {
      pieces[pieces.length - 1] = last.slice(0, end);
      break;
    }
    pieces.pop();
  }
  return taken;
}

/** Does a numbered line start here: a paragraph label, a Part or a clause number? */
function startsNumberedLine(text: string, at: number): boolean {
  return readParagraphLabel(text, at) !== -1 || readPartOrClause(text, at, { partEnd: 0, clauseStart: -1, end: 0 });
}

/**
 * Joins `next` to the pieces so far, merging the whitespace where they meet into one run: the
 * Code's own, on whichever side it is (`codeSide`), where both sides have some; but a line
 * break before a paragraph's or clause's number is kept, whichever side has it.
 */
function joinMerged(pieces: string[], next: string, codeSide: 'previous' | 'next'): void {
  let start = 0;
  while (start < next.length && isSpace(next.charCodeAt(start))) start++;
  const after = next.slice(0, start);
  const before = trailingSpace(pieces);
  let kept = before === '' || after === '' ? before + after : codeSide === 'previous' ? before : after;
  if (!kept.includes('\n') && (before + after).includes('\n') && startsNumberedLine(next, start)) kept = before.includes('\n') ? before : after;
  // No line ends in spaces where two runs met.
  pieces.push(kept.replace(/^[ \t]+(?=\r?\n)/, '') + next.slice(start));
}

/** `text` with the edits applied; they are in order and do not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const pieces: string[] = [];
  let at = 0;
  /** The last piece added was (next to) a change of wording: the next one merges its whitespace with it. */
  let merge = false;
  const add = (piece: string, words: boolean): void => {
    if (piece !== '') {
      // A change of wording meets the Code's text before it; the Code's text after a change meets the change.
      if (words) joinMerged(pieces, piece, 'previous');
      else if (merge) joinMerged(pieces, piece, 'next');
      else pieces.push(piece);
    }
    merge = words || (piece === '' && merge);
  };
  for (const edit of edits) {
    add(text.slice(at, edit.start), false);
    add(edit.text, edit.spacing === 'words');
    at = edit.end;
  }
  add(text.slice(at), false);
  return pieces.join('');
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * What removing a unit removes: its lines (its cross-heading's too) and the blank lines after
 * them; at the end of the text, the line break before it instead, so the text still ends as it did.
 */
export function removalRange(text: string, unit: Unit): { start: number; end: number } {
  const start = lineStart(text, unit.crossHeading?.start ?? unit.start);
  let next = unit.end;
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  if (next < text.length) return { start, end: lineStart(text, next) };
  let before = start;
  while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
  return { start: before, end: unit.end };
}

/** How units are separated after `unit`: by a blank line, or by a line break alone. */
export function unitSeparator(text: string, unit: Unit): string {
  let i = unit.end;
  let breaks = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) if (text.charCodeAt(i++) === 10) breaks++;
  // The last unit of a text: the units before it say.
  if (i === text.length) return /\n[ \t]*\n/.test(text.slice(Math.max(0, unit.start - 200), unit.start)) ? '\n\n' : '\n';
  return breaks >= 2 ? '\n\n' : '\n';
}

/** Where a unit's lines start: its cross-heading's line when it has one. */
export function unitLineStart(text: string, unit: Unit): number {
  return lineStart(text, unit.crossHeading?.start ?? unit.start);
}
