// The workspace index: per-file summaries, a definition map (id → where defined) and who
// cites what (each file's dependencies). Updating one file re-parses that file only and
// invalidates the resolutions of the files whose citations it can affect.

import type { Catalogue } from '../catalogue/catalogue';
import { defaultConfig, SecConfig, SeveritySetting } from '../config/config';
import { clauseOfParagraph, isParagraphId, parentId } from '../model/ids';
import type { CoreDiagnostic, DiagnosticCode, ParsedDocument, Reference, Unit } from '../model/types';
import { DocumentNames } from '../parse/documentNames';
import { parseDocument, scanCitations } from '../parse/parseDocument';
import { reparse } from '../parse/reparse';
import { applySeverities, referenceDiagnostics } from '../resolve/diagnostics';
import { instructionDiagnostics, InstructionSources } from '../resolve/instructions';
import { resolveReference, ResolverSources } from '../resolve/resolver';
import type { Resolution } from '../resolve/statuses';
import type { WorkspaceDefinition } from '../resolve/statuses';
import { DefinitionLookup, DefinitionMap } from './definitionMap';
import { DocumentDefinitions } from './documentDefinitions';
import { Citers } from './citers';
import { entry, FileResolution, ResolutionCache } from './resolutionCache';
import { FileSummary, sameSignature, summarize } from './summary';

export type { FileResolution } from './resolutionCache';

/** Files above this size are not parsed: a clear diagnostic instead of a stalled editor. */
export const MAX_FILE_SIZE = 32 * 1024 * 1024;

const HEADING_KINDS = new Set(['section', 'part', 'schedule', 'appendix']);

export interface IndexOptions {
  catalogue: Catalogue | null;
  config?: SecConfig;
  /** Severity overrides from the editor, applied over the configuration's. */
  severities?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /**
   * Keep the resolutions and what each file depends on, for incremental updates. A one-shot check (the
   * CLI) says false: files are then parsed for what they define, and each file's citations
   * are scanned when it is resolved and not kept, nor its resolution (citersOf, which needs
   * them, is for editors).
   */
  incremental?: boolean;
}

