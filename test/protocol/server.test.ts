// Protocol tests: the built server, spawned and driven over JSON-RPC like an editor, on a
// multi-file workspace, over stdio (any LSP editor) and IPC (how VS Code starts it).
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, LocationLink, SymbolInformation, TextEdit,
} from 'vscode-languageserver-types';
import type { ConflictPair, ConsolidationPreview, WordExport, WordImport } from '../../server/src/protocol';
import { definitionsFile } from '../unit/fixtures';
import { SERVER, TestClient, Transport } from './lspClient';

const X = [
  'Section X: Transition',
  '',
  'X5 Incorporation of Certain Documents into this Code',
  '',
  'X5.1 The Secretary of State may designate documents.',
  'X5.2 [Not used]',
  'X5.3 Each designated document shall have effect.',
  'X5.4 The DCC shall give effect to each designated document:',
  '(a) from its designation date; and',
  '(b) as amended from time to time.',
  '',
].join('\n');

const H = [
  'Section H: DCC Services',
  '',
  'H4 Processing Service Requests',
  '',
  'Eligibility Generally',
  '',
  ...Array.from({ length: 12 }, (_, i) => `H4.${i + 1} Clause ${i + 1} of Part H4.`),
  '',
  'H10 Business Continuity',
  '',
  ...Array.from({ length: 13 }, (_, i) => `H10.${i + 1} Continuity clause ${i + 1}.`),
  '',
].join('\n');

const DRAFT = [
  'Draft legal text for SECMP0099',
  '',
  'The DCC shall act under Section X5.4 and Section X5.9.',
  'Users shall be notified under Section H4.21.',
  'Apply Sections H10.9-H10.13 during an invocation.',
  'Designation follows Section X5.2.',
  'See Section H4 (Processing Service Requests) and Section H4 (Service Processing).',
  'Obligations in Section G2.14 and Section G2 are unchanged.',
  'Also Section X3 applies.',
  '',
].join('\n');

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle));
}

