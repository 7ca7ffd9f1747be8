// Paragraphs read on demand (a one-shot check) must be exactly the units a full parse makes,
// whatever the nesting, indentation, [Not used] markers, duplicates and clause boundaries.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ParsedDocument, Unit } from '../../server/src/core/model/types';
import { parseDocument, parseForCheck } from '../../server/src/core/parse/parseDocument';
import type { ParagraphsOnDemand } from '../../server/src/core/parse/paragraphsOnDemand';
import { names } from './fixtures';

const LINES = [
  'Section H: DCC Services', 'H4 Processing Service Requests', 'H4.1 First clause:', 'H4.2 Second clause.', 'H4.1 The same number again:',
  'H4.3 [Not used]', 'H5 Another Part', 'H5.1 Its clause:', '(a) one;', '(b) two;', '(c) [Not used]', '  (i) nested;', '  (ii) nested;',
  '    (A) deeper;', '(i) a letter or a numeral;', '(d)', 'continuation of the paragraph', '', 'A Cross Heading', 'Appendix AK: Testing',
  '4.2 A clause of the Appendix:', '(a) its paragraph.', 'Section X: Transition', 'X5.4 Clause:', '  (a) indented;', '(b) not indented.',
];

function unitView(unit: Unit, units: readonly Unit[]): unknown {
  return [unit.kind, unit.label, unit.start, unit.end, unit.labelStart, unit.labelEnd, unit.notUsed, Boolean(unit.withinNotUsed),
    unit.childCount, unit.parent === -1 ? null : units[unit.parent].id];
}

function byId(parsed: ParsedDocument, onDemand?: ParagraphsOnDemand): Map<string, unknown> {
  const view = new Map<string, unknown>();
  for (const [id, index] of parsed.firstDefinitions) view.set(id, unitView(parsed.units[index], parsed.units));
  // Paragraphs read on demand, by clause: the first clause of an id (in document order) that has the labels.
  for (const [clause, paragraphs] of [...(onDemand?.read ?? [])].sort(([a], [b]) => a - b)) {
    for (const [labels, index] of paragraphs) {
      const id = parsed.units[clause].id + labels;
      if (!view.has(id)) view.set(id, unitView(parsed.units[index], parsed.units));
    }
  }
  return view;
}

describe('paragraphs on demand', () => {
  it('are the units and first definitions a full parse makes', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 24 }), (lines) => {
      const text = lines.join('\n');
      const full = parseDocument(text, { names });
      const { parsed: lean, paragraphs } = parseForCheck(text);
      assert.deepEqual(lean.diagnostics, full.diagnostics);
      // Ask for every paragraph the full parse defines, and for some it does not.
      for (const id of full.firstDefinitions.keys()) {
        if (id.endsWith(')')) assert.notEqual(paragraphs?.find(id) ?? lean.firstDefinitions.get(id), undefined, id);
      }
      assert.equal(paragraphs?.find('Section H4.1(z)'), undefined);
      read += paragraphs?.read.size ?? 0;
      assert.deepEqual(byId(lean, paragraphs ?? undefined), byId(full));
      // Units no paragraph lookup reached are the same too (Parts' and clauses' counts, ends, flags).
      assert.equal(lean.units.length, full.units.length);
    }), { numRuns: 1500 });
    assert.ok(read > 500, `clauses read on demand: ${read}`);
  });
});
