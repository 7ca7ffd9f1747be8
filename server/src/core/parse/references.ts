// Finds every reference in a text. Anchors (anchors.ts: a keyword such as "Section" or
// "Appendices", a SECMP number, a bare clause id such as H14.36, or a bullet in a
// "Sections:" list) start them; from each anchor a hand-written reader consumes the ids, lists, ranges,
// versions and titles that follow. Readers look ahead a bounded distance: linear time.

import type { CitedTitle, Reference, UnexpandedRange } from '../model/types';
import { MAX_REFERENCES_PER_FILE } from '../model/limits';
import { AnchorFinder } from './anchors';
import { DocumentNames, NameMatch } from './documentNames';
import { readWords, WordToken } from './words';
import {
  collapseWhitespace, isAlnum, isDash, isDigit, isLower, isUpper, readDigits, skipGap, skipSpaces, wordAt,
} from './scanner';

export interface ScanOptions {
  names: DocumentNames;
  /** The Schedule or Appendix a "Clause 4.2" without "of ..." belongs to, at an offset. */
  documentAt: (offset: number) => string | null;
  /** Regions to ignore (tables of contents). Sorted, non-overlapping. */
  skip: ReadonlyArray<{ start: number; end: number }>;
  /** Scan only anchors starting in [from, to) (re-scanning the window around an edit). */
  from?: number;
  to?: number;
}

/**
 * A bare id right after a name in Title Case (two capitalised words or more) is that
 * document's version label: "Supporting Requirements T16.0", "Interface Matrix H1.2". One
 * capitalised word is a sentence's first ("Notwithstanding H4.3", "In H14.36"): a clause.
 */
