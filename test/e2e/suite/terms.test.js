// End-to-end tests of defined terms (issue 14) in a real VS Code: a hover on a use of a term
// shows its definition, and the semantic tokens VS Code receives mark the use as a definedTerm.
// The files are example-like (a definitions Section, and a Section that uses its terms) and live
// in a temporary folder of their own, outside the workspace (examples/), which they leave as it is:
// the server indexes every SEC document the editor opens. With SEC_E2E_SCREENSHOT_DIR, the README's
// two pictures of defined terms are taken of the examples themselves.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { waitFor, screenshot, openWorkspaceFile, sleep, EXTENSION_ID, diagnosticCode, positionOf, hoverText } = require('./helpers');

const SERVER_TIMEOUT_MS = 20000;
const DRAFT = 'amendments/secmp0099-draft.sec';
const SECTION_H = 'section-h-dcc-services.sec';

// Sections, Parts and terms the examples do not have: if the editor keeps these files for a
// while after the test, nothing the other tests check of the examples changes.
const DEFINITIONS_FILE = 'section-s-definitions.sec';
const USES_FILE = 'section-t-trials.sec';

const DEFINITIONS = [
  'Section S: Definitions for Trials',
  '',
  'S1 Definitions',
  '',
  'S1.1 In this Code, except where the context otherwise requires, the expressions below have the meanings given to them:',
  '',
  'Trial Request means a communication to the DCC over the Trial Interface requesting a',
  '  trial service, as described in Section T3.',
  'Trial Interface   has the meaning given to that expression in Section T3.1.',
  '"Trial Metering System" means the meters and communications hub installed for a trial.',
  '',
].join('\n');

const USES = [
  'Section T: Trial Services',
  '',
  'T3 Trial Interface Services',
  '',
  'T3.1 The DCC shall provide an interface for Users over which they send Trial Requests.',
  '',
  'T3.2 Each User shall send its Trial Requests for a Trial Metering System only over the',
  'Trial Interface.',
  '',
].join('\n');

/** The semantic tokens of a document, decoded with the legend: [text, type, modifiers]. */
function decodeTokens(document, legend, tokens) {
  const decoded = [];
  let line = 0;
  let character = 0;
  const data = tokens.data;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const text = document.lineAt(line).text.slice(character, character + data[i + 2]);
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    decoded.push([text, legend.tokenTypes[data[i + 3]], modifiers]);
  }
  return decoded;
}

