// Resolved references per file, kept across edits. After an edit a file's resolution is
// either still valid, partly stale (only its references within some changed ids are
// resolved again, in place), or its file was re-parsed: in place (the references it kept
// keep their entries, diagnostics included) or whole (new references reuse the old
// resolutions of the same targets). Within the changed ids everything is resolved again.
import { withinAny } from '../model/ids';
import type { Reference, ReferenceWindow } from '../model/types';
import { entry } from '../resolve/checker';
import type { ResolvedReference } from '../resolve/diagnostics';
import type { Resolution } from '../resolve/statuses';
import type { ReferenceResolution } from './workspaceIndex';

/** Past this many changed ids, testing each reference costs more than resolving it again. */
const PARTIAL_LIMIT = 256;

/** What a re-parsed file's next resolution may reuse from its previous one. */
interface Carried {
  /** The previous resolution's entries, in the previous references' order. */
  entries: readonly ResolvedReference[];
  /** From an in-place re-parse: the references before and after the re-read window are the same objects. */
  window?: ReferenceWindow;
  changed: string[];
}

export class ResolutionCache {
  private readonly resolved = new Map<string, ReferenceResolution>();
  private readonly stale = new Map<string, Set<string>>();
  private readonly carried = new Map<string, Carried>();

  get isEmpty(): boolean {
    return this.resolved.size === 0;
  }

  has(uri: string): boolean {
    return this.resolved.has(uri);
  }

  /** The cached resolution, if nothing it depends on has changed. */
  valid(uri: string): ReferenceResolution | undefined {
    return this.stale.has(uri) ? undefined : this.resolved.get(uri);
  }

  /** Resolves a file's references, reusing whatever the edits since the last time left valid. */
  resolveReferences(uri: string, references: readonly Reference[], resolve: (reference: Reference) => Resolution): ResolvedReference[] {
    const cached = this.resolved.get(uri);
    const stale = this.stale.get(uri);
    const carried = this.carried.get(uri);
    this.stale.delete(uri);
    this.carried.delete(uri);
    if (cached && stale) {
      // The few references within a changed id are resolved again in place (and their
      // diagnostics worked out again); the thousands of others are left as they are.
      const changed = withinAny([...stale]);
      const entries = cached.references;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!changed(entry.reference.target)) continue;
        entry.resolution = resolve(entry.reference);
        entry.found = undefined;
      }
      return cached.references;
    }
    if (!carried) return references.map((reference) => entry(reference, resolve(reference)));
    const changed = withinAny(carried.changed);
    const { entries, window } = carried;
    if (window) {
      // Kept references are the same objects at known places: their entries (with their diagnostics) carry over.
      const result: ResolvedReference[] = new Array(references.length);
      for (let i = 0; i < references.length; i++) {
        const reference = references[i];
        const previous = i < window.before ? entries[i] : i >= window.before + window.added ? entries[i - window.added + window.removed] : undefined;
        result[i] = previous !== undefined && previous.reference === reference && !changed(reference.target)
          ? previous
          : entry(reference, resolve(reference));
      }
      return result;
    }
    // A whole new parse: new objects, but the same targets resolve the same outside the changed ids.
    const byTarget = new Map<string, Resolution>();
    for (let i = 0; i < entries.length; i++) {
      const { reference, resolution } = entries[i];
      if (reference.kind === 'sec' && reference.target !== null) byTarget.set(reference.target, resolution);
    }
    return references.map((reference) => {
      const previous = reference.kind === 'sec' && reference.target !== null && !changed(reference.target) ? byTarget.get(reference.target) : undefined;
      return entry(reference, previous ?? resolve(reference));
    });
  }

  store(resolution: ReferenceResolution): void {
    this.resolved.set(resolution.uri, resolution);
  }

  /** The file was re-parsed: its next resolution may reuse the current one's outside `changed`. */
  reparsed(uri: string, changed: readonly string[], window?: ReferenceWindow): void {
    const previous = this.stale.has(uri) ? undefined : this.resolved.get(uri);
    this.resolved.delete(uri);
    this.stale.delete(uri);
    if (!previous || changed.length > PARTIAL_LIMIT) {
      this.carried.delete(uri);
      return;
    }
    this.carried.set(uri, { entries: previous.references, window, changed: [...changed] });
  }

  /** Only the file's references within these ids need resolving again. */
  markStale(uri: string, changed: readonly string[]): void {
    if (!this.resolved.has(uri)) return;
    const stale = this.stale.get(uri) ?? new Set<string>();
    for (const id of changed) stale.add(id);
    if (stale.size > PARTIAL_LIMIT) this.drop(uri);
    else this.stale.set(uri, stale);
  }

  drop(uri: string): void {
    this.resolved.delete(uri);
    this.stale.delete(uri);
    this.carried.delete(uri);
  }

  clear(): void {
    this.resolved.clear();
    this.stale.clear();
    this.carried.clear();
  }
}
