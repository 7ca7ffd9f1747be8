// Helpers shared by the feature providers: finding what is under the cursor, converting
// offsets to LSP ranges, and naming catalogue documents.
import type { Range } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { FileSummary } from '../core/index/summary';
import type { Unit } from '../core/model/types';
import type { ResolvedReference } from '../core/resolve/diagnostics';
import { CATALOGUE_SCHEME } from '../protocol';
import { countBefore } from '../core/text/sorted';

/** `.sec`: editors show the entry as SEC text (features/catalogueDocument.ts); `.md` URIs from earlier versions still resolve. */
export function catalogueUri(id: string): string {
  return `${CATALOGUE_SCHEME}:/${encodeURIComponent(id)}.sec`;
}

const CATALOGUE_URI = new RegExp(`^${CATALOGUE_SCHEME}:/+(.+)\\.(?:sec|md)$`);

export function catalogueIdFromUri(uri: string): string | null {
  const match = CATALOGUE_URI.exec(uri);
  return match ? decodeURIComponent(match[1]) : null;
}

export function toRange(summary: FileSummary, span: { start: number; end: number }): Range {
  return summary.lines.rangeOf(span);
}

/** The written reference under an offset; members between a range's ends are skipped. */
export function referenceAt(index: WorkspaceIndex, uri: string, offset: number): ResolvedReference | undefined {
  const { references } = index.resolve(uri);
  const low = countBefore(references, (entry) => entry.reference.start <= offset);
  // Written references do not overlap, so the last one starting at or before the offset is the
  // only candidate; the members a range cites without writing them sit between its two ends
  // (as many as the range has, at most the scanner's limit) and are stepped over.
  let i = low - 1;
  while (i >= 0 && references[i].reference.viaRange) i--;
  const candidate = references[i];
  return candidate && candidate.reference.start <= offset && offset <= candidate.reference.end ? candidate : undefined;
}

/** The unit whose own label (number or heading) is under an offset. */
export function unitLabelAt(summary: FileSummary, offset: number): Unit | undefined {
  const units = summary.parsed.units;
  const unit = units[countBefore(units, (candidate) => candidate.labelStart <= offset) - 1];
  return unit && unit.labelStart <= offset && offset <= unit.labelEnd ? unit : undefined;
}

/** The whole unit text, or its first lines. */
export function unitText(summary: FileSummary, unit: Unit, maxLines = Infinity): string {
  const { text } = summary.parsed;
  // A Section may be thousands of lines: find the end of the first few without splitting it all.
  let end = unit.start;
  for (let line = 0; line < maxLines; line++) {
    const newline = text.indexOf('\n', end);
    if (newline === -1 || newline >= unit.end) return text.slice(unit.start, unit.end);
    end = newline + 1;
  }
  return `${text.slice(unit.start, end - 1).split(/\r?\n/).join('\n')}\n…`;
}


/** Children of a workspace unit, from its own file. */
export function childUnits(summary: FileSummary, unit: Unit): Unit[] {
  const units = summary.parsed.units;
  const parentIndex = units.indexOf(unit);
  const children: Unit[] = [];
  for (let i = parentIndex + 1; i < units.length && units[i].start <= unit.end; i++) {
    if (units[i].parent === parentIndex) children.push(units[i]);
  }
  return children;
}
