// The language server's lifecycle, the same in a Node process and in a web worker: it keeps a
// workspace index fresh (open documents, the workspace's files, sec.config.json, the editor's
// settings) and publishes diagnostics; every feature's handlers are registered by
// registerFeatures.ts. What differs between the two — the connection, how files are read, how
// other messages are let in — is handed in by the entry point (server.ts, browserServer.ts).
import {
  ClientCapabilities, Connection, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, FileChangeType, FileEvent,
  InitializeParams, InitializeResult, TextDocumentContentChangeEvent, TextDocuments, TextDocumentSyncKind, WorkDoneProgressReporter,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { Catalogue } from '../core/catalogue/catalogue';
import { configuredCatalogue } from '../core/catalogue/load';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, SecConfig } from '../core/config/config';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import { EditorIndex } from '../core/index/editorIndex';
import { FileAccess, SEC_FILE_EXTENSION } from '../core/model/fileAccess';
import type { CoreDiagnostic } from '../core/model/types';
import type { TextEdit } from '../core/parse/reparse';
import { LineIndex } from '../core/text/lineIndex';
import { toLspDiagnostics } from '../features/diagnostics';
import { InitializationOptions, SETTINGS_SECTION } from '../protocol';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { describeError, Guarded, guardedBy } from './guarded';
import { FEATURE_CAPABILITIES, registerFeatures, RegisteredFeatures } from './registerFeatures';
import { DEFAULT_SETTINGS, EditorSettings, effectiveConfig, readSettings } from './settings';
import { warmUp } from './warmUp';

const DEFAULT_DIAGNOSTICS_DELAY_MS = 200;
const INDEXING_BATCH = 16;

/** What the entry point provides for the platform it runs on. */
export interface ServerPlatform {
  /** How the workspace's files are read, given what the client offered when it initialised. */
  files(options: InitializationOptions): FileAccess;
  /** Lets the messages waiting on the connection in (between batches of indexing). */
  yieldNow(): Promise<void>;
}

/** sec.config.json read, with the catalogue it names: applied in one step once everything is read. */
interface LoadedConfig {
  fileConfig: SecConfig;
  catalogue: Catalogue;
  problems: { uri: string; diagnostics: CoreDiagnostic[]; text: string } | null;
}

/** A URI in one spelling, so that the client's and the server's can be compared. */
function normalised(uri: string): string {
  return URI.parse(uri).toString();
}

export class LanguageServer {
  /** A change of one range, as offsets in the text before it: the index then re-reads only the lines around it. */
  private readonly lastEdits = new Map<string, TextEdit>();
  private readonly documents: TextDocuments<TextDocument>;
  private readonly publisher: DiagnosticsPublisher;
  private readonly features: RegisteredFeatures;
  private readonly guarded: Guarded;
  private index = new EditorIndex({ catalogue: embeddedCatalogue() });
  private files: FileAccess;
  /** Workspace folder URIs, normalised. */
  private folders: string[] = [];
  private settings: EditorSettings = DEFAULT_SETTINGS;
  private fileConfig: SecConfig = defaultConfig();
  /** The embedded catalogue, or the newer one sec.config.json names. */
  private catalogue: Catalogue = embeddedCatalogue();
  private configProblems: LoadedConfig['problems'] = null;
  private explanations = new Map<string, string>();
  private supports = { configuration: false, watcherRegistration: false, progress: false };
  private clientCapabilities: ClientCapabilities = {};
  private indexing: Promise<void> = Promise.resolve();
  /** The user has been told that files could not be read (once a session: the output lists each). */
  private toldUnreadable = false;
  /** Configuration loads, one after the other: a later file must not be overtaken by an earlier read. */
  private configuring: Promise<void> = Promise.resolve();
  /** Exclusion matchers per folder, compiled once per configuration. */
  private exclusion: { key: string; matchers: Array<(uri: string) => boolean> } = { key: '', matchers: [] };

