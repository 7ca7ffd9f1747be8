// Finding and reading drafting files on disk (node/): links, encodings, sizes, file kinds.
import { strict as assert } from 'node:assert';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findSecFiles } from '../../server/src/node/findFiles';
import { readSourceFile, readTextFile } from '../../server/src/node/readTextFile';
import { folder } from './tempFolders';

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

describe('reading drafting files', () => {
  const write = (name: string, bytes: Buffer | string): string => {
    const dir = folder({});
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const text = 'See Section H4.2 – “Title”.\n';

  it('decodes by the byte-order mark: UTF-8 with or without one, UTF-16 little- and big-endian', () => {
    assert.equal(readTextFile(write('plain.sec', text)), text);
    assert.equal(readTextFile(write('bom.sec', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))), text);
    assert.equal(readTextFile(write('le.sec', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))), text);
    assert.equal(readTextFile(write('be.sec', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))), text);
  });

  it('refuses what is not text, saying what it looks like; reads a few stray bytes with a warning', () => {
    const refusals: Array<[Buffer, RegExp]> = [
      [Buffer.from('abc\u0000def'), /not a text file \(it contains NUL bytes\)/],
      [Buffer.from(text, 'utf16le'), /looks like UTF-16 without a byte-order mark/],
      [Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a\u0000\u0000\u0000')]), /UTF-32 is not supported/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\u0000b', 'utf16le')]), /UTF-16 with NUL characters/],
      [Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 60))), /not UTF-8, nor UTF-16 with a byte-order mark/],
    ];
    for (const [bytes, message] of refusals) assert.throws(() => readTextFile(write('x.sec', bytes)), message);
    const latin1 = readSourceFile(write('latin1.sec', Buffer.from('Caf\u00e9: see Section H4.2.\n', 'latin1')));
    assert.deepEqual(latin1, { text: 'Caf\ufffd: see Section H4.2.\n', warning: 'not valid UTF-8: 1 byte sequence read as U+FFFD (save it as UTF-8)' });
  });

  it('gives the size of a file above the limit without reading it, and refuses folders and missing files clearly', () => {
    const path = write('big.sec', 'x'.repeat(100));
    assert.deepEqual(readSourceFile(path, 99), { tooLarge: 100 });
    assert.deepEqual(readSourceFile(path, 100), { text: 'x'.repeat(100) });
    assert.throws(() => readTextFile(path, 99), /MB, above the .* MB limit/);
    assert.throws(() => readTextFile(join(path, '..')), /it is a folder, not a file/);
    assert.throws(() => readTextFile(join(path, '..', 'missing.sec')), /no such file/);
  });
});
