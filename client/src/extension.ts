// The desktop extension (package.json `main`), in a Node extension host: starts the language
// server as a Node process over IPC and adds what needs Node, running secls. The commands,
// views and client options it shares with the web extension (browserExtension.ts) are in
// activate.ts, commands.ts and languageClient.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ClientCommand, SETTINGS_SECTION } from '../../server/src/protocol';
import { activateClient, deactivateClient } from './activate';
import { exportToWord, importWordDocument } from './draftCommands';
import { send } from './languageClient';

/**
 * The palette shows "Check Workspace with secls" only where this is set (package.json `menus`):
 * in a Node extension host, which can start secls; a web worker's cannot, even where the
 * workbench itself could run a process (VS Code Server's web UI). The Word commands need it
 * too: their converters are loaded by the Node server at run time (dist/word.js).
 */
const CAN_RUN_SECLS = 'sec.canRunSecls';

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

/**
 * Runs the packaged secls (dist/cli.js) on each workspace folder as a task, its report in the
 * task's terminal as CI would print it; resolves to each run's exit status (0 clean, 1 errors).
 * Node runs it: the extension host's own executable, as node (ELECTRON_RUN_AS_NODE) where that
 * is VS Code's Electron. The palette offers it only where this client has set CAN_RUN_SECLS.
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
  await vscode.commands.executeCommand('setContext', CAN_RUN_SECLS, true);
  await activateClient(context, {
    createClient: (options) => new LanguageClient('sec', 'SEC Language Server', serverOptions(context), options),
    commands: {
      [ClientCommand.checkWorkspace]: checkWorkspace,
      [ClientCommand.exportWord]: (_context, _output, target?: vscode.Uri) => exportToWord(send, target),
      [ClientCommand.importWord]: (_context, _output, source?: vscode.Uri) => importWordDocument(send, source),
    },
  });
}

export async function deactivate(): Promise<void> {
  await deactivateClient();
}
