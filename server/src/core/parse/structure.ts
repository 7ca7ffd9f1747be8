// Structure: a single pass over the lines that finds every numbered unit (Sections, Parts,
// clauses, paragraphs, Schedules, Appendices and their numbered clauses), cross-headings,
// the table of contents, and the numbering problems that parsing alone can see.
// Every pattern is anchored at a line start with bounded repetition: linear time.

import type { CoreDiagnostic, Unit, UnitKind } from '../model/types';
import { documentId, partId, sectionId, versionId } from '../model/ids';
import { firstLabel, LabelKind, possibleKinds, successor } from './paragraphLabels';
import { isDigit, isLetter, isUpper } from './scanner';
import { PartOrClauseSpan, readParagraphLabel, readPartOrClause } from './unitLabels';

export interface DocumentContext {
  /** Offset where this context starts. */
  start: number;
  /** `Appendix AK`, `Schedule 8`, `Section H`, or null outside any heading. */
  document: string | null;
}

export interface StructureResult {
  units: Unit[];
  diagnostics: CoreDiagnostic[];
  contents: Array<{ start: number; end: number }>;
  contexts: DocumentContext[];
  /** Label spans of headings ("Section H", "Appendix AK"): they define, they do not cite. */
  headingLabels: Array<{ start: number; end: number }>;
  /** Each id defined, with the index of its first definition (later ones are duplicates). */
  firstDefinitions: Map<string, number>;
}

const SECTION_HEADING = /(?:Section|SECTION)[ \t]+([A-Z])[ \t]*(?::|\u2013|\u2014|-)[ \t]*([^\r\n]*)/y;
const DOCUMENT_HEADING = /(Schedule|SCHEDULE|Appendix|APPENDIX)[ \t]+(\d{1,2}|[A-Z]{1,2})[ \t]*:[ \t]*([^\r\n]*)/y;
const MODIFICATION_HEADING = /SECMP[ \t]?(\d{4})[ \t]*(?::|\u2013|\u2014|-)[ \t]*([^\r\n]*)/y;
const DOC_CLAUSE = /(\d{1,3}(?:\.\d{1,3}){0,4})\.?(?=[ \t]|\r?$)/y;
const TITLE_VERSION = /^(.*?)[ \t]+(?:Version|version|v)[ \t]*(\d+(?:\.\d+)*)[ \t]*$/;
const NOT_USED = /^[[(]?\s*(?:not used|deleted|intentionally(?: left)? blank)\s*[\])]?\.?$/i;

export interface ParagraphLevel {
  kind: LabelKind;
  last: string;
  unit: number;
  indent: number;
}

/** A line that is a cross-heading if a clause follows it. */
interface PendingCrossHeading {
  start: number;
  end: number;
  contentEndBefore: number;
}

type Mode = 'none' | 'section' | 'document';

const DEPTH_PART = 1;
const DEPTH_CLAUSE = 2;

/** Words that, ending a line, leave a citation to be finished on the next one. */
const CONTINUING_WORDS = new Set(['Section', 'Sections', 'SECTION', 'SECTIONS', 'section', 'sections', 'Clause', 'Clauses', 'clause', 'clauses', 'and', 'or', 'to']);
const LONGEST_CONTINUING_WORD = 8;

function endsMidReference(text: string, lineStart: number, contentEnd: number): boolean {
  const last = text.charCodeAt(contentEnd - 1);
  if (last === 44 || last === 45 || last === 0x2013) return true; // , - –
  // Called for every line: look at the last word only if it is short and all letters.
  let start = contentEnd;
  while (start > lineStart && contentEnd - start <= LONGEST_CONTINUING_WORD && isLetter(text.charCodeAt(start - 1))) start--;
  if (start === contentEnd || contentEnd - start > LONGEST_CONTINUING_WORD) return false;
  const before = start > lineStart ? text.charCodeAt(start - 1) : 32;
  if (before !== 32 && before !== 9 && before !== 40 && before !== 0xa0) return false;
  return CONTINUING_WORDS.has(text.slice(start, contentEnd));
}

/** A line as the structure pass reads it. */
export interface LineSpan {
  /** Offset of the line break, or the text's end. */
  end: number;
  /** First character after the indentation (spaces and tabs). */
  first: number;
  /** End of the content, trailing spaces, tabs and carriage return left out (`first` for a blank line). */
  contentEnd: number;
}

