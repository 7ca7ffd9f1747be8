// Import from Word: tracked changes, comments and list numbering as a .sec file reads them, and
// documents refused whole.
import { strict as assert } from 'node:assert';
import { Document, InsertedTextRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { docxToSec } from '../../server/src/core/word/importDocx';
import { WordFormatError } from '../../server/src/core/word/wordModel';
import { amended, by, del, docxFrom, ins, listItem, original, p, withDeclaredSize } from './wordFixtures';

const imported = (parts: Parameters<typeof docxFrom>[0], author?: string): string => docxToSec(docxFrom(parts), { author }).text;

/** Levels of an abstract list: `[format, text, start]` per level. */
function abstractList(id: number, levels: Array<[string, string, number?]>, extra = ''): string {
  const lvl = levels.map(([format, text, start = 1], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`);
  return `<w:abstractNum w:abstractNumId="${id}">${lvl.join('')}${extra}</w:abstractNum>`;
}
const instance = (numId: number, abstractId: number, overrides = ''): string => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const CLAUSES = abstractList(1, [['decimal', 'H4.%1'], ['lowerLetter', '(%2)'], ['lowerRoman', '(%3)'], ['upperLetter', '(%4)']]);

describe('Word import', () => {
  it('reads a document without tracked changes as plain text, a line per paragraph', () => {
    assert.equal(imported({ body: p('Section H: DCC Services') + '<w:p/>' + p('H4.1 The DCC shall act.') }), 'Section H: DCC Services\n\nH4.1 The DCC shall act.\n');
  });

  it('turns tracked insertions, deletions and a deletion followed by an insertion into CriticMarkup', () => {
    const text = imported({ body: p(`<w:r><w:t xml:space="preserve">Notify </w:t></w:r>${ins('promptly ')}${del('Users')}${ins('each User')}<w:r><w:t>.</w:t></w:r>${del(' Done')}`) });
    assert.equal(text, 'Notify {++promptly ++}{~~Users~>each User~~}.{-- Done--}\n');
  });

  it('merges one change that Word split into several runs and paragraphs', () => {
    const markDeleted = `<w:rPr><w:del ${by}/></w:rPr>`;
    const text = imported({ body: p(`<w:r><w:t>A </w:t></w:r>${del('first')}`, markDeleted) + p(del('second'), markDeleted) + p(`${del('third')}<w:r><w:t xml:space="preserve"> B</w:t></w:r>`) });
    assert.equal(text, 'A {--first\nsecond\nthird--} B\n');
  });

  it('keeps tabs and line breaks, leaves out hidden text and text inserted and then deleted', () => {
    const hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>';
    const insertedThenDeleted = `<w:ins ${by}><w:del ${by}><w:r><w:delText>gone</w:delText></w:r></w:del></w:ins>`;
    const body = p(`<w:r><w:t>(a)</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t></w:r>${hidden}${insertedThenDeleted}`);
    assert.equal(imported({ body }), '(a)\tone\ntwo\n');
  });

  it('reads a table row by row, a tab between cells', () => {
    const cell = (text: string): string => `<w:tc>${p(text)}</w:tc>`;
    const body = `<w:tbl><w:tr>${cell('Widget')}${cell('means a small device.')}</w:tr><w:tr>${cell('Owner')}${cell('means its keeper.')}</w:tr></w:tbl>`;
    assert.equal(imported({ body }), 'Widget\tmeans a small device.\nOwner\tmeans its keeper.\n');
  });

  it('places comments at their reference, naming any author other than the importer', () => {
    const reference = (id: number): string => `<w:commentRangeStart w:id="${id}"/><w:r><w:t>text</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    const comment = (id: number, author: string, lines: string[]): string =>
      `<w:comment w:id="${id}" w:author="${author}" w:date="2025-04-02T10:30:00Z">${lines.map((line) => p(line)).join('')}</w:comment>`;
    const parts = {
      body: p(`${reference(0)}<w:r><w:t xml:space="preserve"> and </w:t></w:r>${reference(1)}`),
      comments: comment(0, 'Ben Checker', ['Why?', 'Say more.']) + comment(1, 'Ann Drafter', ['Agreed.']),
    };
    assert.equal(imported(parts, 'Ann Drafter'), 'text{>>Ben Checker: Why?\nSay more.<<} and text{>>Agreed.<<}\n');
  });

  it('anchors a comment without a reference mark at the end of its range', () => {
    const body = p('<w:commentRangeStart w:id="3"/><w:r><w:t>noted</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:t xml:space="preserve"> here</w:t></w:r>');
    assert.equal(imported({ body, comments: `<w:comment w:id="3" w:author="">${p('Check.')}</w:comment>` }), 'noted{>>Check.<<} here\n');
  });
});

