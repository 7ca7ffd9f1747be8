// Defined terms for the features that answer about one (termHover, definition, references,
// termRename): what is under the cursor — a use, found by binary search over the file's uses,
// or a definition, over the file's definitions; which of a term's definitions applies where;
// a definition's pointer; the unit that holds an offset; and the ending (plural, possessive)
// a use adds to its term, to keep when the term is rewritten. Nothing here scans the workspace.
import type { FileSummary } from '../core/index/summary';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DefinedTerm, Reference, Unit } from '../core/model/types';
import type { Glossary, GlossaryEntry, TermDefinition } from '../core/resolve/glossary';
import type { TermUse } from '../core/resolve/termMatcher';
import { pointerReference } from '../core/parse/definitions';
import { countBefore } from '../core/text/sorted';
import { isWordStart, wordEnd } from '../core/text/termWords';

export interface Span {
  start: number;
  end: number;
}

/** A defined term under the cursor: a use of it, or one of its definitions. */
export interface TermAt {
  entry: GlossaryEntry;
  /** The span under the cursor: the use as written, or the defined term. */
  span: Span;
  use?: TermUse;
  definition?: DefinedTerm;
}

/** The last item starting at or before `offset` in items sorted by start: its index, or -1. */
function lastStartingAtOrBefore(items: ReadonlyArray<Span>, offset: number): number {
  return countBefore(items, (item) => item.start <= offset) - 1;
}

/** The use under an offset (its end included, as for references), by binary search: uses are sorted and never overlap. */
export function termUseAt(uses: readonly TermUse[], offset: number): TermUse | undefined {
  const use = uses[lastStartingAtOrBefore(uses, offset)];
  return use && offset <= use.end ? use : undefined;
}

/**
 * The definition (one that counts) under an offset: its term, or the words of the next line
 * that complete a wrapped term when its longer reading is the one that counts.
 */
export function definitionAt(glossary: Glossary, definitions: readonly DefinedTerm[], offset: number): { definition: DefinedTerm; entry: GlossaryEntry } | undefined {
  const last = lastStartingAtOrBefore(definitions, offset);
  // A continuation is on the line after its term: a definition or two may start in between.
  for (let i = last; i >= 0 && i >= last - 3; i--) {
    const definition = definitions[i];
    const entry = glossary.byDefinition.get(definition);
    if (!entry) continue;
    if (i === last && offset <= definition.end) return { definition, entry };
    const more = definition.continuation;
    if (entry.extends !== undefined && more && more.start <= offset && offset <= more.end) return { definition, entry };
  }
  return undefined;
}

/** The defined term under an offset of a file: a use first (a parenthetical mention is one), then a definition. */
export function termAt(index: WorkspaceIndex, uri: string, offset: number): TermAt | undefined {
  const summary = index.summary(uri);
  if (!summary) return undefined;
  const { termUses } = index.resolve(uri);
  const glossary = index.glossary();
  const use = termUseAt(termUses, offset);
  const used = use ? glossary.defined(use.term) : undefined;
  if (use && used) return { entry: used, span: { start: use.start, end: use.end }, use };
  const found = definitionAt(glossary, summary.parsed.definitions, offset);
  if (!found) return undefined;
  // The term's line, or the next line's words that complete a wrapped term: whichever is under the cursor.
  const spans = definitionSpans(found.entry, found.definition, summary.parsed.text);
  const span = spans.find((candidate) => candidate.start <= offset && offset <= candidate.end) ?? spans[0];
  return { entry: found.entry, span, definition: found.definition };
}

/** The spans a definition writes its term in: the term, and for a wrapped term whose longer reading counts, the next line's words it takes. */
export function definitionSpans(entry: GlossaryEntry, definition: DefinedTerm, text: string): Span[] {
  const spans: Span[] = [{ start: definition.start, end: definition.end }];
  const more = definition.continuation;
  if (entry.extends === undefined || !more) return spans;
  let taken = entry.words.length - wordsOf(definition.term).words.length;
  let end = more.start;
  for (let at = more.start; at < more.end && taken > 0; at++) {
    if (!isWordStart(text.charCodeAt(at))) continue;
    end = wordEnd(text, at);
    at = end - 1;
    taken--;
  }
  if (end > more.start) spans.push({ start: more.start, end });
  return spans;
}

/** Does a definition apply at an offset of a file? */
function appliesAt(source: TermDefinition, uri: string, offset: number): boolean {
  const scope = source.definition.scope;
  return scope === undefined || (source.uri === uri && scope.start <= offset && offset < scope.end);
}

/**
 * A term's definitions, the one that applies at an offset first: a local one whose unit holds
 * the offset (the narrowest first), then the Code's own (drafts' restatements last), then the
 * others, which apply elsewhere.
 */
