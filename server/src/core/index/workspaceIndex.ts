// What every workspace index answers, and what both of them share. There are two indexes,
// chosen once where each is created:
//   - OneShotIndex (oneShotIndex.ts), the CLI's: files are loaded once, checked once, in order;
//   - EditorIndex (editorIndex.ts), the language server's: files change one keystroke at a
//     time, and each change re-checks only what it can affect.
// They differ in how they find definitions and in what they keep between checks; the files,
// the configuration, the deletions and the checker (core/resolve/checker.ts) are common and
// live here.

import type { Baseline } from '../amend/analysis';
import { compareVersions } from '../amend/draftChecks';
import { Draft, readDraft } from '../amend/draft';
import type { Catalogue } from '../catalogue/catalogue';
import { readVersionControl, VersionControlTable } from '../catalogue/versionControl';
import { defaultConfig, SecConfig, SeveritySetting } from '../config/config';
import { clauseOfParagraph, isParagraphId } from '../model/ids';
import { MAX_FILE_SIZE } from '../model/limits';
import { fileName } from '../model/uris';
import type { CoreDiagnostic, DiagnosticCode, ParsedDocument, Reference } from '../model/types';
import { DocumentNames } from '../parse/documentNames';
import type { TextEdit } from '../parse/reparse';
import { Checker, CheckSources } from '../resolve/checker';
import type { ResolvedReference } from '../resolve/diagnostics';
import type { Resolution, WorkspaceDefinition } from '../resolve/statuses';
import type { DefinitionLookup } from './definitionMap';
import { Deletions } from './deletions';
import type { FileSummary } from './summary';
import { TermIndex } from './termIndex';
import type { Glossary, TermDefinition } from '../resolve/glossary';
import type { TermUse } from '../resolve/termMatcher';

export { MAX_FILE_SIZE };

/** A file's references resolved, and their diagnostics with the parse's (what the editor index keeps across edits). */
export interface ReferenceResolution {
  uri: string;
  references: ResolvedReference[];
  diagnostics: CoreDiagnostic[];
}

export interface FileResolution extends ReferenceResolution {
  /** Its uses of defined terms, outside its references. */
  termUses: readonly TermUse[];
}

export interface IndexOptions {
  catalogue: Catalogue | null;
  config?: SecConfig;
  /** Severity overrides from the editor, applied over the configuration's. */
  severities?: Partial<Record<DiagnosticCode, SeveritySetting>>;
}

/** What features and the CLI ask of an index, whichever it is. */
export interface WorkspaceIndex {
  readonly catalogue: Catalogue | null;
  readonly documentNames: DocumentNames;
  readonly configuration: SecConfig;
  uris(): string[];
  has(uri: string): boolean;
  summary(uri: string): FileSummary | undefined;
  /** Every workspace definition of an id, the one that counts first. */
  definitionsOf(id: string): readonly WorkspaceDefinition[];
  /** The real titles and names a cited title may match. */
  titlesOf(target: string): readonly string[];
  /** What a citation of an id would resolve to (the status completion and code lenses show). */
  resolveId(id: string): Resolution;
  /** The text of a unit defined in the workspace (whole unit, paragraphs included). */
  textOf(id: string): string | undefined;
  /** Files whose tracked changes delete an id. */
  deletedBy(id: string): readonly string[];
  /** The drafts of the workspace (files with amendment instructions), in the order of their URIs. */
  drafts(): readonly Draft[];
  /** A unit as the Code has it: its first definition in a file that is not a draft. */
  baselineOf(id: string): Baseline | undefined;
  /** What the drafts' changes come to against the baseline, and the pairs of them that meet. */
  readonly amendments: Checker['amendments'];
  /** A file's references, resolved, and its diagnostics. */
  resolve(uri: string): FileResolution;
  /** A file's references, unresolved. */
  referencesOf(uri: string): readonly Reference[];
  /** The workspace's defined terms. */
  glossary(): Glossary;
  /** The definitions that count for a term (its first the one that applies first). */
  termDefinitionsOf(term: string): readonly TermDefinition[];
  /** Every use of a term in the workspace. */
  usesOfTerm(term: string): Array<{ uri: string; use: TermUse }>;
  /** A file's uses of defined terms. */
  termUsesOf(uri: string): readonly TermUse[];
  /**
   * Adds or replaces a file; returns the URIs whose resolution may have changed. `edit`, if
   * known, says where the previous text changed (an index may re-read only the lines around it).
   */
  updateFile(uri: string, text: string, edit?: TextEdit): string[];
  removeFile(uri: string): string[];
  /**
   * New configuration, editor severities or catalogue (sec.config.json may name a newer one;
   * omitted: the same as before): returns every URI.
   */
  setConfig(config: SecConfig, severities?: Partial<Record<DiagnosticCode, SeveritySetting>>, catalogue?: Catalogue | null): string[];
}

