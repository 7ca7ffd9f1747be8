// The language client both extensions share (extension.ts in a Node extension host,
// browserExtension.ts in a web worker): its options, the one running client, and requests to
// its server. Each entry point says only how its server is started.
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CustomRequest, InitializationOptions, SETTINGS_SECTION, SHOW_REFERENCES_COMMAND } from '../../server/src/protocol';
import { crashHandler } from './crashHandler';

let client: BaseLanguageClient | undefined;

/** The running client, if the extension is active. */
export function runningClient(): BaseLanguageClient | undefined {
  return client;
}

/** A custom request to the server, its parameters and result checked against server/src/protocol.ts. */
export async function send<Params, Result>(request: CustomRequest<Params, Result>, params: Params): Promise<Result | undefined> {
  return client?.sendRequest<Result>(request.method, params);
}

/**
 * Files on disk, new files, and the workspace's own files where its folders are not on disk
 * (github.dev's vscode-vfs:, code-server's vscode-remote: in a browser); never the read-only
 * amended-text and catalogue views, which are not drafting files.
 */
function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ language: 'sec', scheme }));
}

export function clientOptions(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClientOptions {
  const initializationOptions: InitializationOptions = { workspaceFiles: true, extensionUri: context.extensionUri.toString() };
  return {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions,
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: crashHandler(output),
    middleware: {
      resolveCodeLens: async (lens, token, next) => withReferenceArguments(await next(lens, token)),
    },
  };
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

/** Makes this the running client; `start` it once its request handlers are in place. */
export function useClient(created: BaseLanguageClient): BaseLanguageClient {
  client = created;
  return created;
}

/** Stops the server and starts a new one, which indexes the workspace again. */
export async function restartClient(): Promise<void> {
  const running = client as (BaseLanguageClient & { restart?(): Promise<void> }) | undefined;
  if (running?.restart) {
    await running.restart(); // the Node client's: it also waits for a debugged server's port to be free
  } else {
    await running?.stop();
    await running?.start();
  }
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
