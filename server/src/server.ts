// The language server: the only code that speaks LSP. It keeps a workspace index fresh
// (open documents, files on disk, sec.config.json) and adapts the feature providers.
// Start with `node dist/server.js --stdio` (any LSP editor) or over IPC (VS Code).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CancellationToken, CodeAction, CodeActionKind, createConnection, ResponseError, ErrorCodes, DidChangeWatchedFilesNotification, FileChangeType, InitializeParams,
  ProposedFeatures, TextDocuments, TextDocumentSyncKind, WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, SecConfig } from './core/config/config';
import { embeddedCatalogue } from './core/embeddedCatalogue';
import { WorkspaceIndex } from './core/index/workspaceIndex';
import type { CoreDiagnostic } from './core/model/types';
import { LineIndex } from './core/text/lineIndex';
import { catalogueDocument } from './features/catalogueDocument';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { toLspDiagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { documentLinks } from './features/links';
import { references } from './features/references';
import { documentSymbols, foldingRanges, workspaceSymbols } from './features/symbols';
import { insertClauseAfter, partAt, prepareRename, rename, RenameError, renumberPart } from './features/rename';
import { acceptChanges, scanChanges } from './core/text/criticMarkup';
import { redlineBody, REDLINE_STYLE, redlineDocument } from './core/text/redline';
import { DEFAULT_SETTINGS, EditorSettings, effectiveConfig, readSettings } from './lsp/settings';
import { excluder, findSecFiles, SEC_EXTENSION } from './node/findFiles';

export const CATALOGUE_DOCUMENT_REQUEST = 'sec/catalogueDocument';
export const AMENDED_TEXT_REQUEST = 'sec/amendedText';
export const REDLINE_REQUEST = 'sec/redline';
const RENUMBER_PART_COMMAND = 'sec.server.renumberPart';
const INSERT_CLAUSE_COMMAND = 'sec.server.insertClauseAfter';
const DEFAULT_DIAGNOSTICS_DELAY_MS = 200;
const INDEXING_BATCH = 16;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let index = new WorkspaceIndex({ catalogue: embeddedCatalogue() });
let folders: string[] = [];
let settings: EditorSettings = DEFAULT_SETTINGS;
let fileConfig: SecConfig = defaultConfig();
let configProblems: { uri: string; diagnostics: CoreDiagnostic[]; text: string } | null = null;
let diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY_MS;
let supportsConfiguration = false;
let supportsWatcherRegistration = false;
let supportsProgress = false;
let supportsEditRangeDefault = false;
let indexing: Promise<void> = Promise.resolve();
const published = new Map<string, string>();
const pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;

/** README shipped beside dist/: the diagnostics' codeDescription links point at its sections. */
const readme = [join(__dirname, '..', 'README.md'), join(__dirname, '..', '..', '..', 'README.md')].find(existsSync);
const documentationUri = readme ? URI.file(readme).toString() : undefined;

function log(message: string): void {
  connection.console.log(`[sec] ${message}`);
}

/** Runs a handler; a failure is logged and answered with the empty result, never a crash. */
function guarded<T>(name: string, empty: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    connection.console.error(`[sec] ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return empty;
  }
}

function pathOf(uri: string): string | null {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : null;
}

function readDisk(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

// ---- Diagnostics, debounced ------------------------------------------------------------------

function schedule(uris: Iterable<string>): void {
  for (const uri of uris) pending.add(uri);
  if (timer) clearTimeout(timer);
  timer = setTimeout(flushDiagnostics, diagnosticsDelay);
}

function publish(uri: string, diagnostics: ReturnType<typeof toLspDiagnostics>): void {
  const key = JSON.stringify(diagnostics);
  if (published.get(uri) === key) return;
  published.set(uri, key);
  void connection.sendDiagnostics({ uri, diagnostics });
}

function flushDiagnostics(): void {
  timer = undefined;
  const uris = [...pending];
  pending.clear();
  guarded('diagnostics', undefined, () => {
    for (const uri of uris) {
      const summary = index.summary(uri);
      if (!summary) {
        if (published.has(uri)) publish(uri, []);
        continue;
      }
      publish(uri, toLspDiagnostics(summary.lines, index.resolve(uri).diagnostics, documentationUri));
    }
    publishConfigProblems();
  });
}

function publishConfigProblems(): void {
  if (!configProblems) return;
  const { uri, diagnostics, text } = configProblems;
  publish(uri, toLspDiagnostics(new LineIndex(text), diagnostics, documentationUri));
}

// ---- Workspace loading ----------------------------------------------------------------------

function loadConfig(): void {
  const root = folders[0];
  const path = root ? join(root, CONFIG_FILE_NAME) : null;
  const text = path ? readDisk(path) : null;
  if (path && configProblems && text === null) publish(configProblems.uri, []);
  configProblems = null;
  if (!path || text === null) {
    fileConfig = defaultConfig();
    return;
  }
  const { config, problems } = parseConfig(text);
  fileConfig = config;
  const uri = URI.file(path).toString();
  if (problems.length > 0) {
    configProblems = { uri, text, diagnostics: problems.map((p) => ({ ...p, severity: 'warning', code: 'invalid-config' })) };
    log(`${CONFIG_FILE_NAME}: ${problems.map((p) => p.message).join(' ')}`);
  } else if (published.has(uri)) {
    publish(uri, []);
  }
}

/** Exclusion matchers per folder, compiled once per configuration. */
let exclusion: { key: string; matchers: Array<(path: string) => boolean> } = { key: '', matchers: [] };

function isExcluded(path: string): boolean {
  const patterns = effectiveConfig(fileConfig, settings).exclude;
  const key = JSON.stringify([folders, patterns]);
  if (exclusion.key !== key) exclusion = { key, matchers: folders.map((folder) => excluder(folder, patterns)) };
  return exclusion.matchers.some((matches) => matches(path));
}

async function indexWorkspace(): Promise<void> {
  const started = Date.now();
  const files = folders.flatMap((folder) => findSecFiles(folder, (path) => isExcluded(path)));
  let progress: WorkDoneProgressReporter | undefined;
  if (supportsProgress) {
    progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing SEC files', 0, `0/${files.length}`, false);
  }
  const touched = new Set<string>(documents.all().map((document) => document.uri));
  for (let i = 0; i < files.length; i++) {
    const uri = URI.file(files[i]).toString();
    if (!documents.get(uri)) {
      const text = readDisk(files[i]);
      if (text !== null) for (const affected of index.updateFile(uri, text)) touched.add(affected);
    }
    if ((i + 1) % INDEXING_BATCH === 0) {
      progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length}`);
      // Let requests and edits in between batches: the first request waits only for its own file.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  progress?.done();
  log(`indexed ${files.length} files in ${Date.now() - started} ms`);
  for (const uri of index.uris()) touched.add(uri);
  schedule(touched);
  // Once the first diagnostics are out, build the reverse map so that the first edit is fast.
  setTimeout(() => guarded('prepare', undefined, () => index.prepareIncremental()), diagnosticsDelay + 50);
}

function applyConfiguration(): void {
  loadConfig();
  const affected = index.setConfig(effectiveConfig(fileConfig, settings));
  schedule(affected);
}

async function refreshSettings(): Promise<void> {
  if (!supportsConfiguration) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration('sec'));
  } catch {
    settings = DEFAULT_SETTINGS;
  }
}

