// LSP handlers for drafting amendments: rename, the Renumber Part and Insert Clause After
// commands (edits go to the editor through workspace/applyEdit, never to disk), and the
// amended-text and redline requests.
import { CodeAction, CodeActionKind, Connection, ErrorCodes, Position, ResponseError } from 'vscode-languageserver/node';
import type { EditorIndex } from '../core/index/editorIndex';
import { fileName } from '../core/model/uris';
import { acceptChanges, scanChanges } from '../core/text/criticMarkup';
import { redlineBody, REDLINE_STYLE, redlineDocument } from '../core/text/redline';
import { insertClauseAfter, partAt, prepareRename, rename, RenameError, renumberPart } from '../features/rename';

export const AMENDED_TEXT_REQUEST = 'sec/amendedText';
export const REDLINE_REQUEST = 'sec/redline';
export const RENUMBER_PART_COMMAND = 'sec.server.renumberPart';
export const INSERT_CLAUSE_COMMAND = 'sec.server.insertClauseAfter';

export interface HandlerContext {
  index(): EditorIndex;
  offsetOf(uri: string, position: Position): number | null;
  guarded<T>(name: string, empty: T, run: () => T): T;
}

/** The "Renumber the clauses of …" code action, when the range starts on a Part heading. */
export function renumberPartAction(context: HandlerContext, uri: string, start: Position): CodeAction | null {
  const offset = context.offsetOf(uri, start);
  const part = offset === null ? null : partAt(context.index(), uri, offset);
  if (!part) return null;
  return {
    title: `Renumber the clauses of ${part}`,
    kind: CodeActionKind.RefactorRewrite,
    command: { title: 'Renumber Part', command: RENUMBER_PART_COMMAND, arguments: [uri, start] },
  };
}

export function registerAmendmentHandlers(connection: Connection, context: HandlerContext): void {
  /** A message for the user; the editor may not answer, which is no failure of ours. */
  const tell = (kind: 'info' | 'error', message: string): void => {
    const shown = kind === 'info' ? connection.window.showInformationMessage(message) : connection.window.showErrorMessage(message);
    void Promise.resolve(shown).catch(() => undefined);
  };

  /** Rename failures reach the user as a message, not as a silent no-op. */
  const renameGuarded = <T>(run: () => T): T | ResponseError<void> => {
    try {
      return run();
    } catch (error) {
      if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
      connection.console.error(`[sec] rename failed: ${error instanceof Error ? error.stack : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, 'Renaming failed; see the SEC output channel.');
    }
  };

  const offsetOrThrow = (uri: string, position: Position): number => {
    const offset = context.offsetOf(uri, position);
    if (offset === null) throw new RenameError('This file is not part of the SEC workspace.');
    return offset;
  };

  connection.onPrepareRename(({ textDocument, position }) =>
    renameGuarded(() => prepareRename(context.index(), textDocument.uri, offsetOrThrow(textDocument.uri, position))));

  connection.onRenameRequest(({ textDocument, position, newName }) =>
    renameGuarded(() => rename(context.index(), textDocument.uri, offsetOrThrow(textDocument.uri, position), newName)));

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const [uri, position] = (args ?? []) as [string, Position];
    const offset = uri && position ? context.offsetOf(uri, position) : null;
    if (offset === null) return null;
    const index = context.index();
    try {
      if (command === RENUMBER_PART_COMMAND) {
        const part = partAt(index, uri, offset) ?? index.summary(uri)?.parsed.units.filter((u) => u.kind === 'part' && u.start <= offset).pop()?.id;
        if (!part) throw new RenameError('Place the cursor in a Part.');
        const edit = renumberPart(index, part);
        if (!edit.documentChanges) {
          tell('info', `The clauses of ${part} are already numbered in sequence.`);
          return null;
        }
        await connection.workspace.applyEdit({ label: `Renumber ${part}`, edit });
      } else if (command === INSERT_CLAUSE_COMMAND) {
        const { edit, label } = insertClauseAfter(index, uri, offset);
        await connection.workspace.applyEdit({ label: `Insert clause ${label}`, edit });
      }
    } catch (error) {
      if (error instanceof RenameError) tell('error', error.message);
      else connection.console.error(`[sec] ${command} failed: ${String(error)}`);
    }
    return null;
  });

  connection.onRequest(AMENDED_TEXT_REQUEST, (params: { uri: string }) => context.guarded('amendedText', null, () => {
    const text = context.index().summary(params.uri)?.parsed.text;
    return text === undefined ? null : acceptChanges(text, scanChanges(text).spans);
  }));

  connection.onRequest(REDLINE_REQUEST, (params: { uri: string; title?: string }) => context.guarded('redline', null, () => {
    const text = context.index().summary(params.uri)?.parsed.text;
    if (text === undefined) return null;
    const title = params.title ?? fileName(params.uri);
    return { body: redlineBody(text).html, style: REDLINE_STYLE, document: redlineDocument(text, title) };
  }));
}
