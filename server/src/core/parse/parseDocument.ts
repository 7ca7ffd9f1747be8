// text → ParsedDocument. Never throws: any text, however malformed, gives a model (possibly
// empty) and diagnostics. Tracked changes are read in their "after" view: deleted text
// defines and cites nothing, inserted text does.

import type { CoreDiagnostic, DocumentContext, Instruction, ParsedDocument, Reference } from '../model/types';
import { afterView, beforeView, ChangeSpan, hasChangeMarkup, scanChanges } from '../text/criticMarkup';
import { DocumentNames } from './documentNames';
import { parseDefinitions } from './definitions';
import { parseInstructions } from './instructions';
import { scanReferences } from './references';
import { ParagraphsOnDemand } from './paragraphsOnDemand';
import { documentLookup, parseStructure, StructureResult } from './structure';

export interface ParseOptions {
  names: DocumentNames;
}

/** What scanning a document's citations needs from its parse. */
export interface CitationScan {
  /** The text as read (tracked changes accepted). */
  text: string;
  contexts: readonly DocumentContext[];
  skip: ReadonlyArray<{ start: number; end: number }>;
  /** The document's instructions, read with its units (a one-shot check needs every draft's before checking any file). */
  instructions: Instruction[];
}

export interface Citations {
  references: Reference[];
  instructions: Instruction[];
}

/**
 * A one-shot check's parse (parseForCheck): the document with what it defines, its citations
 * left for later, so that they never need to be held for the whole workspace, and the
 * paragraphs of Section clauses left to be read when first cited.
 */
export interface DeferredParse {
  /** References and defined terms empty: see `citations`. */
  parsed: ParsedDocument;
  citations: CitationScan;
  /** Null when the document has tracked changes: every unit of both readings is compared, so all are made. */
  paragraphs: ParagraphsOnDemand | null;
}

export function parseDocument(source: string, options: ParseOptions): ParsedDocument {
  const { parsed, citations } = parseUnits(source, false);
  const found = scanCitations(citations, options.names);
  parsed.references = found.references;
  parsed.instructions = found.instructions;
  parsed.definitions = parseDefinitions(citations.text, parsed.contents);
  return parsed;
}

/** A text's references alone: its units read only as far as its citations need them. */
export function referencesIn(source: string, names: DocumentNames): Reference[] {
  return scanCitations(parseUnits(source, true).citations, names).references;
}

/** What a file defines, its citations left for later (a one-shot check: see DeferredParse). */
export function parseForCheck(source: string): DeferredParse {
  return parseUnits(source, true);
}

function parseUnits(source: string, deferParagraphs: boolean): DeferredParse {
  const diagnostics: CoreDiagnostic[] = [];
  let text = source;
  let before: string | null = null;
  let spans: ChangeSpan[] = [];
  if (hasChangeMarkup(source)) {
    const changes = scanChanges(source);
    spans = changes.spans;
    text = afterView(source, changes.spans);
    if (changes.spans.some((span) => span.kind !== 'comment')) before = beforeView(source, changes.spans);
    for (const problem of changes.malformed) {
      diagnostics.push({ ...problem, severity: 'error', code: 'malformed-change' });
    }
  }
  // Tracked changes compare every unit of both readings, so paragraphs are read on demand only without them.
  const onDemand = deferParagraphs && before === null && text === source;
  const structure = parseStructure(text, { paragraphsOnDemand: onDemand });
  const deleted = before === null ? [] : compareReadings(before, structure);
  const instructions = parseInstructions(text, source, spans);
  const parsed: ParsedDocument = {
    text: source,
    instructions,
    units: structure.units,
    definitions: [],
    references: [],
    diagnostics: diagnostics.concat(outsideBodies(structure.diagnostics, instructions)),
    contents: structure.contents,
    contexts: structure.contexts,
    firstDefinitions: structure.firstDefinitions,
    deleted,
  };
  const citations: CitationScan = {
    text,
    contexts: structure.contexts,
    skip: [...structure.contents, ...structure.headingLabels].sort((a, b) => a.start - b.start),
    instructions,
  };
  return { parsed, citations, paragraphs: onDemand ? new ParagraphsOnDemand(parsed) : null };
}

/**
 * The numbers a draft quotes in the text its instructions introduce are the Code's, quoted in
 * whatever order the draft takes them: no numbering sequence of the draft's own to check.
 */
function outsideBodies(diagnostics: CoreDiagnostic[], instructions: readonly Instruction[]): CoreDiagnostic[] {
  const bodies = instructions.filter((instruction) => instruction.bodyStart !== undefined);
  if (bodies.length === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.code !== 'numbering-order' ||
    !bodies.some((instruction) => diagnostic.start >= instruction.bodyStart! && diagnostic.start < instruction.bodyEnd!));
}

/** What only the old reading defines is deleted; what only the new one defines is marked inserted. */
function compareReadings(before: string, structure: StructureResult): ParsedDocument['deleted'] {
  const deleted: ParsedDocument['deleted'] = [];
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
  return deleted;
}

export function scanCitations(scan: CitationScan, names: DocumentNames): Citations {
  const instructions = scan.instructions;
  let references = scanReferences(scan.text, { names, documentAt: documentLookup(scan.contexts), skip: scan.skip });
  if (instructions.length > 0) {
    // The number an instruction gives a new or renumbered unit is not a citation of it.
    const numbered = instructions.filter((instruction) => instruction.newId !== undefined);
    references = references.filter((reference) => !numbered.some((instruction) =>
      instruction.newId === reference.target && reference.start <= instruction.newIdStart! && instruction.newIdStart! < reference.end));
  }
  return { references, instructions };
}
