// `secls conflicts` and `secls consolidate`, run as a user runs them: exit statuses, messages,
// the consolidated text, the Version Control row, and that a refused consolidation writes nothing.
// The fixtures are written for these tests; the examples are the project's own.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');

function secls(args: string[], cwd = ROOT) {
  const { status: code, stdout, stderr } = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { code, stdout, stderr };
}

/** Every folder of these tests is made in one temporary folder, removed at the end. */
let scratch = '';
before(() => (scratch = mkdtempSync(join(tmpdir(), 'secls-consolidate-'))));
after(() => rmSync(scratch, { recursive: true, force: true }));

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(scratch, 'ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file under a folder, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const SECTION_K = [
  'Section K: Charging Methodology', '', 'K3 Fixed Charges', '',
  'K3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than',
  'three months before the start of that year.', '',
  'K3.2 Each Party shall pay the Fixed Charge monthly in arrears, as set out in Section K3.4.', '',
  'K3.3 The Panel may review the method for calculating the Fixed Charge.', '',
  'K3.4 The DCC shall keep records of each calculation for six years.', '',
].join('\n');

describe('secls conflicts', () => {
  it('lists each pair of the examples\' drafts with what it comes to, and exits 1 on a conflict', () => {
    const { code, stdout } = secls(['conflicts', 'examples']);
    assert.equal(code, 1);
    assert.match(stdout, /mp101-draft\.sec:11 {2}MP101 amends Section H4\.10\n.*secmp0099-draft\.sec:10 {2}SECMP0099 amends Section H4\.10\n {2}conflict: they change the same words/);
    assert.match(stdout, /MP101 amends Section H10\.5\n.*SECMP0099 amends Section H10\.5\n {2}applies cleanly/);
    assert.match(stdout, /2 drafts, 2 pairs of changes on the same unit: 1 conflict, 1 applying cleanly\.\n$/);
  });

  it('exits 0 when drafts only apply cleanly together, or change different units', () => {
    const dir = folder({
      'k.sec': SECTION_K,
      'a.sec': 'MP1: A\nAmend Section K3.1:\nK3.1 The DCC shall {++promptly ++}publish the Fixed Charge for each Regulatory Year no later than three months before the start of that year.\n',
      'b.sec': 'MP2: B\nDelete Section K3.3\n',
    });
    const { code, stdout } = secls(['conflicts', dir]);
    assert.equal(code, 0);
    assert.equal(stdout, '2 drafts: no two change the same unit.\n');
  });
});

