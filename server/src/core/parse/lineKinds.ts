// What a line of a SEC file is — a heading, a Part, a clause, a paragraph, text — in the state
// the lines before it left: the document it is in, whether a clause is open, how the line before
// ended. The structure pass (StructureParser, structure.ts) is a LineClassifier that also
// records what each line makes; the in-place re-parse (reparse.ts) uses one alone, to tell
// whether an edited line is still what it was.

import type { DocumentContext, Unit } from '../model/types';
import { Ch } from './chars';
import { LineSpan, lineStartAt, newLineSpan, readLine } from './lines';
import { isNotUsed, isNotUsedAt } from './numbering';
import { isDigit, isLetter, isUpper } from './scanner';
import { PartOrClauseSpan, readParagraphLabel, readPartOrClause } from './unitLabels';

/** What a line is, in the state the lines before it left. */
export const enum LineKind {
  Blank,
  ContentsHeading,
  /** A line of a table of contents (the structure pass alone tells these). */
  InContents,
  SectionHeading,
  DocumentHeading,
  ModificationHeading,
  Part,
  Clause,
  DocumentClause,
  Paragraph,
  Text,
}

/**
 * What a line defines, as the re-parse compares a line before and after an edit: the same
 * readings make the same units, with the same labels, titles, markers and cross-headings.
 */
export interface LineReading {
  kind: LineKind;
  /** The unit's label as written (`H4.3`, `(a)`, `4.2.`); '' for a line that makes no unit. */
  label: string;
  /** What else the unit takes from its line and the lines before: title, [Not used], indentation, cross-heading. */
  marks: string;
}

export function sameReading(a: LineReading, b: LineReading): boolean {
  return a.kind === b.kind && a.label === b.label && a.marks === b.marks;
}

export const enum Mode {
  /** Before any heading, or in a modification: the first clause makes it a Section's. */
  None,
  Section,
  /** A Schedule or an Appendix: numbered clauses such as `4.2`. */
  Document,
}

export const SECTION_HEADING = /(?:Section|SECTION)[ \t]+([A-Z])[ \t]*(?::|\u2013|\u2014|-)[ \t]*([^\r\n]*)/y;
const DOCUMENT_HEADING = /(Schedule|SCHEDULE|Appendix|APPENDIX)[ \t]+(\d{1,2}|[A-Z]{1,2})[ \t]*:[ \t]*([^\r\n]*)/y;
const MODIFICATION_HEADING = /SECMP[ \t]?(\d{4})[ \t]*(?::|\u2013|\u2014|-)[ \t]*([^\r\n]*)/y;
const CONTENTS_HEADING = /^(?:[A-Z][A-Z ]*\s)?(?:CONTENTS|Contents|Table of Contents|TABLE OF CONTENTS)$/;
const DOC_CLAUSE = /(\d{1,3}(?:\.\d{1,3}){0,4})\.?(?=[ \t]|\r?$)/y;

const LONGEST_CROSS_HEADING = 90;
/** A clause open but not made (a classifier reads lines, it makes no units). */
const UNKNOWN_CLAUSE = Number.MAX_SAFE_INTEGER;

/** Words that, ending a line, leave a citation to be finished on the next one. */
const CONTINUING_WORDS = new Set(['Section', 'Sections', 'SECTION', 'SECTIONS', 'section', 'sections', 'Clause', 'Clauses', 'clause', 'clauses', 'and', 'or', 'to']);
const LONGEST_CONTINUING_WORD = 8;

/** Does the line's content end in the middle of a citation ("... see Section", "H4.1,")? */
function endsMidReference(text: string, lineStart: number, contentEnd: number): boolean {
  const last = text.charCodeAt(contentEnd - 1);
  if (last === Ch.Comma || last === Ch.Hyphen || last === Ch.EnDash) return true;
  // Look at the last word only if it is short and all letters.
  let start = contentEnd;
  while (start > lineStart && contentEnd - start <= LONGEST_CONTINUING_WORD && isLetter(text.charCodeAt(start - 1))) start--;
  if (start === contentEnd || contentEnd - start > LONGEST_CONTINUING_WORD) return false;
  const before = start > lineStart ? text.charCodeAt(start - 1) : Ch.Space;
  if (before !== Ch.Space && before !== Ch.Tab && before !== Ch.LParen && before !== Ch.NoBreakSpace) return false;
  return CONTINUING_WORDS.has(text.slice(start, contentEnd));
}