/** Reads the line starting at `lineStart` into `line`, an object reused for every line of a pass. */
export function readLine(text: string, lineStart: number, line: LineSpan): void {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  let contentEnd = lineEnd;
  if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
  let i = lineStart;
  while (i < contentEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  while (contentEnd > i && (text.charCodeAt(contentEnd - 1) === 32 || text.charCodeAt(contentEnd - 1) === 9)) contentEnd--;
  line.end = lineEnd;
  line.first = i;
  line.contentEnd = contentEnd;
}

/** End of a heading's label: after the keyword, the spaces, and an id of `idLength` characters. */
function labelEndAfter(text: string, keywordEnd: number, idLength: number): number {
  let i = keywordEnd;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i + idLength;
}

/**
 * Could a line starting at `at` be read as a heading or a numbered unit (in some context)?
 * Conservative: used to decide that an edit of this line cannot change the structure.
 */
export function mayStartUnit(text: string, at: number): boolean {
  let i = at;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const first = text.charCodeAt(i);
  if (first === 40 || isDigit(first)) return true; // (a)  4.2
  if (isUpper(first) && isDigit(text.charCodeAt(i + 1))) return true; // H4  H4.3
  return /^(?:Section|SECTION|Schedule|SCHEDULE|Appendix|APPENDIX|SECMP|CONTENTS|Contents|Table of Contents|TABLE OF CONTENTS)/.test(text.slice(i, i + 18));
}

/** How a line's end affects the next line: blank, ends a sentence, or continues a citation. */
export function lineEndClass(text: string, lineStart: number): string {
  const line: LineSpan = { end: 0, first: 0, contentEnd: 0 };
  readLine(text, lineStart, line);
  const { first: start, contentEnd: end } = line;
  if (start >= end) return 'blank';
  const last = text.charCodeAt(end - 1);
  const sentence = last === 46 || last === 59 || last === 58;
  const comma = last === 44;
  const upper = isUpper(text.charCodeAt(start));
  const short = end - start <= 90;
  const upperCase = /CONTENTS$|Contents$/.test(text.slice(Math.max(start, end - 8), end));
  return `${sentence}|${comma}|${endsMidReference(text, start, end)}|${upper && short}|${upperCase}`;
}

/** 1-based line number, for messages; only called for rare events. */
function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The warning on a clause (or Part, Section...) whose number the file has defined before. */
export function duplicateNumber(text: string, unit: Unit, first: Unit): CoreDiagnostic {
  return {
    start: unit.labelStart,
    end: unit.labelEnd,
    severity: 'warning',
    code: 'duplicate-number',
    message: `${unit.id} is defined twice in this file (first on line ${lineNumberAt(text, first.labelStart)}).`,
    data: { id: unit.id, firstStart: first.labelStart },
  };
}

export function isNotUsed(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 40 && NOT_USED.test(trimmed);
}

/** isNotUsed on a span of the text, without copying the long spans that cannot match. */
export function isNotUsedAt(text: string, from: number, to: number): boolean {
  return to - from <= 48 && isNotUsed(text.slice(from, to));
}

/** Clause numbers compare as number, then suffix: 3 < 3A < 3B < 4. */
export function compareClauseNumbers(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb) return na - nb;
  const sa = a.replace(/^\d+/, '');
  const sb = b.replace(/^\d+/, '');
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** The numbering-order message for a number following `previous` (label as written), or null when it is in order. */
export function orderProblem(label: string, number: string, previous: { label: string; number: string } | null | undefined): string | null {
  if (!previous) return null;
  if (isDigits(number) && isDigits(previous.number)) {
    // Most numbers have no inserted-number suffix: compared as numbers, without the suffix logic below.
    const next = Number(number);
    const last = Number(previous.number);
    if (next <= last) return `Numbering goes backwards: ${label} follows ${previous.label}.`;
    return next === last + 1 ? null : `Numbering gap: ${label} follows ${previous.label}.`;
  }
  if (compareClauseNumbers(number, previous.number) <= 0) return `Numbering goes backwards: ${label} follows ${previous.label}.`;
  if (!isNextNumber(previous.number, number)) return `Numbering gap: ${label} follows ${previous.label}.`;
  return null;
}

/** Shortens an array in place: popping is cheaper than setting `length`, which V8 does in its runtime. */
export function truncate(array: unknown[], length: number): void {
  while (array.length > length) array.pop();
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
}

/** A clause label at `at` ("H4.3A"): letter, Part and clause number, and where it ends. */
export function readClauseLabel(text: string, at: number): { letter: string; part: string; clause: string; end: number } | null {
  const span: PartOrClauseSpan = { partEnd: 0, clauseStart: -1, end: 0 };
  if (!readPartOrClause(text, at, span) || span.clauseStart === -1) return null;
  return { letter: text[at], part: text.slice(at + 1, span.partEnd), clause: text.slice(span.clauseStart, span.end), end: span.end };
}

/** The numbers that may follow `previous` without a gap: 3 -> 3A or 4; 3A -> 3B or 4. */
function isNextNumber(previous: string, next: string): boolean {
  const np = parseInt(previous, 10);
  const nn = parseInt(next, 10);
  const sp = previous.replace(/^\d+/, '');
  const sn = next.replace(/^\d+/, '');
  if (nn === np + 1 && sn === '') return true;
  if (nn !== np) return false;
  if (sp === '') return sn === 'A';
  return sn.length === 1 && sp.length === 1 && sn.charCodeAt(0) === sp.charCodeAt(0) + 1;
}

export interface StructureOptions {
  /**
   * Leave the paragraphs of Section clauses out of `units` (two thirds of all units): they are
   * read when first asked for (paragraphsOnDemand.ts). Their numbering is still checked here.
   */
  paragraphsOnDemand?: boolean;
}

export function parseStructure(text: string, options: StructureOptions = {}): StructureResult {
  const onDemand = options.paragraphsOnDemand === true;
  const units: Unit[] = [];
  const diagnostics: CoreDiagnostic[] = [];
  const contents: Array<{ start: number; end: number }> = [];
  const contexts: DocumentContext[] = [{ start: 0, document: null }];
  const definedAt = new Map<string, number>();
  // The chain of open units, as two parallel stacks (no object per unit).
  const span: PartOrClauseSpan = { partEnd: 0, clauseStart: -1, end: 0 };
  const openIndex: number[] = [];
  const openDepth: number[] = [];
  const paragraphs: ParagraphLevel[] = [];

  let mode: Mode = 'none';
  let sectionLetter = '';
  let documentIndex = -1;
  let documentName = '';
  let currentPart = -1;
  let currentClause = -1;
  let clauseDepth = DEPTH_CLAUSE;
  /** Last clause number seen per Part (or per document clause parent), for numbering-order. */
  const lastChildNumber = new Map<number, { label: string; number: string }>();
  let lastPartNumber: { label: string; number: string } | null = null;

  let contentsStart = -1;
  const contentsSections = new Set<string>();
  let lastContentEnd = 0;
  let previousLineBlank = true;
  let previousLineEndsSentence = true;
  /**
   * The last non-blank line, as offsets: if it ended in the middle of a citation ("... see
   * Section"), the next line's id is cited, not defined. Asked only of lines that start like a
   * clause, not worked out for every line.
   */
  let previousLineStart = -1;
  let previousLineEnd = -1;
  const previousLineContinues = (): boolean => previousLineEnd !== -1 && endsMidReference(text, previousLineStart, previousLineEnd);
  let pending: PendingCrossHeading | null = null;

  const closeTo = (depth: number, end: number): void => {
    while (openDepth.length > 0 && openDepth[openDepth.length - 1] >= depth) {
      openDepth.pop();
      const top = openIndex.pop()!;
      units[top].end = Math.max(units[top].labelEnd, end);
    }
  };

  const addUnit = (
    kind: UnitKind,
    id: string,
    label: string,
    title: string,
    labelStart: number,
    labelEnd: number,
    depth: number,
    parent: number,
    notUsed: boolean,
  ): number => {
    // A cross-heading belongs to the clause it precedes; the previous unit ends before it.
    const endBefore = pending && (kind === 'clause' || kind === 'docClause') ? pending.contentEndBefore : lastContentEnd;
    closeTo(depth, endBefore);
    const unit: Unit = {
      id, kind, label, title, start: labelStart, end: labelEnd, labelStart, labelEnd, parent, notUsed, childCount: 0,
    };
    if (pending && (kind === 'clause' || kind === 'docClause')) {
      unit.crossHeading = { text: text.slice(pending.start, pending.end), start: pending.start, end: pending.end };
    }
    pending = null;
    const index = units.length;
    units.push(unit);
    if (parent >= 0) {
      units[parent].childCount++;
      if (units[parent].notUsed || units[parent].withinNotUsed) unit.withinNotUsed = true;
    }
    openIndex.push(index);
    openDepth.push(depth);
    const earlier = definedAt.get(id);
    if (earlier !== undefined && kind === 'paragraph') {
      // A repeated paragraph label (a list restarted by mistake) keeps the first.
    } else if (earlier !== undefined) {
      diagnostics.push(duplicateNumber(text, unit, units[earlier]));
    } else {
      definedAt.set(id, index);
    }
    return index;
  };

  const numberingOrder = (start: number, end: number, message: string): void => {
    diagnostics.push({ start, end, severity: 'information', code: 'numbering-order', message });
  };

  const checkOrder = (
    label: string,
    number: string,
    start: number,
    end: number,
    previous: { label: string; number: string } | null | undefined,
  ): void => {
    const problem = orderProblem(label, number, previous);
    if (problem) numberingOrder(start, end, problem);
  };

  const headingLabels: Array<{ start: number; end: number }> = [];
  const startDocument = (kind: 'section' | 'schedule' | 'appendix' | 'modification', id: string, label: string,
    title: string, start: number, end: number, versioned: string | null): void => {
    headingLabels.push({ start, end });
    closeTo(0, lastContentEnd);
    pending = null;
    truncate(paragraphs, 0);
    currentPart = -1;
    currentClause = -1;
    lastPartNumber = null;
    const notUsed = isNotUsed(title);
    documentIndex = addUnit(kind, versioned ?? id, label, title, start, end, 0, -1, notUsed);
    documentName = id;
    contexts.push({ start, document: id });
  };

  let lineStart = 0;
  const length = text.length;
  const line: LineSpan = { end: 0, first: 0, contentEnd: 0 };
  while (lineStart <= length) {
    readLine(text, lineStart, line);
    const lineEnd = line.end;
    const i = line.first;
    const contentEnd = line.contentEnd;
    const blank = i >= contentEnd;
    if (!blank) {
      const indent = i - lineStart;
      const first = text.charCodeAt(i);
      let handled = false;

      // Table of contents: a "Contents" line starts it; it lists headings that define nothing.
      const lastCode = text.charCodeAt(contentEnd - 1);
      if ((lastCode === 115 || lastCode === 83) && contentEnd - i >= 8 && contentEnd - i <= 60 &&
          text.slice(contentEnd - 8, contentEnd).toUpperCase().endsWith('CONTENTS')) {
        const line = text.slice(i, contentEnd);
        if (/^(?:[A-Z][A-Z ]*\s)?(?:CONTENTS|Contents|Table of Contents|TABLE OF CONTENTS)$/.test(line)) {
          if (contentsStart === -1) {
            closeTo(0, lastContentEnd);
            contentsStart = lineStart;
            contentsSections.clear();
          }
          handled = true;
        }
      }
      if (!handled && contentsStart !== -1) {
        // The contents end where numbered text begins, or where a heading it listed comes again.
        let ends = false;
        if (isUpper(first) && isDigit(text.charCodeAt(i + 1))) {
          ends = readPartOrClause(text, i, span) && span.clauseStart !== -1;
        } else if (first === 40) {
          ends = readParagraphLabel(text, i) !== -1;
        } else if (first === 83) {
          SECTION_HEADING.lastIndex = i;
          const match = SECTION_HEADING.exec(text);
          if (match) {
            if (contentsSections.has(match[1])) ends = true;
            else contentsSections.add(match[1]);
          }
        }
        if (!ends && contentEnd - i > 160) ends = true;
        if (ends) {
          contents.push({ start: contentsStart, end: lineStart });
          contentsStart = -1;
        } else {
          handled = true;
        }
      }

      if (!handled && (first === 83 || first === 65)) {
        // Section, Schedule, Appendix headings (S..., A...), SECMP headings.
        SECTION_HEADING.lastIndex = i;
        let match = SECTION_HEADING.exec(text);
        if (match && match.index === i && match[2].length > 0 && !/^\d/.test(match[2])) {
          sectionLetter = match[1];
          startDocument('section', sectionId(match[1]), `Section ${match[1]}`, match[2].trim(), i, labelEndAfter(text, i + 7, 1), null);
          mode = 'section';
          handled = true;
        }
        if (!handled) {
          DOCUMENT_HEADING.lastIndex = i;
          match = DOCUMENT_HEADING.exec(text);
          const type = match ? (match[1][0] === 'S' ? 'Schedule' : 'Appendix') : null;
          const numberOk = match && (type === 'Schedule' ? isDigit(match[2].charCodeAt(0)) : isUpper(match[2].charCodeAt(0)));
          if (match && type && numberOk) {
            const id = documentId(type, match[2]);
            let title = match[3].trim();
            const version = TITLE_VERSION.exec(title);
            let versioned: string | null = null;
            if (version && version[1].length > 0) {
              title = version[1].trim();
              versioned = versionId(id, version[2]);
            }
            const labelEnd = labelEndAfter(text, i + match[1].length, match[2].length);
            startDocument(type === 'Schedule' ? 'schedule' : 'appendix', id, `${type} ${match[2]}`, title, i, labelEnd, versioned);
            mode = 'document';
            handled = true;
          }
        }
        if (!handled && first === 83) {
          MODIFICATION_HEADING.lastIndex = i;
          match = MODIFICATION_HEADING.exec(text);
          if (match) {
            const id = `SECMP${match[1]}`;
            startDocument('modification', id, id, match[2].trim(), i, i + 5 + (match[0].charCodeAt(5) === 32 ? 1 : 0) + 4, null);
            mode = 'none';
            handled = true;
          }
        }
      }

      if (!handled && mode !== 'document' && isUpper(first) && isDigit(text.charCodeAt(i + 1)) && !previousLineContinues()) {
        if (readPartOrClause(text, i, span) && (mode === 'none' || text.charCodeAt(i) === sectionLetter.charCodeAt(0))) {
          const letter = text[i];
          const part = text.slice(i + 1, span.partEnd);
          const labelEnd = span.end;
          if (span.clauseStart === -1) {
            const rest = text.slice(labelEnd, contentEnd).trim();
            // A Part heading needs a title: "H4 Processing Service Requests".
            const restCode = rest.charCodeAt(0);
            if (rest.length > 0 && (isUpper(restCode) || restCode === 91)) {
              const id = partId(letter, part);
              const sectionIndex = mode === 'section' ? documentIndex : -1;
              const label = `${letter}${part}`;
              if (mode === 'section') checkOrder(label, part, i, labelEnd, lastPartNumber);
              lastPartNumber = { label, number: part };
              truncate(paragraphs, 0);
              currentClause = -1;
              currentPart = addUnit('part', id, label, rest, i, labelEnd, DEPTH_PART, sectionIndex, isNotUsed(rest));
              handled = true;
            }
          } else {
            const clause = text.slice(span.clauseStart, labelEnd);
            const label = text.slice(i, labelEnd);
            const id = sectionId(label); // Section H4.3: the label is the clause's id within its Section
            const open = currentPart === -1 ? null : units[currentPart];
            // The Part's label is its letter and number: compared in place, without building its id.
            if (open === null || open.label.length !== span.partEnd - i || !text.startsWith(open.label, i)) {
              // Clauses without their Part heading still make the Part's text present.
              const sectionIndex = mode === 'section' ? documentIndex : -1;
              currentPart = addUnit('part', partId(letter, part), `${letter}${part}`, '', i, i, DEPTH_PART, sectionIndex, false);
              lastPartNumber = { label: `${letter}${part}`, number: part };
            }
            checkOrder(label, clause, i, labelEnd, lastChildNumber.get(currentPart));
            lastChildNumber.set(currentPart, { label, number: clause });
            truncate(paragraphs, 0);
            clauseDepth = DEPTH_CLAUSE;
            currentClause = addUnit('clause', id, label, '', i, labelEnd, DEPTH_CLAUSE, currentPart, isNotUsedAt(text, labelEnd, contentEnd));
            if (mode === 'none') {
              mode = 'section';
              sectionLetter = letter;
            }
            handled = true;
          }
        }
      }

      if (!handled && mode === 'document' && isDigit(first)) {
        DOC_CLAUSE.lastIndex = i;
        const match = DOC_CLAUSE.exec(text);
        if (match) {
          const number = match[1];
          const labelEnd = i + match[0].length;
          const rest = text.slice(labelEnd, contentEnd).trim();
          const segments = number.split('.');
          // "4 Title" is a numbered heading; a bare number needs a capitalised title.
          if (segments.length > 1 || (rest.length > 0 && (isUpper(rest.charCodeAt(0)) || rest[0] === '['))) {
            const depth = segments.length;
            let parent = documentIndex;
            for (let o = openIndex.length - 1; o >= 0; o--) {
              const candidate = units[openIndex[o]];
              if (candidate.kind === 'docClause' && openDepth[o] < depth && number.startsWith(candidate.label + '.')) {
                parent = openIndex[o];
                break;
              }
            }
            const id = `${documentName} ${number}`;
            const lastSegment = segments[segments.length - 1];
            const previous = lastChildNumber.get(parent);
            checkOrder(number, lastSegment, i, labelEnd, previous);
            lastChildNumber.set(parent, { label: number, number: lastSegment });
            truncate(paragraphs, 0);
            clauseDepth = depth;
            currentClause = addUnit('docClause', id, number, segments.length === 1 ? rest : '', i, labelEnd, depth, parent, isNotUsed(rest));
            handled = true;
          }
        }
      }

      if (!handled && first === 40 && currentClause !== -1) {
        const labelEnd = readParagraphLabel(text, i);
        if (labelEnd !== -1) {
          const written = text.slice(i, labelEnd); // (a)
          const label = written.slice(1, -1);
          const placed = placeParagraph(paragraphs, label, indent);
          if (placed.outOfSequence) {
            numberingOrder(i, labelEnd, `Paragraph (${label}) is out of sequence${placed.expected ? `: expected (${placed.expected})` : ''}.`);
          }
          const level = placed.level;
          let unit = -1;
          if (onDemand && units[currentClause].kind === 'clause') {
            if (level === 0) units[currentClause].childCount++;
          } else {
            const parent = level === 0 ? currentClause : paragraphs[level - 1].unit;
            unit = addUnit('paragraph', units[parent].id + written, written, '', i, labelEnd,
              clauseDepth + 1 + level, parent, isNotUsedAt(text, labelEnd, contentEnd));
          }
          truncate(paragraphs, level);
          paragraphs.push({ kind: placed.kind, last: label, unit, indent });
          handled = true;
        }
      }

      if (!handled) {
        // An unnumbered short Title Case line after a break may be a cross-heading; it is
        // confirmed only if a clause follows it.
        const lineLength = contentEnd - i;
        const lastChar = text.charCodeAt(contentEnd - 1);
        const endsPunctuated = lastChar === 46 || lastChar === 59 || lastChar === 44 || lastChar === 58;
        if (mode !== 'none' && isUpper(first) && lineLength <= 90 && !endsPunctuated &&
            (previousLineBlank || previousLineEndsSentence)) {
          // Its text is read only if a clause confirms it: most such lines are a sentence's first.
          pending = { start: i, end: contentEnd, contentEndBefore: lastContentEnd };
        } else {
          pending = null;
        }
      } else {
        pending = null;
      }
      lastContentEnd = contentEnd;
      const last = text.charCodeAt(contentEnd - 1);
      previousLineEndsSentence = last === 46 || last === 59 || last === 58;
      previousLineStart = i;
      previousLineEnd = contentEnd;
    }
    previousLineBlank = blank;
    if (lineEnd >= length) break;
    lineStart = lineEnd + 1;
  }
  if (contentsStart !== -1) contents.push({ start: contentsStart, end: length });
  closeTo(0, lastContentEnd);
  return { units, diagnostics, contents, contexts, headingLabels, firstDefinitions: definedAt };
}

export interface Placement {
  level: number;
  kind: LabelKind;
  outOfSequence: boolean;
  expected?: string;
}

export function placeParagraph(levels: ParagraphLevel[], label: string, indent: number): Placement {
  const kinds = possibleKinds(label);
  // Continuation of an open list, innermost first: (h) then (i) continues the letters.
  for (let level = levels.length - 1; level >= 0; level--) {
    const open = levels[level];
    if (kinds.includes(open.kind) && successor(open.kind, open.last) === label) {
      return { level, kind: open.kind, outOfSequence: false };
    }
  }
  // The first label of a kind opens a list: nested under the innermost open one, or a
  // restart of a list of that kind when it is not indented further.
  const starting = kinds.find((kind) => firstLabel(kind) === label);
  if (starting) {
    const sameKind = levels.findIndex((open) => open.kind === starting);
    if (sameKind !== -1 && indent <= levels[sameKind].indent) return { level: sameKind, kind: starting, outOfSequence: false };
    return { level: levels.length, kind: starting, outOfSequence: false };
  }
  for (let level = levels.length - 1; level >= 0; level--) {
    if (kinds.includes(levels[level].kind)) {
      return { level, kind: levels[level].kind, outOfSequence: true, expected: successor(levels[level].kind, levels[level].last) };
    }
  }
  return { level: levels.length, kind: kinds[0] ?? 'alpha', outOfSequence: true };
}