function positionOf(text: string, needle: string, delta = 1): { line: number; character: number } {
  const line = lineOf(text, needle);
  return { line, character: text.split('\n')[line].indexOf(needle) + delta };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

const codesOf = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

/** Whether a `file:…#L12` link points at the line of a README that explains the code. */
function explains(href: string, code: string): boolean {
  const [file, line] = href.split('#L');
  const text = readFileSync(fileURLToPath(file), 'utf8').split(/\r?\n/)[Number(line) - 1] ?? '';
  return text.includes(`<a id="${code}"></a>`);
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const transport of ['stdio', 'ipc'] as Transport[]) {
  describe(`language server over ${transport}`, function () {
    this.timeout(20000);
    let folder: string;
    let client: TestClient;
    let uri: (name: string) => string;

    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'sec-lsp-'));
      mkdirSync(join(folder, 'drafts'));
      writeFileSync(join(folder, 'x.sec'), X);
      writeFileSync(join(folder, 'h.sec'), H);
      writeFileSync(join(folder, 'drafts', 'draft.sec'), DRAFT);
      writeFileSync(join(folder, 'sec.config.json'), JSON.stringify({ deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }] }));
      uri = (name) => `file://${join(folder, name)}`;
      client = await TestClient.start(transport, folder);
    });

    after(async () => {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    it('publishes diagnostics for a file that was never opened, with codes and documentation links', async () => {
      const diagnostics = await client.waitForDiagnostics(uri('drafts/draft.sec'), (d) => d.length >= 5);
      assert.deepEqual(codesOf(diagnostics), ['broken-reference', 'broken-reference', 'deprecated-reference', 'deprecated-reference', 'title-mismatch']);
      const broken = diagnostics.find((d) => String(d.message).includes('X5.9'))!;
      assert.equal(broken.severity, 1);
      assert.deepEqual(broken.range, { start: { line: 2, character: 41 }, end: { line: 2, character: 53 } });
      assert.ok(explains(broken.codeDescription!.href, 'broken-reference'), `${broken.codeDescription!.href} explains broken-reference`);
      assert.ok(client.progress.length > 0, 'indexing reports work-done progress');
    });

    it('updates the diagnostics of citing files when a clause is deleted elsewhere, and clears them when it is restored', async () => {
      await client.waitForDiagnostics(uri('drafts/draft.sec'), (d) => d.length >= 5);
      client.open(uri('x.sec'), X);
      const start = { line: lineOf(X, 'X5.4'), character: 0 };
      const end = { line: lineOf(X, '(b) as amended') + 1, character: 0 };
      const removed = X.split('\n').slice(start.line, end.line).join('\n') + '\n';
      client.edit(uri('x.sec'), { start, end }, '');
      const after = await client.waitForDiagnostics(uri('drafts/draft.sec'), (d) => d.some((x) => String(x.message).includes('Section X5.4 does not exist')));
      assert.equal(after.filter((d) => d.code === 'broken-reference').length, 3);
      client.edit(uri('x.sec'), { start, end: start }, removed);
      const restored = await client.waitForDiagnostics(uri('drafts/draft.sec'), (d) => !d.some((x) => String(x.message).includes('Section X5.4 does not exist')));
      assert.equal(restored.filter((d) => d.code === 'broken-reference').length, 2);
    });

    it('keeps the diagnostics of an open file right as it is typed in, one range at a time: at a line start, across a line break', async () => {
      const draft = uri('drafts/draft.sec');
      await client.waitForDiagnostics(draft, (d) => d.length >= 5);
      client.open(draft, DRAFT);
      const line = lineOf(DRAFT, 'Designation follows');
      const at = (character: number, to = character) => ({ start: { line, character }, end: { line, character: to } });
      const brokenLines = (d: Diagnostic[]) => d.filter((x) => x.code === 'broken-reference').map((x) => x.range.start.line).sort();
      const typed = 'See Section X5.9 and ';
      for (let i = 0; i < typed.length; i++) client.edit(draft, at(i), typed[i]);
      await client.waitForDiagnostics(draft, (d) => brokenLines(d).join() === [2, 3, line].join());
      // The line joined to the one before it, then split again: the edits' ranges span the line break.
      const before = { line: line - 1, character: DRAFT.split('\n')[line - 1].length };
      client.edit(draft, { start: before, end: { line, character: 0 } }, ' ');
      await client.waitForDiagnostics(draft, (d) => brokenLines(d).join() === [2, 3, line - 1].join());
      client.edit(draft, { start: before, end: { line: before.line, character: before.character + 1 } }, '\n');
      await client.waitForDiagnostics(draft, (d) => brokenLines(d).join() === [2, 3, line].join());
      for (let i = typed.length; i > 0; i--) client.edit(draft, at(i - 1, i), '');
      const restored = await client.waitForDiagnostics(draft, (d) => brokenLines(d).join() === [2, 3].join());
      assert.deepEqual(codesOf(restored), ['broken-reference', 'broken-reference', 'deprecated-reference', 'deprecated-reference', 'title-mismatch']);
    });

    it('hovers a reference with its heading, text, location and status', async () => {
      client.open(uri('drafts/draft.sec'), DRAFT);
      const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section X5.4', 9) });
      const value = (result.contents as { value: string }).value;
      assert.match(value, /\*\*Section X5\.4\*\*/);
      assert.match(value, /Section X5 Incorporation of Certain Documents into this Code/);
      assert.match(value, /give effect to each designated document/);
      assert.match(value, /\(a\) from its designation date/);
      assert.match(value, /x\.sec, line 8/);
      const catalogue = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section G2.14', 9) });
      const text = (catalogue.contents as { value: string }).value;
      assert.match(text, /unverified/);
      assert.match(text, /SEC catalogue/);
      const deprecated = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section X3', 9) });
      assert.match((deprecated.contents as { value: string }).value, /deprecated — Spent\. Its replacement is \*\*Section X5\*\*\./);
    });

    it('hovers a unit number with how often it is cited', async () => {
      client.open(uri('h.sec'), H);
      const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('h.sec') }, position: { line: lineOf(H, 'H10.11 '), character: 2 } });
      assert.match((result.contents as { value: string }).value, /Cited by \*\*1\*\* reference from \*\*1\*\* file/);
    });

    it('goes to the definition in another file, and to a catalogue document for a catalogue-only target', async () => {
      const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section X5.4', 9) });
      assert.equal(links.length, 1);
      assert.equal(links[0].targetUri, uri('x.sec'));
      assert.equal(links[0].targetSelectionRange.start.line, lineOf(X, 'X5.4'));
      const catalogue = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section G2 ', 9) });
      assert.equal(catalogue[0].targetUri, 'sec-catalogue:/Section%20G2.sec');
      const content = await client.request<string>('sec/catalogueDocument', { uri: catalogue[0].targetUri });
      assert.match(content, /^Section G: Security\n\nG2 System Security: Obligations on the DCC\n/);
      assert.doesNotMatch(content, /^#|\*\*/m, 'plain text, not Markdown');
    });

    it('finds references across files, including members of a range', async () => {
      const locations = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: uri('h.sec') }, position: { line: lineOf(H, 'H10.11 '), character: 2 }, context: { includeDeclaration: true },
      });
      assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]).sort(), [[uri('drafts/draft.sec'), 4], [uri('h.sec'), lineOf(H, 'H10.11 ')]].sort());
      const part = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: uri('drafts/draft.sec') }, position: positionOf(DRAFT, 'Section H4 (Processing', 9), context: { includeDeclaration: false },
      });
      assert.equal(part.length, 3, 'H4.21, and H4 twice');
    });

    it('completes Parts, clauses of a Part, and Schedule versions', async () => {
      const text = 'See Section X5.\nSee Section \nSee Schedule 8 Version \n';
      client.open(uri('drafts/new.sec'), text);
      const clauses = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri('drafts/new.sec') }, position: { line: 0, character: 15 } });
      assert.deepEqual(clauses.items.map((i) => [i.label, i.tags]), [['X5.1', undefined], ['X5.2', [1]], ['X5.3', undefined], ['X5.4', undefined]]);
      const resolved = await client.request<CompletionItem>('completionItem/resolve', clauses.items[3]);
      assert.equal(resolved.documentation, 'The DCC shall give effect to each designated document:');
      const parts = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri('drafts/new.sec') }, position: { line: 1, character: 12 } });
      const labels = parts.items.map((i) => i.label);
      assert.ok(labels.includes('H4') && labels.includes('X5') && labels.includes('G2') && labels.includes('N4A'));
      const sorted = [...parts.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
      assert.match(String(sorted[0].labelDetails?.description), /^[hx]\.sec$/, 'a workspace target names its file');
      assert.equal(parts.items.find((i) => i.label === 'G2')!.detail, 'System Security: Obligations on the DCC');
      const versions = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri('drafts/new.sec') }, position: { line: 2, character: 23 } });
      assert.deepEqual(versions.items.map((i) => i.label), ['1.0', '1.1', '2.0', '2.1', '3.0', '3.1', '3.2']);
    });

    it('shows code lenses counting citations, resolved one by one, and none once sec.codeLens.enabled is off', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('h.sec') } });
      const h1011 = lenses.find((lens) => lens.range.start.line === lineOf(H, 'H10.11 '))!;
      assert.equal(h1011.command, undefined, 'counted only when resolved');
      const resolved = await client.request<CodeLens>('codeLens/resolve', h1011);
      assert.equal(resolved.command!.title, 'cited by 1 · 1 file');
      assert.equal(resolved.command!.command, 'editor.action.showReferences');
      assert.equal((resolved.command!.arguments![2] as Location[])[0].uri, uri('drafts/draft.sec'));
      const refreshes = client.codeLensRefreshes;
      client.settings = { codeLens: { enabled: false } };
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      try {
        let listed: CodeLens[] = lenses;
        for (const deadline = Date.now() + 5000; listed.length > 0 && Date.now() < deadline;) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          listed = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('h.sec') } });
        }
        assert.deepEqual(listed, []);
        await waitUntil(() => client.codeLensRefreshes > refreshes, 'a workspace/codeLens/refresh request');
      } finally {
        client.settings = {};
        client.notify('workspace/didChangeConfiguration', { settings: {} });
      }
    });

    it('gives a hierarchical outline and workspace symbols by id or title', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('h.sec') } });
      assert.equal(symbols[0].name, 'Section H: DCC Services');
      const h4 = symbols[0].children![0];
      assert.equal(h4.name, 'H4 Processing Service Requests');
      assert.equal(h4.children![0].name, 'Eligibility Generally');
      assert.equal(h4.children![0].children!.length, 12);
      const byId = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'X5.4' });
      assert.deepEqual(byId.map((s) => s.name), ['X5.4']);
      const byTitle = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'incorporation documents' });
      assert.deepEqual(byTitle.map((s) => s.name), ['X5 Incorporation of Certain Documents into this Code']);
    });

    it('offers quick fixes that produce the expected text', async () => {
      const draftUri = uri('drafts/draft.sec');
      const all = { start: { line: 0, character: 0 }, end: { line: DRAFT.split('\n').length, character: 0 } };
      const diagnostics = await client.waitForDiagnostics(draftUri, (d) => d.length >= 5);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: draftUri }, range: all, context: { diagnostics } });
      const apply = (title: RegExp): string => {
        const action = actions.find((a) => title.test(a.title));
        assert.ok(action, `no action ${title}; have ${actions.map((a) => a.title).join(' | ')}`);
        return applyEdits(DRAFT, action.edit!.changes![draftUri]);
      };
      assert.match(apply(/^Cite Section X5 instead of Section X3$/), /Also Section X5 applies\./);
      assert.match(apply(/^Use the title of Section H4/), /and Section H4 \(Processing Service Requests\)\./);
      assert.match(apply(/^Did you mean Section H4\.12/), /notified under Section H4\.12\./);
      assert.ok(!actions.some((a) => /Did you mean Section X5\.\d/.test(a.title) && !/X5\.[1-4]\b/.test(a.title)));
    });

    it('renames a clause across files, and refuses a number that exists', async () => {
      const position = { line: lineOf(X, 'X5.3'), character: 2 };
      const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri('x.sec') }, position });
      assert.equal(prepared.placeholder, 'X5.3');
      const edit = await client.request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', { textDocument: { uri: uri('x.sec') }, position: { line: lineOf(X, 'X5.4'), character: 2 }, newName: 'X5.5' });
      assert.deepEqual(Object.keys(edit.changes).sort(), [uri('drafts/draft.sec'), uri('x.sec')].sort());
      assert.match(applyEdits(DRAFT, edit.changes[uri('drafts/draft.sec')]), /under Section X5\.5 and Section X5\.9\./);
      await assert.rejects(
        client.request('textDocument/rename', { textDocument: { uri: uri('x.sec') }, position: { line: lineOf(X, 'X5.4'), character: 2 }, newName: 'X5.3' }),
        /Section X5\.3 already exists/,
      );
    });

    it('renumbers a Part through its code action, asking the editor to apply a confirmed edit', async () => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri('x.sec') }, range: { start: { line: lineOf(X, 'X5 Incorporation'), character: 0 }, end: { line: lineOf(X, 'X5 Incorporation'), character: 0 } }, context: { diagnostics: [] },
      });
      const renumber = actions.find((action) => action.title === 'Renumber the clauses of Section X5');
      assert.ok(renumber?.command);
      await client.request('workspace/executeCommand', renumber.command);
      // Already in sequence: nothing to apply, the user is told so.
      assert.equal(client.appliedEdits.length, 0);
      assert.match(client.messages.join('\n'), /already numbered in sequence/);
    });

    it('renumbers a Part that is out of sequence with one confirmed edit covering its citations', async () => {
      const part = 'Section Q: Test\nQ1 Trial\nQ1.1 One.\nQ1.3 Three.\n';
      client.open(uri('q.sec'), part);
      client.open(uri('drafts/q-cites.sec'), 'See Section Q1.3.\n');
      await client.waitForDiagnostics(uri('drafts/q-cites.sec'), () => true);
      const before = client.appliedEdits.length;
      await client.request('workspace/executeCommand', { command: 'sec.server.renumberPart', arguments: [uri('q.sec'), { line: 1, character: 0 }] });
      assert.equal(client.appliedEdits.length, before + 1);
      const { edit } = client.appliedEdits[before] as { edit: { documentChanges: Array<{ textDocument: { uri: string }; edits: TextEdit[] }>; changeAnnotations: Record<string, { needsConfirmation: boolean }> } };
      assert.equal(edit.changeAnnotations.renumber.needsConfirmation, true);
      const byUri = new Map(edit.documentChanges.map((change) => [change.textDocument.uri, change.edits]));
      assert.equal(applyEdits(part, byUri.get(uri('q.sec'))!), 'Section Q: Test\nQ1 Trial\nQ1.1 One.\nQ1.2 Three.\n');
      assert.equal(applyEdits('See Section Q1.3.\n', byUri.get(uri('drafts/q-cites.sec'))!), 'See Section Q1.2.\n');
    });

    it('warns about references to a clause that an amendment deletes', async () => {
      client.open(uri('drafts/delete-x53.sec'), 'Amend Section X5 as follows:\n{--X5.3 Each designated document shall have effect.--}\n');
      client.open(uri('drafts/cites-x53.sec'), 'See Section X5.3.\n');
      const [warning] = await client.waitForDiagnostics(uri('drafts/cites-x53.sec'), (d) => d.length === 1);
      assert.equal(warning.code, 'reference-to-deleted');
      assert.match(String(warning.message), /deleted by delete-x53\.sec/);
    });

    it('checks amendment instructions and previews them on hover', async () => {
      const text = 'In Section X5.4(a), replace "designation date" with "commencement date".\nIn Section X5.4(b), replace "no such words" with "x".\nInsert new Section X5.6 after Section X5.1.\n';
      client.open(uri('drafts/instructions.sec'), text);
      const diagnostics = await client.waitForDiagnostics(uri('drafts/instructions.sec'), (d) => d.length === 2);
      assert.deepEqual(codesOf(diagnostics), ['instruction-text-not-found', 'numbering-order']);
      const preview = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('drafts/instructions.sec') }, position: { line: 0, character: 22 } });
      const value = (preview.contents as { value: string }).value;
      assert.match(value, /Before:[\s\S]*from its designation date[\s\S]*After:[\s\S]*from its commencement date/);
    });

    it('inserts a clause after the one at the cursor, through the server command', async () => {
      const before = client.appliedEdits.length;
      await client.request('workspace/executeCommand', { command: 'sec.server.insertClauseAfter', arguments: [uri('x.sec'), { line: lineOf(X, 'X5.1'), character: 3 }] });
      const { edit } = client.appliedEdits[before] as { edit: { changes: Record<string, TextEdit[]> } };
      const [insertion] = edit.changes[uri('x.sec')];
      assert.equal(insertion.newText, '\nX5.1A ');
      assert.equal(insertion.range.start.line, lineOf(X, 'X5.1'));
    });

    it('resolves a clause only an amendment inserts, says so on hover, and reports malformed markup', async () => {
      client.open(uri('drafts/insert-x57.sec'), 'Section X: Transition\nX5 Incorporation of Certain Documents into this Code\n{++X5.7 A new clause.++}\n{-- unclosed\n');
      const markup = await client.waitForDiagnostics(uri('drafts/insert-x57.sec'), (d) => d.length > 0);
      assert.ok(markup.some((d) => d.code === 'malformed-change'));
      client.open(uri('drafts/cites-x57.sec'), 'See Section X5.7.\n');
      await client.waitForDiagnostics(uri('drafts/cites-x57.sec'), (d) => d.length === 0);
      const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('drafts/cites-x57.sec') }, position: { line: 0, character: 8 } });
      assert.match((result.contents as { value: string }).value, /insert-x57\.sec, line 3 — inserted by this amendment/);
    });

    it('shows the amended text and the redline of an amendment', async () => {
      const amendment = 'Amend as follows: {--old words--}{++new words++} {>>why<<}\n';
      client.open(uri('drafts/amendment.sec'), amendment);
      const amended = await client.request<string>('sec/amendedText', { uri: uri('drafts/amendment.sec') });
      assert.equal(amended, 'Amend as follows: new words \n');
      const redline = await client.request<{ body: string; document: string }>('sec/redline', { uri: uri('drafts/amendment.sec') });
      assert.match(redline.body, /<del>old words<\/del><ins>new words<\/ins>/);
      assert.match(redline.document, /^<!DOCTYPE html>/);
    });

    it('lists two drafts that apply cleanly together, previews their consolidation, and converts a draft to Word and back, writing no file', async () => {
      const first = 'MP1: First\nAmend Section H10.2 as follows:\nH10.2 {~~Continuity~>Resilience~~} clause 2.\n';
      const second = 'MP2: Second\nAmend Section H10.2 as follows:\nH10.2 Continuity {~~clause~>provision~~} 2.\n';
      client.open(uri('drafts/mp1.sec'), first);
      client.open(uri('drafts/mp2.sec'), second);
      const [note] = await client.waitForDiagnostics(uri('drafts/mp1.sec'), (d) => d.some((x) => x.code === 'amendment-conflict'));
      assert.equal(note.severity, 3);
      assert.match(String(note.message), /^Applies cleanly with MP2 \(mp2\.sec, line 2\)/);
      const pairs = await client.request<ConflictPair[]>('workspace/executeCommand', { command: 'sec.server.listConflicts', arguments: [] });
      const pair = pairs.find((candidate) => candidate.first.uri === uri('drafts/mp1.sec'))!;
      assert.deepEqual([pair.first.description, pair.second.description, pair.appliesCleanly], ['MP1 amends Section H10.2', 'MP2 amends Section H10.2', true]);
      assert.deepEqual(pair.second.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 31 } });
      const files = readdirSync(folder, { recursive: true }).sort();
      const ofDraft = await client.request<ConsolidationPreview>('sec/consolidationPreview', { uri: uri('drafts/mp1.sec') });
      assert.deepEqual([ofDraft.drafts, ofDraft.files.map((file) => file.uri)], [['MP1'], [uri('h.sec')]]);
      assert.match(ofDraft.files[0].consolidated, /\nH10\.2 Resilience clause 2\.\n/);
      assert.equal(ofDraft.files[0].baseline, H);
      const ofSection = await client.request<ConsolidationPreview>('sec/consolidationPreview', { uri: uri('h.sec') });
      assert.deepEqual(ofSection.drafts, ['MP1', 'MP2']);
      assert.match(ofSection.files[0].consolidated, /\nH10\.2 Resilience provision 2\.\n/);
      const exported = await client.request<WordExport>('sec/exportWord', { uri: uri('drafts/mp1.sec') });
      assert.equal(Buffer.from(exported.data!, 'base64').subarray(0, 2).toString(), 'PK');
      assert.equal(exported.summary, '1 insertion, 1 deletion, 0 comments as tracked changes by SEC Language Tools');
      const imported = await client.request<WordImport>('sec/importWord', { data: exported.data!, name: 'mp1.docx' });
      assert.equal(imported.text, first);
      const refused = await client.request<WordImport>('sec/importWord', { data: Buffer.from('not a zip').toString('base64'), name: 'junk.docx' });
      assert.match(refused.error!, /^Cannot import junk\.docx: /);
      assert.deepEqual(readdirSync(folder, { recursive: true }).sort(), files, 'the server wrote no file');
    });

    it('re-reads sec.config.json and files changed on disk', async () => {
      writeFileSync(join(folder, 'sec.config.json'), '{ "severities": { "broken-reference": "off" }, }');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('sec.config.json'), type: 2 }] });
      const problems = await client.waitForDiagnostics(uri('sec.config.json'), (d) => d.length === 1);
      assert.equal(problems[0].code, 'invalid-config');
      writeFileSync(join(folder, 'sec.config.json'), '{ "severities": { "broken-reference": "off" } }');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('sec.config.json'), type: 2 }] });
      await client.waitForDiagnostics(uri('sec.config.json'), (d) => d.length === 0);
      writeFileSync(join(folder, 'extra.sec'), 'Cite Section X5.8.\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('extra.sec'), type: 1 }] });
      writeFileSync(join(folder, 'late.sec'), 'Cite Section H99 (Nothing).\n');
      writeFileSync(join(folder, 'sec.config.json'), '{}');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('late.sec'), type: 1 }, { uri: uri('sec.config.json'), type: 2 }] });
      const late = await client.waitForDiagnostics(uri('late.sec'), (d) => d.length === 1);
      assert.equal(late[0].code, 'broken-reference');
    });
  });
}

