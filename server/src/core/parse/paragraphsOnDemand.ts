// The paragraphs of a Section clause, read when first asked for. A one-shot check parses with
// StructureOptions.paragraphsOnDemand: paragraphs are two thirds of all units, and only the
// few that are cited need to exist. Reading a clause's paragraphs appends them to the
// document's units exactly as a full parse would have made them (a property test holds the
// two equal); only their place in `units` differs. They are found by their labels within
// their clause (`(a)(ii)`), a short key quick to hash, in a table of the clause's own: the
// document's first definitions are a large table, costly to grow once the workspace is loaded.

import { clauseOfParagraph, isParagraphId } from '../model/ids';
import type { ParsedDocument, Unit } from '../model/types';
import { isNotUsedAt, LineSpan, ParagraphLevel, placeParagraph, readLine, truncate } from './structure';
import { readParagraphLabel } from './unitLabels';

/** A one-shot parse's Section paragraphs, read clause by clause when first asked for. */
export class ParagraphsOnDemand {
  /** The clauses read so far → their paragraphs by labels (`(a)(ii)` → index in `units`). */
  readonly read = new Map<number, Map<string, number>>();

  constructor(private readonly parsed: ParsedDocument) {}

  /** The unit of a paragraph id, reading its clause if need be. */
  find(id: string): number | undefined {
    const parsed = this.parsed;
    if (!isParagraphId(id)) return undefined;
    const clauseId = clauseOfParagraph(id);
    const first = parsed.firstDefinitions.get(clauseId);
    if (first === undefined || parsed.units[first].kind !== 'clause') return undefined;
    // The first definition of a paragraph id may lie under a later definition of its clause (a duplicate).
    const clauses = parsed.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-number')
      ? parsed.units.flatMap((unit, index) => (unit.kind === 'clause' && unit.id === clauseId ? [index] : []))
      : [first];
    const path = id.slice(clauseId.length);
    // All of them are read at once, so that every paragraph of the id's clauses is a unit, as in a full parse.
    for (const clause of clauses) if (!this.read.has(clause)) this.read.set(clause, readParagraphs(parsed, clause));
    for (const clause of clauses) {
      const found = this.read.get(clause)!.get(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/** The lines of a clause, as parseStructure reads them, making the units its paragraphs lines define: labels (`(a)(ii)`) → unit. */
function readParagraphs(parsed: ParsedDocument, clauseIndex: number): Map<string, number> {
  const { text, units } = parsed;
  const clause = units[clauseIndex];
  const found = new Map<string, number>();
  const levels: ParagraphLevel[] = [];
  /** Each open level's labels from the clause: `(a)(ii)`. */
  const paths: string[] = [];
  let lastContentEnd = clause.labelEnd;
  let lineStart = text.lastIndexOf('\n', clause.labelStart - 1) + 1;
  const line: LineSpan = { end: 0, first: 0, contentEnd: 0 };
  while (lineStart < clause.end) {
    readLine(text, lineStart, line);
    const { end: lineEnd, first: i, contentEnd } = line;
    if (i < contentEnd) {
      const labelEnd = i > clause.labelStart ? readParagraphLabel(text, i) : -1;
      if (labelEnd !== -1) {
        const written = text.slice(i, labelEnd);
        const label = written.slice(1, -1);
        const placed = placeParagraph(levels, label, i - lineStart);
        const level = placed.level;
        // A paragraph closes the open ones at its level and deeper, where the previous line ended.
        for (let l = level; l < levels.length; l++) {
          const open = units[levels[l].unit];
          open.end = Math.max(open.labelEnd, lastContentEnd);
        }
        const parentIndex = level === 0 ? clauseIndex : levels[level - 1].unit;
        const parent = units[parentIndex];
        const unit: Unit = {
          id: parent.id + written, kind: 'paragraph', label: written, title: '', start: i, end: labelEnd, labelStart: i, labelEnd,
          parent: parentIndex, notUsed: isNotUsedAt(text, labelEnd, contentEnd), childCount: 0,
        };
        if (parent.notUsed || parent.withinNotUsed) unit.withinNotUsed = true;
        // The clause's own count was kept by the parse.
        if (level > 0) parent.childCount++;
        const index = units.length;
        units.push(unit);
        const path = level === 0 ? written : paths[level - 1] + written;
        if (!found.has(path)) found.set(path, index);
        truncate(levels, level);
        truncate(paths, level);
        paths.push(path);
        levels.push({ kind: placed.kind, last: label, unit: index, indent: i - lineStart });
      }
      lastContentEnd = contentEnd;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  // The clause closed them all when it closed.
  for (const level of levels) {
    const open = units[level.unit];
    open.end = Math.max(open.labelEnd, clause.end);
  }
  return found;
}
