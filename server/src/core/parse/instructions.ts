// Amendment instructions, checked against the workspace (docs/format.md lists the forms):
//   Amend Section H4.10 as follows:            then the amended unit in CriticMarkup
//   Insert a new Section H4.14 after Section H4.13:   then the new unit
//   Insert new Section H4.3A after Section H4.3
//   Delete Section X5.3   (… and replace it with [Not used])
//   In Section H4.2(b), replace "x" with "y"
//   Renumber Section H4.5 as Section H4.6
// Patterns are anchored on their verbs and bounded (ids, quoted text up to 300 characters); the
// text an instruction introduces is read by instructionBodies.ts.

import type { Instruction } from '../model/types';
import type { ChangeSpan } from '../text/criticMarkup';
import { attachBodies } from './instructionBodies';

const ID = String.raw`([A-Z]\d{1,2}[A-Z]?(?:\.\d{1,3}[A-Z]?)?(?:\([a-zA-Z]{1,4}\)){0,3})`;
const GAP = String.raw`[ \t]+(?:\r?\n[ \t]*)?`;
const UNIT = String.raw`(?:Section|Part|Clause|Paragraph)`;
const QUOTED = String.raw`["\u201c]([^"\u201c\u201d]{1,300})["\u201d]`;
const INSERT = new RegExp(String.raw`\bInsert${GAP}(?:a${GAP})?new${GAP}${UNIT}${GAP}${ID}${GAP}(after|before)${GAP}(?:${UNIT}${GAP})?${ID}`, 'g');
const NOT_USED = String.raw`(?:,?${GAP}(?:and${GAP}replace${GAP}it${GAP}with|leaving)${GAP}["\u201c]?(\[Not${GAP}used\])["\u201d]?)?`;
const DELETE = new RegExp(String.raw`\bDelete${GAP}${UNIT}${GAP}${ID}${NOT_USED}`, 'g');
const REPLACE = new RegExp(String.raw`\bIn${GAP}Section${GAP}${ID},?${GAP}replace${GAP}${QUOTED}${GAP}(?:with|by)${GAP}["\u201c]([^"\u201c\u201d]{0,300})["\u201d]`, 'g');
const RENUMBER = new RegExp(String.raw`\bRenumber${GAP}(?:${UNIT}${GAP})?${ID}${GAP}as${GAP}(?:${UNIT}${GAP})?${ID}`, 'g');
// "as follows" or a colon: without either, "Amend Section H4.10 so that …" is prose, not an instruction.
// Sticky: tried only where "Amend" is (see amendments below).
const AMEND = new RegExp(String.raw`Amend${GAP}${UNIT}${GAP}${ID}(?:${GAP}as${GAP}follows[ \t]*:?|[ \t]*:)`, 'y');

/** Any verb of an instruction: a text without one has none (the in-place re-parse asks this of edited lines). */
export const INSTRUCTION_VERBS = /Insert|Delete|replace|Renumber|Amend/;
/**
 * The verbs of the other instructions, searched for in one pass. "Amend" is searched for on its
 * own: a capital A starts many words of the Code's prose, and in this pattern it would double
 * the cost of the pass that most files, which have no instruction, end at.
 */
const OTHER_VERBS = /Insert|Delete|replace|Renumber/;

function sectionId(written: string): string {
  return `Section ${written}`;
}

/** Offset of the n-th capture group in a match (by searching after the previous one). */
function groupOffsets(match: RegExpExecArray): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (let g = 1; g < match.length; g++) {
    const value = match[g];
    if (value === undefined) {
      offsets.push(-1);
      continue;
    }
    const at = match[0].indexOf(value, from);
    offsets.push(match.index + at);
    from = at + value.length;
  }
  return offsets;
}

type Build = (match: RegExpExecArray, at: number[], end: number) => Instruction;

/** The target is the first group unless said otherwise. */
function targeted(kind: Instruction['kind'], match: RegExpExecArray, at: number[], end: number, group = 1): Instruction {
  const written = match[group];
  return { kind, start: match.index, end, target: sectionId(written), targetStart: at[group - 1], targetEnd: at[group - 1] + written.length };
}

/** What each pattern makes of a match, with the plain word a text must contain for the pattern to be worth running. */
const PATTERNS: ReadonlyArray<{ verb: string; pattern: RegExp; build: Build }> = [
  {
    verb: 'Insert', pattern: INSERT,
    build: (match, at, end) => ({
      ...targeted('insert', match, at, end, 3),
      newId: sectionId(match[1]), newIdStart: at[0], newIdEnd: at[0] + match[1].length, position: match[2] as 'after' | 'before',
    }),
  },
  {
    verb: 'Delete', pattern: DELETE,
    build: (match, at, end) => (match[2] === undefined ? targeted('delete', match, at, end) : { ...targeted('delete', match, at, end), notUsed: true }),
  },
  {
    verb: 'replace', pattern: REPLACE,
    build: (match, at, end) => ({
      ...targeted('replace', match, at, end), find: match[2], findStart: at[1], findEnd: at[1] + match[2].length, replacement: match[3],
    }),
  },
  {
    verb: 'Renumber', pattern: RENUMBER,
    build: (match, at, end) => ({ ...targeted('renumber', match, at, end), newId: sectionId(match[2]), newIdStart: at[1], newIdEnd: at[1] + match[2].length }),
  },
];

/** "Amend … as follows:" at each "Amend" that starts a word. */
function amendments(text: string, found: Instruction[]): void {
  for (let at = text.indexOf('Amend'); at !== -1; at = text.indexOf('Amend', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue;
    AMEND.lastIndex = at;
    const match = AMEND.exec(text);
    if (match) found.push(targeted('amend', match, groupOffsets(match), at + match[0].length));
  }
}

/**
 * The instructions of a text, in order. `text` is read for the instructions (tracked changes
 * accepted); `source`, the file as written, and its change `spans` for the text they introduce.
 */
export function parseInstructions(text: string, source = text, spans: readonly ChangeSpan[] = []): Instruction[] {
  const found: Instruction[] = [];
  if (OTHER_VERBS.test(text)) {
    for (const { verb, pattern, build } of PATTERNS) {
      if (!text.includes(verb)) continue;
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) found.push(build(match, groupOffsets(match), match.index + match[0].length));
    }
  }
  amendments(text, found);
  if (found.length === 0) return found;
  found.sort((a, b) => a.start - b.start);
  attachBodies(found, source, spans);
  return found;
}
