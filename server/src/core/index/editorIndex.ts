// The language server's index. Files change one keystroke at a time: an edit is re-parsed in
// place when it can be (parse/reparse.ts), the definition map is updated id by id, and only
// the files that cite what changed are re-checked, reusing every resolution the change left
// valid (resolutionCache.ts). A property test holds the result equal to a fresh index's
// after any sequence of edits (test/unit/incremental.test.ts).

import type { Catalogue } from '../catalogue/catalogue';
import type { SecConfig, SeveritySetting } from '../config/config';
import { isParagraphId } from '../model/ids';
import type { DiagnosticCode, ParsedDocument, Reference, ReferenceWindow } from '../model/types';
import { parseDocument } from '../parse/parseDocument';
import { reparse, ReparseChange, TextEdit } from '../parse/reparse';
import type { WorkspaceDefinition } from '../resolve/statuses';
import { Citers } from './citers';
import { DefinitionMap } from './definitionMap';
import { RangeBudgets } from './rangeBudget';
import { ResolutionCache } from './resolutionCache';
import { FileSummary, sameSignature, summarize } from './summary';
import { FileResolution, IndexBase, IndexOptions, MAX_FILE_SIZE, ReferenceResolution, tooLarge } from './workspaceIndex';

const HEADING_KINDS = new Set(['section', 'part', 'schedule', 'appendix']);

export class EditorIndex extends IndexBase {
  protected readonly lookup = new DefinitionMap();
  /** Who cites what: each file's dependencies, worked out once the workspace is loaded. */
  private readonly citers = new Citers(this.files);
  private readonly resolutions = new ResolutionCache();
  private readonly rangeBudgets = new RangeBudgets();
  /** Ids of Sections, Parts, Schedules and Appendices defined in the workspace (for completion). */
  private readonly headingIds = new Set<string>();
  private headingGeneration = 0;
  private readonly withTermsCache = new Map<string, { base: ReferenceResolution; generation: number; result: FileResolution }>();

  constructor(options: IndexOptions) {
    super(options);
  }

  /** Changes whenever a heading (Section, Part, Schedule, Appendix) or the configuration changes: a cache key. */
  get headingsVersion(): number {
    return this.headingGeneration;
  }

  /** Sections, Parts, Schedules, Appendices (and their versions) defined in the workspace text. */
  definedHeadings(): ReadonlySet<string> {
    return this.headingIds;
  }

  /** Files that cite the id or something within it. */
  citersOf(id: string): string[] {
    return this.citers.ofAny([id]);
  }

  /** Works out what each file's diagnostics depend on, so that an edit finds the files it affects at once (call after loading). */
  prepareIncremental(): void {
    this.citers.build();
  }

  resolve(uri: string): FileResolution {
    const summary = this.files.get(uri);
    if (!summary) return { uri, references: [], diagnostics: [], termUses: [] };
    const base = this.resolveReferences(uri, summary);
    const composed = this.withTermsCache.get(uri);
    // The terms' part is worked out again only when the references' or any term's have changed.
    this.terms.glossary();
    if (composed && composed.base === base && composed.generation === this.terms.generation) return composed.result;
    const result = this.withTerms(base, summary.parsed.references);
    this.withTermsCache.set(uri, { base, generation: this.terms.generation, result });
    return result;
  }

  private resolveReferences(uri: string, summary: FileSummary): ReferenceResolution {
    const cached = this.resolutions.valid(uri);
    if (cached) return cached;
    const { parsed } = summary;
    const references = this.resolutions.resolveReferences(uri, parsed.references, (reference) => this.checker.resolve(reference));
    const diagnostics = this.checker.diagnostics(uri, parsed.diagnostics, references, parsed.instructions);
    const resolution = { uri, references, diagnostics };
    this.resolutions.store(resolution);
    return resolution;
  }

  referencesOf(uri: string): readonly Reference[] {
    return this.files.get(uri)?.parsed.references ?? [];
  }

