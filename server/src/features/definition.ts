// Go to definition: the unit in the workspace, or a read-only catalogue document for a
// target only the catalogue knows (for an unverified clause, its Part's entry); for a defined
// term, its definitions, the one that applies where the term is used first.
import type { LocationLink } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { catalogueUri, referenceAt, toRange } from './shared';
import { applyingDefinitions, termAt } from './terms';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(index: WorkspaceIndex, uri: string, offset: number): LocationLink[] {
  const summary = index.summary(uri);
  const resolved = referenceAt(index, uri, offset);
  if (summary && !resolved) return termDefinition(index, uri, offset);
  if (!summary || !resolved || !resolved.resolution.target) return [];
  const origin = toRange(summary, resolved.reference);
  const { resolution } = resolved;
  const links: LocationLink[] = [];
  for (const found of index.definitionsOf(resolution.target!)) {
    const target = index.summary(found.uri);
    if (!target) continue;
    links.push({
      originSelectionRange: origin,
      targetUri: found.uri,
      targetRange: toRange(target, found.unit),
      targetSelectionRange: toRange(target, { start: found.unit.labelStart, end: found.unit.labelEnd }),
    });
  }
  if (links.length > 0) return links;
  if (resolution.definition && resolution.status !== 'broken') {
    // A paragraph or clause not written out: go to the nearest unit that is.
    const target = index.summary(resolution.definition.uri);
    if (target) {
      const unit = resolution.definition.unit;
      return [{ originSelectionRange: origin, targetUri: resolution.definition.uri, targetRange: toRange(target, unit), targetSelectionRange: toRange(target, { start: unit.labelStart, end: unit.labelEnd }) }];
    }
  }
  const entry = resolution.catalogueEntry;
  if (entry && resolution.status !== 'broken') {
    return [{ originSelectionRange: origin, targetUri: catalogueUri(entry.id), targetRange: TOP, targetSelectionRange: TOP }];
  }
  return [];
}

/** A defined term's definitions in force there: the term as defined selected, its whole definition the target. */
function termDefinition(index: WorkspaceIndex, uri: string, offset: number): LocationLink[] {
  const found = termAt(index, uri, offset);
  const summary = index.summary(uri);
  if (!found || !summary) return [];
  const origin = toRange(summary, found.span);
  const links: LocationLink[] = [];
  for (const { uri: target, definition } of applyingDefinitions(found.entry, uri, found.span.start)) {
    const owner = index.summary(target);
    if (!owner) continue;
    links.push({
      originSelectionRange: origin,
      targetUri: target,
      targetRange: toRange(owner, { start: definition.start, end: Math.max(definition.end, definition.definitionEnd) }),
      targetSelectionRange: toRange(owner, definition),
    });
  }
  return links;
}
