// A minimal LSP client for protocol tests: spawns the built server (stdio, or IPC as VS Code
// does) and talks JSON-RPC to it like an editor; or runs the web worker's server bundle in a
// worker thread as a browser would (webWorker.ts), and answers its requests for the workspace's
// files from memory as the web client answers them through vscode.workspace.
import { ChildProcess, fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader, AbstractMessageWriter, createMessageConnection, DataCallback, Disposable, IPCMessageReader, IPCMessageWriter, Message,
  MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findFilesRequest, FindFilesParams, readDirectoryRequest, readFilesRequest } from '../../server/src/protocol';

export type Transport = 'stdio' | 'ipc';
export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');
export const BROWSER_SERVER = join(__dirname, '..', '..', '..', 'dist', 'browserServer.js');

/** A workspace the editor holds, not on disk: file URI → text. The client answers the server's file requests from it. */
export type MemoryFiles = Map<string, string>;

/** Messages to and from a worker thread, as a browser's postMessage carries them to and from a web worker. */
class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (error) => this.fireError(error));
  }

  listen(callback: DataCallback): Disposable {
    const listener = (message: Message): void => callback(message);
    this.worker.on('message', listener);
    return { dispose: () => void this.worker.off('message', listener) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }

  end(): void {}
}

/** Answers sec/findFiles, sec/readFiles and sec/readDirectory as the client does, from `files`. */
function answerFiles(connection: MessageConnection, files: MemoryFiles): void {
  connection.onRequest(findFilesRequest.method, ({ folder }: FindFilesParams) => [...files.keys()].filter((uri) => uri.startsWith(`${folder}/`) && uri.endsWith('.sec')));
  connection.onRequest(readFilesRequest.method, ({ uris }: { uris: string[] }) => uris.map((uri) => files.get(uri) ?? null));
  connection.onRequest(readDirectoryRequest.method, ({ uri }: { uri: string }) => {
    const names = [...files.keys()].filter((key) => key.startsWith(`${uri}/`)).map((key) => key.slice(uri.length + 1).split('/')[0]);
    return names.length > 0 ? [...new Set(names)] : null;
  });
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: unknown[] = [];
  /** Edits the server asked the editor to apply (workspace/applyEdit). */
  readonly appliedEdits: Array<{ label?: string; edit: unknown }> = [];
  readonly messages: string[] = [];
  /** How often the server asked the editor to ask again for code lenses (workspace/codeLens/refresh). */
  codeLensRefreshes = 0;
  /** How often the server asked the editor to ask again for semantic tokens (workspace/semanticTokens/refresh). */
  semanticTokensRefreshes = 0;
  /** What the server answered to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown> } | undefined;
  private readonly listeners: Array<() => void> = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  private constructor(private readonly child: { kill(): unknown }, connection: MessageConnection, public settings: unknown) {
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const listener of [...this.listeners]) listener();
    });
    connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.messages.push(params.message);
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      return null;
    });
    connection.onRequest('workspace/semanticTokens/refresh', () => {
      this.semanticTokensRefreshes++;
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    connection.listen();
  }

  /** `server`: the bundle to run (by default the built dist/server.js). */
  static async start(
    transport: Transport, folder: string, settings: unknown = {}, initializationOptions: unknown = { diagnosticsDelayMs: 50 }, server = SERVER,
  ): Promise<TestClient> {
    let child: ChildProcess;
    let connection: MessageConnection;
    if (transport === 'stdio') {
      child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    } else {
      child = fork(server, ['--node-ipc'], { silent: true });
      connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    }
    const client = new TestClient(child, connection, settings);
    child.stderr?.on('data', (chunk) => (client.stderr += String(chunk)));
    await client.initialize(`file://${folder}`, initializationOptions);
    return client;
  }

  /**
   * The web worker's server (dist/browserServer.js) in a worker thread with none of Node's
   * globals (webWorker.ts), on a workspace that exists only in `files`, as the web client
   * serves it; `initializationOptions` as the web client sends them.
   */
  static async startInWorker(rootUri: string, files: MemoryFiles, settings: unknown = {}, initializationOptions: unknown = {}): Promise<TestClient> {
    const worker = new Worker(join(__dirname, 'webWorker.js'), { workerData: { script: BROWSER_SERVER } });
    const connection = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
    const client = new TestClient({ kill: () => worker.terminate() }, connection, settings);
    worker.on('error', (error) => (client.stderr += `${error.stack ?? error}\n`));
    answerFiles(connection, files);
    await client.initialize(rootUri, { workspaceFiles: true, diagnosticsDelayMs: 50, ...(initializationOptions as object) });
    return client;
  }

  /** The Node server on a workspace that is not on its disk (a virtual workspace), whose files the client serves. */
  static async startVirtual(rootUri: string, files: MemoryFiles, settings: unknown = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, settings);
    child.stderr?.on('data', (chunk) => (client.stderr += String(chunk)));
    answerFiles(connection, files);
    await client.initialize(rootUri, { workspaceFiles: true, diagnosticsDelayMs: 50 });
    return client;
  }

  private async initialize(rootUri: string, initializationOptions: unknown): Promise<void> {
    const connection = this.connection;
    this.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      initializationOptions,
      capabilities: {
        workspace: {
          configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, codeLens: { refreshSupport: true },
          semanticTokens: { refreshSupport: true },
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { codeDescriptionSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
    await connection.sendNotification('initialized', {});
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sec', version: 1, text } });
  }

  /** Replaces a range of an open document (incremental sync). */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Waits until the diagnostics published for a URI satisfy a predicate. */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const current = this.diagnostics.get(uri);
        if (current && predicate(current)) {
          resolve(current);
          return true;
        }
        return false;
      };
      if (check()) return;
      const listener = (): void => {
        if (check()) {
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          clearTimeout(timer);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      void this.connection.sendNotification('exit');
    } finally {
      setTimeout(() => this.child.kill(), 200);
      this.connection.dispose();
    }
  }
}