const TITLE_CASE_NAME_BEFORE = /(?:^|[ \t("\u201c])[A-Z][A-Za-z]*[ \t]+[A-Z][a-z][A-Za-z]*[ \t]*$/;
const CONNECTING_WORDS = new Set(['In', 'See', 'Under', 'And', 'Or', 'Of', 'To', 'By', 'With', 'Per', 'From', 'Also', 'Where', 'Then']);

function versionOfName(textBefore: string, lastWord: string): boolean {
  return !CONNECTING_WORDS.has(lastWord) && TITLE_CASE_NAME_BEFORE.test(textBefore);
}

/** Words before a bare id that make it something other than an SEC clause. */
const NOT_SEC_BEFORE = new Set(['table', 'figure', 'annex', 'version', 'v', 'paragraph', 'clause', 'condition', 'step', 'row']);
/** Words that end a title written after a dash: the next citation begins. */
const TITLE_BREAKERS = new Set([
  'Section', 'Sections', 'SECTION', 'Schedule', 'Schedules', 'Appendix', 'Appendices', 'SEC', 'Clause', 'Condition',
]);
const TITLE_MAX_WORDS = 20;
/** How far back a clause number without its document looks for the document named before it. */
export const CONTEXT_LOOKBACK = 600;
/** Names remembered by position while scanning: enough for the clause numbers of one look-back. */
const MATCH_CACHE_SIZE = 4096;
/** Paragraphs in one "paragraphs (a), (b) and (c) of …": a bound, as every reader has. */
const MAX_PARAGRAPH_LIST = 26;
const DOCUMENT_NAME_WORDS = 8;
/** A range of more members than this (ends included) cites its two ends only. */
export const MAX_RANGE_MEMBERS = 100;

/**
 * How many unwritten range members a text may cite in all: a range of 100 fits in 14
 * characters, so the cap per range alone would let 1 MB cite millions (it ran the CLI out of
 * memory). The densest real text cites one per 385 characters.
 */
export function rangeMemberBudget(textLength: number): number {
  return 2000 + Math.floor(textLength / 64);
}

interface SectionId {
  /** The letter is at `start`; offsets, not strings, as most ids are only looked at once. */
  start: number;
  /** End of the Part number (`H4A`), or -1 for a Section alone. */
  partEnd: number;
  /** End of the clause number (`H4.3A`), or -1. */
  clauseEnd: number;
  /** Paragraph labels follow the clause: `H4.3(a)(ii)`. */
  paragraphs: boolean;
  end: number;
  /** Where the Part number starts: after the letter, or after a space pasted text put there (`K 4.1`). */
  digitsStart: number;
}

function partOf(text: string, id: SectionId): string {
  return text.slice(id.digitsStart, id.partEnd);
}

function clauseOf(text: string, id: SectionId): string {
  return text.slice(id.partEnd + 1, id.clauseEnd);
}

interface Item {
  target: string;
  start: number;
  end: number;
  title?: CitedTitle;
  /** A member between a range's end points, cited but not written. */
  viaRange?: boolean;
  rangePartner?: string;
  rangeStart?: boolean;
  unexpanded?: UnexpandedRange;
  /** Ids for range expansion. */
  section?: SectionId;
  docClause?: { document: string; number: string };
}


/** `a`..`zzzz`, `A`..`ZZ` or `1`..`99` between `from` and `to`. */
function isParagraphLabel(text: string, from: number, to: number): boolean {
  const length = to - from;
  const first = text.charCodeAt(from);
  const test = isLower(first) ? isLower : isUpper(first) ? isUpper : isDigit(first) ? isDigit : null;
  if (test === null || length > (test === isLower ? 4 : 2)) return false;
  for (let i = from + 1; i < to; i++) if (!test(text.charCodeAt(i))) return false;
  return true;
}

function readSuffix(text: string, at: number): number {
  // An inserted-number suffix is one capital letter standing alone: H4.3A, N4A.
  if (isUpper(text.charCodeAt(at)) && !isAlnum(text.charCodeAt(at + 1))) return at + 1;
  return at;
}

/** Reads `(a)(ii)...` at `at` into `labels` (or only skips them when null); returns the end. */
function readParagraphLabels(text: string, at: number, labels: string[] | null): number {
  let i = at;
  while (text.charCodeAt(i) === 40) {
    let j = i + 1;
    while (j < text.length && j - i <= 5 && isAlnum(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 41 || j === i + 1) break;
    if (!isParagraphLabel(text, i + 1, j)) break;
    labels?.push(text.slice(i + 1, j));
    i = j + 1;
  }
  return i;
}

export function readSectionId(text: string, at: number): SectionId | null {
  return isUpper(text.charCodeAt(at)) ? readIdNumbers(text, at, at + 1) : null;
}

/** The Part, clause and paragraph numbers of an id whose letter is at `at`, its digits starting at `digitsStart`. */
function readIdNumbers(text: string, at: number, digitsStart: number): SectionId | null {
  const id: SectionId = { start: at, partEnd: -1, clauseEnd: -1, paragraphs: false, end: digitsStart, digitsStart };
  let i = digitsStart;
  if (isDigit(text.charCodeAt(i))) {
    const digitsEnd = readDigits(text, i, 2);
    if (digitsEnd === -1) return null;
    const suffixEnd = readSuffix(text, digitsEnd);
    id.partEnd = suffixEnd;
    i = suffixEnd;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      const clauseEnd = readDigits(text, i + 1, 3);
      if (clauseEnd === -1) return null;
      const clauseSuffixEnd = readSuffix(text, clauseEnd);
      id.clauseEnd = clauseSuffixEnd;
      i = clauseSuffixEnd;
      const labelsEnd = readParagraphLabels(text, i, null);
      id.paragraphs = labelsEnd > i;
      i = labelsEnd;
    }
  }
  if (isAlnum(text.charCodeAt(i))) return null;
  id.end = i;
  return id;
}

/**
 * `K 4.1` after "Section": text pasted from PDFs puts a space between the letter and the
 * number. Only a clause number is read so (`Section X 5 times` is prose).
 */
function readSpacedClauseId(text: string, at: number): SectionId | null {
  if (!isUpper(text.charCodeAt(at)) || text.charCodeAt(at + 1) !== 32 || !isDigit(text.charCodeAt(at + 2))) return null;
  const id = readIdNumbers(text, at, at + 2);
  return id && id.clauseEnd !== -1 ? id : null;
}

/** The last blank line ("\n\n") before `at`, not before `floor`; -1 if none (an unbounded search would read a long file back to its start for every citation). */
function paragraphBreakBefore(text: string, at: number, floor: number): number {
  for (let i = Math.min(at, text.length - 1) - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 10 && text.charCodeAt(i + 1) === 10) return i;
  }
  return -1;
}

/** The last full stop before `at` that ends a sentence (followed by a space or a line break), not before `floor`; -1 if none. */
function sentenceEndBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    const next = text.charCodeAt(i + 1);
    if (text.charCodeAt(i) === 46 && (next === 32 || next === 10 || next === 13)) return i;
  }
  return -1;
}

/**
 * The one document named in the same paragraph before `at`, or in the sentence before ("… in
 * the DCC User Interface Specification. … clause 3.6.3 …"); null when none or several are.
 * Looks back a bounded distance: the scan stays linear.
 */
export function documentNamedBefore(text: string, at: number, names: DocumentNames, matches?: Map<number, NameMatch | null>): string | null {
  const floor = Math.max(0, at - CONTEXT_LOOKBACK);
  const paragraph = paragraphBreakBefore(text, at, floor);
  const sentenceEnd = sentenceEndBefore(text, at, floor);
  const previousSentence = sentenceEnd === -1 ? floor : Math.max(floor, sentenceEndBefore(text, sentenceEnd, floor));
  // A paragraph break further back than the look-back is no bound: then the sentence before is the context.
  const from = paragraph >= floor ? Math.min(paragraph, previousSentence) : previousSentence;
  let found: string | null = null;
  for (let i = from; i < at; i++) {
    // Names are titles or abbreviations: they start with a capital at a word's start.
    if (!isUpper(text.charCodeAt(i)) || isAlnum(text.charCodeAt(i - 1))) continue;
    // Clause numbers in a row look back over the same words: each word's name is read once.
    let named = matches?.get(i);
    if (named === undefined) {
      named = names.match(text, i);
      if (matches) {
        if (matches.size > MATCH_CACHE_SIZE) matches.clear();
        matches.set(i, named);
      }
    }
    if (!named || named.end > at) continue;
    const document = named.target.replace(/ v[\d.]+$/, '');
    if (found !== null && found !== document) return null;
    found = document;
    i = named.end;
  }
  return found;
}

