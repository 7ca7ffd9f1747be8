// Completion of reference ids: after `Section `, in a list (`Sections H1, `, `... and `),
// after a Part and a dot (`Section H4.`), after `Appendix `, `Schedule `, and versions after
// `Schedule 8 Version `; and, at the start of a line in a Part, a new clause with the next
// number. Workspace targets come first, then the catalogue; each item shows the target's title,
// is marked deprecated when citing it would be, and gets its first line when selected
// (completionItem/resolve). Only small, pre-indexed sets are scanned, so typing is never slowed.
// Elsewhere in prose, after a capital letter, defined terms (termCompletion.ts).
import {
  CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, InsertTextFormat, Range,
} from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import type { FileSummary } from '../core/index/summary';
import { levelOf, parentId, shortLabel } from '../core/model/ids';
import type { Unit } from '../core/model/types';
import { fileName } from '../core/model/uris';
import type { WorkspaceDefinition } from '../core/resolve/statuses';
import { acceptChanges, hasChangeMarkup, scanChanges } from '../core/text/criticMarkup';
import { clauseNumberAfter } from './clauseNumbers';
import { childUnits, toRange } from './shared';
import { termCompletion } from './termCompletion';

const SECTION_CONTEXT = /\b(?:SEC\s+)?(?:Sections?|SECTIONS?)\s+(?:[A-Z][0-9A-Z.]*(?:\([a-zA-Z]+\))*(?:\s*\([^)\n]*\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-\u2013]\s*))*$/;
const APPENDIX_CONTEXT = /\b(?:Appendix|Appendices|APPENDIX)\s+(?:[A-Z]{1,2}\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+))*$/;
const SCHEDULE_CONTEXT = /\b(?:Schedules?|SCHEDULES?)\s+(?:\d{1,2}\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+))*$/;
const VERSION_CONTEXT = /\b(Schedule|Appendix)\s+(\d{1,2}|[A-Z]{1,2})\s+(?:Version\s+|v)$/;
const PARTIAL = /[A-Z0-9][A-Z0-9.]*$|$/;
/** What may stand at a line start before a new clause is offered: a clause number being typed, or the word "clause". */
const CLAUSE_START = /^(?:[A-Z](?:\d{1,2}[A-Z]?(?:\.\d*)?)?)?$/;
/** A lower-case word at the end of a line: the start of "clause" or "clause-list" offers the same items. */
const LOWER_WORD = /(?:^|[ \t])([a-z][a-z-]*)$/;
const CLAUSE_PREFIXES = ['clause-list', 'sec-clause-list'];
const FIRST_LINE_LENGTH = 200;

/** What an item's completionItem/resolve needs: the target whose first line it shows. */
interface ItemData {
  id: string;
}

function item(id: string, label: string, detail: string, definition: WorkspaceDefinition | undefined, order: number, kind: CompletionItemKind): CompletionItem {
  const data: ItemData = { id };
  return {
    label,
    kind,
    detail: detail || undefined,
    // Where the text that counts is: when several files write a Part, its clauses come from each.
    labelDetails: { description: definition ? fileName(definition.uri) : 'SEC catalogue' },
    sortText: `${definition ? 0 : 1}${String(order).padStart(6, '0')}`,
    filterText: label,
    data,
  };
}

/** An id's item: its title, and whether the text that counts is in the workspace. */
function targetItem(index: EditorIndex, id: string, label: string, order: number, kind: CompletionItemKind): CompletionItem {
  const definition = index.definitionsOf(id)[0];
  const title = index.titlesOf(id)[0] || definition?.unit.crossHeading?.text || '';
  return item(id, label, title, definition, order, kind);
}

/** Lists of every Section/Part, Appendix or Schedule change only with headings: cached per index state. */
const listCache = new WeakMap<EditorIndex, { version: number; lists: Map<string, CompletionItem[]> }>();

