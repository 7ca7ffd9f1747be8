import type { NameEntry } from '../parse/documentNames';
import type { CatalogueData, CatalogueDeprecation, CatalogueEntry, HistoryEntry } from './types';

/** Read-only view over the embedded catalogue data. */
export class Catalogue {
  private readonly byId = new Map<string, CatalogueEntry>();
  private readonly versions = new Map<string, string[]>();
  private readonly deprecationById = new Map<string, CatalogueDeprecation>();
  private readonly modifications: ReadonlySet<string>;

  constructor(private readonly data: CatalogueData) {
    for (const entry of data.entries) {
      this.byId.set(entry.id, entry);
      if (entry.kind === 'version') {
        const document = entry.id.slice(0, entry.id.lastIndexOf(' v'));
        const list = this.versions.get(document) ?? [];
        list.push(entry.id.slice(entry.id.lastIndexOf(' v') + 2));
        this.versions.set(document, list);
      }
    }
    for (const deprecation of data.deprecations) this.deprecationById.set(deprecation.target, deprecation);
    this.modifications = new Set(data.modifications);
  }

  get hasDeprecations(): boolean {
    return this.deprecationById.size > 0;
  }

  get source(): string {
    return this.data.source;
  }

  /** The data it was made from (for merging a loaded catalogue over this one). */
  get contents(): CatalogueData {
    return this.data;
  }

  /** The version of the Code this catalogue lists ('' when its Version Control table was not given). */
  get version(): string {
    return this.data.version;
  }

  get date(): string {
    return this.data.date;
  }

  /** "SEC version 6.19 of 25 October 2019", for messages and hovers. */
  describe(): string {
    if (!this.data.version) return `the SEC catalogue (${this.data.source})`;
    return `the SEC catalogue (SEC version ${this.data.version}${this.data.date ? `, ${this.data.date}` : ''})`;
  }

  /** Does the Version Control table name this modification proposal? */
  namesModification(id: string): boolean {
    return this.modifications.has(id);
  }

  get(id: string): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  entries(): readonly CatalogueEntry[] {
    return this.data.entries;
  }

  names(): readonly NameEntry[] {
    return this.data.names;
  }

  /** The letters of the Sections it lists, `ABC…`: what a bare id such as H14.36 may start with. */
  sectionLetters(): string {
    return this.data.entries.filter((entry) => entry.kind === 'section').map((entry) => entry.id.slice(8)).join('');
  }

  /** Versions of a Schedule or Appendix, as written: ['1.0', '1.1', ...]. */
  versionsOf(document: string): readonly string[] {
    return this.versions.get(document) ?? [];
  }

  history(id: string): HistoryEntry[] {
    const entry = this.byId.get(id);
    return entry ? entry.history.map((index) => this.data.history[index]) : [];
  }

  deprecation(id: string): CatalogueDeprecation | undefined {
    return this.deprecationById.get(id);
  }
}
