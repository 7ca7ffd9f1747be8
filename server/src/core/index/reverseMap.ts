// Who cites what: id → the files that cite it or something within it (their "dependsOn"
// sets: targets and the targets' ancestors). An editor needs it to know which files an edit
// can affect; a workspace loads without it, and it is built afterwards a few files at a time.
// Until it is complete it answers from the files it has and reads the others' references,
// so that nothing ever waits for it.

import { withinAny } from '../model/ids';
import type { FileSummary } from './summary';

export class ReverseMap {
  /** Each file once per id: lists are lighter than sets. */
  private readonly citers = new Map<string, string[]>();
  private complete = false;
  /** Files not yet in the map while it is being built (null: not begun). */
  private pending: Set<string> | null = null;

  constructor(private readonly files: ReadonlyMap<string, FileSummary>) {}

  get isComplete(): boolean {
    return this.complete;
  }

  /** Adds at most `maxFiles` more files (the ones there when building began); true when complete. */
  build(maxFiles = Infinity): boolean {
    if (this.complete) return true;
    this.pending ??= new Set(this.files.keys());
    let budget = maxFiles;
    for (const uri of this.pending) {
      if (budget-- <= 0) return false;
      this.pending.delete(uri);
      const summary = this.files.get(uri);
      if (summary) this.replace(uri, undefined, summary);
    }
    this.pending = null;
    this.complete = true;
    return true;
  }

  /**
   * A file changed from `previous` to `next` (either may be absent). Half-built, a file already
   * in the map (or new since building began) is updated in it; the files still to add will be
   * added with their summaries of the time; before building begins there is nothing to do.
   */
  update(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined): void {
    if (this.complete || (this.pending !== null && !this.pending.has(uri))) this.replace(uri, previous, next);
  }

  /** Files that cite any of the ids or something within one. */
  citersOfAny(ids: readonly string[]): string[] {
    if (this.complete && ids.length === 1) return [...(this.citers.get(ids[0]) ?? [])];
    const found = new Set<string>();
    if (this.complete || this.pending) {
      for (const id of ids) for (const uri of this.citers.get(id) ?? []) found.add(uri);
      if (this.complete) return [...found];
    }
    // The files not yet in the map are read instead: a few milliseconds at most.
    const cites = withinAny(ids);
    for (const uri of this.pending ?? this.files.keys()) {
      const references = this.files.get(uri)?.parsed.references ?? [];
      for (let i = 0; i < references.length; i++) {
        if (cites(references[i].target)) {
          found.add(uri);
          break;
        }
      }
    }
    return [...found];
  }

  private replace(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined): void {
    if (previous && next && previous.dependsOn === next.dependsOn) return;
    if (previous) {
      for (const id of previous.dependsOn) {
        if (next?.dependsOn.has(id)) continue;
        const list = this.citers.get(id);
        if (!list) continue;
        const at = list.indexOf(uri);
        if (at !== -1) list.splice(at, 1);
        if (list.length === 0) this.citers.delete(id);
      }
    }
    if (next) {
      for (const id of next.dependsOn) {
        if (previous?.dependsOn.has(id)) continue; // in the map already
        const list = this.citers.get(id);
        if (list) list.push(uri);
        else this.citers.set(id, [uri]);
      }
    }
  }
}