function cachedList(index: EditorIndex, key: string, build: () => CompletionItem[]): CompletionItem[] {
  let entry = listCache.get(index);
  if (!entry || entry.version !== index.headingsVersion) {
    entry = { version: index.headingsVersion, lists: new Map() };
    listCache.set(index, entry);
  }
  let list = entry.lists.get(key);
  if (!list) {
    list = build();
    entry.lists.set(key, list);
  }
  return list;
}

export interface CompletionOptions {
  /** The editor applies `itemDefaults.editRange` (LSP 3.17): items need no range of their own. */
  editRangeDefault?: boolean;
  /** The editor expands snippets (`${1:placeholder}`). */
  snippets?: boolean;
}

/**
 * `[Not used]`, deprecated and deleted targets carry the deprecated tag. Asked at each request
 * (a deletion in a draft changes no heading), from the checker's memo of each target.
 */
function tagged(index: EditorIndex, items: readonly CompletionItem[]): CompletionItem[] {
  return items.map((entry) => {
    const deprecated = index.resolveId((entry.data as ItemData).id).status === 'deprecated';
    return deprecated ? { ...entry, tags: [CompletionItemTag.Deprecated] } : entry;
  });
}

function listOf(index: EditorIndex, items: readonly CompletionItem[], range: Range, options: CompletionOptions): CompletionList {
  const list = tagged(index, items);
  if (options.editRangeDefault) return { isIncomplete: false, itemDefaults: { editRange: range }, items: list };
  return { isIncomplete: false, items: list.map((entry) => ({ ...entry, textEdit: { range, newText: entry.label } })) };
}

const collator = new Intl.Collator('en', { numeric: true });
const naturalOrder = collator.compare;

interface Cursor {
  index: EditorIndex;
  units: readonly Unit[];
  offset: number;
  /** The text from the start of the previous line to the cursor (a reference may be split over a line break). */
  before: string;
  /** The text of this line before the cursor. */
  line: string;
  /** The id being typed, and what precedes it. */
  partial: string;
  head: string;
  range: Range;
}

export function completion(index: EditorIndex, uri: string, offset: number, options: CompletionOptions = {}): CompletionList | null {
  const summary = index.summary(uri);
  if (!summary) return null;
  const text = summary.parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const from = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  const before = text.slice(from, offset);
  const partial = PARTIAL.exec(before)![0];
  const cursor: Cursor = {
    index, units: summary.parsed.units, offset, before, line: text.slice(lineStart, offset), partial,
    head: before.slice(0, before.length - partial.length), range: toRange(summary, { start: offset - partial.length, end: offset }),
  };
  const clause = newClause(cursor, summary, options);
  if (clause) return withTerms(clause, termCompletion(index, uri, offset));
  if (VERSION_CONTEXT.test(cursor.head)) return versions(cursor);
  if (SECTION_CONTEXT.test(cursor.head)) return partial.lastIndexOf('.') > 0 ? clausesOfPart(cursor) : sectionsAndParts(cursor, options);
  const appendix = APPENDIX_CONTEXT.test(cursor.head);
  if (appendix || SCHEDULE_CONTEXT.test(cursor.head)) return documents(cursor, appendix ? 'Appendix ' : 'Schedule ', options);
  return termCompletion(index, uri, offset, options);
}

/** A capital letter at a line's start in a Part may start a clause number or a defined term: both are offered, the clause first. */
function withTerms(clause: CompletionList, terms: CompletionList | null): CompletionList {
  return terms ? { isIncomplete: false, items: [...clause.items, ...terms.items] } : clause;
}

function versions({ index, head, range }: Cursor): CompletionList {
  const [, type, number] = VERSION_CONTEXT.exec(head)!;
  const document = `${type} ${number}`;
  const found = new Set(index.catalogue?.versionsOf(document) ?? []);
  for (const id of index.definedHeadings()) if (id.startsWith(`${document} v`)) found.add(id.slice(document.length + 2));
  const items = [...found].sort(naturalOrder).map((version, order) => {
    const entry = targetItem(index, `${document} v${version}`, version, order, CompletionItemKind.EnumMember);
    return { ...entry, textEdit: { range, newText: version } };
  });
  return { isIncomplete: false, items: tagged(index, items) };
}