function readAppendixLetters(text: string, at: number): number {
  if (!isUpper(text.charCodeAt(at))) return -1;
  let i = at + 1;
  if (isUpper(text.charCodeAt(i))) i++;
  if (isAlnum(text.charCodeAt(i))) return -1;
  return i;
}

function readDocClauseNumber(text: string, at: number, requireDot: boolean): number {
  let i = readDigits(text, at, 3);
  if (i === -1) return -1;
  let dots = 0;
  while (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1)) && dots < 5) {
    const next = readDigits(text, i + 1, 3);
    if (next === -1) return -1;
    i = next;
    dots++;
  }
  if (requireDot && dots === 0) return -1;
  if (isAlnum(text.charCodeAt(i))) return -1;
  return i;
}

/** `Version 3.2`, `version 3.2`, `v3.2`, possibly after a line break. Returns [version, end] or null. */
function readVersion(text: string, at: number): [string, number] | null {
  const i = skipGap(text, at);
  let numberStart = -1;
  if (wordAt(text, i, 'Version') || wordAt(text, i, 'VERSION')) numberStart = skipGap(text, i + 7);
  else if (text.charCodeAt(i) === 118 && isDigit(text.charCodeAt(i + 1)) && !isAlnum(text.charCodeAt(i - 1))) numberStart = i + 1;
  if (numberStart === -1) return null;
  const end = readDocClauseNumber(text, numberStart, false);
  if (end === -1) return null;
  return [text.slice(numberStart, end), end];
}

export class ReferenceScanner {
  private readonly refs: Reference[] = [];
  private bulletContextEnd = -1;
  private bulletContextCheckedTo = -1;
  /** Unwritten range members left to cite (rangeMemberBudget). */
  private rangeMembersLeft: number;

  /** Document names found at offsets, for clause numbers that look back for one (documentNamedBefore). */
  private readonly namesAt = new Map<number, NameMatch | null>();

  /** Written id → canonical target: a file cites the same ids over and over, and one shared string is hashed once. */
  private readonly targets = new Map<string, string>();

  constructor(private readonly text: string, private readonly options: ScanOptions) {
    this.rangeMembersLeft = rangeMemberBudget(text.length);
  }

  /** `Section H4.3(a)`: an id is read without spaces (but the one `K 4.1` has), so what is written is the canonical form after "Section ". */
  private sectionTarget(id: SectionId): string {
    const written = id.digitsStart === id.start + 1 ? this.text.slice(id.start, id.end) : this.text[id.start] + this.text.slice(id.digitsStart, id.end);
    let target = this.targets.get(written);
    if (target === undefined) {
      target = `Section ${written}`;
      this.targets.set(written, target);
    }
    return target;
  }

  scan(): Reference[] {
    const { text } = this;
    const skip = this.options.skip;
    let skipIndex = 0;
    const anchors = new AnchorFinder(text);
    const to = this.options.to ?? text.length;
    let from = this.options.from ?? 0;
    let start: number;
    while ((start = anchors.next(from, to)) !== -1) {
      while (skipIndex < skip.length && skip[skipIndex].end <= start) skipIndex++;
      if (skipIndex < skip.length && skip[skipIndex].start <= start) {
        from = skip[skipIndex].end;
        continue;
      }
      from = Math.max(this.anchored(start, anchors.end), start + 1);
      // Past the budget the file's citations are not checked (parseDocument.ts): reading on is wasted.
      if (this.refs.length > MAX_REFERENCES_PER_FILE) break;
    }
    return this.refs;
  }

  /** Reads the citation at an anchor (see ANCHOR_PATTERN); returns where reading stopped. */
  private anchored(start: number, end: number): number {
    const { text } = this;
    const first = text.charCodeAt(start);
    if (!isAlnum(first)) return this.bullet(start, end);
    const second = text.charCodeAt(start + 1);
    if (isDigit(second)) return this.bareId(start);
    if (first === 83 && text.startsWith('SECMP', start)) {
      this.push(start, end, `SECMP${text.slice(end - 4, end)}`, 'sec');
      return end;
    }
    // "SEC Sections": the keyword is the last word of the anchor.
    let keywordStart = start;
    if (first === 83 && second === 69 && text.charCodeAt(start + 2) === 67 && !isAlnum(text.charCodeAt(start + 3))) {
      keywordStart = skipSpaces(text, start + 3);
    }
    if (text.charCodeAt(keywordStart) === 77) return this.modification(start, end);
    return this.keyword(start, end, keywordStart);
  }

