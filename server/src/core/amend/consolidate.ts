// Consolidation: drafts applied, in order, to the baseline's text, giving the next version of the
// Code. Amended units take the drafts' words (in the Code's own line layout), new units go in
// after (or before) the unit their instruction names, deleted units are removed or left as
// "[Not used]", and a renumbered unit takes its new number in its label and in every reference
// of the Code. Nothing is applied when a draft no longer applies or two drafts conflict: the
// result says why instead. Pure: texts in, texts out; reading and writing files is the caller's.

import { isWithin, partId, shortLabel } from '../model/ids';
import type { Reference, Unit } from '../model/types';
import { fileName } from '../model/uris';
import { acceptChanges, scanChanges } from '../text/criticMarkup';
import { ChangeAnalysis, DraftAnalyses } from './analysis';
import { applyEdits, removalRange, TextEdit, unitLineStart, unitSeparator } from './applyEdits';
import { findConflicts } from './conflicts';
import { Draft } from './draft';
import { conflictRefusal, consolidationRefusal } from './refusals';
import { mapped, writtenAt, writtenNumber } from './renumberedIds';

export interface ConsolidationSources {
  /** The drafts to apply, in the order given. */
  drafts: readonly Draft[];
  analyses: DraftAnalyses;
  /** The baseline's files (none of them a draft). */
  baselineUris: readonly string[];
  textOf(uri: string): string;
  /** The units a baseline file defines (for the clauses of a renumbered Part). */
  unitsOf(uri: string): readonly Unit[];
  /** The references of a baseline file as it is now, and of a new text. */
  referencesOf(uri: string): readonly Reference[];
  referencesIn(text: string): readonly Reference[];
}

export interface AppliedDraft {
  draft: Draft;
  amended: number;
  inserted: number;
  deleted: number;
  renumbered: number;
}

export interface DanglingReference {
  uri: string;
  start: number;
  end: number;
  target: string;
  /** The draft that removes the unit. */
  removedBy: string;
}

export interface Consolidation {
  /** Why the drafts cannot be consolidated, each sentence naming the drafts and lines; empty when they can. */
  refusals: string[];
  /** The new text of every baseline file the drafts change. */
  changed: Map<string, string>;
  applied: AppliedDraft[];
  /** The Parts (or Sections) whose text changes, in the order of the Code's files. */
  units: string[];
  /** References left to units the drafts remove: broken once consolidated. */
  dangling: DanglingReference[];
}

/** The Part a change is in, for the Version Control row ("amendments to Sections H4 and X5"). */
function partOf(id: string): string {
  const match = /^Section ([A-Z])(\d{1,2}[A-Z]?)/.exec(id);
  return match ? partId(match[1], match[2]) : id;
}

/** Section H4 before Section H10 before Section X5. */
function inCodeOrder(a: string, b: string): number {
  const key = (id: string) => /^Section ([A-Z])(\d*)(.*)$/.exec(id) ?? ['', id, '', ''];
  const [, letterA, numberA, restA] = key(a);
  const [, letterB, numberB, restB] = key(b);
  return letterA.localeCompare(letterB) || Number(numberA) - Number(numberB) || restA.localeCompare(restB);
}

class EditPlan {
  readonly edits = new Map<string, TextEdit[]>();
  /** Renumberings to carry through every reference: old id → new id. */
  readonly mapping = new Map<string, string>();
  /** Units removed (deleted, not left [Not used]) → the draft that removes each. */
  readonly removed = new Map<string, string>();
  /** The Parts whose text changes, for the Version Control row. */
  readonly parts = new Set<string>();

  add(uri: string, edit: TextEdit): void {
    const list = this.edits.get(uri);
    if (list) list.push(edit);
    else this.edits.set(uri, [edit]);
  }

  /** One change's edits; which count of `applied` it adds to. */
  plan(analysis: ChangeAnalysis, sources: ConsolidationSources, applied: AppliedDraft): void {
    const { instruction, body } = analysis.change;
    const { uri, text, unit } = analysis.baseline!;
    this.parts.add(partOf(instruction.kind === 'insert' ? instruction.newId! : instruction.target));
    switch (instruction.kind) {
      case 'amend':
      case 'replace':
        for (const edit of analysis.wording!.edits) this.add(uri, { ...edit, spacing: 'words' });
        applied.amended++;
        break;
      case 'delete':
        if (instruction.notUsed) this.add(uri, { start: unit.labelEnd, end: unit.end, text: ' [Not used]', spacing: 'exact' });
        else {
          this.add(uri, { ...removalRange(text, unit), text: '', spacing: 'exact' });
          this.removed.set(instruction.target, analysis.draft.name);
        }
        applied.deleted++;
        break;
      case 'insert':
        this.add(uri, insertion(analysis, body!));
        applied.inserted++;
        break;
      default:
        this.renumber(analysis, sources);
        applied.renumbered++;
    }
  }

  private renumber(analysis: ChangeAnalysis, sources: ConsolidationSources): void {
    const { target, newId } = analysis.change.instruction;
    const { uri } = analysis.baseline!;
    this.mapping.set(target, newId!);
    // The unit's own label, and those of the clauses of a renumbered Part (this renumbering's alone:
    // another's labels are its own edits, and one label edited twice is refused as an overlap).
    const own = new Map([[target, newId!]]);
    for (const unit of sources.unitsOf(uri)) {
      if (unit.labelEnd === unit.labelStart || (unit.kind !== 'part' && unit.kind !== 'clause')) continue;
      const renamed = mapped(unit.id, own);
      if (renamed !== null) this.add(uri, { start: unit.labelStart, end: unit.labelEnd, text: writtenNumber(renamed), spacing: 'exact' });
    }
  }
}

