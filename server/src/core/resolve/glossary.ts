// The workspace's glossary: every defined term, where it is defined and where it applies, and
// the word tries the term matcher walks. Built afresh from the files' definitions whenever one
// of them changes (a few hundred terms: well under a millisecond); immutable once built.
//
// A table row's term that wraps ("Smart Metering Inventory" / "Record") is entered twice: the
// term as its line has it, and the longer reading with the next line's capitalised words. The
// longer one is defined when it is used somewhere in the workspace (`accepted`, which the
// index works out from every file's matches); until then the shorter one is.

import type { DefinedTerm } from '../model/types';
import { termWordsOf } from '../text/termWords';

export interface TermDefinition {
  uri: string;
  definition: DefinedTerm;
  /** The file is a draft (it has amendment instructions): it restates the Code's text, so its definitions duplicate nothing. */
  draft: boolean;
}

export interface GlossaryEntry {
  term: string;
  words: readonly string[];
  definitions: TermDefinition[];
  /** Some definition applies in the whole Code (not only in a Part, Section or document). */
  codeWide: boolean;
  /** A wrapped term's longer reading: the term its line has. */
  extends?: string;
  /** False for a reading that does not count: a wrapped term's shorter reading once the longer is used, or the longer one until it is. */
  defined: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** The term whose last word this is. */
  term: string | undefined;
  /** Its entry (the matcher asks it at every word). */
  entry: GlossaryEntry | undefined;
  /** A first word: some term of two words or more starts with it in lower case (a case mismatch may start here). */
  folds: boolean;
  /** The first characters of the words in `next`, a bit per character code modulo 64 (capitals in `starts`, lower case in `lowerStarts`): a word starting otherwise goes no further, unread. */
  starts: number;
  lowerStarts: number;
}

export interface FileDefinitions {
  uri: string;
  definitions: readonly DefinedTerm[];
  draft: boolean;
}

function newNode(): TrieNode {
  return { next: undefined, term: undefined, entry: undefined, folds: false, starts: 0, lowerStarts: 0 };
}

export class Glossary {
  readonly entries = new Map<string, GlossaryEntry>();
  /** Words as written, term by term. */
  readonly exact: TrieNode = newNode();
  /** Lower-case words, terms of two words or more (a case mismatch of one word is ordinary prose). */
  readonly folded: TrieNode = newNode();
  /** `words|position|lower-case word` → terms of that many words with that word there (near misses). */
  readonly byWord = new Map<string, string[]>();
  /** Each file's definitions that count, by start (a use is never inside one). */
  readonly spansByUri = new Map<string, Array<{ start: number; end: number }>>();
  /** The words of terms of two words or more, in lower case: a run of capitalised words with two of its words not among them is no near miss. */
  readonly nearWords = new Set<string>();
  private readonly duplicates = new Map<GlossaryEntry, Map<TermDefinition, TermDefinition>>();
  /** Definitions whose wrapped term's longer reading counts instead of the term their line has. */
  private readonly shadowed = new Set<TermDefinition>();
  /** The entry each counted definition defines (a wrapped term's may be its longer reading). */
  readonly byDefinition = new Map<DefinedTerm, GlossaryEntry>();

