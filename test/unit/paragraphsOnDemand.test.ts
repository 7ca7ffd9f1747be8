// Paragraphs read on demand (a one-shot check) must be exactly the units a full parse makes,
// whatever the nesting, indentation, [Not used] markers, duplicates and clause boundaries.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ParsedDocument, Unit } from '../../server/src/core/model/types';
import { parseDocument, parseForCheck } from '../../server/src/core/parse/parseDocument';
import type { ParagraphsOnDemand } from '../../server/src/core/parse/paragraphsOnDemand';
import { withoutFields } from './compare';
import { names } from './fixtures';

const LINES = [
  'Section H: DCC Services', 'H4 Processing Service Requests', 'H4.1 First clause:', 'H4.2 Second clause.', 'H4.1 The same number again:',
  'H4.3 [Not used]', 'H5 Another Part', 'H5.1 Its clause:', '(a) one;', '(b) two;', '(c) [Not used]', '  (i) nested;', '  (ii) nested;',
  '    (A) deeper;', '(i) a letter or a numeral;', '(d)', 'continuation of the paragraph', '', 'A Cross Heading', 'Appendix AK: Testing',
  '4.2 A clause of the Appendix:', '(a) its paragraph.', 'Section X: Transition', 'X5.4 Clause:', '  (a) indented;', '(b) not indented.',
];

/**
 * A unit, whole but for its parent's index, given as the parent's id instead: paragraphs read on
 * demand are appended to `units`, so the indexes differ from a full parse's.
 */
function unitView(unit: Unit, units: readonly Unit[]): unknown {
  return { ...(withoutFields(unit, ['parent']) as object), parent: unit.parent === -1 ? null : units[unit.parent].id };
}

/**
 * A parse, whole: its units in document order and its first definitions (with the paragraphs
 * read on demand, by clause), as unit views. References, defined terms and instructions are
 * left out: a one-shot parse scans them when its file is checked, and the CLI tests hold those.
 */
function view(parsed: ParsedDocument, onDemand?: ParagraphsOnDemand): unknown {
  const units = parsed.units.map((unit) => ({ unit, view: unitView(unit, parsed.units) }));
  // Stable: a Part implied by its clause shares the clause's label start and comes first in both.
  units.sort((a, b) => a.unit.labelStart - b.unit.labelStart);
  const firstDefinitions = new Map<string, unknown>();
  for (const [id, index] of parsed.firstDefinitions) firstDefinitions.set(id, unitView(parsed.units[index], parsed.units));
  // Paragraphs read on demand, by clause: the first clause of an id (in document order) that has it.
  for (const [, paragraphs] of [...(onDemand?.read ?? [])].sort(([a], [b]) => a - b)) {
    for (const [id, index] of paragraphs) if (!firstDefinitions.has(id)) firstDefinitions.set(id, unitView(parsed.units[index], parsed.units));
  }
  const rest = withoutFields(parsed, ['units', 'firstDefinitions', 'references', 'definitions', 'instructions']);
  return { rest, units: units.map((unit) => unit.view), firstDefinitions };
}

describe('paragraphs on demand', () => {
  it('are the units and first definitions a full parse makes', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 24 }), (lines) => {
      const text = lines.join('\n');
      const full = parseDocument(text, { names });
      const { parsed: lean, paragraphs } = parseForCheck(text);
      // Ask for every paragraph the full parse defines, and for one it does not.
      for (const id of full.firstDefinitions.keys()) {
        if (id.endsWith(')')) assert.notEqual(paragraphs?.find(id) ?? lean.firstDefinitions.get(id), undefined, id);
      }
      assert.equal(paragraphs?.find('Section H4.1(z)'), undefined);
      read += paragraphs?.read.size ?? 0;
      assert.deepStrictEqual(view(lean, paragraphs ?? undefined), view(full));
    }), { numRuns: 1500 });
    assert.ok(read > 500, `clauses read on demand: ${read}`);
  });
});
