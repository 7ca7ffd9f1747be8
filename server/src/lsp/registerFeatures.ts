// Every LSP feature, registered in one place. Each handler adapts one features/* module to
// the connection: positions become offsets, a failure becomes an empty answer (or, for
// rename and the commands, a message for the user), and FEATURE_CAPABILITIES advertises
// exactly what is registered here. server.ts keeps the lifecycle, document sync, file
// watching, settings and publishing.
import {
  CancellationToken, ClientCapabilities, CodeAction, CodeActionKind, CodeLensRefreshRequest, Connection, ErrorCodes, Position, ResponseError,
  SemanticTokensRefreshRequest, ServerCapabilities,
} from 'vscode-languageserver';
import type { EditorIndex } from '../core/index/editorIndex';
import { amendedText, CommandOutcome, insertClauseCommand, redline, renumberPartAction, renumberPartCommand } from '../features/amendments';
import { conflictPairs, consolidationPreview } from '../features/drafts';
import { catalogueDocument } from '../features/catalogueDocument';
import { codeActions } from '../features/codeActions';
import { codeLenses, resolveCodeLens } from '../features/codeLens';
import { completion, resolveCompletionItem } from '../features/completion';
import { definition } from '../features/definition';
import { hover } from '../features/hover';
import { documentLinks } from '../features/links';
import { references } from '../features/references';
import { prepareRename, RefusedEdit, rename } from '../features/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../features/semanticTokens';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../features/symbols';
import {
  amendedTextRequest, catalogueDocumentRequest, consolidationPreviewRequest, CustomRequest, EditingCommandId, exportWordRequest, importWordRequest,
  redlineRequest, ServerCommand, ServerCommandArguments, WordExport,
} from '../protocol';
import { describeError, Guarded, guardedBy } from './guarded';
import { exportWord, importWord } from './wordRequests';

/** What the features need from the server that runs them. */
export interface FeatureHost {
  /** The index of the moment: server.ts makes a new one when the client initialises. */
  index(): EditorIndex;
  /** What the client said it supports when it initialised. */
  clientCapabilities(): ClientCapabilities;
  /** The `sec.codeLens.enabled` setting. */
  codeLensEnabled(): boolean;
}

/** What the server asks of the features once they are registered. */
export interface RegisteredFeatures {
  /**
   * Asks the editor, after `delayMs` of quiet, to ask again for the lenses of every document it
   * shows: a change in one file changes the counts above the units it cites in others, and
   * the editor asks again by itself only for the document that changed.
   */
  refreshCodeLenses(delayMs: number): void;
  /**
   * Asks the editor, after `delayMs` of quiet, to ask again for the semantic tokens of every
   * document it shows: a definition changed in one file changes which phrases are uses in others.
   */
  refreshSemanticTokens(delayMs: number): void;
}

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  definitionProvider: true,
  declarationProvider: true,
  referencesProvider: true,
  completionProvider: { triggerCharacters: [' ', '.', ','], resolveProvider: true },
  documentSymbolProvider: { label: 'SEC' },
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
  codeLensProvider: { resolveProvider: true },
  renameProvider: { prepareProvider: true },
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
  executeCommandProvider: { commands: Object.values(ServerCommand) },
};

const SERVER_COMMANDS: Record<EditingCommandId, (index: EditorIndex, uri: string, offset: number) => CommandOutcome> = {
  [ServerCommand.renumberPart]: renumberPartCommand,
  [ServerCommand.insertClauseAfter]: insertClauseCommand,
};

interface Registration {
  connection: Connection;
  host: FeatureHost;
  guarded: Guarded;
  offsetOf(uri: string, position: Position): number | null;
}

export function registerFeatures(connection: Connection, host: FeatureHost): RegisteredFeatures {
  const offsetOf = (uri: string, position: Position): number | null => host.index().summary(uri)?.lines.offsetAt(position) ?? null;
  const registration: Registration = { connection, host, guarded: guardedBy(connection.console), offsetOf };
  registerNavigation(registration);
  registerOutline(registration);
  registerEditing(registration);
  registerRename(registration);
  registerServerCommands(registration);
  registerCustomRequests(registration);
  registerDraftRequests(registration);
  registerSemanticTokens(registration);
  const semanticTokensRefresh = refresher(connection, SemanticTokensRefreshRequest.type.method, () => host.clientCapabilities().workspace?.semanticTokens?.refreshSupport === true);
  return { refreshCodeLenses: registerCodeLenses(registration), refreshSemanticTokens: semanticTokensRefresh };
}

function cancelled(token: CancellationToken): boolean {
  return token.isCancellationRequested;
}