// ---- Lifecycle --------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams) => {
  const capabilities = params.capabilities;
  supportsConfiguration = capabilities.workspace?.configuration === true;
  supportsWatcherRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsProgress = capabilities.window?.workDoneProgress === true;
  supportsEditRangeDefault = capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
  folders = (params.workspaceFolders ?? []).map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null);
  if (folders.length === 0 && params.rootUri) {
    const root = pathOf(params.rootUri);
    if (root) folders = [root];
  }
  const options = (params.initializationOptions ?? {}) as { diagnosticsDelayMs?: number };
  if (typeof options.diagnosticsDelayMs === 'number' && options.diagnosticsDelayMs >= 0) diagnosticsDelay = options.diagnosticsDelayMs;
  loadConfig();
  index = new WorkspaceIndex({ catalogue: embeddedCatalogue(), config: effectiveConfig(fileConfig, settings) });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      declarationProvider: true,
      referencesProvider: true,
      completionProvider: { triggerCharacters: [' ', '.', ','], resolveProvider: false },
      documentSymbolProvider: { label: 'SEC' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      renameProvider: { prepareProvider: true },
      executeCommandProvider: { commands: [RENUMBER_PART_COMMAND, INSERT_CLAUSE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'sec-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (supportsWatcherRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/*${SEC_EXTENSION}` }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
    });
  }
  await refreshSettings();
  applyConfiguration();
  indexing = indexWorkspace().catch((error) => connection.console.error(`[sec] indexing failed: ${String(error)}`));
});

