// Which lines an edit touched, and whether they still make what they made: the in-place
// re-parse (reparse.ts) reads them again before and after the edit with the parser's own line
// classifier (resumedClassifier.ts), each time in the state the lines before them left, and goes
// on reading the lines after them while the two readings could still tell a line apart (a line
// that now ends "... Section" makes the next line's "H4.2" a citation rather than a clause).

import type { ParsedDocument, Unit } from '../model/types';
import { LineKind } from './lineKinds';
import { lastUnitBefore, LineReading, ResumedClassifier, sameReading } from './resumedClassifier';
import { lineStartAt } from './lines';

/** The span an edit replaced: `start`..`oldEnd` of the old text is `start`..`newEnd` of the new. */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The lines an edit touched, read again: what the re-parse changes in place. */
export interface EditedLines {
  /** Start of the first line touched (the same in both texts). */
  start: number;
  /** End of the last line touched (its line break, or the text's end), in the old text and in the new. */
  oldEnd: number;
  newEnd: number;
  /**
   * Where the last non-blank line up to the end of those touched ends, in each text: units that
   * ended at the old one (closed by a line after them) end at the new one.
   */
  oldContentEnd: number;
  newContentEnd: number;
  /** Lines added (or removed, negative). */
  lineDelta: number;
  /** A one-line edit of a clause's number within its Part: the clause, and its new label as written. */
  renumbered: { clause: number; label: string } | null;
  /** A one-line edit of a confirmed cross-heading, still one: where it is now. */
  crossHeading: { start: number; end: number } | null;
}

/** How many lines after the edited ones may still be told differently before the re-parse gives up. */
const MAX_LINES_AFTER = 8;

interface WindowReading {
  readings: LineReading[];
  /** Where the first line's content starts. */
  first: number;
  /** Whether any line touched is not blank. */
  content: boolean;
}

/** The lines from `start` to the one holding `end`, read by a classifier resumed at `start`. */
function readWindow(classifier: ResumedClassifier, start: number, end: number, previous: ParsedDocument): WindowReading {
  classifier.resumeAt(start, previous.units, previous.contexts);
  const readings: LineReading[] = [];
  let first = -1;
  for (let at = start; ; at = classifier.line.next) {
    const reading = classifier.classifyLineAt(at);
    readings.push(reading);
    if (first === -1) first = classifier.line.first;
    if (classifier.line.next === -1 || classifier.line.end >= end) break;
  }
  return { readings, first, content: readings.some((reading) => reading.kind !== LineKind.Blank) };
}

/**
 * The lines the edit touched, if they still make the units they made (a clause may change its
 * number within its Part) and leave the lines after them told as before; null when the edit
 * may change the structure, and the whole text must be parsed again.
 */
export function editedLines(previous: ParsedDocument, text: string, span: ChangedSpan): EditedLines | null {
  const start = lineStartAt(previous.text, span.start);
  const before = new ResumedClassifier(previous.text);
  const after = new ResumedClassifier(text);
  const oldWindow = readWindow(before, start, span.oldEnd, previous);
  const newWindow = readWindow(after, start, span.newEnd, previous);
  const edited: EditedLines = {
    start, oldEnd: before.line.end, newEnd: after.line.end, oldContentEnd: before.contentEnd, newContentEnd: after.contentEnd,
    lineDelta: newWindow.readings.length - oldWindow.readings.length, renumbered: null, crossHeading: after.crossHeading,
  };
  if (!sameLines(previous, span, oldWindow, newWindow, edited, before, after) || !linesAfterAgree(before, after)) return null;
  return crossHeadingKept(previous, edited, oldWindow.readings.length === 1 && newWindow.readings.length === 1) ? edited : null;
}

function isText(reading: LineReading): boolean {
  return reading.kind === LineKind.Text || reading.kind === LineKind.Blank;
}

/** The edited lines make what they made: text, or a unit's line (the first) followed by text. */
function sameLines(previous: ParsedDocument, span: ChangedSpan, oldWindow: WindowReading, newWindow: WindowReading, edited: EditedLines,
  before: ResumedClassifier, after: ResumedClassifier): boolean {
  if (!oldWindow.readings.slice(1).every(isText) || !newWindow.readings.slice(1).every(isText)) return false;
  if (isText(oldWindow.readings[0]) && isText(newWindow.readings[0])) return sameText(previous, oldWindow, newWindow, edited, before, after);
  return sameUnitLine(previous, edited, span, before, oldWindow, newWindow);
}