function emptyDocument(text: string): ParsedDocument {
  return { text, units: [], definitions: [], references: [], diagnostics: [], contents: [], contexts: [], firstDefinitions: new Map(), deleted: [], instructions: [] };
}

/** A file above MAX_FILE_SIZE (`size`: its length, or its size on disk when it was not read): nothing parsed, one diagnostic. */
export function tooLarge(text: string, size = text.length): ParsedDocument {
  const document = emptyDocument(text);
  document.diagnostics.push({
    start: 0, end: 0, severity: 'warning', code: 'file-too-large',
    message: `This file is ${(size / 1048576).toFixed(1)} MB, above the ${MAX_FILE_SIZE / 1048576} MB limit: it is not checked.`,
  });
  return document;
}

/** The state and queries both indexes share; each says how it finds definitions (`lookup`) and how it keeps files. */
export abstract class IndexBase implements WorkspaceIndex {
  protected readonly files = new Map<string, FileSummary>();
  protected readonly deletions = new Deletions();
  protected abstract readonly lookup: DefinitionLookup;
  protected config: SecConfig;
  protected severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  protected names: DocumentNames;
  protected checker: Checker;
  /** Files with amendment instructions, as drafts; and the Version Control tables the workspace's text has. */
  private readonly draftsByUri = new Map<string, Draft>();
  private draftList: Draft[] | null = null;
  private readonly versionTables = new Map<string, VersionControlTable>();
  /** Defined terms: the glossary and each file's uses. */
  protected readonly terms = new TermIndex({
    files: this.files,
    isDraft: (uri) => this.draftsByUri.has(uri),
    sectionLetters: () => [...(this.catalogue?.sectionLetters() ?? '')],
    defines: (id) => this.lookup.first(id) !== undefined,
    incremental: this.keepsMatches(),
  });
  /** The catalogue to use when the configuration's "catalogue" is on. */
  private knownCatalogue: Catalogue | null;

  constructor(options: IndexOptions) {
    this.knownCatalogue = options.catalogue;
    this.config = options.config ?? defaultConfig();
    this.severities = options.severities ?? {};
    this.names = this.buildNames();
    this.checker = this.buildChecker();
  }

  abstract resolve(uri: string): FileResolution;
  abstract referencesOf(uri: string): readonly Reference[];
  abstract updateFile(uri: string, text: string, edit?: TextEdit): string[];
  abstract removeFile(uri: string): string[];
  /** Does this index re-match files as terms change (and so keep each file's word keys)? */
  protected abstract keepsMatches(): boolean;
  /** Parses a file again with the current document names (they changed). */
  protected abstract reload(uri: string, text: string): void;