function endsSentence(code: number): boolean {
  return code === Ch.Period || code === Ch.Semicolon || code === Ch.Colon;
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

/** Index of the last unit whose label starts before `offset`, or -1 (a parse makes units in the order of their labels). */
export function lastUnitBefore(units: readonly Unit[], offset: number): number {
  let low = -1;
  let high = units.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (units[mid].labelStart < offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class LineClassifier {
  /** The line read last. */
  readonly line: LineSpan = newLineSpan();

  // What lineKind read of the line, for the method that records it.
  readonly label: PartOrClauseSpan = { partEnd: 0, clauseStart: -1, end: 0 };
  protected match: RegExpExecArray | null = null;
  protected labelEnd = 0;
  /** The text after a Part's or numbered clause's label, trimmed: its title. */
  protected rest = '';

  protected mode = Mode.None;
  /** In a Section, its letter's code: a Part or clause of another letter is text. */
  protected sectionLetter = 0;
  /** The open clause, for its paragraphs (-1: none). */
  protected currentClause = -1;

  protected lastContentEnd = 0;
  protected previousLineBlank = true;
  protected previousLineEndsSentence = true;
  /**
   * The last non-blank line, as offsets: if it ended in the middle of a citation ("... see
   * Section"), the next line's id is cited, not defined. Asked only of lines that start like a
   * clause, not worked out for every line.
   */
  protected previousLineStart = -1;
  protected previousLineEnd = -1;
  /**
   * A line that is a cross-heading if a clause follows it, as offsets (-1: none): its text is
   * read only if a clause confirms it, for most such lines are a sentence's first.
   */
  protected crossHeadingStart = -1;
  protected crossHeadingEnd = -1;
  /** Where the unit before the cross-heading ends: it belongs to the clause it precedes. */
  protected crossHeadingEndBefore = -1;

  constructor(protected readonly text: string) {}

  /** What the line read last is, in the state the lines before it left; changes nothing but what it read. */
  lineKind(): LineKind {
    const text = this.text;
    const i = this.line.first;
    if (i >= this.line.contentEnd) return LineKind.Blank;
    if (this.isContentsHeading()) return LineKind.ContentsHeading;
    const first = text.charCodeAt(i);
    if (first === Ch.S || first === Ch.A) {
      const heading = this.headingKind(first);
      if (heading !== LineKind.Text) return heading;
    }
    if (this.mode !== Mode.Document && isUpper(first) && isDigit(text.charCodeAt(i + 1)) && !this.previousLineContinues()) {
      const numbered = this.partOrClauseKind();
      if (numbered !== LineKind.Text) return numbered;
    }
    if (this.mode === Mode.Document && isDigit(first) && this.isDocumentClause()) return LineKind.DocumentClause;
    if (this.isParagraph()) return LineKind.Paragraph;
    return LineKind.Text;
  }

  /** How a line leaves the state for the next: how it ended, and a cross-heading candidate or none. */
  protected endLine(kind: LineKind): void {
    if (kind === LineKind.Blank) {
      this.previousLineBlank = true;
      return;
    }
    const { first, contentEnd } = this.line;
    if (kind === LineKind.Text) this.crossHeadingCandidate();
    else this.crossHeadingStart = -1;
    this.lastContentEnd = contentEnd;
    this.previousLineEndsSentence = endsSentence(this.text.charCodeAt(contentEnd - 1));
    this.previousLineStart = first;
    this.previousLineEnd = contentEnd;
    this.previousLineBlank = false;
  }

  /** A Section clause read: before any heading (or in a modification) the first makes the text a Section's. */
  protected clauseRead(): void {
    if (this.mode !== Mode.None) return;
    this.mode = Mode.Section;
    this.sectionLetter = this.text.charCodeAt(this.line.first);
  }

  protected previousLineContinues(): boolean {
    return this.previousLineEnd !== -1 && endsMidReference(this.text, this.previousLineStart, this.previousLineEnd);
  }

  protected isContentsHeading(): boolean {
    const text = this.text;
    const { first, contentEnd } = this.line;
    const last = text.charCodeAt(contentEnd - 1);
    if ((last !== Ch.LowerS && last !== Ch.S) || contentEnd - first < 8 || contentEnd - first > 60) return false;
    return text.slice(contentEnd - 8, contentEnd).toUpperCase().endsWith('CONTENTS') && CONTENTS_HEADING.test(text.slice(first, contentEnd));
  }

  /** Section, Schedule, Appendix and modification (SECMP) headings, which start a document. */
  private headingKind(first: number): LineKind {
    const text = this.text;
    const i = this.line.first;
    SECTION_HEADING.lastIndex = i;
    let match = SECTION_HEADING.exec(text);
    if (match && match[2].length > 0 && !isDigit(match[2].charCodeAt(0))) {
      this.match = match;
      return LineKind.SectionHeading;
    }
    DOCUMENT_HEADING.lastIndex = i;
    match = DOCUMENT_HEADING.exec(text);
    // Schedules are numbered, Appendices lettered.
    if (match && (match[1].charCodeAt(0) === Ch.S ? isDigit(match[2].charCodeAt(0)) : isUpper(match[2].charCodeAt(0)))) {
      this.match = match;
      return LineKind.DocumentHeading;
    }
    if (first !== Ch.S) return LineKind.Text;
    MODIFICATION_HEADING.lastIndex = i;
    match = MODIFICATION_HEADING.exec(text);
    if (!match) return LineKind.Text;
    this.match = match;
    return LineKind.ModificationHeading;
  }

  /** Parts (`H4 Title`) and clauses (`H4.3 ...`) of the Section, or of any Section before a heading. */
  private partOrClauseKind(): LineKind {
    const text = this.text;
    const i = this.line.first;
    const span = this.label;
    if (!readPartOrClause(text, i, span) || (this.mode !== Mode.None && text.charCodeAt(i) !== this.sectionLetter)) return LineKind.Text;
    if (span.clauseStart !== -1) return LineKind.Clause;
    // A Part heading needs a title: "H4 Processing Service Requests".
    this.rest = text.slice(span.end, this.line.contentEnd).trim();
    const restCode = this.rest.charCodeAt(0);
    return this.rest.length > 0 && (isUpper(restCode) || restCode === Ch.LBracket) ? LineKind.Part : LineKind.Text;
  }

  /** Numbered clauses of a Schedule or an Appendix (`4 Title`, `4.2 ...`, `4.2.1 ...`). */
  private isDocumentClause(): boolean {
    const i = this.line.first;
    DOC_CLAUSE.lastIndex = i;
    const match = DOC_CLAUSE.exec(this.text);
    if (!match) return false;
    this.match = match;
    this.labelEnd = i + match[0].length;
    this.rest = this.text.slice(this.labelEnd, this.line.contentEnd).trim();
    // "4 Title" is a numbered heading; a bare number needs a capitalised title.
    const restCode = this.rest.charCodeAt(0);
    return match[1].includes('.') || (this.rest.length > 0 && (isUpper(restCode) || restCode === Ch.LBracket));
  }

  /** Paragraphs `(a)`, `(i)`, `(A)` of the open clause. */
  protected isParagraph(): boolean {
    const i = this.line.first;
    if (this.text.charCodeAt(i) !== Ch.LParen || this.currentClause === -1) return false;
    this.labelEnd = readParagraphLabel(this.text, i);
    return this.labelEnd !== -1;
  }

  /** An unnumbered short Title Case line after a break may be a cross-heading: it is one if a clause follows it. */
  private crossHeadingCandidate(): void {
    const { first, contentEnd } = this.line;
    const last = this.text.charCodeAt(contentEnd - 1);
    const punctuated = endsSentence(last) || last === Ch.Comma;
    if (this.mode !== Mode.None && isUpper(this.text.charCodeAt(first)) && contentEnd - first <= LONGEST_CROSS_HEADING && !punctuated &&
        (this.previousLineBlank || this.previousLineEndsSentence)) {
      this.crossHeadingStart = first;
      this.crossHeadingEnd = contentEnd;
      this.crossHeadingEndBefore = this.lastContentEnd;
    } else {
      this.crossHeadingStart = -1;
    }
  }

  // ---- Re-reading a window of lines (reparse.ts).

  /**
   * Takes up the state that telling a line's kind needs, as a full parse of this text, whose
   * units and contexts are given, had it before the line at `lineStart`: the mode and Section
   * letter, whether a clause is open, how the lines before ended and the cross-heading
   * candidate they leave.
   */
  resumeAt(lineStart: number, units: readonly Unit[], contexts: readonly DocumentContext[]): void {
    const context = contexts[contextIndexAt(contexts, lineStart - 1)];
    this.resumeMode(context, units, lineStart);
    let open = lastUnitBefore(units, lineStart);
    while (open !== -1 && units[open].kind === 'paragraph') open = units[open].parent;
    this.currentClause = open !== -1 && (units[open].kind === 'clause' || units[open].kind === 'docClause') ? open : -1;
    this.resumeLineEnds(lineStart, units);
  }

  private resumeMode(context: DocumentContext, units: readonly Unit[], lineStart: number): void {
    const document = context.document;
    this.mode = document === null || document.startsWith('SECMP') ? Mode.None : document.startsWith('Section') ? Mode.Section : Mode.Document;
    if (this.mode === Mode.Section) this.sectionLetter = document!.charCodeAt('Section '.length);
    if (this.mode !== Mode.None) return;
    // Before any heading, or in a modification, the first clause makes the text a Section's.
    for (let i = lastUnitBefore(units, context.start) + 1; i < units.length && units[i].labelStart < lineStart; i++) {
      if (units[i].kind === 'clause') {
        this.mode = Mode.Section;
        this.sectionLetter = units[i].label.charCodeAt(0);
        return;
      }
    }
  }

  /**
   * How the lines before `lineStart` ended: whether the one just before is blank, and the last
   * non-blank one, P, with the cross-heading candidate it leaves (a text line's, read as the
   * parse read it: after the line before it).
   */
  private resumeLineEnds(lineStart: number, units: readonly Unit[]): void {
    this.previousLineBlank = true;
    this.previousLineEndsSentence = true;
    this.previousLineStart = -1;
    this.previousLineEnd = -1;
    this.lastContentEnd = 0;
    this.crossHeadingStart = -1;
    if (lineStart === 0) return;
    let at = lineStartAt(this.text, lineStart - 1);
    readLine(this.text, at, this.line);
    const blankBefore = this.line.first >= this.line.contentEnd;
    while (this.line.first >= this.line.contentEnd && at > 0) {
      at = lineStartAt(this.text, at - 1);
      readLine(this.text, at, this.line);
    }
    if (this.line.first < this.line.contentEnd) this.resumeAfter(at, units);
    this.previousLineBlank = blankBefore;
  }

  /** The state after the non-blank line at `at`, as far as it and the line before it tell. */
  private resumeAfter(at: number, units: readonly Unit[]): void {
    if (at > 0) {
      readLine(this.text, lineStartAt(this.text, at - 1), this.line);
      this.previousLineBlank = this.line.first >= this.line.contentEnd;
      this.previousLineEndsSentence = this.previousLineBlank || endsSentence(this.text.charCodeAt(this.line.contentEnd - 1));
    }
    readLine(this.text, at, this.line);
    const unitLine = units[lastUnitBefore(units, this.line.first) + 1]?.labelStart === this.line.first;
    this.endLine(unitLine ? LineKind.Clause : LineKind.Text);
  }

  /** Reads the line at `at` and tells what it defines; the state moves on as reading the line leaves it, but nothing is recorded. */
  classifyLineAt(at: number): LineReading {
    readLine(this.text, at, this.line);
    const kind = this.lineKind();
    const reading = this.reading(kind);
    this.skimUnit(kind);
    this.endLine(kind);
    return reading;
  }

  /** What a unit line changes for telling the lines after it, the unit not made: a clause is open (which, unknown), or none. */
  private skimUnit(kind: LineKind): void {
    if (kind === LineKind.Clause || kind === LineKind.DocumentClause) this.currentClause = UNKNOWN_CLAUSE;
    else if (kind === LineKind.Part || kind === LineKind.SectionHeading || kind === LineKind.DocumentHeading || kind === LineKind.ModificationHeading) {
      this.currentClause = -1;
    }
    if (kind === LineKind.Clause) this.clauseRead();
  }

  /** What the line read last defines, told before the state moves past it (a clause takes the cross-heading before it). */
  private reading(kind: LineKind): LineReading {
    const text = this.text;
    const { start, first, contentEnd } = this.line;
    const crossHeading = this.crossHeadingStart === -1 ? '' : 'after a cross-heading';
    switch (kind) {
      case LineKind.Part:
        return { kind, label: text.slice(first, this.label.end), marks: this.rest };
      case LineKind.Clause:
        return { kind, label: text.slice(first, this.label.end), marks: `${isNotUsedAt(text, this.label.end, contentEnd)} ${crossHeading}` };
      case LineKind.DocumentClause: {
        const title = this.match![1].includes('.') ? '' : this.rest;
        return { kind, label: text.slice(first, this.labelEnd), marks: `${title} ${isNotUsed(this.rest)} ${crossHeading}` };
      }
      case LineKind.Paragraph:
        return { kind, label: text.slice(first, this.labelEnd), marks: `${first - start} ${isNotUsedAt(text, this.labelEnd, contentEnd)}` };
      case LineKind.Blank:
      case LineKind.Text:
        return { kind, label: '', marks: '' };
      default:
        return { kind, label: '', marks: text.slice(first, contentEnd) };
    }
  }

  /** Whether the next line is told the same after this classifier's line as after `other`'s (their texts the same from there on). */
  leavesSameStateAs(other: LineClassifier): boolean {
    return this.previousLineBlank === other.previousLineBlank &&
      this.previousLineEndsSentence === other.previousLineEndsSentence &&
      this.previousLineContinues() === other.previousLineContinues() &&
      (this.crossHeadingStart === -1) === (other.crossHeadingStart === -1);
  }

  /** Where the content of the last non-blank line read (or resumed after) ends: where a unit closed now would end. */
  get contentEnd(): number {
    return this.lastContentEnd;
  }

  /** The cross-heading candidate the last line left (offsets), or null. */
  get crossHeading(): { start: number; end: number } | null {
    return this.crossHeadingStart === -1 ? null : { start: this.crossHeadingStart, end: this.crossHeadingEnd };
  }
}
