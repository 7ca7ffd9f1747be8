// The content of a read-only catalogue document (sec-catalogue:/<id>.sec): the entry laid out
// as the Code lays out its text — its heading under its Section's or document's, the Parts or
// versions it contains as their headings, its Version Control entries as the Code's table rows —
// in plain text that the SEC grammar colours, with what is not the Code's own text in drafting
// comments ({>> <<}). Editors show it as it is: nothing to render.
import type { CatalogueEntry } from '../core/catalogue/types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { parentId } from '../core/model/ids';
import { fileName } from '../core/model/uris';
import { catalogueIdFromUri } from './shared';

/** A heading as the Code writes it: `Section G: Security`, `G2 System Security`, `Schedule 8: … Version 3.2`. */
function heading(entry: CatalogueEntry): string {
  switch (entry.kind) {
    case 'part':
      return `${entry.id.slice('Section '.length)} ${entry.title}`;
    case 'version': {
      const at = entry.id.lastIndexOf(' v');
      return `${entry.id.slice(0, at)}: ${entry.title} Version ${entry.id.slice(at + 2)}`;
    }
    default:
      return `${entry.id}: ${entry.title}`;
  }
}

export function catalogueDocument(index: WorkspaceIndex, uri: string): string | null {
  const id = catalogueIdFromUri(uri);
  const catalogue = index.catalogue;
  const entry = id ? catalogue?.get(id) : undefined;
  if (!id || !catalogue || !entry) return null;
  const lines: string[] = [];
  const parent = parentId(entry.id);
  const parentEntry = parent ? catalogue.get(parent) : undefined;
  if (parentEntry && entry.kind === 'part') lines.push(heading(parentEntry), '');
  lines.push(heading(entry), '');
  const children = catalogue.entries().filter((candidate) => parentId(candidate.id) === entry.id);
  for (const child of children) lines.push(heading(child));
  if (children.length > 0) lines.push('');
  const workspace = index.definitionsOf(entry.id);
  const where = workspace.length > 0
    ? `Its text is in the workspace: ${workspace.map((definition) => fileName(definition.uri)).join(', ')}.`
    : `Its text is not in the workspace: references to what ${entry.id} contains cannot be checked.`;
  lines.push(`{>>From ${catalogue.describe().replace(/^the /, '')}, read from ${catalogue.source}; read-only. ${where}<<}`, '');
  const history = catalogue.history(entry.id);
  lines.push('Version Control', '');
  if (history.length === 0) lines.push(`{>>No Version Control entry mentions ${entry.id}.<<}`, '');
  for (const item of history) {
    lines.push(`${item.version} ${item.date}`);
    if (item.reason) lines.push(`Reason for change: ${item.reason}`);
    if (item.changes) lines.push(`Modifications: ${item.changes}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
