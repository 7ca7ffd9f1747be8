// Hostile and broken input (issue 13): each class of input that used to take a time or a
// memory out of proportion to its size, checked by the growth from 1× to 8× its size.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { acceptChanges, scanChanges } from '../../server/src/core/text/criticMarkup';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { LooseText } from '../../server/src/core/text/looseMatch';
import { definition } from '../../server/src/features/definition';
import { hover } from '../../server/src/features/hover';
import { references } from '../../server/src/features/references';
import { rename } from '../../server/src/features/rename';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { OneShotIndex } from '../../server/src/core/index/oneShotIndex';
import { MAX_MARKUP_PROBLEMS, MAX_REFERENCES_PER_FILE, MAX_UNITS_PER_FILE } from '../../server/src/core/model/limits';
import { MAX_RANGE_MEMBERS, rangeMemberBudget } from '../../server/src/core/parse/references';
import { catalogue, parse, snapshot, workspace } from './fixtures';
import { assertLinear } from './growth';

describe('hostile input: time and output grow linearly', () => {
  it('scans unclosed and separator-less CriticMarkup in linear time, with the same findings', () => {
    const unclosed = (count: number) => '{++ a {-- b {>> c '.repeat(count);
    const noSeparator = (count: number) => '{~~ old ~~} '.repeat(count) + '{~~ last';
    assertLinear(unclosed, scanChanges, 8000, 'unclosed markup');
    assertLinear(noSeparator, scanChanges, 20_000, 'substitutions without "~>"');
    const { spans, malformed } = scanChanges(unclosed(3));
    assert.deepEqual(spans, []);
    assert.equal(malformed.length, 9);
    assert.ok(malformed.every((problem) => /^Unclosed change/.test(problem.message)));
    const substitutions = scanChanges(noSeparator(2));
    assert.deepEqual(substitutions.spans.map((span) => [span.start, span.end, span.separator]), [[0, 11, undefined], [12, 23, undefined]]);
    assert.deepEqual(substitutions.malformed.map((problem) => problem.message.split(':')[0]), ['Substitution without "~>"', 'Substitution without "~>"', 'Unclosed change']);
    const text = '{++one++} {~~a~>b~~} {++two {--three--}';
    assert.equal(acceptChanges(text, scanChanges(text).spans), 'one b {++two ');
  });
});

describe('hostile input: line breaks', () => {
  it('counts lines as LSP does: \\n, \\r\\n and a lone \\r each end one', () => {
    const lines = new LineIndex('one\rtwo\r\nthree\nfour\r');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(9), { line: 2, character: 0 });
    assert.equal(lines.lineCount, 5);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3, 'before the lone CR');
    assert.equal(lines.offsetAt({ line: 3, character: 99 }), 19, 'before the CR at the end of the text');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n') }), (text) => {
      const ours = new LineIndex(text);
      const theirs = TextDocument.create('file:///t.sec', 'sec', 0, text);
      assert.equal(ours.lineCount, theirs.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        // Between the CR and LF of one break the editor's document moves back to the CR: no such offset comes from the parser.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
      }
      for (let line = 0; line < ours.lineCount; line++) {
        for (const character of [0, 1, 2, 100]) assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }));
      }
    }));
  });
});

/** Section X with clauses X1.1 … X1.n, each on its own line. */
function sectionX(clauses: number): string {
  const lines = ['Section X: Transition', 'X1 General'];
  for (let n = 1; n <= clauses; n++) lines.push(`X1.${n} Clause ${n}.`);
  return `${lines.join('\n')}\n`;
}

