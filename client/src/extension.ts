// The VS Code client: starts the language server over IPC and wires in what VS Code needs
// (catalogue documents, the restart command, an output channel). Nothing of substance here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

const CATALOGUE_SCHEME = 'sec-catalogue';
let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sec' }],
    synchronize: { configurationSection: 'sec' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('sec', 'SEC Language Server', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SEC Language Server', { log: true });
  client = createClient(context, output);
  const catalogueDocuments: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await client?.sendRequest<string | null>('sec/catalogueDocument', { uri: uri.toString() })) ?? `No SEC catalogue entry for ${uri.path}.`,
  };
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider(CATALOGUE_SCHEME, catalogueDocuments),
    vscode.commands.registerCommand('sec.restartServer', async () => {
      output.info('Restarting the SEC language server.');
      await client?.restart();
    }),
    { dispose: () => void client?.stop() },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
