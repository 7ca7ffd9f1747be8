// A server that crashes over and over on the same file is left stopped, not restarted for ever.
import { strict as assert } from 'node:assert';
import { CrashCounter, MAX_CRASHES, WINDOW_MS } from '../../client/src/crashCounter';

describe('crash counter', () => {
  it('allows a few restarts, then stops one crash past the limit within the window', () => {
    const counter = new CrashCounter();
    const answers = Array.from({ length: MAX_CRASHES + 1 }, (_, i) => counter.crashed(1000 + i * 1000));
    assert.deepEqual(answers, [...Array(MAX_CRASHES).fill(true), false]);
  });

  it('forgets crashes older than the window', () => {
    const counter = new CrashCounter();
    for (let i = 0; i < MAX_CRASHES; i++) assert.equal(counter.crashed(i), true);
    assert.equal(counter.crashed(WINDOW_MS + MAX_CRASHES + 1), true, 'the earlier crashes are out of the window');
  });
});
