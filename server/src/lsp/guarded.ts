// One failing request must never take the server down or leave the editor waiting: every
// handler runs guarded, its failure logged and answered with the handler's empty result.
import type { RemoteConsole } from 'vscode-languageserver';

export type Guarded = <T>(name: string, empty: T, run: () => T) => T;

/** What a failure looks like in the log: its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

export function guardedBy(console: RemoteConsole): Guarded {
  return (name, empty, run) => {
    try {
      return run();
    } catch (error) {
      console.error(`[sec] ${name} failed: ${describeError(error)}`);
      return empty;
    }
  };
}
