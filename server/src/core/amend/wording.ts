// An amended unit's text against the baseline's: does the draft's "before" reading (deletions
// kept, insertions dropped) say what the unit says now, whitespace and line breaks aside; and,
// if so, the draft's changes as edits of the baseline file's own text. The two readings are
// aligned character by character over what is not whitespace, so each change lands on the
// baseline's words and keeps the baseline's line layout everywhere else.

import { isWithin, sectionId } from '../model/ids';
import type { Unit } from '../model/types';
import { readPartOrClause } from '../parse/unitLabels';
import { acceptChanges, changeSegments, scanChanges } from '../text/criticMarkup';

/** Replaces `start`..`end` of the baseline file with `text`. */
export interface WordingEdit {
  start: number;
  end: number;
  text: string;
}

export interface Wording {
  /** The draft's "before" reading is the unit's text, whitespace aside (with or without the unit's number). */
  applies: boolean;
  /** That reading, and the baseline's text it was compared with, for the hover's difference between them. */
  assumed: string;
  compared: string;
  /** The draft's changes as edits of the baseline file, in order (none when it does not apply). */
  edits: WordingEdit[];
  /** The clauses an amended Part's body quotes, when it quotes some rather than the whole Part: the units it changes. */
  clauses?: string[];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** The characters of a text that are not whitespace, and where each is. */
export interface NonSpace {
  chars: string;
  at: number[];
}

/** A unit's characters that are not whitespace, in its baseline file: a caller may keep them (many changes may name one unit). */
export type UnitCharacters = (unit: Unit) => NonSpace;

function nonSpace(text: string, from: number, to: number): NonSpace {
  const at: number[] = [];
  let chars = '';
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    at.push(i);
    chars += text[i];
  }
  return { chars, at };
}

interface Reading {
  /** "Before" reading, and its characters that are not whitespace. */
  assumed: string;
  chars: string;
  /** Deletions as ranges of `chars`; insertions as where they stand in `chars` and their text in the "after" reading. */
  deletions: Array<{ from: number; to: number }>;
  insertions: Array<{ at: number; text: string }>;
}

/** Reads a body's two readings at once. */
function readBody(body: string): Reading {
  const reading: Reading = { assumed: '', chars: '', deletions: [], insertions: [] };
  let after = '';
  const inserted: Array<{ at: number; start: number; end: number }> = [];
  for (const segment of changeSegments(body, scanChanges(body).spans)) {
    if (segment.kind === 'comment') continue;
    if (segment.kind === 'insertion') {
      inserted.push({ at: reading.chars.length, start: after.length, end: after.length + segment.text.length });
      after += segment.text;
      continue;
    }
    const from = reading.chars.length;
    reading.assumed += segment.text;
    reading.chars += nonSpace(segment.text, 0, segment.text.length).chars;
    if (segment.kind === 'deletion' && reading.chars.length > from) reading.deletions.push({ from, to: reading.chars.length });
    if (segment.kind === 'text') after += segment.text;
  }
  for (const insertion of inserted) {
    const text = withSpacing(after, insertion.start, insertion.end);
    if (text !== null) reading.insertions.push({ at: insertion.at, text });
  }
  return reading;
}

/**
 * An insertion's text with the whitespace the "after" reading has around it (a line break
 * before it stays one); null for an insertion of whitespace alone, which changes nothing here.
 */
function withSpacing(after: string, start: number, end: number): string | null {
  let first = start;
  while (first < end && isSpace(after.charCodeAt(first))) first++;
  if (first === end) return null;
  let last = end;
  while (isSpace(after.charCodeAt(last - 1))) last--;
  let from = first;
  while (from > 0 && isSpace(after.charCodeAt(from - 1))) from--;
  let to = last;
  while (to < after.length && isSpace(after.charCodeAt(to))) to++;
  return after.slice(from, to);
}

/** A body's reading against one unit's text: its edits, or null when the draft's "before" reading is not that text. */
function unitEdits(reading: Reading, fileText: string, unit: Unit, characters: UnitCharacters): { edits: WordingEdit[]; compared: string } | null {
  const baseline = characters(unit);
  const label = nonSpace(fileText, unit.labelStart, unit.labelEnd).chars;
  let skip = -1;
  if (reading.chars === baseline.chars) skip = 0;
  // The draft may leave out the unit's number ("Amend Section H4.10 as follows:" then its words).
  else if (label !== '' && baseline.chars.startsWith(label) && reading.chars === baseline.chars.slice(label.length)) skip = label.length;
  if (skip === -1) return null;
  const at = baseline.at;
  const edits: WordingEdit[] = [];
  for (const deletion of reading.deletions) edits.push({ start: at[deletion.from + skip], end: at[deletion.to - 1 + skip] + 1, text: '' });
  for (const insertion of reading.insertions) {
    const position = insertion.at + skip === 0 ? unit.start : at[insertion.at + skip - 1] + 1;
    edits.push({ start: position, end: position, text: insertion.text });
  }
  return { edits, compared: fileText.slice(skip === 0 ? unit.start : unit.labelEnd, unit.end) };
}