  /** `MP106`, `MP 122A`, `SEC Modification Proposal 122A`: SECAS's current numbering, canonically `MP122A`. */
  private modification(start: number, end: number): number {
    let numberStart = end;
    while (numberStart > start && isAlnum(this.text.charCodeAt(numberStart - 1))) numberStart--;
    if (this.text.startsWith('MP', numberStart)) numberStart += 2;
    this.push(start, end, `MP${this.text.slice(numberStart, end)}`, 'sec');
    return end;
  }

  private push(start: number, end: number, target: string | null, kind: Reference['kind'], extra?: Partial<Reference>): Reference {
    const ref: Reference = { text: referenceText(this.text, start, end), start, end, target, kind };
    if (extra) Object.assign(ref, extra);
    this.refs.push(ref);
    return ref;
  }

  /** The keyword is one of ANCHOR's: its first two letters tell which. */
  private keyword(start: number, keywordEnd: number, keywordStart: number): number {
    const { text } = this;
    const first = text.charCodeAt(keywordStart) | 32; // lower case
    const second = text.charCodeAt(keywordStart + 1) | 32;
    if (first === 115) {
      return second === 101
        ? this.sectionKeyword(start, keywordEnd, isLower(text.charCodeAt(keywordStart)))
        : this.documentKeyword(start, keywordEnd, 'Schedule');
    }
    if (first === 97) return this.documentKeyword(start, keywordEnd, 'Appendix');
    if (first === 112) return this.clauseKeyword(start, keywordEnd, true);
    return second === 108 ? this.clauseKeyword(start, keywordEnd, false) : this.conditionKeyword(start, keywordEnd);
  }

  // ---- Sections ---------------------------------------------------------------------------

  private sectionKeyword(start: number, keywordEnd: number, lowercaseKeyword: boolean): number {
    const { text } = this;
    const at = skipGap(text, keywordEnd);
    if (isDigit(text.charCodeAt(at))) return this.externalNumbered(start, at);
    if (text.charCodeAt(skipSpaces(text, keywordEnd)) === 58) {
      // "SEC Sections:" introduces a bulleted list of bare ids.
      this.bulletContextEnd = Number.MAX_SAFE_INTEGER;
      this.bulletContextCheckedTo = keywordEnd;
      return keywordEnd + 1;
    }
    const first = readSpacedClauseId(text, at) ?? readSectionId(text, at);
    if (!first) return keywordEnd;
    // "this section a ..." is prose; a lowercase keyword needs a numbered id.
    if (lowercaseKeyword && first.partEnd === -1) return keywordEnd;
    return this.sectionList(start, first);
  }

  private sectionList(start: number, first: SectionId): number {
    const { text } = this;
    const items: Item[] = [];
    let current: Item = { target: this.sectionTarget(first), start, end: first.end, section: first };
    items.push(current);
    let end = first.end;
    for (;;) {
      // Range written with a dash, no title in between: H10.9-H10.13.
      const afterItem = skipSpaces(text, end);
      if (isDash(text.charCodeAt(afterItem))) {
        const next = readSectionId(text, skipSpaces(text, afterItem + 1));
        if (next && next.partEnd !== -1) {
          end = this.addRange(items, current, next);
          current = items[items.length - 1];
          continue;
        }
      }
      const title = this.readTitle(end);
      if (title) {
        current.title = title.title;
        end = title.end;
      }
      const separator = this.readListSeparator(end);
      if (!separator) break;
      const next = readSectionId(text, separator.next);
      if (!next || (next.partEnd === -1 && separator.range)) break;
      if (separator.range) {
        end = this.addRange(items, current, next);
        current = items[items.length - 1];
        continue;
      }
      current = { target: this.sectionTarget(next), start: next.start, end: next.end, section: next };
      items.push(current);
      end = next.end;
    }
    this.emit(items);
    return end;
  }

  /** Adds the range's end point and the ids between; returns the end offset. */
  private addRange(items: Item[], from: Item, to: SectionId): number {
    const between = this.rangeMembers(from.section!, to);
    if (typeof between === 'number') {
      const members = between;
      from.unexpanded = { members, span: to.end - from.start, overBudget: members <= MAX_RANGE_MEMBERS };
    } else {
      for (const target of between) items.push({ target, start: from.start, end: to.end, viaRange: true });
    }
    const end: Item = { target: this.sectionTarget(to), start: to.start, end: to.end, section: to, rangePartner: from.target };
    from.rangePartner = end.target;
    from.rangeStart = true;
    items.push(end);
    return to.end;
  }

