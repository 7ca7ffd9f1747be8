import type { NameEntry } from '../parse/documentNames';

export type CatalogueKind = 'section' | 'part' | 'document' | 'version';

export interface CatalogueEntry {
  /** `Section H`, `Section H4`, `Schedule 8`, `Schedule 8 v3.2`, `Appendix AK`. */
  id: string;
  kind: CatalogueKind;
  title: string;
  /** Indexes into CatalogueData.history of the Version Control entries that mention it. */
  history: number[];
}

export interface HistoryEntry {
  version: string;
  date: string;
  /** "Reason for Change" column, as far as the extracted text allows. */
  reason: string;
  /** "Overview of Modifications incorporated" column. */
  changes: string;
}

export interface CatalogueDeprecation {
  target: string;
  reason: string;
  replacement?: string;
}

export interface CatalogueData {
  /** Where the data came from, for hovers ("SEC catalogue"). */
  source: string;
  entries: CatalogueEntry[];
  names: NameEntry[];
  history: HistoryEntry[];
  deprecations: CatalogueDeprecation[];
}
