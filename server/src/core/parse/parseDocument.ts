// text → ParsedDocument. Never throws: any text, however malformed, gives a model (possibly
// empty) and diagnostics. Tracked changes are read in their "after" view: deleted text
// defines and cites nothing, inserted text does.

import type { CoreDiagnostic, ParsedDocument } from '../model/types';
import { afterView, hasChangeMarkup, scanChanges } from '../text/criticMarkup';
import { DocumentNames } from './documentNames';
import { parseDefinitions } from './definitions';
import { scanReferences } from './references';
import { DocumentContext, parseStructure } from './structure';

export interface ParseOptions {
  names: DocumentNames;
}

function documentLookup(contexts: readonly DocumentContext[]): (offset: number) => string | null {
  return (offset) => {
    let low = 0;
    let high = contexts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (contexts[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    const document = contexts[low].document;
    // Clauses of Schedules and Appendices only: "Clause 4.2" inside a Section is not H-anything.
    return document && !document.startsWith('Section') && !document.startsWith('SECMP') ? document : null;
  };
}

export function parseDocument(source: string, options: ParseOptions): ParsedDocument {
  const diagnostics: CoreDiagnostic[] = [];
  let text = source;
  if (hasChangeMarkup(source)) {
    const changes = scanChanges(source);
    text = afterView(source, changes.spans);
    for (const problem of changes.malformed) {
      diagnostics.push({ ...problem, severity: 'error', code: 'malformed-change' });
    }
  }
  const structure = parseStructure(text);
  const references = scanReferences(text, {
    names: options.names,
    documentAt: documentLookup(structure.contexts),
    skip: [...structure.contents, ...structure.headingLabels].sort((a, b) => a.start - b.start),
  });
  return {
    text: source,
    units: structure.units,
    definitions: parseDefinitions(text, structure.contents),
    references,
    diagnostics: diagnostics.concat(structure.diagnostics),
    contents: structure.contents,
    firstDefinitions: structure.firstDefinitions,
  };
}
