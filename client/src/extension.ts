// The VS Code client: starts the language server over IPC and wires in what VS Code needs
// (catalogue and amended-text documents, the redline view, commands, an output channel).
// Everything of substance is computed by the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  amendedTextRequest, CATALOGUE_SCHEME, catalogueDocumentRequest, ClientCommand, ConflictPair, CustomRequest, EditingCommandId, redlineRequest, ServerCommand,
  ServerCommandArguments, SETTINGS_SECTION, SHOW_REFERENCES_COMMAND,
} from '../../server/src/protocol';
import { CONSOLIDATION_SCHEME, ConsolidationDocuments, exportToWord, importWordDocument, previewConsolidation, showConflicts } from './draftCommands';

/** Read-only documents showing a file with its tracked changes accepted; only this client knows them. */
const AMENDED_SCHEME = 'sec-amended';
const REDLINE_VIEW_TYPE = 'sec.redline';
let client: LanguageClient | undefined;

/** A custom request to the server, its parameters and result checked against server/src/protocol.ts. */
async function send<Params, Result>(request: CustomRequest<Params, Result>, params: Params): Promise<Result | undefined> {
  return client?.sendRequest<Result>(request.method, params);
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Real files and new ones only: the read-only amended-text and catalogue views are not drafting files.
    documentSelector: [{ language: 'sec', scheme: 'file' }, { language: 'sec', scheme: 'untitled' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      resolveCodeLens: async (lens, token, next) => withReferenceArguments(await next(lens, token)),
    },
  };
  return new LanguageClient('sec', 'SEC Language Server', serverOptions, clientOptions);
}

/**
 * A lens's click is VS Code's SHOW_REFERENCES_COMMAND, which takes a Uri, a Position and
 * Locations; over LSP its arguments arrive as plain JSON, and VS Code refuses them as they are.
 */
function withReferenceArguments<T extends vscode.CodeLens | null | undefined>(lens: T): T {
  const command = lens?.command;
  if (!client || !command || command.command !== SHOW_REFERENCES_COMMAND || !Array.isArray(command.arguments)) return lens;
  const [uri, position, locations] = command.arguments as [string, { line: number; character: number }, Array<{ uri: string; range: never }>];
  const convert = client.protocol2CodeConverter;
  command.arguments = [convert.asUri(uri), convert.asPosition(position), locations.map((location) => convert.asLocation(location))];
  return lens;
}

function activeSecEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'sec') {
    void vscode.window.showWarningMessage('Open a SEC (.sec) file first.');
    return undefined;
  }
  return editor;
}

/** The drafts' pairs of changes on one unit, from the server command that lists them. */
async function listConflicts(): Promise<ConflictPair[] | undefined> {
  return client?.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.listConflicts, arguments: [] }) as Promise<ConflictPair[] | undefined>;
}

/** Runs a server command at the cursor (the server computes the edit and asks VS Code to apply it). */
async function serverCommand(command: EditingCommandId): Promise<void> {
  const editor = activeSecEditor();
  if (!editor || !client) return;
  const position = editor.selection.active;
  const args: ServerCommandArguments = [editor.document.uri.toString(), { line: position.line, character: position.character }];
  await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

async function showRedline(context: vscode.ExtensionContext): Promise<void> {
  const editor = activeSecEditor();
  if (!editor || !client) return;
  const source = editor.document.uri;
  const name = path.basename(source.path);
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
      await vscode.workspace.fs.writeFile(target, Buffer.from(redline.document, 'utf8'));
      void vscode.window.showInformationMessage(`Redline saved to ${target.fsPath}`);
    }
  }, undefined, context.subscriptions);
}

/**
 * Runs the packaged secls (dist/cli.js) on each workspace folder as a task, its report in the
 * task's terminal as CI would print it; resolves to each run's exit status (0 clean, 1 errors).
 * Node runs it: the extension host's own executable, as node (ELECTRON_RUN_AS_NODE) where that
 * is VS Code's Electron. The palette hides the command where no process can run (a web host).
 */
async function checkWorkspace(context: vscode.ExtensionContext): Promise<Array<number | undefined>> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder of SEC (.sec) files first.');
    return [];
  }
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const catalogue = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('catalogue.enabled', true);
  const args = [cli, 'check', ...(catalogue ? [] : ['--no-catalogue'])];
  return Promise.all(folders.map(async (folder) => {
    const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task({ type: 'secls' }, folder, `check ${folder.name}`, 'secls', execution, []);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
    return exitStatusOf(task);
  }));
}

/** Runs a task and resolves to its process's exit status; listening starts first, so that a quick run is not missed. */
function exitStatusOf(task: vscode.Task): Promise<number | undefined> {
  return new Promise((resolve) => {
    let running: vscode.TaskExecution | undefined;
    const early: vscode.TaskProcessEndEvent[] = [];
    const finish = (code: number | undefined): void => {
      listener.dispose();
      resolve(code);
    };
    const listener = vscode.tasks.onDidEndTaskProcess((event) => {
      if (!running) early.push(event);
      else if (event.execution === running) finish(event.exitCode);
    });
    vscode.tasks.executeTask(task).then((execution) => {
      running = execution;
      const ended = early.find((event) => event.execution === execution);
      if (ended) finish(ended.exitCode);
    }, (error: unknown) => {
      void vscode.window.showErrorMessage(`secls could not run: ${error instanceof Error ? error.message : String(error)}`);
      finish(undefined);
    });
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SEC Language Server', { log: true });
  client = createClient(context, output);
  const catalogueDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await send(catalogueDocumentRequest, { uri: uri.toString() })) ?? `No SEC catalogue entry for ${uri.path}.`,
  };
  const amendedDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await send(amendedTextRequest, { uri: uri.query })) ?? `${uri.query} is not a SEC file of this workspace.`,
  };
  const consolidations = new ConsolidationDocuments();
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider(CONSOLIDATION_SCHEME, consolidations),
    vscode.commands.registerCommand(ClientCommand.showConflicts, () => showConflicts(listConflicts)),
    vscode.commands.registerCommand(ClientCommand.previewConsolidation, () => previewConsolidation(send, consolidations)),
    vscode.commands.registerCommand(ClientCommand.exportWord, (target?: vscode.Uri) => exportToWord(send, target)),
    vscode.commands.registerCommand(ClientCommand.importWord, (source?: vscode.Uri) => importWordDocument(send, source)),
    vscode.workspace.registerTextDocumentContentProvider(CATALOGUE_SCHEME, catalogueDocuments),
    vscode.workspace.registerTextDocumentContentProvider(AMENDED_SCHEME, amendedDocuments),
    vscode.commands.registerCommand(ClientCommand.restartServer, async () => {
      output.info('Restarting the SEC language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand(ClientCommand.showAmendedText, async () => {
      const editor = activeSecEditor();
      if (!editor) return;
      const uri = vscode.Uri.from({ scheme: AMENDED_SCHEME, path: `/${path.basename(editor.document.uri.path)} (amended)`, query: editor.document.uri.toString() });
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'sec'), { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand(ClientCommand.showRedline, () => showRedline(context)),
    vscode.commands.registerCommand(ClientCommand.renumberPart, () => serverCommand(ServerCommand.renumberPart)),
    vscode.commands.registerCommand(ClientCommand.insertClauseAfter, () => serverCommand(ServerCommand.insertClauseAfter)),
    vscode.commands.registerCommand(ClientCommand.checkWorkspace, () => checkWorkspace(context)),
    { dispose: () => void client?.stop() },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
