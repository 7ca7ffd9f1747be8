// The hand-written readers of numbered lines' labels must match exactly what their patterns
// match; citation anchors are found by ANCHOR_PATTERN, resuming wherever a reader stopped.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AnchorFinder } from '../../server/src/core/parse/anchors';
import { PartOrClauseSpan, readParagraphLabel, readPartOrClause } from '../../server/src/core/parse/unitLabels';

// Pieces that make near-misses likely: keywords in every case and with suffixes, ids that are
// one character too long, bullets, underscores, line breaks of every kind.
const pieces = [
  'Section', 'Sections', 'SECTION', 'section', 'Sectional', 'Schedules', 'SCHEDULE', 'Appendix', 'appendices', 'APPENDICES',
  'Clause', 'clauses', 'Conditions', 'CONDITION', 'Paragraph', 'paragraphs', 'SEC', 'SEC ', 'SEC\t', 'SECMP', 'SECMP ', '0045',
  '00456', 'H', 'H4', 'H4.', '3', '3A', 'AB', '12', '123', '1234', '.', '(', ')', '(a)', '(iv)', '(AB)', '(abcde)', '_', 'x', 'a',
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2022', '\u00b7', '*', '-', ',', ':', 'é',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

function finderMatches(source: string, from: number): Array<[number, number]> {
  const finder = new AnchorFinder(source);
  const found: Array<[number, number]> = [];
  for (let start = finder.next(from, source.length); start !== -1; start = finder.next(finder.end, source.length)) {
    found.push([start, finder.end]);
  }
  return found;
}

const PART_OR_CLAUSE = /([A-Z])(\d{1,2}[A-Z]?)(?:\.(\d{1,3}[A-Z]?))?(?=[ \t]|\r?$)/y;
const PARAGRAPH = /\(([a-z]{1,4}|[A-Z]{1,2})\)(?=[ \t]|\r?$)/y;

describe('label and anchor readers', () => {
  it('find every kind of anchor in a realistic sentence', () => {
    const source = 'See SEC Sections H1, H4.3A and Schedule 8; SECMP 0045 and Appendix AK.\n  \u2022 X5.4\nnot Sectional or H4.3a';
    const found = finderMatches(source, 0).map(([start, end]) => source.slice(start, end));
    assert.deepEqual(found, ['SEC Sections', 'H4.3A', 'Schedule', 'SECMP 0045', 'Appendix', '  \u2022 ', 'X5.4']);
  });

  it('read Part, clause and paragraph labels exactly as their patterns do', () => {
    fc.assert(fc.property(text, fc.nat(), (source, seed) => {
      const at = source.length === 0 ? 0 : seed % source.length;
      PART_OR_CLAUSE.lastIndex = at;
      const expected = PART_OR_CLAUSE.exec(source);
      const span: PartOrClauseSpan = { partEnd: 0, clauseStart: -1, end: 0 };
      const read = readPartOrClause(source, at, span);
      assert.equal(read, expected !== null);
      if (expected) {
        assert.equal(source.slice(at + 1, span.partEnd), expected[2]);
        assert.equal(span.clauseStart === -1 ? undefined : source.slice(span.clauseStart, span.end), expected[3]);
        assert.equal(span.end, at + expected[0].length);
      }
      PARAGRAPH.lastIndex = at;
      const paragraph = PARAGRAPH.exec(source);
      assert.equal(readParagraphLabel(source, at), paragraph ? at + paragraph[0].length : -1);
    }), { numRuns: 3000 });
  });
});
