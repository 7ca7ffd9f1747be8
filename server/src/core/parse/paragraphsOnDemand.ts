// The paragraphs of a Section clause, read when first asked for. A one-shot check parses with
// StructureOptions.paragraphsOnDemand: paragraphs are two thirds of all units, and only the
// few that are cited need to exist. Reading a clause's paragraphs runs the structure parser's
// own paragraph method over the clause's lines, appending the units to the document's exactly
// as a full parse would have made them (a property test holds the two equal); only their place
// in `units` differs. They are filed in a table of the clause's own: the document's first
// definitions are a large table, costly to grow once the workspace is loaded.

import { clauseOfParagraph, isParagraphId } from '../model/ids';
import type { ParsedDocument } from '../model/types';
import { StructureParser } from './structure';

/** A one-shot parse's Section paragraphs, read clause by clause when first asked for. */
export class ParagraphsOnDemand {
  /** The clauses read so far → their paragraphs' ids → index in `units` (the first of each id in the clause). */
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
    // All of them are read at once, so that every paragraph of the id's clauses is a unit, as in a full parse.
    for (const clause of clauses) {
      if (!this.read.has(clause)) this.read.set(clause, new StructureParser(parsed.text, false, parsed.units).readParagraphsOf(clause));
    }
    for (const clause of clauses) {
      const found = this.read.get(clause)!.get(id);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
