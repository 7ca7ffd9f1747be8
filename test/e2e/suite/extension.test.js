// End-to-end tests of the SEC extension in a real VS Code 1.100, on the examples/ workspace
// (see examples/README.md for its deliberate problems). Each test goes through the public
// VS Code API, i.e. through the language client, the IPC transport and the language server.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const {
  waitFor, screenshot, openWorkspaceFile, sleep, EXTENSION_ID, diagnosticCode, positionOf, rangeOf, workspacePath, hoverText,
} = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';
const SECTION_H = 'section-h-dcc-services.sec';
const SECTION_X = 'section-x-transition.sec';
// The server indexes the workspace, then publishes after a ~200 ms debounce; a cold start of
// the extension host and server can take a few seconds on a slow machine.
const SERVER_TIMEOUT_MS = 20000;

/** The lines of a workspace file as on disk. */
function diskLines(relativePath) {
  return fs.readFileSync(workspacePath(relativePath), 'utf8').split(/\r?\n/);
}

/** 0-based line of the first line of a workspace file that starts with `prefix` (e.g. "X5.4 "). */
function lineStartingWith(relativePath, prefix) {
  const line = diskLines(relativePath).findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, `no line starting with "${prefix}" in ${relativePath}`);
  return line;
}

/** The problems the examples' README lists for the draft: [needle in the draft, code]. */
const { EXPECTED_PROBLEMS } = require('../common');
/** The one error or warning outside the draft: MP101's side of the same conflict. */
const SECOND_DRAFT = 'amendments/mp101-draft.sec';

const ERROR_OR_WARNING = (d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

/** Waits until the draft has its deliberate error/warning diagnostics and returns all its diagnostics. */
async function draftDiagnostics(uri, count = EXPECTED_PROBLEMS.length) {
  return waitFor(
    () => {
      const all = vscode.languages.getDiagnostics(uri);
      return all.filter(ERROR_OR_WARNING).length === count ? all : undefined;
    },
    {
      timeoutMs: SERVER_TIMEOUT_MS,
      message: `${count} error/warning diagnostics on ${DRAFT} (have: ${JSON.stringify(
        vscode.languages.getDiagnostics(uri).map((d) => [d.range.start.line, diagnosticCode(d), d.message]),
      )})`,
    },
  );
}

async function closeAllEditors() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Reverts the document's editor (discarding unsaved edits) and checks it is back to `original`. */
async function revert(document, original) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !document.isDirty && document.getText() === original, { message: `${document.uri.fsPath} reverted` });
}