  /**
   * The targets between a range's ends (none when they are not two clauses of one Part or two
   * Parts of one Section), or, when they are too many to cite one by one, how many members
   * the range has.
   */
  private rangeMembers(a: SectionId, b: SectionId): string[] | number {
    const { text } = this;
    const letter = text[a.start];
    if (letter !== text[b.start] || a.paragraphs || b.paragraphs) return [];
    let prefix: string;
    let from: string;
    let to: string;
    if (a.clauseEnd !== -1 && b.clauseEnd !== -1 && partOf(text, a) === partOf(text, b)) {
      [prefix, from, to] = [`Section ${letter}${partOf(text, a)}.`, clauseOf(text, a), clauseOf(text, b)];
    } else if (a.clauseEnd === -1 && b.clauseEnd === -1 && a.partEnd !== -1 && b.partEnd !== -1) {
      [prefix, from, to] = [`Section ${letter}`, partOf(text, a), partOf(text, b)];
    } else {
      return [];
    }
    const first = parseInt(from, 10);
    const last = parseInt(to, 10);
    if (!(last > first + 1)) return [];
    if (last - first + 1 > MAX_RANGE_MEMBERS || last - first - 1 > this.rangeMembersLeft) return last - first + 1;
    this.rangeMembersLeft -= last - first - 1;
    const between: string[] = [];
    for (let n = first + 1; n < last; n++) between.push(`${prefix}${n}`);
    return between;
  }

  private emit(items: Item[]): void {
    for (const item of items) {
      const extra = item.viaRange ? { viaRange: true } : item.rangePartner ? { rangePartner: item.rangePartner, rangeStart: item.rangeStart } : undefined;
      const ref = this.push(item.start, item.end, item.target, 'sec', extra);
      if (item.unexpanded) ref.unexpanded = item.unexpanded;
      if (item.title) ref.title = item.title;
    }
  }

  /** `,` / `, and` / `and` / `or` / `to` / dash between list members. */
  private readListSeparator(at: number): { next: number; range: boolean } | null {
    const { text } = this;
    let i = skipSpaces(text, at);
    const code = text.charCodeAt(i);
    if (code === 44) {
      i = skipGap(text, i + 1);
      if (wordAt(text, i, 'and') || wordAt(text, i, 'or')) i = skipGap(text, i + (text[i] === 'a' ? 3 : 2));
      return { next: i, range: false };
    }
    if (isDash(code)) return { next: skipSpaces(text, i + 1), range: true };
    i = skipGap(text, at);
    if (wordAt(text, i, 'and')) return { next: skipGap(text, i + 3), range: false };
    if (wordAt(text, i, 'or')) return { next: skipGap(text, i + 2), range: false };
    if (wordAt(text, i, 'to')) return { next: skipGap(text, i + 2), range: true };
    return null;
  }

  // ---- Titles -----------------------------------------------------------------------------

  /** A title after an id: `(DCC User Interface)`, `'SEC Variation ...'`, `– Production Proving`, `: CPL ...`. */
  private readTitle(at: number): { title: CitedTitle; end: number; version?: string } | null {
    const { text } = this;
    const colon = text.charCodeAt(at) === 58;
    const i = colon ? at : skipGap(text, at);
    const code = text.charCodeAt(i);
    if (code === 40) return this.delimitedTitle(i, 41, 'bracket');
    if (code === 39) return this.delimitedTitle(i, 39, 'quote');
    if (code === 0x2018) return this.delimitedTitle(i, 0x2019, 'quote');
    if (code === 34) return this.delimitedTitle(i, 34, 'quote');
    if (code === 0x201c) return this.delimitedTitle(i, 0x201d, 'quote');
    if (isDash(code) || colon) return this.dashTitle(i + 1);
    return null;
  }

  private delimitedTitle(open: number, close: number, kind: CitedTitle['kind']): { title: CitedTitle; end: number } | null {
    const { text } = this;
    const limit = Math.min(text.length, open + 200);
    let i = open + 1;
    while (i < limit && text.charCodeAt(i) !== close && text.charCodeAt(i) !== 40) i++;
    if (i >= limit || text.charCodeAt(i) !== close) return null;
    const raw = text.slice(open + 1, i);
    const trimmed = raw.trim();
    // Titles start with a capital; "(a)", "(as amended)", "(Section X9)" are not titles.
    if (!isUpper(trimmed.charCodeAt(0)) || /^[A-Z]{1,2}$/.test(trimmed)) return null;
    const [firstWord = '', secondWord] = trimmed.split(/\s+/, 2);
    if (TITLE_BREAKERS.has(firstWord) && startsCitation(firstWord, secondWord)) return null;
    return { title: { kind, raw, start: open + 1 }, end: i + 1 };
  }

  private dashTitleWords(at: number): WordToken[] {
    const { text } = this;
    const start = skipSpaces(text, at);
    // A title may continue over blank lines in reflowed bullet lists, but not past a bullet.
    const words = readWords(text, start, TITLE_MAX_WORDS);
    const kept: WordToken[] = [];
    for (let w = 0; w < words.length; w++) {
      const token = words[w];
      if (TITLE_BREAKERS.has(token.raw) && startsCitation(token.raw, words[w + 1]?.raw)) break;
      if (kept.length > 0 && /^\d+\.\d+$/.test(token.raw) && lineStartsAt(text, token.start)) break;
      kept.push(token);
    }
    return kept;
  }

