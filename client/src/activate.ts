// Activation, the same for both extensions: the client is created by the entry point (with
// how its server starts), then given its commands, views and file answers, and started.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ClientCommandId, CommandHandler, registerDocumentViews, SHARED_COMMANDS } from './commands';
import { clientOptions, stopClient, useClient } from './languageClient';
import { answerFileRequests } from './workspaceFiles';

export interface ClientPlatform {
  /** The language client, its server started as this extension host can. */
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** Commands only this extension host can run, beside the shared ones. */
  commands: Partial<Record<ClientCommandId, CommandHandler>>;
}

export async function activateClient(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<void> {
  const output = vscode.window.createOutputChannel('SEC Language Server', { log: true });
  const client = useClient(platform.createClient(clientOptions(context, output)));
  const commands = { ...SHARED_COMMANDS, ...platform.commands };
  context.subscriptions.push(
    output,
    ...registerDocumentViews(),
    ...answerFileRequests(client, vscode),
    ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, (...args: never[]) => run(context, output, ...args))),
    { dispose: () => void stopClient() },
  );
  await client.start();
}

export async function deactivateClient(): Promise<void> {
  await stopClient();
}