describe('hostile input: ranges', () => {
  it('cites a range of more than 100 members by its two ends, with a range-too-wide diagnostic', () => {
    const text = 'See Section H1.1 to H1.200 and X1.1-X1.100.';
    const references = parse(text).references;
    assert.equal(references.length, 2 + MAX_RANGE_MEMBERS);
    assert.deepEqual(references.slice(0, 2).map((r) => [r.text, r.rangePartner, r.unexpanded?.members]), [
      ['Section H1.1', 'Section H1.200', 200], ['H1.200', 'Section H1.1', undefined],
    ]);
    const diagnostics = workspace({ 'file:///a.sec': text }).resolve('file:///a.sec').diagnostics.filter((d) => d.code === 'range-too-wide');
    assert.deepEqual(diagnostics.map((d) => [text.slice(d.start, d.end), d.severity]), [['Section H1.1 to H1.200', 'information']]);
    assert.match(diagnostics[0].message, /200 members, more than the 100/);
  });

  it('cites at most a budget of unwritten members per file, linear in its size, whatever its ranges', () => {
    const forms = [
      (n: number) => 'See Section H1.1 to H1.99.\n'.repeat(n),
      (n: number) => `See Section H1.1${'-H1.99-H1.1'.repeat(n)}.\n`,
      (n: number) => 'H1.1-H1.99 '.repeat(n),
    ];
    for (const make of forms) {
      for (const copies of [1000, 8000]) {
        const text = make(copies);
        const references = parse(text).references;
        const unwritten = references.filter((r) => r.viaRange).length;
        assert.ok(unwritten <= rangeMemberBudget(text.length), `${unwritten} unwritten members in ${text.length} characters`);
        assert.ok(references.length - unwritten < text.length / 5);
        const overBudget = workspace({ 'file:///a.sec': text }).resolve('file:///a.sec').diagnostics.find((d) => d.code === 'range-too-wide');
        assert.match(overBudget!.message, /already cite as many members as a file of its size may/);
      }
      assertLinear(make, (text) => parse(text), 1000, 'ranges');
    }
  });

  it('expands the same ranges after any edit as a fresh index does, at the budget and across it', () => {
    const clauses = Array.from({ length: 12 }, (_, n) => `X1.${n + 1} Clause ${n + 1} of the Part.`);
    const ranges = Array.from({ length: 24 }, () => 'See X1.1 to X1.99 here.');
    const start = `Section X: Transition\nX1 General\n${clauses.join('\n')}\n${ranges.join('\n')}\n`;
    const citing = 'See Section X1.5, Section X1.50 and Section X1.1 to X1.12.\n';
    const typing = fc.record({ at: fc.nat(start.length), removed: fc.nat(3), inserted: fc.constantFrom('', '9', '0', '5', ' ', 'x', ' to X1.99', '-X1.3') });
    fc.assert(fc.property(fc.array(typing, { minLength: 1, maxLength: 8 }), (edits) => {
      const index = new EditorIndex({ catalogue });
      index.updateFile('file:///c.sec', citing);
      let text = start;
      index.updateFile('file:///x.sec', text);
      for (const { at, removed, inserted } of edits) {
        const from = Math.min(at, text.length);
        text = text.slice(0, from) + inserted + text.slice(Math.min(text.length, from + removed));
        index.updateFile('file:///x.sec', text);
        for (const uri of index.uris()) index.resolve(uri);
      }
      const fresh = new EditorIndex({ catalogue });
      fresh.updateFile('file:///c.sec', citing);
      fresh.updateFile('file:///x.sec', text);
      assert.deepEqual(snapshot(index), snapshot(fresh));
    }), { numRuns: 120 });
  });

  it('keeps hover, definition, references and rename right on a range cited by its ends only', () => {
    const citing = 'See Section X1.1 to X1.150 here.';
    const index = workspace({ 'file:///x.sec': sectionX(150), 'file:///d.sec': citing });
    const part = sectionX(150);
    const labelOf = (clause: string) => part.indexOf(`\n${clause} `) + 1;
    const citedAt = (clause: string) => references(index, 'file:///x.sec', labelOf(clause), false).filter((l) => l.uri === 'file:///d.sec');
    assert.equal(citedAt('X1.1').length, 1, 'the first end is a reference');
    assert.equal(citedAt('X1.150').length, 1, 'the second end is a reference');
    assert.equal(citedAt('X1.50').length, 0, 'a member between is not (the range-too-wide diagnostic says so)');
    const end = citing.lastIndexOf('X1.150') + 2;
    assert.match((hover(index, 'file:///d.sec', end)!.contents as { value: string }).value, /\*\*Section X1\.150\*\*/);
    assert.equal(definition(index, 'file:///d.sec', end)[0]?.targetUri, 'file:///x.sec');
    const edits = rename(index, 'file:///x.sec', labelOf('X1.150'), 'X1.160').changes!['file:///d.sec'];
    assert.deepEqual(edits.map((edit) => edit.newText), ['X1.160'], 'renaming an end renames it in the range');
  });

  it('hovers and goes to the definition of both written ends of a range, however many members it has', () => {
    for (const last of [5, 64, 65, 100]) {
      const citing = `See Section X1.1 to X1.${last} here.`;
      const index = workspace({ 'file:///x.sec': sectionX(100), 'file:///d.sec': citing });
      for (const [written, offset] of [['X1.1', citing.indexOf('X1.1') + 1], [`X1.${last}`, citing.lastIndexOf('X1.') + 1]] as const) {
        const value = (hover(index, 'file:///d.sec', offset)?.contents as { value: string } | undefined)?.value ?? '';
        assert.match(value, new RegExp(`\\*\\*Section ${written.replace('.', '\\.')}\\*\\*`), `hover on ${written} of a range to X1.${last}`);
        const [link] = definition(index, 'file:///d.sec', offset);
        assert.equal(link?.targetUri, 'file:///x.sec', `definition of ${written} of a range to X1.${last}`);
      }
      assert.equal(hover(index, 'file:///d.sec', citing.indexOf(' here') + 2), null, 'nothing after the range');
    }
  });
});

