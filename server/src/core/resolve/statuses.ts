import type { CatalogueEntry } from '../catalogue/types';
import type { Unit } from '../model/types';

export type ReferenceStatus = 'ok' | 'unverified' | 'broken' | 'deprecated' | 'external' | 'ambiguous';

export interface WorkspaceDefinition {
  uri: string;
  unit: Unit;
}

/** Where a target was found: the workspace text, the embedded catalogue, or nowhere. */
export interface Resolution {
  status: ReferenceStatus;
  target: string | null;
  /** The unit in the workspace, when there is one. */
  definition?: WorkspaceDefinition;
  /** The catalogue entry of the target (or of its nearest catalogued ancestor). */
  catalogueEntry?: CatalogueEntry;
  /** Why: for broken, unverified and deprecated. */
  reason?: string;
  /** A replacement to cite instead (deprecations). */
  replacement?: string;
  /** The nearest existing ancestor of a missing target. */
  nearestExisting?: string;
  /**
   * Unverified because only the catalogue lacks the target: the Code may have designated it
   * after the catalogue's version (a warning, `not-in-catalogue`), unlike a target missing
   * from text that is in the workspace (`broken`).
   */
  notInCatalogue?: boolean;
  /** Amendment files whose tracked changes delete the target (or a unit containing it). */
  deletedBy?: readonly string[];
}
