// The labels that open numbered lines: `H4`, `H4A`, `H4.3`, `H4.3A` and `(a)`, `(iv)`, `(B)`.
// Read by hand rather than by a regular expression: the structure pass reads one for most of
// its 400,000 lines in the whole SEC, and a match array each was a large part of its garbage.

import { Ch } from './chars';
import { isDigit, isLower, isUpper } from './scanner';

/** Where a Part or clause label's pieces end. */
export interface PartOrClauseSpan {
  /** End of the Part number (`H4A` in `H4A.3`). */
  partEnd: number;
  /** Start of the clause number, or -1 for a Part label. */
  clauseStart: number;
  end: number;
}

/** A label ends at a space, a tab, or the end of the text (a label alone on a line is prose). */
function endsLabel(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === Ch.Space || code === Ch.Tab || at === text.length || (code === Ch.CarriageReturn && at + 1 === text.length);
}

/** `max` digits at most, then one optional capital: the end, or -1 when there is no digit or too many. */
function readNumber(text: string, at: number, max: number): number {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === at || i - at > max) return -1;
  return isUpper(text.charCodeAt(i)) ? i + 1 : i;
}

/**
 * Reads a Part or clause label at `at` into `span`; false when there is none. Matches exactly
 * what /([A-Z])(\d{1,2}[A-Z]?)(?:\.(\d{1,3}[A-Z]?))?(?=[ \t]|\r?$)/y matches.
 */
export function readPartOrClause(text: string, at: number, span: PartOrClauseSpan): boolean {
  if (!isUpper(text.charCodeAt(at))) return false;
  const partEnd = readNumber(text, at + 1, 2);
  if (partEnd === -1) return false;
  span.partEnd = partEnd;
  if (text.charCodeAt(partEnd) === Ch.Period) {
    const end = readNumber(text, partEnd + 1, 3);
    if (end === -1 || !endsLabel(text, end)) return false;
    span.clauseStart = partEnd + 1;
    span.end = end;
    return true;
  }
  if (!endsLabel(text, partEnd)) return false;
  span.clauseStart = -1;
  span.end = partEnd;
  return true;
}

/** The end of a paragraph label at `at` (`(a)`..`(zzzz)`, `(A)`, `(AB)`), or -1. Same as /\(([a-z]{1,4}|[A-Z]{1,2})\)(?=[ \t]|\r?$)/y. */
export function readParagraphLabel(text: string, at: number): number {
  if (text.charCodeAt(at) !== Ch.LParen) return -1;
  const first = text.charCodeAt(at + 1);
  const test = isLower(first) ? isLower : isUpper(first) ? isUpper : null;
  if (test === null) return -1;
  let i = at + 2;
  while (test(text.charCodeAt(i))) i++;
  if (i - at - 1 > (test === isLower ? 4 : 2) || text.charCodeAt(i) !== Ch.RParen || !endsLabel(text, i + 1)) return -1;
  return i + 1;
}
