// The term matcher: which phrases are uses of defined terms, and which are near misses.
import { strict as assert } from 'node:assert';
import { definitionsFile, workspace } from './fixtures';

const A = definitionsFile(['Service Request means a communication to the DCC requesting a service.']);

describe('term matcher', () => {
  it('reads a term in capitals with a plural ending as the term, not as a near miss of it (core fix)', () => {
    const text = `${A}\nA1.2 The DCC processes SERVICE REQUESTS. A Servce Request.\n`;
    const diagnostics = workspace({ 'file:///a.sec': text }).resolve('file:///a.sec').diagnostics.filter((d) => d.code === 'near-miss-term');
    assert.deepEqual(diagnostics.map((d) => text.slice(d.start, d.end)), ['Servce Request']);
  });
});
