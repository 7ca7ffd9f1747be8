// The language server's lifecycle: it keeps a workspace index fresh (open documents, files
// on disk, sec.config.json, the editor's settings) and publishes diagnostics; every feature's
// handlers are registered by lsp/registerFeatures.ts.
// Start with `node dist/server.js --stdio` (any LSP editor) or over IPC (VS Code).
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  ClientCapabilities, createConnection, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, FileChangeType, InitializeParams,
  ProposedFeatures, TextDocumentContentChangeEvent, TextDocuments, TextDocumentSyncKind, WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, SecConfig } from './core/config/config';
import type { Catalogue } from './core/catalogue/catalogue';
import { configuredCatalogue } from './core/catalogue/load';
import { embeddedCatalogue } from './core/embeddedCatalogue';
import { readCatalogueFiles } from './node/catalogueFiles';
import { EditorIndex } from './core/index/editorIndex';
import type { CoreDiagnostic } from './core/model/types';
import type { TextEdit } from './core/parse/reparse';
import { LineIndex } from './core/text/lineIndex';
import { toLspDiagnostics } from './features/diagnostics';
import { DiagnosticsPublisher } from './lsp/diagnosticsPublisher';
import { describeError, guardedBy } from './lsp/guarded';
import { FEATURE_CAPABILITIES, registerFeatures } from './lsp/registerFeatures';
import { DEFAULT_SETTINGS, EditorSettings, effectiveConfig, readSettings } from './lsp/settings';
import { warmUp } from './lsp/warmUp';
import { codeExplanations } from './node/codeExplanations';
import { excluder, findSecFiles, SEC_EXTENSION } from './node/findFiles';
import { readTextFile } from './node/readTextFile';
import { InitializationOptions, SETTINGS_SECTION } from './protocol';

const DEFAULT_DIAGNOSTICS_DELAY_MS = 200;
const INDEXING_BATCH = 16;

// Every edit of a large file leaves its old text behind (and a document's text is replaced
// whole on each keystroke). By default V8 lets the heap grow to about twice what is live
// before a full collection; collecting at one and a half times keeps a long-running server
// holding a large workspace much smaller, for a few more concurrent collections, and costs
// the start-up nothing measurable (docs/performance.md).
setFlagsFromString('--heap-growing-percent=50');

const connection = createConnection(ProposedFeatures.all);
/** A change of one range, as offsets in the text before it: the index then re-reads only the lines around it. */
const lastEdits = new Map<string, TextEdit>();
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
    const range = changes.length === 1 && TextDocumentContentChangeEvent.isIncremental(changes[0]) ? changes[0].range : undefined;
    if (range) lastEdits.set(document.uri, { start: document.offsetAt(range.start), end: document.offsetAt(range.end), newLength: changes[0].text.length });
    else lastEdits.delete(document.uri);
    return TextDocument.update(document, changes, version);
  },
});

let index = new EditorIndex({ catalogue: embeddedCatalogue() });
let folders: string[] = [];
let settings: EditorSettings = DEFAULT_SETTINGS;
let fileConfig: SecConfig = defaultConfig();
/** The embedded catalogue, or the newer one sec.config.json names. */
let catalogue: Catalogue = embeddedCatalogue();
let configProblems: { uri: string; diagnostics: CoreDiagnostic[]; text: string } | null = null;
let supportsConfiguration = false;
let supportsWatcherRegistration = false;
let supportsProgress = false;
let clientCapabilities: ClientCapabilities = {};
let indexing: Promise<void> = Promise.resolve();

/** Each code's explanation in the README shipped beside dist/ (or out/server/src/): the diagnostics' codeDescription links. */
const explanations = codeExplanations([join(__dirname, '..'), join(__dirname, '..', '..', '..')]);
function explanationOf(code: string): string | undefined {
  const explanation = explanations.get(code);
  return explanation ? `${URI.file(explanation.path).toString()}#L${explanation.line}` : undefined;
}

function log(message: string): void {
  connection.console.log(`[sec] ${message}`);
}

const guarded = guardedBy(connection.console);

function pathOf(uri: string): string | null {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : null;
}

function readDisk(path: string): string | null {
  try {
    return readTextFile(path);
  } catch {
    return null;
  }
}

// ---- Diagnostics, debounced ------------------------------------------------------------------

