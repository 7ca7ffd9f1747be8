// Rename and renumber: give units new numbers and update every reference in the workspace
// in one WorkspaceEdit (lists and ranges included). Refused, with a clear message, when a
// new number already exists or a range would become inverted.
import type { AnnotatedTextEdit, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { isWithin, levelOf, parentId, shortLabel } from '../core/model/ids';
import type { Unit } from '../core/model/types';
import { fileName } from '../core/model/uris';
import { isAlnum } from '../core/parse/scanner';
import { compareClauseNumbers } from '../core/parse/structure';
import { clauseNumberAfter } from './clauseNumbers';
import { referenceAt, toRange, unitLabelAt } from './shared';

export class RenameError extends Error {}

interface Edit {
  start: number;
  end: number;
  newText: string;
}

const RENAMABLE = new Set(['part', 'clause']);

function lastSegment(id: string): string {
  const label = shortLabel(id);
  const dot = label.lastIndexOf('.');
  return dot === -1 ? label.slice(1) : label.slice(dot + 1);
}

/** The mapped id for a target within a renamed unit (H4.12(a) → H4.13(a) when H4.12 → H4.13). */
function mapped(target: string, mapping: ReadonlyMap<string, string>): string | null {
  let best: string | null = null;
  for (const old of mapping.keys()) if (isWithin(target, old) && (best === null || old.length > best.length)) best = old;
  return best === null ? null : mapping.get(best)! + target.slice(best.length);
}

/** Where the written id of `old` sits in a reference's text: the last occurrence not followed by a digit or letter. */
function writtenAt(text: string, start: number, end: number, oldShort: string): number {
  const written = text.slice(start, end);
  for (let at = written.lastIndexOf(oldShort); at !== -1; at = written.lastIndexOf(oldShort, at - 1)) {
    const next = written.charCodeAt(at + oldShort.length);
    const before = written.charCodeAt(at - 1);
    if (!isAlnum(next) && !isAlnum(before)) return start + at;
  }
  return -1;
}

/** Text edits, per file, that give every id in `mapping` its new number everywhere. */
export function renumberEdits(index: EditorIndex, mapping: ReadonlyMap<string, string>): Map<string, Edit[]> {
  for (const [old, next] of mapping) {
    if (index.definitionsOf(next).length > 0 && !mapping.has(next)) throw new RenameError(`${next} already exists: choose another number for ${old}.`);
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
          throw new RenameError(`The range at ${fileName(uri)}:${line} would become inverted (${shortLabel(first)} to ${shortLabel(last)}); change it by hand first.`);
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

function toWorkspaceEdit(index: EditorIndex, edits: Map<string, Edit[]>, confirmation?: string): WorkspaceEdit {
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
  if (!summary) throw new RenameError('This file is not part of the SEC workspace.');
  const unit = unitLabelAt(summary, offset);
  if (unit && RENAMABLE.has(unit.kind) && unit.labelEnd > unit.labelStart) {
    return { range: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }), placeholder: unit.label };
  }
  const resolved = referenceAt(index, uri, offset);
  const target = resolved?.resolution.target;
  if (!resolved || !target) throw new RenameError('Place the cursor on a clause or Part number, or on a reference to one.');
  const renamed = target.replace(/\(.*$/, '');
  if (!RENAMABLE.has(levelOf(renamed)) || index.definitionsOf(renamed).length === 0) {
    throw new RenameError(`${renamed} is not defined in the workspace text, so it cannot be renumbered here.`);
  }
  const oldShort = shortLabel(renamed);
  const at = writtenAt(summary.parsed.text, resolved.reference.start, resolved.reference.end, oldShort);
  if (at === -1) throw new RenameError(`Cannot find ${oldShort} in "${resolved.reference.text}".`);
  return { range: toRange(summary, { start: at, end: at + oldShort.length }), placeholder: oldShort };
}

export function rename(index: EditorIndex, uri: string, offset: number, newName: string): WorkspaceEdit {
  const summary = index.summary(uri);
  if (!summary) throw new RenameError('This file is not part of the SEC workspace.');
  const unit = unitLabelAt(summary, offset);
  const old = unit && RENAMABLE.has(unit.kind) ? unit.id : referenceAt(index, uri, offset)?.resolution.target?.replace(/\(.*$/, '');
  if (!old) throw new RenameError('Place the cursor on a clause or Part number, or on a reference to one.');
  const written = newName.trim().replace(/^Section\s+/, '');
  const next = `Section ${written}`;
  const shape = levelOf(old) === 'part' ? /^[A-Z]\d{1,2}[A-Z]?$/ : /^[A-Z]\d{1,2}[A-Z]?\.\d{1,3}[A-Z]?$/;
  if (!shape.test(written) || levelOf(next) !== levelOf(old)) {
    throw new RenameError(`"${newName}" is not a ${levelOf(old) === 'part' ? 'Part number such as H16' : 'clause number such as H4.13'}.`);
  }
  if (next === old) return { changes: {} };
  return toWorkspaceEdit(index, renumberEdits(index, new Map([[old, next]])));
}

function clausesOf(index: EditorIndex, part: string): { uri: string; clauses: Unit[] } | null {
  const definition = index.definitionsOf(part)[0];
  const summary = definition ? index.summary(definition.uri) : undefined;
  if (!definition || !summary) return null;
  const partIndex = summary.parsed.units.indexOf(definition.unit);
  return { uri: definition.uri, clauses: summary.parsed.units.filter((unit) => unit.parent === partIndex && unit.kind === 'clause') };
}

/** Renumbers a Part's clauses 1, 2, 3 … in order (closing gaps, folding H4.3A into the sequence). */
export function renumberPartMapping(index: EditorIndex, part: string): Map<string, string> {
  const found = clausesOf(index, part);
  const mapping = new Map<string, string>();
  if (!found) return mapping;
  found.clauses.forEach((clause, i) => {
    const next = `${part}.${i + 1}`;
    if (clause.id !== next) mapping.set(clause.id, next);
  });
  return mapping;
}

export function renumberPart(index: EditorIndex, part: string): WorkspaceEdit {
  if (index.definitionsOf(part).length === 0) throw new RenameError(`${part} is not defined in the workspace text.`);
  const mapping = renumberPartMapping(index, part);
  if (mapping.size === 0) return { changes: {} };
  const edits = renumberEdits(index, mapping);
  const files = edits.size;
  return toWorkspaceEdit(index, edits, `Renumber ${mapping.size} clause${mapping.size === 1 ? '' : 's'} of ${part} (${files} file${files === 1 ? '' : 's'})`);
}

/** The Part whose heading is under the cursor (for the code action). */
export function partAt(index: EditorIndex, uri: string, offset: number): string | null {
  const summary = index.summary(uri);
  const unit = summary ? unitLabelAt(summary, offset) : undefined;
  if (unit?.kind === 'part') return unit.id;
  if (!summary) return null;
  const line = summary.lines.positionAt(offset).line;
  const heading = summary.parsed.units.find((candidate) => candidate.kind === 'part' && summary.lines.positionAt(candidate.labelStart).line === line);
  return heading?.id ?? null;
}

/** A new clause after the one under the cursor, with the conventional number (H4.3A before H4.4; the next integer at the end). */
export function insertClauseAfter(index: EditorIndex, uri: string, offset: number): { edit: WorkspaceEdit; label: string } {
  const summary = index.summary(uri);
  if (!summary) throw new RenameError('This file is not part of the SEC workspace.');
  const units = summary.parsed.units;
  let clause: Unit | undefined;
  for (const unit of units) if (unit.kind === 'clause' && unit.start <= offset) clause = unit;
  if (!clause) throw new RenameError('Place the cursor in a clause.');
  const siblings = units.filter((unit) => unit.parent === clause!.parent && unit.kind === 'clause');
  const following = siblings[siblings.indexOf(clause) + 1];
  const part = units[clause.parent]?.label ?? clause.label.slice(0, clause.label.indexOf('.'));
  let label = clauseNumberAfter(part, clause.label, following !== undefined);
  // Taken elsewhere in the workspace (another draft): insert under this clause's own number instead.
  if (index.definitionsOf(`Section ${label}`).length > 0) label = `${clause.label}A`;
  const position = summary.lines.positionAt(clause.end);
  return { edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: `\n${label} ` }] } }, label };
}
