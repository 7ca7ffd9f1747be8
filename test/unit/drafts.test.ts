// Drafts of modifications: the instruction forms and the text each introduces, the header, whether
// the legal text still applies to the Code (amendment-base-mismatch), and conflicts between
// drafts in flight (amendment-conflict). Fixtures written for these tests.
import { strict as assert } from 'node:assert';
import { OneShotIndex } from '../../server/src/core/index/oneShotIndex';
import { readDraftHeader } from '../../server/src/core/parse/draftHeader';
import { parseInstructions } from '../../server/src/core/parse/instructions';
import type { CoreDiagnostic } from '../../server/src/core/model/types';
import { hover } from '../../server/src/features/hover';
import { catalogue, workspace } from './fixtures';

const SECTION_K = [
  'Section K: Charging Methodology', '', 'K3 Fixed Charges', '',
  'K3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than',
  'three months before the start of that year.', '',
  'K3.2 Each Party shall pay the Fixed Charge:',
  '(a) monthly in arrears; and',
  '(b) by direct debit.', '',
  'K3.3 The Panel may review the method for calculating the Fixed Charge.', '',
  'K3.4 The DCC shall keep records of each calculation for six years.', '',
].join('\n');

const H = 'file:///k.sec';
const A = 'file:///drafts/a.sec';
const B = 'file:///drafts/b.sec';

function bodyOf(text: string, index = 0): string | undefined {
  const instruction = parseInstructions(text)[index];
  return instruction.bodyStart === undefined ? undefined : text.slice(instruction.bodyStart, instruction.bodyEnd);
}

function only(diagnostics: readonly CoreDiagnostic[], code: string): CoreDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function hoverAt(files: Record<string, string>, uri: string, needle: string): string {
  const index = workspace(files);
  const offset = files[uri].indexOf(needle);
  return (hover(index, uri, offset)!.contents as { value: string }).value;
}

describe('drafts: instruction forms', () => {
  it('reads "Amend … as follows:", with or without "as follows", and the Part keyword', () => {
    const found = parseInstructions('Amend Section K3.1 as follows:\nx\n\nAmend Part K3:\ny\n\nAmend Clause K3.2(a) as follows\nz\n');
    assert.deepEqual(found.map((i) => [i.kind, i.target]), [['amend', 'Section K3.1'], ['amend', 'Section K3'], ['amend', 'Section K3.2(a)']]);
    // Without either, it is prose.
    assert.deepEqual(parseInstructions('Amend Section K3.1 so that it says less.'), []);
  });

  it('reads a deletion that leaves the unit as [Not used], and one that removes it', () => {
    const found = parseInstructions('Delete Section K3.3 and replace it with "[Not used]".\nDelete Clause K3.4, leaving [Not used].\nDelete Section K3.2.');
    assert.deepEqual(found.map((i) => [i.target, i.notUsed ?? false]), [['Section K3.3', true], ['Section K3.4', true], ['Section K3.2', false]]);
  });

  it('gives an amendment the block below it, the blank lines inside a tracked change and the paragraphs of the unit included', () => {
    const text = 'Amend Section K3.2 as follows:\n\nK3.2 Each Party shall pay:\n{++(a) at once;\n\n++}\n(b) by direct debit.\n\nReasons\nThis is prose about the change.\n';
    assert.equal(bodyOf(text), 'K3.2 Each Party shall pay:\n{++(a) at once;\n\n++}\n(b) by direct debit.');
  });

  it('ends a body at the next instruction, and at a block that is not part of the unit', () => {
    const text = 'Amend Section K3.1 as follows:\nThe DCC shall {++promptly ++}publish.\nDelete Section K3.4\n';
    assert.equal(bodyOf(text), 'The DCC shall {++promptly ++}publish.');
    const part = 'Amend Section K3 as follows:\n\nK3.1 One.\n\nGeneral Matters\nK3.2 Two.\n\nK4.1 Another Part is prose here.\n';
    assert.equal(bodyOf(part), 'K3.1 One.\n\nGeneral Matters\nK3.2 Two.');
  });

  it('gives an insertion written with a colon the new unit below it, and one without a colon none', () => {
    const text = 'Insert a new Section K3.5 after Section K3.4:\n\n{++K3.5 New.++}\n\nConsequential Changes\nNone.\n';
    assert.equal(bodyOf(text), '{++K3.5 New.++}');
    assert.equal(bodyOf('Insert new Section K3.5 after Section K3.4.\n\nK3.5 New.\n'), undefined);
  });

  it('does not check the numbering of the clauses a draft quotes, which follow the draft\'s order, not the Code\'s', () => {
    const text = 'MP1: X\nAmend Section K3.4:\nK3.4 The DCC shall keep records of each calculation for six years.\n\nAmend Section K3.1:\nK3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than three months before the start of that year.\n';
    assert.deepEqual(workspace({ [H]: SECTION_K, [A]: text }).resolve(A).diagnostics, []);
    // Outside the text instructions introduce, numbers are checked as anywhere.
    assert.deepEqual(workspace({ [A]: 'K3.4 Four.\nK3.1 One.\n' }).resolve(A).diagnostics.map((d) => d.code), ['numbering-order']);
  });

  it('reads the modification, its title and the version it was drafted against from the head of a draft', () => {
    const text = 'Draft Legal Text for SECMP0123: Faster Charges\nDrafted against SEC version 6.19\n\nAmend Section K3.1 as follows:\n';
    const header = readDraftHeader(text, text.indexOf('Amend'));
    assert.deepEqual([header.modification, header.title, header.draftedAgainst?.version], ['SECMP0123', 'Faster Charges', '6.19']);
    assert.equal(text.slice(header.draftedAgainst!.start, header.draftedAgainst!.end), '6.19');
    assert.deepEqual(readDraftHeader('MP0042 \u2013 Tidy Up\n', 12).modification, 'MP42');
    assert.equal(readDraftHeader('Amend Section K3.1:', 0).modification, null);
  });
});

