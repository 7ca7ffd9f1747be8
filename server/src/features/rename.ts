// Rename (F2): give a clause or Part a new number and update every reference in the
// workspace in one WorkspaceEdit (lists and ranges included). Refused, with a clear message,
// when the new number already exists or a range would become inverted. Renumbering a whole
// Part (features/amendments.ts) makes its edits with the same renumberEdits. On a defined term,
// the term is renamed instead (termRename.ts).
import type { AnnotatedTextEdit, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { mapped, writtenAt } from '../core/amend/renumberedIds';
import { levelOf, parentId, shortLabel } from '../core/model/ids';
import { fileName } from '../core/model/uris';
import { compareClauseNumbers } from '../core/parse/structure';
import { RefusedEdit } from './refusedEdit';
import { referenceAt, toRange, unitLabelAt } from './shared';
import { prepareTermRename, renameTerm } from './termRename';

export { RefusedEdit };

interface Edit {
  start: number;
  end: number;
  newText: string;
}

const RENAMABLE = new Set(['part', 'clause']);
const NOTHING_TO_RENAME = 'Place the cursor on a clause or Part number, a reference to one, or a defined term.';

function lastSegment(id: string): string {
  const label = shortLabel(id);
  const dot = label.lastIndexOf('.');
  return dot === -1 ? label.slice(1) : label.slice(dot + 1);
}

/** Text edits, per file, that give every id in `mapping` its new number everywhere. */
export function renumberEdits(index: EditorIndex, mapping: ReadonlyMap<string, string>): Map<string, Edit[]> {
  for (const [old, next] of mapping) {
    if (index.definitionsOf(next).length > 0 && !mapping.has(next)) throw new RefusedEdit(`${next} already exists: choose another number for ${old}.`);
  }
  const edits = new Map<string, Edit[]>();
  const add = (uri: string, edit: Edit): void => {
    const list = edits.get(uri) ?? [];
    if (!list.some((other) => other.start === edit.start)) list.push(edit);
    edits.set(uri, list);
  };
  // The labels of the renamed units and of the clauses inside a renamed Part.
  for (const uri of index.uris()) {
    const summary = index.summary(uri)!;
    for (const unit of summary.parsed.units) {
      if (!RENAMABLE.has(unit.kind) || unit.labelEnd === unit.labelStart) continue;
      const target = mapped(unit.id, mapping);
      if (target !== null && target !== unit.id) add(uri, { start: unit.labelStart, end: unit.labelEnd, newText: shortLabel(target).replace(/\(.*$/, '') });
    }
  }
  // Every written reference within a renamed unit.
  const citers = new Set<string>();
  for (const old of mapping.keys()) for (const uri of index.citersOf(old)) citers.add(uri);
  for (const uri of citers) {
    const summary = index.summary(uri)!;
    const text = summary.parsed.text;
    for (const reference of summary.parsed.references) {
      if (reference.viaRange || reference.target === null) continue;
      const target = mapped(reference.target, mapping);
      if (reference.rangePartner) {
        const partner = mapped(reference.rangePartner, mapping) ?? reference.rangePartner;
        const self = target ?? reference.target;
        const [first, last] = reference.rangeStart ? [self, partner] : [partner, self];
        if (parentId(first) === parentId(last) && compareClauseNumbers(lastSegment(first), lastSegment(last)) > 0) {
          const line = summary.lines.positionAt(reference.start).line + 1;
          throw new RefusedEdit(`The range at ${fileName(uri)}:${line} would become inverted (${shortLabel(first)} to ${shortLabel(last)}); change it by hand first.`);
        }
      }
      if (target === null || target === reference.target) continue;
      const oldShort = shortLabel(reference.target).replace(/\(.*$/, '');
      const at = writtenAt(text, reference.start, reference.end, oldShort);
      if (at === -1) continue;
      add(uri, { start: at, end: at + oldShort.length, newText: shortLabel(target).replace(/\(.*$/, '') });
    }
  }
  return edits;
}

/** Plain changes for a rename; with a confirmation, annotated edits the editor shows before applying. */
export function toWorkspaceEdit(index: EditorIndex, edits: Map<string, Edit[]>, confirmation?: string): WorkspaceEdit {
  if (!confirmation) {
    const changes: Record<string, Array<{ range: Range; newText: string }>> = {};
    for (const [uri, list] of edits) {
      const summary = index.summary(uri)!;
      changes[uri] = list.sort((a, b) => a.start - b.start).map((edit) => ({ range: toRange(summary, edit), newText: edit.newText }));
    }
    return { changes };
  }
  const documentChanges: TextDocumentEdit[] = [];
  for (const [uri, list] of edits) {
    const summary = index.summary(uri)!;
    const textEdits: AnnotatedTextEdit[] = list.sort((a, b) => a.start - b.start)
      .map((edit) => ({ range: toRange(summary, edit), newText: edit.newText, annotationId: 'renumber' }));
    documentChanges.push({ textDocument: { uri, version: null }, edits: textEdits });
  }
  return { documentChanges, changeAnnotations: { renumber: { label: confirmation, needsConfirmation: true } } };
}

/** The unit or reference under the cursor that can be renamed, and the range of its number. */
export function prepareRename(index: EditorIndex, uri: string, offset: number): { range: Range; placeholder: string } {
  const summary = index.summary(uri);
  if (!summary) throw new RefusedEdit('This file is not part of the SEC workspace.');
  const unit = unitLabelAt(summary, offset);
  if (unit && RENAMABLE.has(unit.kind) && unit.labelEnd > unit.labelStart) {
    return { range: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }), placeholder: unit.label };
  }
  const resolved = referenceAt(index, uri, offset);
  const target = resolved?.resolution.target;
  const term = resolved ? undefined : prepareTermRename(index, uri, offset);
  if (term) return term;
  if (!resolved || !target) throw new RefusedEdit(NOTHING_TO_RENAME);
  const renamed = target.replace(/\(.*$/, '');
  if (!RENAMABLE.has(levelOf(renamed)) || index.definitionsOf(renamed).length === 0) {
    throw new RefusedEdit(`${renamed} is not defined in the workspace text, so it cannot be renumbered here.`);
  }
  const oldShort = shortLabel(renamed);
  const at = writtenAt(summary.parsed.text, resolved.reference.start, resolved.reference.end, oldShort);
  if (at === -1) throw new RefusedEdit(`Cannot find ${oldShort} in "${resolved.reference.text}".`);
  return { range: toRange(summary, { start: at, end: at + oldShort.length }), placeholder: oldShort };
}

export function rename(index: EditorIndex, uri: string, offset: number, newName: string): WorkspaceEdit {
  const summary = index.summary(uri);
  if (!summary) throw new RefusedEdit('This file is not part of the SEC workspace.');
  const unit = unitLabelAt(summary, offset);
  const reference = unit && RENAMABLE.has(unit.kind) ? undefined : referenceAt(index, uri, offset);
  const old = unit && RENAMABLE.has(unit.kind) ? unit.id : reference?.resolution.target?.replace(/\(.*$/, '');
  const term = old || reference ? undefined : renameTerm(index, uri, offset, newName);
  if (term) return term;
  if (!old) throw new RefusedEdit(NOTHING_TO_RENAME);
  const written = newName.trim().replace(/^Section\s+/, '');
  const next = `Section ${written}`;
  const shape = levelOf(old) === 'part' ? /^[A-Z]\d{1,2}[A-Z]?$/ : /^[A-Z]\d{1,2}[A-Z]?\.\d{1,3}[A-Z]?$/;
  if (!shape.test(written) || levelOf(next) !== levelOf(old)) {
    throw new RefusedEdit(`"${newName}" is not a ${levelOf(old) === 'part' ? 'Part number such as H16' : 'clause number such as H4.13'}.`);
  }
  if (next === old) return { changes: {} };
  return toWorkspaceEdit(index, renumberEdits(index, new Map([[old, next]])));
}
