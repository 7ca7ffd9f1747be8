// Re-parsing after an edit that stays inside one line: typing in a clause's wording, or
// renumbering a clause within its Part (onto a free number or one the Part already has). The
// units keep their ids (but a renumbered clause's and its paragraphs') and only move; the
// references and defined terms around the line are read again, and the references outside
// that window move in place, so that whatever was worked out for them stays attached. The
// previous model is updated, not copied: it is being replaced. Anything it cannot prove safe
// returns null, and the caller parses the whole text. Property tests check the result always
// equals a full parse.
import type { CoreDiagnostic, DefinedTerm, ParsedDocument, Reference, ReferenceWindow, Unit } from '../model/types';
import { hasChangeMarkup } from '../text/criticMarkup';
import { parseDefinitions } from './definitions';
import type { ParseOptions } from './parseDocument';
import { scanReferences } from './references';
import { duplicateNumber, isNotUsed, lineEndClass, mayStartUnit, orderProblem, readClauseLabel } from './structure';

const HEADING_KINDS = new Set(['section', 'schedule', 'appendix', 'modification']);
const INSTRUCTION_VERBS = /Insert|Delete|replace|Renumber/;
const BULLET_LINE = /(?:^|\n)[ \t]*[\u2022\u00b7\u25aa\u25e6*-]/;