connection.onDidChangeConfiguration(async (change) => {
  if (supportsConfiguration) await refreshSettings();
  else settings = readSettings((change.settings as { sec?: unknown } | undefined)?.sec);
  applyConfiguration();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await indexing;
  guarded('watched files', undefined, () => {
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (path.endsWith(CONFIG_FILE_NAME) && folders.some((folder) => dirname(path) === folder)) {
        applyConfiguration();
        continue;
      }
      if (!path.endsWith(SEC_EXTENSION) || documents.get(change.uri) || isExcluded(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        schedule([change.uri, ...index.removeFile(change.uri)]);
      } else {
        const text = readDisk(path);
        if (text !== null) schedule(index.updateFile(change.uri, text));
      }
    }
  });
});

connection.onNotification('workspace/didChangeWorkspaceFolders', async (params: { event: { added: Array<{ uri: string }>; removed: Array<{ uri: string }> } }) => {
  await indexing;
  const removed = params.event.removed.map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null);
  const added = params.event.added.map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null);
  folders = [...folders.filter((folder) => !removed.includes(folder)), ...added];
  guarded('workspace folders', undefined, () => {
    for (const uri of index.uris()) {
      const path = pathOf(uri);
      if (path && !documents.get(uri) && removed.some((folder) => path.startsWith(`${folder}/`))) schedule([uri, ...index.removeFile(uri)]);
    }
  });
  indexing = indexWorkspace().catch((error) => connection.console.error(`[sec] indexing failed: ${String(error)}`));
});

documents.onDidChangeContent(({ document }) => {
  guarded('update', undefined, () => schedule(index.updateFile(document.uri, document.getText())));
});

documents.onDidClose(({ document }) => {
  guarded('close', undefined, () => {
    const path = pathOf(document.uri);
    const text = path && path.endsWith(SEC_EXTENSION) && !isExcluded(path) ? readDisk(path) : null;
    if (text !== null) schedule(index.updateFile(document.uri, text));
    else schedule([document.uri, ...index.removeFile(document.uri)]);
  });
});

// ---- Requests -----------------------------------------------------------------------------------

function offsetOf(uri: string, position: { line: number; character: number }): number | null {
  const summary = index.summary(uri);
  return summary ? summary.lines.offsetAt(position) : null;
}

function cancelled(token: CancellationToken): boolean {
  return token.isCancellationRequested;
}

connection.onHover(({ textDocument, position }, token) => guarded('hover', null, () => {
  const offset = offsetOf(textDocument.uri, position);
  return offset === null || cancelled(token) ? null : hover(index, textDocument.uri, offset);
}));

connection.onDefinition(({ textDocument, position }, token) => guarded('definition', null, () => {
  const offset = offsetOf(textDocument.uri, position);
  return offset === null || cancelled(token) ? null : definition(index, textDocument.uri, offset);
}));

connection.onDeclaration(({ textDocument, position }, token) => guarded('declaration', null, () => {
  const offset = offsetOf(textDocument.uri, position);
  return offset === null || cancelled(token) ? null : definition(index, textDocument.uri, offset);
}));

connection.onReferences(({ textDocument, position, context }, token) => guarded('references', null, () => {
  const offset = offsetOf(textDocument.uri, position);
  return offset === null ? null : references(index, textDocument.uri, offset, context.includeDeclaration, token);
}));

