// Re-parsing an edit in place must give exactly what parsing the whole new text gives, with or
// without the editor's word on where the edit is, and must apply to ordinary keystrokes:
// typing at the start of a line, in a reference that begins its line, in a cross-heading.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ParsedDocument } from '../../server/src/core/model/types';
import { changedSpan, reparse, Reparsed, TextEdit } from '../../server/src/core/parse/reparse';
import { tooLarge } from '../../server/src/core/index/workspaceIndex';
import { withoutFields } from './compare';
import { names, parse } from './fixtures';

// A table of contents first: edits after it are re-read in place, edits in it are not.
const BASE = [
  'CONTENTS',
  '',
  'Section H: DCC Services',
  'H4 Processing Service Requests',
  'H10 Business Continuity',
  '',
  'Section H: DCC Services',
  '',
  'H4 Processing Service Requests',
  '',
  'Eligibility Generally',
  '',
  'H4.1 The DCC shall process each Service Request in accordance with Section X5.4 and',
  'the procedures in Sections H10.9-H10.13, save where Section 88(1) of the Energy Act 2008',
  'applies; see also Section',
  'H4.2 for the exceptions.',
  'Section H4.3 applies to each request made under this clause, as does',
  'Section X5.4 (Incorporation of Certain Documents into this Code).',
  'H4.2 The DCC shall not process a Service Request that is described in Appendix AK 4.2:',
  '(a) where the User is suspended under Condition 22.27 of the DCC Licence; or',
  '(b) where "Relevant Request" means a request under Schedule 8 Version 3.2.',
  '    (i) a nested limb citing Section H4.1; and',
  '    (ii) another.',
  'H4.3 [Not used]',
  'H4.3 A duplicate third clause citing H4.2.',
  '',
  'Transition Arrangements',
  '',
  'H4.5 Fifth clause, citing Sections H4.1, H4.2 and',
  'H4.3.',
  // A clause number that names no document takes the one named before it (so an edit there changes it).
  'H4.6 Messages follow the DCC User Interface Specification. Each User follows',
  'clause 3.6.3 when sending, as the Interface Matrix H1.2 and Section K 4.1 say.',
  'H10 Business Continuity',
  'H10.9 Text citing SECMP0045 and Section H4.3.',
  '',
  'Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services',
  '',
  '4 Testing',
  '4.1 First, citing Clause 4.2 and Section H4.1.',
  '4.2 Second:',
  '(a) its limb.',
  '',
].join('\n');

const LINE_STARTS = [0, ...[...BASE.matchAll(/\n/g)].map((match) => match.index! + 1)];
/**
 * The starts of the lines of prose: not blank, and neither a unit's line nor a cross-heading nor
 * in the table of contents (edits there mostly change what they make, or are read again whole).
 */
const PROSE_LINE_STARTS = LINE_STARTS.filter((at) => BASE[at] !== '\n' && at < BASE.length &&
  !parse(BASE).units.some((unit) => (unit.labelStart >= at && unit.labelStart <= BASE.indexOf('\n', at)) || unit.crossHeading?.start === at) &&
  !parse(BASE).contents.some((region) => at >= region.start && at <= region.end));
/** Offsets inside the references that begin their line ("Section H4.3 applies", "H4.2 for the exceptions", "H4.3."). */
const REFERENCES_AT_LINE_START = LINE_STARTS.filter((at) => /^(?:Section H4\.3 |Section X5\.4 |H4\.2 for|H4\.3\.)/.test(BASE.slice(at)))
  .flatMap((at) => Array.from({ length: 13 }, (_, i) => at + i));
const CLAUSE_NUMBERS = LINE_STARTS.filter((at) => /^H4\.\d/.test(BASE.slice(at))).flatMap((at) => [at + 3, at + 4]);
const LINE_ENDS = LINE_STARTS.slice(1).map((at) => at - 1);

const SNIPPETS = [
  'x', ' ', '  ', 'Section X5.', 'Section H4.1', ' and H4.2', '"Term" means', '.', ',', 'Appendix AK', 'Clause 4.2', ';', '', '1', '2',
  '5', '9', 'A', '12', 'Section', 'Sections H4.1 and', 'H4.7 ', '(c) ', 'Title Case Line', 'the ', '\n', '\n\n', ' \n', 'Title Line\n',
  '\nH4.4 A new clause.\n', 'see Section\n', 'the GBCS ', 'DCC User Interface Specification', 'Matrix ', '. ',
];

/**
 * Whether the in-place re-parse applied to this edit of BASE; when it does, it must give what a
 * full parse gives, whole: nothing is left out of the comparison.
 */
function reparsedAsFullParse(text: string, edit?: TextEdit, base = BASE): boolean {
  const incremental = reparse(parse(base), text, { names }, edit);
  if (incremental === null) return false;
  assert.deepStrictEqual(withoutFields(incremental.parsed, []), withoutFields(parse(text), []));
  return true;
}

