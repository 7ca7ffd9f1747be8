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
import type { Glossary, TrieNode } from './glossary';

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
  /** Every word's key: which terms this file could use (an index re-checks it when one of those changes). */
  keys: WordKeys;
}

export interface MatchContext {
  uri: string;
  /** Regions with no uses (tables of contents), in order. */
  skip: ReadonlyArray<{ start: number; end: number }>;
}

const enum Gap {
  /** Spaces or tabs only: words of one expression. */
  Space = 0,
  /** One line break among the spaces: a term may wrap. */
  LineBreak = 1,
  /** Anything else: punctuation, a blank line. */
  Break = 2,
}

/** Inflections that make a near miss: "Meter" for "Metering", "Service" for "Services". */
const INFLECTIONS = ['s', 'es', 'ing', 'ed', 'er', 'ers', 'ment', 'ments', 'ion', 'ions', 'al'];
/** Words that start a sentence before a capitalised expression: not part of it. */
const LEADING = new Set(['The', 'A', 'An', 'Each', 'Any', 'This', 'That', 'These', 'Those', 'Such', 'No', 'Every', 'All', 'Where', 'If', 'In', 'For', 'Under', 'Subject', 'Unless']);
const MIN_NEAR_MISS_WORD = 4;

/** The words of a text, with what separates each from the one before. */
class Words {
  starts: number[] = [];
  ends: number[] = [];
  gaps: number[] = [];
  excluded: boolean[] = [];
  capital: boolean[] = [];
  readonly keys = new WordKeys();

  constructor(private readonly text: string, skip: MatchContext['skip'], definitions: ReadonlyArray<{ start: number; end: number }>) {
    this.read(skip, definitions);
  }

  get length(): number {
    return this.starts.length;
  }

  word(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  private read(skip: MatchContext['skip'], definitions: ReadonlyArray<{ start: number; end: number }>): void {
    const text = this.text;
    let gap = Gap.Break;
    let inQuote = false;
    let inTitle = false;
    let skipAt = 0;
    let definitionAt = 0;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (isWordStart(code)) {
        const end = wordEnd(text, at);
        while (skipAt < skip.length && skip[skipAt].end <= at) skipAt++;
        while (definitionAt < definitions.length && definitions[definitionAt].end <= at) definitionAt++;
        const inSkip = (skipAt < skip.length && skip[skipAt].start <= at) || (definitionAt < definitions.length && definitions[definitionAt].start <= at);
        this.starts.push(at);
        this.ends.push(end);
        this.gaps.push(gap);
        this.excluded.push(inQuote || inTitle || inSkip);
        this.capital.push(isUpperCode(code));
        this.keys.add(wordKey(text, at, end));
        gap = Gap.Space;
        at = end - 1;
      } else if (code === 32 || code === 9 || code === 13) {
        // spaces keep the gap as it is
      } else if (code === 10) {
        gap = gap === Gap.Space ? Gap.LineBreak : Gap.Break;
        inQuote = false;
        inTitle = false;
      } else {
        gap = Gap.Break;
        if (code === 34) inQuote = !inQuote;
        else if (code === 0x201c) inQuote = true;
        else if (code === 0x201d) inQuote = false;
        else if (code === 40) inTitle = this.opensTitle(at);
        else if (code === 41) inTitle = false;
      }
    }
  }

  /** A bracket after a number or an id ("H3.8 (Eligibility ...)", "Appendix AK (...)", "(a) (...)") holds a cited title. */
  private opensTitle(at: number): boolean {
    let before = at - 1;
    while (before >= 0 && (this.text.charCodeAt(before) === 32 || this.text.charCodeAt(before) === 9)) before--;
    if (before < 0) return false;
    const code = this.text.charCodeAt(before);
    if ((code >= 48 && code <= 57) || code === 41) return true;
    // One or two capitals standing alone: a Section letter or an Appendix's.
    let start = before;
    while (start >= 0 && isUpperCode(this.text.charCodeAt(start))) start--;
    return before - start <= 2 && before - start >= 1 && (start < 0 || !isLetterOrDigit(this.text.charCodeAt(start)));
  }
}

export function matchTerms(text: string, glossary: Glossary, context: MatchContext): TermMatches {
  const words = new Words(text, context.skip, glossary.spansByUri.get(context.uri) ?? []);
  const matcher = new Matcher(text, words, glossary, context.uri);
  matcher.run();
  return { uses: matcher.uses, caseMismatches: matcher.caseMismatches, nearMisses: matcher.nearMisses, keys: words.keys };
}

class Matcher {
  readonly uses: TermUse[] = [];
  readonly caseMismatches: CaseMismatch[] = [];
  readonly nearMisses: NearMiss[] = [];

  constructor(private readonly text: string, private readonly words: Words, private readonly glossary: Glossary, private readonly uri: string) {}

