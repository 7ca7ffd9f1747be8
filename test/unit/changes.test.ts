// Tracked changes (CriticMarkup) across the engine: views, deletions, insertions, apply, redline.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { acceptChanges, afterView, beforeView, scanChanges } from '../../server/src/core/text/criticMarkup';
import { redlineDocument } from '../../server/src/core/text/redline';
import { hover } from '../../server/src/features/hover';
import { statuses, workspace } from './fixtures';

const BASE = 'Section X: Transition\nX5 Incorporation\nX5.1 One.\nX5.2 Two.\nX5.3 Three.\nX5.4 Four.\n';

describe('tracked changes', () => {
  it('computes both readings with the offsets of the source', () => {
    const text = 'a {++b++} {--c--} {~~d~>e~~} {>>note<<} f';
    const { spans } = scanChanges(text);
    assert.equal(afterView(text, spans).length, text.length);
    assert.equal(afterView(text, spans).replace(/\s+/g, ' '), 'a b e f');
    assert.equal(beforeView(text, spans).replace(/\s+/g, ' '), 'a c d f');
    assert.equal(acceptChanges(text, spans), 'a b  e  f');
  });

  it('turns citations of a clause deleted by an amendment into reference-to-deleted, naming the file', () => {
    const index = workspace({
      'file:///x.sec': BASE,
      'file:///secmp0100.sec': 'Amend Section X5 as follows:\n{--X5.4 Four.--}\n',
      'file:///d.sec': 'See Section X5.4 and Section X5.3.\n',
    });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section X5.4': 'deprecated', 'Section X5.3': 'ok' });
    const [diagnostic] = index.resolve('file:///d.sec').diagnostics;
    assert.equal(diagnostic.code, 'reference-to-deleted');
    assert.match(diagnostic.message, /Section X5\.4 is deleted by secmp0100\.sec/);
  });

  it('updates citers when the deletion is undone', () => {
    const index = workspace({ 'file:///x.sec': BASE, 'file:///m.sec': '{--X5.4 Four.--}\n', 'file:///d.sec': 'See Section X5.4.\n' });
    for (const uri of index.uris()) index.resolve(uri);
    const affected = index.updateFile('file:///m.sec', 'X5.4 Four.\n');
    assert.ok(affected.includes('file:///d.sec'));
    assert.deepEqual(index.resolve('file:///d.sec').diagnostics, []);
  });

  it('resolves a clause only an amendment inserts, and says so in the hover', () => {
    const index = workspace({ 'file:///x.sec': BASE, 'file:///m.sec': 'Section X: Transition\nX5 Incorporation\n{++X5.5 Five.++}\n', 'file:///d.sec': 'See Section X5.5.\n' });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section X5.5': 'ok' });
    const value = (hover(index, 'file:///d.sec', 6)!.contents as { value: string }).value;
    assert.match(value, /m\.sec, line 3 — inserted by this amendment/);
  });

  it('renders a redline with insertions, deletions and margin comments', () => {
    const html = redlineDocument('Keep {++new <b>++} {--old--} {~~a~>b~~} {>>why<<}', 'm.sec');
    assert.match(html, /<ins>new &#60;b&#62;<\/ins>/);
    assert.match(html, /<del>old<\/del>/);
    assert.match(html, /<del>a<\/del><ins>b<\/ins>/);
    assert.match(html, /<div class="note"><b>1<\/b>why<\/div>/);
    assert.match(html, /inserted<\/ins> 2 · <del>deleted<\/del> 2 · 1 comment/);
  });
});

describe('tracked-change views built from slices', () => {
  /** The views as first written: a character array, blanked span by span. */
  function charView(text: string, side: 'before' | 'after'): string {
    const chars = text.split('');
    const blank = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (text[i] !== '\n' && text[i] !== '\r') chars[i] = ' ';
    };
    for (const span of scanChanges(text).spans) {
      blank(span.start, span.contentStart);
      blank(span.contentEnd, span.end);
      if (span.kind === 'comment' || (side === 'after' && span.kind === 'deletion') || (side === 'before' && span.kind === 'insertion')) blank(span.contentStart, span.contentEnd);
      if (span.kind === 'substitution' && span.separator !== undefined) {
        if (side === 'after') blank(span.contentStart, span.separator + 2);
        else blank(span.separator, span.contentEnd);
      }
    }
    return chars.join('');
  }

  it('equal the character-by-character views on any markup, well formed or not', () => {
    const pieces = fc.constantFrom('{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}', 'x', ' ', '\n', '\r\n', 'H4.1');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
      const { spans } = scanChanges(text);
      assert.equal(afterView(text, spans), charView(text, 'after'));
      assert.equal(beforeView(text, spans), charView(text, 'before'));
    }), { numRuns: 2000 });
  });
});
