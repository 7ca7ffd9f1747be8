// `secls export` and `secls import`, run as a user runs them: what they write, what they say,
// their exit statuses, and that a refused import leaves the files as they were.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxFrom, p, partOf, withDeclaredSize } from './wordFixtures';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const DRAFT = 'Amend Section H4.10 as follows:\n\nThe DCC shall notify Users {~~promptly~>within one hour~~}.{>>Agreed with the Panel.<<}\n';

function secls(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('secls export and import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secls-word-cli-'));
    writeFileSync(join(dir, 'draft.sec'), DRAFT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports beside the file by default, with the author and date given, and imports back to the same text', () => {
    const exported = secls(['export', 'draft.sec', '--author', 'Ann Drafter', '--date', '2025-03-04'], dir);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, 'Wrote draft.docx: 1 insertion, 1 deletion, 1 comment as tracked changes by Ann Drafter, 2025-03-04T00:00:00Z\n');
    const bytes = readFileSync(join(dir, 'draft.docx'));
    assert.match(partOf(bytes, 'word/document.xml'), /<w:ins w:id="\d+" w:author="Ann Drafter" w:date="2025-03-04T00:00:00Z">/);
    const printed = secls(['import', 'draft.docx', '--author', 'Ann Drafter'], dir);
    assert.equal(printed.code, 0, printed.stderr);
    assert.equal(printed.stdout, DRAFT);
    const written = secls(['import', 'draft.docx', '-o', 'back.sec', '--author', 'Ann Drafter'], dir);
    assert.equal(written.stdout, 'Wrote back.sec: 1 insertion, 1 deletion, 1 comment\n');
    assert.equal(readFileSync(join(dir, 'back.sec'), 'utf8'), DRAFT);
  });

  it('takes the author and date from the "word" settings of the nearest sec.config.json, the options first', () => {
    writeFileSync(join(dir, 'sec.config.json'), '{ "word": { "author": "Cara Config", "date": "2024-12-31T23:00:00+01:00" } }');
    assert.match(secls(['export', 'draft.sec', '-o', 'a.docx'], dir).stdout, /by Cara Config, 2024-12-31T22:00:00Z\n$/);
    assert.match(secls(['export', 'draft.sec', '-o', 'b.docx', '--author', 'Dan Option'], dir).stdout, /by Dan Option, 2024-12-31T22:00:00Z\n$/);
    assert.equal(secls(['import', 'a.docx'], dir).stdout, DRAFT, 'comments by the configured author carry no name');
    const check = secls(['check', 'draft.sec'], dir);
    assert.doesNotMatch(check.stdout, /invalid-config/, 'check knows the "word" setting');
  });

  it('exits 1 when the draft has malformed changes, still writing the document, and says where', () => {
    writeFileSync(join(dir, 'bad.sec'), 'One.\nTwo {++unclosed.\n');
    const { code, stderr } = secls(['export', 'bad.sec'], dir);
    assert.equal(code, 1);
    assert.match(stderr, /^secls: error: bad\.sec:2: Unclosed change: "\{\+\+" has no matching "\+\+\}"\. It is exported as it is written\.$/m);
    assert.ok(existsSync(join(dir, 'bad.docx')));
  });

  it('exits 1 when the document\'s own text looks like CriticMarkup, still writing it, and says where', () => {
    writeFileSync(join(dir, 'typed.docx'), docxFrom({ body: p('Fine.') + p('Type {++ here.') }));
    const { code, stderr } = secls(['import', 'typed.docx', '-o', 'typed.sec'], dir);
    assert.equal(code, 1);
    assert.match(stderr, /^secls: error: typed\.sec:2: the document's text contains CriticMarkup delimiters, so the imported file has malformed changes: Unclosed change/m);
    assert.equal(readFileSync(join(dir, 'typed.sec'), 'utf8'), 'Fine.\nType {++ here.\n');
  });

  it('refuses a file that is not a Word document with exit 2, writing nothing and leaving the output as it was', () => {
    writeFileSync(join(dir, 'notes.docx'), 'Section H: plain text, not a document');
    writeFileSync(join(dir, 'kept.sec'), 'precious\n');
    const { code, stdout, stderr } = secls(['import', 'notes.docx', '-o', 'kept.sec'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'secls: cannot import notes.docx: not a Word document: a .docx file is a zip archive, and this file is not one; nothing was written\n');
    assert.equal(readFileSync(join(dir, 'kept.sec'), 'utf8'), 'precious\n');
    assert.deepEqual(readdirSync(dir).sort(), ['draft.sec', 'kept.sec', 'notes.docx'], 'no temporary file is left behind');
  });

  it('refuses a damaged document and one that unpacks beyond the limit with exit 2', () => {
    writeFileSync(join(dir, 'damaged.docx'), docxFrom({ body: '<w:p><w:r><w:t>open</w:r></w:p>' }));
    const damaged = secls(['import', 'damaged.docx', '-o', 'out.sec'], dir);
    assert.equal(damaged.code, 2);
    assert.match(damaged.stderr, /^secls: cannot import damaged\.docx: word\/document\.xml is not well-formed XML \(line 1: .*\); nothing was written\n$/);
    writeFileSync(join(dir, 'bomb.docx'), withDeclaredSize(docxFrom({ body: p('small') }), 'word/document.xml', 65 * 1024 * 1024));
    const bomb = secls(['import', 'bomb.docx', '-o', 'out.sec'], dir);
    assert.equal(bomb.code, 2);
    assert.match(bomb.stderr, /the document is too large: its text parts unpack to more than 64 MB; nothing was written/);
    assert.equal(existsSync(join(dir, 'out.sec')), false);
  });

  it('exits 2 on usage errors, naming them', () => {
    writeFileSync(join(dir, 'huge.sec'), 'H4.1 The DCC shall act.\n'.repeat(400_000));
    const cases: Array<[string[], RegExp]> = [
      [['export'], /export needs a FILE/],
      [['export', 'missing.sec'], /cannot read missing\.sec: no such file/],
      [['export', 'draft.sec', '--date', '31/12/2025'], /--date "31\/12\/2025" is not a date such as 2026-03-31/],
      [['export', 'draft.sec', '--date', '2025-02-30'], /--date "2025-02-30" is not a date/],
      [['export', 'draft.sec', '--author'], /--author needs a value/],
      [['export', 'draft.sec', '-o', 'draft.sec'], /the output draft\.sec would overwrite draft\.sec/],
      [['export', 'huge.sec'], /cannot export huge\.sec: it is 9 MB, above the 8 MB a Word export takes at once; export it in parts/],
      [['import', 'draft.docx', '--date', '2025-01-01'], /unknown option "--date" for import/],
      [['import', 'missing.docx'], /cannot read missing\.docx: no such file/],
      [['import', 'a.docx', 'b.docx'], /import takes one FILE \(also given: b\.docx\)/],
      [['import', 'constructor'], /cannot read constructor: no such file/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = secls(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });
});
