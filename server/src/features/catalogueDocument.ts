// The content of a read-only catalogue document (sec-catalogue:/<id>.md): the entry, where
// it sits, what it contains, and the Version Control entries that mention it.
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { parentId } from '../core/model/ids';
import { catalogueIdFromUri } from './shared';

export function catalogueDocument(index: WorkspaceIndex, uri: string): string | null {
  const id = catalogueIdFromUri(uri);
  const catalogue = index.catalogue;
  const entry = id ? catalogue?.get(id) : undefined;
  if (!id || !catalogue || !entry) return null;
  const lines = [`# ${entry.id} — ${entry.title}`, '', `*From ${catalogue.describe().replace(/^the /, '')}, ${catalogue.source}. Read-only.*`, ''];
  const parent = parentId(entry.id);
  const parentEntry = parent ? catalogue.get(parent) : undefined;
  if (parentEntry) lines.push(`Part of **${parentEntry.id}** — ${parentEntry.title}`, '');
  const children = catalogue.entries().filter((candidate) => parentId(candidate.id) === entry.id);
  if (children.length > 0) {
    lines.push(entry.kind === 'document' ? '## Versions' : '## Parts', '');
    for (const child of children) lines.push(`- **${child.id}** — ${child.title}`);
    lines.push('');
  }
  const workspace = index.definitionsOf(entry.id);
  lines.push(workspace.length > 0 ? `Its text is in the workspace: ${workspace.map((d) => d.uri).join(', ')}` : 'Its text is not in the workspace: clause-level references to it cannot be checked.', '');
  const history = catalogue.history(entry.id);
  lines.push('## Version Control history', '');
  if (history.length === 0) lines.push('No Version Control entry mentions it.');
  for (const item of history) {
    lines.push(`- **${item.version}** (${item.date})`);
    if (item.reason) lines.push(`  - Reason: ${item.reason}`);
    if (item.changes) lines.push(`  - Changes: ${item.changes}`);
  }
  return `${lines.join('\n')}\n`;
}
