// The VS Code client: starts the language server over IPC and wires in what VS Code needs
// (catalogue and amended-text documents, the redline view, commands, an output channel).
// Everything of substance is computed by the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

const CATALOGUE_SCHEME = 'sec-catalogue';
const AMENDED_SCHEME = 'sec-amended';
let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Real files and new ones only: the read-only amended-text and catalogue views are not drafting files.
    documentSelector: [{ language: 'sec', scheme: 'file' }, { language: 'sec', scheme: 'untitled' }],
    synchronize: { configurationSection: 'sec' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('sec', 'SEC Language Server', serverOptions, clientOptions);
}

function activeSecEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'sec') {
    void vscode.window.showWarningMessage('Open a SEC (.sec) file first.');
    return undefined;
  }
  return editor;
}

/** Runs a server command at the cursor (the server computes the edit and asks VS Code to apply it). */
async function serverCommand(command: string): Promise<void> {
  const editor = activeSecEditor();
  if (!editor || !client) return;
  const position = editor.selection.active;
  await client.sendRequest('workspace/executeCommand', {
    command,
    arguments: [editor.document.uri.toString(), { line: position.line, character: position.character }],
  });
}

async function showRedline(context: vscode.ExtensionContext): Promise<void> {
  const editor = activeSecEditor();
  if (!editor || !client) return;
  const source = editor.document.uri;
  const name = path.basename(source.path);
  const redline = await client.sendRequest<{ body: string; style: string; document: string } | null>('sec/redline', { uri: source.toString(), title: name });
  if (!redline) return;
  const panel = vscode.window.createWebviewPanel('sec.redline', `Redline: ${name}`, vscode.ViewColumn.Beside, { enableScripts: true });
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
      await vscode.workspace.fs.writeFile(target, Buffer.from(redline.document, 'utf8'));
      void vscode.window.showInformationMessage(`Redline saved to ${target.fsPath}`);
    }
  }, undefined, context.subscriptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SEC Language Server', { log: true });
  client = createClient(context, output);
  const catalogueDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await client?.sendRequest<string | null>('sec/catalogueDocument', { uri: uri.toString() })) ?? `No SEC catalogue entry for ${uri.path}.`,
  };
  const amendedDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await client?.sendRequest<string | null>('sec/amendedText', { uri: uri.query })) ?? `${uri.query} is not a SEC file of this workspace.`,
  };
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider(CATALOGUE_SCHEME, catalogueDocuments),
    vscode.workspace.registerTextDocumentContentProvider(AMENDED_SCHEME, amendedDocuments),
    vscode.commands.registerCommand('sec.restartServer', async () => {
      output.info('Restarting the SEC language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('sec.showAmendedText', async () => {
      const editor = activeSecEditor();
      if (!editor) return;
      const uri = vscode.Uri.from({ scheme: AMENDED_SCHEME, path: `/${path.basename(editor.document.uri.path)} (amended)`, query: editor.document.uri.toString() });
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'sec'), { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('sec.showRedline', () => showRedline(context)),
    vscode.commands.registerCommand('sec.renumberPart', () => serverCommand('sec.server.renumberPart')),
    vscode.commands.registerCommand('sec.insertClauseAfter', () => serverCommand('sec.server.insertClauseAfter')),
    { dispose: () => void client?.stop() },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
