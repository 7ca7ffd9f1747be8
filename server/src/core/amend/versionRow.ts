// The Version Control row that records a consolidation, in the seed's layout: the new version,
// its implementation date, the reason for change, and the overview listing each modification
// incorporated by its number and title, with the Parts it amends.

import { shortLabel } from '../model/ids';
import { versionControlRow } from '../catalogue/versionControl';
import type { Consolidation } from './consolidate';

export interface RowSettings {
  /** The version consolidated into, and the one before it ('' when unknown). */
  version: string;
  previous: string;
  /** As the table writes it: `31 December 2026`. */
  date: string;
  /** The reason for change; a default naming the previous version when absent. */
  reason?: string;
}

/** "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function consolidationRow(consolidation: Consolidation, settings: RowSettings): string {
  const modifications = consolidation.applied.map(({ draft }) => (draft.header.title ? `${draft.name} (${draft.header.title})` : draft.name));
  const parts = consolidation.units.map(shortLabel);
  const reason = settings.reason ?? (settings.previous
    ? `Modifications to SEC version ${settings.previous} implementing approved Modification Proposals`
    : 'Implementation of approved Modification Proposals');
  const amended = parts.length === 0 ? '' : `Amendments to SEC Section${parts.length === 1 ? '' : 's'} ${listed(parts)} due to the implementation of `;
  const overview = `${amended || 'Implementation of '}Modification Proposal${modifications.length === 1 ? '' : 's'} ${listed(modifications)}.`;
  return versionControlRow({ version: settings.version, date: settings.date, reason, overview });
}
