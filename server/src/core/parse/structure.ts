// Structure: one pass over the lines that finds every numbered unit (Sections, Parts, clauses,
// paragraphs, Schedules, Appendices and their numbered clauses), cross-headings, the table of
// contents, and the numbering problems that parsing alone can see.
//
// The StructureParser reads a line at a time: what the line is (`lineKind`, lineKinds.ts), in
// the state the lines before it left, then one method per kind of line records what it makes.
// The paragraphs read on demand (paragraphsOnDemand.ts) and the in-place re-parse (reparse.ts)
// call the same methods on a window of lines. Every pattern is anchored at a line start with
// bounded repetition, and each line is read once: linear time.

import { documentId, partId, sectionId, versionId } from '../model/ids';
import { MAX_UNITS_PER_FILE } from '../model/limits';
import type { CoreDiagnostic, DocumentContext, Unit, UnitKind } from '../model/types';
import { Ch } from './chars';
import { LineClassifier, LineKind, Mode, SECTION_HEADING } from './lineKinds';
import { lineStartAt, readLine } from './lines';
import { duplicateNumber, isNotUsed, isNotUsedAt, NumberedLabel, orderProblem } from './numbering';
import { ParagraphLevel, placeParagraph } from './paragraphLabels';
import { isDigit, isUpper } from './scanner';
import { readParagraphLabel, readPartOrClause } from './unitLabels';

// features/rename.ts imports this from here.
export { compareClauseNumbers } from './numbering';

export interface StructureResult {
  units: Unit[];
  diagnostics: CoreDiagnostic[];
  contents: Array<{ start: number; end: number }>;
  contexts: DocumentContext[];
  /** Label spans of headings ("Section H", "Appendix AK"): they define, they do not cite. */
  headingLabels: Array<{ start: number; end: number }>;
  /** Each id defined, with the index of its first definition (later ones are duplicates). */
  firstDefinitions: Map<string, number>;
  /** The text makes more units than MAX_UNITS_PER_FILE: parsing stopped there. */
  overBudget: boolean;
}

export interface StructureOptions {
  /**
   * Leave the paragraphs of Section clauses out of `units` (two thirds of all units): they are
   * read when first asked for (paragraphsOnDemand.ts). Their numbering is still checked here.
   */
  paragraphsOnDemand?: boolean;
}

const TITLE_VERSION = /^(.*?)[ \t]+(?:Version|version|v)[ \t]*(\d+(?:\.\d+)*)[ \t]*$/;

const DEPTH_PART = 1;
const DEPTH_CLAUSE = 2;
/** A line this long ends a table of contents: contents list short headings. */
const LONGEST_CONTENTS_LINE = 160;

/** A numbered contents entry's number (`1`, `2.1`, `3.`): a number, then a title. */
const NUMBERED_ENTRY = /^(\d{1,3}(?:\.\d{1,3}){0,4})\.?[ \t]+\S/;

/**
 * Could this line be an entry of a table of contents? Entries are headings: they do not end a
 * sentence or a list item (`.` `;` `,`); a colon ends only a short label of a group
 * ("Schedules:", "Appendices:"), not a sentence introducing a list.
 */
function mayBeContentsEntry(text: string, first: number, contentEnd: number): boolean {
  const last = text.charCodeAt(contentEnd - 1);
  if (last === Ch.Period || last === Ch.Semicolon || last === Ch.Comma) return endsInLeader(text, first, contentEnd);
  if (last !== Ch.Colon) return true;
  let words = 1;
  for (let i = first; i < contentEnd; i++) if (text.charCodeAt(i) === Ch.Space) words++;
  return words <= 2;
}

/** "Introduction ........" : dot leaders run to a page number that extraction lost. */
function endsInLeader(text: string, first: number, contentEnd: number): boolean {
  return contentEnd - first > 3 && text.startsWith('...', contentEnd - 3);
}

/** End of a heading's label: after the keyword, the spaces, and an id of `idLength` characters. */
function labelEndAfter(text: string, keywordEnd: number, idLength: number): number {
  let i = keywordEnd;
  while (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab) i++;
  return i + idLength;
}

/** Shortens an array in place: popping is cheaper than setting `length`, which V8 does in its runtime. */
function truncate(array: unknown[], length: number): void {
  while (array.length > length) array.pop();
}

