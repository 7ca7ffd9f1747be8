// Where a file uses defined terms: one pass over its words, each capitalised word the start of
// a walk down the glossary's word trie, the longest term that applies there winning ("DCC User
// Interface Specification" before "DCC User Interface"), the last word in any of its inflected
// forms ("Service Requests", "Party's", "Parties'"). The walk is as long as the longest term,
// so the pass is linear in the text whatever the size of the glossary. The same walk down the
// lower-case trie finds terms written with other capitals, and runs of capitalised words that
// are no term are compared with the terms of as many words (near misses).
//
// Not uses: words inside double quotes (a quotation, or a title quoted), a title in brackets
// after a number ("Section H3.8 (Eligibility for Services)"), a table of contents, and the
// definitions themselves.

import { baseForms, CONNECTORS, isLetterOrDigit, isUpperCode, isWordStart, wordEnd, wordKey, WordKeys } from '../text/termWords';
import { Glossary, GlossaryEntry, mayContinue, TrieNode } from './glossary';

export interface TermUse {
  start: number;
  end: number;
  /** The term as the glossary has it (maybe a wrapped term's longer reading). */
  term: string;
  /** A wrapped term's longer reading: where the shorter one ends, if the longer does not count. */
  baseEnd?: number;
}

export interface CaseMismatch {
  start: number;
  end: number;
  term: string;
}

export interface NearMiss {
  start: number;
  end: number;
  /** The terms it is one letter or one inflection away from. */
  terms: string[];
}

export interface TermMatches {
  uses: TermUse[];
  caseMismatches: CaseMismatch[];
  nearMisses: NearMiss[];
  /** Every capitalised word's key: which terms this file could use (an index re-checks it when one of those changes); absent unless asked for. */
  keys: WordKeys | undefined;
}

export interface MatchContext {
  uri: string;
  /** Regions with no uses (tables of contents), in order. */
  skip: ReadonlyArray<{ start: number; end: number }>;
  /** Record the words' keys (an index that re-matches files as terms change needs them; a one-shot check does not). */
  keys?: boolean;
  /** Match only the words that start in this span (whole lines): an edit's lines, the rest of the file kept. */
  range?: { start: number; end: number };
  /** A use from before the range that runs into it: the words it covers are not read again. */
  before?: TermUse;
}

/** Inflections that make a near miss: "Meter" for "Metering", "Service" for "Services". */
const INFLECTIONS = ['s', 'es', 'ing', 'ed', 'er', 'ers', 'ment', 'ments', 'ion', 'ions', 'al'];
/** Words that start a sentence before a capitalised expression: not part of it. */
const LEADING = new Set(['The', 'A', 'An', 'Each', 'Any', 'This', 'That', 'These', 'Those', 'Such', 'No', 'Every', 'All', 'Where', 'If', 'In', 'For', 'Under', 'Subject', 'Unless']);
const MIN_NEAR_MISS_WORD = 4;
const SPACES_ONLY = -1;
const NOT_JOINED = -2;
/** A run of capitalised words longer than any term is read in pieces. */
const MAX_RUN = 24;

function hasDigit(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 48 && word.charCodeAt(k) <= 57) return true;
  return false;
}
const MAX_CANDIDATES_PER_WORD = 64;
/** Words that join two expressions rather than make one: a run is also read apart at them. */
const SPLITTERS = new Set(['and', 'or', '&', 'a', 'an', 'the']);
interface Span {
  start: number;
  end: number;
}

/** Where a word starting at `at` after a gap of spaces (and at most one line break when `wrap`) begins, or -1. */
function afterGap(text: string, at: number, wrap: boolean): number {
  let breaks = 0;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 9 || code === 13) continue;
    if (code === 10 && wrap && breaks++ === 0) continue;
    return isWordStart(code) ? at : -1;
  }
  return -1;
}

/** Spans with no uses besides those given: a quotation on one line, and a title in brackets after a number or an id ("H3.8 (...)", "AK (...)", "(a) (...)"). */
/** Quotations and titles are found on whole lines `[from, to)`: none runs past its line. */
function excludedSpans(text: string, skip: readonly Span[], definitions: readonly Span[], from: number, to: number): Span[] {
  const spans: Span[] = [...skip, ...definitions];
  for (let at = text.indexOf('"', from); at !== -1 && at < to; at = text.indexOf('"', at + 1)) {
    const end = closingQuote(text, at + 1, 34);
    spans.push({ start: at, end });
    at = end - 1;
  }
  for (let at = text.indexOf('\u201c', from); at !== -1 && at < to; at = text.indexOf('\u201c', at + 1)) spans.push({ start: at, end: closingQuote(text, at + 1, 0x201d) });
  for (let at = text.indexOf('(', from); at !== -1 && at < to; at = text.indexOf('(', at + 1)) {
    if (!followsId(text, at)) continue;
    const close = closingBracket(text, at + 1);
    if (close !== -1) spans.push({ start: at, end: close + 1 });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Where a quotation opened before `from` ends: its closing mark, the line's end, or 300 characters on. */
function closingQuote(text: string, from: number, closing: number): number {
  const limit = Math.min(text.length, from + 300);
  for (let at = from; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === closing || code === 34) return at + 1;
    if (code === 10) return at;
  }
  return limit;
}

function closingBracket(text: string, from: number): number {
  const limit = Math.min(text.length, from + 200);
  for (let at = from; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 41) return at;
    if (code === 40 || code === 10) return -1;
  }
  return -1;
}