function contentEnd(text: string, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > lineStart && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

function lineEndAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** The Schedule or Appendix around an offset, from the units (as the full parse's contexts give it). */
function documentLookup(units: readonly Unit[]): (offset: number) => string | null {
  return (offset) => {
    let found: Unit | undefined;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (unit.start > offset) break;
      if (HEADING_KINDS.has(unit.kind)) found = unit;
    }
    if (!found || found.kind === 'section' || found.kind === 'modification') return null;
    return found.id.replace(/ v[\d.]+$/, '');
  };
}

/** What an in-place re-parse changed: the ids that stopped or started being defined (all other units kept theirs). */
export interface ReparseChange {
  removed: string[];
  added: string[];
  /** The references cite the same targets as before. */
  sameTargets: boolean;
  /** Which references were read again: all others are the previous parse's objects, moved. */
  window: ReferenceWindow;
}

export interface Reparsed {
  parsed: ParsedDocument;
  change: ReparseChange;
}

export function reparse(previous: ParsedDocument, text: string, options: ParseOptions): Reparsed | null {
  const old = previous.text;
  if (previous.contents.length > 0 || previous.instructions.length > 0 || previous.deleted.length > 0) return null;
  if (hasChangeMarkup(old) || hasChangeMarkup(text)) return null;
  const shorter = Math.min(old.length, text.length);
  let p = 0;
  while (p < shorter && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < shorter - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = newEnd - oldEnd;
  if (old.slice(p, oldEnd).search(/[\r\n]/) !== -1 || text.slice(p, newEnd).search(/[\r\n]/) !== -1) return null;

  const lineStart = old.lastIndexOf('\n', p - 1) + 1;
  const oldLineEnd = lineEndAt(old, oldEnd);
  const newLineEnd = lineEndAt(text, newEnd);
  if (lineEndClass(old, lineStart) !== lineEndClass(text, lineStart)) return null;
  if (INSTRUCTION_VERBS.test(text.slice(lineStart, newLineEnd))) return null;

  const units = previous.units;
  // A unit's own line may change only after its number (and not where "[Not used]" is read).
  let labelLine: Unit | undefined;
  // Indexed loops here and below: this runs once per keystroke over thousands of units, often
  // before V8 has compiled it, and an iterator allocates a result per step until it has.
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.labelStart >= lineStart && unit.labelStart <= oldLineEnd) labelLine = unit;
    if (unit.crossHeading && unit.crossHeading.start < oldLineEnd && unit.crossHeading.end >= lineStart) return null;
  }
  let renumbered: Renumbering | null = null;
  if (labelLine) {
    if (labelLine.kind !== 'clause' && labelLine.kind !== 'paragraph' && !(labelLine.kind === 'docClause' && labelLine.label.includes('.'))) return null;
    if (p <= labelLine.labelEnd) {
      // The clause's own number changed: allowed when it stays a clause of the same Part.
      if (labelLine.kind !== 'clause' || labelLine.labelStart !== lineStart) return null;
      renumbered = renumbering(previous, labelLine, text, old, oldLineEnd, newLineEnd);
      if (!renumbered) return null;
    } else {
      const oldRest = contentEnd(old, labelLine.labelEnd, oldLineEnd) - labelLine.labelEnd;
      const newRest = contentEnd(text, labelLine.labelEnd, newLineEnd) - labelLine.labelEnd;
      if (oldRest <= 60 || newRest <= 60) return null;
    }
  } else if (mayStartUnit(old, lineStart) || mayStartUnit(text, lineStart)) {
    return null;
  }

  // The window whose references are read again: the line, the lines around it, and any
  // reference that reaches into them.
  let w0 = lineStart > 0 ? old.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  let w1 = oldLineEnd < old.length ? lineEndAt(old, oldLineEnd + 1) : old.length;
  for (let i = 0; i < previous.references.length; i++) {
    const reference = previous.references[i];
    if (reference.end >= w0 && reference.start <= w1) {
      w0 = Math.min(w0, reference.start);
      w1 = Math.max(w1, reference.end);
    }
  }
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (HEADING_KINDS.has(unit.kind) && unit.labelStart >= w0 && unit.labelStart <= w1) return null;
  }
  if (BULLET_LINE.test(text.slice(w0, w1 + delta))) return null;

  const fresh = scanReferences(text, { names: options.names, documentAt: documentLookup(units), skip: [], from: w0, to: w1 + delta });
  if (fresh.some((reference) => reference.end > w1 + delta)) return null;

  // Everything after the edit moves by delta; the edited line's own content end moves to its new end.
  const oldContentEnd = contentEnd(old, lineStart, oldLineEnd);
  const newContentEnd = contentEnd(text, lineStart, newLineEnd);
  const shift = (offset: number): number => (offset >= oldEnd ? offset + delta : offset);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    unit.end = unit.end === oldContentEnd ? newContentEnd : shift(unit.end);
    if (unit.start >= oldEnd) {
      unit.start += delta;
      unit.labelStart += delta;
      unit.labelEnd += delta;
      if (unit.crossHeading) {
        unit.crossHeading.start += delta;
        unit.crossHeading.end += delta;
      }
    }
  }
  const shifted = <T extends { start: number; end: number }>(item: T): T => ({ ...item, start: shift(item.start), end: shift(item.end) });
  let resultUnits = units;
  let firstDefinitions = previous.firstDefinitions;
  let diagnostics = previous.diagnostics.map((diagnostic) => {
    const moved = shifted(diagnostic);
    // A duplicate's warning remembers where the first definition is (for its quick fix).
    if (typeof diagnostic.data?.firstStart === 'number') moved.data = { ...diagnostic.data, firstStart: shift(diagnostic.data.firstStart) };
    return moved;
  });
  if (renumbered) {
    ({ units: resultUnits, firstDefinitions, diagnostics } = applyRenumbering(renumbered, text, units, previous.firstDefinitions, diagnostics));
  }
  // References after the window move in place, like the units: the same objects keep their
  // resolutions (and the diagnostics worked out for them) in the index.
  const after = previous.references.filter((reference) => reference.start > w1);
  for (let i = 0; i < after.length; i++) {
    const reference = after[i];
    reference.start += delta;
    reference.end += delta;
    if (reference.title) reference.title.start += delta;
  }
  const before = previous.references.filter((reference) => reference.end < w0);
  const references: Reference[] = [...before, ...fresh, ...after];
  const lineTerms = parseDefinitions(text.slice(lineStart, newLineEnd), []).map((term) => ({
    ...term, start: term.start + lineStart, end: term.end + lineStart, definitionEnd: term.definitionEnd + lineStart,
  }));
  const definitions: DefinedTerm[] = [
    ...previous.definitions.filter((term) => term.end <= lineStart),
    ...lineTerms,
    ...previous.definitions.filter((term) => term.start > oldLineEnd).map((term) => ({ ...shifted(term), definitionEnd: shift(term.definitionEnd) })),
  ];
  const parsed: ParsedDocument = {
    text, units: resultUnits, definitions, references, diagnostics, contents: [], firstDefinitions, deleted: [], instructions: [],
  };
  return {
    parsed,
    change: {
      removed: renumbered ? renumbered.removed : [],
      added: renumbered ? renumbered.added : [],
      sameTargets: sameTargets(previous.references.slice(before.length, previous.references.length - after.length), fresh),
      window: { before: before.length, removed: previous.references.length - before.length - after.length, added: fresh.length },
    },
  };
}

/** Do the re-read references cite exactly what the ones they replace cited? */
function sameTargets(before: readonly Reference[], after: readonly Reference[]): boolean {
  if (before.length !== after.length) return false;
  const targets = (references: readonly Reference[]) => references.map((reference) => reference.target ?? '').sort().join('\n');
  return targets(before) === targets(after);
}

