// Builds the embedded catalogue from the real SEC's Contents and Version Control table (the
// seed). Pure: text in, data out. scripts/generate-catalogue.ts writes the result to
// catalogueData.ts, and a test checks that the committed data equals this function's output.

import { ancestorIds } from '../model/ids';
import { DocumentNames, NameEntry } from '../parse/documentNames';
import { scanReferences } from '../parse/references';
import { readWordsUnbounded } from '../parse/words';
import type { CatalogueData, CatalogueEntry, HistoryEntry } from './types';

/**
 * Abbreviations and alternative names that the seed uses without spelling out next to the
 * title (those written as "Title (ABBR)" are found automatically).
 */
const KNOWN_NAMES: readonly NameEntry[] = [
  { name: 'GBCS', target: 'Schedule 8' },
  { name: 'GB Companion Specification', target: 'Schedule 8' },
  { name: 'SMETS', target: 'Schedule 9' },
  { name: 'SMETS1', target: 'Schedule 9 v1.2' },
  { name: 'SMETS2', target: 'Schedule 9' },
  { name: 'Smart Metering Equipment Technical Specifications', target: 'Schedule 9' },
  { name: 'CHTS', target: 'Schedule 10' },
  { name: 'Communications Hub Technical Specifications', target: 'Schedule 10' },
  { name: 'TSAT', target: 'Schedule 11' },
  { name: 'TS Applicability Tables', target: 'Schedule 11' },
  { name: 'Technical Specification Applicability Tables', target: 'Schedule 11' },
  { name: 'SEC Technical Specification Applicability Tables', target: 'Schedule 11' },
  { name: 'DUIS', target: 'Appendix AD' },
  { name: 'MMC', target: 'Appendix AF' },
];

const SECTION_LINE = /^Section ([A-Z]): (.+)$/;
const PART_LINE = /^([A-Z])(\d{1,2}[A-Z]?)\s+(.+)$/;
const DOCUMENT_LINE = /^(Schedule|Appendix) (\d{1,2}|[A-Z]{1,2}):? (.+?)(?: Version (\d+(?:\.\d+)*))?$/;
/** A row of the Version Control table: its version, its implementation date, then the start of its reason. */
export const HISTORY_ROW = /^\s*(\d+\.\d+)\s+(\d{1,2} [A-Z][a-z]+ \d{4})\s*(.*)$/;

function clean(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

function commonWordPrefix(titles: readonly string[]): string {
  const split = titles.map((title) => title.split(' '));
  const prefix: string[] = [];
  for (let i = 0; ; i++) {
    const word = split[0][i];
    if (word === undefined || split.some((words) => words[i] !== word)) break;
    prefix.push(word);
  }
  while (prefix.length > 0 && /^\d+$/.test(prefix[prefix.length - 1])) prefix.pop();
  return prefix.join(' ');
}

function parseContents(lines: readonly string[]): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  const documents = new Map<string, { base?: string; versions: Array<{ version: string; title: string }> }>();
  const documentOrder: string[] = [];
  let section = '';
  for (const raw of lines) {
    const line = clean(raw);
    let match = SECTION_LINE.exec(line);
    if (match) {
      section = match[1];
      entries.push({ id: `Section ${match[1]}`, kind: 'section', title: match[2], history: [] });
      continue;
    }
    match = PART_LINE.exec(line);
    if (match && match[1] === section) {
      entries.push({ id: `Section ${match[1]}${match[2]}`, kind: 'part', title: match[3], history: [] });
      continue;
    }
    match = DOCUMENT_LINE.exec(line);
    if (match) {
      const id = `${match[1]} ${match[2]}`;
      if (!documents.has(id)) {
        documents.set(id, { versions: [] });
        documentOrder.push(id);
      }
      const document = documents.get(id)!;
      if (match[4] !== undefined) document.versions.push({ version: match[4], title: match[3] });
      else document.base = match[3];
    }
  }
  for (const id of documentOrder) {
    const document = documents.get(id)!;
    const title = document.base ?? commonWordPrefix(document.versions.map((version) => version.title));
    entries.push({ id, kind: 'document', title, history: [] });
    for (const version of document.versions) {
      entries.push({ id: `${id} v${version.version}`, kind: 'version', title: version.title, history: [] });
    }
  }
  return entries;
}

