// The web extension (package.json `browser`), in VS Code for the Web's web worker extension
// host (vscode.dev, github.dev, the web UI of VS Code Server and code-server): starts the same
// language server, bundled for a worker, and answers its requests for the workspace's files.
// Commands, views and client options are shared with the desktop extension (activate.ts); what
// needs Node (running secls) is not offered here, and the palette hides it.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, MessageTransports } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient } from './activate';

/** What a web worker extension host offers of the Web Worker API (the project compiles against Node's types). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => ServerWorker;
declare const URL: { createObjectURL(blob: Blob): string; revokeObjectURL(url: string): void };

/** The running server's worker, and the URL its script was started from (a blob's, kept while the worker may still load it). */
let worker: ServerWorker | undefined;
let blobUrl: string | undefined;

function stopWorker(): void {
  worker?.terminate();
  if (blobUrl) URL.revokeObjectURL(blobUrl);
  worker = undefined;
  blobUrl = undefined;
}

/**
 * The server bundle in a worker of its own. A worker starts only from an http(s) or blob URL:
 * where the extension is not served over http (code-server's vscode-remote:, an extension
 * installed from a .vsix into the browser's storage), its script is read through the editor.
 */
async function startServer(context: vscode.ExtensionContext): Promise<MessageTransports> {
  stopWorker(); // a restart: the previous server has been asked to exit, and is not needed
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  if (script.scheme !== 'http' && script.scheme !== 'https') {
    // The worker loads the script after it starts (VS Code's Worker wraps it): the URL must outlive this call.
    blobUrl = URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(script)], { type: 'text/javascript' }));
  }
  const started = new Worker(blobUrl ?? script.toString(true));
  worker = started;
  return { reader: new BrowserMessageReader(started), writer: new BrowserMessageWriter(started) };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateClient(context, {
    createClient: (options) => new LanguageClient('sec', 'SEC Language Server', () => startServer(context), options),
    commands: {},
  });
}

export async function deactivate(): Promise<void> {
  await deactivateClient();
  stopWorker();
}
