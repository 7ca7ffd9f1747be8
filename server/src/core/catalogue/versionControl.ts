// The Version Control table of a text in the seed's layout (the Code's Introduction, or a
// Contents page copied with it): the version of the Code the text is, and where the next row
// goes; and that next row, written in the same layout, for a consolidation to add.

import { HISTORY_ROW } from './generate';

export interface VersionControlTable {
  /** The last row's version and implementation date, as written. */
  version: string;
  date: string;
  /** Where a new row goes: the end of the last row's last line. */
  insertAt: number;
}

const HEADING = /^[ \t]*Version Control[ \t]*\r?$/m;
/** What ends the table: the Contents, or the first Section of the Code. */
const TABLE_END = /^[ \t]*(?:(?:SMART ENERGY CODE )?CONTENTS|Contents|Section [A-Z][ \t]*[:\u2013-])/;
const LONE_NUMBER = /^[ \t]*\d+[ \t]*\r?$/;

/** The text's Version Control table, or null when it has none (or no row in it). */
export function readVersionControl(text: string): VersionControlTable | null {
  const heading = HEADING.exec(text);
  if (!heading) return null;
  let table: VersionControlTable | null = null;
  let at = text.indexOf('\n', heading.index);
  while (at !== -1 && at < text.length) {
    const start = at + 1;
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const line = text.slice(start, end);
    if (TABLE_END.test(line)) break;
    const row = HISTORY_ROW.exec(line);
    if (row) table = { version: row[1], date: row[2], insertAt: end };
    // A page number between rows is the extracted PDF's, not the row's.
    else if (table && line.trim() !== '' && !LONE_NUMBER.test(line)) table.insertAt = end;
    at = lineEnd;
  }
  return table;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-31` as the table writes it, `31 December 2026`; undefined when it is not a date. */
export function tableDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return undefined;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The version after `version`: 6.19 → 6.20, 7.0 → 7.1. */
export function nextVersion(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? `${match[1]}.${Number(match[2]) + 1}` : undefined;
}

/** Words wrapped into lines of at most `width` characters, as the table's narrow columns are. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface VersionControlRow {
  version: string;
  /** As the table writes it: `31 December 2026`. */
  date: string;
  /** "Reason for Change". */
  reason: string;
  /** "Overview of Modifications incorporated". */
  overview: string;
}

/** A row in the seed's layout: version, date and the reason's first line, the reason's other lines, a blank line, the overview. */
export function versionControlRow(row: VersionControlRow): string {
  const reason = wrap(row.reason, 36);
  const head = `${row.version} ${row.date} ${reason[0] ?? ''}`.trimEnd();
  return [head, ...reason.slice(1), '', ...wrap(row.overview, 44)].join('\n');
}