function parseHistory(lines: readonly string[]): { history: HistoryEntry[]; lineOf: number[] } {
  const rows: Array<{ version: string; date: string; lines: string[]; firstLine: number }> = [];
  lines.forEach((line, index) => {
    const match = HISTORY_ROW.exec(line);
    if (match) {
      const row = { version: match[1], date: match[2], lines: [] as string[], firstLine: index };
      // Extracted PDF text sometimes puts a row's first line above its number and date.
      const previous = rows[rows.length - 1];
      if (match[3] === '' && previous && index > 0 && lines[index - 1].trim() !== '' && previous.lines.length > 0) {
        row.lines.push(previous.lines.pop()!);
        row.firstLine = index - 1;
      }
      if (match[3] !== '') row.lines.push(match[3]);
      rows.push(row);
    } else if (rows.length > 0) {
      rows[rows.length - 1].lines.push(line);
    }
  });
  const history = rows.map((row) => {
    const paragraphs = row.lines.join('\n').split(/\n\s*\n/).map(clean).filter((text) => text && !/^\d+$/.test(text));
    return { version: row.version, date: row.date, reason: paragraphs[0] ?? '', changes: paragraphs.slice(1).join(' ') };
  });
  return { history, lineOf: rows.map((row) => row.firstLine) };
}

/** Finds "Title (ABBR)" in the text where Title is a document title: ETAD, CTSD, SVTAD... */
function abbreviationsInText(text: string, titles: ReadonlyMap<string, string>): NameEntry[] {
  const found: NameEntry[] = [];
  const pattern = /\(([A-Z][A-Z0-9]{1,7}(?:\s+[A-Z][A-Z0-9]{1,7})?)\)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const before = readWordsUnbounded(text.slice(Math.max(0, match.index - 160), match.index)).map((token) => token.word);
    while (before.length > 0 && before[before.length - 1] === 'document' && before.length > 1) {
      const joined = before.join(' ');
      if ([...titles.keys()].some((title) => joined.endsWith(title))) break;
      before.pop();
    }
    const joined = before.join(' ');
    for (const [title, target] of titles) {
      if (joined === title || joined.endsWith(` ${title}`)) {
        const abbreviation = clean(match[1]);
        if (!found.some((entry) => entry.name === abbreviation)) found.push({ name: abbreviation, target });
        break;
      }
    }
  }
  return found;
}

export function generateCatalogue(seed: string, source = 'SEC Contents and Version Control (seed)'): CatalogueData {
  const lines = seed.split(/\r?\n/);
  const versionControl = lines.findIndex((line) => line.trim() === 'Version Control');
  const contentsLine = lines.findIndex((line) => line.trim() === 'CONTENTS');
  // A Contents page copied on its own has neither heading: all of it is the contents.
  const contents = contentsLine === -1 ? lines.length : contentsLine;
  const entries = parseContents(contentsLine === -1 ? lines : lines.slice(contents + 1));

  const names: NameEntry[] = [...KNOWN_NAMES];
  const documentTitles = new Map<string, string>();
  for (const entry of entries) {
    if (entry.kind === 'document') {
      names.push({ name: entry.title, target: entry.id });
      documentTitles.set(readWordsUnbounded(entry.title).map((token) => token.word).join(' '), entry.id);
    }
  }
  const historyLines = versionControl === -1 ? [] : lines.slice(versionControl + 1, Math.max(versionControl + 1, contents));
  const historyText = historyLines.join('\n');
  names.push(...abbreviationsInText(historyText, documentTitles));
  const { history, lineOf } = parseHistory(historyLines);
  attachHistory(entries, historyLines, lineOf, names);
  const last = history[history.length - 1];
  return {
    source, version: last?.version ?? '', date: last?.date ?? '', modifications: modificationsIn(historyText), entries, names, history, deprecations: [],
  };
}

/** Gives each entry the Version Control rows whose text cites it (or something within it). */
function attachHistory(entries: CatalogueEntry[], historyLines: readonly string[], lineOf: readonly number[], names: readonly NameEntry[]): void {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of historyLines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const rowStarts = lineOf.map((line) => lineStarts[line]);
  const references = scanReferences(historyLines.join('\n'), { names: new DocumentNames(names), documentAt: () => null, skip: [] });
  for (const reference of references) {
    if (reference.target === null) continue;
    let row = -1;
    for (let r = 0; r < rowStarts.length && rowStarts[r] <= reference.start; r++) row = r;
    if (row === -1) continue;
    for (const id of [reference.target, ...ancestorIds(reference.target)]) {
      const entry = byId.get(id);
      if (entry && !entry.history.includes(row)) entry.history.push(row);
    }
  }
}

/** The modification proposals a Version Control table names: `SECMP 0001`, `SECMP0045`, `MP106`, `MP122A`. */
function modificationsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\bSECMP[ \t]?(\d{4})(?!\d)|\bMP[ \t]?(\d{1,4}[A-Z]?)(?![A-Za-z0-9])/g)) {
    found.add(match[1] !== undefined ? `SECMP${match[1]}` : `MP${match[2]}`);
  }
  return [...found].sort();
}
