// A missing seed skips its tests on a user's clone but fails them in CI.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { SEED_PATH, seedText } from './seedText';

describe('the seed text for acceptance tests', () => {
  const missing = join(__dirname, 'no-such-seed.txt');
  const skipped = new Error('skipped');
  const test = { skip: (): never => { throw skipped; } };
  let ci: string | undefined;
  beforeEach(() => (ci = process.env.CI));
  afterEach(() => (ci === undefined ? delete process.env.CI : (process.env.CI = ci)));

  it('fails, naming the missing file, when CI=true', () => {
    process.env.CI = 'true';
    assert.throws(() => seedText(test, missing), (error: Error) => error !== skipped && error.message.includes(`CI=true and the SEC seed text is missing at ${missing}`));
  });

  it('skips outside CI', () => {
    delete process.env.CI;
    assert.throws(() => seedText(test, missing), (error: Error) => error === skipped);
  });

  it('reads the seed where it is, in CI or not', function () {
    const text = seedText(this, SEED_PATH);
    process.env.CI = 'true';
    assert.equal(seedText(test, SEED_PATH), text);
    assert.ok(text.length > 0);
  });
});