function emptyDocument(text: string): ParsedDocument {
  return { text, units: [], definitions: [], references: [], diagnostics: [], contents: [], firstDefinitions: new Map(), deleted: [], instructions: [] };
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  /** Kept up to date id by id, for editors; a one-shot check looks ids up in each file instead. */
  private readonly definitions = new DefinitionMap();
  private readonly byDocument = new DocumentDefinitions();
  private readonly lookup: DefinitionLookup;
  /** Ids that tracked changes delete → the files that delete them. */
  private readonly deletions = new Map<string, string[]>();
  /** Who cites what: each file's dependencies, worked out once the workspace is loaded. */
  private readonly citers = new Citers(this.files);
  private readonly resolutions = new ResolutionCache();
  /** A target resolves the same wherever it is cited, until a definition or the configuration changes. */
  private readonly byTarget = new Map<string, Resolution>();
  private readonly titlesByTarget = new Map<string, readonly string[]>();
  /** Ids of Sections, Parts, Schedules and Appendices defined in the workspace (for completion). */
  private readonly headingIds = new Set<string>();
  private headingGeneration = 0;
  private config: SecConfig;
  private severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  private names: DocumentNames;
  private sources: ResolverSources;
  private readonly incremental: boolean;

  constructor(private readonly options: IndexOptions) {
    this.config = options.config ?? defaultConfig();
    this.severities = options.severities ?? {};
    this.incremental = options.incremental ?? true;
    this.lookup = this.incremental ? this.definitions : this.byDocument;
    this.names = this.buildNames();
    this.sources = this.buildSources();
  }

  // ---- Queries ----------------------------------------------------------------------------

  get catalogue(): Catalogue | null {
    return this.config.catalogue ? this.options.catalogue : null;
  }

  get documentNames(): DocumentNames {
    return this.names;
  }

  get configuration(): SecConfig {
    return this.config;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  summary(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  /** Every workspace definition of an id, ordered by URI (the first is the one that counts). */
  definitionsOf(id: string): readonly WorkspaceDefinition[] {
    if (!isParagraphId(id)) return this.lookup.all(id);
    const found: WorkspaceDefinition[] = [];
    for (const container of this.lookup.all(clauseOfParagraph(id))) {
      const definition = this.paragraphIn(container, id);
      if (definition) found.push(definition);
    }
    return found;
  }

  /** The definition that counts, without listing the others (the resolver asks this for every target). */
  private firstDefinitionOf(id: string): WorkspaceDefinition | undefined {
    if (!isParagraphId(id)) return this.lookup.first(id);
    return this.lookup.firstMatching(clauseOfParagraph(id), (container) => this.paragraphIn(container, id));
  }

  /** Paragraphs are not in the definition map (two thirds of all units): they are found in their clause's file. */
  private paragraphIn(clause: WorkspaceDefinition, id: string): WorkspaceDefinition | undefined {
    const unit = this.files.get(clause.uri)?.unitOf(id);
    return unit ? { uri: clause.uri, unit } : undefined;
  }

  /** Changes whenever a heading (Section, Part, Schedule, Appendix) or the configuration changes: a cache key. */
  get headingsVersion(): number {
    return this.headingGeneration;
  }

  /** Sections, Parts, Schedules, Appendices (and their versions) defined in the workspace text (an editor's index: a one-shot check keeps none). */
  definedHeadings(): ReadonlySet<string> {
    return this.headingIds;
  }

  /** Files that cite the id or something within it. */
  citersOf(id: string): string[] {
    return this.citers.ofAny([id]);
  }

  /** The real titles and names a cited title may match. */
  titlesOf(target: string): readonly string[] {
    let titles = this.titlesByTarget.get(target);
    if (titles === undefined) {
      titles = this.findTitles(target);
      this.titlesByTarget.set(target, titles);
    }
    return titles;
  }

  /** Definitions or the configuration changed: what was worked out per target no longer holds. */
  private forgetTargets(): void {
    this.byTarget.clear();
    this.titlesByTarget.clear();
  }

  private findTitles(target: string): string[] {
    const titles: string[] = [];
    const add = (title: string | undefined): void => {
      if (title && !titles.includes(title)) titles.push(title);
    };
    add(this.firstDefinitionOf(target)?.unit.title);
    add(this.catalogue?.get(target)?.title);
    for (let id: string | null = target; id !== null; id = parentId(id)) {
      if (id !== target && !id.startsWith('Schedule') && !id.startsWith('Appendix')) break;
      for (const name of this.names.namesOf(id)) add(name);
      if (id !== target) {
        add(this.firstDefinitionOf(id)?.unit.title);
        add(this.catalogue?.get(id)?.title);
      }
    }
    return titles;
  }

  resolve(uri: string): FileResolution {
    const cached = this.resolutions.valid(uri);
    if (cached) return cached;
    const summary = this.files.get(uri);
    if (!summary) return { uri, references: [], diagnostics: [] };
    const { parsed } = summary;
    // A one-shot check scans a file's citations only now, and keeps neither them nor their resolution.
    const deferred = parsed.deferredCitations ? scanCitations(parsed.deferredCitations, this.names) : undefined;
    const citations = deferred ?? parsed;
    const references = deferred
      ? deferred.references.map((reference) => entry(reference, this.resolveOne(reference)))
      : this.resolutions.resolveReferences(uri, parsed.references, (reference) => this.resolveOne(reference));
    const found = referenceDiagnostics(references, (target) => this.titlesOf(target));
    if (citations.instructions.length > 0) found.push(...instructionDiagnostics(citations.instructions, this.instructionSources()));
    const overrides = { ...this.config.severities, ...this.severities };
    const diagnostics = applySeverities(parsed.diagnostics.concat(found), overrides).sort((a, b) => a.start - b.start);
    const resolution = { uri, references, diagnostics };
    if (!deferred) this.resolutions.store(resolution);
    return resolution;
  }

  private resolveOne(reference: Reference): Resolution {
    if (reference.kind !== 'sec' || reference.target === null) return resolveReference(reference, this.sources);
    let resolution = this.byTarget.get(reference.target);
    if (resolution === undefined) {
      resolution = resolveReference(reference, this.sources);
      this.byTarget.set(reference.target, resolution);
    }
    return resolution;
  }

  /** The text of a unit defined in the workspace (whole unit, paragraphs included). */
  textOf(id: string): string | undefined {
    const definition = this.firstDefinitionOf(id);
    const summary = definition ? this.files.get(definition.uri) : undefined;
    return summary && definition ? summary.parsed.text.slice(definition.unit.start, definition.unit.end) : undefined;
  }

  /** Ids of the units beside a unit in its own file (children of the same parent). */
  siblingsOf(id: string): string[] {
    const definition = this.firstDefinitionOf(id);
    const summary = definition ? this.files.get(definition.uri) : undefined;
    if (!summary || !definition) return [];
    const parent = definition.unit.parent;
    return summary.parsed.units.filter((unit) => unit.parent === parent && unit.kind === definition.unit.kind).map((unit) => unit.id);
  }

  private instructionSources(): InstructionSources {
    return {
      textOf: (id) => this.textOf(id),
      exists: (id) => this.firstDefinitionOf(id) !== undefined,
      siblingsOf: (id) => this.siblingsOf(id),
    };
  }

  // ---- Updates ------------------------------------------------------------------------------

  /** Adds or replaces a file; returns the URIs whose resolution may have changed. */
  updateFile(uri: string, text: string): string[] {
    // An editor opening a file sends the text the index already has from disk: nothing changes.
    if (this.files.get(uri)?.parsed.text === text) return [];
    return this.parseAndStore(uri, text);
  }

  private parseAndStore(uri: string, text: string): string[] {
    const previous = this.files.get(uri);
    const parsed = text.length > MAX_FILE_SIZE
      ? this.tooLarge(text)
      : (previous && this.incremental ? reparse(previous.parsed, text, { names: this.names }) : null) ??
        parseDocument(text, { names: this.names, deferCitations: !this.incremental });
    return this.store(uri, parsed);
  }

  private store(uri: string, parsed: ParsedDocument): string[] {
    this.forgetTargets();
    const previous = this.files.get(uri);
    const next = summarize(uri, parsed, previous && parsed.reparsed?.sameTargets ? previous.dependsOn : undefined);
    this.files.set(uri, next);
    const changed = this.replaceDefinitions(uri, previous, next);
    changed.push(...this.replaceDeletions(uri, previous, next));
    return this.afterChange(uri, next, changed);
  }

  /** Files whose tracked changes delete an id. */
  deletedBy(id: string): readonly string[] {
    return this.deletions.get(id) ?? [];
  }

  private replaceDeletions(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined): string[] {
    const before = new Set(previous?.parsed.deleted.map((entry) => entry.id) ?? []);
    const after = new Set(next?.parsed.deleted.map((entry) => entry.id) ?? []);
    const changed: string[] = [];
    for (const id of before) {
      if (after.has(id)) continue;
      changed.push(id);
      const remaining = (this.deletions.get(id) ?? []).filter((other) => other !== uri);
      if (remaining.length > 0) this.deletions.set(id, remaining);
      else this.deletions.delete(id);
    }
    for (const id of after) {
      if (before.has(id)) continue;
      changed.push(id);
      this.deletions.set(id, [...(this.deletions.get(id) ?? []), uri].sort());
    }
    return changed;
  }

  /** Works out what each file's diagnostics depend on, so that an edit finds the files it affects at once (an editor calls this after loading). */
  prepareIncremental(): void {
    if (this.incremental) this.citers.build();
  }

  private afterChange(uri: string, next: FileSummary | undefined, changed: string[]): string[] {
    if (!this.incremental) {
      // A one-shot check keeps no resolutions (every file is resolved afresh when asked), so
      // no other file has one to refresh; listing them all on each load would be quadratic.
      this.resolutions.clear();
      return next ? [uri] : [];
    }
    // Nothing resolved yet, so nothing published can be stale: only this file needs resolving.
    if (this.resolutions.isEmpty) return next ? [uri] : [];
    return this.invalidate(uri, changed);
  }

  removeFile(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    this.forgetTargets();
    this.files.delete(uri);
    const changed = this.replaceDefinitions(uri, previous, undefined);
    changed.push(...this.replaceDeletions(uri, previous, undefined));
    const affected = this.afterChange(uri, undefined, changed);
    this.resolutions.drop(uri);
    return affected.filter((other) => other !== uri);
  }

  /** New configuration or editor severities: everything is re-resolved (and re-parsed if names changed). */
  setConfig(config: SecConfig, severities?: Partial<Record<DiagnosticCode, SeveritySetting>>): string[] {
    const namesChanged =
      JSON.stringify(config.aliases) !== JSON.stringify(this.config.aliases) || config.catalogue !== this.config.catalogue;
    this.config = config;
    this.forgetTargets();
    this.headingGeneration++;
    if (severities) this.severities = severities;
    this.sources = this.buildSources();
    if (namesChanged) {
      this.names = this.buildNames();
      for (const [uri, summary] of [...this.files]) this.parseAndStore(uri, summary.parsed.text);
    }
    this.resolutions.clear();
    return this.uris();
  }

  // ---- Internals ----------------------------------------------------------------------------

  private tooLarge(text: string): ParsedDocument {
    const document = emptyDocument(text);
    document.diagnostics.push({
      start: 0, end: 0, severity: 'warning', code: 'file-too-large',
      message: `This file is ${(text.length / 1048576).toFixed(1)} MB, above the ${MAX_FILE_SIZE / 1048576} MB limit: it is not checked.`,
    });
    return document;
  }

  private buildNames(): DocumentNames {
    const names = new DocumentNames(this.config.catalogue && this.options.catalogue ? this.options.catalogue.names() : []);
    for (const [name, target] of Object.entries(this.config.aliases)) names.add({ name, target });
    return names;
  }

  private buildSources(): ResolverSources {
    const deprecations = new Map(this.config.deprecations.map((entry) => [entry.target, entry]));
    return {
      workspace: (id) => this.firstDefinitionOf(id),
      deletedBy: (id) => this.deletions.get(id),
      anyDeleted: () => this.deletions.size > 0,
      catalogue: this.catalogue,
      deprecations,
    };
  }

  /** Updates the definition map; returns the ids whose observable definition changed. */
  private replaceDefinitions(uri: string, previous: FileSummary | undefined, next: FileSummary | undefined): string[] {
    if (!this.incremental) {
      // A one-shot check tracks no changes (nor headings, which only completion asks for).
      if (next) this.byDocument.set(next);
      else this.byDocument.delete(uri);
      return [];
    }
    // An in-place re-parse says which ids stopped or started being defined; every other unit only moved.
    const reparsed = next?.parsed.reparsed;
    if (previous && next && reparsed) {
      // Each id the re-parse renumbered away or onto may still be (or already have been) defined by another unit of the file.
      const changed = [...new Set([...reparsed.removed, ...reparsed.added])];
      for (const id of changed) {
        this.removeDefinition(id, uri);
        const unit = next.unitOf(id);
        if (unit) this.addDefinition(id, { uri, unit });
      }
      return changed;
    }
    const changed: string[] = [];
    if (previous) {
      for (const [id, unit] of previous.defines) {
        const nextUnit = next?.unitOf(id);
        if (!nextUnit || !sameSignature(nextUnit, unit)) {
          changed.push(id);
          if (HEADING_KINDS.has(unit.kind)) this.headingGeneration++;
        }
        if (nextUnit) continue; // still defined here: updated in place below
        this.removeDefinition(id, uri);
      }
    }
    if (next && !previous) {
      // A new file: straight from the parser's table, without the summary's iterator.
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
    } else if (next) {
      for (const [id, unit] of next.defines) {
        const wasDefined = previous!.defines.has(id);
        if (!wasDefined) changed.push(id);
        if (HEADING_KINDS.has(unit.kind)) this.headingIds.add(id);
        if (wasDefined && (isParagraphId(id) || this.definitions.update(id, uri, unit))) continue;
        if (HEADING_KINDS.has(unit.kind)) this.headingGeneration++;
        this.addDefinition(id, { uri, unit });
      }
    }
    return changed;
  }

  private addDefinition(id: string, definition: WorkspaceDefinition): void {
    if (!isParagraphId(id)) this.definitions.add(id, definition);
  }

  /** Forgets a file's definition of an id; an id defined nowhere any more is no heading either. */
  private removeDefinition(id: string, uri: string): void {
    if (!isParagraphId(id) && this.definitions.remove(id, uri)) this.headingIds.delete(id);
  }

  private invalidate(uri: string, changedIds: readonly string[]): string[] {
    const affected = new Set<string>([uri]);
    if (changedIds.length > 0) for (const citer of this.citers.ofAny(changedIds)) affected.add(citer);
    // Instructions check their targets' wording, which no definition signature captures.
    for (const [other, summary] of this.files) {
      if (other !== uri && summary.parsed.instructions.length > 0 && this.resolutions.has(other)) {
        this.resolutions.drop(other);
        affected.add(other);
      }
    }
    this.resolutions.reparsed(uri, changedIds, this.files.get(uri)?.parsed.reparsed?.window);
    for (const other of affected) if (other !== uri) this.resolutions.markStale(other, changedIds);
    return [...affected].filter((other) => this.files.has(other));
  }
}
