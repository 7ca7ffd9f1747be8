// The exported Word documents read by an independent reader, pandoc: every insertion, deletion
// and comment is there, by its author and date, and accepting or rejecting all changes gives the
// amended or the original text. And a document pandoc writes, with tracked changes and list
// numbering, imports as the .sec file it reads as.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeSegments, scanChanges } from '../../server/src/core/text/criticMarkup';
import { secToDocx } from '../../server/src/core/word/exportDocx';
import { docxToSec } from '../../server/src/core/word/importDocx';
import { amended, original } from './wordFixtures';
import { pandoc, requirePandoc } from './wordTools';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'word');
const REVISION = { author: 'Ann Drafter', date: '2025-06-07T08:09:10Z' };

interface PandocSpan {
  classes: string[];
  attributes: Record<string, string>;
  text: string;
}

/** The text of pandoc inlines: words, spaces and breaks. */
function inlineText(node: unknown): string {
  if (Array.isArray(node)) return node.map(inlineText).join('');
  if (typeof node !== 'object' || node === null) return '';
  const { t, c } = node as { t?: string; c?: unknown };
  if (t === 'Str') return c as string;
  if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') return ' ';
  return inlineText(c);
}

function spansOf(node: unknown, spans: PandocSpan[] = []): PandocSpan[] {
  if (Array.isArray(node)) node.forEach((child) => spansOf(child, spans));
  else if (typeof node === 'object' && node !== null) {
    const { t, c } = node as { t?: string; c?: unknown };
    if (t === 'Span') {
      const [[, classes, attributes], content] = c as [[string, string[], Array<[string, string]>], unknown];
      spans.push({ classes, attributes: Object.fromEntries(attributes), text: inlineText(content) });
    }
    Object.values(node).forEach((child) => spansOf(child, spans));
  }
  return spans;
}

/** Text compared character by character: pandoc and Word lay out whitespace each their own way. */
const visible = (text: string): string => text.replace(/\s+/g, '');

describe('Word export read by pandoc', () => {
  let folder: string;
  before(function () {
    requirePandoc(this);
    folder = mkdtempSync(join(tmpdir(), 'secls-word-'));
  });
  after(() => folder && rmSync(folder, { recursive: true, force: true }));

  const drafts = { 'the sample amendment': join(ROOT, 'examples', 'amendments', 'secmp0099-draft.sec'), 'a draft with changes over lines': join(FIXTURES, 'tracked-draft.sec') };
  for (const [name, path] of Object.entries(drafts)) {
    it(`finds every insertion, deletion and comment of ${name}, by its author and date`, async () => {
      const text = readFileSync(path, 'utf8');
      const docx = join(folder, 'draft.docx');
      writeFileSync(docx, (await secToDocx(text, REVISION)).bytes);
      const spans = spansOf(JSON.parse(pandoc(['--track-changes=all', docx, '-t', 'json'])));
      const segments = changeSegments(text, scanChanges(text).spans);
      for (const kind of ['insertion', 'deletion'] as const) {
        const found = spans.filter((span) => span.classes.includes(kind));
        assert.ok(found.length >= segments.filter((segment) => segment.kind === kind).length, `every ${kind} is a tracked change`);
        for (const span of found) assert.deepEqual([span.attributes.author, span.attributes.date], [REVISION.author, REVISION.date]);
        const expected = segments.filter((segment) => segment.kind === kind).map((segment) => segment.text);
        assert.equal(visible(found.map((span) => span.text).join('')), visible(expected.join('')), `the ${kind}s' text, in order`);
      }
      const comments = spans.filter((span) => span.classes.includes('comment-start'));
      // pandoc flattens a comment of several paragraphs into one, marking each break with ¶.
      assert.deepEqual(comments.map((span) => visible(span.text.replace(/¶/g, ' '))), segments.filter((segment) => segment.kind === 'comment').map((segment) => visible(segment.text)));
      for (const comment of comments) assert.equal(comment.attributes.author, REVISION.author);
    });

    it(`gives the amended text of ${name} when every change is accepted, and the original when every one is rejected`, async () => {
      const text = readFileSync(path, 'utf8');
      const docx = join(folder, 'draft.docx');
      writeFileSync(docx, (await secToDocx(text, REVISION)).bytes);
      assert.equal(visible(pandoc(['--track-changes=accept', docx, '-t', 'plain'])), visible(amended(text)));
      assert.equal(visible(pandoc(['--track-changes=reject', docx, '-t', 'plain'])), visible(original(text)));
    });
  }

  it('imports a document pandoc wrote, with tracked changes, a comment and list numbering, as the .sec it reads as', () => {
    const docx = join(folder, 'reviewed.docx');
    pandoc([join(FIXTURES, 'reviewed.md'), '-o', docx]);
    const { text, problems } = docxToSec(readFileSync(docx), { author: 'Ann Reviewer' });
    assert.deepEqual(problems, []);
    assert.equal(text, readFileSync(join(FIXTURES, 'reviewed.expected.sec'), 'utf8'));
  });
});