/** Index of the context that holds `offset`: the last one starting at or before it. */
export function contextIndexAt(contexts: readonly DocumentContext[], offset: number): number {
  let low = 0;
  let high = contexts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (contexts[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The Schedule or Appendix whose numbered clauses "Clause 4.2" cites at an offset, or null. */
export function documentLookup(contexts: readonly DocumentContext[]): (offset: number) => string | null {
  return (offset) => {
    const document = contexts.length === 0 ? null : contexts[contextIndexAt(contexts, offset)].document;
    // Clauses of Schedules and Appendices only: "Clause 4.2" inside a Section is not H-anything.
    return document && !document.startsWith('Section') && !document.startsWith('SECMP') ? document : null;
  };
}

export function parseStructure(text: string, options: StructureOptions = {}): StructureResult {
  return new StructureParser(text, options.paragraphsOnDemand === true).parse();
}

export class StructureParser extends LineClassifier {
  readonly units: Unit[];
  readonly diagnostics: CoreDiagnostic[] = [];
  readonly contents: Array<{ start: number; end: number }> = [];
  readonly contexts: DocumentContext[] = [{ start: 0, document: null }];
  readonly headingLabels: Array<{ start: number; end: number }> = [];
  readonly firstDefinitions = new Map<string, number>();

  /** 1-based number of the line being read. */
  private lineNumber = 0;
  /** The line number of each unit this parser made (from `firstUnit` on): a duplicate's warning names its first's. */
  private readonly unitLines: number[] = [];
  private readonly firstUnit: number;

  // The chain of open units, as two parallel stacks (no object per unit).
  private readonly openIndex: number[] = [];
  private readonly openDepth: number[] = [];
  private readonly paragraphs: ParagraphLevel[] = [];

  private documentIndex = -1;
  private documentName = '';
  private currentPart = -1;
  private clauseDepth = DEPTH_CLAUSE;
  /** Last clause number seen per Part (or per document clause parent), for numbering-order. */
  private readonly lastChildNumber = new Map<number, NumberedLabel>();
  private lastPartNumber: NumberedLabel | null = null;

  /** Units made, and paragraphs left to be read on demand: what the unit budget counts. */
  private unitsMade = 0;

  private contentsStart = -1;
  /** The Sections a table of contents has listed: one listed again is its text starting. */
  private readonly contentsSections = new Set<string>();
  /** The numbered headings (`1`, `2.1`) it has listed: a document's body starts by numbering its first again. */
  private readonly contentsNumbers = new Set<string>();

  /**
   * `deferParagraphs`: see StructureOptions.paragraphsOnDemand. `units`: a parse's units that
   * this parser adds to (reading paragraphs on demand), or none.
   */
  constructor(
    text: string,
    private readonly deferParagraphs = false,
    units: Unit[] = [],
  ) {
    super(text);
    this.units = units;
    this.firstUnit = units.length;
  }

  parse(): StructureResult {
    let overBudget = false;
    for (let at = 0; at !== -1; at = this.line.next) {
      readLine(this.text, at, this.line);
      this.parseLine();
      if (this.unitsMade > MAX_UNITS_PER_FILE) {
        overBudget = true;
        break;
      }
    }
    if (this.contentsStart !== -1) this.contents.push({ start: this.contentsStart, end: this.text.length });
    this.closeTo(0, this.lastContentEnd);
    const { units, diagnostics, contents, contexts, headingLabels, firstDefinitions } = this;
    return { units, diagnostics, contents, contexts, headingLabels, firstDefinitions, overBudget };
  }

  private parseLine(): void {
    this.lineNumber++;
    const line = this.line;
    if (line.first >= line.contentEnd) {
      this.endLine(LineKind.Blank);
      return;
    }
    const kind = this.contentsStart !== -1 && this.contentsLine() ? LineKind.InContents : this.lineKind();
    this.record(kind);
    this.endLine(kind);
  }

  private record(kind: LineKind): void {
    switch (kind) {
      case LineKind.ContentsHeading: return this.contentsHeading();
      case LineKind.SectionHeading: return this.sectionHeading();
      case LineKind.DocumentHeading: return this.documentHeading();
      case LineKind.ModificationHeading: return this.modificationHeading();
      case LineKind.Part: return this.partHeading();
      case LineKind.Clause: return this.clause();
      case LineKind.DocumentClause: return this.documentClause();
      case LineKind.Paragraph: return this.paragraph();
      default: return undefined;
    }
  }

  // ---- Tables of contents: a "Contents" line starts one; it lists headings that define nothing.

  private contentsHeading(): void {
    if (this.contentsStart !== -1) return;
    this.closeTo(0, this.lastContentEnd);
    this.contentsStart = this.line.start;
    this.contentsSections.clear();
    this.contentsNumbers.clear();
  }

  /** A line of an open table of contents: true while the contents go on; a line that ends them closes them, to be read as any other. */
  private contentsLine(): boolean {
    if (this.isContentsHeading()) return true;
    const text = this.text;
    const i = this.line.first;
    const first = text.charCodeAt(i);
    // The contents end where their entries end: at numbered text, at a heading they listed
    // coming again, or at a line no entry is (a sentence, a long line).
    let ends = false;
    if (isUpper(first) && isDigit(text.charCodeAt(i + 1))) ends = readPartOrClause(text, i, this.label) && this.label.clauseStart !== -1;
    else if (first === Ch.LParen) ends = readParagraphLabel(text, i) !== -1;
    else if (first === Ch.S) ends = this.listsSectionAgain(i);
    else if (isDigit(first)) ends = this.listsNumberAgain(i);
    if (!ends) ends = this.line.contentEnd - i > LONGEST_CONTENTS_LINE || !mayBeContentsEntry(text, i, this.line.contentEnd);
    if (!ends) return true;
    this.contents.push({ start: this.contentsStart, end: this.line.start });
    this.contentsStart = -1;
    return false;
  }

  /** `2.1 Interpretation` in a document's own contents; the same number again starts its body. Page numbers alone are not entries. */
  private listsNumberAgain(at: number): boolean {
    const match = NUMBERED_ENTRY.exec(this.text.slice(at, Math.min(this.line.contentEnd, at + 24)));
    if (!match) return false;
    if (this.contentsNumbers.has(match[1])) return true;
    this.contentsNumbers.add(match[1]);
    return false;
  }

  private listsSectionAgain(at: number): boolean {
    SECTION_HEADING.lastIndex = at;
    const match = SECTION_HEADING.exec(this.text);
    if (!match) return false;
    if (this.contentsSections.has(match[1])) return true;
    this.contentsSections.add(match[1]);
    return false;
  }

  // ---- Headings: Section, Schedule, Appendix and modification (SECMP) headings start a document.

  private sectionHeading(): void {
    const match = this.match!;
    const labelEnd = labelEndAfter(this.text, this.line.first + 'Section'.length, 1);
    this.startDocument('section', sectionId(match[1]), `Section ${match[1]}`, match[2].trim(), labelEnd, null);
    this.mode = Mode.Section;
    this.sectionLetter = match[1].charCodeAt(0);
  }

  private documentHeading(): void {
    const match = this.match!;
    const type = match[1].charCodeAt(0) === Ch.S ? 'Schedule' : 'Appendix';
    const id = documentId(type, match[2]);
    let title = match[3].trim();
    const version = TITLE_VERSION.exec(title);
    let versioned: string | null = null;
    if (version && version[1].length > 0) {
      title = version[1].trim();
      versioned = versionId(id, version[2]);
    }
    const labelEnd = labelEndAfter(this.text, this.line.first + match[1].length, match[2].length);
    this.startDocument(type === 'Schedule' ? 'schedule' : 'appendix', id, `${type} ${match[2]}`, title, labelEnd, versioned);
    this.mode = Mode.Document;
  }

  private modificationHeading(): void {
    const match = this.match!;
    const id = `SECMP${match[1]}`;
    const labelEnd = this.line.first + 'SECMP'.length + (match[0].charCodeAt(5) === Ch.Space ? 1 : 0) + 4;
    this.startDocument('modification', id, id, match[2].trim(), labelEnd, null);
    this.mode = Mode.None;
  }

  private startDocument(kind: UnitKind, id: string, label: string, title: string, labelEnd: number, versioned: string | null): void {
    const start = this.line.first;
    this.headingLabels.push({ start, end: labelEnd });
    this.closeTo(0, this.lastContentEnd);
    this.crossHeadingStart = -1;
    truncate(this.paragraphs, 0);
    this.currentPart = -1;
    this.currentClause = -1;
    this.lastPartNumber = null;
    this.documentIndex = this.addUnit(kind, versioned ?? id, label, title, start, labelEnd, 0, -1, isNotUsed(title));
    this.documentName = id;
    this.contexts.push({ start, document: id });
  }

  // ---- Parts (`H4 Title`) and clauses (`H4.3 ...`) of a Section.

  private partHeading(): void {
    const text = this.text;
    const i = this.line.first;
    const { partEnd, end: labelEnd } = this.label;
    const part = text.slice(i + 1, partEnd);
    const label = text.slice(i, partEnd);
    if (this.mode === Mode.Section) this.checkOrder(label, part, i, labelEnd, this.lastPartNumber);
    this.lastPartNumber = { label, number: part };
    truncate(this.paragraphs, 0);
    this.currentClause = -1;
    const section = this.mode === Mode.Section ? this.documentIndex : -1;
    this.currentPart = this.addUnit('part', partId(text[i], part), label, this.rest, i, labelEnd, DEPTH_PART, section, isNotUsed(this.rest));
  }

  private clause(): void {
    const text = this.text;
    const i = this.line.first;
    const { partEnd, clauseStart, end: labelEnd } = this.label;
    const number = text.slice(clauseStart, labelEnd);
    const label = text.slice(i, labelEnd);
    const open = this.currentPart === -1 ? null : this.units[this.currentPart];
    // The Part's label is its letter and number: compared in place, without building its id.
    if (open === null || open.label.length !== partEnd - i || !text.startsWith(open.label, i)) this.impliedPart(i, partEnd);
    this.checkOrder(label, number, i, labelEnd, this.lastChildNumber.get(this.currentPart));
    this.lastChildNumber.set(this.currentPart, { label, number });
    truncate(this.paragraphs, 0);
    this.clauseDepth = DEPTH_CLAUSE;
    // Section H4.3: the label is the clause's id within its Section.
    const notUsed = isNotUsedAt(text, labelEnd, this.line.contentEnd);
    this.currentClause = this.addUnit('clause', sectionId(label), label, '', i, labelEnd, DEPTH_CLAUSE, this.currentPart, notUsed);
    this.clauseRead();
  }

  /** Clauses without their Part heading still make the Part's text present. */
  private impliedPart(at: number, partEnd: number): void {
    const part = this.text.slice(at + 1, partEnd);
    const label = this.text.slice(at, partEnd);
    const section = this.mode === Mode.Section ? this.documentIndex : -1;
    this.currentPart = this.addUnit('part', partId(this.text[at], part), label, '', at, at, DEPTH_PART, section, false);
    this.lastPartNumber = { label, number: part };
  }

  // ---- Numbered clauses of a Schedule or an Appendix (`4.2 ...`, `4.2.1 ...`).

  private documentClause(): void {
    const number = this.match![1];
    const i = this.line.first;
    const labelEnd = this.labelEnd;
    const segments = number.split('.');
    const depth = segments.length;
    const parent = this.documentClauseParent(number, depth);
    const lastSegment = segments[depth - 1];
    this.checkOrder(number, lastSegment, i, labelEnd, this.lastChildNumber.get(parent));
    this.lastChildNumber.set(parent, { label: number, number: lastSegment });
    truncate(this.paragraphs, 0);
    this.clauseDepth = depth;
    const title = depth === 1 ? this.rest : '';
    this.currentClause = this.addUnit('docClause', `${this.documentName} ${number}`, number, title, i, labelEnd, depth, parent, isNotUsed(this.rest));
  }

  /** The open numbered clause this one is under (4.2 for 4.2.1), or the document. */
  private documentClauseParent(number: string, depth: number): number {
    for (let o = this.openIndex.length - 1; o >= 0; o--) {
      const candidate = this.units[this.openIndex[o]];
      if (candidate.kind === 'docClause' && this.openDepth[o] < depth && number.startsWith(candidate.label + '.')) return this.openIndex[o];
    }
    return this.documentIndex;
  }

  // ---- Paragraphs: `(a)`, then `(i)`, then `(A)`, nested under the clause above.

  private paragraph(): void {
    const text = this.text;
    const { start, first: i, contentEnd } = this.line;
    const labelEnd = this.labelEnd;
    const written = text.slice(i, labelEnd); // (a)
    const label = written.slice(1, -1);
    const indent = i - start;
    const placed = placeParagraph(this.paragraphs, label, indent);
    if (placed.outOfSequence) {
      this.numberingOrder(i, labelEnd, `Paragraph (${label}) is out of sequence${placed.expected ? `: expected (${placed.expected})` : ''}.`);
    }
    const level = placed.level;
    const clause = this.units[this.currentClause];
    let unit = -1;
    if (this.deferParagraphs && clause.kind === 'clause') {
      if (level === 0) clause.childCount++;
      this.unitsMade++;
    } else {
      const parent = level === 0 ? this.currentClause : this.paragraphs[level - 1].unit;
      const notUsed = isNotUsedAt(text, labelEnd, contentEnd);
      unit = this.addUnit('paragraph', this.units[parent].id + written, written, '', i, labelEnd, this.clauseDepth + 1 + level, parent, notUsed);
    }
    truncate(this.paragraphs, level);
    this.paragraphs.push({ kind: placed.kind, last: label, unit, indent });
  }

  /**
   * Makes the units of the paragraphs of a Section clause that a parse with `deferParagraphs`
   * left out, appending them to `units` (this parser's, given to the constructor) exactly as a
   * full parse would have made them; returns their ids → index. Within a clause every line is
   * a paragraph or text: its lines are read for paragraphs only.
   */
  readParagraphsOf(clauseIndex: number): Map<string, number> {
    const clause = this.units[clauseIndex];
    this.currentClause = clauseIndex;
    this.openIndex.push(clauseIndex);
    this.openDepth.push(DEPTH_CLAUSE);
    // The parse counted the clause's own paragraphs; they are counted again as they are made.
    clause.childCount = 0;
    for (let at = lineStartAt(this.text, clause.labelStart); at !== -1 && at < clause.end; at = this.line.next) {
      readLine(this.text, at, this.line);
      if (this.line.first >= this.line.contentEnd) continue;
      if (this.line.first > clause.labelStart && this.isParagraph()) this.paragraph();
      this.lastContentEnd = this.line.contentEnd;
    }
    // The clause closed them all when it closed.
    this.closeTo(DEPTH_CLAUSE + 1, clause.end);
    return this.firstDefinitions;
  }

  // ---- Cross-headings and units.

  private addUnit(kind: UnitKind, id: string, label: string, title: string, labelStart: number, labelEnd: number, depth: number,
    parent: number, notUsed: boolean): number {
    const crossHeading = this.crossHeadingStart !== -1 && (kind === 'clause' || kind === 'docClause');
    this.closeTo(depth, crossHeading ? this.crossHeadingEndBefore : this.lastContentEnd);
    const unit: Unit = { id, kind, label, title, start: labelStart, end: labelEnd, labelStart, labelEnd, parent, notUsed, childCount: 0 };
    if (crossHeading) {
      const { crossHeadingStart: start, crossHeadingEnd: end } = this;
      unit.crossHeading = { text: this.text.slice(start, end), start, end };
    }
    this.crossHeadingStart = -1;
    const index = this.units.length;
    this.units.push(unit);
    this.unitsMade++;
    this.unitLines.push(this.lineNumber);
    if (parent >= 0) {
      const parentUnit = this.units[parent];
      parentUnit.childCount++;
      if (parentUnit.notUsed || parentUnit.withinNotUsed) unit.withinNotUsed = true;
    }
    this.openIndex.push(index);
    this.openDepth.push(depth);
    this.define(id, kind, index);
    return index;
  }

  private define(id: string, kind: UnitKind, index: number): void {
    const earlier = this.firstDefinitions.get(id);
    if (earlier === undefined) {
      this.firstDefinitions.set(id, index);
    } else if (kind !== 'paragraph' && this.units[index].labelStart !== this.units[index].labelEnd) {
      // A repeated paragraph label (a list restarted by mistake) keeps the first, silently; so does a Part
      // implied again by its clauses (a draft quotes clauses of several Parts in turn).
      this.diagnostics.push(duplicateNumber(this.units[index], this.units[earlier], this.unitLines[earlier - this.firstUnit]));
    }
  }

  /** Closes the open units at `depth` and deeper, ending them at `end`. */
  private closeTo(depth: number, end: number): void {
    const { openIndex, openDepth, units } = this;
    while (openDepth.length > 0 && openDepth[openDepth.length - 1] >= depth) {
      openDepth.pop();
      const top = units[openIndex.pop()!];
      top.end = Math.max(top.labelEnd, end);
    }
  }

  private checkOrder(label: string, number: string, start: number, end: number, previous: NumberedLabel | null | undefined): void {
    const problem = orderProblem(label, number, previous);
    if (problem) this.numberingOrder(start, end, problem);
  }

  private numberingOrder(start: number, end: number, message: string): void {
    this.diagnostics.push({ start, end, severity: 'information', code: 'numbering-order', message });
  }
}
