// An in-place re-parse reads again only the references around an edit, but whether a range
// is expanded depends on the whole file: its file may cite only so many unwritten range
// members (parse/references.ts, rangeMemberBudget). This keeps each parse's count, so that an
// edit can tell, from the references it replaced alone, whether a full parse would expand the
// same ranges; when it cannot, the editor index parses the whole file.

import type { ParsedDocument, Reference } from '../model/types';
import { rangeMemberBudget } from '../parse/references';
import type { Reparsed } from '../parse/reparse';

interface RangeCount {
  /** Unwritten members cited, over the whole file. */
  members: number;
  /** Some range was left unexpanded for the file's budget (not for its own size). */
  overBudget: boolean;
}

function count(references: readonly Reference[], from: number, to: number): RangeCount {
  let members = 0;
  let overBudget = false;
  for (let i = from; i < to; i++) {
    const reference = references[i];
    if (reference.viaRange) members++;
    else if (reference.unexpanded?.overBudget) overBudget = true;
  }
  return { members, overBudget };
}

export class RangeBudgets {
  private readonly counts = new WeakMap<ParsedDocument, RangeCount>();

  /** Does the in-place re-parse expand exactly the ranges a full parse of its text would? */
  sameAsFullParse(previous: ParsedDocument, reparsed: Reparsed): boolean {
    const before = this.of(previous);
    if (before.overBudget) return false;
    const { window } = reparsed.change;
    const removed = count(previous.references, window.before, window.before + window.removed);
    const added = count(reparsed.parsed.references, window.before, window.before + window.added);
    const members = before.members - removed.members + added.members;
    // Under the budget, a full parse expands every range it can: so did the window.
    if (added.overBudget || members > rangeMemberBudget(reparsed.parsed.text.length)) return false;
    this.counts.set(reparsed.parsed, { members, overBudget: false });
    return true;
  }

  private of(parsed: ParsedDocument): RangeCount {
    let known = this.counts.get(parsed);
    if (!known) {
      known = count(parsed.references, 0, parsed.references.length);
      this.counts.set(parsed, known);
    }
    return known;
  }
}
