// Rename of a defined term (F2 on a use or on its definition): every definition of the term and
// every use of it in the workspace, each use keeping its plural or possessive ending
// ("Service Requests" → "Service Orders", "Party's" → "Member's") and, where the new name has as
// many words, its own line breaks. Refused, with the reason, for a name that is no defined term
// (lower-case words, punctuation, a sentence's first word) or that another term already has.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import type { GlossaryEntry } from '../core/resolve/glossary';
import { baseForms, CONNECTORS } from '../core/text/termWords';
import { fileName } from '../core/model/uris';
import { RefusedEdit } from './refusedEdit';
import { toRange } from './shared';
import { definitionSpans, pluralOf, rewriteUse, termAt, wordsOf } from './terms';

interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** Words a term never starts with: the definitions reader takes them for prose. */
const NOT_FIRST = new Set(['The', 'This', 'That', 'These', 'Those', 'Each', 'Any', 'A', 'An', 'It', 'If', 'In', 'Where', 'For', 'Subject', 'Such', 'No', 'Section', 'Part', 'Schedule', 'Appendix', 'Clause', 'Paragraph']);
const MAX_WORDS = 12;

/** The defined term under the cursor, and the range of it as written; undefined when there is none. */
export function prepareTermRename(index: EditorIndex, uri: string, offset: number): { range: Range; placeholder: string } | undefined {
  const summary = index.summary(uri);
  const found = summary ? termAt(index, uri, offset) : undefined;
  if (!summary || !found) return undefined;
  return { range: toRange(summary, found.span), placeholder: found.entry.term };
}

/** The edits that rename the term under the cursor; undefined when there is none there. */
export function renameTerm(index: EditorIndex, uri: string, offset: number, newName: string): WorkspaceEdit | undefined {
  const found = termAt(index, uri, offset);
  if (!found) return undefined;
  const { entry } = found;
  const name = newName.trim().replace(/\s+/g, ' ');
  if (name === entry.term) return { changes: {} };
  checkName(name);
  checkCollision(index, entry, name);
  const changes: Record<string, TextEdit[]> = {};
  for (const [target, edits] of termEdits(index, entry, name)) {
    const summary = index.summary(target)!;
    changes[target] = edits.sort((a, b) => a.start - b.start).map((edit) => ({ range: toRange(summary, edit), newText: edit.newText }));
  }
  return { changes };
}

/** A name the definitions reader and the term matcher read as one term, or a refusal saying why not. */
function checkName(name: string): void {
  const refuse = (why: string): never => {
    throw new RefusedEdit(`"${name}" cannot be a defined term: ${why}`);
  };
  const { words, gaps } = wordsOf(name);
  if (words.length === 0) refuse('it has no words.');
  if (words.join(' ') !== name || gaps.some((gap, i) => i > 0 && gap !== ' ')) refuse('use only letters, digits, apostrophes, hyphens and "&", words separated by spaces.');
  if (words.length > MAX_WORDS) refuse(`a term has at most ${MAX_WORDS} words.`);
  if (!/^[A-Z\u00c0-\u00de]/.test(words[0])) refuse('it must start with a capital letter.');
  if (NOT_FIRST.has(words[0])) refuse(`a term never starts with "${words[0]}", which starts sentences and headings.`);
  const lower = words.find((word) => /^[a-z]/.test(word) && !CONNECTORS.has(word));
  if (lower) refuse(`"${lower}" is in lower case; only connecting words (of, and, for, the, …) may be.`);
  if (CONNECTORS.has(words[words.length - 1])) refuse(`it ends with "${words[words.length - 1]}".`);
}

/** The new name, or a form of it a use would take (plural, singular), already names another term. */
function checkCollision(index: EditorIndex, entry: GlossaryEntry, name: string): void {
  const glossary = index.glossary();
  const words = name.split(' ');
  const stem = words.slice(0, -1).join(' ');
  const last = words[words.length - 1];
  const forms = new Set([name, ...[...baseForms(last), pluralOf(last)].map((form) => (stem ? `${stem} ${form}` : form))]);
  for (const other of glossary.entries.values()) {
    if (!other.defined || other.term === entry.term || other.term === entry.extends) continue;
    const clash = forms.has(other.term) ? 'is' : other.term.toLowerCase() === name.toLowerCase() ? 'differs only in capitals from' : undefined;
    if (!clash) continue;
    const at = other.definitions[0];
    const summary = at ? index.summary(at.uri) : undefined;
    const where = at && summary ? ` (defined in ${fileName(at.uri)} line ${summary.lines.positionAt(at.definition.start).line + 1})` : '';
    const what = clash === 'is' && other.term !== name ? `"${name}" would be read as a form of` : `"${name}" ${clash}`;
    throw new RefusedEdit(`${what} the defined term "${other.term}"${where}: choose another name for "${entry.term}".`);
  }
}

/** Every definition's term and every use, per file. */
function termEdits(index: EditorIndex, entry: GlossaryEntry, name: string): Map<string, Edit[]> {
  const edits = new Map<string, Edit[]>();
  const add = (uri: string, edit: Edit): void => {
    const list = edits.get(uri) ?? [];
    list.push(edit);
    edits.set(uri, list);
  };
  for (const { uri, definition } of entry.definitions) {
    const summary = index.summary(uri);
    if (!summary) continue;
    // A wrapped term: the new name on the term's line, the next line's words it took removed.
    const [term, ...more] = definitionSpans(entry, definition, summary.parsed.text);
    add(uri, { start: term.start, end: term.end, newText: name });
    for (const span of more) add(uri, { start: span.start, end: span.end, newText: '' });
  }
  for (const { uri, use } of index.usesOfTerm(entry.term)) {
    const text = index.summary(uri)?.parsed.text;
    if (text !== undefined) add(uri, { start: use.start, end: use.end, newText: rewriteUse(text.slice(use.start, use.end), entry.term, name) });
  }
  return edits;
}
