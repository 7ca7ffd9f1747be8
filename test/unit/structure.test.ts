import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, slice } from './fixtures';

const SECTION_H = [
  'Section H: DCC Services',
  '',
  'H4 Processing Service Requests',
  '',
  'Eligibility Generally',
  '',
  'H4.1 The DCC shall process each Service Request:',
  '(a) in the order received; and',
  '(b) subject to the following:',
  '    (i) the first limb;',
  '    (ii) the second limb, where:',
  '        (A) one thing; or',
  '        (B) another.',
  'H4.2 The DCC shall not:',
  '(a) first;',
  '(b) second;',
  '(c) third;',
  '(d) fourth;',
  '(e) fifth;',
  '(f) sixth;',
  '(g) seventh;',
  '(h) eighth; or',
  '(i) ninth.',
  'H4.3 Text of clause three.',
  'H4.3A Inserted clause.',
  'H4.4 [Not used]',
  'N4A Further Initial Enrolment Analysis',
].join('\n');

describe('document structure', () => {
  const parsed = parse(SECTION_H);
  const ids = parsed.units.map((unit) => unit.id);

  it('gives every unit its canonical id, parent and label', () => {
    assert.deepEqual(ids.slice(0, 9), [
      'Section H', 'Section H4', 'Section H4.1', 'Section H4.1(a)', 'Section H4.1(b)', 'Section H4.1(b)(i)',
      'Section H4.1(b)(ii)', 'Section H4.1(b)(ii)(A)', 'Section H4.1(b)(ii)(B)',
    ]);
    const paragraph = parsed.units.find((unit) => unit.id === 'Section H4.1(b)(ii)(A)')!;
    assert.equal(parsed.units[paragraph.parent].id, 'Section H4.1(b)(ii)');
    assert.equal(paragraph.label, '(A)');
  });

  it('tells the letter (i) after (h) from the roman (i) after (b)', () => {
    assert.ok(ids.includes('Section H4.2(i)'));
    assert.ok(!ids.includes('Section H4.2(h)(i)'));
    assert.ok(ids.includes('Section H4.1(b)(i)'));
  });

  it('reads inserted numbers, Part suffixes and not-used markers', () => {
    assert.ok(ids.includes('Section H4.3A'));
    assert.equal(parsed.units.find((unit) => unit.id === 'Section H4.4')!.notUsed, true);
    assert.equal(parsed.units.find((unit) => unit.id === 'Section H4.3')!.notUsed, false);
    // N4A is not a Part of Section H: a Part heading of another letter is text.
    assert.ok(!ids.includes('Section N4A'));
    assert.deepEqual(parse('Section N: SMETS1 Meters\nN4A Further Initial Enrolment Analysis\n').units.map((u) => u.id), ['Section N', 'Section N4A']);
  });

  it('gives headings their titles and units their full range', () => {
    const section = parsed.units[0];
    assert.equal(section.title, 'DCC Services');
    const clause = parsed.units.find((unit) => unit.id === 'Section H4.1')!;
    assert.ok(slice(SECTION_H, clause).startsWith('H4.1 The DCC shall'));
    assert.ok(slice(SECTION_H, clause).endsWith('(B) another.'));
    assert.equal(section.end, SECTION_H.length);
  });

  it('attaches a cross-heading to the clause that follows it', () => {
    const clause = parsed.units.find((unit) => unit.id === 'Section H4.1')!;
    assert.equal(clause.crossHeading?.text, 'Eligibility Generally');
    assert.equal(slice(SECTION_H, clause.crossHeading!), 'Eligibility Generally');
    assert.ok(clause.crossHeading!.end < clause.start);
  });

  it('reads the three Section heading styles', () => {
    for (const heading of ['Section H: DCC Services', 'SECTION H – DCC SERVICES', 'Section H - DCC Services']) {
      const units = parse(`${heading}\nH1 User Entry Process\n`).units;
      assert.deepEqual(units.map((unit) => unit.id), ['Section H', 'Section H1'], heading);
    }
  });

  it('reads Schedules with versions, Appendices and their numbered clauses', () => {
    const text = 'Schedule 8: Great Britain Companion Specification Version 3.2\n\n1 Introduction\n1.1 Scope.\n\nAppendix AK: SEC Variation Testing Approach Document for SMETS1 Services\n\n4 Testing\n4.1 First.\n4.2 Second:\n(a) limb.\n4.2.1 Detail.\n';
    const units = parse(text).units;
    assert.deepEqual(units.map((unit) => unit.id), [
      'Schedule 8 v3.2', 'Schedule 8 1', 'Schedule 8 1.1', 'Appendix AK', 'Appendix AK 4', 'Appendix AK 4.1',
      'Appendix AK 4.2', 'Appendix AK 4.2(a)', 'Appendix AK 4.2.1',
    ]);
    assert.equal(units[0].title, 'Great Britain Companion Specification');
    const detail = units[units.length - 1];
    assert.equal(units[detail.parent].id, 'Appendix AK 4.2');
  });

  it('reads defined terms', () => {
    const terms = parse('A1.1 In this Code:\n"Alt HAN Forum" means the forum;\n“DCC” has the meaning given in the DCC Licence.\nthe body (the "Panel") shall').definitions;
    assert.deepEqual(terms.map((term) => term.term), ['Alt HAN Forum', 'DCC', 'Panel']);
  });

  it('defines nothing inside a table of contents, and resumes after it', () => {
    const text = 'CONTENTS\n\nSection H: DCC Services\nH1 User Entry Process\nH4 Processing Service Requests\n\nSection H: DCC Services\nH1 User Entry Process\nH1.1 Text.\n';
    const units = parse(text).units;
    assert.deepEqual(units.map((unit) => unit.id), ['Section H', 'Section H1', 'Section H1.1']);
    assert.ok(units[0].start > text.indexOf('H4 Processing'));
  });

  it('ends a document\'s own table of contents where its entries end, so that its body cites again', () => {
    // A Subsidiary Document numbers its own body 1, 1.1 after its contents, with no SEC heading to end them.
    const contents = 'Table of Contents\n\n1 Introduction 3\n2 Definitions 4\n2.1 Interpretation 4\nSchedules:\n3 Obligations of Users\n\n';
    const body = '1 Introduction\n\n1.1 This document supplements Section H9.3\nand Sections H9.1 and H9.2.\n';
    const repeated = parse(contents + body);
    assert.deepEqual(repeated.contents.map((region) => region.end), [contents.length], 'the first entry numbered again starts the body');
    assert.deepEqual(repeated.references.map((reference) => reference.target), ['Section H9.3', 'Section H9.1', 'Section H9.2']);
    // A sentence is no entry, nor is a line introducing a list; a group's short label is one.
    for (const first of ['The DCC shall publish it within 5 days.', 'Users shall comply with each of the following:', 'They apply to each Party;']) {
      const text = `${contents}${first}\nSee Section H9.3.\n`;
      assert.deepEqual(parse(text).contents.map((region) => region.end), [contents.length], first);
      assert.deepEqual(parse(text).references.map((reference) => reference.target), ['Section H9.3'], first);
    }
    assert.deepEqual(parse('CONTENTS\nIntroduction ......\nAppendices:\nAppendix AK: Testing\n').contents.map((region) => region.end), [62]);
  });

  it('does not take a reflowed citation for a clause definition', () => {
    const units = parse('Section H: DCC Services\nH1 Entry\nH1.1 The DCC shall comply with Section\nH1.2 as amended.\n').units;
    assert.deepEqual(units.map((unit) => unit.id), ['Section H', 'Section H1', 'Section H1.1']);
  });

  it('never throws, and every range lies inside the text', () => {
    const alphabet = fc.constantFrom('Section ', 'H4', '.1', '(a)', '(i)', '\n', ' ', 'Appendix AK: ', '4.2', '{++', '++}', '{--', ':', '–', 'CONTENTS', 'x', '"', 'SECMP', '0045', 'Clause ', ' of ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const document = parse(text);
        for (const item of [...document.units, ...document.references, ...document.diagnostics]) {
          assert.ok(item.start >= 0 && item.end <= text.length && item.start <= item.end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parses in linear time', () => {
    const block = `${SECTION_H}\nSee Sections H1, H2 and H3.22 and Section 88(1) of the Energy Act 2008.\n`;
    const time = (copies: number): number => {
      const text = block.repeat(copies);
      const started = process.hrtime.bigint();
      parse(text);
      return Number(process.hrtime.bigint() - started);
    };
    time(200);
    const small = Math.min(time(500), time(500));
    const large = Math.min(time(4000), time(4000));
    // 8x the text must take far less than 64x the time (quadratic); allow noise up to 24x.
    assert.ok(large < small * 24, `500 copies: ${small} ns, 4000 copies: ${large} ns`);
  });

  it('warns of duplicate numbers in linear time: a Section pasted twice', () => {
    // Parts of 100 clauses, 90 Parts to a Section (a clause number has three digits at most, a Part's two).
    const sections = (parts: number) => {
      const lines: string[] = [];
      for (let part = 0; part < parts; part++) {
        const [letter, number] = ['ABCDEFGH'[Math.floor(part / 90)], (part % 90) + 1];
        if (number === 1) lines.push(`Section ${letter}: Services`);
        lines.push(`${letter}${number} Processing Service Requests`);
        for (let i = 1; i <= 100; i++) lines.push(`${letter}${number}.${i} The DCC shall process each request.`);
      }
      return lines.join('\n');
    };
    const time = (parts: number): number => {
      const text = `${sections(parts)}\n${sections(parts)}`;
      const started = process.hrtime.bigint();
      const duplicates = parse(text).diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-number').length;
      const elapsed = Number(process.hrtime.bigint() - started);
      assert.equal(duplicates, Math.ceil(parts / 90) + parts * 101, 'every Section, Part and clause defined twice');
      return elapsed;
    };
    time(160);
    const small = Math.min(time(20), time(20), time(20));
    const large = Math.min(time(160), time(160), time(160));
    // 8x the text must take far less than 64x the time (quadratic); allow noise up to 24x.
    assert.ok(large < small * 24, `2,000 clauses twice: ${small} ns, 16,000 clauses twice: ${large} ns`);
  });
});

describe('line breaks', () => {
  it('reads a lone carriage return as a line break, as editors count lines, with every offset the text\'s own', () => {
    const lf = 'Section H: DCC Services\nH4 Processing Service Requests\nH4.1 See Section X5.4.\nH4.2 Second.\n';
    for (const breaks of ['\r', '\r\n']) {
      const text = lf.replace(/\n/g, breaks);
      const parsed = parse(text);
      assert.equal(parsed.text, text);
      assert.deepEqual(parsed.units.map((unit) => [unit.id, text.slice(unit.labelStart, unit.labelEnd)]),
        parse(lf).units.map((unit) => [unit.id, lf.slice(unit.labelStart, unit.labelEnd)]), JSON.stringify(breaks));
      assert.deepEqual(parsed.references.map((reference) => text.slice(reference.start, reference.end)), ['Section X5.4']);
    }
  });
});
