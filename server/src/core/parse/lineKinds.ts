// What a line of a SEC file is — a heading, a Part, a clause, a paragraph, text — in the state
// the lines before it left: the document it is in, whether a clause is open, how the line before
// ended. The structure pass (StructureParser, structure.ts) is a LineClassifier that also
// records what each line makes; the in-place re-parse reads edited lines with one that takes up
// that state from a parse instead (ResumedClassifier, resumedClassifier.ts).

import { Ch } from './chars';
import { LineSpan, newLineSpan } from './lines';
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

export function endsSentence(code: number): boolean {
  return code === Ch.Period || code === Ch.Semicolon || code === Ch.Colon;
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
}
