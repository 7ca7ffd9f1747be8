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
    // SECAS's current numbering: an alternative solution carries a letter; the number is kept as written.
    assert.deepEqual(targets('MP106, MP 122A, MP084, SEC Modification Proposal 122A and Modification Proposal MP201'),
      ['MP106', 'MP122A', 'MP084', 'MP122A', 'MP201']);
    assert.deepEqual(targets('AMP106, MP12AB, MP1A2, the MP for Derby, Modification Proposals are raised'), []);
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

describe('reference forms in pasted real-world text', () => {
  it('does not read a document\'s version label as a bare clause id', () => {
    // Only Section letters start SEC ids, and an id right after a capitalised name is that name's version.
    assert.deepEqual(targets('the Onboarding Requirements V16.0, the Interface Matrix V12.4 and a Consultation V1.0'), []);
    assert.deepEqual(targets('the Message Catalogue T2.1 and the Appendix Register H1.4'), []);
    // Bare ids in prose stay clauses.
    assert.deepEqual(targets('the obligations in H14.36 and in Section H4 and H4.3; In H5.2 likewise'), ['Section H14.36', 'Section H4', 'Section H4.3', 'Section H5.2']);
    // A sentence's first word is no name, even after a clause label ending in a capital.
    assert.deepEqual(targets('Text.\nH8.4A Notwithstanding C19.7, each Party acts.'), ['Section C19.7']);
    // "Section V16.0" is still cited as written: the keyword makes it one.
    assert.deepEqual(targets('under Section V16.0'), ['Section V16.0']);
  });

  it('reads a space pasted between a Section letter and its clause number, and ranges of Parts', () => {
    assert.deepEqual(targets('See Section K 4.1 and SEC Section X5.4.'), ['Section K4.1', 'Section X5.4']);
    assert.deepEqual(targets('a Section X 5 times'), ['Section X']);
    assert.deepEqual(targets('Sections F7 to F9 apply.'), ['Section F7', 'Section F8', 'Section F9']);
  });

  it('cites each paragraph of "paragraphs (a) and (b) of Section H4.3", and leaves "paragraph (b) above" alone', () => {
    assert.deepEqual(targets('as paragraphs (a) and (b) of Section H4.3 say'), ['Section H4.3(a)', 'Section H4.3(b)']);
    assert.deepEqual(targets('under paragraphs (a), (c)(ii) or (d) of H4.3'), ['Section H4.3(a)', 'Section H4.3(c)(ii)', 'Section H4.3(d)']);
    assert.deepEqual(targets('paragraph (a) of SEC Section X5.4'), ['Section X5.4(a)']);
    assert.deepEqual(targets('paragraph (b) above applies'), []);
    const [first, last] = parse('paragraphs (a) and (b) of Section H4.3.').references;
    assert.deepEqual([first.text, last.text], ['paragraphs (a)', '(b) of Section H4.3']);
  });

  it('carries the one document named just before a clause number that names none', () => {
    const text = 'Formats are set by the DCC User Interface Specification.\nEach User shall follow clause 3.6.3 when it sends one.\n';
    const reference = parse(text).references.find((found) => found.text === 'clause 3.6.3')!;
    assert.deepEqual([reference.target, reference.documentNamedBefore], ['Appendix AD 3.6.3', true]);
    // Two documents named before: no guess.
    assert.deepEqual(targets('Both the GBCS and the DCC User Interface Specification apply. See clause 3.6.3.').slice(-1), [null]);
    // Named two sentences (and a paragraph) earlier: too far to carry.
    assert.deepEqual(targets('The DCC User Interface Specification applies.\n\nThe DCC acts. Users act. See clause 3.6.3.').slice(-1), [null]);
    // Named earlier in the same paragraph: carried.
    assert.deepEqual(targets('\n\nThe GBCS applies. Users act. Then see clause 4.2.').slice(-1), ['Schedule 8 4.2']);
  });
});
