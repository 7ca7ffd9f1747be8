import { strict as assert } from 'node:assert';
import { codes, diagnose, slice } from './fixtures';

describe('diagnostic codes', () => {
  it('broken-reference is an error with the nearest existing unit', () => {
    const [diagnostic] = diagnose('Section X: Transition\nX5 Incorporation\nX5.1 One.\nX5.2 See Section X5.9.\n');
    assert.equal(diagnostic.code, 'broken-reference');
    assert.equal(diagnostic.severity, 'error');
    assert.match(diagnostic.message, /Section X5\.9/);
    assert.equal(diagnostic.data?.nearestExisting, 'Section X5');
  });

  it('deprecated-reference is a warning naming the replacement', () => {
    const [diagnostic] = diagnose('See Section X3.\n', { deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }] });
    assert.equal(diagnostic.code, 'deprecated-reference');
    assert.equal(diagnostic.severity, 'warning');
    assert.match(diagnostic.message, /Its replacement is Section X5\./);
    assert.equal(diagnostic.data?.replacement, 'Section X5');
  });

  it('deprecated-reference does not urge "instead" twice when the reason already does', () => {
    const reason = 'Every listed provision has taken effect; cite the provisions that replaced them instead.';
    const [diagnostic] = diagnose('See Section X3.\n', { deprecations: [{ target: 'Section X3', reason, replacement: 'Section X5' }] });
    assert.equal(diagnostic.message, `Deprecated reference: ${reason} Its replacement is Section X5.`);
    assert.equal(diagnostic.message.match(/\binstead\b/g)?.length, 1);
  });

  it('title-mismatch points at the cited title and gives the real one', () => {
    const text = 'See Section H3 (DCC User Gateway) for details.\n';
    const [diagnostic] = diagnose(text);
    assert.equal(diagnostic.code, 'title-mismatch');
    assert.equal(slice(text, diagnostic), 'DCC User Gateway');
    assert.equal(diagnostic.data?.title, 'DCC User Interface');
  });

  it('a title differing only in case, punctuation, "&"/"and", plural or acronym is not a mismatch', () => {
    const text = [
      'Section H5 (Smart Metering Inventory &\nEnrolment Services);',
      'SECTION H3 (dcc user interface);',
      'Appendix Z: CPL\nRequirement Document.',
      'Section H8 (Service Management, SSI &\nService Desk);',
      'Appendix AI - Self-Service\n\nInterface Code of Connection',
      'Schedule 11 – TS Applicability Tables and Schedule 9 – SMETS1 v1.2',
      'Appendix E – DCC User Interface\nServices Schedule and related amendments',
    ].join('\n');
    assert.deepEqual(codes(diagnose(text)), []);
  });

  it('a dash followed by prose is not a cited title', () => {
    assert.deepEqual(codes(diagnose('Edits to SEC Appendix B –\nOrganisation CRL publication times to be clarified.\n')), []);
  });

  it('ambiguous-reference is information', () => {
    const [diagnostic] = diagnose('The DCC shall comply with Clause 4.2.\n');
    assert.equal(diagnostic.code, 'ambiguous-reference');
    assert.equal(diagnostic.severity, 'information');
  });

  it('duplicate-number warns about the second definition in one file', () => {
    const text = 'Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.2 Two.\nH4.2 Two again.\n';
    const found = diagnose(text).filter((d) => d.code === 'duplicate-number');
    assert.equal(found.length, 1);
    assert.equal(found[0].start, text.lastIndexOf('H4.2'));
    assert.match(found[0].message, /line 4/);
  });

  it('numbering-order reports gaps and numbers going backwards, not inserted numbers', () => {
    const text = 'Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.2 Two.\nH4.2A Inserted.\nH4.3 Three.\nH4.5 Five.\nH4.4 Four.\n';
    const found = diagnose(text).filter((d) => d.code === 'numbering-order');
    assert.deepEqual(found.map((d) => slice(text, d)), ['H4.5', 'H4.4']);
    assert.match(found[0].message, /gap/);
    assert.match(found[1].message, /backwards/);
    assert.equal(found[0].severity, 'information');
  });

  it('malformed-change reports unclosed and nested markup and keeps parsing', () => {
    const found = diagnose('{-- a {++ b ++} --}\nSee Section H99.\n{++ unclosed\n');
    assert.deepEqual(codes(found).sort(), ['malformed-change', 'malformed-change', 'not-in-catalogue']);
  });

  it('configured severities replace the defaults, and "off" removes a code', () => {
    const text = 'H9 A Part\nH9.1 One.\nSee Section H9.7 and Section H3 (DCC User Gateway) and Appendix AZ.\n';
    assert.deepEqual(diagnose(text, { severities: { 'broken-reference': 'warning', 'title-mismatch': 'off', 'not-in-catalogue': 'error' } })
      .map((d) => [d.code, d.severity]), [['broken-reference', 'warning'], ['not-in-catalogue', 'error']]);
    assert.deepEqual(diagnose('See Section G2.14.\n', { severities: { 'unverified-reference': 'hint' } }).map((d) => d.code), ['unverified-reference']);
    assert.deepEqual(diagnose('See Section G2.14.\n').map((d) => d.code), []);
  });

  it('members between the ends of a range are cited but get no diagnostics', () => {
    const text = 'Section X: Transition\nX5 Incorporation\nX5.1 One.\nX5.2 [Not used]\nX5.3 Three.\nX5.4 See Section X5.1 to X5.3.\n';
    assert.deepEqual(codes(diagnose(text)), []);
  });
});