  constructor(private readonly connection: Connection, private readonly platform: ServerPlatform) {
    this.files = platform.files({});
    this.guarded = guardedBy(connection.console);
    this.documents = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update: (document, changes, version) => this.update(document, changes, version),
    });
    this.publisher = new DiagnosticsPublisher(
      (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      (uri) => this.diagnosticsOf(uri),
      (error) => connection.console.error(`[sec] diagnostics failed: ${describeError(error)}`),
      DEFAULT_DIAGNOSTICS_DELAY_MS,
    );
    this.features = registerFeatures(connection, {
      index: () => this.index,
      clientCapabilities: () => this.clientCapabilities,
      codeLensEnabled: () => this.settings.codeLensEnabled,
    });
    this.registerLifecycle();
  }

  /** Starts reading messages. */
  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  /** Logs a failure that escaped every handler (an unhandled rejection): it must never take the server down. */
  reportUnhandled(reason: unknown): void {
    this.connection.console.error(`[sec] unhandled rejection: ${describeError(reason)}`);
  }

  private log(message: string): void {
    this.connection.console.log(`[sec] ${message}`);
  }

  /**
   * Files whose text could not be read (readTexts gave null). One too large to read gets its
   * file-too-large diagnostic; any other (not text, unreadable, gone) is left out, logged, and
   * the user told once, so that a skipped file is never silent.
   */
  private async unreadable(uris: readonly string[], touched?: Set<string>): Promise<void> {
    let skipped = 0;
    for (const uri of uris) {
      if (this.documents.get(uri)) continue;
      const why = await this.files.whyUnreadable(uri);
      const affected = 'tooLarge' in why ? this.index.updateTooLarge(uri, why.tooLarge) : [uri, ...this.index.removeFile(uri)];
      if (touched) for (const other of affected) touched.add(other);
      else this.schedule(affected);
      // A file deleted meanwhile is no problem to report.
      if ('tooLarge' in why || /no such file/i.test(why.message)) continue;
      skipped++;
      this.log(`cannot read ${uri}: ${why.message}; it is not checked.`);
    }
    if (skipped === 0 || this.toldUnreadable) return;
    this.toldUnreadable = true;
    const message = `SEC: ${skipped === 1 ? 'a file' : `${skipped} files`} could not be read and ${skipped === 1 ? 'is' : 'are'} not checked (see the SEC Language Server output).`;
    void Promise.resolve(this.connection.window.showWarningMessage(message)).catch(() => undefined);
  }

  private registerLifecycle(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      this.indexing = this.startUp().catch((error) => connection.console.error(`[sec] indexing failed: ${describeError(error)}`));
    });
    connection.onDidChangeConfiguration(async (change) => {
      if (this.supports.configuration) await this.refreshSettings();
      else this.settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
      await this.applyConfiguration();
    });
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      await this.indexing;
      await this.guardedAsync('watched files', () => this.watchedFilesChanged(changes));
    });
    connection.onNotification(DidChangeWorkspaceFoldersNotification.type, async ({ event }) => {
      await this.indexing;
      this.changeFolders(event);
      this.indexing = this.indexWorkspace().catch((error) => connection.console.error(`[sec] indexing failed: ${describeError(error)}`));
    });
    documents.onDidChangeContent(({ document }) => {
      const edit = this.lastEdits.get(document.uri);
      this.lastEdits.delete(document.uri);
      this.guarded('update', undefined, () => this.schedule(this.index.updateFile(document.uri, document.getText(), edit)));
    });
    documents.onDidClose(({ document }) => void this.guardedAsync('close', () => this.closed(document.uri)));
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const range = changes.length === 1 && TextDocumentContentChangeEvent.isIncremental(changes[0]) ? changes[0].range : undefined;
    if (range) this.lastEdits.set(document.uri, { start: document.offsetAt(range.start), end: document.offsetAt(range.end), newLength: changes[0].text.length });
    else this.lastEdits.delete(document.uri);
    return TextDocument.update(document, changes, version);
  }

  private async guardedAsync(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.connection.console.error(`[sec] ${name} failed: ${describeError(error)}`);
    }
  }

  // ---- Diagnostics, debounced --------------------------------------------------------------

  private diagnosticsOf(uri: string): ReturnType<typeof toLspDiagnostics> | null {
    const explanationOf = (code: string): string | undefined => this.explanations.get(code);
    const problems = this.configProblems;
    if (problems?.uri === uri) return toLspDiagnostics(new LineIndex(problems.text), problems.diagnostics, explanationOf);
    const summary = this.index.summary(uri);
    return summary ? toLspDiagnostics(summary.lines, this.index.resolve(uri).diagnostics, explanationOf) : null;
  }

  /**
   * Re-checks these files (and the configuration's problems) after the quiet period, and the code
   * lenses on screen; and their semantic tokens after loading, or when a change reached other
   * files than the one changed (the editor asks again for the changed document's by itself).
   */
  private schedule(uris: Iterable<string>, immediately = false): void {
    const affected = [...uris];
    this.publisher.schedule(this.configProblems ? [...affected, this.configProblems.uri] : affected, immediately);
    this.features.refreshCodeLenses(immediately ? 0 : this.publisher.delayMs);
    if (immediately || affected.length > 1) this.features.refreshSemanticTokens(immediately ? 0 : this.publisher.delayMs);
  }

  // ---- Lifecycle ----------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = (this.clientCapabilities = params.capabilities);
    this.supports = {
      configuration: capabilities.workspace?.configuration === true,
      watcherRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      progress: capabilities.window?.workDoneProgress === true,
    };
    this.folders = (params.workspaceFolders ?? []).map((folder) => normalised(folder.uri));
    if (this.folders.length === 0 && params.rootUri) this.folders = [normalised(params.rootUri)];
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.diagnosticsDelayMs === 'number' && options.diagnosticsDelayMs >= 0) this.publisher.delayMs = options.diagnosticsDelayMs;
    this.files = this.platform.files(options);
    this.index = new EditorIndex({ catalogue: this.catalogue, config: effectiveConfig(this.fileConfig, this.settings) });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...FEATURE_CAPABILITIES,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sec-language-server', version: '0.1.0' },
    };
  }

  /**
   * After `initialized`, when the server may ask the client: the watchers, the code links and
   * the configuration side by side (through a web client each is a round trip or more), then
   * the workspace, whose search needs the configuration's exclusions.
   */
  private async startUp(): Promise<void> {
    const watchers = [{ globPattern: `**/*${SEC_FILE_EXTENSION}` }, { globPattern: `**/${CONFIG_FILE_NAME}` }];
    await Promise.all([
      this.supports.watcherRegistration ? this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined,
      this.files.codeExplanations().then((explanations) => (this.explanations = explanations)),
      this.refreshSettings().then(() => this.applyConfiguration()),
    ]);
    await this.indexWorkspace();
  }

  private async refreshSettings(): Promise<void> {
    if (!this.supports.configuration) return;
    try {
      this.settings = readSettings(await this.connection.workspace.getConfiguration(SETTINGS_SECTION));
    } catch {
      this.settings = DEFAULT_SETTINGS;
    }
  }

  // ---- Configuration ------------------------------------------------------------------------

  private applyConfiguration(): Promise<void> {
    this.configuring = this.configuring.then(async () => {
      const loaded = await this.loadConfig();
      this.guarded('configuration', undefined, () => {
        if (this.configProblems) this.publisher.clear(this.configProblems.uri);
        ({ fileConfig: this.fileConfig, catalogue: this.catalogue, problems: this.configProblems } = loaded);
        this.schedule(this.index.setConfig(effectiveConfig(this.fileConfig, this.settings), undefined, this.catalogue));
      });
    }).catch((error) => this.connection.console.error(`[sec] configuration failed: ${describeError(error)}`));
    return this.configuring;
  }

  /** The first folder's sec.config.json and the catalogue it names, read but not yet applied. */
  private async loadConfig(): Promise<LoadedConfig> {
    const root = this.folders[0];
    const uri = root ? Utils.joinPath(URI.parse(root), CONFIG_FILE_NAME).toString() : null;
    const [text] = uri ? await this.files.readTexts([uri]) : [null];
    if (!uri || text === null) return { fileConfig: defaultConfig(), catalogue: embeddedCatalogue(), problems: null };
    const { config, problems } = parseConfig(text);
    let catalogue = embeddedCatalogue();
    if (config.cataloguePath) {
      const loaded = configuredCatalogue(text, config.cataloguePath, await this.files.readCatalogueFiles(root, config.cataloguePath), embeddedCatalogue());
      catalogue = loaded.catalogue;
      problems.push(...loaded.problems);
    }
    if (problems.length === 0) return { fileConfig: config, catalogue, problems: null };
    this.log(`${CONFIG_FILE_NAME}: ${problems.map((p) => p.message).join(' ')}`);
    const diagnostics: CoreDiagnostic[] = problems.map((p) => ({ ...p, severity: 'warning', code: 'invalid-config' }));
    return { fileConfig: config, catalogue, problems: { uri, text, diagnostics } };
  }

  private isConfigFile(uri: string): boolean {
    const parsed = URI.parse(uri);
    return Utils.basename(parsed) === CONFIG_FILE_NAME && this.folders.includes(Utils.dirname(parsed).toString());
  }

  private isExcluded(uri: string): boolean {
    const patterns = effectiveConfig(this.fileConfig, this.settings).exclude;
    const key = JSON.stringify([this.folders, patterns]);
    if (this.exclusion.key !== key) this.exclusion = { key, matchers: this.folders.map((folder) => this.files.excluder(folder, patterns)) };
    return this.exclusion.matchers.some((matches) => matches(uri));
  }

  // ---- The workspace's files ----------------------------------------------------------------

  private async indexWorkspace(): Promise<void> {
    const started = Date.now();
    const exclude = effectiveConfig(this.fileConfig, this.settings).exclude;
    const files = (await Promise.all(this.folders.map((folder) => this.files.findSecFiles(folder, exclude)))).flat();
    let progress: WorkDoneProgressReporter | undefined;
    if (this.supports.progress) {
      progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('Indexing SEC files', 0, `0/${files.length}`, false);
    }
    const touched = new Set<string>(this.documents.all().map((document) => document.uri));
    await this.loadFiles(files, touched, progress);
    progress?.done();
    this.log(`indexed ${files.length} files in ${Date.now() - started} ms`);
    for (const uri of this.index.uris()) touched.add(uri);
    // What each file's diagnostics depend on, worked out now (about 60 ms for 20 MB) rather than
    // in the background, where it delayed the first requests and edits more than it costs here.
    this.guarded('prepare', undefined, () => this.index.prepareIncremental());
    this.schedule(touched, true);
    setTimeout(() => this.guarded('warm-up', undefined, () => warmUp(this.index)), 0);
  }

  /**
   * Reads and indexes the files a batch at a time, the next batch read while this one is parsed
   * (through the client, reading is a round trip), with requests and edits let in between
   * batches: the first request waits only for its own file.
   */
  private async loadFiles(files: readonly string[], touched: Set<string>, progress: WorkDoneProgressReporter | undefined): Promise<void> {
    const batches: string[][] = [];
    for (let i = 0; i < files.length; i += INDEXING_BATCH) batches.push(files.slice(i, i + INDEXING_BATCH));
    let reading = batches.length > 0 ? this.files.readTexts(batches[0]) : undefined;
    let done = 0;
    for (let b = 0; b < batches.length; b++) {
      const texts = await reading!;
      reading = b + 1 < batches.length ? this.files.readTexts(batches[b + 1]) : undefined;
      batches[b].forEach((uri, i) => {
        const text = texts[i];
        // An open document's text is the editor's, newer than the file's.
        if (text !== null && !this.documents.get(uri)) for (const affected of this.index.updateFile(uri, text)) touched.add(affected);
      });
      await this.unreadable(batches[b].filter((_, i) => texts[i] === null), touched);
      done += batches[b].length;
      if (done % INDEXING_BATCH === 0) {
        progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
        await this.platform.yieldNow();
      }
    }
  }

  private async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    if (changes.some((change) => this.isConfigFile(change.uri))) await this.applyConfiguration();
    const relevant = changes.filter(
      (change) => !this.isConfigFile(change.uri) && change.uri.endsWith(SEC_FILE_EXTENSION) && !this.documents.get(change.uri) && !this.isExcluded(change.uri),
    );
    const deleted = relevant.filter((change) => change.type === FileChangeType.Deleted).map((change) => change.uri);
    const changed = relevant.filter((change) => change.type !== FileChangeType.Deleted).map((change) => change.uri);
    const texts = await this.files.readTexts(changed);
    for (const uri of deleted) this.schedule([uri, ...this.index.removeFile(uri)]);
    changed.forEach((uri, i) => {
      const text = texts[i];
      if (text !== null && !this.documents.get(uri)) this.schedule(this.index.updateFile(uri, text));
    });
    await this.unreadable(changed.filter((_, i) => texts[i] === null));
  }

  /** A closed document is the file's text again, or nothing when it is no workspace file. */
  private async closed(uri: string): Promise<void> {
    const [text] = uri.endsWith(SEC_FILE_EXTENSION) && !this.isExcluded(uri) ? await this.files.readTexts([uri]) : [null];
    if (this.documents.get(uri)) return; // opened again meanwhile: the editor's text stands
    if (text !== null) this.schedule(this.index.updateFile(uri, text));
    else this.schedule([uri, ...this.index.removeFile(uri)]);
  }

  private changeFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = event.removed.map((folder) => normalised(folder.uri));
    const added = event.added.map((folder) => normalised(folder.uri));
    this.folders = [...this.folders.filter((folder) => !removed.includes(folder)), ...added];
    this.guarded('workspace folders', undefined, () => {
      for (const uri of this.index.uris()) {
        if (!this.documents.get(uri) && removed.some((folder) => normalised(uri).startsWith(`${folder}/`))) this.schedule([uri, ...this.index.removeFile(uri)]);
      }
    });
  }
}