/**
 * `Section H4.` → every clause of Part H4 in the workspace, from every file that writes some
 * of it (a Section's text and a draft inserting clauses), each described by the definition
 * that resolution uses; then what the catalogue knows of the Part's clauses.
 */
function clausesOfPart({ index, partial, range }: Cursor): CompletionList {
  const part = `Section ${partial.slice(0, partial.lastIndexOf('.'))}`;
  const ids = new Set<string>();
  for (const definition of index.definitionsOf(part)) {
    const owner = index.summary(definition.uri);
    if (!owner) continue;
    for (const unit of childUnits(owner, definition.unit)) if (unit.kind === 'clause') ids.add(unit.id);
  }
  const items = [...ids].sort((a, b) => naturalOrder(a, b)).map((id, order) => targetItem(index, id, shortLabel(id), order, CompletionItemKind.Reference));
  const catalogued = (index.catalogue?.entries() ?? []).filter((entry) => parentId(entry.id) === part && !ids.has(entry.id));
  catalogued.forEach((entry, order) => items.push(item(entry.id, shortLabel(entry.id), entry.title, undefined, order, CompletionItemKind.Reference)));
  return { isIncomplete: false, items: tagged(index, items).map((entry) => ({ ...entry, textEdit: { range, newText: entry.label } })) };
}

function sectionsAndParts({ index, range }: Cursor, options: CompletionOptions): CompletionList {
  const list = cachedList(index, 'Section', () => {
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    const add = (id: string): void => {
      if (seen.has(id) || !id.startsWith('Section ')) return;
      seen.add(id);
      const kind = levelOf(id) === 'section' ? CompletionItemKind.Module : CompletionItemKind.Class;
      items.push(targetItem(index, id, id.slice(8), 0, kind));
    };
    for (const id of index.definedHeadings()) add(id);
    for (const entry of index.catalogue?.entries() ?? []) add(entry.id);
    return sortByLabel(items);
  });
  return listOf(index, list, range, options);
}

function documents({ index, range }: Cursor, prefix: 'Appendix ' | 'Schedule ', options: CompletionOptions): CompletionList {
  const list = cachedList(index, prefix, () => {
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    const add = (id: string): void => {
      if (!id.startsWith(prefix) || id.includes(' v') || id.split(' ').length !== 2 || seen.has(id)) return;
      seen.add(id);
      items.push(targetItem(index, id, id.slice(prefix.length), 0, CompletionItemKind.File));
    };
    for (const id of index.definedHeadings()) add(id);
    for (const entry of index.catalogue?.entries() ?? []) add(entry.id);
    return sortByLabel(items);
  });
  return listOf(index, list, range, options);
}

/** completionItem/resolve: the first line of the target's text, when the workspace has it. */
export function resolveCompletionItem(index: EditorIndex, entry: CompletionItem): CompletionItem {
  const id = (entry.data as Partial<ItemData> | undefined)?.id;
  if (typeof id !== 'string' || entry.documentation !== undefined) return entry;
  const definition = index.definitionsOf(id)[0];
  const owner = definition ? index.summary(definition.uri) : undefined;
  const line = owner && definition ? firstLine(owner, definition.unit) : '';
  return line ? { ...entry, documentation: line } : entry;
}

/** The words after a clause's number; for a heading, which says its title already, the line of its first child. */
function firstLine(owner: FileSummary, unit: Unit): string {
  const { text, units } = owner.parsed;
  let from = unit.labelEnd;
  if (unit.title) {
    const at = units.indexOf(unit);
    const child = units[at + 1];
    if (!child || child.parent !== at) return '';
    from = child.labelStart;
  }
  const end = text.indexOf('\n', from);
  const line = readable(text.slice(from, end === -1 ? text.length : end));
  return line.length > FIRST_LINE_LENGTH ? `${line.slice(0, FIRST_LINE_LENGTH - 1)}…` : line;
}

