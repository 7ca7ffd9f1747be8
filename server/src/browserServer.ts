// The language server as a web worker, for VS Code for the Web (vscode.dev, github.dev, the web
// UI of VS Code Server and code-server): the browser client starts this bundle in a worker and
// talks to it through postMessage. The lifecycle is lsp/languageServer.ts's, as in the Node
// process (server.ts); a worker has no disk, so every file comes through the editor.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { LanguageServer } from './lsp/languageServer';
import { ClientFileAccess } from './web/clientFileAccess';

/** The worker's global scope, as much of it as is used here (the project compiles against Node's types, not the WebWorker ones). */
declare const self: {
  postMessage(message: unknown): void;
  close(): void;
  addEventListener(type: 'message' | 'unhandledrejection', listener: (event: { data?: unknown; reason?: unknown }) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

const server = new LanguageServer(connection, {
  files: (options) => new ClientFileAccess((method, params) => connection.sendRequest(method, params), options.extensionUri),
  // A macrotask, so that messages already posted to the worker are read first.
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
});

// A worker outlives its connection unless it ends itself: the client asks the server to exit on stop and restart.
connection.onExit(() => self.close());

// A stray rejected promise must never take the server down with it.
self.addEventListener('unhandledrejection', (event) => server.reportUnhandled(event.reason));

server.listen();
