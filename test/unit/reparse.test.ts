// Re-parsing a one-line edit must give exactly what parsing the whole new text gives.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ParsedDocument } from '../../server/src/core/model/types';
import { reparse } from '../../server/src/core/parse/reparse';
import { names, parse } from './fixtures';

const BASE = [
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
  'H4.2 The DCC shall not process a Service Request that is described in Appendix AK 4.2:',
  '(a) where the User is suspended under Condition 22.27 of the DCC Licence; or',
  '(b) where "Relevant Request" means a request under Schedule 8 Version 3.2.',
  'H4.3 [Not used]',
  '',
  'H10 Business Continuity',
  'H10.9 Text citing SECMP0045 and Section H4.3.',
  '',
].join('\n');

function comparable(document: ParsedDocument): unknown {
  return {
    units: document.units.map((u) => [u.id, u.label, u.title, u.kind, u.childCount, Boolean(u.withinNotUsed), u.start, u.end, u.labelStart, u.labelEnd, u.parent, u.notUsed, u.crossHeading && [u.crossHeading.start, u.crossHeading.end, u.crossHeading.text]]),
    references: document.references.map((r) => [r.start, r.end, r.target, r.kind, r.text, Boolean(r.viaRange), r.title && [r.title.kind, r.title.start, r.title.raw], r.instrument]),
    diagnostics: document.diagnostics.map((d) => [d.start, d.end, d.code, d.message, d.data]),
    firstDefinitions: [...document.firstDefinitions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    definitions: document.definitions.map((t) => [t.term, t.start, t.end, t.definitionEnd]),
  };
}

/** Whether the in-place re-parse applied to this edit; when it does, it must give what a full parse gives. */
function reparsedAsFullParse(previous: ParsedDocument, text: string): boolean {
  const incremental = reparse(previous, text, { names });
  if (incremental === null) return false;
  assert.deepEqual(comparable(incremental.parsed), comparable(parse(text)));
  return true;
}

const snippets = ['x', ' ', 'Section X5.', 'Section H4.1', ' and H4.2', '"Term" means', '.', ',', 'Appendix AK', 'Clause 4.2', ';', '', '1', '2', '5', '9', 'A', '12'];

describe('re-parsing a one-line edit', () => {
  it('equals a full parse of the new text, whenever it applies', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.nat(BASE.length), fc.nat(8), fc.constantFrom(...snippets), (at, removed, inserted) => {
        const end = Math.min(BASE.length, at + removed);
        const text = BASE.slice(0, at) + inserted + BASE.slice(end);
        if (reparsedAsFullParse(parse(BASE), text)) applied++;
      }),
      { numRuns: 1500 },
    );
    assert.ok(applied > 200, `the fast path applied only ${applied} times`);
  });

  it('declines edits that can change the structure', () => {
    const previous = parse(BASE);
    assert.equal(reparse(previous, BASE.replace('H4.3 [Not used]', 'H4.3 [Not used] at all'), { names }), null);
    assert.equal(reparse(previous, BASE.replace('Eligibility Generally', 'Eligibility Generally.'), { names }), null);
    assert.equal(reparse(previous, BASE.replace('see also Section\n', 'see also Section.\n'), { names }), null);
    assert.equal(reparse(previous, BASE.replace('H10 Business', 'H11 Business'), { names }), null);
    assert.notEqual(reparse(previous, BASE.replace('each Service Request', 'every Service Request'), { names }), null);
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
        if (reparsedAsFullParse(parse(part), text)) applied++;
      }),
      { numRuns: 200 },
    );
    assert.ok(applied > 100, `the fast path applied only ${applied} times`);
  });

  it('renumbers a clause in place, with its paragraphs and the numbering around it', () => {
    const text = BASE.replace('H4.2 The DCC', 'H4.7 The DCC');
    const incremental = reparse(parse(BASE), text, { names })!;
    assert.ok(incremental, 'the fast path applies');
    assert.deepEqual(comparable(incremental.parsed), comparable(parse(text)));
    const { removed, added, sameTargets } = incremental.change;
    assert.deepEqual({ removed, added, sameTargets }, {
      removed: ['Section H4.2', 'Section H4.2(a)', 'Section H4.2(b)'],
      added: ['Section H4.7', 'Section H4.7(a)', 'Section H4.7(b)'],
      sameTargets: true,
    });
    // The references outside the re-read window are the previous parse's objects, where the window says.
    const previous = parse(BASE);
    const again = reparse(previous, text, { names })!.parsed;
    const { before, removed: dropped, added: read } = reparse(parse(BASE), text, { names })!.change.window;
    assert.equal(again.references.length, previous.references.length - dropped + read);
    assert.ok(before > 0 && again.references.slice(0, before).every((reference, i) => reference === previous.references[i]));
    assert.ok(again.references.slice(before + read).every((reference, i) => reference === previous.references[before + dropped + i]));
  });
});
