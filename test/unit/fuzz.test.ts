// Fuzzing the engine as a hostile or unlucky user would feed it (issue 13): random tokens and
// document-shaped text (SEC lines, tracked changes, ranges, long lines, control characters,
// lone surrogates) through the parser, the resolver and every feature, which must never
// throw and must answer in proportion to the input; and random edits, after which the
// editor's incremental index must say what a fresh index of the same texts says.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { rangeMemberBudget } from '../../server/src/core/parse/references';
import { codeActions } from '../../server/src/features/codeActions';
import { completion } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { references } from '../../server/src/features/references';
import { referenceAt } from '../../server/src/features/shared';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../../server/src/features/symbols';
import { catalogue, snapshot } from './fixtures';

const BASE_URI = 'file:///base.sec';
const FUZZ_URI = 'file:///fuzz.sec';
const BASE = 'Section H: DCC Services\nH4 Processing\nH4.1 The DCC shall act.\nH4.2 The DCC shall:\n(a) notify;\n(b) record.\nH4.3 [Not used]\n';

const TOKENS = [
  'Section ', 'Sections ', 'SEC ', 'section ', 'H', 'H4', 'H4.1', 'H4.2(b)', 'H4.3', 'H4.12', 'X5', 'X5.4', '.1', '(a)', '(ii)', '(A)',
  ' to ', '-', '–', ', ', ' and ', ' or ', 'Appendix ', 'Appendices ', 'AK', ' 4.2', 'Schedule ', '8', ' Version 3.2', ' v1.0',
  'Clause ', 'Paragraph ', ' of ', 'the ', 'Energy Act 2008', 'Condition 22', 'SECMP0045', 'SECMP 0001', '{++', '++}', '{--', '--}',
  '{~~', '~>', '~~}', '{>>', '<<}', '[Not used]', 'CONTENTS', '"', '\u201c', '\u201d', "'", '(DCC User Interface)', ': ', '\u2022 ',
  'Insert new Section H4.3A after Section H4.3', 'In Section H4.1, replace "shall" with "$\'$&$`"', 'Renumber Section H4.2 as Section H4.9',
  'Delete Section H4.1', '"Term" means ', 'H1.1 to H1.200', 'H4.1-H4.99', 'Section H1 to H150', '\n', '\r\n', '\r', ' ', '\t',
  '\u0000', '\u0007', '\u001b', '\ud800', '\udc00', '\u2028', '\ufeff', '\ufffd', 'x'.repeat(500), 'A1.1 ',
];

/** Characters of any kind, lone surrogates and control characters included. */
const anyCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);

const tokenText = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: anyCharacter }), { maxLength: 80, size: 'large' }).map((parts) => parts.join(''));

/** Lines shaped like a drafting file's: headings, Parts, clauses, paragraphs, prose that cites. */
const documentLine = fc.oneof(
  fc.tuple(fc.constantFrom('H', 'X', 'A'), fc.integer({ min: 1, max: 12 })).map(([letter, part]) => `${letter}${part} A Part Title`),
  fc.tuple(fc.constantFrom('H', 'X'), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 120 }), tokenText).map(([l, p, c, rest]) => `${l}${p}.${c} ${rest}`),
  fc.tuple(fc.constantFrom('(a)', '(b)', '(i)', '(A)'), tokenText).map(([label, rest]) => `${label} ${rest}`),
  fc.constantFrom('Section H: DCC Services', 'Section X: Transition', 'Appendix AK: SEC Variation Testing Approach Document', '4.2 Second.', ''),
  tokenText,
);
const documentText = fc.array(documentLine, { maxLength: 30, size: 'large' }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));
const anyText = fc.oneof(tokenText, documentText);

function offsets(text: string): number[] {
  return [0, text.length, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1].filter((offset) => offset >= 0);
}