export function definitionsFor(entry: GlossaryEntry, uri: string, offset: number): TermDefinition[] {
  const rank = (source: TermDefinition): number => {
    if (!appliesAt(source, uri, offset)) return 3;
    if (source.definition.scope) return 0;
    return source.draft ? 2 : 1;
  };
  const width = (source: TermDefinition): number => (source.definition.scope ? source.definition.scope.end - source.definition.scope.start : Infinity);
  return [...entry.definitions].sort((a, b) => rank(a) - rank(b) || width(a) - width(b));
}

/** The definitions in force at an offset (the narrowest first); all of them, the same way ordered, if none is. */
export function applyingDefinitions(entry: GlossaryEntry, uri: string, offset: number): TermDefinition[] {
  const ordered = definitionsFor(entry, uri, offset);
  const applying = ordered.filter((source) => appliesAt(source, uri, offset));
  return applying.length > 0 ? applying : ordered;
}

/** Is a local definition of the term in force at an offset? (Completion ranks those first.) */
export function localAt(entry: GlossaryEntry, uri: string, offset: number): boolean {
  return entry.definitions.some((source) => source.definition.scope !== undefined && appliesAt(source, uri, offset));
}

/** Does any definition of the term apply at an offset of a file? */
export function appliesHere(entry: GlossaryEntry, uri: string, offset: number): boolean {
  return entry.definitions.some((source) => appliesAt(source, uri, offset));
}

/**
 * The clause a pointer definition names ("has the meaning given to that expression in Section
 * H14.1"): the first reference written at or after `pointerFrom` and before the definition ends.
 */
export function pointerOf(index: WorkspaceIndex, uri: string, definition: DefinedTerm): Reference | undefined {
  return definition.pointerFrom === undefined ? undefined : pointerReference(index.referencesOf(uri), definition);
}

/** The index of the innermost unit of a file that holds an offset, or -1 (before the first unit, or between two). */
export function unitIndexHolding(summary: FileSummary, offset: number): number {
  const units = summary.parsed.units;
  let index = lastStartingAtOrBefore(units, offset);
  while (index >= 0 && units[index].end < offset) index = units[index].parent;
  return index;
}

/** The innermost unit of a file that holds an offset. */
export function unitHolding(summary: FileSummary, offset: number): Unit | undefined {
  const index = unitIndexHolding(summary, offset);
  return index >= 0 ? summary.parsed.units[index] : undefined;
}

/** The words of a text with the gaps between them: `gaps[i]` precedes `words[i]` (`gaps[0]` is ''). */
export function wordsOf(text: string): { words: string[]; gaps: string[] } {
  const words: string[] = [];
  const gaps: string[] = [];
  let previous = 0;
  for (let at = 0; at < text.length; at++) {
    if (!isWordStart(text.charCodeAt(at))) continue;
    const end = wordEnd(text, at);
    gaps.push(words.length === 0 ? '' : text.slice(previous, at));
    words.push(text.slice(at, end));
    previous = end;
    at = end - 1;
  }
  return { words, gaps };
}

/** English plural of a term's word: "Party" → "Parties", "Business" → "Businesses", "DCC" → "DCCs". */
export function pluralOf(word: string): string {
  if (word === word.toUpperCase()) return `${word}s`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * `newLast` with the ending `written` adds to `termLast` (the term's last word as defined):
 * "Requests" for Request → "Orders" for Order; "Parties'" for Party → "Members'" for Member;
 * "Party's" → "Member's". The same word keeps its written ending as it is.
 */
export function inflectLike(written: string, termLast: string, newLast: string): string {
  let bare = written;
  let possessive = '';
  if (/['\u2019]s$/.test(bare) && bare.length > 2 && bare.toLowerCase() !== termLast.toLowerCase()) {
    possessive = bare.slice(-2);
    bare = bare.slice(0, -2);
  } else if (/s['\u2019]$/.test(bare)) {
    possessive = bare.slice(-1);
    bare = bare.slice(0, -1);
  }
  const lowerBare = bare.toLowerCase();
  const lowerTerm = termLast.toLowerCase();
  let word = newLast;
  if (lowerBare !== lowerTerm) {
    const literal = newLast.toLowerCase() === lowerTerm && lowerBare.startsWith(lowerTerm);
    word = literal ? newLast + bare.slice(termLast.length) : pluralOf(newLast);
  }
  if (possessive.length === 1 && !/s$/i.test(word)) possessive = `${possessive}s`;
  return word + possessive;
}

/**
 * The text that writes `newTerm` where `written` wrote `term` (a use, maybe wrapped or
 * inflected): the last word takes the use's ending; when both have as many words, the use's
 * own spacing and line breaks are kept.
 */
export function rewriteUse(written: string, term: string, newTerm: string): string {
  const { words, gaps } = wordsOf(written);
  const termWords = term.split(' ');
  const newWords = newTerm.split(' ');
  const last = inflectLike(words[words.length - 1] ?? '', termWords[termWords.length - 1], newWords[newWords.length - 1]);
  const replaced = [...newWords.slice(0, -1), last];
  if (replaced.length !== words.length) return replaced.join(' ');
  return replaced.map((word, i) => gaps[i] + word).join('');
}