/** Hover, go to definition (and declaration, the same), find all references. */
function registerNavigation({ connection, host, guarded, offsetOf }: Registration): void {
  connection.onHover(({ textDocument, position }, token) => guarded('hover', null, () => {
    const offset = offsetOf(textDocument.uri, position);
    return offset === null || cancelled(token) ? null : hover(host.index(), textDocument.uri, offset);
  }));
  connection.onDefinition(({ textDocument, position }, token) => guarded('definition', null, () => {
    const offset = offsetOf(textDocument.uri, position);
    return offset === null || cancelled(token) ? null : definition(host.index(), textDocument.uri, offset);
  }));
  connection.onDeclaration(({ textDocument, position }, token) => guarded('declaration', null, () => {
    const offset = offsetOf(textDocument.uri, position);
    return offset === null || cancelled(token) ? null : definition(host.index(), textDocument.uri, offset);
  }));
  connection.onReferences(({ textDocument, position, context }, token) => guarded('references', null, () => {
    const offset = offsetOf(textDocument.uri, position);
    return offset === null ? null : references(host.index(), textDocument.uri, offset, context.includeDeclaration, token);
  }));
}

/** Outline, workspace symbols, folding and document links. */
function registerOutline({ connection, host, guarded }: Registration): void {
  connection.onDocumentSymbol(({ textDocument }) => guarded('documentSymbol', null, () => {
    const index = host.index();
    const summary = index.summary(textDocument.uri);
    return summary ? documentSymbols(summary, index.glossary()) : null;
  }));
  connection.onWorkspaceSymbol(({ query }, token) => guarded('workspaceSymbol', [], () => workspaceSymbols(host.index(), query, token)));
  connection.onFoldingRanges(({ textDocument }) => guarded('foldingRange', null, () => {
    const summary = host.index().summary(textDocument.uri);
    return summary ? foldingRanges(summary) : null;
  }));
  connection.onDocumentLinks(({ textDocument }) => guarded('documentLink', null, () => documentLinks(host.index(), textDocument.uri)));
}

/** Completion, and code actions: the quick fixes and Renumber Part on a Part heading. */
function registerEditing({ connection, host, guarded, offsetOf }: Registration): void {
  connection.onCompletion(({ textDocument, position }, token) => guarded('completion', null, () => {
    const offset = offsetOf(textDocument.uri, position);
    const capabilities = host.clientCapabilities().textDocument?.completion;
    const editRangeDefault = capabilities?.completionList?.itemDefaults?.includes('editRange') === true;
    const snippets = capabilities?.completionItem?.snippetSupport === true;
    return offset === null || cancelled(token) ? null : completion(host.index(), textDocument.uri, offset, { editRangeDefault, snippets });
  }));
  connection.onCompletionResolve((item) => guarded('completionItem/resolve', item, () => resolveCompletionItem(host.index(), item)));
  connection.onCodeAction(({ textDocument, range }) => guarded('codeAction', null, () => {
    const index = host.index();
    const summary = index.summary(textDocument.uri);
    if (!summary) return null;
    const start = summary.lines.offsetAt(range.start);
    const actions: CodeAction[] = codeActions(index, textDocument.uri, { start, end: summary.lines.offsetAt(range.end) });
    const renumber = renumberPartAction(index, textDocument.uri, start, range.start);
    if (renumber) actions.push(renumber);
    return actions;
  }));
}

/** Rename (F2); a refusal reaches the user as a message, not as a silent no-op. */
function registerRename({ connection, host, offsetOf }: Registration): void {
  const refusable = <T>(run: () => T): T | ResponseError<void> => {
    try {
      return run();
    } catch (error) {
      if (error instanceof RefusedEdit) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
      connection.console.error(`[sec] rename failed: ${describeError(error)}`);
      return new ResponseError(ErrorCodes.InternalError, 'Renaming failed; see the SEC output channel.');
    }
  };
  const offsetOrRefuse = (uri: string, position: Position): number => {
    const offset = offsetOf(uri, position);
    if (offset === null) throw new RefusedEdit('This file is not part of the SEC workspace.');
    return offset;
  };
  connection.onPrepareRename(({ textDocument, position }) =>
    refusable(() => prepareRename(host.index(), textDocument.uri, offsetOrRefuse(textDocument.uri, position))));
  connection.onRenameRequest(({ textDocument, position, newName }) =>
    refusable(() => rename(host.index(), textDocument.uri, offsetOrRefuse(textDocument.uri, position), newName)));
}

/**
 * Renumber Part and Insert Clause After: the edit goes to the editor (workspace/applyEdit), never
 * to disk. List Conflicts answers with the drafts' pairs of changes on one unit.
 */
