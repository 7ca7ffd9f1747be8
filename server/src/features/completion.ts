// Completion of reference ids: after `Section `, in a list (`Sections H1, `, `... and `),
// after a Part and a dot (`Section H4.`), after `Appendix `, `Schedule `, and versions after
// `Schedule 8 Version `. Workspace targets come first, then the catalogue. Only small,
// pre-indexed sets are scanned, so typing is never slowed.
import { CompletionItem, CompletionItemKind, CompletionList, Range } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { levelOf } from '../core/model/ids';
import type { Unit } from '../core/model/types';
import { clauseNumberAfter } from './clauseNumbers';
import { childUnits, toRange } from './shared';

const SECTION_CONTEXT = /\b(?:SEC\s+)?(?:Sections?|SECTIONS?)\s+(?:[A-Z][0-9A-Z.]*(?:\([a-zA-Z]+\))*(?:\s*\([^)\n]*\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-\u2013]\s*))*$/;
const APPENDIX_CONTEXT = /\b(?:Appendix|Appendices|APPENDIX)\s+(?:[A-Z]{1,2}\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+))*$/;
const SCHEDULE_CONTEXT = /\b(?:Schedules?|SCHEDULES?)\s+(?:\d{1,2}\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+))*$/;
const VERSION_CONTEXT = /\b(Schedule|Appendix)\s+(\d{1,2}|[A-Z]{1,2})\s+(?:Version\s+|v)$/;
const PARTIAL = /[A-Z0-9][A-Z0-9.]*$|$/;

function item(label: string, detail: string, fromWorkspace: boolean, order: number, range: Range | null, kind: CompletionItemKind): CompletionItem {
  const result: CompletionItem = {
    label,
    kind,
    detail: detail || undefined,
    labelDetails: { description: fromWorkspace ? 'workspace' : 'SEC catalogue' },
    sortText: `${fromWorkspace ? 0 : 1}${String(order).padStart(6, '0')}`,
    filterText: label,
  };
  if (range) result.textEdit = { range, newText: label };
  return result;
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
}

function listOf(items: readonly CompletionItem[], range: Range, options: CompletionOptions): CompletionList {
  if (options.editRangeDefault) return { isIncomplete: false, itemDefaults: { editRange: range }, items: items as CompletionItem[] };
  return { isIncomplete: false, items: items.map((entry) => ({ ...entry, textEdit: { range, newText: entry.label } })) };
}

const collator = new Intl.Collator('en', { numeric: true });
const naturalOrder = collator.compare;

export function completion(index: EditorIndex, uri: string, offset: number, options: CompletionOptions = {}): CompletionList | null {
  const summary = index.summary(uri);
  if (!summary) return null;
  const text = summary.parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const from = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  const before = text.slice(from, offset);
  const partial = PARTIAL.exec(before)![0];
  const head = before.slice(0, before.length - partial.length);
  const range = toRange(summary, { start: offset - partial.length, end: offset });
  const items: CompletionItem[] = [];
  const catalogue = index.catalogue;

  if (/^[ \t]*$/.test(text.slice(lineStart, offset - partial.length)) && /^(?:[A-Z](?:\d{1,2}[A-Z]?(?:\.\d*)?)?)?$/.test(partial)) {
    const next = nextClauseItem(summary.parsed.units, offset, range);
    if (next) return { isIncomplete: false, items: [next] };
  }

  const version = VERSION_CONTEXT.exec(head);
  if (version) {
    const document = `${version[1]} ${version[2]}`;
    const versions = new Set(catalogue?.versionsOf(document) ?? []);
    for (const id of index.definedHeadings()) if (id.startsWith(`${document} v`)) versions.add(id.slice(document.length + 2));
    [...versions].sort(naturalOrder).forEach((number, order) => {
      const id = `${document} v${number}`;
      items.push(item(number, index.titlesOf(id)[0] ?? '', index.definitionsOf(id).length > 0, order, range, CompletionItemKind.EnumMember));
    });
    return { isIncomplete: false, items };
  }

  if (SECTION_CONTEXT.test(head)) {
    const dot = partial.lastIndexOf('.');
    if (dot > 0) {
      // `Section H4.` → the clauses of Part H4 written in the workspace.
      const part = `Section ${partial.slice(0, dot)}`;
      const definition = index.definitionsOf(part)[0];
      const owner = definition ? index.summary(definition.uri) : undefined;
      if (definition && owner) {
        childUnits(owner, definition.unit).forEach((unit, order) => {
          const firstLine = owner.parsed.text.slice(unit.labelEnd, owner.parsed.text.indexOf('\n', unit.labelEnd) >>> 0).trim();
          const detail = unit.crossHeading?.text ?? (firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine);
          items.push(item(unit.label, detail, true, order, range, CompletionItemKind.Reference));
        });
      }
      return { isIncomplete: false, items };
    }
    const list = cachedList(index, 'Section', () => {
      const seen = new Set<string>();
      const add = (id: string, fromWorkspace: boolean): void => {
        if (seen.has(id) || !id.startsWith('Section ')) return;
        seen.add(id);
        const kind = levelOf(id) === 'section' ? CompletionItemKind.Module : CompletionItemKind.Class;
        items.push(item(id.slice(8), index.titlesOf(id)[0] ?? '', fromWorkspace, 0, null, kind));
      };
      for (const id of index.definedHeadings()) add(id, true);
      for (const entry of catalogue?.entries() ?? []) add(entry.id, false);
      return sortByLabel(items);
    });
    return listOf(list, range, options);
  }

  const appendix = APPENDIX_CONTEXT.test(head);
  const schedule = !appendix && SCHEDULE_CONTEXT.test(head);
  if (appendix || schedule) {
    const prefix = appendix ? 'Appendix ' : 'Schedule ';
    const list = cachedList(index, prefix, () => {
      const seen = new Set<string>();
      const add = (id: string, fromWorkspace: boolean): void => {
        if (!id.startsWith(prefix) || id.includes(' v') || id.split(' ').length !== 2 || seen.has(id)) return;
        seen.add(id);
        items.push(item(id.slice(prefix.length), index.titlesOf(id)[0] ?? '', fromWorkspace, 0, null, CompletionItemKind.File));
      };
      for (const id of index.definedHeadings()) add(id, true);
      for (const entry of catalogue?.entries() ?? []) add(entry.id, false);
      return sortByLabel(items);
    });
    return listOf(list, range, options);
  }
  return null;
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

function nextClauseItem(units: readonly Unit[], offset: number, range: Range): CompletionItem | null {
  const next = nextClauseNumber(units, offset);
  if (!next || !next.number) return null;
  return {
    label: next.number,
    kind: CompletionItemKind.Snippet,
    detail: `new clause in ${next.part}`,
    labelDetails: { description: 'new clause' },
    textEdit: { range, newText: `${next.number} ` },
    sortText: '0',
  };
}

/** Workspace first, then catalogue; within each, natural order (H2 before H10, A before AA). */
function sortByLabel(items: CompletionItem[]): CompletionItem[] {
  const sorted = [...items].sort((a, b) => (a.sortText![0] === b.sortText![0] ? naturalOrder(a.label, b.label) : a.sortText! < b.sortText! ? -1 : 1));
  sorted.forEach((entry, order) => {
    entry.sortText = `${entry.sortText![0]}${String(order).padStart(6, '0')}`;
  });
  return sorted;
}