describe('SEC extension', function () {
  this.timeout(SERVER_TIMEOUT_MS + 20000);

  let draft; // the draft's TextDocument
  let extension;

  before(async () => {
    extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  });

  after(async () => {
    await closeAllEditors();
  });

  it('activates when a .sec file is opened (language id sec)', async () => {
    assert.ok(
      (extension.packageJSON.activationEvents || []).includes('onLanguage:sec'),
      `activationEvents: ${JSON.stringify(extension.packageJSON.activationEvents)}`,
    );
    draft = await openWorkspaceFile(DRAFT);
    assert.strictEqual(draft.languageId, 'sec', 'a .sec file gets the language id "sec"');
    await waitFor(() => extension.isActive, { timeoutMs: SERVER_TIMEOUT_MS, message: `${EXTENSION_ID} to activate` });
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sec.restartServer'), 'the activated extension registered sec.restartServer');
    if (process.env.SEC_E2E_INSTALL_EXTENSION) {
      // Run against a .vsix: the extension must come from the installed copy, not from the repository.
      const repo = path.resolve(__dirname, '..', '..', '..');
      assert.notStrictEqual(path.resolve(extension.extensionPath), repo, 'the extension is the installed .vsix, not the repository');
      assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'server.js')), 'the installed copy has dist/server.js');
      console.log(`[e2e] ${EXTENSION_ID} ${extension.packageJSON.version} active from ${extension.extensionPath}`);
    }
  });

  it('publishes the examples\' deliberate problems with their codes', async () => {
    draft = draft || (await openWorkspaceFile(DRAFT));
    const diagnostics = await draftDiagnostics(draft.uri);
    const problems = diagnostics.filter(ERROR_OR_WARNING);
    for (const [needle, code] of EXPECTED_PROBLEMS) {
      const at = positionOf(draft, needle);
      const found = problems.find((d) => d.range.start.isEqual(at));
      assert.ok(found, `a diagnostic at ${at.line + 1}:${at.character + 1} ("${needle}")`);
      assert.strictEqual(diagnosticCode(found), code, `code of the diagnostic on "${needle}": ${found.message}`);
      assert.strictEqual(found.source, 'sec');
    }
    const errors = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => draft.getText(d.range));
    assert.deepStrictEqual(errors.sort(), ['Section H4.21', 'Section X5.9'], 'exactly the two broken references are errors');
    const titleMismatch = problems.find((d) => diagnosticCode(d) === 'title-mismatch');
    assert.match(titleMismatch.message, /DCC User Interface/, 'the title-mismatch message names the real title');
    // Nothing else in the workspace is an error or a warning.
    const others = vscode.languages
      .getDiagnostics()
      .filter(([uri]) => uri.toString() !== draft.uri.toString())
      .flatMap(([uri, ds]) => ds.filter(ERROR_OR_WARNING).map((d) => `${uri.fsPath}:${d.range.start.line + 1} ${diagnosticCode(d)}`));
    const conflictLine = diskLines(SECOND_DRAFT).findIndex((line) => line.startsWith('Amend Section H4.10')) + 1;
    assert.deepStrictEqual(others, [`${workspacePath(SECOND_DRAFT)}:${conflictLine} amendment-conflict`], 'no other error/warning outside the draft');
  });

  it('hovers a reference with the text of its target', async () => {
    draft = draft || (await openWorkspaceFile(DRAFT));
    await draftDiagnostics(draft.uri); // the index is built
    // The target's first line, without its label: "A document designated under Section X5.2 shall have ..."
    const targetLine = diskLines(SECTION_X)[lineStartingWith(SECTION_X, 'X5.4 ')];
    const phrase = targetLine.slice('X5.4 '.length).split(/\s+/).slice(0, 12).join(' ');
    assert.ok(phrase.length > 20, `phrase "${phrase}"`);
    const at = positionOf(draft, 'Section X5.4', 9);
    const text = await waitFor(
      async () => {
        const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', draft.uri, at));
        return t.includes('X5.4') ? t : undefined;
      },
      { timeoutMs: SERVER_TIMEOUT_MS, message: 'a hover on Section X5.4' },
    );
    assert.ok(text.includes(phrase), `the hover quotes "${phrase}"; it is:\n${text}`);
    assert.match(text, /section-x-transition\.sec, line \d+/, 'the hover says where the target is');
  });

  it('goes to the definition of a reference in another file', async () => {
    draft = draft || (await openWorkspaceFile(DRAFT));
    await draftDiagnostics(draft.uri);
    const cases = [
      ['Section X5.4', SECTION_X, 'X5.4 '],
      ['Section H4.12', SECTION_H, 'H4.12 '],
    ];
    for (const [needle, file, label] of cases) {
      const expectedLine = lineStartingWith(file, label);
      const results = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft.uri, positionOf(draft, needle, 9));
      assert.ok(Array.isArray(results) && results.length > 0, `a definition for ${needle}`);
      const first = results[0];
      const uri = first.targetUri || first.uri; // LocationLink or Location
      const range = first.targetSelectionRange || first.targetRange || first.range;
      assert.strictEqual(path.resolve(uri.fsPath), path.resolve(workspacePath(file)), `${needle} is defined in ${file}`);
      assert.strictEqual(range.start.line, expectedLine, `${needle} is defined on line ${expectedLine + 1} of ${file}`);
      if (first.originSelectionRange) assert.strictEqual(draft.getText(first.originSelectionRange), needle);
    }
  });

  it('completes the clause ids of a Part after "Section H4."', async () => {
    // The clauses written in Part H4 of the sample (H4.1 ... H4.13, with H4.3A).
    const expected = diskLines(SECTION_H)
      .map((l) => /^(H4\.\d+[A-Z]*)\s/.exec(l))
      .filter(Boolean)
      .map((m) => m[1]);
    assert.ok(expected.includes('H4.12') && expected.length >= 10, `clauses read from the sample: ${expected.join(', ')}`);
    const content = 'The DCC shall act under Section H4.';
    const doc = await vscode.workspace.openTextDocument({ language: 'sec', content });
    const at = doc.positionAt(content.length);
    const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at, '.');
        const ls = ((list && list.items) || []).map(labelOf);
        return ls.includes('H4.12') ? ls : undefined;
      },
      { timeoutMs: SERVER_TIMEOUT_MS, message: 'completion items with H4.12' },
    );
    for (const id of expected) assert.ok(labels.includes(id), `completion offers ${id}; offered: ${labels.join(', ')}`);
    const strays = labels.filter((l) => !l.startsWith('H4.'));
    assert.deepStrictEqual(strays, [], 'only clauses of Part H4 are offered');
  });

  it('applies the title-mismatch quick fix, then reverts', async () => {
    draft = await openWorkspaceFile(DRAFT);
    const original = draft.getText();
    const diagnostics = await draftDiagnostics(draft.uri);
    const mismatch = diagnostics.find((d) => diagnosticCode(d) === 'title-mismatch');
    assert.ok(mismatch, 'a title-mismatch diagnostic');
    try {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', draft.uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions || []).find((a) => /DCC User Interface/.test(a.title));
      assert.ok(fix, `a quick fix naming the real title; have: ${(actions || []).map((a) => a.title).join(' | ')}`);
      assert.ok(fix.edit, 'the quick fix carries an edit');
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
      const line = draft.lineAt(mismatch.range.start.line).text;
      assert.match(line, /Section H3 \(DCC User Interface\) is unaffected\./, `the line after the fix: ${line}`);
      assert.ok(!draft.getText().includes('DCC User Gateway'), 'the wrong title is gone');
      // The server re-checks the edited text: the title-mismatch goes away, the other four stay.
      await waitFor(
        () => {
          const ds = vscode.languages.getDiagnostics(draft.uri);
          return !ds.some((d) => diagnosticCode(d) === 'title-mismatch') && ds.filter(ERROR_OR_WARNING).length === EXPECTED_PROBLEMS.length - 1;
        },
        { timeoutMs: SERVER_TIMEOUT_MS, message: 'the title-mismatch diagnostic to go away after the fix' },
      );
    } finally {
      await revert(draft, original);
    }
    await draftDiagnostics(draft.uri); // and back again
  });

  it('applies the deprecated Section X3 → Section X5 quick fix, then reverts', async () => {
    draft = await openWorkspaceFile(DRAFT);
    const original = draft.getText();
    await draftDiagnostics(draft.uri);
    const range = rangeOf(draft, 'Section X3.');
    try {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', draft.uri, range);
      const fix = (actions || []).find((a) => /^Cite Section X5 instead of Section X3$/.test(a.title));
      assert.ok(fix, `a "Cite Section X5 instead" quick fix; have: ${(actions || []).map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
      const line = draft.lineAt(range.start.line).text;
      assert.match(line, /^Directions would be given under Section X5\./, `the line after the fix: ${line}`);
    } finally {
      await revert(draft, original);
    }
  });

  it('offers "Did you mean Section H4.12?" for the broken Section H4.21, then reverts', async () => {
    draft = await openWorkspaceFile(DRAFT);
    const original = draft.getText();
    await draftDiagnostics(draft.uri);
    assert.ok(lineStartingWith(SECTION_H, 'H4.12 ') >= 0, 'H4.12 exists in the sample');
    const range = rangeOf(draft, 'Section H4.21');
    try {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', draft.uri, range);
      const fix = (actions || []).find((a) => /^Did you mean Section H4\.12\b/.test(a.title));
      assert.ok(fix, `a "Did you mean Section H4.12?" quick fix; have: ${(actions || []).map((a) => a.title).join(' | ') || 'none'}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
      const line = draft.lineAt(range.start.line).text;
      assert.match(line, /^Users would be notified under Section H4\.12\./, `the line after the fix: ${line}`);
    } finally {
      await revert(draft, original);
    }
  });

  it('runs the command sec.restartServer, after which the server answers again', async () => {
    draft = await openWorkspaceFile(DRAFT);
    await draftDiagnostics(draft.uri);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sec.restartServer'), 'sec.restartServer is registered');
    const contributed = (extension.packageJSON.contributes.commands || []).map((c) => c.command);
    assert.ok(contributed.includes('sec.restartServer'), 'sec.restartServer is in contributes.commands');
    await vscode.commands.executeCommand('sec.restartServer');
    await draftDiagnostics(draft.uri);
    const at = positionOf(draft, 'Section X5.4', 9);
    await waitFor(
      async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', draft.uri, at)).includes('X5.4'),
      { timeoutMs: SERVER_TIMEOUT_MS, message: 'a hover from the restarted server' },
    );
  });

  it('contributes the TextMate grammar for sec', function () {
    const grammars = (extension.packageJSON.contributes && extension.packageJSON.contributes.grammars) || [];
    const grammar = grammars.find((g) => g.language === 'sec');
    if (!grammar) {
      console.log('[e2e] skipped: package.json has no contributes.grammars entry for "sec" yet');
      this.skip();
    }
    const file = path.join(extension.extensionPath, grammar.path);
    assert.ok(fs.existsSync(file), `the grammar file ${grammar.path} exists in the extension`);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.strictEqual(json.scopeName, grammar.scopeName, 'the grammar file has the contributed scopeName');
    assert.ok(Array.isArray(json.patterns) && json.patterns.length > 0, 'the grammar has patterns');
  });

  describe('screenshots (with SEC_E2E_SCREENSHOT_DIR)', () => {
    before(function () {
      if (!process.env.SEC_E2E_SCREENSHOT_DIR) this.skip();
    });

    it('hover on a reference', async () => {
      await closeAllEditors();
      await vscode.commands.executeCommand('workbench.action.closePanel');
      draft = await openWorkspaceFile(DRAFT);
      await draftDiagnostics(draft.uri);
      const editor = await vscode.window.showTextDocument(draft, { preserveFocus: false });
      const at = positionOf(draft, 'Section X5.4', 9);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await sleep(300);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1200);
      await screenshot('hover');
    });

    it('problems panel', async () => {
      await closeAllEditors();
      draft = await openWorkspaceFile(DRAFT);
      await draftDiagnostics(draft.uri);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await sleep(1000);
      await screenshot('problems');
      await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    it('outline', async () => {
      await closeAllEditors();
      const doc = await openWorkspaceFile(SECTION_H);
      await waitFor(
        async () => {
          const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
          return symbols && symbols.length > 0;
        },
        { timeoutMs: SERVER_TIMEOUT_MS, message: 'document symbols' },
      );
      const editor = await vscode.window.showTextDocument(doc);
      const at = new vscode.Position(lineStartingWith(SECTION_H, 'H4.12 '), 0);
      editor.selection = new vscode.Selection(at, at); // the Outline follows the cursor
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      // Give the Outline the whole side bar: move the Explorer's folder view away meanwhile, hide Timeline.
      const move = (view, container) => vscode.commands.executeCommand('vscode.moveViews', { viewIds: [view], destinationId: container });
      await move('workbench.explorer.fileView', 'workbench.view.scm');
      await vscode.commands.executeCommand('timeline.removeView');
      try {
        await vscode.commands.executeCommand('outline.focus');
        await sleep(1500);
        await screenshot('outline');
      } finally {
        await move('workbench.explorer.fileView', 'workbench.view.explorer');
        await vscode.commands.executeCommand('timeline.toggleVisibility');
      }
    });
  });
});
