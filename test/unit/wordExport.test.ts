// Export to Word: what the written document holds, read in its own XML.
import { strict as assert } from 'node:assert';
import { XMLValidator } from 'fast-xml-parser';
import { secToDocx } from '../../server/src/core/word/exportDocx';
import { layoutSec } from '../../server/src/core/word/secLayout';
import { partOf } from './wordFixtures';

const OPTIONS = { author: 'Ann Drafter', date: '2025-01-02T03:04:05Z' };
const REVISION = 'w:id="\\d+" w:author="Ann Drafter" w:date="2025-01-02T03:04:05Z"';

async function documentXml(text: string): Promise<string> {
  return partOf((await secToDocx(text, OPTIONS)).bytes, 'word/document.xml');
}

describe('Word export', () => {
  it('writes insertions, deletions and substitutions as tracked changes by the author and date given', async () => {
    const xml = await documentXml('Keep {++new++} {--old--} {~~ten~>five~~} days.\n');
    assert.match(xml, new RegExp(`<w:ins ${REVISION}><w:r><w:t xml:space="preserve">new</w:t></w:r></w:ins>`));
    assert.match(xml, new RegExp(`<w:del ${REVISION}><w:r><w:delText xml:space="preserve">old</w:delText></w:r></w:del>`));
    assert.match(xml, /<w:delText xml:space="preserve">ten<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">five<\/w:t>/);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1]);
    assert.equal(new Set(ids).size, ids.length, 'every revision has its own id');
  });

  it('turns on tracking, so that a reviewer\'s own edits are tracked too', async () => {
    const { bytes } = await secToDocx('Text.\n', OPTIONS);
    assert.match(partOf(bytes, 'word/settings.xml'), /<w:trackRevisions\/>/);
  });

  it('anchors each comment where it stands, with its lines as the comment\'s paragraphs', async () => {
    const { bytes } = await secToDocx('Before {>>first line\nsecond line<<} after.\n', OPTIONS);
    const xml = partOf(bytes, 'word/document.xml');
    assert.match(xml, /Before <\/w:t><\/w:r><w:commentRangeStart w:id="0"\/><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><w:r><w:t xml:space="preserve"> after\.<\/w:t>/);
    const comments = partOf(bytes, 'word/comments.xml');
    assert.match(comments, /<w:comment w:id="0" w:author="Ann Drafter" w:date="2025-01-02T03:04:05\.000Z">/);
    assert.deepEqual([...comments.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((match) => match[1]), ['first line', 'second line']);
  });

  it('tracks the paragraph marks and line breaks inside a change, so that accepting all joins what the draft joins', async () => {
    const deletedClause = await documentXml('H4.1 One.\n{--H4.2 Two.\n--}H4.3 Three.\n');
    assert.match(deletedClause, new RegExp(`<w:p><w:pPr><w:rPr><w:del ${REVISION}/></w:rPr></w:pPr><w:del [^>]*><w:r><w:delText xml:space="preserve">H4.2 Two.</w:delText>`));
    const insertedLine = await documentXml('H4.1 The DCC shall\n{++act\npromptly++}.\n');
    assert.match(insertedLine, new RegExp(`<w:ins ${REVISION}><w:r><w:br/></w:r></w:ins>`));
    assert.match(insertedLine, /shall<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:ins [^>]*><w:r><w:t xml:space="preserve">act</, 'the line break before the insertion is not tracked');
  });

  it('keeps headings and numbers as text, in heading styles, and indents lettered paragraphs by depth', async () => {
    const xml = await documentXml('Section H: DCC Services\n\nH4 Processing\n\nEligibility\nH4.1 The DCC shall:\n(a) one;\n(i) first;\n(ii) second; and\n(b) two.\n');
    const paragraph = (text: string): string => xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(`>${text}<`)), xml.indexOf(`>${text}<`));
    assert.match(paragraph('Section H: DCC Services'), /<w:pStyle w:val="Heading1"\/>/);
    assert.match(paragraph('H4 Processing'), /<w:pStyle w:val="Heading2"\/>/);
    assert.match(paragraph('Eligibility'), /<w:pStyle w:val="Heading3"\/>/);
    assert.doesNotMatch(paragraph('H4.1 The DCC shall:'), /<w:pStyle|<w:ind/);
    assert.match(paragraph('(a) one;'), /<w:ind w:left="720"\/>/);
    assert.match(paragraph('(ii) second; and'), /<w:ind w:left="1440"\/>/);
    assert.match(paragraph('(b) two.'), /<w:ind w:left="720"\/>/);
  });

  it('joins the reflowed lines of a unit into one paragraph and keeps blank lines as empty paragraphs', () => {
    const { paragraphs } = layoutSec('H4.1 The DCC shall act\nwithin one hour of\nSection H10.\n\n(a) next\n\n{>>A note.<<}\nH4.2 Then.\n');
    assert.deepEqual(paragraphs.map((paragraph) => paragraph.role), ['clause', 'blank', 'label', 'blank', 'text', 'clause'], 'a line with only a comment is no cross-heading');
    assert.deepEqual(paragraphs[0].inlines.filter((inline) => inline.kind === 'break').length, 2);
  });

  it('writes a valid document from text Word cannot carry, and reports it and malformed markup by line', async () => {
    const { bytes, problems } = await secToDocx('One\u0001two.\r\nThen {++unclosed.\n', OPTIONS);
    assert.equal(XMLValidator.validate(partOf(bytes, 'word/document.xml')), true);
    assert.match(partOf(bytes, 'word/document.xml'), /One\ufffdtwo\./);
    assert.deepEqual(problems.map((problem) => [problem.severity, problem.line]), [['warning', 1], ['error', 2]]);
    assert.match(problems[1].message, /Unclosed change/);
  });
});