/** Every feature at a few places: nothing thrown, every range in the file, every answer bounded. */
function exerciseFeatures(index: EditorIndex, text: string): void {
  const summary = index.summary(FUZZ_URI)!;
  const lineCount = summary.lines.lineCount;
  const inFile = (range: { start: { line: number }; end: { line: number } }) => assert.ok(range.start.line >= 0 && range.end.line < lineCount);
  for (const offset of offsets(text)) {
    const shown = hover(index, FUZZ_URI, offset);
    if (shown) assert.ok((shown.contents as { value: string }).value.length < 40_000);
    for (const link of definition(index, FUZZ_URI, offset)) inFile(link.originSelectionRange!);
    for (const location of references(index, FUZZ_URI, offset, true)) if (location.uri === FUZZ_URI) inFile(location.range);
    const items = completion(index, FUZZ_URI, offset)?.items ?? [];
    assert.ok(items.length <= 5000);
    codeActions(index, FUZZ_URI, { start: offset, end: Math.min(text.length, offset + 5) });
  }
  for (const symbol of documentSymbols(summary)) inFile(symbol.range);
  for (const range of foldingRanges(summary)) assert.ok(range.endLine < lineCount);
  for (const link of documentLinks(index, FUZZ_URI)) inFile(link.range);
  workspaceSymbols(index, text.slice(0, 6));
}

/** The written reference holding an offset, found by reading them all (what referenceAt must find by search). */
function writtenAt(index: EditorIndex, offset: number): unknown {
  return index.resolve(FUZZ_URI).references.filter((r) => !r.reference.viaRange && r.reference.start <= offset && offset <= r.reference.end).pop();
}

describe('fuzzing: hostile and random input', () => {
  it('parses, resolves and answers every feature without throwing, in proportion to the input', () => {
    fc.assert(fc.property(anyText, (text) => {
      const index = new EditorIndex({ catalogue });
      index.updateFile(BASE_URI, BASE);
      index.updateFile(FUZZ_URI, text);
      const { references: found, diagnostics } = index.resolve(FUZZ_URI);
      for (const item of [...found.map((r) => r.reference), ...diagnostics, ...index.summary(FUZZ_URI)!.parsed.units]) {
        assert.ok(item.start >= 0 && item.start <= item.end && item.end <= text.length, `${item.start}–${item.end} in ${text.length}`);
      }
      assert.ok(found.length <= text.length / 2 + rangeMemberBudget(text.length), `${found.length} references in ${text.length} characters`);
      assert.ok(diagnostics.length <= text.length + 1, `${diagnostics.length} diagnostics in ${text.length} characters`);
      exerciseFeatures(index, text);
      for (let offset = 0; offset <= text.length; offset += 7) assert.equal(referenceAt(index, FUZZ_URI, offset), writtenAt(index, offset));
    }), { numRuns: 500 });
  });

  it('keeps the editor index equal to a fresh index of the same texts after any edits', () => {
    const uris = [FUZZ_URI, 'file:///second.sec'];
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), uri: fc.constantFrom(...uris), text: anyText }),
      fc.record({
        kind: fc.constant('type' as const), uri: fc.constantFrom(...uris), at: fc.nat(2000), removed: fc.nat(4),
        inserted: fc.oneof(fc.constantFrom(...TOKENS, '', '1', '9', 'A'), anyCharacter),
      }),
      fc.record({ kind: fc.constant('remove' as const), uri: fc.constantFrom(...uris) }),
    );
    fc.assert(fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const index = new EditorIndex({ catalogue });
      const texts = new Map<string, string>([[BASE_URI, BASE], [FUZZ_URI, start]]);
      for (const [uri, text] of texts) index.updateFile(uri, text);
      for (const step of edits) {
        const current = texts.get(step.uri);
        if (step.kind === 'remove') {
          texts.delete(step.uri);
          index.removeFile(step.uri);
          continue;
        }
        let text = step.kind === 'set' ? step.text : undefined;
        if (step.kind === 'type') {
          if (current === undefined) continue;
          const at = Math.min(step.at, current.length);
          text = current.slice(0, at) + step.inserted + current.slice(Math.min(current.length, at + step.removed));
        }
        texts.set(step.uri, text!);
        index.updateFile(step.uri, text!);
        for (const uri of index.uris()) index.resolve(uri);
      }
      const fresh = new EditorIndex({ catalogue });
      for (const [uri, text] of [...texts].sort()) fresh.updateFile(uri, text);
      assert.deepEqual(snapshot(index), snapshot(fresh));
    }), { numRuns: 500 });
  });
});
