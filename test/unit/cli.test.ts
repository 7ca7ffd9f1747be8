// The built CLI, run as a user runs it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folder } from './tempFolders';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function secls(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('secls check', () => {
  it('reports the deliberate problems of the sample workspace and exits 1', () => {
    const { code, stdout } = secls(['check', 'examples']);
    assert.equal(code, 1);
    assert.match(stdout, /secmp0099-draft\.sec:\d+:\d+ {2}error {2}broken-reference {2}.*Section X5\.9/);
    assert.match(stdout, /deprecated-reference/);
    assert.match(stdout, /title-mismatch/);
    assert.match(stdout, /^\d+ files, \d+ references \(.*\): 2 errors, /m);
    // The draft inserts the H4.14 its instruction names, and the configured reason already says "instead".
    assert.doesNotMatch(stdout, /already exists/);
    assert.doesNotMatch(stdout, /instead\..*instead/);
  });

  it('prints one JSON document with 0-based ranges and canonical targets', () => {
    const dir = folder({ 'a.sec': 'Section X: Transition\nX5 Incorporation\nX5.1 One.\n\nSee Section X5.9 and Section 88(1) of the Energy Act 2008.\n' });
    const { code, stdout } = secls(['check', '--json', dir]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.files.length, 1);
    const [broken, external] = report.files[0].references;
    assert.deepEqual(broken, { text: 'Section X5.9', range: { start: { line: 4, character: 4 }, end: { line: 4, character: 16 } }, target: 'Section X5.9', status: 'broken' });
    assert.equal(external.target, null);
    assert.equal(external.status, 'external');
    assert.deepEqual(report.files[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [['broken-reference', 'error']]);
    assert.equal(report.summary.errors, 1);
    assert.equal(report.summary.statuses.broken, 1);
  });

  it('exits 0 without errors, checks a named file whatever its extension, and honours --no-catalogue', () => {
    const dir = folder({ 'notes.txt': 'See Section H4 and Appendix AZ.\n' });
    const checked = secls(['check', join(dir, 'notes.txt')]);
    assert.equal(checked.code, 0, 'a target only the catalogue lacks is a warning');
    assert.match(checked.stdout, /warning {2}not-in-catalogue {2}.*Appendix AZ/);
    const offline = secls(['check', '--no-catalogue', '--json', join(dir, 'notes.txt')]);
    assert.equal(offline.code, 0);
    assert.deepEqual(JSON.parse(offline.stdout).files[0].references.map((r: { status: string }) => r.status), ['unverified', 'unverified']);
    assert.equal(secls(['check', dir]).code, 0); // the folder has no *.sec file
  });

  it('reads sec.config.json and reports an invalid one without failing', () => {
    const dir = folder({ 'sec.config.json': '{ "severities": { "broken-reference": "warning" }, }', 'a.sec': 'H9 A Part\nH9.1 See Section H9.7.\n' });
    const { code, stdout } = secls(['check', dir]);
    assert.equal(code, 1, 'the invalid config is ignored, so the broken reference stays an error');
    assert.match(stdout, /sec\.config\.json:1:\d+ {2}warning {2}invalid-config {2}sec\.config\.json is not valid JSON/);
    const valid = folder({ 'sec.config.json': '{ "severities": { "broken-reference": "warning" } }', 'a.sec': 'H9 A Part\nH9.1 See Section H9.7.\n' });
    assert.equal(secls(['check', valid]).code, 0);
  });

  it('checks binary and oversized files without crashing, saying why a file was skipped', () => {
    const dir = folder({ 'binary.sec': '\u0000\u0001\u00ff{++{--(((Section\u0000H4.' + 'x'.repeat(1000), 'a.sec': 'H9 A Part\nH9.1 See Section H9.7.\n' });
    const binary = secls(['check', '--json', dir]);
    assert.equal(binary.code, 2, 'a file that could not be read makes the status 2');
    assert.match(binary.stderr, /^secls: cannot read .*binary\.sec: not a text file \(it contains NUL bytes\)$/m);
    const report = JSON.parse(binary.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path.split('/').pop()), ['a.sec'], 'the other files are checked');
    assert.equal(report.summary.errors, 1);
    rmSync(join(dir, 'binary.sec'));
    writeFileSync(join(dir, 'huge.sec'), 'See Section H99.\n'.repeat(2_100_000));
    const huge = secls(['check', dir]);
    assert.equal(huge.code, 1, 'the oversized file is not checked, so its broken references are not errors; a.sec still is');
    assert.match(huge.stdout, /huge\.sec:1:1 {2}warning {2}file-too-large {2}This file is 34\.\d MB, above the 32 MB limit/);
  });

  it('knows a file is too large before reading it, and never opens anything but a regular file', () => {
    const dir = folder({ 'a.sec': 'See Section H4.\n' });
    // Sparse: 1 GB on paper, nothing on disk; reading it would take a gigabyte (and fail as one string).
    writeFileSync(join(dir, 'sparse.sec'), '');
    truncateSync(join(dir, 'sparse.sec'), 1 << 30);
    const sparse = secls(['check', dir]);
    assert.equal(sparse.code, 0);
    assert.match(sparse.stdout, /sparse\.sec:1:1 {2}warning {2}file-too-large {2}This file is 1024\.0 MB/);
    execFileSync('mkfifo', [join(dir, 'pipe.sec')]);
    const fifo = spawnSync(process.execPath, [CLI, 'check', join(dir, 'pipe.sec'), join(dir, 'a.sec')], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(fifo.status, 2, 'a FIFO is refused, not read (reading it would wait for a writer)');
    assert.match(fifo.stderr, /cannot read .*pipe\.sec: not a regular file/);
    assert.match(fifo.stdout, /^1 file, 1 reference/m);
    assert.equal(secls(['check', dir]).code, 0, 'in a folder, a FIFO is not a file to check');
    const folderApplied = secls(['apply', dir]);
    assert.equal(folderApplied.code, 2);
    assert.match(folderApplied.stderr, /cannot read .*: it is a folder, not a file/);
  });

  it('decodes UTF-8 and UTF-16 by their byte-order mark, and counts a lone CR as a line break', () => {
    const text = 'H9 A Part\nH9.1 One.\nSee Section H9.7.\n';
    const dir = folder({});
    writeFileSync(join(dir, 'utf8bom.sec'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, 'utf16le.sec'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'utf16be.sec'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    writeFileSync(join(dir, 'cr.sec'), text.replace(/\n/g, '\r'));
    const { code, stdout } = secls(['check', dir]);
    assert.equal(code, 1);
    for (const name of ['cr', 'utf16be', 'utf16le', 'utf8bom']) assert.match(stdout, new RegExp(`${name}\\.sec:3:5 {2}error {2}broken-reference`));
  });

  it('reports a bad sec.config.json, never with a stack trace, and goes on with its good entries', () => {
    const dir = folder({ 'sec.config.json': JSON.stringify({ exclude: ['', '*a*a*a*a*a*a*a*a*a*a*a*a*b', '[', 'old/**', '!x.sec'] }), 'a.sec': 'See Section H4.\n', 'old/b.sec': 'See Section H99.\n', 'x.sec': 'X.\n' });
    const { code, stdout, stderr } = secls(['check', dir]);
    assert.equal(code, 0, 'old/b.sec is still excluded');
    assert.equal(stderr, '');
    assert.match(stdout, /sec\.config\.json:1:\d+ {2}warning {2}invalid-config {2}exclude\[0\] "" is empty; ignored\./);
    assert.match(stdout, /invalid-config {2}exclude\[2\] "\[" has an unclosed "\["/);
    assert.match(stdout, /^2 files,/m, 'a.sec and x.sec: the negated glob excludes nothing');
    const unreadable = folder({ 'sec.config.json/inside': '', 'a.sec': 'H9 A Part\nH9.1 See Section H9.7.\n' });
    const folderConfig = secls(['check', unreadable]);
    assert.equal(folderConfig.code, 1);
    assert.match(folderConfig.stdout, /invalid-config {2}sec\.config\.json cannot be read \(it is a folder, not a file\); using the defaults\./);
  });

  it('leaves out the files that sec.config.json excludes', () => {
    const dir = folder({ 'sec.config.json': '{ "exclude": ["old/**"] }', 'a.sec': 'See Section H4.\n', 'old/b.sec': 'See Section H99.\n' });
    const report = JSON.parse(secls(['check', '--json', dir]).stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path.split('/').pop()), ['a.sec']);
  });

  it('prints the amended text and writes a redline', () => {
    const dir = folder({ 'm.sec': 'Keep {++new++}{--old--} {~~a~>b~~}{>>why<<}.\n' });
    const applied = secls(['apply', join(dir, 'm.sec')]);
    assert.equal(applied.code, 0);
    assert.equal(applied.stdout, 'Keep new b.\n');
    const out = join(dir, 'm.html');
    const redline = secls(['redline', join(dir, 'm.sec'), '-o', out]);
    assert.equal(redline.code, 0);
    assert.match(readFileSync(out, 'utf8'), /<ins>new<\/ins><del>old<\/del> <del>a<\/del><ins>b<\/ins>/);
    assert.equal(secls(['apply']).code, 2);
    assert.equal(secls(['redline', join(dir, 'missing.sec')]).code, 2);
  });

  it('exits 2 on a usage error or an unreadable path, naming it', () => {
    const missing = secls(['check', 'no/such/place.sec']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no\/such\/place\.sec/);
    assert.equal(secls(['check', '--frobnicate']).code, 2);
    assert.equal(secls(['lint']).code, 2);
  });
});