  /** `edit`: where the file's previous text changed (an editor's change), so that only the lines around it are read again. */
  updateFile(uri: string, text: string, edit?: TextEdit): string[] {
    // An editor opening a file sends the text the index already has from disk: nothing changes.
    if (this.files.get(uri)?.parsed.text === text) return [];
    return this.parseAndStore(uri, text, edit);
  }

  /** A file too large to read (`bytes` on disk): not parsed, one diagnostic. */
  updateTooLarge(uri: string, bytes: number): string[] {
    return this.store(uri, tooLarge('', bytes), undefined);
  }

  removeFile(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    this.checker.forget();
    this.files.delete(uri);
    this.noteFile(uri, undefined);
    const changed = this.replaceDefinitions(uri, previous, undefined);
    changed.push(...this.deletions.replace(uri, previous.parsed, undefined));
    const affected = this.afterChange(uri, false, changed);
    affected.push(...this.termsChanged(uri, previous, undefined));
    this.resolutions.drop(uri);
    this.withTermsCache.delete(uri);
    return [...new Set(affected)].filter((other) => other !== uri && this.files.has(other));
  }

  override setConfig(config: SecConfig, severities?: Partial<Record<DiagnosticCode, SeveritySetting>>, catalogue?: Catalogue | null): string[] {
    this.headingGeneration++;
    const uris = super.setConfig(config, severities, catalogue);
    this.resolutions.clear();
    return uris;
  }

  protected keepsMatches(): boolean {
    return true;
  }

  protected reload(uri: string, text: string): void {
    this.parseAndStore(uri, text);
  }

  private parseAndStore(uri: string, text: string, edit?: TextEdit): string[] {
    const previous = this.files.get(uri);
    if (text.length > MAX_FILE_SIZE) return this.store(uri, tooLarge(text), undefined);
    const reparsed = previous ? reparse(previous.parsed, text, { names: this.names }, edit) : null;
    if (!reparsed) return this.store(uri, parseDocument(text, { names: this.names }), undefined, [], edit);
    if (this.rangeBudgets.sameAsFullParse(previous!.parsed, reparsed)) return this.store(uri, reparsed.parsed, reparsed.change, [], edit);
    // The re-parse expanded other ranges than a full parse does (the file is at its range
    // budget). It has already updated the previous model in place, its table of ids
    // included: the ids it renumbered are no longer there to be found gone, so they are named.
    const { removed, added } = reparsed.change;
    return this.store(uri, parseDocument(text, { names: this.names }), undefined, [...removed, ...added], edit);
  }

  private store(uri: string, parsed: ParsedDocument, change: ReparseChange | undefined, renumbered: readonly string[] = [], edit?: TextEdit): string[] {
    this.checker.forget();
    const previous = this.files.get(uri);
    const next = summarize(uri, parsed, { citing: previous && change?.sameTargets ? previous.dependsOn : undefined });
    this.files.set(uri, next);
    this.noteFile(uri, next);
    const changed = change && previous ? this.redefine(uri, next, change) : this.replaceDefinitions(uri, previous, next);
    for (const id of renumbered) {
      if (!next.unitOf(id)) this.removeDefinition(id, uri);
      changed.push(id);
    }
    changed.push(...this.deletions.replace(uri, previous?.parsed, parsed));
    const affected = this.afterChange(uri, true, changed, change?.window);
    const byTerms = this.termsChanged(uri, previous, next, edit);
    return byTerms.length === 0 ? affected : [...new Set([...affected, ...byTerms])];
  }

  /**
   * The files whose defined terms a file's change affects. Once anything is resolved, they are
   * worked out now (the changed file and the users of a changed term matched again); before
   * that, the first resolution matches every file.
   */
  private termsChanged(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined, edit?: TextEdit): string[] {
    const affected = this.terms.fileChanged(uri, previous?.parsed.definitions, next?.parsed.definitions, edit);
    if (this.resolutions.isEmpty) return [];
    affected.push(...this.terms.settle());
    return affected.filter((other) => this.files.has(other));
  }

