// References: every citation of a unit across the workspace, including citations of what
// it contains (its paragraphs, a Part's clauses) and members of ranges (H10.9-H10.13 cites H10.11).
import type { Location } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { isWithin } from '../core/model/ids';
import type { Reference } from '../core/model/types';
import type { Cancellation } from './cancellation';
import { referenceAt, toRange, unitLabelAt } from './shared';

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
  if (!id) return [];
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
