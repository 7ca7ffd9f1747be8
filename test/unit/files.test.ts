// Finding and reading drafting files on disk (node/): links, encodings, sizes, file kinds.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findSecFiles } from '../../server/src/node/findFiles';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sec-files-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('finding drafting files', () => {
  it('follows a link to a file inside the folder searched, never one that leaves it, and enters no linked folder', () => {
    const outside = folder({ 'secret.sec': 'Outside.\n', 'more/other.sec': 'Outside too.\n' });
    const root = folder({ 'a.sec': 'A.\n', 'sub/b.sec': 'B.\n' });
    symlinkSync(join(outside, 'secret.sec'), join(root, 'leaves.sec'));
    symlinkSync(join(root, 'sub', 'b.sec'), join(root, 'stays.sec'));
    symlinkSync('sub/b.sec', join(root, 'relative.sec'));
    symlinkSync('../../etc/passwd', join(root, 'climbs.sec'));
    symlinkSync(join(outside, 'more'), join(root, 'linked-folder'));
    symlinkSync(join(root, 'nowhere.sec'), join(root, 'dangling.sec'));
    assert.deepEqual(findSecFiles(root).map((path) => relative(root, path)), ['a.sec', 'relative.sec', 'stays.sec', 'sub/b.sec']);
  });
});