describe('SEC extension: defined terms', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let folder;
  let definitions;
  let uses;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-e2e-terms-'));
    fs.writeFileSync(path.join(folder, DEFINITIONS_FILE), DEFINITIONS);
    fs.writeFileSync(path.join(folder, USES_FILE), USES);
    definitions = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, DEFINITIONS_FILE)));
    await vscode.window.showTextDocument(definitions, { preview: false });
    uses = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, USES_FILE)));
    await vscode.window.showTextDocument(uses, { preview: false });
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    await waitFor(() => extension.isActive, { timeoutMs: SERVER_TIMEOUT_MS, message: 'the extension to activate' });
  });

  after(async () => {
    // Gone from the disk first: the server, told the documents are closed, then finds no file to keep.
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers a use of a defined term with its definition, where it is defined and where it applies', async () => {
    const position = positionOf(uses, 'Trial Requests for', 3);
    const text = await waitFor(async () => {
      const shown = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uses.uri, position));
      return /defined term/.test(shown) ? shown : undefined;
    }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'a defined-term hover on "Trial Requests"' });
    assert.match(text, /\*\*Trial Request\*\* — defined term/);
    assert.match(text, /> Trial Request means a communication to the DCC over the Trial Interface requesting a/);
    assert.match(text, /Defined in section-s-definitions\.sec, line 7 · Section S1\.1/);
    assert.match(text, /Applies throughout the Code\./);
    const pointer = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uses.uri, positionOf(uses, 'Trial Interface.', 4)));
    assert.match(pointer, /Its meaning is given in \*\*Section T3\.1\*\*/, 'the pointer followed to T3.1');
    assert.match(pointer, /> T3\.1 The DCC shall provide an interface for Users/);
  });

  it('tokenises each use of a term as a definedTerm, and a definition as its declaration', async () => {
    const legend = await waitFor(() => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uses.uri), {
      timeoutMs: SERVER_TIMEOUT_MS, message: 'the semantic tokens legend',
    });
    assert.deepStrictEqual([...legend.tokenTypes], ['definedTerm']);
    assert.deepStrictEqual([...legend.tokenModifiers], ['declaration']);
    const tokens = await waitFor(async () => {
      const result = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uses.uri);
      const decoded = result ? decodeTokens(uses, legend, result) : [];
      return decoded.some(([text]) => text === 'Trial Metering System') ? decoded : undefined;
    }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'semantic tokens with the uses of terms' });
    // The workspace (examples/) defines DCC, User and Services, which these files use too: their
    // tokens come once the examples are indexed, which may be before or after this asks.
    assert.deepStrictEqual(tokens.filter(([text]) => text.startsWith('Trial')), [
      ['Trial Interface', 'definedTerm', []],
      ['Trial Requests', 'definedTerm', []],
      ['Trial Requests', 'definedTerm', []],
      ['Trial Metering System', 'definedTerm', []],
      ['Trial Interface', 'definedTerm', []],
    ]);
    const own = decodeTokens(definitions, legend, await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', definitions.uri));
    assert.deepStrictEqual(own.filter(([, , modifiers]) => modifiers.includes('declaration')).map(([text]) => text), ['Trial Request', 'Trial Interface', 'Trial Metering System']);
  });

  describe('screenshots for the README (with SEC_E2E_SCREENSHOT_DIR)', () => {
    const editorSettings = () => vscode.workspace.getConfiguration('editor');
    const SCREENSHOT_SETTINGS = [['semanticHighlighting.enabled', true], ['stickyScroll.enabled', false], ['occurrencesHighlight', 'off'], ['minimap.enabled', false]];

    before(async function () {
      if (!process.env.SEC_E2E_SCREENSHOT_DIR) this.skip();
      // The theme colours definedTerm through its TextMate scope (package.json semanticTokenScopes)
      // only with semantic highlighting on: the web workbench's default theme (Light Modern) turns
      // it on itself, and this makes sure of it whatever the theme. No sticky scroll (the lines
      // scripts/readme-images.mjs crops are where the test puts them), no grey boxes on every
      // other occurrence of the word under the cursor, and no minimap (bytes in the .vsix).
      for (const [setting, value] of SCREENSHOT_SETTINGS) await editorSettings().update(setting, value, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    after(async function () {
      if (!process.env.SEC_E2E_SCREENSHOT_DIR) return;
      for (const [setting] of SCREENSHOT_SETTINGS) await editorSettings().update(setting, undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    /** Shows an example in a focused editor once its semantic tokens include a use of `term`. */
    async function showExample(file, term) {
      const document = await openWorkspaceFile(file);
      await waitFor(async () => {
        const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', document.uri);
        const result = legend && (await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri));
        return result && decodeTokens(document, legend, result).some(([text]) => text === term);
      }, { timeoutMs: SERVER_TIMEOUT_MS, message: `semantic tokens of ${file} with "${term}"` });
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      return { document, editor };
    }

    it('semantic highlighting of defined terms, with a mis-capitalised term and a near miss', async () => {
      const { document, editor } = await showExample(DRAFT, 'Execution Date');
      await waitFor(() => {
        const codes = vscode.languages.getDiagnostics(document.uri).map(diagnosticCode);
        return codes.includes('term-case-mismatch') && codes.includes('near-miss-term');
      }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'the draft\'s term-case-mismatch and near-miss-term' });
      // The purpose and the first change (uses of terms coloured) and, with what lies between folded
      // away, the last two lines: "Service request", not a use, warned of; "Planed Maintenance" noted.
      const line = (needle) => positionOf(document, needle).line;
      const [from, to] = [line('Amend Section H10.5 as follows:'), line('The DCC would keep each Service request') - 1];
      const folded = new vscode.Selection(from, 0, to, document.lineAt(to).text.length);
      editor.selection = folded;
      await vscode.commands.executeCommand('editor.createFoldingRangeFromSelection');
      try {
        const purpose = line('Purpose');
        editor.revealRange(new vscode.Range(purpose, 0, purpose, 0), vscode.TextEditorRevealType.AtTop);
        const end = document.positionAt(document.getText().length); // the cursor below the last line shown
        editor.selection = new vscode.Selection(end, end);
        await sleep(1500);
        await screenshot('readme-terms');
      } finally {
        // Removes the manual ranges the selection touches: else the draft's view state keeps the
        // fold, and the next test to open the draft finds it folded again.
        editor.selection = folded;
        await vscode.commands.executeCommand('editor.removeManualFoldingRanges');
        await vscode.commands.executeCommand('editor.unfoldAll');
      }
    });

    it('hover on a use of a defined term', async () => {
      const { document, editor } = await showExample(SECTION_H, 'Critical Service Request');
      const at = positionOf(document, 'Critical Service Request, the DCC', 3);
      editor.selection = new vscode.Selection(at, at);
      const text = await waitFor(async () => {
        const shown = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at));
        return /defined term/.test(shown) ? shown : undefined;
      }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'a defined-term hover on "Critical Service Request"' });
      assert.match(text, /\*\*Critical Service Request\*\* — defined term/);
      // H4.3 to H4.5, from the blank line above H4.3 (and its code lens) at the top: the lines above
      // the top one move when code lenses arrive, and it does not (InCenter would depend on them).
      const top = positionOf(document, 'H4.3 On receipt').line - 1;
      editor.revealRange(new vscode.Range(top, 0, top, 0), vscode.TextEditorRevealType.AtTop);
      // The first request may find the hover widget not ready yet: ask twice.
      for (let attempt = 0; attempt < 2; attempt++) {
        await sleep(700);
        await vscode.commands.executeCommand('editor.action.showHover');
      }
      await sleep(1200);
      await screenshot('readme-term-hover');
    });
  });
});
