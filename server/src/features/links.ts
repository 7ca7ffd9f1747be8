// Document links: each written reference links to its target (the unit in the workspace,
// or the catalogue document).
import type { DocumentLink } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { catalogueUri, toRange } from './shared';

export function documentLinks(index: WorkspaceIndex, uri: string): DocumentLink[] {
  const summary = index.summary(uri);
  if (!summary) return [];
  const links: DocumentLink[] = [];
  for (const { reference, resolution } of index.resolve(uri).references) {
    if (reference.viaRange || !resolution.target || resolution.status === 'broken') continue;
    const definition = index.definitionsOf(resolution.target)[0] ?? resolution.definition;
    let target: string | undefined;
    if (definition) {
      const line = index.summary(definition.uri)?.lines.positionAt(definition.unit.labelStart).line;
      target = line === undefined ? definition.uri : `${definition.uri}#L${line + 1}`;
    } else if (resolution.catalogueEntry) {
      target = catalogueUri(resolution.catalogueEntry.id);
    }
    if (target) links.push({ range: toRange(summary, reference), target, tooltip: `Go to ${resolution.target}` });
  }
  return links;
}