interface Renumbering {
  clause: number;
  /** The clause and the paragraphs inside it, by index. */
  members: number[];
  oldId: string;
  newId: string;
  newLabel: string;
  newLabelEnd: number;
  removed: string[];
  added: string[];
}

/** A clause number edited into another number of the same Part, where nothing else can change. */
function renumbering(previous: ParsedDocument, unit: Unit, text: string, old: string, oldLineEnd: number, newLineEnd: number): Renumbering | null {
  const units = previous.units;
  const before = readClauseLabel(old, unit.labelStart);
  const after = readClauseLabel(text, unit.labelStart);
  if (!before || !after || after.letter !== before.letter || after.part !== before.part) return null;
  if (isNotUsed(text.slice(after.end, newLineEnd)) !== isNotUsed(old.slice(before.end, oldLineEnd))) return null;
  const clause = units.indexOf(unit);
  const oldId = unit.id;
  const newId = `Section ${after.letter}${after.part}.${after.clause}`;
  if (newId === oldId) return null;
  const members = [clause];
  for (let i = clause + 1; i < units.length && units[i].id.startsWith(`${oldId}(`); i++) members.push(i);
  const removed = members.map((i) => units[i].id);
  const added = removed.map((id) => newId + id.slice(oldId.length));
  return { clause, members, oldId, newId, newLabel: `${after.letter}${after.part}.${after.clause}`, newLabelEnd: after.end, removed, added };
}

function applyRenumbering(
  change: Renumbering,
  text: string,
  units: Unit[],
  first: Map<string, number>,
  diagnostics: CoreDiagnostic[],
): { units: Unit[]; firstDefinitions: Map<string, number>; diagnostics: CoreDiagnostic[] } {
  const next = units.slice();
  change.members.forEach((index, k) => {
    const unit = { ...units[index], id: change.added[k] };
    if (index === change.clause) {
      unit.label = change.newLabel;
      unit.labelEnd = change.newLabelEnd;
    }
    next[index] = unit;
  });
  // The old and new ids may be defined elsewhere in the file too: the first in document
  // order is the definition, and each later clause with the same number is a duplicate.
  const affected = new Set([...change.removed, ...change.added]);
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < next.length; i++) {
    if (!affected.has(next[i].id)) continue;
    const list = occurrences.get(next[i].id);
    if (list) list.push(i);
    else occurrences.set(next[i].id, [i]);
  }
  // Updated in place, like the units: the previous parse is being replaced, and a copy of a
  // large file's table would cost more than the rest of the edit.
  const firstDefinitions = first;
  for (const id of affected) {
    const list = occurrences.get(id);
    if (list) firstDefinitions.set(id, list[0]);
    else firstDefinitions.delete(id);
  }
  diagnostics = diagnostics.filter((d) => !(d.code === 'duplicate-number' && affected.has(d.data?.id as string)));
  for (const [id, list] of occurrences) {
    const firstUnit = next[list[0]];
    if (firstUnit.kind === 'paragraph') continue; // a repeated paragraph label keeps the first, silently
    for (const later of list.slice(1)) diagnostics.push(duplicateNumber(text, next[later], firstUnit));
  }
  // Numbering order around the clause: recompute for it and for the clause after it.
  const clause = next[change.clause];
  const siblings = next.filter((unit) => unit.kind === 'clause' && unit.parent === clause.parent);
  const at = siblings.indexOf(clause);
  const checked = [siblings[at], siblings[at + 1]].filter((unit): unit is Unit => unit !== undefined);
  const kept = diagnostics.filter((d) => !(d.code === 'numbering-order' && checked.some((unit) => unit.labelStart === d.start)));
  for (const unit of checked) {
    const index = siblings.indexOf(unit);
    const previous = siblings[index - 1];
    const number = (label: string) => label.slice(label.indexOf('.') + 1);
    const problem = orderProblem(unit.label, number(unit.label), previous ? { label: previous.label, number: number(previous.label) } : null);
    if (problem) kept.push({ start: unit.labelStart, end: unit.labelEnd, severity: 'information', code: 'numbering-order', message: problem });
  }
  // In document order, a number's order problem before its duplicate-number warning (as a full parse reports them).
  kept.sort((a, b) => a.start - b.start || (a.code === 'numbering-order' ? -1 : b.code === 'numbering-order' ? 1 : 0));
  return { units: next, firstDefinitions, diagnostics: kept };
}
