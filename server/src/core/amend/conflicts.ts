// Conflicts between modifications in flight: two drafts that change the same unit (one
// amending, deleting or renumbering a unit that the other changes, or the whole of which the
// other changes), or that both give a new unit the same number. Two changes of wording
// that touch different words of a unit, and both still apply, commute: either order gives the
// same text, so the pair is reported as applying cleanly instead.

import { ancestorIds, isWithin } from '../model/ids';
import { ChangeAnalysis, DraftAnalyses, unitsChanged } from './analysis';
import type { Draft } from './draft';
import type { WordingEdit } from './wording';

export type ConflictKind =
  /** Two changes of wording that touch different words: they commute. */
  | 'commutes'
  /** Two changes of wording that touch the same words. */
  | 'same-words'
  /** Two changes of wording, one of which no longer reads as the Code does: they cannot be compared. */
  | 'incomparable'
  /** A deletion or renumbering against any other change of the unit. */
  | 'structure'
  /** Two new units, or a renumbered one, with the same number. */
  | 'same-number';

/** What a pair comes to, as `secls conflicts` and the editor's list say it. */
export const VERDICT: Record<ConflictKind, string> = {
  commutes: 'applies cleanly: they change different words, and either order gives the same text',
  'same-words': 'conflict: they change the same words',
  incomparable: 'conflict: one of the two no longer reads as the Code does, so they cannot be merged',
  structure: 'conflict: a deletion or renumbering meets another change of the unit',
  'same-number': 'conflict: both give a unit the same new number',
};

export interface Conflict {
  a: ChangeAnalysis;
  b: ChangeAnalysis;
  kind: ConflictKind;
}

const WORDING = new Set(['amend', 'replace']);

function isWordCharacter(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at]);
}

/** An edit widened to the whole words it touches: "touching different words" is the test, not different characters. */
function wordSpan(text: string, edit: WordingEdit): [number, number] {
  // An insertion touches the words on either side of it; a deletion, the words it cuts into.
  const insertion = edit.start === edit.end;
  let start = edit.start;
  let end = edit.end;
  if (insertion || isWordCharacter(text, start)) while (isWordCharacter(text, start - 1)) start--;
  if (insertion || isWordCharacter(text, end - 1)) while (isWordCharacter(text, end)) end++;
  return [start, end];
}

function touch(a: ChangeAnalysis, b: ChangeAnalysis): boolean {
  const text = a.baseline!.text;
  const spans = b.wording!.edits.map((edit) => wordSpan(text, edit));
  return a.wording!.edits.some((edit) => {
    const [start, end] = wordSpan(text, edit);
    return spans.some(([otherStart, otherEnd]) => start <= otherEnd && otherStart <= end);
  });
}

function wordingKind(a: ChangeAnalysis, b: ChangeAnalysis): ConflictKind {
  if (!a.wording?.applies || !b.wording?.applies || a.baseline?.uri !== b.baseline?.uri) return 'incomparable';
  return touch(a, b) ? 'same-words' : 'commutes';
}

function kindOf(a: ChangeAnalysis, b: ChangeAnalysis): ConflictKind {
  const kindA = a.change.instruction.kind;
  const kindB = b.change.instruction.kind;
  if (kindA === 'insert' || kindB === 'insert') return 'same-number';
  if (WORDING.has(kindA) && WORDING.has(kindB)) return wordingKind(a, b);
  return 'structure';
}

/** Each change filed under the units it acts on. */
class ChangeMap {
  /** By the existing unit a change acts on. */
  readonly byTarget = new Map<string, ChangeAnalysis[]>();
  /** By each unit that contains the unit a change acts on. */
  readonly byContainer = new Map<string, ChangeAnalysis[]>();
  /** By the number a change gives a unit (insert, renumber). */
  readonly byNewNumber = new Map<string, ChangeAnalysis[]>();

  add(analysis: ChangeAnalysis): void {
    for (const unit of unitsChanged(analysis)) {
      file(this.byTarget, unit, analysis);
      for (const container of ancestorIds(unit)) file(this.byContainer, container, analysis);
    }
    const newId = analysis.change.instruction.newId;
    if (newId !== undefined) file(this.byNewNumber, newId, analysis);
  }

  /** The changes that act on the same unit as this one, or on one within or around it. */
  *meeting(analysis: ChangeAnalysis): Iterable<ChangeAnalysis> {
    for (const unit of unitsChanged(analysis)) {
      for (const id of [unit, ...ancestorIds(unit)]) yield* this.byTarget.get(id) ?? [];
      yield* this.byContainer.get(unit) ?? [];
    }
    const newId = analysis.change.instruction.newId;
    if (newId !== undefined) yield* this.byNewNumber.get(newId) ?? [];
  }
}

/**
 * Changes filed under one unit, at most: drafts in flight change a unit a few times, and a
 * hostile workspace (thousands of instructions on one clause) would otherwise make pairs by the
 * million. Beyond it, a change is still checked against the baseline, but not paired.
 */
const MOST_CHANGES_PER_UNIT = 64;

function file(map: Map<string, ChangeAnalysis[]>, key: string, analysis: ChangeAnalysis): void {
  const list = map.get(key);
  if (!list) map.set(key, [analysis]);
  else if (list.length < MOST_CHANGES_PER_UNIT) list.push(analysis);
}

/** Do the two meet on a unit (the same, or one within the other) or on a new number? */
function meet(a: ChangeAnalysis, b: ChangeAnalysis): boolean {
  const newId = a.change.instruction.newId;
  if (newId !== undefined && newId === b.change.instruction.newId) return true;
  const others = unitsChanged(b);
  return unitsChanged(a).some((x) => others.some((y) => isWithin(x, y) || isWithin(y, x)));
}

/** Pairs reported for one change, at most: beyond a few, more of the same helps no reader. */
const MOST_PAIRS_PER_CHANGE = 8;

/** Every pair of changes from two different drafts that meet, each in the drafts' order. */
export function findConflicts(drafts: readonly Draft[], analyses: DraftAnalyses): Conflict[] {
  const map = new ChangeMap();
  const all: ChangeAnalysis[] = [];
  for (const draft of drafts) {
    for (const change of draft.changes) {
      const analysis = analyses.of(draft, change);
      all.push(analysis);
      map.add(analysis);
    }
  }
  const order = new Map(all.map((analysis, i) => [analysis, i]));
  const pairs = new Map<ChangeAnalysis, number>();
  const seen = new Set<number>();
  const conflicts: Conflict[] = [];
  for (const a of all) {
    for (const b of map.meeting(a)) {
      // Either side may find the pair (a capped list may hold only one of them); it is made once, earlier change first.
      const [first, second] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
      const key = order.get(first)! * all.length + order.get(second)!;
      if (b.draft === a.draft || seen.has(key) || (pairs.get(a) ?? 0) >= MOST_PAIRS_PER_CHANGE || (pairs.get(b) ?? 0) >= MOST_PAIRS_PER_CHANGE) continue;
      seen.add(key);
      if (!meet(a, b)) continue;
      pairs.set(a, (pairs.get(a) ?? 0) + 1);
      pairs.set(b, (pairs.get(b) ?? 0) + 1);
      conflicts.push({ a: first, b: second, kind: kindOf(first, second) });
    }
  }
  return conflicts.sort((x, y) => order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
}