describe('drafts: does the legal text still apply (amendment-base-mismatch)', () => {
  const draft = (body: string) => `Draft Legal Text for MP7: Publication\n\nAmend Section K3.1 as follows:\n\n${body}\n`;

  it('accepts a draft whose "before" reading is the unit, with or without its number, however it is wrapped', () => {
    for (const body of [
      'K3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than three months\nbefore the start of that year{++, and explain it++}.',
      'The DCC shall publish the Fixed Charge for each Regulatory Year {--no later than three--}{++at least four++} months before the start of that year.',
    ]) {
      const diagnostics = workspace({ [H]: SECTION_K, [A]: draft(body) }).resolve(A).diagnostics;
      assert.deepEqual(diagnostics.map((d) => d.code), [], body);
    }
  });

  it('warns on the instruction when the Code has moved on, and shows the words in its hover', () => {
    const moved = SECTION_K.replace('three months', 'two months');
    const body = 'K3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than\nthree months before the start of that year{++, and explain it++}.';
    const files = { [H]: moved, [A]: draft(body) };
    const [mismatch] = only(workspace(files).resolve(A).diagnostics, 'amendment-base-mismatch');
    assert.equal(files[A].slice(mismatch.start, mismatch.end), 'Amend Section K3.1 as follows:');
    assert.equal(mismatch.severity, 'warning');
    assert.match(mismatch.message, /Section K3\.1 has changed since this draft was written: .* in k\.sec \(2 words differ/);
    const value = hoverAt(files, A, 'Amend Section');
    assert.match(value, /The Code has moved on/);
    assert.match(value, /~~three~~ \*\*two\*\* months/);
  });

  it('compares a deletion that quotes the text it deletes, and accepts one that quotes none', () => {
    const quoted = (years: string) => `MP8: Records\nDelete Section K3.4:\n{--K3.4 The DCC shall keep records of each calculation for ${years} years.--}\n`;
    assert.deepEqual(workspace({ [H]: SECTION_K, [A]: quoted('six') }).resolve(A).diagnostics, []);
    const [mismatch] = only(workspace({ [H]: SECTION_K, [A]: quoted('five') }).resolve(A).diagnostics, 'amendment-base-mismatch');
    assert.match(mismatch.message, /^Section K3\.4 has changed since this draft was written: .*\(2 words differ/);
    assert.deepEqual(workspace({ [H]: SECTION_K, [A]: 'MP8: Records\nDelete Section K3.4\n' }).resolve(A).diagnostics, []);
  });

  it('leaves a target that no longer exists to broken-reference', () => {
    const files = { [H]: SECTION_K.replace(/K3\.4[^\n]*\n/, ''), [A]: 'Amend Section K3.4 as follows:\nK3.4 The DCC shall keep records.\n' };
    assert.deepEqual(workspace(files).resolve(A).diagnostics.map((d) => d.code), ['broken-reference']);
  });

  it('shows on hover the unit as the draft leaves it, word by word', () => {
    const body = 'The DCC shall publish the Fixed Charge for each Regulatory Year {--no later than three--}{++at least four++} months before the start of that year.';
    const value = hoverAt({ [H]: SECTION_K, [A]: draft(body) }, A, 'Amend Section');
    assert.match(value, /^\*\*Amend Section K3\.1\*\*/);
    assert.match(value, /Year ~~no later than three~~ \*\*at least four\*\* months/);
  });

  it('compares "Drafted against SEC version" with the workspace\'s Version Control table and a newer catalogue', () => {
    const intro = 'Introduction\n\nVersion Control\n\n6.19 25 October 2019 Re-designation.\n\n6.20 1 May 2026 Implementation of\nMP6.\n\nCONTENTS\n';
    const text = `MP7: Publication\nDrafted against SEC version 6.19\n\nAmend Section K3.3:\nK3.3 The Panel may review the method for calculating the Fixed Charge.\n`;
    const [header] = only(workspace({ [H]: SECTION_K, 'file:///intro.sec': intro, [A]: text }).resolve(A).diagnostics, 'amendment-base-mismatch');
    assert.match(header.message, /Drafted against SEC version 6\.19, but the workspace's Version Control table is at SEC version 6\.20/);
    assert.equal(text.slice(header.start, header.end), '6.19');
    // The embedded catalogue lists 6.19: a draft against 6.19 is current, one against 6.18 is not.
    assert.deepEqual(only(workspace({ [H]: SECTION_K, [A]: text }).resolve(A).diagnostics, 'amendment-base-mismatch'), []);
    const older = only(workspace({ [H]: SECTION_K, [A]: text.replace('6.19', '6.18') }).resolve(A).diagnostics, 'amendment-base-mismatch');
    assert.match(older[0].message, /the catalogue in use lists SEC version 6\.19/);
  });
});

describe('drafts: conflicts between modifications in flight (amendment-conflict)', () => {
  const first = 'SECMP0101: First\n\nAmend Section K3.1 as follows:\nThe DCC shall publish the Fixed Charge for each Regulatory Year no later than {~~three~>two~~} months before the start of that year.\n';

  function conflicts(other: string, config = {}): { a: CoreDiagnostic[]; b: CoreDiagnostic[] } {
    const index = workspace({ [H]: SECTION_K, [A]: first, [B]: other }, config);
    return { a: only(index.resolve(A).diagnostics, 'amendment-conflict'), b: only(index.resolve(B).diagnostics, 'amendment-conflict') };
  }

  it('warns on both instructions when two drafts change the same words, naming the other draft and where it is', () => {
    const { a, b } = conflicts('MP202: Second\n\nAmend Section K3.1 as follows:\nK3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than {--three--}{++six++} months before the start of that year.\n');
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.equal(a[0].severity, 'warning');
    assert.equal(a[0].message, 'Conflicts with MP202 (b.sec, line 3): MP202 amends Section K3.1, in the same words as this instruction.');
    assert.equal(b[0].message, 'Conflicts with SECMP0101 (a.sec, line 3): SECMP0101 amends Section K3.1, in the same words as this instruction.');
  });

  it('reports changes of different words as applying cleanly, as information whatever the conflicts\' severity', () => {
    const other = 'MP202: Second\n\nAmend Section K3.1 as follows:\nThe DCC shall publish the Fixed Charge for each Regulatory Year no later than three months before the start of {~~that~>the relevant~~} year.\n';
    for (const config of [{}, { severities: { 'amendment-conflict': 'error' as const } }]) {
      const { a, b } = conflicts(other, config);
      assert.deepEqual([a[0].severity, b[0].severity], ['information', 'information']);
      assert.match(a[0].message, /^Applies cleanly with MP202 \(b\.sec, line 3\): MP202 amends Section K3\.1 in other words than this instruction/);
    }
    assert.deepEqual(conflicts(other, { severities: { 'amendment-conflict': 'off' } }).a, []);
  });

  it('counts a change next to another\'s word as touching it', () => {
    const { a } = conflicts('MP202: Second\n\nAmend Section K3.1:\nThe DCC shall publish the Fixed Charge for each Regulatory Year no later than three{++ calendar++} months before the start of that year.\n');
    assert.equal(a[0].severity, 'warning');
  });

  it('reports amend/delete, a renumbering of an amended unit, a change of a paragraph inside an amended clause, and two insertions of one number', () => {
    const cases: Array<[string, RegExp]> = [
      ['MP202: X\nDelete Section K3.1 and replace it with [Not used]\n', /MP202 deletes Section K3\.1\.$/],
      ['MP202: X\nRenumber Section K3.1 as Section K3.9\n', /MP202 renumbers Section K3\.1 as Section K3\.9\.$/],
    ];
    for (const [other, message] of cases) assert.match(conflicts(other).a[0]?.message ?? '', message, other);
    const clause = workspace({
      [H]: SECTION_K,
      [A]: 'MP1: X\nAmend Section K3.2 as follows:\nK3.2 Each Party shall pay the Fixed Charge:\n(a) monthly in arrears; and\n(b) by {~~direct debit~>bank transfer~~}.\n',
      [B]: 'MP2: Y\nIn Section K3.2(a), replace "monthly" with "quarterly"\n',
    });
    assert.match(only(clause.resolve(B).diagnostics, 'amendment-conflict')[0].message, /Applies cleanly with MP1 .*MP1 amends Section K3\.2/);
    const inserts = workspace({
      [H]: SECTION_K,
      [A]: 'MP1: X\nInsert a new Section K3.5 after Section K3.4:\n{++K3.5 One.++}\n',
      [B]: 'MP2: Y\nInsert a new Section K3.5 after Section K3.4:\n{++K3.5 Two.++}\n',
    });
    assert.match(only(inserts.resolve(A).diagnostics, 'amendment-conflict')[0].message, /^Conflicts with MP2 \(b\.sec, line 2\): MP2 inserts Section K3\.5\.$/);
  });

  it('says nothing of drafts that change different units', () => {
    assert.deepEqual(conflicts('MP202: Second\nDelete Section K3.4\n').a, []);
  });

  it('reports a few pairs per instruction, however many instructions change one unit (a hostile workspace stays linear)', () => {
    const many = (name: string) => `${name}: X\n${'Amend Section K3.3:\nK3.3 The Panel {~~may~>shall~~} review the method for calculating the Fixed Charge.\n'.repeat(300)}`;
    const index = workspace({ [H]: SECTION_K, [A]: many('MP1'), [B]: many('MP2') });
    const perInstruction = new Map<number, number>();
    for (const diagnostic of only(index.resolve(A).diagnostics, 'amendment-conflict')) perInstruction.set(diagnostic.start, (perInstruction.get(diagnostic.start) ?? 0) + 1);
    assert.ok(perInstruction.size > 0, 'conflicts are reported');
    assert.ok(Math.max(...perInstruction.values()) <= 8, 'at most 8 pairs per instruction');
    assert.ok(index.amendments.conflicts().length <= 600 * 8 / 2, `${index.amendments.conflicts().length} pairs, not the 90,000 of every pair`);
  });

  it('lists the same pairs, and the same diagnostics, in a one-shot check as in the editor', () => {
    const files = { [H]: SECTION_K, [A]: first, [B]: 'MP202: Second\nDelete Section K3.1\nAmend Section K3.3:\nK3.3 The Panel {++shall++}{--may--} review the method for calculating the Fixed Charge.\n' };
    const oneShot = new OneShotIndex({ catalogue });
    for (const [uri, text] of Object.entries(files)) oneShot.updateFile(uri, text);
    const editor = workspace(files);
    for (const uri of [A, B]) assert.deepEqual(oneShot.resolve(uri).diagnostics, editor.resolve(uri).diagnostics);
    assert.equal(oneShot.amendments.conflicts().length, 1);
  });
});