describe('Word import: list numbering', () => {
  it('writes clause and paragraph numbers as literal labels, nested levels restarting under their parent', () => {
    const item = (level: number, text: string): string => p(text, listItem(1, level));
    const body = [item(0, 'One.'), item(1, 'first;'), item(2, 'sub;'), item(2, 'sub;'), item(3, 'deep;'), item(1, 'second.'), item(0, 'Two.'), item(1, 'again.')].join('');
    assert.equal(
      imported({ body, numbering: CLAUSES + instance(1, 1) }),
      'H4.1 One.\n(a) first;\n(i) sub;\n(ii) sub;\n(A) deep;\n(b) second.\nH4.2 Two.\n(a) again.\n',
    );
  });

  it('honours start values, multi-level texts, legal numbering, letters past z and the no-space suffix', () => {
    const levels = abstractList(2, [['decimal', '%1', 4], ['decimal', '%1.%2'], ['lowerLetter', '(%3)', 26]]);
    const legal = abstractList(3, [['upperRoman', '%1'], ['decimal', '%1.%2']], '').replace('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="1"><w:isLgl/><w:suff w:val="nothing"/>');
    const body = [p('Scope', listItem(2, 0)), p('A.', listItem(2, 1)), p('B.', listItem(2, 1)), p('z', listItem(2, 2)), p('aa', listItem(2, 2)), p('Part', listItem(3, 0)), p('x', listItem(3, 1))].join('');
    assert.equal(imported({ body, numbering: levels + legal + instance(2, 2) + instance(3, 3) }), '4 Scope\n4.1 A.\n4.2 B.\n(z) z\n(aa) aa\nI Part\n1.1x\n');
  });

  it('continues a list across instances of one abstract list, restarting a level only where an instance overrides its start', () => {
    const restart = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>';
    const numbering = CLAUSES + instance(1, 1) + instance(2, 1) + instance(3, 1, restart);
    const body = [p('A', listItem(1, 0)), p('a', listItem(1, 1)), p('b', listItem(2, 1)), p('B', listItem(2, 0)), p('a', listItem(2, 1)), p('b', listItem(2, 1)), p('a again', listItem(3, 1)), p('C', listItem(1, 0))].join('');
    assert.equal(imported({ body, numbering }), 'H4.1 A\n(a) a\n(b) b\nH4.2 B\n(a) a\n(b) b\n(a) a again\nH4.3 C\n');
  });

  it('numbers paragraphs whose style carries the list, through the styles it is based on', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Clause"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ClauseText"><w:basedOn w:val="Clause"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Para"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const body = [p('One.', '<w:pStyle w:val="ClauseText"/>'), p('item', '<w:pStyle w:val="Para"/>'), p('Not numbered.', '<w:pStyle w:val="Para"/><w:numPr><w:numId w:val="0"/></w:numPr>')].join('');
    assert.equal(imported({ body, styles, numbering: CLAUSES + instance(1, 1) }), 'H4.1 One.\n(a) item\nNot numbered.\n');
  });

  it('renumbers the clauses after an inserted one as substitutions, so both readings number as Word shows them', () => {
    // Enter pressed at the end of H4.1 and a clause typed: the new mark is H4.1's, the typed text the next paragraph's.
    const insertedMark = `<w:rPr><w:ins ${by}/></w:rPr>`;
    const body = p('One.', listItem(1, 0) + insertedMark) + p(ins('New.'), listItem(1, 0)) + p('Two.', listItem(1, 0));
    const text = imported({ body, numbering: CLAUSES + instance(1, 1) });
    assert.equal(text, 'H4.1 One.{++\nH4.2 New.++}\n{~~H4.2~>H4.3~~} Two.\n');
    assert.equal(original(text), 'H4.1 One.\nH4.2 Two.\n');
    assert.equal(amended(text), 'H4.1 One.\nH4.2 New.\nH4.3 Two.\n');
  });

  it('takes a deleted clause\'s number out of the amended reading and renumbers the rest', () => {
    const deletedMark = `<w:rPr><w:del ${by}/></w:rPr>`;
    const body = p('One.', listItem(1, 0)) + p(del('Two.'), listItem(1, 0) + deletedMark) + p('Three.', listItem(1, 0));
    const text = imported({ body, numbering: CLAUSES + instance(1, 1) });
    assert.equal(original(text), 'H4.1 One.\nH4.2 Two.\nH4.3 Three.\n');
    assert.equal(amended(text), 'H4.1 One.\nH4.2 Three.\n');
  });

  it('numbers a paragraph put into a list as a tracked change only in the amended reading', () => {
    const change = `<w:pPrChange ${by}><w:pPr/></w:pPrChange>`;
    const text = imported({ body: p('One.', listItem(1, 0)) + p('Two.', listItem(1, 0) + change), numbering: CLAUSES + instance(1, 1) });
    assert.equal(text, 'H4.1 One.\n{++H4.2 ++}Two.\n');
  });

  it('reads the numbering of a document written by the docx library, as Word would show it', async () => {
    const document = new Document({
      numbering: {
        config: [{ reference: 'clauses', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'X5.%1', start: 3 }, { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)' }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ numbering: { reference: 'clauses', level: 0 }, children: [new TextRun('Three.')] }),
            new Paragraph({ numbering: { reference: 'clauses', level: 1 }, children: [new TextRun('one')] }),
            new Paragraph({
              numbering: { reference: 'clauses', level: 1 },
              children: [new InsertedTextRun({ text: 'two', id: 1, author: 'Ann', date: '2025-01-01T00:00:00Z' })],
              run: { insertion: { id: 2, author: 'Ann', date: '2025-01-01T00:00:00Z' } },
            }),
            new Paragraph({ numbering: { reference: 'clauses', level: 0 }, children: [new TextRun('Four.')] }),
          ],
        },
      ],
    });
    const { text } = docxToSec(new Uint8Array(await Packer.toArrayBuffer(document)));
    assert.equal(amended(text), 'X5.3 Three.\n(a) one\n(b) two\nX5.4 Four.\n');
    assert.equal(original(text), 'X5.3 Three.\n(a) one\nX5.4 Four.\n');
  });
});

