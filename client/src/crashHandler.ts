// What the client does when its server crashes. A server that crashes on a file would be
// restarted, read the same file from disk and crash again, for ever: after a few crashes in a
// short while it is left stopped, and the user is told why, with the output one click away.
import * as vscode from 'vscode';
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient';
import { CrashCounter, MAX_CRASHES } from './crashCounter';

export function crashHandler(output: vscode.OutputChannel): ErrorHandler {
  const counter = new CrashCounter();
  return {
    // A broken message is the connection's trouble, not a crash: keep going.
    error: (_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult =>
      ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      if (counter.crashed()) return { action: CloseAction.Restart, handled: true };
      void vscode.window
        .showErrorMessage(
          `The SEC language server stopped ${MAX_CRASHES + 1} times in five minutes and is not restarted. A file in the workspace may be too much for it: see the output. Run "SEC: Restart Language Server" when it is fixed or excluded.`,
          'Show Output',
        )
        .then((choice) => choice && output.show());
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