/** Is a bracket at `at` after a number, a closing bracket, or one or two capitals standing alone (a cited unit's id)? */
function followsId(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
  if (before < 0) return false;
  const code = text.charCodeAt(before);
  if ((code >= 48 && code <= 57) || code === 41) return true;
  let start = before;
  while (start >= 0 && isUpperCode(text.charCodeAt(start))) start--;
  return before - start >= 1 && before - start <= 2 && (start < 0 || !isLetterOrDigit(text.charCodeAt(start)));
}

export function matchTerms(text: string, glossary: Glossary, context: MatchContext): TermMatches {
  const { start, end } = context.range ?? { start: 0, end: text.length };
  const excluded = excludedSpans(text, context.skip, glossary.spansByUri.get(context.uri) ?? [], start, end);
  const matcher = new Matcher(text, glossary, context.uri, excluded, context.keys ? new WordKeys() : undefined);
  if (context.before) matcher.continueFrom(context.before);
  matcher.run(start, end);
  const uses = context.before ? matcher.uses.slice(1) : matcher.uses;
  return { uses, caseMismatches: matcher.caseMismatches, nearMisses: matcher.nearMisses, keys: matcher.keys };
}

/** One pass over a text's capitalised words (a regular expression finds them; the words between are not visited). */
class Matcher {
  readonly uses: TermUse[] = [];
  readonly caseMismatches: CaseMismatch[] = [];
  readonly nearMisses: NearMiss[] = [];
  /** The run of capitalised words (and connectors between them) being read, for near misses. */
  /** The run's words (connectors included), reused from run to run: no allocation per word. */
  private readonly runStarts = new Int32Array(MAX_RUN + 1);
  private readonly runEnds = new Int32Array(MAX_RUN + 1);
  private runLength = 0;
  /** The run has a capitalised word outside every use (not a sentence's first word, not a number): only such a run may be a near miss. */
  private runHasStray = false;
  private covered = -1;
  private excludedAt = 0;

  constructor(private readonly text: string, private readonly glossary: Glossary, private readonly uri: string, private readonly excluded: readonly Span[],
    readonly keys: WordKeys | undefined) {}

  /** Starts after a use that runs into the range from the line before it. */
  continueFrom(use: TermUse): void {
    this.uses.push(use);
    this.covered = use.end - 1;
  }