describe('language server settings', function () {
  this.timeout(20000);
  let folder: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'sec-lsp-settings-'));
    mkdirSync(join(folder, 'old'));
    writeFileSync(join(folder, 'a.sec'), 'See Section G2.14 and Section H99 and Section H3 (DCC User Gateway).\n');
    writeFileSync(join(folder, 'old', 'b.sec'), 'See Section H98.\n');
    client = await TestClient.start('stdio', folder, {
      exclude: ['old/**'],
      catalogue: { enabled: false },
      diagnostics: { severity: { 'unverified-reference': 'hint', 'title-mismatch': 'off' } },
    });
  });

  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies sec.exclude, sec.catalogue.enabled and sec.diagnostics.severity', async () => {
    const uri = `file://${join(folder, 'a.sec')}`;
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    // Without the catalogue nothing is known about G2 or H: unverified (as hints), not broken; no title check either.
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unverified-reference', 4], ['unverified-reference', 4], ['unverified-reference', 4]]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(client.diagnostics.has(`file://${join(folder, 'old', 'b.sec')}`), false, 'the excluded file is not indexed');
  });
});

describe('language server start-up', function () {
  this.timeout(20000);

  it('publishes the loaded workspace\'s diagnostics at once, without the typing debounce', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sec-lsp-startup-'));
    writeFileSync(join(folder, 'a.sec'), 'H9 A Part\nH9.1 See Section H9.7.\n');
    const client = await TestClient.start('stdio', folder, {}, { diagnosticsDelayMs: 60000 });
    try {
      const diagnostics = await client.waitForDiagnostics(`file://${join(folder, 'a.sec')}`, (d) => d.length > 0, 5000);
      assert.deepEqual(diagnostics.map((d) => d.code), ['broken-reference']);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server catalogue', function () {
  this.timeout(20000);

  it('uses the newer catalogue sec.config.json names, says which in hovers, and reports one it cannot read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sec-lsp-catalogue-'));
    const contents = ' Version Control\n\n7.0 2 March 2026 Modifications\n\nCONTENTS\n\nSection H: DCC Services\n\nH16 Further Services Offered by the DCC\n';
    writeFileSync(join(folder, 'contents.txt'), contents);
    writeFileSync(join(folder, 'sec.config.json'), '{ "catalogue": "contents.txt" }');
    writeFileSync(join(folder, 'a.sec'), 'See Section H16 and Section H17.\n');
    const a = `file://${join(folder, 'a.sec')}`;
    const client = await TestClient.start('stdio', folder, {}, { diagnosticsDelayMs: 0 });
    try {
      const diagnostics = await client.waitForDiagnostics(a, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character]), [['not-in-catalogue', 20]]);
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 10 } });
      assert.match(hover.contents.value, /From SEC catalogue \(SEC version 7\.0, 2 March 2026\)/);
      writeFileSync(join(folder, 'sec.config.json'), '{ "catalogue": "gone.txt" }');
      const config = `file://${join(folder, 'sec.config.json')}`;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
      const problems = await client.waitForDiagnostics(config, (d) => d.length === 1);
      assert.match(String(problems[0].message), /Catalogue "gone\.txt", line 1: no such file or folder; using the SEC catalogue \(SEC version 6\.19/);
      const embedded = await client.waitForDiagnostics(a, (d) => d.length === 2);
      assert.deepEqual(embedded.map((d) => d.code), ['not-in-catalogue', 'not-in-catalogue']);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server installed from a package', function () {
  this.timeout(20000);

  it('links each diagnostic code to its explanation in the packaged readme.md, whatever its case', async () => {
    // As `vsce package` lays it out: dist/server.js, and the README renamed to readme.md.
    const extension = mkdtempSync(join(tmpdir(), 'sec-installed-'));
    const folder = mkdtempSync(join(tmpdir(), 'sec-lsp-installed-'));
    mkdirSync(join(extension, 'dist'));
    copyFileSync(SERVER, join(extension, 'dist', 'server.js'));
    writeFileSync(join(extension, 'readme.md'), '# Codes\n\n| code | meaning |\n| --- | --- |\n| <a id="not-in-catalogue"></a>`not-in-catalogue` | no catalogue lists it |\n');
    writeFileSync(join(folder, 'a.sec'), 'See Section H99.\n');
    const client = await TestClient.start('stdio', folder, {}, { diagnosticsDelayMs: 50 }, join(extension, 'dist', 'server.js'));
    try {
      const [diagnostic] = await client.waitForDiagnostics(`file://${join(folder, 'a.sec')}`, (d) => d.length > 0);
      assert.equal(diagnostic.codeDescription?.href, `file://${join(extension, 'readme.md')}#L5`);
      assert.ok(explains(diagnostic.codeDescription!.href, 'not-in-catalogue'));
    } finally {
      await client.stop();
      rmSync(extension, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server on files it cannot read', function () {
  this.timeout(20000);

  it('shows file-too-large on a file too large to read, and says once that a file that is not text is not checked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sec-lsp-unreadable-'));
    writeFileSync(join(folder, 'a.sec'), 'See Section H4.\n');
    writeFileSync(join(folder, 'binary.sec'), Buffer.from([0, 1, 2, 0, 255, 0]));
    // Sparse: 40 MB on paper, nothing on disk; the server must size it, not read it.
    writeFileSync(join(folder, 'huge.sec'), '');
    truncateSync(join(folder, 'huge.sec'), 40 * 1024 * 1024);
    const client = await TestClient.start('stdio', folder, {}, { diagnosticsDelayMs: 0 });
    try {
      const huge = await client.waitForDiagnostics(`file://${join(folder, 'huge.sec')}`, (d) => d.length > 0);
      assert.deepEqual(huge.map((d) => d.code), ['file-too-large']);
      assert.match(String(huge[0].message), /This file is 40\.0 MB, above the 32 MB limit/);
      const deadline = Date.now() + 5000;
      while (client.messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(client.messages.filter((message) => /could not be read/.test(message)),
        ['SEC: a file could not be read and is not checked (see the SEC Language Server output).']);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server on defined terms', function () {
  this.timeout(20000);
  const DEFINITIONS = definitionsFile([
    'Service Request means a communication to the DCC requesting a service.',
    'DCC User Interface   has the meaning given to that expression in Section H3.1.',
    '"Party" means a party to this Code.',
  ]);
  const USES = [
    'Section H: DCC Services',
    '',
    'H3 DCC Interfaces',
    '',
    'H3.1 The DCC shall maintain an interface for Users over which Service Requests are sent.',
    '',
    'H14 Testing',
    '',
    'H14.1 In this Section H14:',
    '"Test Device" means a device used for testing.',
    '',
    "H14.2 Each Party shall send Service Requests with a Test Device over the Party's DCC User",
    'Interface. Service requests are logged.',
    '',
  ].join('\n');
  let folder: string;
  let client: TestClient;
  let a: string;
  let h: string;
  const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

  /** Tokens as [text, type, modifiers], with the legend the server announced. */
  const tokensOf = (text: string, data: number[]): Array<[string, string, string[]]> => {
    const legend = client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } };
    const lines = text.split('\n');
    const tokens: Array<[string, string, string[]]> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const modifiers = legend.legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
      tokens.push([lines[line].slice(character, character + data[i + 2]), legend.legend.tokenTypes[data[i + 3]], modifiers]);
    }
    return tokens;
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'sec-lsp-terms-'));
    writeFileSync(join(folder, 'a.sec'), DEFINITIONS);
    writeFileSync(join(folder, 'h.sec'), USES);
    a = `file://${join(folder, 'a.sec')}`;
    h = `file://${join(folder, 'h.sec')}`;
    client = await TestClient.start('stdio', folder);
    await client.waitForDiagnostics(h, (d) => d.some((x) => x.code === 'term-case-mismatch'));
  });

  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('announces semantic tokens and marks each use as a definedTerm, each definition as its declaration, a wrapped use once per line', async () => {
    const provider = client.initializeResult!.capabilities.semanticTokensProvider as { legend: unknown; full: boolean; range: boolean };
    assert.deepEqual(provider, { legend: { tokenTypes: ['definedTerm'], tokenModifiers: ['declaration'] }, full: true, range: true });
    const full = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: h } });
    assert.deepEqual(tokensOf(USES, full.data), [
      ['Service Requests', 'definedTerm', []],
      ['Test Device', 'definedTerm', ['declaration']],
      ['Party', 'definedTerm', []], ['Service Requests', 'definedTerm', []], ['Test Device', 'definedTerm', []], ["Party's", 'definedTerm', []],
      ['DCC User', 'definedTerm', []], ['Interface', 'definedTerm', []],
    ]);
    const range = await client.request<{ data: number[] }>('textDocument/semanticTokens/range', { textDocument: { uri: h }, range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } } });
    assert.deepEqual(tokensOf(USES, range.data).map(([text]) => text), ['DCC User', 'Interface']);
  });

  it('hovers a use with its definition, where it is and where it applies; goes to the definition; finds every use', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at(h, positionOf(USES, 'Service Requests with', 3)));
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Service Request\*\* — defined term/);
    assert.match(value, /> Service Request means a communication to the DCC requesting a service\./);
    assert.match(value, /Defined in a\.sec, line 7 · Section A1\.1/);
    assert.match(value, /Applies throughout the Code\./);
    const pointer = await client.request<Hover>('textDocument/hover', at(h, positionOf(USES, "DCC User\nInterface".split('\n')[0], 2)));
    assert.match((pointer.contents as { value: string }).value, /Its meaning is given in \*\*Section H3\.1\*\* \(h\.sec, line 5\):\n\n> H3\.1 The DCC shall maintain/);
    const links = await client.request<LocationLink[]>('textDocument/definition', at(h, positionOf(USES, 'Test Device over', 2)));
    assert.deepEqual(links.map((link) => [link.targetUri, link.targetSelectionRange.start.line]), [[h, 9]]);
    const toA = await client.request<LocationLink[]>('textDocument/definition', at(h, positionOf(USES, 'Service Requests are', 2)));
    assert.deepEqual(toA.map((link) => [link.targetUri, link.targetSelectionRange]), [[a, { start: { line: 6, character: 0 }, end: { line: 6, character: 15 } }]]);
    const uses = await client.request<Location[]>('textDocument/references', { ...at(a, { line: 6, character: 3 }), context: { includeDeclaration: true } });
    assert.deepEqual(uses.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [
      [a, 6, 0],
      [h, 4, USES.split('\n')[4].indexOf('Service Requests')],
      [h, 11, USES.split('\n')[11].indexOf('Service Requests')],
    ], 'not "Service requests", which is written with other capitals');
  });

  it('renames a term in every file, keeping plurals, and refuses a name another term has', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at(h, positionOf(USES, 'Service Requests with', 2)));
    assert.equal(prepared.placeholder, 'Service Request');
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', { ...at(h, positionOf(USES, 'Service Requests with', 2)), newName: 'Service Order' });
    assert.deepEqual(Object.keys(edit.changes).sort(), [a, h].sort());
    assert.match(applyEdits(DEFINITIONS, edit.changes[a]), /^Service Order means a communication/m);
    const renamed = applyEdits(USES, edit.changes[h]);
    assert.match(renamed, /over which Service Orders are sent\./);
    assert.match(renamed, /shall send Service Orders with a Test Device/);
    await assert.rejects(client.request('textDocument/rename', { ...at(h, positionOf(USES, 'Test Device over', 2)), newName: 'Party' }), /"Party" is the defined term "Party"/);
    await assert.rejects(client.request('textDocument/rename', { ...at(h, positionOf(USES, 'Test Device over', 2)), newName: 'test device' }), /cannot be a defined term: it must start with a capital letter/);
  });

  it('completes defined terms after a capital letter, local ones first, and fixes a term written with other capitals', async () => {
    const text = `${USES}H14.3 Each T`;
    client.open(h, text);
    try {
      const list = await client.request<CompletionList>('textDocument/completion', at(h, { line: 13, character: 12 }));
      const items = [...list.items].sort((x, y) => x.sortText!.localeCompare(y.sortText!));
      assert.deepEqual(items.map((item) => [item.label, item.detail]), [['Test Device', '"Test Device" means a device used for testing.']]);
      const diagnostics = await client.waitForDiagnostics(h, (d) => d.some((x) => x.code === 'term-case-mismatch'));
      const mismatch = diagnostics.find((d) => d.code === 'term-case-mismatch')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h }, range: mismatch.range, context: { diagnostics: [mismatch] } });
      const fix = actions.find((action) => action.title === 'Replace with the defined term: "Service Requests"');
      assert.ok(fix, actions.map((action) => action.title).join(' | '));
      assert.match(applyEdits(text, fix.edit!.changes![h]), /Interface\. Service Requests are logged\./);
    } finally {
      client.notify('textDocument/didClose', { textDocument: { uri: h } });
    }
  });

  it('asks the editor to ask again for semantic tokens when a definition in another file changes', async () => {
    client.open(a, DEFINITIONS);
    // Any refresh an earlier test's changes asked for has come by now (they are sent after 50 ms of quiet).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refreshes = client.semanticTokensRefreshes;
    client.edit(a, { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, '"Users" means the users of the DCC.\n');
    await waitUntil(() => client.semanticTokensRefreshes > refreshes, 'a workspace/semanticTokens/refresh request');
    const full = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: h } });
    assert.deepEqual(tokensOf(USES, full.data).slice(0, 2).map(([text]) => text), ['Users', 'Service Requests']);
  });
});
