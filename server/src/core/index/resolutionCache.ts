// Resolved references per file, kept across edits. After an edit a file's resolution is
// either still valid, partly stale (only its references within some changed ids must be
// redone), or its file was re-parsed (its new references reuse the old resolutions of the
// same targets, except within the changed ids).
import { isWithin } from '../model/ids';
import type { CoreDiagnostic, Reference } from '../model/types';
import type { ResolvedReference } from '../resolve/diagnostics';
import type { Resolution } from '../resolve/statuses';

export interface FileResolution {
  uri: string;
  references: ResolvedReference[];
  diagnostics: CoreDiagnostic[];
}

/** Past this many changed ids, testing each reference costs more than resolving it again. */
const PARTIAL_LIMIT = 256;

/**
 * A test of "is this target within one of the changed ids?", for thousands of targets: a
 * target within an id starts with it, so most targets fail on the ids' common prefix
 * ("Section H4." for clauses renumbered in one Part) without looking at each id.
 */
function withinAny(ids: readonly string[]): (target: string | null) => boolean {
  if (ids.length === 0) return () => false;
  let prefix = ids[0];
  for (const id of ids) {
    let k = 0;
    while (k < prefix.length && k < id.length && prefix.charCodeAt(k) === id.charCodeAt(k)) k++;
    prefix = prefix.slice(0, k);
  }
  return (target) => target !== null && target.startsWith(prefix) && ids.some((id) => isWithin(target, id));
}

/** What a re-parsed file's next resolution may reuse from its previous one. */
interface Carried {
  /** Entries of references that the re-parse kept (moved in place): same objects. */
  byReference: Map<Reference, ResolvedReference>;
  byTarget: Map<string, Resolution>;
  changed: string[];
}

export class ResolutionCache {
  private readonly resolved = new Map<string, FileResolution>();
  private readonly stale = new Map<string, Set<string>>();
  private readonly carried = new Map<string, Carried>();

  get isEmpty(): boolean {
    return this.resolved.size === 0;
  }

  has(uri: string): boolean {
    return this.resolved.has(uri);
  }

  /** The cached resolution, if nothing it depends on has changed. */
  valid(uri: string): FileResolution | undefined {
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
      const changed = withinAny([...stale]);
      return cached.references.map((entry) =>
        changed(entry.reference.target) ? { reference: entry.reference, resolution: resolve(entry.reference) } : entry);
    }
    const changed = withinAny(carried?.changed ?? []);
    return references.map((reference) => {
      if (carried && changed(reference.target)) return { reference, resolution: resolve(reference) };
      const kept = carried?.byReference.get(reference);
      if (kept) return kept;
      const previous = carried && reference.kind === 'sec' && reference.target !== null ? carried.byTarget.get(reference.target) : undefined;
      return { reference, resolution: previous ?? resolve(reference) };
    });
  }

  store(resolution: FileResolution): void {
    this.resolved.set(resolution.uri, resolution);
  }

  /** The file was re-parsed: its next resolution may reuse the current one's targets outside `changed`. */
  reparsed(uri: string, changed: readonly string[]): void {
    const previous = this.stale.has(uri) ? undefined : this.resolved.get(uri);
    this.resolved.delete(uri);
    this.stale.delete(uri);
    if (!previous || changed.length > PARTIAL_LIMIT) {
      this.carried.delete(uri);
      return;
    }
    const byTarget = new Map<string, Resolution>();
    const byReference = new Map<Reference, ResolvedReference>();
    for (const entry of previous.references) {
      const { reference, resolution } = entry;
      byReference.set(reference, entry);
      if (reference.kind === 'sec' && reference.target !== null) byTarget.set(reference.target, resolution);
    }
    this.carried.set(uri, { byReference, byTarget, changed: [...changed] });
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
