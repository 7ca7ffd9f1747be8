// Ids that tracked changes delete → the files that delete them. A reference anywhere to a
// deleted unit is a warning naming those files, so both indexes keep this table.

import type { ParsedDocument } from '../model/types';

export class Deletions {
  private readonly byId = new Map<string, string[]>();

  /** Files whose tracked changes delete an id. */
  of(id: string): readonly string[] | undefined {
    return this.byId.get(id);
  }

  get any(): boolean {
    return this.byId.size > 0;
  }

  /** A file's deletions are now `next`'s (undefined: the file is gone); returns the ids whose deleting files changed. */
  replace(uri: string, previous: ParsedDocument | undefined, next: ParsedDocument | undefined): string[] {
    const before = new Set(previous?.deleted.map((deleted) => deleted.id) ?? []);
    const after = new Set(next?.deleted.map((deleted) => deleted.id) ?? []);
    const changed: string[] = [];
    for (const id of before) {
      if (after.has(id)) continue;
      changed.push(id);
      const remaining = (this.byId.get(id) ?? []).filter((other) => other !== uri);
      if (remaining.length > 0) this.byId.set(id, remaining);
      else this.byId.delete(id);
    }
    for (const id of after) {
      if (before.has(id)) continue;
      changed.push(id);
      this.byId.set(id, [...(this.byId.get(id) ?? []), uri].sort());
    }
    return changed;
  }
}
