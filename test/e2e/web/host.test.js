// The extension under test has no `main`, only its `browser` entry: VS Code can run it only in
// the web worker extension host, and runs these tests in the host of the extension that holds
// them. These tests check that this host is a browser's web worker with no Node in it, that the
// extension was activated there from its browser entry, and that what needs Node is not offered.
'use strict';
const vscode = require('vscode');
const { assert, askWorkbench, CONFIG, openWorkspaceFile, waitFor } = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';

describe('the web worker extension host', () => {
  let extension;

  before(async () => {
    extension = vscode.extensions.getExtension(CONFIG.extensionId);
    assert.ok(extension, `the extension ${CONFIG.extensionId}`);
    await openWorkspaceFile(DRAFT);
    await waitFor(() => extension.isActive, { message: `${CONFIG.extensionId} to activate` });
  });

  it('is a web worker of a browser, without Node', () => {
    /* global WorkerGlobalScope, importScripts, self, navigator */
    assert.ok(typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope, 'the global scope is a WorkerGlobalScope');
    assert.equal(typeof importScripts, 'function', 'importScripts (a worker\'s)');
    assert.equal(typeof globalThis.process, 'undefined', 'Node\'s process');
    assert.equal(typeof globalThis.require, 'undefined', 'a global require');
    assert.match(navigator.userAgent, /Chrome\//, 'the worker\'s browser');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
  });

  it('activated the extension from its browser entry, in this host', () => {
    assert.equal(extension.packageJSON.main, undefined, 'the test copy\'s main');
    assert.equal(extension.packageJSON.browser, './dist/browserClient.js', 'its browser entry');
    // UI: runs where the workbench runs (here, its web worker); a Node host's extension is a Workspace one.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'its extension kind');
    assert.ok(extension.isActive, 'it is active');
  });

  it('offers the SEC commands in the palette but Check Workspace with secls, which runs Node', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['sec.restartServer', 'sec.renumberPart', 'sec.insertClauseAfter', 'sec.showAmendedText', 'sec.showRedline']) {
      assert.ok(commands.includes(id), `${id} registered`);
    }
    assert.ok(!commands.includes('sec.checkWorkspace'), 'sec.checkWorkspace is not registered in a web worker');
    await openWorkspaceFile(DRAFT);
    const { entries, error } = await askWorkbench({ what: 'palette', query: 'SEC: ' });
    assert.ok(!error, `the palette could be read: ${error}`);
    const titles = entries.map((entry) => entry.replace(/,.*$/, ''));
    for (const title of ['SEC: Restart Language Server', 'SEC: Show Redline', 'SEC: Renumber Part']) {
      assert.ok(titles.some((t) => t.startsWith(title)), `"${title}" in the palette: ${JSON.stringify(entries)}`);
    }
    assert.ok(!titles.some((t) => /Check Workspace with secls/.test(t)), `no "Check Workspace with secls" in the palette: ${JSON.stringify(entries)}`);
  });
});
