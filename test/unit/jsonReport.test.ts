// `secls check --json` writes its document as it goes (issue 13, item 6): the same bytes as
// JSON.stringify of the whole document, never held as one string.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCheck } from '../../server/src/cli/checkCommand';
import { displayPath, FileReport, jsonEntry } from '../../server/src/cli/fileReports';
import type { CoreDiagnostic, DefinedTerm } from '../../server/src/core/model/types';
import type { ResolvedReference } from '../../server/src/core/resolve/diagnostics';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/** The entry as the CLI printed it before it streamed: the whole object through JSON.stringify. */
function stringifiedEntry(report: FileReport, cwd: string): string {
  const index = new LineIndex(report.text);
  const entry = {
    path: displayPath(report.path, cwd),
    references: report.references.map(({ reference, resolution }) => ({ text: reference.text, range: index.rangeOf(reference), target: resolution.target, status: resolution.status })),
    definitions: (report.definitions ?? []).map((d) => ({ term: d.term, range: index.rangeOf(d), scope: d.scope?.id ?? 'code' })),
    termUses: (report.termUses ?? []).map((use) => ({ text: report.text.slice(use.start, use.end), range: index.rangeOf(use), term: use.term })),
    diagnostics: report.diagnostics.map((d) => ({ range: index.rangeOf(d), severity: d.severity, code: d.code, message: d.message })),
  };
  return `    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
}

const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '\n', '\r', '"', '\\', '\u2028', '\ud800', '\u00e9'), fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code))), maxLength: 60 });

describe('secls check --json, streamed', () => {
  it('writes each entry exactly as JSON.stringify of the whole entry did, whatever the strings', () => {
    const span = (text: string) => fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
    const report = anyText.chain((text) => fc.record({
      path: fc.constantFrom('/w/a.sec', '/w/sub/b "q".sec', '/elsewhere/c.sec'),
      text: fc.constant(text),
      references: fc.array(fc.record({
        span: span(text), written: anyText, target: fc.option(anyText, { nil: null }),
        status: fc.constantFrom('ok', 'broken', 'external'),
      }).map(({ span: at, written, target, status }) => ({
        reference: { ...at, text: written, target, kind: 'sec' }, resolution: { status, target }, found: undefined,
      }) as unknown as ResolvedReference), { maxLength: 4 }),
      diagnostics: fc.array(fc.record({ span: span(text), message: anyText }).map(({ span: at, message }) => ({
        ...at, severity: 'error', code: 'broken-reference', message,
      }) as CoreDiagnostic), { maxLength: 3 }),
      definitions: fc.array(fc.record({ span: span(text), term: anyText, scope: fc.option(anyText, { nil: undefined }) }).map(({ span: at, term, scope }) => ({
        ...at, term, definitionEnd: at.end, form: 'table', ...(scope === undefined ? {} : { scope: { id: scope, start: 0, end: 0 } }),
      }) as DefinedTerm), { maxLength: 3 }),
      termUses: fc.array(fc.record({ span: span(text), term: anyText }).map(({ span: at, term }) => ({ ...at, term })), { maxLength: 3 }),
    }));
    fc.assert(fc.property(report, (generated) => {
      assert.equal([...jsonEntry(generated, '/w')].join(''), stringifiedEntry(generated, '/w'));
    }), { numRuns: 500 });
  });

  it('writes a large report in chunks as the files are checked, and the chunks make one valid document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secls-json-'));
    try {
      for (let f = 0; f < 40; f++) writeFileSync(join(dir, `f${f}.sec`), `H9 A Part\nH9.1 One.\n${'See Section H4.2, Section H9.7 and Appendix AZ.\n'.repeat(400)}`);
      const chunks: string[] = [];
      const status = await runCheck({ format: 'json', version: 'test', catalogue: true, paths: [dir], cwd: dir, stderr: () => undefined }, async (chunk) => {
        chunks.push(chunk);
      });
      assert.equal(status, 1);
      const document = JSON.parse(chunks.join(''));
      assert.equal(document.files.length, 40);
      assert.equal(document.summary.references, 40 * 400 * 3);
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      assert.ok(chunks.length >= 4, `${total} characters in ${chunks.length} chunks`);
      assert.ok(Math.max(...chunks.map((chunk) => chunk.length)) < 1.1 * (1 << 20), 'no chunk much above a megabyte');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