  private dashTitle(at: number): { title: CitedTitle; end: number; version?: string } | null {
    const words = this.dashTitleWords(at);
    if (words.length === 0 || !isUpper(words[0].raw.charCodeAt(0)) && !isDigit(words[0].raw.charCodeAt(0))) return null;
    const raw = this.text.slice(words[0].start, words[words.length - 1].end);
    const result: { title: CitedTitle; end: number; version?: string } = {
      title: { kind: 'dash', raw, start: words[0].start },
      end: words[words.length - 1].end,
    };
    // "– GBCS v3.0", "– SMETS1 v1.2": an abbreviation followed by a version.
    for (let w = 1; w < Math.min(words.length, 6); w++) {
      const token = words[w].raw;
      let version: string | null = null;
      let versionEnd = words[w].end;
      if (/^v\d+(?:\.\d+)*$/.test(token)) version = token.slice(1);
      else if ((token === 'Version' || token === 'version') && w + 1 < words.length && /^\d+(?:\.\d+)*$/.test(words[w + 1].raw)) {
        version = words[w + 1].raw;
        versionEnd = words[w + 1].end;
      }
      if (version !== null) {
        result.version = version;
        result.title.raw = this.text.slice(words[0].start, words[w - 1].end);
        result.end = versionEnd;
        break;
      }
    }
    return result;
  }

  // ---- Schedules and Appendices -------------------------------------------------------------

  private readDocumentItem(type: 'Schedule' | 'Appendix', at: number, itemStart: number): Item | null {
    const { text } = this;
    const idEnd = type === 'Schedule' ? readDigits(text, at, 2) : readAppendixLetters(text, at);
    if (idEnd === -1 || isAlnum(text.charCodeAt(idEnd))) return null;
    if (type === 'Schedule' && text.charCodeAt(idEnd) === 46 && isDigit(text.charCodeAt(idEnd + 1))) return null;
    const document = `${type} ${text.slice(at, idEnd)}`;
    const item: Item = { target: document, start: itemStart, end: idEnd };
    const version = readVersion(text, idEnd);
    if (version) {
      item.target = `${document} v${version[0]}`;
      item.end = version[1];
    } else if (type === 'Appendix') {
      // "Appendix AK 4.2": a numbered clause of the document.
      const numberStart = skipSpaces(text, idEnd);
      const numberEnd = numberStart > idEnd ? readDocClauseNumber(text, numberStart, true) : -1;
      if (numberEnd !== -1) {
        const labels: string[] = [];
        const end = readParagraphLabels(text, numberEnd, labels);
        const number = text.slice(numberStart, numberEnd);
        item.target = `${document} ${number}${labels.map((label) => `(${label})`).join('')}`;
        item.docClause = { document, number };
        item.end = end;
      }
    }
    return item;
  }

  private documentKeyword(start: number, keywordEnd: number, type: 'Schedule' | 'Appendix'): number {
    const { text } = this;
    const items: Item[] = [];
    let item = this.readDocumentItem(type, skipGap(text, keywordEnd), start);
    if (!item) return keywordEnd;
    let end = item.end;
    for (;;) {
      items.push(item);
      const title = this.readTitle(end);
      if (title) {
        item.title = title.title;
        end = title.end;
        if (title.version !== undefined && !item.target.includes(' v') && item.docClause === undefined) {
          // "Schedule 9 – SMETS1 v1.2": the version belongs to the reference.
          item.target = `${item.target} v${title.version}`;
          item.end = title.end;
        }
      }
      const separator = this.readListSeparator(end);
      if (!separator || separator.range) break;
      const next = this.readDocumentItem(type, separator.next, separator.next);
      if (!next) break;
      item = next;
      end = next.end;
    }
    this.emit(items);
    return end;
  }

  // ---- Clauses of documents, Conditions, external Sections -------------------------------

  private readNumberList(at: number): Array<{ number: string; labels: string[]; start: number; end: number }> {
    const { text } = this;
    const list: Array<{ number: string; labels: string[]; start: number; end: number }> = [];
    let i = at;
    for (;;) {
      const numberEnd = readDocClauseNumber(text, i, false);
      if (numberEnd === -1) break;
      const labels: string[] = [];
      let end = readParagraphLabels(text, numberEnd, labels);
      if (labels.length === 0 && text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 40) {
        // "Section 88 (1)": a spaced subsection number.
        const spaced = readParagraphLabels(text, end + 1, labels);
        if (labels.length > 0) end = spaced;
      }
      list.push({ number: text.slice(i, numberEnd), labels, start: i, end });
      const separator = this.readListSeparator(end);
      if (!separator || !isDigit(text.charCodeAt(separator.next))) break;
      i = separator.next;
    }
    return list;
  }

