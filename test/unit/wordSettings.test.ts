// The "word" setting of sec.config.json and the dates a revision may carry.
import { strict as assert } from 'node:assert';
import { parseConfig } from '../../server/src/core/config/config';
import { revisionDate } from '../../server/src/core/config/wordSettings';

describe('Word settings', () => {
  it('reads the author and date of exported changes from sec.config.json', () => {
    const { config, problems } = parseConfig('{ "word": { "author": " Jane Drafter ", "date": "2026-03-31" } }');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.word, { author: 'Jane Drafter', date: '2026-03-31T00:00:00Z' });
  });

  it('reports a bad "word" setting where it is and ignores it', () => {
    const text = '{ "catalogue": true, "word": { "author": "", "date": "31/03/2026", "colour": "red" } }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.word, {});
    assert.deepEqual(problems.map((problem) => problem.message), [
      'Unknown setting "word.colour" in sec.config.json (known: author, date).',
      '"word.author" must be a name (a non-empty string); ignored.',
      '"word.date" must be a date such as "2026-03-31" or "2026-03-31T14:00:00Z"; ignored.',
    ]);
    assert.equal(text.slice(problems[0].start, problems[0].end), '"word"');
    assert.match(parseConfig('{ "word": "Jane" }').problems[0].message, /"word" must be an object/);
  });

  it('takes a date or a date and time, in any zone, as Word records it: UTC, whole seconds', () => {
    assert.equal(revisionDate('2026-03-31'), '2026-03-31T00:00:00Z');
    assert.equal(revisionDate('2026-03-31T14:05'), '2026-03-31T14:05:00Z');
    assert.equal(revisionDate('2026-03-31T14:05:09.750+02:00'), '2026-03-31T12:05:09Z');
    for (const wrong of ['2026-02-30', '2026-13-01', '31/03/2026', '2026-03-31 14:05', 'soon', '']) assert.equal(revisionDate(wrong), undefined, wrong);
  });
});