describe('hostile input: instruction previews', () => {
  const hoverValue = (files: Record<string, string>, offset = 2): string =>
    (hover(workspace(files), 'file:///m.sec', offset)!.contents as { value: string }).value;
  const afterPart = (value: string): string => value.slice(value.indexOf('After:'));

  it('shows the replacement text as written: "$&", "$\'", "$`" and "$1" are not patterns', () => {
    const part = 'Section H: DCC Services\nH4 Processing\nH4.1 The DCC shall notify the User.\n';
    for (const replacement of ["$'", '$&', '$`', '$1', '$$', "$'$'$&$`"]) {
      const value = hoverValue({ 'file:///h.sec': part, 'file:///m.sec': `In Section H4.1, replace "notify" with "${replacement}".\n` });
      const escaped = replacement.replace(/`/g, '\\`');
      assert.ok(afterPart(value).includes(`shall ${escaped} the User`), `${replacement}: ${afterPart(value)}`);
    }
  });

  it('finds quoted wording as the whitespace-insensitive pattern did, with or without its index', () => {
    const word = fc.stringMatching(/^[ab.]{1,4}$/);
    const spaced = fc.array(fc.tuple(word, fc.constantFrom(' ', '\n', '  ', '\t', ' \r\n')), { maxLength: 40 }).map((parts) => parts.flat().join(''));
    const pieces = fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(spaced, fc.array(spaced, { maxLength: 4 }), pieces, (text, others, cuts) => {
      const plain = new LooseText(text);
      const indexed = new LooseText(text, 0);
      // Pieces of the text itself (found, at the start too), and other wording (mostly not found), each searched twice.
      const quotes = [...cuts.map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b))), ...others];
      for (const quoted of [...quotes, ...quotes]) {
        const words = quoted.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const match = new RegExp(words.join('\\s+')).exec(text);
        const expected = quoted.trim() === '' ? { start: 0, end: 0 } : match ? { start: match.index, end: match.index + match[0].length } : null;
        assert.deepEqual(plain.find(quoted), expected);
        assert.deepEqual(indexed.find(quoted), expected);
      }
    }), { numRuns: 400 });
  });

  it('checks thousands of quoted wordings against one long Part in linear time', () => {
    const files = (count: number) => ({
      'file:///h.sec': `Section H: DCC Services\nH4 Processing\n${Array.from({ length: count }, (_, n) => `H4.${n + 1} The DCC shall act within ${n} days.`).join('\n')}\n`,
      'file:///m.sec': Array.from({ length: count }, (_, n) => `In Section H4, replace "The DCC shall act within ${n}x days" with "y".`).join('\n'),
    });
    const check = (texts: Record<string, string>) => workspace(texts).resolve('file:///m.sec').diagnostics;
    assertLinear(files, check, 500, 'instructions against one Part');
    const found = workspace({ ...files(3), 'file:///m.sec': 'In Section H4, replace "shall\n act within 2" with "y".\nIn Section H4, replace "within 7 days" with "y".' });
    assert.deepEqual(found.resolve('file:///m.sec').diagnostics.map((d) => d.code), ['instruction-text-not-found']);
  });

  it('previews only the lines it shows, however long the target or the replacement', () => {
    const clauses = Array.from({ length: 20_000 }, (_, n) => `H4.${n + 1} The DCC shall act within ${n} days.`);
    const part = `Section H: DCC Services\nH4 Processing\n${clauses.join('\n')}\n${'long '.repeat(100_000)}\n`;
    assert.ok(part.length > 1_000_000);
    const value = hoverValue({ 'file:///h.sec': part, 'file:///m.sec': `In Section H4, replace "shall act" with "${"$'".repeat(150)}".\n` });
    assert.ok(value.length < 20_000, `the hover is ${value.length} characters`);
    assert.match(afterPart(value), /The DCC (?:\$'){150} within 0 days/);
    const longLine = hoverValue({ 'file:///h.sec': part, 'file:///m.sec': 'Delete Section H4.\n' });
    assert.ok(longLine.length < 20_000);
  });
});

