// Hostile and broken input (issue 13): each class of input that used to take a time or a
// memory out of proportion to its size, checked by the growth from 1× to 8× its size.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { acceptChanges, scanChanges } from '../../server/src/core/text/criticMarkup';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { growthRatio, LINEAR_RATIO_LIMIT } from './growth';

describe('hostile input: time and output grow linearly', () => {
  it('scans unclosed and separator-less CriticMarkup in linear time, with the same findings', () => {
    const unclosed = (count: number) => '{++ a {-- b {>> c '.repeat(count);
    const noSeparator = (count: number) => '{~~ old ~~} '.repeat(count) + '{~~ last';
    for (const [make, size] of [[unclosed, 8000], [noSeparator, 20_000]] as const) {
      const ratio = growthRatio(make, (text) => scanChanges(text), size);
      assert.ok(ratio < LINEAR_RATIO_LIMIT, `1× → 8× took ${ratio.toFixed(1)}×`);
    }
    const { spans, malformed } = scanChanges(unclosed(3));
    assert.deepEqual(spans, []);
    assert.equal(malformed.length, 9);
    assert.ok(malformed.every((problem) => /^Unclosed change/.test(problem.message)));
    const substitutions = scanChanges(noSeparator(2));
    assert.deepEqual(substitutions.spans.map((span) => [span.start, span.end, span.separator]), [[0, 11, undefined], [12, 23, undefined]]);
    assert.deepEqual(substitutions.malformed.map((problem) => problem.message.split(':')[0]), ['Substitution without "~>"', 'Substitution without "~>"', 'Unclosed change']);
    const text = '{++one++} {~~a~>b~~} {++two {--three--}';
    assert.equal(acceptChanges(text, scanChanges(text).spans), 'one b {++two ');
  });
});

describe('hostile input: line breaks', () => {
  it('counts lines as LSP does: \\n, \\r\\n and a lone \\r each end one', () => {
    const lines = new LineIndex('one\rtwo\r\nthree\nfour\r');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(9), { line: 2, character: 0 });
    assert.equal(lines.lineCount, 5);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3, 'before the lone CR');
    assert.equal(lines.offsetAt({ line: 3, character: 99 }), 19, 'before the CR at the end of the text');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n') }), (text) => {
      const ours = new LineIndex(text);
      const theirs = TextDocument.create('file:///t.sec', 'sec', 0, text);
      assert.equal(ours.lineCount, theirs.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        // Between the CR and LF of one break the editor's document moves back to the CR: no such offset comes from the parser.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
      }
      for (let line = 0; line < ours.lineCount; line++) {
        for (const character of [0, 1, 2, 100]) assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }));
      }
    }));
  });
});