  run(): void {
    if (this.glossary.size === 0) return;
    const { words } = this;
    let runStart = -1;
    let covered = -1;
    for (let i = 0; i < words.length; i++) {
      if (i > covered && words.capital[i] && !words.excluded[i]) {
        const end = this.matchAt(i);
        if (end > i) covered = end - 1;
      }
      // Runs of capitalised words, for near misses: cut at anything but spaces.
      const inRun = !words.excluded[i] && (words.capital[i] || (runStart !== -1 && CONNECTORS.has(words.word(i))));
      if (runStart !== -1 && (!inRun || words.gaps[i] !== Gap.Space)) {
        this.nearMissIn(runStart, i);
        runStart = -1;
      }
      if (runStart === -1 && inRun && words.capital[i]) runStart = i;
    }
    if (runStart !== -1) this.nearMissIn(runStart, words.length);
  }

  /** The use or case mismatch starting at word `i`: returns the index after its last word, or `i`. */
  private matchAt(i: number): number {
    const exact = this.walk(this.glossary.exact, i, false);
    const folded = this.glossary.folded.next?.has(this.words.word(i).toLowerCase()) ? this.walk(this.glossary.folded, i, true) : null;
    if (folded && folded.end > (exact?.end ?? i) && this.isMismatch(i, folded.end, folded.term)) {
      this.caseMismatches.push({ start: this.words.starts[i], end: this.words.ends[folded.end - 1], term: folded.term });
      return folded.end;
    }
    if (!exact) return i;
    const use: TermUse = { start: this.words.starts[i], end: this.words.ends[exact.end - 1], term: exact.term };
    const entry = this.glossary.entries.get(exact.term)!;
    if (entry.extends !== undefined) use.baseEnd = this.words.ends[i + this.glossary.entries.get(entry.extends)!.words.length - 1];
    this.uses.push(use);
    return exact.end;
  }

  /** The longest term from word `i` that applies here: its term and the index after its last word. */
  private walk(root: TrieNode, i: number, fold: boolean): { term: string; end: number } | null {
    const { words } = this;
    let node: TrieNode | undefined = root;
    let best: { term: string; end: number } | null = null;
    for (let j = i; node?.next && j < words.length; j++) {
      if (j > i && (words.gaps[j] > Gap.LineBreak || words.excluded[j])) break;
      const written = fold ? words.word(j).toLowerCase() : words.word(j);
      // The last word may be inflected: its plain forms end a term here without going on.
      const forms = baseForms(written);
      for (let f = 1; f < forms.length; f++) {
        const ending = node.next.get(forms[f])?.term;
        if (ending !== undefined && this.counts(ending, i)) best = { term: ending, end: j + 1 };
      }
      node = node.next.get(written);
      if (node?.term !== undefined && this.counts(node.term, i)) best = { term: node.term, end: j + 1 };
    }
    return best;
  }

  /** Is this term defined here? A wrapped term's longer reading counts while it is being decided (the index maps it back). */
  private counts(term: string, i: number): boolean {
    const entry = this.glossary.entries.get(term);
    return entry !== undefined && entry.definitions.length > 0 && this.glossary.applies(entry, this.uri, this.words.starts[i]);
  }

  /** Written with other capitals: not all in capitals (a heading), and not the term itself in another inflection. */
  private isMismatch(i: number, end: number, term: string): boolean {
    const written = this.text.slice(this.words.starts[i], this.words.ends[end - 1]);
    if (written === written.toUpperCase()) return false;
    const termWords = this.glossary.entries.get(term)!.words;
    for (let k = 0; k < termWords.length - 1; k++) if (this.words.word(i + k) !== termWords[k]) return true;
    return !baseForms(this.words.word(end - 1)).includes(termWords[termWords.length - 1]);
  }

  /** A run of capitalised words `[from, to)`: a near miss if it is one letter or inflection from a term of as many words. */
  private nearMissIn(from: number, to: number): void {
    const { words } = this;
    while (from < to && LEADING.has(words.word(from))) from++;
    while (to > from && !words.capital[to - 1]) to--;
    const count = to - from;
    if (count < 2 || count > 12) return;
    const start = words.starts[from];
    const end = words.ends[to - 1];
    if (this.isWhollyMatched(start, end)) return;
    const written: string[] = [];
    for (let k = from; k < to; k++) written.push(words.word(k).toLowerCase());
    const candidates = new Set<string>();
    written.forEach((word, position) => {
      for (const term of this.glossary.withWordAt(count, position, word)) candidates.add(term);
    });
    const near = [...candidates].filter((term) => this.glossary.defined(term) && this.applies(term, start) && isNear(written, this.glossary.entries.get(term)!.words));
    if (near.length > 0) this.nearMisses.push({ start, end, terms: near.sort() });
  }

  private applies(term: string, offset: number): boolean {
    return this.glossary.applies(this.glossary.entries.get(term)!, this.uri, offset);
  }

  /** The run is one use or one case mismatch already (both are found before the run ends). */
  private isWhollyMatched(start: number, end: number): boolean {
    const use = this.uses[this.uses.length - 1];
    if (use && use.start === start && use.end === end) return true;
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
