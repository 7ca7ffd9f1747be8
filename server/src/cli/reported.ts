// How a file command ends: what it printed on stdout and its exit status, or, for a usage
// error (a bad option, an unreadable or refused file), a message on stderr and status 2.
import { UsageError } from './checkGroup';
import type { Sink } from './output';

export interface CommandOutcome {
  output: string;
  exitCode: number;
}

/** Runs a command and prints its output through `out`, which waits for a slow pipe (a redline of a large draft is megabytes). */
export async function reported(run: () => CommandOutcome | Promise<CommandOutcome>, out: Sink): Promise<number> {
  try {
    const { output, exitCode } = await run();
    await out(output);
    return exitCode;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`secls: ${error.message}\n`);
    return 2;
  }
}
