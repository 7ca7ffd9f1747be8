// How a file command ends: what it printed on stdout and its exit status, or, for a usage
// error (a bad option, an unreadable or refused file), a message on stderr and status 2.
import { UsageError } from './checkGroup';

export interface CommandOutcome {
  output: string;
  exitCode: number;
}

function printed({ output, exitCode }: CommandOutcome): number {
  process.stdout.write(output);
  return exitCode;
}

function failed(error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`secls: ${error.message}\n`);
  return 2;
}

export function reported(run: () => CommandOutcome): number;
export function reported(run: () => Promise<CommandOutcome>): Promise<number>;
export function reported(run: () => CommandOutcome | Promise<CommandOutcome>): number | Promise<number> {
  try {
    const outcome = run();
    return outcome instanceof Promise ? outcome.then(printed, failed) : printed(outcome);
  } catch (error) {
    return failed(error);
  }
}
