// Hostile and broken input (issue 13): each class of input that used to take a time or a
// memory out of proportion to its size, checked by the growth from 1× to 8× its size.
import { strict as assert } from 'node:assert';
import { acceptChanges, scanChanges } from '../../server/src/core/text/criticMarkup';
import { growthRatio, LINEAR_RATIO_LIMIT } from './growth';

describe('hostile input: time and output grow linearly', () => {
  it('scans unclosed and separator-less CriticMarkup in linear time, with the same findings', () => {
    const unclosed = (count: number) => '{++ a {-- b {>> c '.repeat(count);
    const noSeparator = (count: number) => '{~~ old ~~} '.repeat(count) + '{~~ last';
    for (const make of [unclosed, noSeparator]) {
      const ratio = growthRatio(make, (text) => scanChanges(text), 10_000);
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
