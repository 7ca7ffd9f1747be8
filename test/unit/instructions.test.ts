// Amendment instructions in prose, checked against the workspace.
import { strict as assert } from 'node:assert';
import { parseInstructions } from '../../server/src/core/parse/instructions';
import { hover } from '../../server/src/features/hover';
import { workspace } from './fixtures';

const SECTION_H = 'Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.2 The DCC shall:\n(a) first;\n(b) notify the User promptly.\nH4.3 Three.\nH4.4 Four.\nH4.5 Five.\n';

function check(instruction: string) {
  const index = workspace({ 'file:///h.sec': SECTION_H, 'file:///m.sec': `${instruction}\n` });
  return { index, diagnostics: index.resolve('file:///m.sec').diagnostics };
}

describe('amendment instructions', () => {
  it('recognises the four kinds of instruction', () => {
    const found = parseInstructions('Insert new Section H4.3A after Section H4.3.\nDelete Section X5.3.\nIn Section H4.2(b), replace "promptly" with "within one hour".\nRenumber Section H4.5 as Section H4.6.');
    assert.deepEqual(found.map((i) => [i.kind, i.target, i.newId ?? i.find]), [
      ['insert', 'Section H4.3', 'Section H4.3A'], ['delete', 'Section X5.3', undefined],
      ['replace', 'Section H4.2(b)', 'promptly'], ['renumber', 'Section H4.5', 'Section H4.6'],
    ]);
  });

  it('accepts a well-formed instruction', () => {
    assert.deepEqual(check('Insert new Section H4.3A after Section H4.3.').diagnostics, []);
    assert.deepEqual(check('In Section H4.2(b), replace "notify the User\npromptly" with "notify the User within one hour".').diagnostics, []);
    assert.deepEqual(check('Delete Section H4.5.').diagnostics, []);
  });

  it('reports a missing target as a broken reference', () => {
    assert.deepEqual(check('Delete Section H4.9.').diagnostics.map((d) => d.code), ['broken-reference']);
    assert.deepEqual(check('Insert new Section H4.9A after Section H4.9.').diagnostics.map((d) => d.code), ['broken-reference']);
  });

  it('reports quoted text that does not occur in the target', () => {
    const [diagnostic] = check('In Section H4.2(b), replace "immediately" with "at once".').diagnostics;
    assert.equal(diagnostic.code, 'instruction-text-not-found');
    assert.match(diagnostic.message, /"immediately" does not occur in the text of Section H4\.2\(b\)/);
  });

  it('reports an inserted number that does not fit its neighbours, or one that exists', () => {
    const [misfit] = check('Insert new Section H4.4A after Section H4.3.').diagnostics;
    assert.equal(misfit.code, 'numbering-order');
    assert.match(misfit.message, /H4\.4A does not fit after H4\.3: it must come between H4\.3 and H4\.4/);
    assert.match(check('Renumber Section H4.5 as Section H4.4.').diagnostics[0].message, /Section H4\.4 already exists/);
  });

  it('does not report a number as existing when the instruction\'s own draft inserts it', () => {
    const draft = 'Insert new Section H4.6 after Section H4.5:\n{++H4.6 Six, as the draft inserts it.++}\n';
    const index = workspace({ 'file:///h.sec': SECTION_H, 'file:///m.sec': draft });
    assert.deepEqual(index.resolve('file:///m.sec').diagnostics, []);
    // Inserted by another draft, or written out in the Section itself: it does exist already.
    const elsewhere = workspace({ 'file:///h.sec': SECTION_H, 'file:///m.sec': 'Insert new Section H4.6 after Section H4.5.\n', 'file:///other.sec': '{++H4.6 Six.++}\n' });
    assert.match(elsewhere.resolve('file:///m.sec').diagnostics[0]?.message ?? '', /Section H4\.6 already exists/);
    const written = workspace({ 'file:///h.sec': `${SECTION_H}H4.6 Six.\n`, 'file:///m.sec': draft });
    assert.match(written.resolve('file:///m.sec').diagnostics[0]?.message ?? '', /Section H4\.6 already exists/);
  });

  it('previews the target before and after on hover', () => {
    const { index } = check('In Section H4.2(b), replace "promptly" with "within one hour".');
    const value = (hover(index, 'file:///m.sec', 2)!.contents as { value: string }).value;
    assert.match(value, /Replace wording in Section H4\.2\(b\)/);
    assert.match(value, /Before:\n\n> \u2003\(b\) notify the User promptly\./);
    assert.match(value, /After:\n\n> \u2003\(b\) notify the User within one hour\./);
  });
});
