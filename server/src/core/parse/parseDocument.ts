// text → ParsedDocument. Never throws: any text, however malformed, gives a model (possibly
// empty) and diagnostics. Tracked changes are read in their "after" view: deleted text
// defines and cites nothing, inserted text does.

import type { CoreDiagnostic, DocumentContext, Instruction, ParsedDocument, Reference } from '../model/types';
import { afterView, beforeView, ChangeSpan, hasChangeMarkup, scanChanges } from '../text/criticMarkup';
import { DocumentNames } from './documentNames';
import { withLineFeeds } from './lines';
import { MAX_REFERENCES_PER_FILE, MAX_UNITS_PER_FILE } from '../model/limits';
import { firstAtOrAfter } from '../text/sorted';
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
  /** The citations' own problem: too many to check (MAX_REFERENCES_PER_FILE). */
  problems: CoreDiagnostic[];
}

/**
 * A one-shot check's parse (parseForCheck): the document with what it defines, its citations
 * left for later, so that they never need to be held for the whole workspace, and the
 * paragraphs of Section clauses left to be read when first cited.
 */
export interface DeferredParse {
  /** References and instructions empty: see `citations`. */
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
  if (found.problems.length > 0) parsed.diagnostics = parsed.diagnostics.concat(found.problems);
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

function parseUnits(written: string, deferParagraphs: boolean): DeferredParse {
  const diagnostics: CoreDiagnostic[] = [];
  const source = withLineFeeds(written);
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
  const onDemand = deferParagraphs && before === null && text === written;
  const structure = parseStructure(text, { paragraphsOnDemand: onDemand });
  if (structure.overBudget) return overBudget(written, text, diagnostics);
  const deleted = before === null ? [] : compareReadings(before, structure);
  const instructions = parseInstructions(text, source, spans);
  const parsed: ParsedDocument = {
    text: written,
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
  if (text !== written) parsed.reading = text;
  // Deleted text defines nothing, inserted text does: terms are read in the text as it reads after the changes.
  parsed.definitions = parseDefinitions(text, { units: structure.units, contexts: structure.contexts, skip: structure.contents });
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
  const bodies = instructions.filter((instruction) => instruction.bodyStart !== undefined).sort((a, b) => a.bodyStart! - b.bodyStart!);
  if (bodies.length === 0) return diagnostics;
  const starts = bodies.map((instruction) => instruction.bodyStart!);
  // The body that could hold an offset is the last to start at or before it: one search per diagnostic.
  const inBody = (offset: number): boolean => {
    const at = firstAtOrAfter(starts, offset + 1) - 1;
    return at >= 0 && offset < bodies[at].bodyEnd!;
  };
  return diagnostics.filter((diagnostic) => diagnostic.code !== 'numbering-order' || !inBody(diagnostic.start));
}

/** A file that makes too many units to hold (MAX_UNITS_PER_FILE): reported, and nothing of it checked. */
function overBudget(written: string, text: string, problems: CoreDiagnostic[]): DeferredParse {
  const message = `This file makes more than ${MAX_UNITS_PER_FILE.toLocaleString('en-GB')} numbered units (a Section of the Code makes a few thousand): it is not checked. Split it, or check that it is a drafting file.`;
  const parsed: ParsedDocument = {
    text: written, instructions: [], units: [], definitions: [], references: [], contents: [], contexts: [], firstDefinitions: new Map(), deleted: [],
    diagnostics: [...problems, { start: 0, end: 0, severity: 'warning', code: 'file-too-large', message }],
  };
  return { parsed, citations: { text, contexts: [], skip: [], instructions: [] }, paragraphs: null };
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
  // A document that was not parsed (over a budget) has nothing to scan.
  if (scan.contexts.length === 0) return { references: [], instructions: [], problems: [] };
  const found = scanReferences(scan.text, { names, documentAt: documentLookup(scan.contexts), skip: scan.skip });
  if (found.length > MAX_REFERENCES_PER_FILE) {
    const message = `This file cites more than ${MAX_REFERENCES_PER_FILE.toLocaleString('en-GB')} references (lists and ranges counted by member): its citations are not checked. Split it, or check that it is a drafting file.`;
    return { references: [], instructions: [], problems: [{ start: 0, end: 0, severity: 'warning', code: 'file-too-large', message }] };
  }
  const instructions = scan.instructions;
  return { references: instructions.length > 0 ? withoutNewNumbers(found, instructions) : found, instructions, problems: [] };
}

/** The number an instruction gives a new or renumbered unit is not a citation of it. */
function withoutNewNumbers(references: Reference[], instructions: readonly Instruction[]): Reference[] {
  // Where each new number is written → the id: a reference is dropped when it spans one of its own id.
  const numbered = instructions.filter((instruction) => instruction.newId !== undefined).sort((a, b) => a.newIdStart! - b.newIdStart!);
  const starts = numbered.map((instruction) => instruction.newIdStart!);
  return references.filter((reference) => {
    for (let i = firstAtOrAfter(starts, reference.start); i < starts.length && starts[i] < reference.end; i++) {
      if (numbered[i].newId === reference.target) return false;
    }
    return true;
  });
}
