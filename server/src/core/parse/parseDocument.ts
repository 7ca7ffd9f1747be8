// text → ParsedDocument. Never throws: any text, however malformed, gives a model (possibly
// empty) and diagnostics. Tracked changes are read in their "after" view: deleted text
// defines and cites nothing, inserted text does.

import type { CoreDiagnostic, ParsedDocument, Reference } from '../model/types';
import type { Instruction } from './instructions';
import { afterView, beforeView, hasChangeMarkup, scanChanges } from '../text/criticMarkup';
import { DocumentNames } from './documentNames';
import { parseDefinitions } from './definitions';
import { parseInstructions } from './instructions';
import { scanReferences } from './references';
import { DocumentContext, parseStructure } from './structure';

export interface ParseOptions {
  names: DocumentNames;
  /**
   * Leave the citations (references and instructions) and the defined terms for later: a
   * one-shot check parses every file for what it defines, then scans each file's citations
   * while resolving it, so that they never need to be held for the whole workspace.
   */
  deferCitations?: boolean;
}

/** What scanning a document's citations needs from its parse. */
export interface CitationScan {
  /** The text as read (tracked changes accepted). */
  text: string;
  contexts: readonly DocumentContext[];
  skip: ReadonlyArray<{ start: number; end: number }>;
}

export interface Citations {
  references: Reference[];
  instructions: Instruction[];
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
  let before: string | null = null;
  if (hasChangeMarkup(source)) {
    const changes = scanChanges(source);
    text = afterView(source, changes.spans);
    if (changes.spans.some((span) => span.kind !== 'comment')) before = beforeView(source, changes.spans);
    for (const problem of changes.malformed) {
      diagnostics.push({ ...problem, severity: 'error', code: 'malformed-change' });
    }
  }
  // A one-shot check reads paragraphs when they are cited; tracked changes compare every unit of both readings.
  const onDemand = options.deferCitations === true && before === null && text === source;
  const structure = parseStructure(text, { paragraphsOnDemand: onDemand });
  const deleted: ParsedDocument['deleted'] = [];
  if (before !== null) {
    // Compare the two readings: what only the old text defines is deleted, what only the new defines is inserted.
    const old = parseStructure(before);
    for (const [id, index] of old.firstDefinitions) {
      const unit = old.units[index];
      // A Part implied by its clauses (no heading of its own) is not deleted with them.
      const implied = unit.labelStart === unit.labelEnd;
      if (!implied && !structure.firstDefinitions.has(id)) deleted.push({ id, start: unit.labelStart, end: unit.labelEnd });
    }
    for (const [id, index] of structure.firstDefinitions) {
      if (!old.firstDefinitions.has(id)) structure.units[index].inserted = true;
    }
  }
  const scan: CitationScan = {
    text,
    contexts: structure.contexts,
    skip: [...structure.contents, ...structure.headingLabels].sort((a, b) => a.start - b.start),
  };
  const citations = options.deferCitations ? { references: [], instructions: [] } : scanCitations(scan, options.names);
  return {
    text: source,
    instructions: citations.instructions,
    units: structure.units,
    definitions: options.deferCitations ? [] : parseDefinitions(text, structure.contents),
    references: citations.references,
    diagnostics: diagnostics.concat(structure.diagnostics),
    contents: structure.contents,
    firstDefinitions: structure.firstDefinitions,
    deleted,
    deferredCitations: options.deferCitations ? scan : undefined,
    paragraphsOnDemand: onDemand ? { read: new Map() } : undefined,
  };
}

export function scanCitations(scan: CitationScan, names: DocumentNames): Citations {
  const instructions = parseInstructions(scan.text);
  let references = scanReferences(scan.text, { names, documentAt: documentLookup(scan.contexts), skip: scan.skip });
  if (instructions.length > 0) {
    // The number an instruction gives a new or renumbered unit is not a citation of it.
    const numbered = instructions.filter((instruction) => instruction.newId !== undefined);
    references = references.filter((reference) => !numbered.some((instruction) =>
      instruction.newId === reference.target && reference.start <= instruction.newIdStart! && instruction.newIdStart! < reference.end));
  }
  return { references, instructions };
}
