// Completion of defined terms in prose: after a capital letter, or a few words of a term
// already typed ("Service Re"), the terms in force where the cursor is whose words start so —
// a Section's, Part's or Appendix's own terms first, then the Code's — each with the first line
// of its definition. Terms defined only for another unit are not offered (written here they
// would not be uses). The reference completions (after "Section ", "Section H4.", ...) answer
// first (completion.ts); this is asked only where none of them applies.
import { CompletionItem, CompletionItemKind, CompletionList, Range } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { fileName } from '../core/model/uris';
import type { GlossaryEntry } from '../core/resolve/glossary';
import { CONNECTORS, isLetterOrDigit } from '../core/text/termWords';
import { toRange } from './shared';
import { appliesHere, definitionsFor, localAt } from './terms';

/** The capitalised word being typed at the end of a line. */
const TYPED_WORD = /[A-Z\u00c0-\u00de][A-Za-z0-9\u00c0-\u024f'\u2019&-]*$/;
/** A word before it, with the spaces after it: capitalised (a term's word) or a connector. */
const WORD_BEFORE = /([A-Za-z0-9\u00c0-\u024f'\u2019&-]+)[ \t]+$/;
const MAX_TERM_WORDS = 12;
const FIRST_LINE_LENGTH = 200;
const LOOK_BACK = 300;

export interface TermCompletionOptions {
  /** The editor applies `itemDefaults.editRange` (LSP 3.17). */
  editRangeDefault?: boolean;
}

/** The defined terms that may complete what is typed before an offset, or null when no capitalised word is being typed. */
export function termCompletion(index: WorkspaceIndex, uri: string, offset: number, options: TermCompletionOptions = {}): CompletionList | null {
  const summary = index.summary(uri);
  if (!summary) return null;
  const text = summary.parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(Math.max(lineStart, offset - LOOK_BACK), offset);
  const typed = TYPED_WORD.exec(line);
  if (!typed || (typed.index > 0 && isLetterOrDigit(line.charCodeAt(typed.index - 1)))) return null;
  // Where the word typed starts: at the end of a unit the cursor is past its last character.
  const wordAt = offset - (line.length - typed.index);
  const terms = termsInForce(index, uri, wordAt);
  const start = typedStart(line, typed.index, terms);
  const prefix = line.slice(start).replace(/[ \t]+/g, ' ');
  const firstWord = prefix.split(' ')[0].toLowerCase();
  const wanted = prefix.includes(' ') ? (term: string) => term.toLowerCase().startsWith(`${firstWord} `) : (term: string) => term[0] === prefix[0];
  const items = terms.filter((entry) => wanted(entry.term)).map((entry) => termItem(index, entry, uri, wordAt));
  if (items.length === 0) return null;
  const range: Range = toRange(summary, { start: offset - (line.length - start), end: offset });
  if (options.editRangeDefault) return { isIncomplete: false, itemDefaults: { editRange: range }, items };
  return { isIncomplete: false, items: items.map((item) => ({ ...item, textEdit: { range, newText: item.label } })) };
}

/** The defined terms in force at an offset. */
function termsInForce(index: WorkspaceIndex, uri: string, offset: number): GlossaryEntry[] {
  const terms: GlossaryEntry[] = [];
  for (const entry of index.glossary().entries.values()) {
    if (entry.defined && appliesHere(entry, uri, offset)) terms.push(entry);
  }
  return terms;
}

/**
 * Where the term being typed starts: the furthest capitalised word before the cursor (over
 * spaces and connectors, on this line) from which some term's text goes on as typed; else the
 * word being typed.
 */
function typedStart(line: string, wordStart: number, terms: readonly GlossaryEntry[]): number {
  const starts: number[] = [];
  let at = wordStart;
  for (let words = 1; words < MAX_TERM_WORDS; words++) {
    const before = WORD_BEFORE.exec(line.slice(0, at));
    if (!before || (before.index > 0 && isLetterOrDigit(line.charCodeAt(before.index - 1)))) break;
    const word = before[1];
    if (!/^[A-Z0-9\u00c0-\u00de]/.test(word) && !CONNECTORS.has(word)) break;
    at = before.index;
    if (/^[A-Z\u00c0-\u00de]/.test(word)) starts.push(at);
  }
  for (let i = starts.length - 1; i >= 0; i--) {
    const prefix = line.slice(starts[i]).replace(/[ \t]+/g, ' ');
    if (terms.some((entry) => entry.term.startsWith(prefix))) return starts[i];
  }
  return wordStart;
}

/** An item: local terms first, then by name; the definition's first line as detail. */
function termItem(index: WorkspaceIndex, entry: GlossaryEntry, uri: string, offset: number): CompletionItem {
  const local = localAt(entry, uri, offset);
  const [source] = definitionsFor(entry, uri, offset);
  const definition = source?.definition;
  return {
    label: entry.term,
    kind: CompletionItemKind.Variable,
    detail: source ? firstLine(index, source.uri, definition!.start) : undefined,
    labelDetails: { description: definition?.scope ? `defined for ${definition.scope.id}` : source ? `defined in ${fileName(source.uri)}` : undefined },
    sortText: `${local ? 0 : 1}${entry.term.toLowerCase()}`,
    filterText: entry.term,
  };
}

/** The line a definition starts on, spaces collapsed, cut to a readable length. */
function firstLine(index: WorkspaceIndex, uri: string, at: number): string | undefined {
  const text = index.summary(uri)?.parsed.text;
  if (text === undefined) return undefined;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\s+/g, ' ').trim();
  return line.length > FIRST_LINE_LENGTH ? `${line.slice(0, FIRST_LINE_LENGTH - 1)}…` : line;
}
