import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfig } from '../../server/src/core/config/config';

describe('sec.config.json', () => {
  it('reads every setting', () => {
    const { config, problems } = parseConfig(JSON.stringify({
      catalogue: false,
      deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }],
      aliases: { TMAD: 'Appendix AL' },
      severities: { 'title-mismatch': 'error', 'numbering-order': 'off' },
      exclude: ['old/**'],
    }));
    assert.deepEqual(problems, []);
    assert.equal(config.catalogue, false);
    assert.deepEqual(config.deprecations, [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }]);
    assert.deepEqual(config.aliases, { TMAD: 'Appendix AL' });
    assert.deepEqual(config.severities, { 'title-mismatch': 'error', 'numbering-order': 'off' });
    assert.deepEqual(config.exclude, ['old/**']);
  });

  it('reports invalid JSON with its position and keeps the defaults', () => {
    const text = '{ "catalogue": false, }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config, defaultConfig());
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not valid JSON/);
    assert.ok(problems[0].start > 0 && problems[0].start <= text.length);
  });

  it('reports each bad setting clearly and keeps the good ones', () => {
    const text = JSON.stringify({
      catalogue: 5,
      deprecations: [{ target: 'X3', reason: 'r' }, { target: 'Section X4', reason: 'ok' }],
      aliases: { TMAD: 42 },
      severities: { 'broken-reference': 'fatal', 'no-such-code': 'error' },
      colour: 'blue',
    });
    const { config, problems } = parseConfig(text);
    assert.equal(config.catalogue, true);
    assert.deepEqual(config.deprecations, [{ target: 'Section X4', reason: 'ok', replacement: undefined }]);
    assert.deepEqual(config.aliases, {});
    assert.deepEqual(config.severities, {});
    const messages = problems.map((problem) => problem.message).join('\n');
    for (const expected of [/"catalogue" must be true, false or the path/, /"X3" is not an SEC id/, /aliases\["TMAD"\]/, /must be one of/, /Unknown diagnostic code "no-such-code"/, /Unknown setting "colour"/]) {
      assert.match(messages, expected);
    }
    for (const problem of problems) assert.ok(problem.start >= 0 && problem.end <= text.length);
  });

  it('rejects a config that is not an object', () => {
    assert.match(parseConfig('[1, 2]').problems[0].message, /must contain a JSON object/);
  });
});