/** A unit's characters read afresh each time asked. */
export function unitCharacters(fileText: string): UnitCharacters {
  return (unit) => nonSpace(fileText, unit.start, unit.end);
}

/** At one offset an insertion goes before a deletion that starts there: the draft wrote it before that text. */
function inOrder(edits: WordingEdit[]): WordingEdit[] {
  return edits.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
}

interface ClausePiece {
  id: string;
  text: string;
}

/** Past a change's opener and the spaces after it: a quoted clause may start inside one. */
function afterOpener(text: string, at: number): number {
  let i = at;
  if (text.startsWith('{++', i) || text.startsWith('{--', i) || text.startsWith('{~~', i)) i += 3;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/**
 * A body cut where each clause of `part` it quotes starts (a line starting with its number,
 * outside any change that started before it); null when text comes before the first clause.
 */
function clausePieces(body: string, part: string): ClausePiece[] | null {
  const spans = scanChanges(body).spans;
  const label = { partEnd: 0, clauseStart: -1, end: 0 };
  const starts: Array<{ at: number; id: string }> = [];
  let span = 0;
  for (let lineStart = 0; lineStart < body.length; ) {
    while (span < spans.length && spans[span].end <= lineStart) span++;
    const inside = span < spans.length && spans[span].start < lineStart;
    const at = afterOpener(body, lineStart);
    if (!inside && readPartOrClause(body, at, label) && label.clauseStart !== -1) {
      const id = sectionId(body.slice(at, label.end));
      if (isWithin(id, part)) starts.push({ at: lineStart, id });
    }
    const next = body.indexOf('\n', lineStart);
    lineStart = next === -1 ? body.length : next + 1;
  }
  if (starts.length === 0 || readBody(body.slice(0, starts[0].at)).chars !== '') return null;
  return starts.map((start, i) => ({ id: start.id, text: body.slice(start.at, i + 1 < starts.length ? starts[i + 1].at : body.length) }));
}

/** Finds a unit of the baseline's file by id (a clause of an amended Part). */
export type UnitLookup = (id: string) => Unit | undefined;

/**
 * The body of an instruction that amends `unit` (in `fileText`, the baseline's file), against
 * that unit's text. A Part or Section may be amended by quoting only the clauses that change:
 * each is then compared with its own clause (`clauseOf`), and a clause wholly inserted goes
 * after the clause quoted before it (at the end of the Part when none is).
 */
export function bodyWording(body: string, fileText: string, unit: Unit, clauseOf: UnitLookup, characters: UnitCharacters = unitCharacters(fileText)): Wording {
  const reading = readBody(body);
  const whole = unitEdits(reading, fileText, unit, characters);
  if (whole) return { applies: true, assumed: reading.assumed, compared: whole.compared, edits: inOrder(whole.edits) };
  const pieces = unit.kind === 'part' || unit.kind === 'section' ? clausePieces(body, unit.id) : null;
  const clauses = pieces?.map((piece) => piece.id);
  const quoted = pieces && quotedClauses(pieces, fileText, unit, clauseOf, characters);
  if (quoted && clauses) return { applies: true, assumed: reading.assumed, ...quoted, clauses };
  const label = fileText.slice(unit.labelStart, unit.labelEnd);
  const numbered = label === '' || reading.assumed.trimStart().startsWith(label);
  const compared = fileText.slice(numbered ? unit.start : unit.labelEnd, unit.end);
  return { applies: false, assumed: reading.assumed, compared, edits: [], ...(clauses ? { clauses } : {}) };
}

function quotedClauses(pieces: ClausePiece[], fileText: string, part: Unit, clauseOf: UnitLookup, characters: UnitCharacters): { edits: WordingEdit[]; compared: string } | null {
  const edits: WordingEdit[] = [];
  const compared: string[] = [];
  let after = -1;
  for (const piece of pieces) {
    const reading = readBody(piece.text);
    if (reading.chars === '') {
      const text = acceptChanges(piece.text, scanChanges(piece.text).spans).trim();
      const at = after === -1 ? part.end : after;
      if (text !== '') edits.push({ start: at, end: at, text: `\n\n${text}` });
      continue;
    }
    const clause = clauseOf(piece.id);
    const found = clause && unitEdits(reading, fileText, clause, characters);
    if (!clause || !found) return null;
    edits.push(...found.edits);
    compared.push(found.compared);
    after = clause.end;
  }
  return { edits: inOrder(edits), compared: compared.join('\n\n') };
}

/** "replace "x" with "y"": the quoted words found in the unit (whitespace aside) as one edit, or null. */
export function replacementEdit(find: string, replacement: string, unit: Unit, characters: UnitCharacters): WordingEdit | null {
  const wanted = nonSpace(find, 0, find.length).chars;
  if (wanted === '') return null;
  const baseline = characters(unit);
  const found = baseline.chars.indexOf(wanted);
  if (found === -1) return null;
  return { start: baseline.at[found], end: baseline.at[found + wanted.length - 1] + 1, text: replacement };
}
