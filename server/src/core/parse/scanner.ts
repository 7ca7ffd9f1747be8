// Low-level character tests and gap skipping shared by the reference readers. All of them
// advance by at most a bounded number of characters: the reference scan stays linear.

import { Ch } from './chars';

export function isUpper(code: number): boolean {
  return code >= Ch.A && code <= Ch.Z;
}

export function isLower(code: number): boolean {
  return code >= Ch.LowerA && code <= Ch.LowerZ;
}

export function isDigit(code: number): boolean {
  return code >= Ch.Digit0 && code <= Ch.Digit9;
}

export function isLetter(code: number): boolean {
  return isUpper(code) || isLower(code);
}

export function isAlnum(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

export function isDash(code: number): boolean {
  return code === Ch.Hyphen || code === Ch.EnDash || code === Ch.EmDash;
}

/** Skips spaces and tabs. */
export function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code !== Ch.Space && code !== Ch.Tab && code !== Ch.NoBreakSpace) break;
    i++;
  }
  return i;
}

/** Skips spaces and at most one line break: references are reflowed, not split by blank lines. */
export function skipGap(text: string, at: number): number {
  let i = skipSpaces(text, at);
  if (text.charCodeAt(i) === Ch.CarriageReturn) i++;
  if (text.charCodeAt(i) === Ch.LineFeed) i = skipSpaces(text, i + 1);
  return i;
}

/** True when `word` is at `at` and is a whole word. */
export function wordAt(text: string, at: number, word: string): boolean {
  return text.startsWith(word, at) && !isAlnum(text.charCodeAt(at + word.length)) && !isAlnum(text.charCodeAt(at - 1));
}

/** Reads 1..max digits at `at`; returns the end offset or -1. */
export function readDigits(text: string, at: number, max: number): number {
  let i = at;
  while (i < text.length && i - at < max + 1 && isDigit(text.charCodeAt(i))) i++;
  if (i === at || i - at > max) return -1;
  return i;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