  /** `window`: which references an in-place re-parse read again (the others kept their resolutions). */
  private afterChange(uri: string, stored: boolean, changed: string[], window?: ReferenceWindow): string[] {
    // Nothing resolved yet, so nothing published can be stale: only this file needs resolving.
    if (this.resolutions.isEmpty) return stored ? [uri] : [];
    return this.invalidate(uri, changed, window);
  }

  /** An in-place re-parse says which ids stopped or started being defined; every other unit only moved. */
  private redefine(uri: string, next: FileSummary, change: ReparseChange): string[] {
    // Each id renumbered away or onto may still be (or already have been) defined by another unit of the file.
    const changed = [...new Set([...change.removed, ...change.added])];
    for (const id of changed) {
      this.removeDefinition(id, uri);
      const unit = next.unitOf(id);
      if (unit) this.addDefinition(id, { uri, unit });
    }
    return changed;
  }

  /** Updates the definition map; returns the ids whose observable definition changed. */
  private replaceDefinitions(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined): string[] {
    const changed = previous ? this.forgetDefinitions(uri, previous, next) : [];
    if (next && !previous) changed.push(...this.defineAll(uri, next));
    else if (next) changed.push(...this.defineChanged(uri, previous!, next));
    return changed;
  }

  /** The previous version's ids that are gone or changed what citers can see; the gone ones are forgotten. */
  private forgetDefinitions(uri: string, previous: FileSummary, next: FileSummary | undefined): string[] {
    const changed: string[] = [];
    for (const [id, unit] of previous.defines) {
      const nextUnit = next?.unitOf(id);
      if (!nextUnit || !sameSignature(nextUnit, unit)) {
        changed.push(id);
        if (HEADING_KINDS.has(unit.kind)) this.headingGeneration++;
      }
      if (!nextUnit) this.removeDefinition(id, uri); // still defined here: updated in place by defineChanged
    }
    return changed;
  }

  /** A new file: straight from the parser's table, without the summary's iterator. */
  private defineAll(uri: string, next: FileSummary): string[] {
    const changed: string[] = [];
    const units = next.parsed.units;
    for (const [id, index] of next.parsed.firstDefinitions) {
      const unit = units[index];
      changed.push(id);
      if (HEADING_KINDS.has(unit.kind)) {
        this.headingIds.add(id);
        this.headingGeneration++;
      }
      this.addDefinition(id, { uri, unit });
    }
    return changed;
  }

  private defineChanged(uri: string, previous: FileSummary, next: FileSummary): string[] {
    const changed: string[] = [];
    for (const [id, unit] of next.defines) {
      const wasDefined = previous.defines.has(id);
      if (!wasDefined) changed.push(id);
      if (HEADING_KINDS.has(unit.kind)) this.headingIds.add(id);
      if (wasDefined && (isParagraphId(id) || this.lookup.update(id, uri, unit))) continue;
      if (HEADING_KINDS.has(unit.kind)) this.headingGeneration++;
      this.addDefinition(id, { uri, unit });
    }
    return changed;
  }

  private addDefinition(id: string, definition: WorkspaceDefinition): void {
    if (!isParagraphId(id)) this.lookup.add(id, definition);
  }

  /** Forgets a file's definition of an id; an id defined nowhere any more is no heading either. */
  private removeDefinition(id: string, uri: string): void {
    if (!isParagraphId(id) && this.lookup.remove(id, uri)) this.headingIds.delete(id);
  }

  private invalidate(uri: string, changedIds: readonly string[], window: ReferenceWindow | undefined): string[] {
    const affected = new Set<string>([uri]);
    if (changedIds.length > 0) for (const citer of this.citers.ofAny(changedIds)) affected.add(citer);
    // Instructions check their targets' wording, which no definition signature captures.
    for (const [other, summary] of this.files) {
      if (other !== uri && summary.parsed.instructions.length > 0 && this.resolutions.has(other)) {
        this.resolutions.drop(other);
        affected.add(other);
      }
    }
    this.resolutions.reparsed(uri, changedIds, window);
    for (const other of affected) if (other !== uri) this.resolutions.markStale(other, changedIds);
    return [...affected].filter((other) => this.files.has(other));
  }
}
