// Giving units new numbers: the id a target takes when a unit containing it is renumbered, and
// where the number of the renumbered unit is written in a reference. Shared by rename (F2) and
// Renumber Part in the editor and by consolidation, which carries a draft's renumbering through
// every reference of the Code.

import { isWithin, shortLabel } from '../model/ids';
import { isAlnum } from '../parse/scanner';

/** The mapped id for a target within a renamed unit (H4.12(a) → H4.13(a) when H4.12 → H4.13), or null when none contains it. */
export function mapped(target: string, mapping: ReadonlyMap<string, string>): string | null {
  let best: string | null = null;
  for (const old of mapping.keys()) if (isWithin(target, old) && (best === null || old.length > best.length)) best = old;
  return best === null ? null : mapping.get(best)! + target.slice(best.length);
}

/** Where the written id of `old` sits in a reference's text: the last occurrence not followed by a digit or letter. */
export function writtenAt(text: string, start: number, end: number, oldShort: string): number {
  const written = text.slice(start, end);
  for (let at = written.lastIndexOf(oldShort); at !== -1; at = written.lastIndexOf(oldShort, at - 1)) {
    const next = written.charCodeAt(at + oldShort.length);
    const before = written.charCodeAt(at - 1);
    if (!isAlnum(next) && !isAlnum(before)) return start + at;
  }
  return -1;
}

/** The number as a reference or label writes it: `H4.13` for `Section H4.13(a)`. */
export function writtenNumber(id: string): string {
  return shortLabel(id).replace(/\(.*$/, '');
}