function isUnit(kind: LineKind): boolean {
  return kind === LineKind.Part || kind === LineKind.Clause || kind === LineKind.DocumentClause || kind === LineKind.Paragraph;
}

/**
 * Lines of text typed in, split, joined, emptied or filled: they make no unit before or after
 * (the previous parse's units must say so too: a resumed classifier is checked). The
 * cross-heading candidate they leave is theirs, or, when they are all blank, the one before
 * them: it must come from the same lines before and after, or be none.
 */
function sameText(previous: ParsedDocument, oldWindow: WindowReading, newWindow: WindowReading, edited: EditedLines,
  before: ResumedClassifier, after: ResumedClassifier): boolean {
  if (unitBetween(previous.units, edited.start, edited.oldEnd)) return false;
  return oldWindow.content === newWindow.content || (before.crossHeading === null && after.crossHeading === null);
}

/**
 * An edit of a unit's line (and of text lines after it): it makes the same unit as before, or,
 * edited alone, renumbers its clause within its Part.
 */
function sameUnitLine(previous: ParsedDocument, edited: EditedLines, span: ChangedSpan, before: ResumedClassifier, oldWindow: WindowReading,
  newWindow: WindowReading): boolean {
  const [old, now] = [oldWindow.readings[0], newWindow.readings[0]];
  const first = oldWindow.first;
  // What the previous parse's units say of the lines must be what their readings say.
  if (!isUnit(old.kind) || unitAt(previous.units, first, old.label) === -1 || unitBetween(previous.units, first + 1, edited.oldEnd)) return false;
  if (sameReading(old, now)) {
    // The label itself was not edited: the edit is after it, or in the indentation before it.
    const moved = newWindow.first - first === span.newEnd - span.oldEnd;
    return span.start >= first + old.label.length || (span.oldEnd <= first && moved);
  }
  const oneLine = oldWindow.readings.length === 1 && newWindow.readings.length === 1;
  if (!oneLine || old.kind !== LineKind.Clause || now.kind !== LineKind.Clause || old.marks !== now.marks) return false;
  const part = before.label.partEnd - first;
  if (span.start < first + part || old.label.slice(0, part + 1) !== now.label.slice(0, part + 1)) return false;
  edited.renumbered = { clause: unitAt(previous.units, first, old.label), label: now.label };
  return true;
}

/**
 * Reads on, in step, the lines after the edited ones while the two readings could tell them
 * apart; they agree once the state each reading leaves is the same.
 */
function linesAfterAgree(before: ResumedClassifier, after: ResumedClassifier): boolean {
  for (let count = 0; !before.leavesSameStateAs(after); count++) {
    if (count === MAX_LINES_AFTER) return false;
    const oldAt = before.line.next;
    const newAt = after.line.next;
    // Nothing follows: nothing can be told differently.
    if (oldAt === -1 || newAt === -1) return true;
    if (!sameReading(before.classifyLineAt(oldAt), after.classifyLineAt(newAt))) return false;
  }
  return true;
}

/**
 * A cross-heading among the edited lines is kept only by a one-line edit that leaves it one
 * (the clause after it takes its new text); edits of several lines keep none. A line that
 * becomes one before a clause was told apart with the clause (linesAfterAgree).
 */
function crossHeadingKept(previous: ParsedDocument, edited: EditedLines, oneLine: boolean): boolean {
  const next = previous.units[lastUnitBefore(previous.units, edited.oldEnd) + 1] as Unit | undefined;
  const attached = next?.crossHeading !== undefined && next.crossHeading.start >= edited.start && next.crossHeading.start <= edited.oldEnd;
  if (!attached) edited.crossHeading = null;
  return !attached || (oneLine && edited.crossHeading !== null);
}

/** The unit with this label whose label starts at `first`, or -1. */
function unitAt(units: readonly Unit[], first: number, label: string): number {
  for (let i = lastUnitBefore(units, first) + 1; i < units.length && units[i].labelStart === first; i++) {
    if (units[i].label === label) return i;
  }
  return -1;
}

function unitBetween(units: readonly Unit[], from: number, to: number): boolean {
  const next = units[lastUnitBefore(units, from) + 1] as Unit | undefined;
  return next !== undefined && next.labelStart <= to;
}
