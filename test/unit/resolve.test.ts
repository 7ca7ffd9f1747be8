import { strict as assert } from 'node:assert';
import { withinAny } from '../../server/src/core/model/ids';
import { codes, statuses, workspace } from './fixtures';

const SECTION_X = 'Section X: Transition\n\nX5 Incorporation of Certain Documents into this Code\n\nX5.1 First.\nX5.2 Second.\nX5.3 [Not used]\nX5.4 Fourth:\n(a) limb one;\n(b) limb two.\n';

describe('resolution statuses', () => {
  it('two files: X5.9 is broken because X5 is present without it; G2.14 is unverified because only the catalogue knows G2', () => {
    const index = workspace({
      'file:///x.sec': SECTION_X,
      'file:///draft.sec': 'See Section X5.4, Section X5.9 and Section G2.14.\n',
    });
    assert.deepEqual(statuses(index, 'file:///draft.sec'), {
      'Section X5.4': 'ok', 'Section X5.9': 'broken', 'Section G2.14': 'unverified',
    });
  });

  it('checks paragraphs of a clause whose text is present', () => {
    const index = workspace({ 'file:///x.sec': SECTION_X, 'file:///d.sec': 'Section X5.4(b), Section X5.4(c) and Section H4.2(b)(ii)\n' });
    assert.deepEqual(statuses(index, 'file:///d.sec'), {
      'Section X5.4(b)': 'ok', 'Section X5.4(c)': 'broken', 'Section H4.2(b)(ii)': 'unverified',
    });
  });

  it('resolves Sections, Parts, Schedules, versions and Appendices from the catalogue', () => {
    const index = workspace({ 'file:///d.sec': 'Section H, Section N4A, Schedule 11, Schedule 8 Version 3.2, Appendix AK, Appendix AD v3.0\n' });
    assert.deepEqual(Object.values(statuses(index, 'file:///d.sec')), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('reports a target missing from text the workspace has as broken', () => {
    const index = workspace({
      'file:///h.sec': 'Section H: DCC Services\nH4 Processing Service Requests\nH4.1 One.\n',
      'file:///ak.sec': 'Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services\n4 Testing\n4.1 One.\n',
      'file:///d.sec': 'Section H99, Section H99.1, Section H4.7 and Appendix AK 4.9\n',
    });
    assert.deepEqual(statuses(index, 'file:///d.sec'), {
      'Section H99': 'broken', 'Section H99.1': 'broken', 'Section H4.7': 'broken', 'Appendix AK 4.9': 'broken',
    });
    assert.deepEqual(codes(index.resolve('file:///d.sec').diagnostics), Array(4).fill('broken-reference'));
  });

  it('reports a target only the catalogue lacks as not in the catalogue, naming its version', () => {
    const index = workspace({ 'file:///d.sec': 'Section H99, Appendix AZ, Schedule 12, Schedule 8 Version 9.9, Schedule 11 v1.0, Section Q and Section H99.1\n' });
    assert.deepEqual(statuses(index, 'file:///d.sec'), {
      'Section H99': 'unverified', 'Appendix AZ': 'unverified', 'Schedule 12': 'unverified', 'Schedule 8 v9.9': 'unverified',
      'Schedule 11 v1.0': 'unverified', 'Section Q': 'unverified', 'Section H99.1': 'unverified',
    });
    const diagnostics = index.resolve('file:///d.sec').diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), Array(7).fill(['not-in-catalogue', 'warning']));
    assert.match(diagnostics[1].message, /Appendix AZ is not in the SEC catalogue \(SEC version 6\.19, 25 October 2019\)\. .*"catalogue" in sec\.config\.json/);
    assert.match(diagnostics[0].message, /Section H has no Part H99 in the SEC catalogue \(SEC version 6\.19/);
  });

  it('marks not-used units and their paragraphs deprecated', () => {
    const index = workspace({ 'file:///x.sec': SECTION_X, 'file:///d.sec': 'Section X5.3 and Section X5.3(a)\n' });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section X5.3': 'deprecated', 'Section X5.3(a)': 'deprecated' });
  });

  it('applies deprecations from the configuration, to the target and everything within it', () => {
    const index = workspace(
      { 'file:///d.sec': 'Section X3 and Section X3.1 and Section X5\n' },
      { deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }] },
    );
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section X3': 'deprecated', 'Section X3.1': 'deprecated', 'Section X5': 'ok' });
    const resolution = index.resolve('file:///d.sec').references[0].resolution;
    assert.equal(resolution.replacement, 'Section X5');
    assert.equal(resolution.reason, 'Spent.');
  });

  it('marks external and ambiguous references', () => {
    const index = workspace({ 'file:///d.sec': 'Section 88(1) of the Energy Act 2008; Condition 22 of the DCC Licence; Clause 4.2.\n' });
    const result = index.resolve('file:///d.sec').references.map((r) => r.resolution.status);
    assert.deepEqual(result, ['external', 'external', 'ambiguous']);
  });

  it('checks document clauses against the workspace text of the document', () => {
    const index = workspace({
      'file:///ak.sec': 'Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services\n\n4 Testing\n4.1 One.\n4.2 Two.\n',
      'file:///d.sec': 'Clause 4.2 of Appendix AK, Clause 4.7 of Appendix AK and Clause 2.1 of Appendix AL\n',
    });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Appendix AK 4.2': 'ok', 'Appendix AK 4.7': 'broken', 'Appendix AL 2.1': 'unverified' });
  });

  it('resolves workspace-only targets when the catalogue is off, and cannot check the rest', () => {
    const index = workspace({ 'file:///x.sec': SECTION_X, 'file:///d.sec': 'Section X5.4, Section X5.9, Section H4 and Appendix AZ\n' }, {}, false);
    assert.deepEqual(statuses(index, 'file:///d.sec'), {
      'Section X5.4': 'ok', 'Section X5.9': 'broken', 'Section H4': 'unverified', 'Appendix AZ': 'unverified',
    });
  });

  it('resolves a modification proposal defined in the workspace or named by Version Control, and leaves others unverified', () => {
    const index = workspace({ 'file:///m.sec': 'SECMP0099: Business Continuity Notices\n\nText.\n', 'file:///d.sec': 'SECMP0099 and SECMP0045 and SECMP0098\n' });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { SECMP0099: 'ok', SECMP0045: 'ok', SECMP0098: 'unverified' });
    assert.deepEqual(index.resolve('file:///d.sec').diagnostics, [], 'a modification in progress is never a problem');
    const offline = workspace({ 'file:///d.sec': 'SECMP0045\n' }, {}, false);
    assert.deepEqual(statuses(offline, 'file:///d.sec'), { SECMP0045: 'unverified' });
  });

  it('lets inserted text define, and deleted text define nothing (citing it is a reference to deleted text)', () => {
    const index = workspace({
      'file:///x.sec': `${SECTION_X}{++X5.5 Inserted.++}\n{--X5.6 Deleted.--}\n`,
      'file:///d.sec': 'Section X5.5 and Section X5.6\n',
    });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section X5.5': 'ok', 'Section X5.6': 'deprecated' });
    assert.deepEqual(index.resolve('file:///d.sec').diagnostics.map((d) => d.code), ['reference-to-deleted']);
    assert.equal(index.definitionsOf('Section X5.6').length, 0);
  });

  it('uses configured aliases to name documents', () => {
    const index = workspace({ 'file:///d.sec': 'Clause 2.1 of the TMAD\n' }, { aliases: { TMAD: 'Appendix AL' } });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Appendix AL 2.1': 'unverified' });
  });
});

describe('containment of ids', () => {
  it('tells what is within a set of ids, by hierarchy and not by spelling', () => {
    const inClauses = withinAny(['Section H4.5', 'Section H4.9']);
    assert.deepEqual(['Section H4.5', 'Section H4.5(a)(ii)', 'Section H4.9', 'Section H4.51', 'Section H4', 'Section H4.6', null].map(inClauses),
      [true, true, true, false, false, false, false]);
    const inPart = withinAny(['Section H4']);
    assert.deepEqual(['Section H4.3', 'Section H4A', 'Section H4A.1', 'Section H'].map(inPart), [true, false, false, false]);
    const inDocuments = withinAny(['Appendix A', 'Schedule 8']);
    assert.deepEqual(['Appendix A 1.1', 'Appendix AK 4.2', 'Schedule 8 v3.2', 'Schedule 80'].map(inDocuments), [true, false, true, false]);
    assert.equal(withinAny([])('Section H4'), false);
  });
});