describe('secls catalogue', () => {
  const contents = [
    ' Version Control', '', '7.0 2 March 2026 Modifications to SEC version 6.19', '', 'Designation of Section H16', '',
    'CONTENTS', '', 'Section H: DCC Services', '', 'H1 User Entry Process', '', 'H16 Further Services Offered by the DCC', '',
  ].join('\n');

  it('builds a catalogue from a newer Contents page, which sec.config.json then names', () => {
    const dir = folder({ 'contents.txt': contents, 'a.sec': 'See Section H16 and Section H17.\n' });
    assert.equal(secls(['check', dir]).stdout.match(/not-in-catalogue/g)?.length, 2, 'the embedded catalogue knows neither');
    const built = secls(['catalogue', 'build', 'contents.txt', '-o', 'catalogue.json'], dir);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /Wrote catalogue\.json: \d+ entries, 1 Version Control rows, SEC version 7\.0 \(2 March 2026\)/);
    for (const named of ['catalogue.json', 'contents.txt']) {
      writeFileSync(join(dir, 'sec.config.json'), JSON.stringify({ catalogue: named }));
      const { code, stdout } = secls(['check', dir]);
      assert.equal(code, 0);
      assert.equal(stdout.match(/not-in-catalogue/g)?.length, 1, named);
      assert.match(stdout, /Section H has no Part H17 in the SEC catalogue \(SEC version 7\.0, 2 March 2026\)/);
    }
    assert.match(secls(['--version'], dir).stdout, /catalogue: the SEC catalogue \(SEC version 7\.0, 2 March 2026\)/);
    const shown = secls(['catalogue', 'show', 'H16'], dir);
    assert.equal(shown.code, 0);
    assert.match(shown.stdout, /Section H16 \(part\): Further Services Offered by the DCC\n.*\n\s+7\.0 {2}2 March 2026/);
  });

  it('reports an unreadable catalogue on sec.config.json and keeps the embedded one', () => {
    const dir = folder({ 'sec.config.json': '{\n  "catalogue": "missing.txt"\n}\n', 'a.sec': 'See Section H4 and Appendix AK.\n' });
    const { code, stdout } = secls(['check', dir]);
    assert.equal(code, 0);
    assert.match(stdout, /sec\.config\.json:2:3 {2}warning {2}invalid-config {2}Catalogue "missing\.txt", line 1: no such file or folder; using the SEC catalogue \(SEC version 6\.19/);
    assert.doesNotMatch(stdout, /not-in-catalogue/);
    const bad = secls(['catalogue', 'build', 'a.sec'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /a\.sec:1: no Contents line found/);
  });

  it('shows what the embedded catalogue knows, and says when it knows only an ancestor', () => {
    const known = secls(['catalogue', 'show', 'Appendix', 'AK']);
    assert.equal(known.code, 0);
    assert.match(known.stdout, /^From the SEC catalogue \(SEC version 6\.19, 25 October 2019\)\.\nAppendix AK \(document\): SEC Variation Testing/);
    const clause = secls(['catalogue', 'show', 'Section H4.3']);
    assert.equal(clause.code, 1);
    assert.match(clause.stdout, /Section H4\.3 is not in the catalogue .*nearest: Section H4/);
    assert.equal(secls(['catalogue', 'frobnicate']).code, 2);
  });
});