/** An edit of BASE at `at`: `removed` characters replaced by `inserted`, tried with the editor's hint and without. */
function tryEdit(at: number, removed: number, inserted: string): { hinted: boolean; compared: boolean } {
  const end = Math.min(BASE.length, at + removed);
  const text = BASE.slice(0, at) + inserted + BASE.slice(end);
  return { hinted: reparsedAsFullParse(text, { start: at, end, newLength: inserted.length }), compared: reparsedAsFullParse(text) };
}

function edits(positions: fc.Arbitrary<number>, maxRemoved = 8): fc.Arbitrary<[number, number, string]> {
  return fc.tuple(positions, fc.nat(maxRemoved), fc.constantFrom(...SNIPPETS));
}

describe('re-parsing an edit in place', () => {
  it('equals a full parse of the new text, whenever it applies, anywhere in the text', () => {
    let applied = 0;
    fc.assert(fc.property(edits(fc.nat(BASE.length)), ([at, removed, inserted]) => {
      if (tryEdit(at, removed, inserted).hinted) applied++;
    }), { numRuns: 2000 });
    assert.ok(applied > 900, `the fast path applied only ${applied} times`);
  });

  it('applies at the start of a line and in a reference that begins its line', () => {
    const applied = { lineStart: 0, reference: 0, indentation: 0 };
    fc.assert(fc.property(edits(fc.constantFrom(...PROSE_LINE_STARTS), 3), ([at, removed, inserted]) => {
      if (tryEdit(at, removed, inserted).hinted) applied.lineStart++;
    }), { numRuns: 1000 });
    fc.assert(fc.property(edits(fc.constantFrom(...REFERENCES_AT_LINE_START), 3), ([at, removed, inserted]) => {
      if (tryEdit(at, removed, inserted).hinted) applied.reference++;
    }), { numRuns: 1000 });
    // Every line's start, a unit's included: indenting it keeps what it makes.
    fc.assert(fc.property(fc.constantFrom(...LINE_STARTS), fc.constantFrom(' ', '  ', '\t'), (at, inserted) => {
      if (tryEdit(at, 0, inserted).hinted) applied.indentation++;
    }), { numRuns: 300 });
    // The misses are edits that make a unit ("H4.7 ", "(c) "), join a line to a unit's, or make a cross-heading.
    assert.ok(applied.lineStart > 800, `at the start of a line of prose: ${applied.lineStart} of 1000`);
    assert.ok(applied.reference > 600, `in a reference that begins its line: ${applied.reference} of 1000`);
    assert.ok(applied.indentation > 160, `indenting a line: ${applied.indentation} of 300`);
  });

  it('applies to edits that split or join lines, and to clause numbers', () => {
    const applied = { split: 0, join: 0, number: 0 };
    fc.assert(fc.property(fc.nat(BASE.length), fc.constantFrom('\n', ' \n', '\n\n', 'x\ny'), (at, inserted) => {
      if (tryEdit(at, 0, inserted).hinted) applied.split++;
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.constantFrom(...LINE_ENDS), fc.nat(2), fc.nat(2), (at, before, after) => {
      if (tryEdit(Math.max(0, at - before), before + 1 + after, '').hinted) applied.join++;
    }), { numRuns: 500 });
    fc.assert(fc.property(edits(fc.constantFrom(...CLAUSE_NUMBERS), 2), ([at, removed, inserted]) => {
      if (tryEdit(at, removed, inserted).hinted) applied.number++;
    }), { numRuns: 500 });
    assert.ok(applied.split > 200 && applied.join > 80 && applied.number > 100, JSON.stringify(applied));
  });

  it('declines edits that change what a line makes', () => {
    const declined = (from: string, to: string) => reparse(parse(BASE), BASE.replace(from, to), { names }) === null;
    assert.ok(declined('H4.3 [Not used]', 'H4.3 [Not used] at all'), 'a clause that stops being [Not used]');
    assert.ok(declined('Eligibility Generally', 'Eligibility Generally.'), 'a cross-heading that stops being one');
    assert.ok(declined('see also Section\n', 'see also Section.\n'), 'a citation split over lines that becomes a clause');
    assert.ok(declined('H10 Business', 'H11 Business'), 'a Part renumbered');
    assert.ok(declined('Section H4.3 applies', 'Section H: applies'), 'a line that becomes a Section heading');
    assert.ok(declined('H10 Business Continuity\n\n', 'H10 Business Continuity.\n\n'), 'a line of the table of contents');
    assert.equal(reparse(tooLarge(BASE), BASE.replace('each Service', 'every Service'), { names }), null, 'a text never parsed (too large)');
    assert.ok(!declined('each Service Request', 'every Service Request'), 'typing in a clause');
    assert.ok(!declined('Section H4.3 applies', 'Section H4.31 applies'), 'typing in a reference that begins its line');
  });

  it('applies at the very start of the text, which stays the start of its first context', () => {
    assert.ok(reparsedAsFullParse('some text', { start: 0, end: 0, newLength: 9 }, ''));
    assert.ok(reparsedAsFullParse('x text.\nSee Section H4.1.', { start: 0, end: 0, newLength: 2 }, 'text.\nSee Section H4.1.'));
  });

  it('keeps a cross-heading being typed in, with its new text', () => {
    const text = BASE.replace('Eligibility Generally', 'Eligibility in General');
    assert.ok(reparsedAsFullParse(text));
    const clause = reparse(parse(BASE), text, { names })!.parsed.units.find((unit) => unit.id === 'Section H4.1')!;
    assert.equal(clause.crossHeading?.text, 'Eligibility in General');
  });

  it('finds the changed span from the edit when given one, and ignores one that does not fit the texts', () => {
    assert.deepEqual(changedSpan('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(changedSpan('aa', 'aaa', { start: 0, end: 0, newLength: 1 }), { start: 0, oldEnd: 0, newEnd: 1 });
    // The characters the editor says it replaced, but left as they were, are not changed.
    assert.deepEqual(changedSpan('H4.5 x', 'H4.9 x', { start: 0, end: 4, newLength: 4 }), { start: 3, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedSpan('aa', 'aaa', { start: 0, end: 2, newLength: 2 }), { start: 2, oldEnd: 2, newEnd: 3 });
    const text = BASE.replace('each Service', 'every Service');
    assert.ok(reparsedAsFullParse(text, { start: 3, end: 1, newLength: 40 }));
  });

  it('renumbers a clause onto numbers the Part already has, and back, as a full parse does', () => {
    // A Part with paragraphs on both sides, a duplicate already, and a gap: every clause line is renumbered to every candidate.
    const part = [
      'Section H: DCC Services',
      '',
      'H4 Processing Service Requests',
      'H4.1 First clause citing Section H4.3(b) and H4.5.',
      '(a) one;',
      '(b) two.',
      'H4.2 Second clause.',
      '(a) only one.',
      'H4.3 Third clause citing Section H4.2(a).',
      '(a) one;',
      '(b) two;',
      '(c) three.',
      'H4.3 A duplicate third clause.',
      '(a) its one.',
      'H4.5 Fifth clause.',
      '',
    ].join('\n');
    const lines = part.split('\n');
    const clauseLines = lines.map((line, i) => (/^H4\.\d/.test(line) ? i : -1)).filter((i) => i >= 0);
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...clauseLines), fc.constantFrom('1', '2', '3', '3A', '4', '5', '6', '12'), (line, number) => {
        const edited = lines.slice();
        edited[line] = edited[line].replace(/^H4\.\d+A?/, `H4.${number}`);
        const text = edited.join('\n');
        const incremental = reparse(parse(part), text, { names });
        if (incremental === null) return;
        assert.deepStrictEqual(withoutFields(incremental.parsed, []), withoutFields(parse(text), []));
        applied++;
      }),
      { numRuns: 200 },
    );
    assert.ok(applied > 100, `the fast path applied only ${applied} times`);
  });

  it('renumbers a clause in place, with its paragraphs, and says which ids changed', () => {
    const text = BASE.replace('H4.2 The DCC', 'H4.7 The DCC');
    assert.ok(reparsedAsFullParse(text));
    const { removed, added, sameTargets } = (reparse(parse(BASE), text, { names }) as Reparsed).change;
    assert.deepEqual({ removed, added, sameTargets }, {
      removed: ['Section H4.2', 'Section H4.2(a)', 'Section H4.2(b)', 'Section H4.2(b)(i)', 'Section H4.2(b)(ii)'],
      added: ['Section H4.7', 'Section H4.7(a)', 'Section H4.7(b)', 'Section H4.7(b)(i)', 'Section H4.7(b)(ii)'],
      sameTargets: true,
    });
  });

  it('keeps the references outside the window that it read again: the previous objects, moved', () => {
    const text = BASE.replace('H4.2 The DCC', 'H4.7 The DCC');
    const previous: ParsedDocument = parse(BASE);
    const references = previous.references.slice();
    const again = reparse(previous, text, { names })!;
    const { before, removed: dropped, added: read } = again.change.window;
    assert.equal(again.parsed.references.length, references.length - dropped + read);
    assert.ok(before > 0 && again.parsed.references.slice(0, before).every((reference, i) => reference === references[i]));
    assert.ok(again.parsed.references.slice(before + read).every((reference, i) => reference === references[before + dropped + i]));
  });
});