  /** "of the Energy Act 2008" → the instrument's name and where it ends. */
  private readInstrument(at: number): { name: string; end: number } | null {
    const { text } = this;
    let i = skipGap(text, at);
    if (!wordAt(text, i, 'of')) return null;
    i = skipGap(text, i + 2);
    if (wordAt(text, i, 'the')) i = skipGap(text, i + 3);
    const words = readWords(text, i, DOCUMENT_NAME_WORDS, true);
    const kept: WordToken[] = [];
    for (const token of words) {
      const first = token.raw.charCodeAt(0);
      if (!isUpper(first) && !/^\d{4}$/.test(token.raw)) break;
      kept.push(token);
    }
    if (kept.length === 0) return null;
    return { name: kept.map((token) => token.raw).join(' '), end: kept[kept.length - 1].end };
  }

  private externalNumbered(start: number, at: number): number {
    const numbers = this.readNumberList(at);
    if (numbers.length === 0) return at;
    const instrument = this.readInstrument(numbers[numbers.length - 1].end);
    const last = numbers.length - 1;
    numbers.forEach((entry, index) => {
      const itemStart = index === 0 ? start : entry.start;
      const itemEnd = index === last && instrument ? instrument.end : entry.end;
      this.push(itemStart, itemEnd, null, 'external', instrument ? { instrument: instrument.name } : undefined);
    });
    return instrument ? instrument.end : numbers[last].end;
  }

  private conditionKeyword(start: number, keywordEnd: number): number {
    const at = skipGap(this.text, keywordEnd);
    if (!isDigit(this.text.charCodeAt(at))) return keywordEnd;
    return this.externalNumbered(start, at);
  }

