// Drafting amendments: Renumber Part (a command, and a code action on a Part heading),
// Insert Clause After, and a file's amended text and redline. The commands return the edit
// for the LSP layer to hand to the editor (workspace/applyEdit), never writing to disk.
import { CodeAction, CodeActionKind, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import type { Unit } from '../core/model/types';
import { fileName } from '../core/model/uris';
import { acceptChanges, scanChanges } from '../core/text/criticMarkup';
import { redlineBody, REDLINE_STYLE, redlineDocument } from '../core/text/redline';
import { CursorPosition, Redline, ServerCommand, ServerCommandArguments } from '../protocol';
import { clauseNumberAfter } from './clauseNumbers';
import { RefusedEdit, renumberEdits, toWorkspaceEdit } from './rename';
import { unitLabelAt } from './shared';

/** What a server command comes to: an edit for the editor to apply, or a message when there is nothing to change. */
export type CommandOutcome = { edit: WorkspaceEdit; label: string } | { message: string };

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
  if (index.definitionsOf(part).length === 0) throw new RefusedEdit(`${part} is not defined in the workspace text.`);
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

/** The Part the cursor is in: the one whose heading it is on, else the last one begun before it. */
function partAround(index: EditorIndex, uri: string, offset: number): string | undefined {
  return partAt(index, uri, offset) ?? index.summary(uri)?.parsed.units.filter((unit) => unit.kind === 'part' && unit.start <= offset).pop()?.id;
}

/** The Renumber Part command at the cursor. */
export function renumberPartCommand(index: EditorIndex, uri: string, offset: number): CommandOutcome {
  const part = partAround(index, uri, offset);
  if (!part) throw new RefusedEdit('Place the cursor in a Part.');
  const edit = renumberPart(index, part);
  if (!edit.documentChanges) return { message: `The clauses of ${part} are already numbered in sequence.` };
  return { edit, label: `Renumber ${part}` };
}

/** The "Renumber the clauses of …" code action, when `offset` (at `position`) is on a Part heading. */
export function renumberPartAction(index: EditorIndex, uri: string, offset: number, position: CursorPosition): CodeAction | null {
  const part = partAt(index, uri, offset);
  if (!part) return null;
  const args: ServerCommandArguments = [uri, position];
  return {
    title: `Renumber the clauses of ${part}`,
    kind: CodeActionKind.RefactorRewrite,
    command: { title: 'Renumber Part', command: ServerCommand.renumberPart, arguments: args },
  };
}

/** A new clause after the one under the cursor, with the conventional number (H4.3A before H4.4; the next integer at the end). */
export function insertClauseAfter(index: EditorIndex, uri: string, offset: number): { edit: WorkspaceEdit; label: string } {
  const summary = index.summary(uri);
  if (!summary) throw new RefusedEdit('This file is not part of the SEC workspace.');
  const units = summary.parsed.units;
  let clause: Unit | undefined;
  for (const unit of units) if (unit.kind === 'clause' && unit.start <= offset) clause = unit;
  if (!clause) throw new RefusedEdit('Place the cursor in a clause.');
  const siblings = units.filter((unit) => unit.parent === clause!.parent && unit.kind === 'clause');
  const following = siblings[siblings.indexOf(clause) + 1];
  const part = units[clause.parent]?.label ?? clause.label.slice(0, clause.label.indexOf('.'));
  let label = clauseNumberAfter(part, clause.label, following !== undefined);
  // Taken elsewhere in the workspace (another draft): insert under this clause's own number instead.
  if (index.definitionsOf(`Section ${label}`).length > 0) label = `${clause.label}A`;
  const position = summary.lines.positionAt(clause.end);
  return { edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: `\n${label} ` }] } }, label };
}

/** The Insert Clause After command at the cursor. */
export function insertClauseCommand(index: EditorIndex, uri: string, offset: number): CommandOutcome {
  const { edit, label } = insertClauseAfter(index, uri, offset);
  return { edit, label: `Insert clause ${label}` };
}

/** The file with every tracked change accepted, or null when it is not in the workspace. */
export function amendedText(index: EditorIndex, uri: string): string | null {
  const text = index.summary(uri)?.parsed.text;
  return text === undefined ? null : acceptChanges(text, scanChanges(text).spans);
}

/** The file as a redline, headed with `title` (its file name by default), or null when it is not in the workspace. */
export function redline(index: EditorIndex, uri: string, title?: string | null): Redline | null {
  const text = index.summary(uri)?.parsed.text;
  if (text === undefined) return null;
  return { body: redlineBody(text).html, style: REDLINE_STYLE, document: redlineDocument(text, title ?? fileName(uri)) };
}