describe('Word import: refused documents', () => {
  const refused = (bytes: Uint8Array, message: RegExp): void => {
    assert.throws(() => docxToSec(bytes), (error: unknown) => error instanceof WordFormatError && message.test(error.message));
  };

  it('refuses what is not a .docx, naming what it is', () => {
    refused(strToU8('Section H: plain text'), /not a Word document: a \.docx file is a zip archive/);
    refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Word 97-2003 \.doc file or a password-protected document/);
    refused(zipSync({ 'notes.txt': strToU8('hello') }), /names no main document/);
  });

  it('refuses a damaged archive or a damaged part', () => {
    const whole = docxFrom({ body: p('Text.') });
    refused(whole.slice(0, whole.length - 30), /zip archive is damaged/);
    const damaged = docxFrom({ body: '<w:p><w:r><w:t>open</w:r></w:p>' });
    refused(damaged, /word\/document\.xml is not well-formed XML \(line 1: /);
  });

  it('refuses a document whose parts unpack to more than 64 MB, before unpacking them', () => {
    const bomb = docxFrom({ body: p('x'.repeat(65 * 1024 * 1024)) });
    assert.ok(bomb.length < 1024 * 1024, 'the test document is a small file');
    const before = process.memoryUsage().arrayBuffers;
    refused(bomb, /too large: its text parts unpack to more than 64 MB/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 16 * 1024 * 1024, 'nothing near the unpacked size was allocated');
  });

  it('does not trust a declared size: a part larger than it says is cut there and refused as damaged', () => {
    refused(withDeclaredSize(docxFrom({ body: p('y'.repeat(1024 * 1024)) }), 'word/document.xml', 100), /word\/document\.xml is not well-formed XML/);
  });
});