function registerServerCommands({ connection, host, guarded, offsetOf }: Registration): void {
  /** The editor may not answer a message, which is no failure of ours. */
  const tell = (kind: 'info' | 'error', message: string): void => {
    const shown = kind === 'info' ? connection.window.showInformationMessage(message) : connection.window.showErrorMessage(message);
    void Promise.resolve(shown).catch(() => undefined);
  };
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === ServerCommand.listConflicts) return guarded('listConflicts', [], () => conflictPairs(host.index()));
    const [uri, position] = (args ?? []) as Partial<ServerCommandArguments>;
    const offset = uri && position ? offsetOf(uri, position) : null;
    const run = SERVER_COMMANDS[command as EditingCommandId] as (typeof SERVER_COMMANDS)[EditingCommandId] | undefined;
    if (offset === null || !run) return null;
    try {
      const outcome = run(host.index(), uri!, offset);
      if ('message' in outcome) tell('info', outcome.message);
      else await connection.workspace.applyEdit({ label: outcome.label, edit: outcome.edit });
    } catch (error) {
      if (error instanceof RefusedEdit) tell('error', error.message);
      else connection.console.error(`[sec] ${command} failed: ${String(error)}`);
    }
    return null;
  });
}

function onCustomRequest<Params, Result>(connection: Connection, request: CustomRequest<Params, Result>, handler: (params: Params) => Result | Promise<Result>): void {
  // vscode-jsonrpc cannot check a generic result against its handler type; `request` already ties the two together.
  connection.onRequest(request.method, (params: Params): unknown => handler(params));
}

/** The documents the client shows: catalogue entries, amended text, redlines. */
function registerCustomRequests({ connection, host, guarded }: Registration): void {
  onCustomRequest(connection, catalogueDocumentRequest, ({ uri }) => guarded('catalogueDocument', null, () => catalogueDocument(host.index(), uri)));
  onCustomRequest(connection, amendedTextRequest, ({ uri }) => guarded('amendedText', null, () => amendedText(host.index(), uri)));
  onCustomRequest(connection, redlineRequest, ({ uri, title }) => guarded('redline', null, () => redline(host.index(), uri, title)));
}

/** A consolidation's preview, and Word in and out: answers for the client to show or write. */
function registerDraftRequests({ connection, host, guarded }: Registration): void {
  onCustomRequest(connection, consolidationPreviewRequest, ({ uri }) => guarded('consolidationPreview', null, () => consolidationPreview(host.index(), uri)));
  onCustomRequest(connection, exportWordRequest, ({ uri }) => exportWord(host.index(), uri).catch((error: unknown): WordExport => {
    connection.console.error(`[sec] exportWord failed: ${describeError(error)}`);
    return { problems: [], error: 'The export failed; see the SEC Language Server output.' };
  }));
  onCustomRequest(connection, importWordRequest, (params) => guarded('importWord', { problems: [], error: 'The import failed; see the SEC Language Server output.' }, () => importWord(host.index(), params)));
}

/** Code lenses: listed at once, each counted when the editor resolves it; see RegisteredFeatures for the refresh. */
function registerCodeLenses({ connection, host, guarded }: Registration): RegisteredFeatures['refreshCodeLenses'] {
  connection.onCodeLens(({ textDocument }) => guarded('codeLens', null, () => (host.codeLensEnabled() ? codeLenses(host.index(), textDocument.uri) : [])));
  connection.onCodeLensResolve((lens, token) => guarded('codeLens/resolve', lens, () => resolveCodeLens(host.index(), lens, token)));
  return refresher(connection, CodeLensRefreshRequest.type.method, () => host.clientCapabilities().workspace?.codeLens?.refreshSupport === true);
}

/** A refresh request (`workspace/codeLens/refresh`, `workspace/semanticTokens/refresh`) sent after a quiet period, if the editor supports it. */
function refresher(connection: Connection, method: string, supported: () => boolean): (delayMs: number) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (delayMs) => {
    if (!supported()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // An editor that does not answer leaves what it shows as it was: nothing to report.
      void connection.sendRequest(method).catch(() => undefined);
    }, delayMs);
  };
}

/** Semantic tokens: defined terms, their uses and their definitions, for a whole document or a range of it. */
function registerSemanticTokens({ connection, host, guarded }: Registration): void {
  connection.languages.semanticTokens.on(({ textDocument }, token) => guarded('semanticTokens', { data: [] }, () =>
    (cancelled(token) ? { data: [] } : semanticTokens(host.index(), textDocument.uri))));
  connection.languages.semanticTokens.onRange(({ textDocument, range }, token) => guarded('semanticTokens/range', { data: [] }, () => {
    const summary = host.index().summary(textDocument.uri);
    if (!summary || cancelled(token)) return { data: [] };
    return semanticTokens(host.index(), textDocument.uri, { start: summary.lines.offsetAt(range.start), end: summary.lines.offsetAt(range.end) });
  }));
}
