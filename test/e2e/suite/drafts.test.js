// End-to-end tests of the commands on drafts and Word documents in a real VS Code 1.100, on the
// examples/ workspace, whose two drafts conflict on H4.10 and apply cleanly together on H10.5
// (examples/README.md): SEC: Show Modification Conflicts, SEC: Preview Consolidation, SEC: Export
// to Word and SEC: Import Word Document. What is expected is read from the files on disk.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { waitFor, screenshot, openWorkspaceFile, sleep, diagnosticCode, workspacePath } = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';
const SECOND = 'amendments/mp101-draft.sec';
const SECTION_H = 'section-h-dcc-services.sec';
const SERVER_TIMEOUT_MS = 20000;

const readDisk = (relativePath) => fs.readFileSync(workspacePath(relativePath), 'utf8');
/** 0-based line of the first line of a workspace file that starts with `prefix`. */
const lineStartingWith = (relativePath, prefix) => readDisk(relativePath).split(/\r?\n/).findIndex((line) => line.startsWith(prefix));

/** Waits until the server has checked both drafts: each has its amendment-conflict diagnostics. */
async function draftsChecked() {
  for (const file of [DRAFT, SECOND]) {
    const document = await openWorkspaceFile(file);
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'amendment-conflict').length === 2,
      { timeoutMs: SERVER_TIMEOUT_MS, message: `the amendment-conflict diagnostics of ${file}` });
  }
}

const diffTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff);

describe('SEC drafts: conflicts, consolidation and Word', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);

  before(async () => {
    await draftsChecked();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('warns of the conflict on both drafts, and tells where the two apply cleanly', async () => {
    const draft = await openWorkspaceFile(DRAFT);
    const diagnostics = vscode.languages.getDiagnostics(draft.uri).filter((d) => diagnosticCode(d) === 'amendment-conflict');
    const conflict = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    const clean = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Information);
    assert.strictEqual(conflict.range.start.line, lineStartingWith(DRAFT, 'Amend Section H4.10'));
    assert.match(conflict.message, new RegExp(`^Conflicts with MP101 \\(mp101-draft\\.sec, line ${lineStartingWith(SECOND, 'Amend Section H4.10') + 1}\\)`));
    assert.strictEqual(clean.range.start.line, lineStartingWith(DRAFT, 'Amend Section H10.5'));
    assert.match(clean.message, /^Applies cleanly with MP101/);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', draft.uri, conflict.range.start);
    const text = hovers.flatMap((hover) => hover.contents).map((content) => content.value || content).join('\n');
    assert.match(text, /Amend Section H4\.10/);
    assert.match(text, /~~as soon as reasonably practicable~~ \*\*within one hour\*\*/, 'the hover shows the draft\'s change word by word');
    assert.match(text, /Conflicts with MP101/);
  });

  it('lists the pairs (SEC: Show Modification Conflicts) and opens both instructions of the one chosen', async () => {
    const running = vscode.commands.executeCommand('sec.showConflicts');
    await sleep(1500); // the quick pick opens
    await screenshot('conflicts-list');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const pairs = await running;
    assert.deepStrictEqual(pairs.map((pair) => [pair.first.description, pair.second.description, pair.appliesCleanly]), [
      ['MP101 amends Section H4.10', 'SECMP0099 amends Section H4.10', false],
      ['MP101 amends Section H10.5', 'SECMP0099 amends Section H10.5', true],
    ]);
    const shown = await waitFor(() => {
      const editors = vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.scheme === 'file');
      return editors.length >= 2 ? editors : undefined;
    }, { message: 'both drafts shown' });
    const lines = shown.map((editor) => [path.basename(editor.document.uri.fsPath), editor.selection.start.line]).sort();
    assert.deepStrictEqual(lines, [
      ['mp101-draft.sec', lineStartingWith(SECOND, 'Amend Section H4.10')],
      ['secmp0099-draft.sec', lineStartingWith(DRAFT, 'Amend Section H4.10')],
    ]);
  });

  it('previews the consolidation of a draft as a diff of two read-only documents (SEC: Preview Consolidation)', async () => {
    await openWorkspaceFile(DRAFT);
    const preview = await vscode.commands.executeCommand('sec.previewConsolidation');
    assert.deepStrictEqual([preview.drafts, preview.refusals, preview.files.map((file) => path.basename(vscode.Uri.parse(file.uri).fsPath))], [['SECMP0099'], [], [SECTION_H]]);
    const tab = await waitFor(() => diffTabs()[0], { message: 'a diff editor' });
    const { original, modified } = tab.input;
    assert.deepStrictEqual([original.scheme, modified.scheme], ['sec-consolidation', 'sec-consolidation']);
    const before = await vscode.workspace.openTextDocument(original);
    const after = await vscode.workspace.openTextDocument(modified);
    assert.strictEqual(before.getText(), readDisk(SECTION_H), 'the left side is the baseline as it is');
    assert.match(after.getText(), /the DCC shall notify Users within one hour and shall apply\n/);
    assert.match(after.getText(), /\nH4\.14 During an invocation, the DCC shall act as Section H10\.12 requires\.\n/);
    assert.strictEqual(after.languageId, 'sec', 'shown as SEC text');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.isDirty), 'nothing was edited');
    await screenshot('consolidation-preview');
  });

  it('refuses to preview a Section that both drafts change, since they conflict, and shows nothing', async () => {
    await openWorkspaceFile(SECTION_H);
    const preview = await vscode.commands.executeCommand('sec.previewConsolidation');
    assert.deepStrictEqual(preview.drafts, ['MP101', 'SECMP0099']);
    assert.strictEqual(preview.files.length, 0);
    assert.match(preview.refusals.join('\n'), /MP101 \(mp101-draft\.sec, line \d+\) and SECMP0099 \(secmp0099-draft\.sec, line \d+\).*same words/);
    await sleep(300);
    assert.strictEqual(diffTabs().length, 0, 'no diff opened');
  });

  it('exports a draft to Word where asked, and imports it back as a new, unsaved SEC document with the same text', async () => {
    const listing = () => fs.readdirSync(workspacePath('.'), { recursive: true }).sort();
    const before = listing();
    await openWorkspaceFile(DRAFT);
    const target = vscode.Uri.file(path.join(os.tmpdir(), `sec-e2e-${process.pid}-secmp0099.docx`));
    try {
      const written = await vscode.commands.executeCommand('sec.exportWord', target);
      assert.strictEqual(written.toString(), target.toString());
      const bytes = fs.readFileSync(target.fsPath);
      assert.strictEqual(bytes.subarray(0, 2).toString(), 'PK', 'a zip: a .docx');
      const imported = await vscode.commands.executeCommand('sec.importWord', target);
      assert.ok(imported.isUntitled, 'opened as a new, unsaved document');
      assert.strictEqual(imported.languageId, 'sec');
      assert.strictEqual(imported.getText(), readDisk(DRAFT), 'export then import gives the draft back');
      assert.strictEqual(vscode.window.activeTextEditor.document, imported, 'the imported text is shown');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
    assert.deepStrictEqual(listing(), before, 'nothing was written into the workspace');
  });
});
