// Debounced publishing: files whose diagnostics may have changed are collected, and after a
// quiet period each one's diagnostics are computed and sent only if they differ from what
// the editor already has.
import type { Diagnostic } from 'vscode-languageserver';

export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (uri: string, diagnostics: Diagnostic[]) => void,
    /** The diagnostics of a file now, or null when it is no longer in the workspace. */
    private readonly compute: (uri: string) => Diagnostic[] | null,
    private readonly onError: (error: unknown) => void,
    public delayMs: number,
  ) {}

  /** `immediately`: nothing is being typed (the workspace has just been loaded), so no reason to wait. */
  schedule(uris: Iterable<string>, immediately = false): void {
    for (const uri of uris) this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), immediately ? 0 : this.delayMs);
  }

  /** Sends diagnostics now, unless the editor already has exactly these. */
  publish(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.send(uri, diagnostics);
  }

  /** Clears what was published for a file, if anything was. */
  clear(uri: string): void {
    if (this.published.has(uri)) this.publish(uri, []);
  }

  private flush(): void {
    this.timer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      try {
        const diagnostics = this.compute(uri);
        if (diagnostics === null) this.clear(uri);
        else this.publish(uri, diagnostics);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
