// The language server as a Node process: VS Code starts it over IPC, any other LSP editor with
// `node dist/server.js --stdio`. The lifecycle is lsp/languageServer.ts's, the same as in a web
// worker (browserServer.ts); this adds what only Node has: files read from the disk, the user
// README found beside this bundle, and the heap setting below.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LanguageServer } from './lsp/languageServer';
import { nodeFileAccess } from './node/nodeFileAccess';
import { ClientFileAccess } from './web/clientFileAccess';

// Every edit of a large file leaves its old text behind (and a document's text is replaced
// whole on each keystroke). By default V8 lets the heap grow to about twice what is live
// before a full collection; collecting at one and a half times keeps a long-running server
// holding a large workspace much smaller, for a few more concurrent collections, and costs
// the start-up nothing measurable (docs/performance.md).
setFlagsFromString('--heap-growing-percent=50');

const connection = createConnection(ProposedFeatures.all);
/** The user README beside dist/ (a package) or beside out/server/src/ (the repository's tests). */
const README_FOLDERS = [join(__dirname, '..'), join(__dirname, '..', '..', '..')];

const server = new LanguageServer(connection, {
  // Folders that are not on this disk (a virtual workspace) are read through the editor, when it offers to.
  files: (options) => nodeFileAccess(
    README_FOLDERS,
    options.workspaceFiles ? new ClientFileAccess((method, params) => connection.sendRequest(method, params)) : undefined,
  ),
  yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
});

// A stray rejected promise must never take the server down with it.
process.on('unhandledRejection', (reason) => server.reportUnhandled(reason));

server.listen();