const publisher = new DiagnosticsPublisher(
  (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  (uri) => {
    if (configProblems?.uri === uri) return toLspDiagnostics(new LineIndex(configProblems.text), configProblems.diagnostics, explanationOf);
    const summary = index.summary(uri);
    return summary ? toLspDiagnostics(summary.lines, index.resolve(uri).diagnostics, explanationOf) : null;
  },
  (error) => connection.console.error(`[sec] diagnostics failed: ${describeError(error)}`),
  DEFAULT_DIAGNOSTICS_DELAY_MS,
);

/** Re-checks these files (and the configuration's problems) after the quiet period, and the code lenses on screen. */
function schedule(uris: Iterable<string>, immediately = false): void {
  publisher.schedule(configProblems ? [...uris, configProblems.uri] : uris, immediately);
  features.refreshCodeLenses(immediately ? 0 : publisher.delayMs);
}

// ---- Workspace loading ----------------------------------------------------------------------

function loadConfig(): void {
  const root = folders[0];
  const path = root ? join(root, CONFIG_FILE_NAME) : null;
  const text = path ? readDisk(path) : null;
  if (configProblems) publisher.clear(configProblems.uri);
  configProblems = null;
  catalogue = embeddedCatalogue();
  if (!path || text === null) {
    fileConfig = defaultConfig();
    return;
  }
  const { config, problems } = parseConfig(text);
  fileConfig = config;
  if (config.cataloguePath) {
    const loaded = configuredCatalogue(text, config.cataloguePath, readCatalogueFiles(root, config.cataloguePath), embeddedCatalogue());
    catalogue = loaded.catalogue;
    problems.push(...loaded.problems);
  }
  const uri = URI.file(path).toString();
  if (problems.length > 0) {
    configProblems = { uri, text, diagnostics: problems.map((p) => ({ ...p, severity: 'warning', code: 'invalid-config' })) };
    log(`${CONFIG_FILE_NAME}: ${problems.map((p) => p.message).join(' ')}`);
  } else {
    publisher.clear(uri);
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
  // What each file's diagnostics depend on, worked out now (about 60 ms for 20 MB) rather than
  // in the background, where it delayed the first requests and edits more than it costs here.
  guarded('prepare', undefined, () => index.prepareIncremental());
  schedule(touched, true);
  setTimeout(() => guarded('warm-up', undefined, () => warmUp(index)), 0);
}

function applyConfiguration(): void {
  loadConfig();
  const affected = index.setConfig(effectiveConfig(fileConfig, settings), undefined, catalogue);
  schedule(affected);
}

async function refreshSettings(): Promise<void> {
  if (!supportsConfiguration) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
  } catch {
    settings = DEFAULT_SETTINGS;
  }
}

// ---- Lifecycle --------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams) => {
  const capabilities = (clientCapabilities = params.capabilities);
  supportsConfiguration = capabilities.workspace?.configuration === true;
  supportsWatcherRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsProgress = capabilities.window?.workDoneProgress === true;
  folders = (params.workspaceFolders ?? []).map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null);
  if (folders.length === 0 && params.rootUri) {
    const root = pathOf(params.rootUri);
    if (root) folders = [root];
  }
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof options.diagnosticsDelayMs === 'number' && options.diagnosticsDelayMs >= 0) publisher.delayMs = options.diagnosticsDelayMs;
  loadConfig();
  index = new EditorIndex({ catalogue, config: effectiveConfig(fileConfig, settings) });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...FEATURE_CAPABILITIES,
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
  else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
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

connection.onNotification(DidChangeWorkspaceFoldersNotification.type, async (params) => {
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
  const edit = lastEdits.get(document.uri);
  lastEdits.delete(document.uri);
  guarded('update', undefined, () => schedule(index.updateFile(document.uri, document.getText(), edit)));
});

documents.onDidClose(({ document }) => {
  guarded('close', undefined, () => {
    const path = pathOf(document.uri);
    const text = path && path.endsWith(SEC_EXTENSION) && !isExcluded(path) ? readDisk(path) : null;
    if (text !== null) schedule(index.updateFile(document.uri, text));
    else schedule([document.uri, ...index.removeFile(document.uri)]);
  });
});

const features = registerFeatures(connection, {
  index: () => index,
  clientCapabilities: () => clientCapabilities,
  codeLensEnabled: () => settings.codeLensEnabled,
});

// A stray rejected promise must never take the server down with it.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`[sec] unhandled rejection: ${describeError(reason)}`);
});

documents.listen(connection);
connection.listen();
