// Smoke test: the suite really runs inside a VS Code 1.100 extension host, with the workspace open.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { screenshot } = require('./helpers');

describe('e2e smoke', () => {
  it('runs in VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./, `vscode.version is ${vscode.version}`);
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('has the workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
    const expected = process.env.SEC_E2E_WORKSPACE;
    if (expected) assert.strictEqual(path.resolve(folders[0].uri.fsPath), path.resolve(expected));
  });

  it('loads the extension under development', () => {
    const devPath = process.env.SEC_E2E_EXTENSION_PATH;
    assert.ok(devPath, 'SEC_E2E_EXTENSION_PATH is set by test/e2e/run.mjs');
    const pkg = require(path.join(devPath, 'package.json'));
    const id = `${pkg.publisher}.${pkg.name}`;
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `extension ${id} is known to VS Code`);
    assert.strictEqual(path.resolve(ext.extensionPath), path.resolve(devPath));
  });

  it('can take a screenshot of the workbench', async function () {
    // Without a screenshot folder, screenshot() does nothing: there would be nothing to check.
    if (!process.env.SEC_E2E_SCREENSHOT_DIR) this.skip();
    const file = await screenshot('smoke-workbench');
    assert.ok(require('fs').statSync(file).size > 1000, 'screenshot is not empty');
  });
});
