// An edit's term uses, found again on its lines only. A use spans at most two lines and a run
// of capitalised words one, so what the matcher finds from a line on depends only on that
// line, the next, and whether a use from the line before runs into it. The lines from the one
// before the edit are matched again until a line break that no use crosses, neither in the new
// matches nor in the old ones there: from that break on, the old matches hold, moved by the
// edit's length. The property test in test/unit/incremental.test.ts holds the result equal to
// matching the whole file.

import type { TextEdit } from '../parse/reparse';
import type { CaseMismatch, NearMiss, TermMatches, TermUse } from '../resolve/termMatcher';

type Found = TermUse | CaseMismatch | NearMiss;
type MatchLines = (range: { start: number; end: number }, before: TermUse | undefined) => TermMatches;

/** Lines read before giving up and matching the whole file (an edit in a long run of wrapped uses). */
const MAX_EXTRA_LINES = 8;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

function crosses(items: readonly Found[], boundary: number, shift = 0): boolean {
  return items.some((item) => item.start + shift < boundary && item.end + shift > boundary);
}

/** The matches of the edited text, or null when the whole file is to be matched again. */
export function rematchLines(text: string, old: TermMatches, edit: TextEdit, match: MatchLines): TermMatches | null {
  const delta = edit.newLength - (edit.end - edit.start);
  const editLine = lineStart(text, edit.start);
  const from = editLine > 0 ? lineStart(text, editLine - 1) : 0;
  // A use from before the lines read that runs into them (a case mismatch that does: the whole file).
  if (old.caseMismatches.some((mismatch) => mismatch.start < from && mismatch.end > from)) return null;
  const before = old.uses.find((use) => use.start < from && use.end > from);
  let to = lineEnd(text, edit.start + edit.newLength);
  for (let extra = 0; extra < MAX_EXTRA_LINES && to < text.length; extra++) {
    to = lineEnd(text, to + 1);
    if (to >= text.length) return null;
    const boundary = to + 1;
    const fresh = match({ start: from, end: boundary }, before);
    const all: Found[] = [...fresh.uses, ...fresh.caseMismatches, ...fresh.nearMisses];
    if (crosses(all, boundary) || crosses(old.uses, boundary - delta) || crosses(old.caseMismatches, boundary - delta)) continue;
    return splice(old, fresh, from, boundary, delta);
  }
  return null;
}

/** The old matches are the file's previous ones, dropped once replaced: those after the lines read are moved in place. */
function splice(old: TermMatches, fresh: TermMatches, from: number, boundary: number, delta: number): TermMatches {
  const join = <T extends Found>(previous: readonly T[], found: readonly T[]): T[] => {
    const joined: T[] = [];
    for (const item of previous) if (item.start < from) joined.push(item);
    for (const item of found) joined.push(item);
    for (const item of previous) if (item.start >= boundary - delta) joined.push(move(item, delta));
    return joined;
  };
  const keys = old.keys;
  if (keys && fresh.keys) keys.addAll(fresh.keys);
  return { uses: join(old.uses, fresh.uses), caseMismatches: join(old.caseMismatches, fresh.caseMismatches), nearMisses: join(old.nearMisses, fresh.nearMisses), keys };
}

function move<T extends Found>(item: T, delta: number): T {
  if (delta === 0) return item;
  item.start += delta;
  item.end += delta;
  const use = item as TermUse;
  if (use.baseEnd !== undefined) use.baseEnd += delta;
  return item;
}