  private clauseKeyword(start: number, keywordEnd: number, isParagraph: boolean): number {
    const { text } = this;
    const at = skipGap(text, keywordEnd);
    if (isParagraph && text.charCodeAt(at) === 40) return this.paragraphsOfClause(start, keywordEnd, at);
    if (!isParagraph && isUpper(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1))) {
      const id = readSectionId(text, at);
      return id && id.clauseEnd !== -1 ? this.sectionList(start, id) : keywordEnd;
    }
    if (!isDigit(text.charCodeAt(at))) return keywordEnd;
    const numbers = this.readNumberList(at);
    if (numbers.length === 0) return keywordEnd;
    let end = numbers[numbers.length - 1].end;
    const owner = this.readOwnerDocument(end);
    let document: string | null = null;
    if (owner === 'external') {
      return this.externalNumbered(start, at);
    } else if (owner) {
      document = owner.document;
      end = owner.end;
    } else {
      document = this.options.documentAt(start);
    }
    const namedBefore = document === null ? documentNamedBefore(this.text, start, this.options.names, this.namesAt) : null;
    document ??= namedBefore;
    const last = numbers.length - 1;
    numbers.forEach((entry, index) => {
      const itemStart = index === 0 ? start : entry.start;
      const itemEnd = index === last ? end : entry.end;
      if (document === null) {
        this.push(itemStart, itemEnd, null, 'ambiguous');
      } else {
        const target = `${document} ${entry.number}${entry.labels.map((label) => `(${label})`).join('')}`;
        this.push(itemStart, itemEnd, target, 'sec', namedBefore ? { documentNamedBefore: true } : undefined);
      }
    });
    return end;
  }

  /**
   * "paragraphs (a) and (b)(ii) of Section H4.3": one reference per paragraph, to the paragraph
   * of that clause. Without "of" and a clause id, the labels are left alone (which clause
   * "paragraph (b) above" means is the reader's guess, not ours).
   */
  private paragraphsOfClause(start: number, keywordEnd: number, at: number): number {
    const { text } = this;
    const items: Array<{ labels: string[]; start: number; end: number }> = [];
    for (let i = at; items.length < MAX_PARAGRAPH_LIST;) {
      const labels: string[] = [];
      const end = readParagraphLabels(text, i, labels);
      if (labels.length === 0) break;
      items.push({ labels, start: i, end });
      const separator = this.readListSeparator(end);
      if (!separator || text.charCodeAt(separator.next) !== 40) break;
      i = separator.next;
    }
    if (items.length === 0) return keywordEnd;
    let owner = skipGap(text, items[items.length - 1].end);
    if (!wordAt(text, owner, 'of')) return keywordEnd;
    owner = skipGap(text, owner + 2);
    if (wordAt(text, owner, 'SEC')) owner = skipGap(text, owner + 3);
    if (wordAt(text, owner, 'Section')) owner = skipGap(text, owner + 7);
    const id = readSectionId(text, owner);
    if (!id || id.clauseEnd === -1 || id.paragraphs || !this.options.names.isSectionLetter(text.charCodeAt(owner))) return keywordEnd;
    const clause = this.sectionTarget(id);
    items.forEach((item, k) => {
      const itemEnd = k === items.length - 1 ? id.end : item.end;
      this.push(k === 0 ? start : item.start, itemEnd, clause + item.labels.map((label) => `(${label})`).join(''), 'sec');
    });
    return id.end;
  }

  /** The document after "of": `of Appendix AK`, `of this Appendix`, `of the SEC Variation ...`. */
  private readOwnerDocument(at: number): { document: string; end: number } | 'external' | null {
    const { text } = this;
    let i = skipGap(text, at);
    if (!wordAt(text, i, 'of')) return null;
    i = skipGap(text, i + 2);
    for (const [word, type] of [['Appendix', 'Appendix'], ['Schedule', 'Schedule'], ['APPENDIX', 'Appendix'], ['SCHEDULE', 'Schedule']] as const) {
      if (wordAt(text, i, word)) {
        const item = this.readDocumentItem(type, skipGap(text, i + word.length), i);
        if (item) return { document: item.target.replace(/ v[\d.]+$/, ''), end: item.end };
      }
    }
    if (wordAt(text, i, 'this')) {
      const document = this.options.documentAt(i);
      const next = skipGap(text, i + 4);
      if (document && /^(?:Appendix|Schedule|Document|document)\b/.test(text.slice(next, next + 9))) {
        const wordEnd = next + (/^[A-Za-z]+/.exec(text.slice(next, next + 9))?.[0].length ?? 0);
        return { document, end: wordEnd };
      }
      return null;
    }
    let nameStart = i;
    if (wordAt(text, i, 'the')) nameStart = skipGap(text, i + 3);
    const named = this.options.names.match(text, nameStart);
    if (named) return { document: named.target.replace(/ v[\d.]+$/, ''), end: named.end };
    if (isUpper(text.charCodeAt(nameStart))) return 'external';
    return null;
  }

  // ---- Bare ids and bulleted lists ------------------------------------------------------------

  private bareId(start: number): number {
    const { text } = this;
    // A clause number at the start of a line is that clause's own label, not a citation.
    let lineStart = start;
    while (lineStart > 0 && (text.charCodeAt(lineStart - 1) === 32 || text.charCodeAt(lineStart - 1) === 9)) lineStart--;
    if (lineStart === 0 || text.charCodeAt(lineStart - 1) === 10) return start + 1;
    // Only a Section's letter starts an SEC id; "Matrix V12.4" is a document's version label.
    if (!this.options.names.isSectionLetter(text.charCodeAt(start))) return start + 1;
    const textBefore = text.slice(Math.max(0, start - 48), start);
    const before = /([A-Za-z]+)[ \t]*$/.exec(textBefore);
    if (before && (NOT_SEC_BEFORE.has(before[1].toLowerCase()) || versionOfName(textBefore, before[1]))) return start + 1;
    const id = readSectionId(text, start);
    if (!id) return start + 1;
    return this.sectionList(start, id);
  }

  private bullet(start: number, idStart: number): number {
    if (!this.bulletContextActive(start)) return idStart;
    const id = readSectionId(this.text, idStart);
    if (!id || id.partEnd === -1) return idStart;
    return this.sectionList(idStart, id);
  }

  /** A "Sections:" list lasts until a line that ends with ':' or starts a new numbered row. */
  private bulletContextActive(bulletStart: number): boolean {
    if (bulletStart > this.bulletContextEnd) return false;
    const { text } = this;
    let lineStart = text.indexOf('\n', this.bulletContextCheckedTo);
    while (lineStart !== -1 && lineStart < bulletStart) {
      const from = lineStart + 1;
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd === -1) lineEnd = text.length;
      const line = text.slice(from, Math.min(lineEnd, bulletStart)).trim();
      if (line.endsWith(':') || /^\d+\.\d+\s/.test(line)) {
        this.bulletContextEnd = from;
        return false;
      }
      lineStart = lineEnd < bulletStart ? lineEnd : -1;
    }
    this.bulletContextCheckedTo = bulletStart;
    return true;
  }
}

/** "Schedule 11", "Appendix R", "Section A", "SEC Appendix": a new citation, not a word of a title. */
function startsCitation(keyword: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (keyword === 'SEC') return TITLE_BREAKERS.has(next);
  if (keyword.startsWith('Schedule') || keyword.startsWith('Clause') || keyword.startsWith('Condition')) return /^\d/.test(next);
  if (keyword.startsWith('Append')) return /^[A-Z]{1,2}$/.test(next);
  return /^[A-Z](?:\d{1,2}[A-Z]?(?:\.\d+[A-Z]?)?)?$/.test(next) || /^\d/.test(next);
}

function lineStartsAt(text: string, offset: number): boolean {
  const before = skipBlankBackwards(text, offset);
  return before === 0 || text.charCodeAt(before - 1) === 10;
}

function skipBlankBackwards(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** The reference as written with whitespace collapsed; most references need no collapsing. */
function referenceText(text: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 9 || (code === 32 && text.charCodeAt(i + 1) === 32)) {
      return collapseWhitespace(text.slice(start, end));
    }
  }
  return text.slice(start, end);
}

export function scanReferences(text: string, options: ScanOptions): Reference[] {
  return new ReferenceScanner(text, options).scan();
}
