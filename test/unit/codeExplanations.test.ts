// Where the server finds each diagnostic code's explanation, in a repository and in a package.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEVERITIES } from '../../server/src/core/resolve/diagnostics';
import { codeExplanations, USER_README } from '../../server/src/node/codeExplanations';

const ROOT = join(__dirname, '..', '..', '..');
const TABLE = '# SEC\n\n| code | meaning |\n| --- | --- |\n| <a id="broken-reference"></a>`broken-reference` | gone |\n| <a id="title-mismatch"></a>`title-mismatch` | wrong title |\n';

describe('diagnostic code explanations', () => {
  const made: string[] = [];
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'sec-explanations-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('finds them in a package\'s lower-case readme.md, at the line of each anchor', () => {
    const dir = folder({ 'readme.md': TABLE });
    const found = codeExplanations([dir]);
    assert.deepEqual(found.get('broken-reference'), { path: join(dir, 'readme.md'), line: 5 });
    assert.deepEqual(found.get('title-mismatch'), { path: join(dir, 'readme.md'), line: 6 });
  });

  it('prefers the user README to a README without explanations, and finds none where there is none', () => {
    const dir = folder({ [USER_README]: TABLE, 'README.md': '# Developer notes\n' });
    assert.equal(codeExplanations([dir]).get('title-mismatch')?.path, join(dir, USER_README));
    assert.equal(codeExplanations([folder({ 'README.md': '# nothing here\n' }), join(ROOT, 'no-such-folder')]).size, 0);
  });

  it('finds every diagnostic code explained in the README the package ships', () => {
    const found = codeExplanations([ROOT]);
    assert.equal(found.get('broken-reference')?.path, join(ROOT, USER_README));
    assert.deepEqual(Object.keys(DEFAULT_SEVERITIES).filter((code) => !found.has(code)), []);
  });
});
