// Who cites what. Each file's summary knows every id its diagnostics depend on (its targets
// and their ancestors, `dependsOn`); the files citing an id are those whose set has it. A
// set lookup per file is a few microseconds for a whole workspace, so there is no map from
// ids to files to build and keep up to date. Computing the sets is the cost (about 1 ms per
// large file): an editor has them all computed once the workspace is loaded; until then (or
// in a one-shot check) a file without its set is read instead, its references scanned.

import { withinAny } from '../model/ids';
import type { FileSummary } from './summary';

export class Citers {
  private complete = false;

  constructor(private readonly files: ReadonlyMap<string, FileSummary>) {}

  /** Computes every file's set; from now on a file's set is computed when first needed. */
  build(): void {
    for (const summary of this.files.values()) void summary.dependsOn;
    this.complete = true;
  }

  /** Files that cite any of the ids or something within one. */
  ofAny(ids: readonly string[]): string[] {
    const found: string[] = [];
    let cites: ((target: string | null) => boolean) | undefined;
    for (const summary of this.files.values()) {
      // Once built, a file's set is computed when first needed (one file after an edit); before, the file is read.
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
