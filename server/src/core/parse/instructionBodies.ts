// The text an instruction introduces: after "Amend Section H4.10 as follows:" the amended unit,
// after "Insert a new Section H4.14 after Section H4.13:" the new one. It starts after the
// instruction (on its line, or after the blank lines below it) and is one block of lines, the
// blank lines inside a tracked change included; the blocks after it belong to it too while each
// starts with a number inside the unit (`(b)` of an amended clause, `H4.11` of an amended Part,
// or a cross-heading over one). It always ends before the next instruction. Every line is read
// once, by one reader across all the instructions: linear.

import { isWithin, levelOf, sectionId } from '../model/ids';
import type { Instruction } from '../model/types';
import type { ChangeSpan } from '../text/criticMarkup';
import { Ch } from './chars';
import { endsSentence } from './lineKinds';
import { LineSpan, newLineSpan, readLine } from './lines';
import { PartOrClauseSpan, readParagraphLabel, readPartOrClause } from './unitLabels';

/** A cross-heading is a short line: longer ones are prose. */
const LONGEST_CROSS_HEADING = 90;

class BodyReader {
  private readonly line: LineSpan = newLineSpan();
  private readonly label: PartOrClauseSpan = { partEnd: 0, clauseStart: -1, end: 0 };
  /** The first change span that may still hold an offset (offsets asked only grow). */
  private span = 0;

  constructor(private readonly source: string, private readonly spans: readonly ChangeSpan[]) {}

  /** The body starting at `from` for the unit `within`, read no further than `limit`; null when there is none. */
  read(from: number, limit: number, within: string): { start: number; end: number } | null {
    const source = this.source;
    let at = from;
    while (at < limit && isSpace(source.charCodeAt(at))) at++;
    if (at >= limit) return null;
    const start = at;
    let end = at;
    for (let lineStart = at; lineStart !== -1 && lineStart < limit; ) {
      readLine(source, lineStart, this.line);
      const { first, contentEnd, next } = this.line;
      if (first < contentEnd) {
        end = Math.min(contentEnd, limit);
        lineStart = next;
        continue;
      }
      if (this.insideChange(lineStart)) {
        lineStart = next;
        continue;
      }
      const following = this.nextContentLine(next, limit);
      if (following === -1 || !this.continues(following, limit, within)) break;
      lineStart = following;
    }
    return { start, end: trimEnd(source, start, end) };
  }

  private insideChange(offset: number): boolean {
    const spans = this.spans;
    while (this.span < spans.length && spans[this.span].end <= offset) this.span++;
    return this.span < spans.length && spans[this.span].start < offset;
  }

  /** Start of the next line with content before `limit`, or -1. */
  private nextContentLine(from: number, limit: number): number {
    for (let lineStart = from; lineStart !== -1 && lineStart < limit; lineStart = this.line.next) {
      readLine(this.source, lineStart, this.line);
      if (this.line.first < this.line.contentEnd) return lineStart;
    }
    return -1;
  }

  /** Does the block starting at `lineStart` belong to the unit `within`? */
  private continues(lineStart: number, limit: number, within: string): boolean {
    readLine(this.source, lineStart, this.line);
    const { first, contentEnd, next } = this.line;
    if (this.numberedWithin(afterOpener(this.source, first), within)) return true;
    // A cross-heading: a short unpunctuated line directly over a clause of the unit.
    if (contentEnd - first > LONGEST_CROSS_HEADING || endsSentence(this.source.charCodeAt(contentEnd - 1)) || next === -1 || next >= limit) return false;
    readLine(this.source, next, this.line);
    return this.line.first < this.line.contentEnd && this.numberedWithin(afterOpener(this.source, this.line.first), within);
  }

  /** Is there a paragraph label, or a Part or clause number, inside `within` at `at`? */
  private numberedWithin(at: number, within: string): boolean {
    const source = this.source;
    const level = levelOf(within);
    if (readParagraphLabel(source, at) !== -1) return level === 'clause' || level === 'paragraph';
    if (!readPartOrClause(source, at, this.label)) return false;
    const id = sectionId(source.slice(at, this.label.end));
    return id !== within && isWithin(id, within);
  }
}

function isSpace(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.LineFeed || code === Ch.CarriageReturn;
}

/** Past a tracked change's opener (`{++`, `{--`, `{~~`) and the spaces after it: a number may start inside one. */
function afterOpener(source: string, at: number): number {
  if (source.charCodeAt(at) !== 123) return at;
  const marker = source.slice(at + 1, at + 3);
  if (marker !== '++' && marker !== '--' && marker !== '~~') return at;
  let i = at + 3;
  while (source.charCodeAt(i) === Ch.Space || source.charCodeAt(i) === Ch.Tab) i++;
  return i;
}

function trimEnd(source: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(source.charCodeAt(i - 1))) i--;
  return i;
}

/** After the instruction: a colon, if there is one on its line, then the body. */
function bodyFrom(source: string, instruction: Instruction): number | null {
  let at = instruction.end;
  while (source.charCodeAt(at) === Ch.Space || source.charCodeAt(at) === Ch.Tab) at++;
  if (source.charCodeAt(at) === Ch.Colon) return at + 1;
  // "Amend … as follows" needs no colon; an insertion or deletion without one introduces nothing.
  return instruction.kind === 'amend' ? at : null;
}

/** Gives each instruction that introduces text its body (in place). */
export function attachBodies(instructions: Instruction[], source: string, spans: readonly ChangeSpan[]): void {
  const reader = new BodyReader(source, spans);
  instructions.forEach((instruction, i) => {
    if (instruction.kind === 'replace' || instruction.kind === 'renumber') return;
    const from = bodyFrom(source, instruction);
    if (from === null) return;
    const limit = i + 1 < instructions.length ? instructions[i + 1].start : source.length;
    const within = instruction.kind === 'insert' ? instruction.newId! : instruction.target;
    const body = reader.read(from, limit, within);
    if (body === null || body.end <= body.start) return;
    instruction.bodyStart = body.start;
    instruction.bodyEnd = body.end;
  });
}
