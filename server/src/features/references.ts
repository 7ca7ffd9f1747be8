// References: every citation of a unit across the workspace, including citations of what
// it contains (its paragraphs, a Part's clauses) and members of ranges (H10.9-H10.13 cites H10.11);
// for a defined term (from a use or from its definition), every use of it in the workspace.
import type { Location } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { isWithin } from '../core/model/ids';
import type { Reference } from '../core/model/types';
import type { Cancellation } from './cancellation';
import { referenceAt, toRange, unitLabelAt } from './shared';
import { termAt } from './terms';

export interface Citation {
  uri: string;
  reference: Reference;
}

export function citationsOf(index: EditorIndex, id: string, token?: Cancellation): Citation[] {
  const citations: Citation[] = [];
  for (const uri of index.citersOf(id).sort()) {
    if (token?.isCancellationRequested) return [];
    for (const reference of index.summary(uri)?.parsed.references ?? []) {
      if (reference.target !== null && isWithin(reference.target, id)) citations.push({ uri, reference });
    }
  }
  return citations;
}

/** The id at an offset: the target of a reference, or the unit whose label it is. */
export function idAt(index: EditorIndex, uri: string, offset: number): string | null {
  const resolved = referenceAt(index, uri, offset);
  if (resolved) return resolved.resolution.target;
  const summary = index.summary(uri);
  return summary ? unitLabelAt(summary, offset)?.id ?? null : null;
}

export function references(index: EditorIndex, uri: string, offset: number, includeDeclaration: boolean, token?: Cancellation): Location[] {
  const id = idAt(index, uri, offset);
  if (!id) return termReferences(index, uri, offset, includeDeclaration, token);
  const locations: Location[] = [];
  if (includeDeclaration) {
    for (const definition of index.definitionsOf(id)) {
      const summary = index.summary(definition.uri);
      if (summary) locations.push({ uri: definition.uri, range: toRange(summary, { start: definition.unit.labelStart, end: definition.unit.labelEnd }) });
    }
  }
  for (const citation of citationsOf(index, id, token)) {
    const summary = index.summary(citation.uri)!;
    locations.push({ uri: citation.uri, range: toRange(summary, citation.reference) });
  }
  return locations;
}

/** Every use of the defined term at an offset, by file and place; its definitions first when asked for. */
export function termReferences(index: EditorIndex, uri: string, offset: number, includeDeclaration: boolean, token?: Cancellation): Location[] {
  const found = termAt(index, uri, offset);
  if (!found) return [];
  const locations: Location[] = [];
  if (includeDeclaration) {
    for (const { uri: owner, definition } of found.entry.definitions) {
      const summary = index.summary(owner);
      if (summary) locations.push({ uri: owner, range: toRange(summary, definition) });
    }
  }
  if (token?.isCancellationRequested) return [];
  const uses = index.usesOfTerm(found.entry.term).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.use.start - b.use.start));
  for (const { uri: user, use } of uses) {
    const summary = index.summary(user);
    if (summary) locations.push({ uri: user, range: toRange(summary, use) });
  }
  return locations;
}
