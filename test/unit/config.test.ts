import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEVERITIES } from '../../server/src/core/resolve/diagnostics';
import { defaultConfig, DIAGNOSTIC_CODES, parseConfig } from '../../server/src/core/config/config';

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

describe('diagnostic codes are declared everywhere a user meets them', () => {
  const root = join(__dirname, '..', '..', '..');
  it('package.json offers a severity setting, and the README an explanation, for every code', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const settable = Object.keys(manifest.contributes.configuration.properties['sec.diagnostics.severity'].properties);
    assert.deepEqual([...settable].sort(), [...DIAGNOSTIC_CODES].sort());
    assert.deepEqual(Object.keys(DEFAULT_SEVERITIES).sort(), [...DIAGNOSTIC_CODES].sort());
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const code of DIAGNOSTIC_CODES) assert.ok(readme.includes(`<a id="${code}"></a>`), `README explains ${code}`);
  });
});