connection.onCompletion(({ textDocument, position }, token) => guarded('completion', null, () => {
  const offset = offsetOf(textDocument.uri, position);
  return offset === null || cancelled(token) ? null : completion(index, textDocument.uri, offset, { editRangeDefault: supportsEditRangeDefault });
}));

connection.onDocumentSymbol(({ textDocument }) => guarded('documentSymbol', null, () => {
  const summary = index.summary(textDocument.uri);
  return summary ? documentSymbols(summary) : null;
}));

connection.onWorkspaceSymbol(({ query }, token) => guarded('workspaceSymbol', [], () => workspaceSymbols(index, query, token)));

connection.onFoldingRanges(({ textDocument }) => guarded('foldingRange', null, () => {
  const summary = index.summary(textDocument.uri);
  return summary ? foldingRanges(summary) : null;
}));

connection.onDocumentLinks(({ textDocument }) => guarded('documentLink', null, () => documentLinks(index, textDocument.uri)));

connection.onCodeAction(({ textDocument, range }) => guarded('codeAction', null, () => {
  const summary = index.summary(textDocument.uri);
  if (!summary) return null;
  const actions: CodeAction[] = codeActions(index, textDocument.uri, { start: summary.lines.offsetAt(range.start), end: summary.lines.offsetAt(range.end) });
  const part = partAt(index, textDocument.uri, summary.lines.offsetAt(range.start));
  if (part) {
    actions.push({
      title: `Renumber the clauses of ${part}`,
      kind: CodeActionKind.RefactorRewrite,
      command: { title: 'Renumber Part', command: RENUMBER_PART_COMMAND, arguments: [textDocument.uri, range.start] },
    });
  }
  return actions;
}));

/** A message for the user; the editor may not answer, which is no failure of ours. */
function tell(kind: 'info' | 'error', message: string): void {
  const shown = kind === 'info' ? connection.window.showInformationMessage(message) : connection.window.showErrorMessage(message);
  void Promise.resolve(shown).catch(() => undefined);
}

/** Rename failures reach the user as a message, not as a silent no-op. */
function renameGuarded<T>(run: () => T): T | ResponseError<void> {
  try {
    return run();
  } catch (error) {
    if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
    connection.console.error(`[sec] rename failed: ${error instanceof Error ? error.stack : String(error)}`);
    return new ResponseError(ErrorCodes.InternalError, 'Renaming failed; see the SEC output channel.');
  }
}

connection.onPrepareRename(({ textDocument, position }) => renameGuarded(() => {
  const offset = offsetOf(textDocument.uri, position);
  if (offset === null) throw new RenameError('This file is not part of the SEC workspace.');
  return prepareRename(index, textDocument.uri, offset);
}));

connection.onRenameRequest(({ textDocument, position, newName }) => renameGuarded(() => {
  const offset = offsetOf(textDocument.uri, position);
  if (offset === null) throw new RenameError('This file is not part of the SEC workspace.');
  return rename(index, textDocument.uri, offset, newName);
}));

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  const [uri, position] = (args ?? []) as [string, { line: number; character: number }];
  const offset = uri && position ? offsetOf(uri, position) : null;
  if (offset === null) return null;
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

connection.onRequest(AMENDED_TEXT_REQUEST, (params: { uri: string }) => guarded('amendedText', null, () => {
  const text = index.summary(params.uri)?.parsed.text;
  return text === undefined ? null : acceptChanges(text, scanChanges(text).spans);
}));

connection.onRequest(REDLINE_REQUEST, (params: { uri: string; title?: string }) => guarded('redline', null, () => {
  const text = index.summary(params.uri)?.parsed.text;
  if (text === undefined) return null;
  const title = params.title ?? params.uri.slice(params.uri.lastIndexOf('/') + 1);
  return { body: redlineBody(text).html, style: REDLINE_STYLE, document: redlineDocument(text, title) };
}));

connection.onRequest(CATALOGUE_DOCUMENT_REQUEST, (params: { uri: string }) => guarded('catalogueDocument', null, () => catalogueDocument(index, params.uri)));

// A stray rejected promise must never take the server down with it.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`[sec] unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});

documents.listen(connection);
connection.listen();
