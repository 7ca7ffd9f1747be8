// End-to-end tests of defined terms (issue 14) in a real VS Code: a hover on a use of a term
// shows its definition, and the semantic tokens VS Code receives mark the use as a definedTerm.
// The files are example-like (a definitions Section, and a Section that uses its terms) and live
// in a temporary folder of their own, outside the workspace (examples/), which they leave as it is:
// the server indexes every SEC document the editor opens.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { waitFor, EXTENSION_ID, positionOf, hoverText } = require('./helpers');

const SERVER_TIMEOUT_MS = 20000;

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
    // The examples' own glossary (DCC, User, Services...) applies here too: only this test's terms are compared.
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
});