  run(from: number, to: number): void {
    const { text } = this;
    let previous = from > 0 ? text.charCodeAt(from - 1) : 32;
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at);
      // A capitalised word not inside another word: where a use, a mismatch or a run may start.
      if (!((code >= 65 && code <= 90) || (code >= 0xc0 && isUpperCode(code))) || isLetterOrDigit(previous) || previous === 39 || previous === 0x2019 || previous === 45 || previous === 38) {
        previous = code;
        continue;
      }
      const end = wordEnd(text, at);
      this.word(at, end);
      previous = text.charCodeAt(end - 1);
      at = end - 1;
    }
    this.endRun();
  }

  private word(start: number, end: number): void {
    this.keys?.add(wordKey(this.text, start, end));
    if (this.isExcluded(start)) {
      this.endRun();
      return;
    }
    this.extendRun(start, end);
    if (start <= this.covered || this.glossary.size === 0) return;
    const word = this.text.slice(start, end);
    this.matchAt(start, word);
    if (start > this.covered && !this.runHasStray && !LEADING.has(word) && !hasDigit(word)) this.runHasStray = true;
  }

  /** `at` only grows from call to call, except within a walk (`advance` false), which looks ahead of the main pass. */
  private isExcluded(at: number, advance = true): boolean {
    const spans = this.excluded;
    let k = this.excludedAt;
    while (k < spans.length && spans[k].end <= at) k++;
    if (advance) this.excludedAt = k;
    for (; k < spans.length && spans[k].start <= at; k++) if (at < spans[k].end) return true;
    return false;
  }

  /** Adds a word to the run when only spaces, or a connector, separate it from the run's last word; otherwise starts a new run. */
  private extendRun(start: number, end: number): void {
    const count = this.runLength;
    if (count > 0) {
      const connector = this.connectorBetween(this.runEnds[count - 1], start);
      if (connector === NOT_JOINED || count >= MAX_RUN - 1) this.endRun();
      else if (connector !== SPACES_ONLY) this.pushRun(connector, wordEnd(this.text, connector));
    }
    this.pushRun(start, end);
  }

  private pushRun(start: number, end: number): void {
    this.runStarts[this.runLength] = start;
    this.runEnds[this.runLength++] = end;
  }

  /** Between two words: only spaces (SPACES_ONLY), spaces around one connector ("of", "and": where it starts), or anything else (NOT_JOINED). */
  private connectorBetween(from: number, to: number): number {
    const { text } = this;
    let at = from;
    while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    if (at === to) return at > from ? SPACES_ONLY : NOT_JOINED;
    const start = at;
    while (at < to && text.charCodeAt(at) >= 97 && text.charCodeAt(at) <= 122) at++;
    const end = at;
    if (end === start || end - start > 5) return NOT_JOINED;
    while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    return at === to && start > from && CONNECTORS.has(text.slice(start, end)) ? start : NOT_JOINED;
  }

  private endRun(): void {
    if (this.runLength >= 2 && this.runHasStray) {
      const run: Span[] = [];
      for (let k = 0; k < this.runLength; k++) run.push({ start: this.runStarts[k], end: this.runEnds[k] });
      this.nearMissIn(run);
    }
    this.runLength = 0;
    this.runHasStray = false;
  }

  /** The use or case mismatch starting at a capitalised word. */
  private matchAt(start: number, word: string): void {
    const first = this.glossary.exact.next?.get(word);
    if (first === undefined) return;
    const exact = this.walk(this.glossary.exact, start, word, false);
    const folded = first.folds ? this.walk(this.glossary.folded, start, word.toLowerCase(), true) : null;
    if (exact === null && folded === null) return;
    if (folded && folded.end > (exact?.end ?? start) && this.isMismatch(start, folded.end, folded.term)) {
      this.caseMismatches.push({ start, end: folded.end, term: folded.term });
      this.covered = folded.end - 1;
      return;
    }
    if (!exact) return;
    const use: TermUse = { start, end: exact.end, term: exact.term };
    const entry = exact.entry;
    if (entry.extends !== undefined) use.baseEnd = this.endOfWords(start, this.glossary.entries.get(entry.extends)!.words.length);
    this.uses.push(use);
    this.covered = exact.end - 1;
  }

  /** The longest term from the word at `start` (written `first`) that applies here: its entry and its end. */
  private walk(root: TrieNode, start: number, first: string, fold: boolean): { term: string; entry: GlossaryEntry; end: number } | null {
    const { text } = this;
    let node: TrieNode | undefined = root;
    let bestEntry: GlossaryEntry | undefined;
    let bestEnd = -1;
    for (let at = start; node?.next && at !== -1;) {
      if (at > start && (!mayContinue(node, text.charCodeAt(at)) || this.isExcluded(at, false))) break;
      const end = at === start ? start + first.length : wordEnd(text, at);
      const written = at === start ? first : fold ? text.slice(at, end).toLowerCase() : text.slice(at, end);
      // The tries hold each term's inflected forms too: one lookup per word.
      node = node.next.get(written);
      if (node?.entry !== undefined && this.counts(node.entry, start)) {
        bestEntry = node.entry;
        bestEnd = end;
      }
      at = node?.next ? afterGap(text, end, true) : -1;
    }
    return bestEntry === undefined ? null : { term: bestEntry.term, entry: bestEntry, end: bestEnd };
  }

  /** Where the `count`th word from `start` ends. */
  private endOfWords(start: number, count: number): number {
    let at = start;
    let end = wordEnd(this.text, at);
    for (let k = 1; k < count && at !== -1; k++) {
      at = afterGap(this.text, end, true);
      if (at !== -1) end = wordEnd(this.text, at);
    }
    return end;
  }

  /** Is this term defined here? A wrapped term's longer reading counts while it is being decided (the index maps it back). */
  private counts(entry: GlossaryEntry, start: number): boolean {
    return entry.definitions.length > 0 && (entry.codeWide || this.glossary.applies(entry, this.uri, start));
  }

  /** Written with other capitals: not all in capitals (a heading), and not the term itself in another inflection. */
  private isMismatch(start: number, end: number, term: string): boolean {
    const written = this.text.slice(start, end);
    if (written === written.toUpperCase()) return false;
    const termWords = this.glossary.entries.get(term)!.words;
    const words = written.split(/\s+/);
    for (let k = 0; k < termWords.length - 1; k++) if (words[k] !== termWords[k]) return true;
    return !baseForms(words[words.length - 1]).includes(termWords[termWords.length - 1]);
  }

  /**
   * A run of capitalised words: a near miss if it is one letter or inflection from a term of as
   * many words. A run joined by "and", "or" or an article ("Users and Parties") is also read
   * part by part.
   */
  private nearMissIn(run: readonly Span[]): void {
    if (this.allUsed(run) || this.nearMissOf(run)) return;
    let part = 0;
    for (let k = 0; k <= run.length; k++) {
      if (k < run.length && (this.text.charCodeAt(run[k].start) < 97 || !SPLITTERS.has(this.text.slice(run[k].start, run[k].end)))) continue;
      if (part > 0 || k < run.length) this.nearMissOf(run.slice(part, k));
      part = k + 1;
    }
  }

  private nearMissOf(run: readonly Span[]): boolean {
    if (run.length < 2 || this.allUsed(run)) return false;
    const words = run.map(({ start, end }) => this.text.slice(start, end));
    let from = 0;
    let to = words.length;
    while (from < to && LEADING.has(words[from])) from++;
    while (to > from && !/^[A-Z\u00c0-\u00de]/.test(words[to - 1])) to--;
    const count = to - from;
    if (count < 2 || count > 12) return false;
    const start = run[from].start;
    const end = run[to - 1].end;
    if (this.isWhollyMatched(start, end)) return false;
    const written = words.slice(from, to).map((word) => word.toLowerCase());
    // A near miss differs from its term in one word: every other word is a term's word.
    let strangers = 0;
    for (const word of written) if (!this.glossary.nearWords.has(word) && ++strangers > 1) return false;
    const candidates = new Set<string>();
    written.forEach((word, position) => {
      const terms = this.glossary.withWordAt(count, position, word);
      // A word that many terms share there says little: the run's other words find its candidates (bounded work per run).
      if (terms.length <= MAX_CANDIDATES_PER_WORD) for (const term of terms) candidates.add(term);
    });
    if (candidates.size === 0) return false;
    // Candidates are the terms as their lines have them (never a wrapped term's longer reading), whichever reading counts: matching does not depend on it.
    const near = [...candidates].filter((term) => this.glossary.entries.get(term)!.definitions.length > 0 && this.applies(term, start) && isNear(written, this.glossary.entries.get(term)!.words));
    if (near.length === 0) return false;
    this.nearMisses.push({ start, end, terms: near.sort() });
    return true;
  }

  private applies(term: string, offset: number): boolean {
    return this.glossary.applies(this.glossary.entries.get(term)!, this.uri, offset);
  }

  /** Every capitalised word of the run is in a use ("DCC Service Requests"): several terms side by side, no near miss. */
  private allUsed(run: readonly Span[]): boolean {
    let u = this.uses.length - 1;
    for (let k = run.length - 1; k >= 0; k--) {
      const { start, end } = run[k];
      while (u >= 0 && this.uses[u].start > start) u--;
      const inUse = u >= 0 && this.uses[u].end > start;
      // A sentence's first word ("The", "Each") is no part of an expression.
      if (!inUse && this.text.charCodeAt(start) < 97 && !(k === 0 && LEADING.has(this.text.slice(start, end)))) return false;
    }
    return true;
  }

  /** The run is one use or one case mismatch already. */
  private isWhollyMatched(start: number, end: number): boolean {
    for (let u = this.uses.length - 1; u >= 0 && this.uses[u].end >= start; u--) {
      if (this.uses[u].start === start && this.uses[u].end === end) return true;
    }
    const mismatch = this.caseMismatches[this.caseMismatches.length - 1];
    return mismatch !== undefined && mismatch.start <= start && mismatch.end >= end;
  }
}

/** Do the words differ in exactly one word, by one letter or one inflection? */
export function isNear(written: readonly string[], termWords: readonly string[]): boolean {
  let differing = -1;
  for (let k = 0; k < termWords.length; k++) {
    if (written[k] === termWords[k].toLowerCase()) continue;
    if (differing !== -1) return false;
    differing = k;
  }
  if (differing === -1) return false;
  const a = written[differing];
  const b = termWords[differing].toLowerCase();
  // The term's last word in a plural or possessive ("SERVICE REQUESTS" in a heading): the term itself.
  if (differing === termWords.length - 1 && baseForms(a).includes(b)) return false;
  if (a.length < MIN_NEAR_MISS_WORD || b.length < MIN_NEAR_MISS_WORD) return false;
  return oneEditApart(a, b) || inflectionOf(a, b) || inflectionOf(b, a);
}

function inflectionOf(longer: string, shorter: string): boolean {
  if (!longer.startsWith(shorter)) return INFLECTIONS.some((ending) => shorter.endsWith('e') && longer === shorter.slice(0, -1) + ending);
  return INFLECTIONS.includes(longer.slice(shorter.length));
}

export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
