// Does a cited title match the target's real title? Case, punctuation, `&`/`and`, a plural
// `s` and acronyms of the real words (SSI for Self-Service Interface) are not differences.
// A title after a dash has no written end, so it matches when the real title is a prefix of
// what follows the dash; when it does not, only a title-like run of words that shares most
// words with the real title is reported (otherwise the dash introduced prose, not a title).

import type { CitedTitle } from '../model/types';
import { readWordsUnbounded, WordToken } from '../parse/words';

export type TitleVerdict =
  | { kind: 'match' }
  | { kind: 'mismatch'; cited: string; start: number; end: number }
  | { kind: 'not-a-title' };

const CONNECTIVES = new Set(['and', 'of', 'for', 'the', 'to', 'in', 'on', 'with', 'by', 'a', 'an', 'or']);
const SIMILARITY_THRESHOLD = 0.5;

function isAcronym(raw: string): boolean {
  return raw.length >= 2 && raw.length <= 6 && /^[A-Z]+$/.test(raw);
}

/** How many real words the cited words cover from the start, or -1 when they diverge. */
function coverage(cited: readonly WordToken[], real: readonly WordToken[]): { citedUsed: number; realUsed: number } {
  let i = 0;
  let j = 0;
  while (i < cited.length && j < real.length) {
    if (cited[i].word === real[j].word) {
      i++;
      j++;
      continue;
    }
    const raw = cited[i].raw;
    if (isAcronym(raw) && j + raw.length <= real.length) {
      let initials = '';
      for (let k = 0; k < raw.length; k++) initials += real[j + k].raw[0].toUpperCase();
      if (initials === raw) {
        i++;
        j += raw.length;
        continue;
      }
    }
    break;
  }
  return { citedUsed: i, realUsed: j };
}

function similarity(a: readonly WordToken[], b: readonly WordToken[]): number {
  const left = new Set(a.map((token) => token.word));
  const right = new Set(b.map((token) => token.word));
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

function absolute(tokens: readonly WordToken[], base: number): WordToken[] {
  return tokens.map((token) => ({ ...token, start: token.start + base, end: token.end + base }));
}

/**
 * The verdict depends only on the cited title as written and the real titles, not on where
 * it is: a file re-checked after an edit asks the same questions again, so they are
 * remembered (a bounded memo; offsets relative to the cited title's start).
 */
const verdicts = new Map<string, TitleVerdict>();
const MEMO_LIMIT = 50_000;

export function checkCitedTitle(cited: CitedTitle, realTitles: readonly string[]): TitleVerdict {
  const key = `${cited.kind}\u0000${cited.raw}\u0000${realTitles.join('\u0001')}`;
  let relative = verdicts.get(key);
  if (relative === undefined) {
    relative = judgeCitedTitle({ ...cited, start: 0 }, realTitles);
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
    verdicts.set(key, relative);
  }
  if (relative.kind !== 'mismatch') return relative;
  return { ...relative, start: relative.start + cited.start, end: relative.end + cited.start };
}

/** Judged on the title alone: offsets count from the title's start. */
function judgeCitedTitle(cited: CitedTitle, realTitles: readonly string[]): TitleVerdict {
  const citedWords = absolute(readWordsUnbounded(cited.raw), cited.start);
  if (citedWords.length === 0 || realTitles.length === 0) return { kind: 'not-a-title' };
  const reals = realTitles.map((title) => readWordsUnbounded(title)).filter((words) => words.length > 0);
  for (const real of reals) {
    const { citedUsed, realUsed } = coverage(citedWords, real);
    if (realUsed === real.length && (cited.kind === 'dash' || citedUsed === citedWords.length)) return { kind: 'match' };
  }
  let extent = citedWords;
  if (cited.kind === 'dash') {
    // The title-like run: capitalised words and connectives, without trailing connectives.
    const run: WordToken[] = [];
    for (const token of citedWords) {
      const first = token.raw.charCodeAt(0);
      const capitalised = (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
      if (!capitalised && !CONNECTIVES.has(token.word)) break;
      run.push(token);
    }
    while (run.length > 0 && CONNECTIVES.has(run[run.length - 1].word)) run.pop();
    extent = run;
  }
  if (extent.length === 0) return { kind: 'not-a-title' };
  if (extent.length === 1 && isAcronym(extent[0].raw)) return { kind: 'not-a-title' };
  const closest = Math.max(...reals.map((real) => similarity(extent, real)));
  if (cited.kind === 'dash' && closest < SIMILARITY_THRESHOLD) return { kind: 'not-a-title' };
  const start = extent[0].start;
  const end = extent[extent.length - 1].end;
  return { kind: 'mismatch', cited: cited.raw.slice(start, end).replace(/\s+/g, ' '), start, end };
}
