// The in-place re-parse reads the lines an edit touched with the parser's own line classifier,
// before and after the edit: a ResumedClassifier takes up, from a parse of the text, the state
// the lines before them leave, then reads on without making units, and says what each line
// would make (a LineReading) for the two readings to be compared (editedLines.ts).

import type { DocumentContext, Unit } from '../model/types';
import { endsSentence, LineClassifier, LineKind, Mode } from './lineKinds';
import { lineStartAt, readLine } from './lines';
import { isNotUsed, isNotUsedAt } from './numbering';
import { contextIndexAt } from './structure';

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

/** A clause open but not made (a classifier reads lines, it makes no units). */
const UNKNOWN_CLAUSE = Number.MAX_SAFE_INTEGER;

export class ResumedClassifier extends LineClassifier {
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
  leavesSameStateAs(other: ResumedClassifier): boolean {
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