/** A new unit's text, after (or before) the unit its instruction names. */
function insertion(analysis: ChangeAnalysis, body: string): TextEdit {
  const { newId, position } = analysis.change.instruction;
  const { text, unit } = analysis.baseline!;
  let written = acceptChanges(body, scanChanges(body).spans).trim();
  const label = shortLabel(newId!);
  if (!written.startsWith(label)) written = `${label} ${written}`;
  const separator = unitSeparator(text, unit);
  if (position === 'before') {
    const at = unitLineStart(text, unit);
    return { start: at, end: at, text: `${written}${separator}`, spacing: 'exact' };
  }
  return { start: unit.end, end: unit.end, text: `${separator}${written}`, spacing: 'exact' };
}

/** Edits of one file in order; at one offset, new units by their numbers. */
function ordered(edits: TextEdit[]): TextEdit[] {
  return edits.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
}

/** A renumbering carried through one text's references; null when none of them is renumbered. */
function renumberReferences(text: string, references: readonly Reference[], mapping: ReadonlyMap<string, string>): string | null {
  const edits: TextEdit[] = [];
  for (const reference of references) {
    if (reference.viaRange || reference.target === null) continue;
    const target = mapped(reference.target, mapping);
    if (target === null || target === reference.target) continue;
    const old = writtenNumber(reference.target);
    const at = writtenAt(text, reference.start, reference.end, old);
    if (at !== -1 && !edits.some((edit) => edit.start === at)) edits.push({ start: at, end: at + old.length, text: writtenNumber(target), spacing: 'exact' });
  }
  return edits.length === 0 ? null : applyEdits(text, ordered(edits));
}

/** Whether a text may cite one of these ids: a plain search for their numbers, before any scan. */
function mayCite(text: string, ids: Iterable<string>): boolean {
  for (const id of ids) if (text.includes(writtenNumber(id))) return true;
  return false;
}

function carryRenumbering(plan: EditPlan, changed: Map<string, string>, sources: ConsolidationSources): void {
  if (plan.mapping.size === 0) return;
  for (const uri of sources.baselineUris) {
    const text = changed.get(uri) ?? sources.textOf(uri);
    if (!mayCite(text, plan.mapping.keys())) continue;
    const references = changed.has(uri) ? sources.referencesIn(text) : sources.referencesOf(uri);
    const renumbered = renumberReferences(text, references, plan.mapping);
    if (renumbered !== null) changed.set(uri, renumbered);
  }
}

function danglingReferences(plan: EditPlan, changed: Map<string, string>, sources: ConsolidationSources): DanglingReference[] {
  const dangling: DanglingReference[] = [];
  if (plan.removed.size === 0) return dangling;
  for (const uri of sources.baselineUris) {
    const text = changed.get(uri) ?? sources.textOf(uri);
    if (!mayCite(text, plan.removed.keys())) continue;
    const references = changed.has(uri) ? sources.referencesIn(text) : sources.referencesOf(uri);
    for (const { target, viaRange, start, end } of references) {
      if (target === null || viaRange) continue;
      for (const [id, removedBy] of plan.removed) {
        if (!isWithin(target, id)) continue;
        dangling.push({ uri, start, end, target, removedBy });
        break;
      }
    }
  }
  return dangling;
}

/** The drafts, in order, applied to the baseline; or, when any does not apply or two conflict, why not. */
export function consolidate(sources: ConsolidationSources): Consolidation {
  const { drafts, analyses } = sources;
  const refusals: string[] = [];
  for (const draft of drafts) {
    for (const change of draft.changes) {
      const refusal = consolidationRefusal(analyses.of(draft, change));
      if (refusal) refusals.push(refusal);
    }
  }
  for (const conflict of findConflicts(drafts, analyses)) if (conflict.kind !== 'commutes') refusals.push(conflictRefusal(conflict));
  const result: Consolidation = { refusals, changed: new Map(), applied: [], units: [], dangling: [] };
  if (refusals.length > 0) return result;
  const plan = new EditPlan();
  for (const draft of drafts) {
    const applied: AppliedDraft = { draft, amended: 0, inserted: 0, deleted: 0, renumbered: 0 };
    for (const change of draft.changes) plan.plan(analyses.of(draft, change), sources, applied);
    result.applied.push(applied);
  }
  for (const [uri, edits] of plan.edits) {
    const sorted = ordered(edits);
    // Two changes of one draft to the same words (an amendment and a deletion of the same unit): no order makes sense of both.
    if (sorted.some((edit, i) => i > 0 && edit.start < sorted[i - 1].end)) refusals.push(`Two changes overlap in ${fileName(uri)}: a draft changes the same text twice.`);
    else result.changed.set(uri, applyEdits(sources.textOf(uri), sorted));
  }
  if (refusals.length > 0) {
    result.changed.clear();
    return result;
  }
  carryRenumbering(plan, result.changed, sources);
  result.dangling = danglingReferences(plan, result.changed, sources);
  result.units = [...plan.parts].sort(inCodeOrder);
  return result;
}
