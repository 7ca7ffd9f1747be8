// A minimal LSP client for protocol tests: spawns the built server (stdio, or IPC as VS Code
// does) and talks JSON-RPC to it like an editor.
import { ChildProcess, fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export type Transport = 'stdio' | 'ipc';
export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: unknown[] = [];
  /** Edits the server asked the editor to apply (workspace/applyEdit). */
  readonly appliedEdits: Array<{ label?: string; edit: unknown }> = [];
  readonly messages: string[] = [];
  /** How often the server asked the editor to ask again for code lenses (workspace/codeLens/refresh). */
  codeLensRefreshes = 0;
  private readonly listeners: Array<() => void> = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  private constructor(private readonly child: ChildProcess, connection: MessageConnection, public settings: unknown) {
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
    const rootUri = `file://${folder}`;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { codeDescriptionSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
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
