// The report is written as it is produced, a megabyte at a time, never built as one string:
// a 20 MB workspace's JSON report is 64 MB, and held whole it was 8 times the input in memory.

/** Where written text goes; resolves when more may be written (the stream has drained). */
export type Sink = (chunk: string) => Promise<void>;

const CHUNK_CHARACTERS = 1 << 20;

export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: Sink) {}

  /** Adds text; true when enough has gathered to be flushed (awaiting only then keeps the many small writes cheap). */
  write(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK_CHARACTERS;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sink(chunk);
  }
}

/**
 * Standard output, waiting for it to drain when it is slower than the report (a pipe to a slow
 * reader). A closed pipe (`secls check | head`) is not an error: the rest is not written, and
 * the run still ends with the status of the check.
 */
export function stdoutSink(): Sink {
  const stdout = process.stdout;
  let closed = false;
  let waiting: (() => void) | undefined;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    waiting?.();
  });
  return (chunk) =>
    new Promise((resolve) => {
      if (closed || stdout.write(chunk)) return resolve();
      waiting = resolve;
      stdout.once('drain', resolve);
    });
}