describe('per-file budgets and the remaining linear-time readers', () => {
  it('reads definitions on one long line, and in many tables of contents, in linear time', () => {
    assertLinear((size) => '"Term" means a Term. '.repeat(size), (text) => parse(text), 2000, 'definitions on one line');
    assertLinear((size) => 'CONTENTS\nA Heading\n"Term" means a Term.\n'.repeat(size), (text) => parse(text), 1000, 'definitions among contents');
  });

  it('reads a clause number\'s document from the text before it in linear time', () => {
    assertLinear((size) => 'See clause 1.1 of it. '.repeat(size), (text) => parse(text), 2000, 'clause numbers with no document');
  });

  it('reports and skips a file over the unit or the reference budget, in time linear in the budget', () => {
    const units = parse('Section H: T\nH4 P\n' + 'H4.1 x\n'.repeat(MAX_UNITS_PER_FILE + 10));
    assert.deepEqual(units.units, []);
    assert.deepEqual(units.diagnostics.map((d) => d.code), ['file-too-large']);
    assert.match(units.diagnostics[0].message, /more than 100,000 numbered units/);
    const references = parse('See Section H1, H2, H3, H4 and H5.\n'.repeat(MAX_REFERENCES_PER_FILE / 4));
    assert.deepEqual(references.references, []);
    assert.match(references.diagnostics.find((d) => d.code === 'file-too-large')!.message, /cites more than 100,000 references/);
    // The one-shot check says the same of it.
    const oneShot = new OneShotIndex({ catalogue: null });
    const text = 'See Section H1, H2, H3, H4 and H5.\n'.repeat(MAX_REFERENCES_PER_FILE / 4);
    oneShot.updateFile('file:///r.sec', text);
    assert.deepEqual(oneShot.resolve('file:///r.sec').diagnostics.map((d) => d.code), ['file-too-large']);
  });

  it('lists a thousand markup problems, then says how many more', () => {
    const { malformed } = scanChanges('{++ '.repeat(MAX_MARKUP_PROBLEMS + 500));
    assert.equal(malformed.length, MAX_MARKUP_PROBLEMS + 1);
    assert.match(malformed[MAX_MARKUP_PROBLEMS].message, /^500 more unclosed or malformed tracked-change markers/);
  });
});
