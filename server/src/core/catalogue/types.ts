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
  /** The version of the Code the Contents belongs to: its Version Control table's last entry ('' when it has none). */
  version: string;
  /** That version's implementation date, as written ("25 October 2019"). */
  date: string;
  /** Modification proposals the Version Control table names (`SECMP0001`, `MP106`). */
  modifications: string[];
  entries: CatalogueEntry[];
  names: NameEntry[];
  history: HistoryEntry[];
  deprecations: CatalogueDeprecation[];
}