describe('secls consolidate', () => {
  it('refuses the examples\' two drafts, which conflict, and writes nothing', () => {
    const out = join(folder(), 'out');
    const { code, stdout, stderr } = secls(['consolidate', EXAMPLES, join(EXAMPLES, 'amendments', 'secmp0099-draft.sec'), join(EXAMPLES, 'amendments', 'mp101-draft.sec'), '-o', out]);
    assert.equal(code, 3);
    assert.equal(stdout, '');
    assert.match(stderr, /^secls: cannot consolidate; nothing was written:\n {2}SECMP0099 \(secmp0099-draft\.sec, line 10\) and MP101 \(mp101-draft\.sec, line 11\): SECMP0099 amends Section H4\.10 and MP101 amends Section H4\.10 \(conflict: they change the same words\)\.\n$/);
    assert.equal(existsSync(out), false);
  });

  it('consolidates one draft of the examples into a copy: no new broken references, a Version Control row, the baseline untouched', () => {
    const before = tree(EXAMPLES);
    const out = join(folder(), 'out');
    const { code, stdout } = secls(['consolidate', 'examples', 'examples/amendments/secmp0099-draft.sec', '-o', out, '--date', '2026-12-31']);
    assert.equal(code, 0);
    assert.match(stdout, /^Consolidated SECMP0099 \(2 amended, 1 inserted\) into .* as SEC version 7\.1 \(31 December 2026\)\./);
    assert.deepEqual(tree(EXAMPLES), before, 'the baseline is never written to');
    const result = tree(out);
    assert.equal(result['amendments/secmp0099-draft.sec'], undefined, 'the draft consolidated is not copied');
    assert.equal(result['amendments/mp101-draft.sec'], before['amendments/mp101-draft.sec'], 'another draft is copied as it is');
    const section = result['section-h-dcc-services.sec'];
    assert.match(section, /the DCC shall notify Users within one hour and shall apply\n/);
    assert.match(section, /H4\.13 [^]*guidance\.\n\nH4\.14 During an invocation, the DCC shall act as Section H10\.12 requires\.\n\nH10 Business Continuity/);
    assert.match(section, /within 10 Working Days of its\nsubmission, having regard to Sections H3\.1, H4\.2 and H10\.4\.\n/);
    assert.match(result['catalogue/contents-7.0.txt'], /implementation of MP201\n\n7\.1 31 December 2026 Modifications to SEC version 7\.0\n[^]*SECMP0099 \(Service Request Processing During\nBusiness Continuity Events\)\.\n\nCONTENTS/);
    const check = secls(['check', '--json', out]);
    const broken = JSON.parse(check.stdout).files.flatMap((file: { diagnostics: Array<{ code: string }> }) => file.diagnostics).filter((d: { code: string }) => d.code === 'broken-reference');
    assert.deepEqual(broken, []);
    // The other draft no longer applies to the Code as consolidated, and says so.
    assert.match(secls(['check', out]).stdout, /mp101-draft\.sec:4:29 {2}warning {2}amendment-base-mismatch {2}Drafted against SEC version 7\.0, but the catalogue in use lists SEC version 7\.1/);
  });

  it('refuses a draft that no longer applies, naming it and the unit', () => {
    const dir = folder({ 'k.sec': SECTION_K, 'd.sec': 'MP3: C\nAmend Section K3.3:\nK3.3 The Panel {~~may~>shall~~} review the method for calculating the Charges.\n' });
    const out = join(dir, '..', 'never-written');
    const { code, stderr } = secls(['consolidate', dir, join(dir, 'd.sec'), '-o', out]);
    assert.equal(code, 3);
    assert.match(stderr, /MP3 \(d\.sec, line 2\) does not apply: Section K3\.3 has changed since the draft was written/);
    assert.equal(existsSync(out), false);
  });

  it('refuses a draft that changes the same words twice', () => {
    const dir = folder({ 'k.sec': SECTION_K, 'd.sec': 'MP5: Twice\nAmend Section K3.1:\nK3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than {~~three~>two~~} months before the start of that year.\nIn Section K3.1, replace "three months" with "one month"\n' });
    const out = join(folder(), 'out');
    const { code, stderr } = secls(['consolidate', dir, join(dir, 'd.sec'), '-o', out]);
    assert.equal(code, 3);
    assert.match(stderr, /Two changes overlap in k\.sec: a draft changes the same text twice\./);
    assert.equal(existsSync(out), false);
  });

  it('merges drafts that apply cleanly together, removes and keeps deleted units as told, and carries a renumbering through every reference', () => {
    const dir = folder({
      'k.sec': SECTION_K,
      'x.sec': 'Section X: Transition\nX1 General\nX1.1 Records are kept as Section K3.4 requires, and paid under Section K3.2.\n',
      'drafts/a.sec': 'MP1: First\nAmend Section K3.1:\nK3.1 The DCC shall publish the Fixed Charge for each Regulatory Year no later than\n{~~three~>four~~} months before the start of that year.\nRenumber Section K3.4 as Section K3.5\n',
      'drafts/b.sec': 'MP2 \u2013 Second\nAmend Section K3.1:\nThe DCC shall publish the Fixed Charge for each Regulatory Year no later than three months before the start of {~~that~>the~~} year.\nDelete Section K3.3 and replace it with [Not used]\n',
    });
    const out = join(folder(), 'out');
    const { code, stdout } = secls(['consolidate', dir, 'drafts/a.sec', 'drafts/b.sec', '-o', out, '--version', '9.1', '--date', '2026-01-05'], dir);
    assert.equal(code, 0, stdout);
    const result = tree(out);
    assert.match(result['k.sec'], /no later than\nfour months before the start of the year\.\n/);
    assert.match(result['k.sec'], /\nK3\.3 \[Not used\]\n/);
    assert.match(result['k.sec'], /\nK3\.5 The DCC shall keep records/);
    assert.match(result['k.sec'], /as set out in Section K3\.5\./);
    assert.equal(result['x.sec'], 'Section X: Transition\nX1 General\nX1.1 Records are kept as Section K3.5 requires, and paid under Section K3.2.\n');
    assert.equal(result['version-control.txt'], 'Version Control\n\nVersion\nNumber\n\nImplementation Date Reason for Change Overview of Modifications incorporated\n\n' +
      '9.1 5 January 2026 Modifications to SEC version 6.19\nimplementing approved Modification\nProposals\n\n' +
      'Amendments to SEC Section K3 due to the\nimplementation of Modification Proposals MP1\n(First) and MP2 (Second).\n');
  });

  it('renumbers a Part: its heading, its clauses and every reference within it', () => {
    const dir = folder({ 'k.sec': SECTION_K, 'x.sec': 'See Sections K3, K3.2 and K3.4(a).\n', 'd.sec': 'MP6: Move\nRenumber Part K3 as Part K7\n' });
    const out = join(folder(), 'out');
    assert.equal(secls(['consolidate', dir, join(dir, 'd.sec'), '-o', out]).code, 0);
    const result = tree(out);
    assert.deepEqual(result['k.sec'].split('\n').filter((line) => /^K\d/.test(line)).map((line) => line.split(' ')[0]), ['K7', 'K7.1', 'K7.2', 'K7.3', 'K7.4']);
    assert.match(result['k.sec'], /as set out in Section K7\.4\./);
    assert.equal(result['x.sec'], 'See Sections K7, K7.2 and K7.4(a).\n');
  });

  it('removes a deleted unit, and warns of the references left to it (written, exit 1)', () => {
    const dir = folder({ 'k.sec': SECTION_K, 'd.sec': 'MP4: Remove\nDelete Section K3.4\n' });
    const out = join(folder(), 'out');
    const { code, stderr } = secls(['consolidate', dir, join(dir, 'd.sec'), '-o', out], dir);
    assert.equal(code, 1);
    assert.match(stderr, /^secls: warning: .*k\.sec:8:78: Section K3\.4 is cited, but MP4 removes it\n$/);
    assert.doesNotMatch(tree(out)['k.sec'], /K3\.4 The DCC/);
    assert.match(tree(out)['k.sec'], /K3\.3 The Panel may review the method for calculating the Fixed Charge\.\n$/);
  });

  it('exits 2, writing nothing, on a usage error', () => {
    const dir = folder({ 'k.sec': SECTION_K, 'd.sec': 'MP4: Remove\nDelete Section K3.3\n', 'plain.sec': 'No instructions here.\n' });
    const full = folder({ 'keep.txt': 'a file already there\n' });
    const cases: Array<[string[], RegExp]> = [
      [['consolidate', dir, join(dir, 'd.sec')], /needs -o OUT_DIR/],
      [['consolidate', dir, join(dir, 'd.sec'), '-o', full], /exists and is not empty/],
      [['consolidate', dir, join(dir, 'd.sec'), '-o', join(dir, 'out')], /must be outside the baseline folder/],
      [['consolidate', dir, join(dir, 'plain.sec'), '-o', join(full, '..', 'x-out')], /plain\.sec has no amendment instructions/],
      [['consolidate', dir, join(dir, 'd.sec'), '-o', join(full, '..', 'y-out'), '--date', '2026-02-30'], /--date "2026-02-30" is not a date/],
      [['consolidate', join(dir, 'k.sec'), join(dir, 'd.sec'), '-o', join(full, '..', 'z-out')], /is not a folder/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = secls(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
    assert.deepEqual(tree(full), { 'keep.txt': 'a file already there\n' });
    for (const name of ['x-out', 'y-out', 'z-out']) assert.equal(existsSync(join(full, '..', name)), false);
  });
});
