// Acceptance on the real SEC text: every reference of the Version Control table found and
// resolved, no false alarms. Skipped only where ../shared is absent outside CI (see seedText.ts).
import { strict as assert } from 'node:assert';
import { workspace } from './fixtures';
import { seedText } from './seedText';

describe('the SEC seed text', function () {
  let text = '';
  let result: ReturnType<ReturnType<typeof workspace>['resolve']>;

  before(function () {
    text = seedText(this);
    result = workspace({ 'file:///seed.txt': text }).resolve('file:///seed.txt');
  });

  it('has no broken or deprecated reference and no error', () => {
    const bad = result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'broken-reference' || d.code === 'deprecated-reference');
    assert.deepEqual(bad, []);
    const statuses = new Set(result.references.map((r) => r.resolution.status));
    assert.ok(!statuses.has('broken') && !statuses.has('deprecated') && !statuses.has('ambiguous'));
  });

  it('finds the references of the Version Control table in all their forms', () => {
    const cited = new Set(result.references.map((r) => r.resolution.target));
    const expected = [
      'Section X3.1', 'Section X5.4', 'Section H15', 'Section X6', 'Section X9', 'Section X5', 'Section H1', 'Section H2',
      'Section H3.22', 'Section Z', 'Appendix T', 'Appendix U', 'Appendix V', 'Appendix A', 'Appendix B', 'Appendix C',
      'Appendix J', 'Section D6.3', 'Section D6.4', 'Appendix R', 'Appendix Z', 'Section F2', 'Section F3', 'Section F4.9',
      'Section H3', 'Section H3.27', 'Section H10.9', 'Section H10.11', 'Section H10.13', 'Section H14.36', 'Schedule 8',
      'Schedule 9', 'Schedule 10', 'Appendix AA', 'Appendix AI', 'Appendix N', 'Section N4A', 'Appendix S', 'Appendix AD',
      'Schedule 9 v1.2', 'Schedule 9 v2.0', 'Schedule 8 v2.0', 'Schedule 10 v1.2', 'Appendix AD v2.0', 'Appendix AF v2.0',
      'Schedule 8 v2.1', 'Schedule 8 v3.1', 'Schedule 8 v3.2', 'Schedule 9 v4.2', 'Schedule 10 v1.3', 'Schedule 9 v4.1',
      'Appendix AD v3.0', 'Appendix AF v3.0', 'Appendix AM', 'Appendix AK 4.2', 'Appendix AK', 'SECMP0001', 'SECMP0045',
    ];
    for (const target of expected) assert.ok(cited.has(target), `${target} not found`);
  });

  it('reads Acts and Licences as external, never as SEC Sections', () => {
    const external = result.references.filter((r) => r.resolution.status === 'external').map((r) => r.reference.text);
    assert.ok(external.includes('Section 88(1) of the Energy Act 2008'));
    assert.ok(external.includes('Condition 22 of the DCC Licence'));
    assert.ok(external.includes('Condition 22.27 of the DCC Licence'));
    assert.ok(external.includes('89 of the Energy Act 2008'));
    assert.ok(!result.references.some((r) => /^Section \d/.test(r.resolution.target ?? '')));
  });

  it('warns of title mismatches only where the cited title really differs', () => {
    const mismatches = result.diagnostics.filter((d) => d.code === 'title-mismatch').map((d) => [d.data?.target, d.data?.cited]);
    assert.ok(mismatches.some(([target, cited]) => target === 'Appendix J' && cited === 'Enduring Test Approach Document'));
    // Each reported title differs in words, not in case, punctuation, "&"/"and" or a plural.
    for (const [target, cited] of mismatches) {
      const normal = (title: string): string => title.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').replace(/s\b/g, '').trim();
      const real = result.diagnostics.find((d) => d.data?.target === target)?.data?.title as string;
      assert.notEqual(normal(cited as string), normal(real), `${target}: "${cited}"`);
    }
    const flagged = new Set(mismatches.map(([target]) => target));
    for (const clean of ['Section Z', 'Section H5', 'Section H8', 'Schedule 11', 'Appendix Z', 'Appendix AK', 'Appendix AM', 'Appendix R', 'Appendix E', 'Appendix B']) {
      assert.ok(!flagged.has(clean), `${clean} wrongly flagged`);
    }
  });
});
