// A clause renumbered within its Part by a one-line edit (H4.5 → H4.9), applied in place by the
// re-parse: the clause and its paragraphs take their new ids, and the duplicate-number
// warnings and numbering order around them are worked out again as a full parse would.

import { sectionId } from '../model/ids';
import type { CoreDiagnostic, Unit } from '../model/types';
import { lineNumbersAt } from './lines';
import { duplicateNumber, orderProblem } from './numbering';

export interface Renumbering {
  clause: number;
  /** The clause and the paragraphs inside it, by index. */
  members: number[];
  newLabel: string;
  /** The ids that stopped being defined, and those that replace them (the same order). */
  removed: string[];
  added: string[];
}

export function renumbering(units: readonly Unit[], clause: number, newLabel: string): Renumbering {
  const oldId = units[clause].id;
  const newId = sectionId(newLabel);
  const members = [clause];
  for (let i = clause + 1; i < units.length && units[i].id.startsWith(`${oldId}(`); i++) members.push(i);
  const removed = members.map((i) => units[i].id);
  const added = removed.map((id) => newId + id.slice(oldId.length));
  return { clause, members, newLabel, removed, added };
}

export interface Renumbered {
  units: Unit[];
  firstDefinitions: Map<string, number>;
  diagnostics: CoreDiagnostic[];
}

/** The units (already moved to the new text's offsets) with the renumbering applied, and what follows from it. */
export function applyRenumbering(change: Renumbering, text: string, units: Unit[], first: Map<string, number>,
  diagnostics: CoreDiagnostic[]): Renumbered {
  const next = units.slice();
  change.members.forEach((index, k) => {
    const unit = { ...units[index], id: change.added[k] };
    if (index === change.clause) {
      unit.label = change.newLabel;
      unit.labelEnd = unit.labelStart + change.newLabel.length;
    }
    next[index] = unit;
  });
  const affected = new Set([...change.removed, ...change.added]);
  const warnings = redefine(affected, text, next, first);
  const kept = diagnostics.filter((d) => !(d.code === 'duplicate-number' && affected.has(d.data?.id as string))).concat(warnings);
  const ordered = reorder(next, change.clause, kept);
  // In document order, a number's order problem before its duplicate-number warning (as a full parse reports them).
  ordered.sort((a, b) => a.start - b.start || (a.code === 'numbering-order' ? -1 : b.code === 'numbering-order' ? 1 : 0));
  return { units: next, firstDefinitions: first, diagnostics: ordered };
}

/**
 * The old and new ids may be defined elsewhere in the file too: the first in document order is
 * the definition (`first` is updated), and each later clause with the same number is a
 * duplicate (its warnings are returned).
 */
function redefine(affected: ReadonlySet<string>, text: string, units: readonly Unit[], first: Map<string, number>): CoreDiagnostic[] {
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < units.length; i++) {
    if (!affected.has(units[i].id)) continue;
    const list = occurrences.get(units[i].id);
    if (list) list.push(i);
    else occurrences.set(units[i].id, [i]);
  }
  // Updated in place, like the units: the previous parse is being replaced, and a copy of a
  // large file's table would cost more than the rest of the edit.
  for (const id of affected) {
    const list = occurrences.get(id);
    if (list) first.set(id, list[0]);
    else first.delete(id);
  }
  // A repeated paragraph label keeps the first, silently.
  const repeated = [...occurrences.values()].filter((list) => list.length > 1 && units[list[0]].kind !== 'paragraph');
  const firstStarts = repeated.map((list) => units[list[0]].labelStart).sort((a, b) => a - b);
  const lines = lineNumbersAt(text, firstStarts);
  return repeated.flatMap((list) => {
    const line = lines[firstStarts.indexOf(units[list[0]].labelStart)];
    return list.slice(1).map((later) => duplicateNumber(units[later], units[list[0]], line));
  });
}

/** Numbering order around the clause: worked out again for it and for the clause after it. */
function reorder(units: readonly Unit[], clauseIndex: number, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  const clause = units[clauseIndex];
  const siblings = units.filter((unit) => unit.kind === 'clause' && unit.parent === clause.parent);
  const at = siblings.indexOf(clause);
  const checked = [siblings[at], siblings[at + 1]].filter((unit): unit is Unit => unit !== undefined);
  const kept = diagnostics.filter((d) => !(d.code === 'numbering-order' && checked.some((unit) => unit.labelStart === d.start)));
  const number = (label: string) => label.slice(label.indexOf('.') + 1);
  for (const unit of checked) {
    const previous = siblings[siblings.indexOf(unit) - 1];
    const problem = orderProblem(unit.label, number(unit.label), previous ? { label: previous.label, number: number(previous.label) } : null);
    if (problem) kept.push({ start: unit.labelStart, end: unit.labelEnd, severity: 'information', code: 'numbering-order', message: problem });
  }
  return kept;
}