/** A line as it reads with its tracked changes accepted; a change that began on an earlier line leaves only its closing mark, dropped too. */
function readable(line: string): string {
  const accepted = hasChangeMarkup(line) ? acceptChanges(line, scanChanges(line).spans) : line;
  return accepted.replace(/\{\+\+|\+\+\}|\{--|--\}|\{~~|~~\}|\{>>|<<\}|\{==|==\}/g, '').trim();
}

/** The conventional number for a clause typed at a line start: the next integer at the end of a Part, or an inserted number (H4.3A) between two clauses. */
export function nextClauseNumber(units: readonly Unit[], offset: number): { part: string; number: string } | null {
  let part = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    if (units[i].kind === 'part' && units[i].start <= offset) {
      part = i;
      break;
    }
  }
  if (part === -1) return null;
  let previous: Unit | undefined;
  let following: Unit | undefined;
  for (let i = part + 1; i < units.length; i++) {
    const unit = units[i];
    if (unit.kind === 'part' || unit.kind === 'section') break;
    if (unit.kind !== 'clause' || unit.parent !== part) continue;
    if (unit.labelStart < offset) previous = unit;
    else {
      following = unit;
      break;
    }
  }
  const partLabel = units[part].label;
  return { part: partLabel, number: clauseNumberAfter(partLabel, previous?.label, following !== undefined) };
}

/**
 * A new clause at the start of a line in a Part, numbered by the server (as Insert Clause
 * After numbers it): plain, or with a paragraph list. Offered while a number is typed, or the
 * word "clause" (the snippets' prefix); its placeholders follow the order a drafter writes in.
 */
function newClause(cursor: Cursor, summary: FileSummary, options: CompletionOptions): CompletionList | null {
  const lower = LOWER_WORD.exec(cursor.line)?.[1];
  const word = lower !== undefined && CLAUSE_PREFIXES.some((prefix) => prefix.startsWith(lower)) ? lower : undefined;
  const typed = word ?? cursor.partial;
  if (!/^[ \t]*$/.test(cursor.line.slice(0, cursor.line.length - typed.length)) || (word === undefined && !CLAUSE_START.test(cursor.partial))) return null;
  const next = nextClauseNumber(cursor.units, cursor.offset);
  if (!next || !next.number) return null;
  const range = toRange(summary, { start: cursor.offset - typed.length, end: cursor.offset });
  const { number, part } = next;
  const plain: CompletionItem = {
    label: word !== undefined ? 'clause' : number,
    kind: CompletionItemKind.Snippet,
    detail: `${number} — new clause in ${part}`,
    labelDetails: { description: 'new clause' },
    filterText: word !== undefined ? 'clause' : number,
    textEdit: { range, newText: options.snippets ? `${number} \${1:Clause text.}$0` : `${number} ` },
    insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: '0',
  };
  if (!options.snippets) return { isIncomplete: false, items: [plain] };
  const list: CompletionItem = {
    ...plain,
    label: word !== undefined ? 'clause-list' : `${number} (a) (b)`,
    detail: `${number} — new clause in ${part}, with paragraphs (a) and (b)`,
    labelDetails: { description: 'new clause with paragraphs' },
    filterText: word !== undefined ? 'clause-list' : number,
    textEdit: { range, newText: `${number} \${1:The DCC shall}:\n(a) \${2:first obligation}; \${3|and,or|}\n(b) \${4:second obligation}.$0` },
    sortText: '1',
  };
  return { isIncomplete: false, items: [plain, list] };
}

/** Workspace first, then catalogue; within each, natural order (H2 before H10, A before AA). */
function sortByLabel(items: CompletionItem[]): CompletionItem[] {
  const sorted = [...items].sort((a, b) => (a.sortText![0] === b.sortText![0] ? naturalOrder(a.label, b.label) : a.sortText! < b.sortText! ? -1 : 1));
  sorted.forEach((entry, order) => {
    entry.sortText = `${entry.sortText![0]}${String(order).padStart(6, '0')}`;
  });
  return sorted;
}
