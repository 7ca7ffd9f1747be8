import { strict as assert } from 'node:assert';
import { parse, targets } from './fixtures';

describe('reference forms', () => {
  it('finds single ids at every level', () => {
    assert.deepEqual(targets('See Section X5.4 and SEC Section H3.22(a)(ii).'), ['Section X5.4', 'Section H3.22(a)(ii)']);
    assert.deepEqual(targets('a new Section N4A is inserted before Section Z.'), ['Section N4A', 'Section Z']);
    assert.deepEqual(targets('as set out in Section H4.3A'), ['Section H4.3A']);
  });

  it('gives one reference per member of a list sharing one keyword', () => {
    assert.deepEqual(targets('Commencement of Sections G2, G4 and G6.11'), ['Section G2', 'Section G4', 'Section G6.11']);
    assert.deepEqual(targets('under SEC Sections E2.1, E3, and E4'), ['Section E2.1', 'Section E3', 'Section E4']);
    assert.deepEqual(targets('Consequential edits to Sections C and M for'), ['Section C', 'Section M']);
    assert.deepEqual(targets('SEC Appendices C, E and F replaced'), ['Appendix C', 'Appendix E', 'Appendix F']);
  });

  it('stops a list at a citation of another kind', () => {
    const refs = parse('as required by SEC Section M8.2, M9, M10 and Condition 13 of the DCC Licence').references;
    assert.deepEqual(refs.map((r) => r.target), ['Section M8.2', 'Section M9', 'Section M10', null]);
    assert.equal(refs[3].kind, 'external');
    assert.equal(refs[3].text, 'Condition 13 of the DCC Licence');
  });

  it('expands ranges written with "to" or a dash, marking the members between the ends', () => {
    assert.deepEqual(targets('Changes made to SEC Section G3.7 to G3.8.'), ['Section G3.7', 'Section G3.8']);
    const refs = parse('apply Section G12.8-G12.12 (Monitoring Arrangements)').references;
    assert.deepEqual(refs.map((r) => r.target), [
      'Section G12.8', 'Section G12.9', 'Section G12.10', 'Section G12.11', 'Section G12.12',
    ]);
    assert.deepEqual(refs.map((r) => Boolean(r.viaRange)), [false, true, true, true, false]);
  });

  it('reads bare ids in a bulleted list after "SEC Sections:" and bare clause ids in prose', () => {
    const text = 'Bringing into force SEC Sections:\n• E4 (Data Sharing Review\n\nArrangements)\n• G5 (Information Security), but\n\nexcluding G5.19\n• G12.8-G12.12 (Monitoring\n\nArrangements)\n';
    assert.deepEqual(targets(text), [
      'Section E4', 'Section G5', 'Section G5.19', 'Section G12.8', 'Section G12.9', 'Section G12.10', 'Section G12.11', 'Section G12.12',
    ]);
    assert.deepEqual(targets('Two further SEC Schedules:\n• A1 is not a section here'), []);
  });

  it('finds references split over a line break', () => {
    assert.deepEqual(targets('directed pursuant to SEC\nSection X5.\n'), ['Section X5']);
    assert.deepEqual(targets('Changes to Appendix D and Appendix\nR for'), ['Appendix D', 'Appendix R']);
    assert.deepEqual(targets('Schedule 7 Version 2.4 and Schedule 12\nVersion 1.1 and'), ['Schedule 7 v2.4', 'Schedule 12 v1.1']);
    assert.deepEqual(targets('SEC Section L3.2, L5,\nL7 and Condition 8'), ['Section L3.2', 'Section L5', 'Section L7', null]);
  });

  it('reads versions of Schedules and Appendices in every written form', () => {
    assert.deepEqual(targets('Adoption of SEC Schedule 6 Version 2.4,'), ['Schedule 6 v2.4']);
    assert.deepEqual(targets('• Schedule 8 – GBCS v3.0\n• Schedule 9 – SMETS1 v1.2\n• Appendix AD – DUIS v2.0'),
      ['Schedule 8 v3.0', 'Schedule 9 v1.2', 'Appendix AD v2.0']);
    assert.deepEqual(targets('Appendix AD v3.0 and Appendix AF Version 2.0'), ['Appendix AD v3.0', 'Appendix AF v2.0']);
  });

  it('records titles in brackets, after a dash, after a colon and in quotes', () => {
    const refs = parse("Section H3 (DCC User Interface); Section Z - Alt HAN\nArrangements; Appendix R:\nCommon Test Scenarios Document; Appendix AK 'SEC Variation Testing Approach Document for SMETS1 Services'").references;
    assert.deepEqual(refs.map((r) => [r.target, r.title?.kind, r.title?.raw.replace(/\s+/g, ' ').trim()]), [
      ['Section H3', 'bracket', 'DCC User Interface'],
      ['Section Z', 'dash', 'Alt HAN Arrangements'],
      ['Appendix R', 'dash', 'Common Test Scenarios Document'],
      ['Appendix AK', 'quote', 'SEC Variation Testing Approach Document for SMETS1 Services'],
    ]);
  });

  it('resolves a clause of a document named by its title, abbreviation or id', () => {
    const text = 'as provided in\nClause 5.3 of the SEC Variation\nTesting Approach Document for\nSMETS1 Services (SMETS1 SVTAD).';
    const refs = parse(text).references;
    assert.equal(refs.length, 1);
    assert.equal(refs[0].target, 'Appendix AK 5.3');
    assert.equal(refs[0].text, 'Clause 5.3 of the SEC Variation Testing Approach Document for SMETS1 Services');
    assert.deepEqual(targets('Clause 5.3 of the SEC Variation Testing Approach Document'), ['Appendix AJ 5.3']);
    assert.deepEqual(targets('Clause 3.1 of the DUIS and Clause 4.2 of Appendix AK'), ['Appendix AD 3.1', 'Appendix AK 4.2']);
    assert.deepEqual(targets('as Appendix AK 4.2(a) says'), ['Appendix AK 4.2(a)']);
  });

  it('uses the enclosing document for an unqualified clause, and marks it ambiguous elsewhere', () => {
    assert.deepEqual(targets('Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services\n\n1.1 As set out in Clause 4.2, the DCC\n'),
      ['Appendix AK 4.2']);
    const refs = parse('The DCC shall comply with Clause 4.2.').references;
    assert.equal(refs[0].kind, 'ambiguous');
    assert.equal(refs[0].target, null);
  });

  it('reads modification proposals with or without a space', () => {
    assert.deepEqual(targets('pursuant to SECMP 0001 and SECMP0045'), ['SECMP0001', 'SECMP0045']);
  });

  it('treats numbered Sections, Conditions and clauses of other instruments as external', () => {
    const refs = parse('made under Section 88 (1) and 89 of\nthe Energy Act 2008, and section 88(1) of the Energy Act 2008; Condition 22.27 of the DCC\nLicence.').references;
    assert.ok(refs.every((r) => r.kind === 'external' && r.target === null));
    assert.deepEqual(refs.map((r) => r.text), [
      'Section 88 (1)', '89 of the Energy Act 2008', 'section 88(1) of the Energy Act 2008', 'Condition 22.27 of the DCC Licence',
    ]);
    assert.equal(refs[1].instrument, 'Energy Act 2008');
  });

  it('does not take prose or versions for references', () => {
    assert.deepEqual(targets('SEC2 edits touching sections of SEC now in effect'), []);
    assert.deepEqual(targets('SEC4.2 amendments; changes to SEC version 3.1 as agreed'), []);
    assert.deepEqual(targets('this section applies; schedules of charges; Table A1.2 and version 3.2'), []);
  });

  it('does not read a clause label at the start of a line as a citation', () => {
    assert.deepEqual(targets('Section H: DCC Services\nH4 Processing\nH4.1 The DCC shall comply with Section H4.2.\n'), ['Section H4.2']);
  });

  it('ignores references in deleted text and in a table of contents', () => {
    assert.deepEqual(targets('See {--Section H4.2--}{++Section H4.3++}.'), ['Section H4.3']);
    assert.deepEqual(targets('CONTENTS\n\nSection A: Definitions and Interpretation\nA1 Definitions\n'), []);
  });
});
