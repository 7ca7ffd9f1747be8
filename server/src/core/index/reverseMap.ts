// Who cites what. Each file's summary knows every id its diagnostics depend on (its targets
// and their ancestors, `dependsOn`); the files citing an id are those whose set has it. A
// set lookup per file is a few microseconds for a whole workspace, so there is no map from
// ids to files to build and keep up to date. Computing the sets is the cost (about 1 ms per
// large file): an editor has them computed in the background after loading, and until then
// a file without its set is read instead (its references scanned), so nothing waits.

import { withinAny } from '../model/ids';
import type { FileSummary } from './summary';

export class ReverseMap {
  /** Files whose dependsOn is still to be computed in the background (null: not begun). */
  private pending: Set<string> | null = null;
  private complete = false;

  constructor(private readonly files: ReadonlyMap<string, FileSummary>) {}

  get isComplete(): boolean {
    return this.complete;
  }

  /** Computes the sets of at most `maxFiles` more files (those there when this began); true when complete. */
  build(maxFiles = Infinity): boolean {
    if (this.complete) return true;
    this.pending ??= new Set(this.files.keys());
    let budget = maxFiles;
    for (const uri of this.pending) {
      if (budget-- <= 0) return false;
      this.pending.delete(uri);
      void this.files.get(uri)?.dependsOn;
    }
    this.pending = null;
    this.complete = true;
    return true;
  }

  /** Files that cite any of the ids or something within one. */
  citersOfAny(ids: readonly string[]): string[] {
    const found: string[] = [];
    let cites: ((target: string | null) => boolean) | undefined;
    for (const summary of this.files.values()) {
      // Once built, a file's set is computed on demand (one file after an edit); before, it is read instead.
      if (summary.dependsOnKnown || this.complete) {
        const dependsOn = summary.dependsOn;
        if (ids.some((id) => dependsOn.has(id))) found.push(summary.uri);
        continue;
      }
      cites ??= withinAny(ids);
      const references = summary.parsed.references;
      for (let i = 0; i < references.length; i++) {
        if (cites(references[i].target)) {
          found.push(summary.uri);
          break;
        }
      }
    }
    return found;
  }
}