  get catalogue(): Catalogue | null {
    return this.config.catalogue ? this.knownCatalogue : null;
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

  definitionsOf(id: string): readonly WorkspaceDefinition[] {
    if (!isParagraphId(id)) return this.lookup.all(id);
    const found: WorkspaceDefinition[] = [];
    for (const container of this.lookup.all(clauseOfParagraph(id))) {
      const definition = this.paragraphIn(container, id);
      if (definition) found.push(definition);
    }
    return found;
  }

  titlesOf(target: string): readonly string[] {
    return this.checker.titlesOf(target);
  }

  resolveId(id: string): Resolution {
    return this.checker.resolveId(id);
  }

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

  deletedBy(id: string): readonly string[] {
    return this.deletions.of(id) ?? [];
  }

  get amendments(): Checker['amendments'] {
    return this.checker.amendments;
  }

  drafts(): readonly Draft[] {
    this.draftList ??= [...this.draftsByUri.keys()].sort().map((uri) => this.draftsByUri.get(uri)!);
    return this.draftList;
  }

  baselineOf(id: string): Baseline | undefined {
    for (const definition of this.definitionsOf(id)) {
      const summary = this.draftsByUri.has(definition.uri) ? undefined : this.files.get(definition.uri);
      if (summary) return { uri: definition.uri, text: summary.parsed.text, unit: definition.unit };
    }
    return undefined;
  }

  glossary(): Glossary {
    return this.terms.glossary();
  }

  termDefinitionsOf(term: string): readonly TermDefinition[] {
    return this.terms.definitionsOf(term);
  }

  usesOfTerm(term: string): Array<{ uri: string; use: TermUse }> {
    return this.terms.usesOfTerm(term, (uri) => this.referencesOf(uri));
  }

  termUsesOf(uri: string): readonly TermUse[] {
    return this.resolve(uri).termUses;
  }

  /** A file's resolution with its defined terms: their uses, and their diagnostics among the others by offset. */
  protected withTerms(resolution: ReferenceResolution, references: readonly Reference[]): FileResolution {
    const { uri } = resolution;
    const summary = this.files.get(uri);
    if (!summary) return { ...resolution, termUses: [] };
    const found = this.terms.diagnosticsOf(uri, summary.parsed, references, (other, offset) => this.where(other, offset));
    const diagnostics = found.length === 0 ? resolution.diagnostics
      : resolution.diagnostics.concat(this.checker.withSeverities(found)).sort((a, b) => a.start - b.start);
    // The uses are worked out when first asked for: a check that prints only diagnostics never needs them.
    const terms = this.terms;
    let termUses: readonly TermUse[] | undefined;
    return {
      uri, references: resolution.references, diagnostics,
      get termUses() {
        termUses ??= terms.usesOf(uri, references);
        return termUses;
      },
    };
  }

  /** "section-a-definitions.sec line 12": where a definition is, for a message. */
  private where(uri: string, offset: number): string {
    const summary = this.files.get(uri);
    const name = fileName(uri);
    return summary ? `${name} line ${summary.lines.positionAt(offset).line + 1}` : name;
  }

  /** The latest version the workspace's Version Control tables name. */
  protected workspaceVersion(): string | undefined {
    let latest: string | undefined;
    for (const table of this.versionTables.values()) if (latest === undefined || compareVersions(table.version, latest) > 0) latest = table.version;
    return latest;
  }

  /** Keeps the drafts and Version Control tables as a file is stored (`summary`) or removed (undefined); both indexes call it. */
  protected noteFile(uri: string, summary: FileSummary | undefined): void {
    const draft = summary && summary.parsed.instructions.length > 0 ? readDraft(uri, summary.parsed, (offset) => summary.lines.positionAt(offset).line + 1) : null;
    if (draft || this.draftsByUri.has(uri)) this.draftList = null;
    if (draft) this.draftsByUri.set(uri, draft);
    else this.draftsByUri.delete(uri);
    const text = summary?.parsed.text;
    const table = text !== undefined && text.includes('Version Control') ? readVersionControl(text) : null;
    if (table) this.versionTables.set(uri, table);
    else this.versionTables.delete(uri);
  }

  setConfig(config: SecConfig, severities?: Partial<Record<DiagnosticCode, SeveritySetting>>, catalogue = this.knownCatalogue): string[] {
    const namesChanged = JSON.stringify(config.aliases) !== JSON.stringify(this.config.aliases) ||
      config.catalogue !== this.config.catalogue || catalogue !== this.knownCatalogue;
    this.config = config;
    this.knownCatalogue = catalogue;
    if (severities) this.severities = severities;
    if (namesChanged) this.names = this.buildNames();
    this.checker = this.buildChecker();
    if (namesChanged) for (const [uri, summary] of [...this.files]) this.reload(uri, summary.parsed.text);
    return this.uris();
  }

  /** The definition that counts, without listing the others (the checker asks this for every target). */
  protected firstDefinitionOf(id: string): WorkspaceDefinition | undefined {
    if (!isParagraphId(id)) return this.lookup.first(id);
    return this.lookup.firstMatching(clauseOfParagraph(id), (container) => this.paragraphIn(container, id));
  }

  /** Paragraphs are not in the definition lookups (two thirds of all units): they are found in their clause's file. */
  private paragraphIn(clause: WorkspaceDefinition, id: string): WorkspaceDefinition | undefined {
    const unit = this.files.get(clause.uri)?.unitOf(id);
    return unit ? { uri: clause.uri, unit } : undefined;
  }

  private buildNames(): DocumentNames {
    const names = this.catalogue ? new DocumentNames(this.catalogue.names(), this.catalogue.sectionLetters()) : new DocumentNames();
    for (const [name, target] of Object.entries(this.config.aliases)) names.add({ name, target });
    return names;
  }

  private buildChecker(): Checker {
    const sources: CheckSources = {
      definitionOf: (id) => this.firstDefinitionOf(id),
      deletedBy: (id) => this.deletions.of(id),
      anyDeleted: () => this.deletions.any,
      textOf: (id) => this.textOf(id),
      exists: (id) => this.firstDefinitionOf(id) !== undefined,
      definitionsOf: (id) => this.definitionsOf(id),
      siblingsOf: (id) => this.siblingsOf(id),
      drafts: () => this.drafts(),
      draftOf: (uri) => this.draftsByUri.get(uri),
      baselineOf: (id) => this.baselineOf(id),
      workspaceVersion: () => this.workspaceVersion(),
    };
    return new Checker(sources, {
      catalogue: this.catalogue,
      names: this.names,
      deprecations: this.config.deprecations,
      severities: { ...this.config.severities, ...this.severities },
    });
  }
}