  constructor(files: Iterable<FileDefinitions>, readonly accepted: ReadonlySet<string> = new Set()) {
    for (const file of files) for (const definition of file.definitions) this.add(file, definition);
    this.dropMentions();
    for (const entry of this.entries.values()) this.index(entry);
    // Then each term's inflected forms ("Service Requests", "Party's", "Parties'"), where no term is written so.
    for (const entry of this.entries.values()) this.inflect(entry);
    for (const [word, node] of this.exact.next ?? []) node.folds = this.folded.next?.has(word.toLowerCase()) === true;
    for (const spans of this.spansByUri.values()) spans.sort((a, b) => a.start - b.start);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry a use of `term` counts for, or undefined when the term is not defined (as that reading). */
  defined(term: string): GlossaryEntry | undefined {
    const entry = this.entries.get(term);
    return entry?.defined ? entry : undefined;
  }

  /** Does a definition of this term apply at an offset of a file? */
  applies(entry: GlossaryEntry, uri: string, offset: number): boolean {
    if (entry.codeWide) return true;
    return entry.definitions.some(({ uri: defining, definition }) => defining === uri && definition.scope !== undefined &&
      definition.scope.start <= offset && offset < definition.scope.end);
  }

  /** A definition's duplicate in the same scope, if any (worked out once per term). */
  duplicateOf(entry: GlossaryEntry, source: TermDefinition): TermDefinition | undefined {
    let others = this.duplicates.get(entry);
    if (!others) this.duplicates.set(entry, (others = duplicateDefinitions(entry)));
    return others.get(source);
  }

  /** Terms of `words` words with `word` (lower case) at `position`. */
  withWordAt(words: number, position: number, word: string): readonly string[] {
    return this.byWord.get(`${words}|${position}|${word}`) ?? [];
  }

  private add(file: FileDefinitions, definition: DefinedTerm): void {
    const source: TermDefinition = { uri: file.uri, definition, draft: file.draft };
    this.entry(definition.term).definitions.push(source);
    if (!definition.continuation) return;
    // Each reading with one more of the next line's words, the longest used one counting.
    const more = definition.continuation.text.split(' ');
    let longest: string | undefined;
    for (let count = 1; count <= more.length; count++) {
      const longer = `${definition.term} ${more.slice(0, count).join(' ')}`;
      const entry = this.entry(longer, definition.term);
      entry.definitions.push(source);
      if (this.accepted.has(longer)) longest = longer;
    }
    if (longest === undefined) return;
    this.entry(longest).defined = true;
    // The shorter reading no longer counts for this definition (it stays in the tries: matching does not depend on which reading counts).
    this.shadowed.add(source);
  }

  private entry(term: string, extended?: string): GlossaryEntry {
    let entry = this.entries.get(term);
    if (!entry) {
      entry = { term, words: termWordsOf(term), definitions: [], codeWide: false, defined: extended === undefined };
      if (extended !== undefined) entry.extends = extended;
      this.entries.set(term, entry);
    } else if (extended === undefined) {
      entry.defined = true;
    }
    return entry;
  }

  /** "(a Party)" where Party is defined in a table or in quotes names the term, it does not define it again. */
  private dropMentions(): void {
    for (const entry of this.entries.values()) {
      if (entry.definitions.length < 2 || entry.definitions.every(({ definition }) => definition.form === 'parenthetical')) continue;
      entry.definitions = entry.definitions.filter(({ definition }) => definition.form !== 'parenthetical');
    }
  }

  private index(entry: GlossaryEntry): void {
    const counted = entry.extends === undefined ? entry.definitions.filter((source) => !this.shadowed.has(source)) : entry.definitions;
    if (counted.length === 0) entry.defined = false;
    entry.codeWide = entry.definitions.some(({ definition }) => definition.scope === undefined);
    insert(this.exact, entry.words, entry);
    if (entry.defined) for (const { definition } of counted) this.byDefinition.set(definition, entry);
    if (entry.extends !== undefined) return;
    // A definition is never a use of itself, whichever reading counts.
    for (const { uri, definition } of entry.definitions) {
      let spans = this.spansByUri.get(uri);
      if (!spans) this.spansByUri.set(uri, (spans = []));
      spans.push({ start: definition.start, end: definition.end });
    }
    if (entry.words.length < 2) return;
    entry.words.forEach((word, position) => {
      this.nearWords.add(word.toLowerCase());
      const key = `${entry.words.length}|${position}|${word.toLowerCase()}`;
      const terms = this.byWord.get(key);
      if (terms) terms.push(entry.term);
      else this.byWord.set(key, [entry.term]);
    });
  }

  /**
   * Each term in the tries with its last word in every inflected form a use may take: the
   * matcher then walks written words with one lookup each, and never works out a plural.
   */
  private inflect(entry: GlossaryEntry): void {
    const last = entry.words.length - 1;
    const folded = entry.words.length >= 2 && entry.extends === undefined ? entry.words.map((word) => word.toLowerCase()) : null;
    for (const form of inflectedForms(entry.words[last])) {
      insert(this.exact, [...entry.words.slice(0, last), form], entry);
      if (folded) insert(this.folded, [...folded.slice(0, last), form.toLowerCase()], entry);
    }
  }
}

/** A word as a use may end it: itself, plural, possessive, plural possessive. */
export function inflectedForms(word: string): string[] {
  const plurals = [word, `${word}s`, `${word}es`];
  if (/[^aeiou]y$/.test(word)) plurals.push(`${word.slice(0, -1)}ies`);
  const forms: string[] = [];
  for (const plural of plurals) {
    forms.push(plural);
    if (plural.endsWith('s')) forms.push(`${plural}'`, `${plural}\u2019`);
    if (plural === word) forms.push(`${word}'s`, `${word}\u2019s`);
  }
  return forms;
}

function insert(root: TrieNode, words: readonly string[], entry: GlossaryEntry): void {
  let node = root;
  for (const word of words) {
    node.next ??= new Map();
    const code = word.charCodeAt(0) & 63;
    if (code < 32) node.starts |= 1 << code;
    else node.lowerStarts |= 1 << (code - 32);
    let child = node.next.get(word);
    if (!child) node.next.set(word, (child = newNode()));
    node = child;
  }
  if (node.term === undefined) {
    node.term = entry.term;
    node.entry = entry;
  }
}

/** May a word starting with this character be one of the node's next words? */
export function mayContinue(node: TrieNode, code: number): boolean {
  const bit = code & 63;
  return bit < 32 ? (node.starts & (1 << bit)) !== 0 : (node.lowerStarts & (1 << (bit - 32))) !== 0;
}

/**
 * Each definition of a term that another defines again in the same scope → that other one
 * (drafts restate the Code, so theirs are compared only among themselves; a pointer "has the
 * meaning given in Section H14.1" beside H14.1's own definition is no second meaning). Linear:
 * definitions are grouped by what makes two of them the same.
 */
export function duplicateDefinitions(entry: GlossaryEntry): Map<TermDefinition, TermDefinition> {
  const groups = new Map<string, TermDefinition[]>();
  for (const source of entry.definitions) {
    if (source.definition.form === 'parenthetical') continue;
    const key = `${source.draft ? source.uri : ''}|${scopeKey(source)}|${source.definition.pointerFrom === undefined}`;
    const group = groups.get(key);
    if (group) group.push(source);
    else groups.set(key, [source]);
  }
  const others = new Map<TermDefinition, TermDefinition>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((source, i) => others.set(source, group[i === 0 ? 1 : 0]));
  }
  return others;
}

function scopeKey({ uri, definition }: TermDefinition): string {
  return definition.scope ? `${uri}#${definition.scope.id}` : '';
}
