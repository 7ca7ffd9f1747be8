// The commands and views both extensions offer (package.json `contributes.commands`), each a
// small function: the desktop adds only the commands that need a Node extension host
// (extension.ts). Everything of substance is computed by the server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import {
  amendedTextRequest, CATALOGUE_SCHEME, catalogueDocumentRequest, ClientCommand, ConflictPair, EditingCommandId, redlineRequest, ServerCommand,
  ServerCommandArguments,
} from '../../server/src/protocol';
import { CONSOLIDATION_SCHEME, ConsolidationDocuments, previewConsolidation, showConflicts } from './draftCommands';
import { restartClient, runningClient, send } from './languageClient';

/** Read-only documents showing a file with its tracked changes accepted; only this client knows them. */
const AMENDED_SCHEME = 'sec-amended';
const REDLINE_VIEW_TYPE = 'sec.redline';

export type ClientCommandId = (typeof ClientCommand)[keyof typeof ClientCommand];
/** `args`: what VS Code passes the command (a file's URI from the explorer's context menu). */
export type CommandHandler = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel, ...args: never[]) => unknown;

/** The commands every extension host runs; an entry point adds its own to these. */
export const SHARED_COMMANDS: Partial<Record<ClientCommandId, CommandHandler>> = {
  [ClientCommand.restartServer]: restartServer,
  [ClientCommand.showAmendedText]: showAmendedText,
  [ClientCommand.showRedline]: showRedline,
  [ClientCommand.renumberPart]: () => serverCommand(ServerCommand.renumberPart),
  [ClientCommand.insertClauseAfter]: () => serverCommand(ServerCommand.insertClauseAfter),
  [ClientCommand.showConflicts]: () => showConflicts(listConflicts),
  [ClientCommand.previewConsolidation]: () => previewConsolidation(send, consolidations),
};

/** The texts of consolidation previews, served as read-only documents. */
const consolidations = new ConsolidationDocuments();

/** The drafts' pairs of changes on one unit, from the server command that lists them. */
async function listConflicts(): Promise<ConflictPair[] | undefined> {
  return runningClient()?.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.listConflicts, arguments: [] }) as Promise<ConflictPair[] | undefined>;
}

/** The read-only documents the server's answers open: catalogue entries and amended text. */
export function registerDocumentViews(): vscode.Disposable[] {
  const catalogueDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await send(catalogueDocumentRequest, { uri: uri.toString() })) ?? `No SEC catalogue entry for ${uri.path}.`,
  };
  const amendedDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await send(amendedTextRequest, { uri: uri.query })) ?? `${uri.query} is not a SEC file of this workspace.`,
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(CONSOLIDATION_SCHEME, consolidations),
    vscode.workspace.registerTextDocumentContentProvider(CATALOGUE_SCHEME, catalogueDocuments),
    vscode.workspace.registerTextDocumentContentProvider(AMENDED_SCHEME, amendedDocuments),
  ];
}

/** The last segment of a URI's path: a file's name, on any file system. */
function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function activeSecEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'sec') {
    void vscode.window.showWarningMessage('Open a SEC (.sec) file first.');
    return undefined;
  }
  return editor;
}

async function restartServer(_context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  output.info('Restarting the SEC language server.');
  await restartClient();
}

/** Runs a server command at the cursor (the server computes the edit and asks VS Code to apply it). */
async function serverCommand(command: EditingCommandId): Promise<void> {
  const editor = activeSecEditor();
  const client = runningClient();
  if (!editor || !client) return;
  const position = editor.selection.active;
  const args: ServerCommandArguments = [editor.document.uri.toString(), { line: position.line, character: position.character }];
  await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

async function showAmendedText(): Promise<void> {
  const editor = activeSecEditor();
  if (!editor) return;
  const uri = vscode.Uri.from({ scheme: AMENDED_SCHEME, path: `/${fileName(editor.document.uri)} (amended)`, query: editor.document.uri.toString() });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'sec'), { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

async function showRedline(context: vscode.ExtensionContext): Promise<void> {
  const editor = activeSecEditor();
  if (!editor || !runningClient()) return;
  const source = editor.document.uri;
  const name = fileName(source);
  const redline = await send(redlineRequest, { uri: source.toString(), title: name });
  if (!redline) return;
  const panel = vscode.window.createWebviewPanel(REDLINE_VIEW_TYPE, `Redline: ${name}`, vscode.ViewColumn.Beside, { enableScripts: true });
  const nonce = Math.random().toString(36).slice(2);
  panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>${redline.style} .toolbar { padding: 8px 32px; font: 13px system-ui, sans-serif; }</style></head>
<body><div class="toolbar"><button id="export">Export as HTML…</button></div>${redline.body}
<script nonce="${nonce}">const vscode = acquireVsCodeApi(); document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));</script>
</body></html>`;
  panel.webview.onDidReceiveMessage(async (message: { type?: string }) => {
    if (message.type !== 'export') return;
    const target = await vscode.window.showSaveDialog({
      defaultUri: source.with({ path: source.path.replace(/\.sec$/, '') + '.redline.html' }),
      filters: { HTML: ['html'] },
    });
    if (target) {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(redline.document));
      void vscode.window.showInformationMessage(`Redline saved to ${target.scheme === 'file' ? target.fsPath : target.toString(true)}`);
    }
  }, undefined, context.subscriptions);
}
