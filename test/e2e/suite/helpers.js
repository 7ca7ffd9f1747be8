// Small helpers for the e2e tests (plain CommonJS, loaded by the *.test.js files).
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { diagnosticCode, positionOf, hoverText } = require('../common');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `predicate` (sync or async) until it returns a truthy value, or throws after `timeoutMs`. */
async function waitFor(predicate, { timeoutMs = 10000, intervalMs = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await predicate();
    if (last) return last;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
}

/**
 * Takes a screenshot of the real workbench, if SEC_E2E_SCREENSHOT_DIR is set (else does nothing
 * and returns undefined). The extension host cannot call the browser itself: this prints a
 * marker line that reaches the shim through the workbench's log (codeAutomationLog); the shim
 * writes <dir>/<name>.png (atomically) and this waits for that file. Returns its path.
 */
async function screenshot(name, { timeoutMs = 20000, settleMs = 300 } = {}) {
  const dir = process.env.SEC_E2E_SCREENSHOT_DIR;
  if (!dir) return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`screenshot name must match [A-Za-z0-9._-]+: ${name}`);
  const file = path.join(path.resolve(dir), `${name}.png`);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.failed`, { force: true });
  await sleep(settleMs); // let the workbench paint what the test just did
  console.log(`[sec-e2e:screenshot] ${name}`);
  await waitFor(() => fs.existsSync(file) || fs.existsSync(`${file}.failed`), {
    timeoutMs,
    message: `screenshot ${name}`,
  });
  if (fs.existsSync(`${file}.failed`)) throw new Error(`screenshot ${name} failed: ${fs.readFileSync(`${file}.failed`, 'utf8')}`);
  return file;
}

/** Opens a file of the workspace (path relative to the first workspace folder) in an editor. */
async function openWorkspaceFile(relativePath) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relativePath));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The extension's id, from the repository's package.json (`publisher.name`). */
const EXTENSION_ID = (() => {
  const pkg = require(path.join(__dirname, '..', '..', '..', 'package.json'));
  return `${pkg.publisher}.${pkg.name}`;
})();

/** The range of the first occurrence of `needle` in `document` (throws if absent). */
function rangeOf(document, needle) {
  const start = positionOf(document, needle);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + needle.length));
}

/** A workspace file's path on disk (relative to the first workspace folder). */
function workspacePath(relativePath) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath).fsPath;
}

module.exports = { sleep, waitFor, screenshot, openWorkspaceFile, EXTENSION_ID, diagnosticCode, positionOf, rangeOf, workspacePath, hoverText };

/**
 * Turns `files.autoSave` off in the user settings (the run's own, fresh user-data folder) and
 * waits until VS Code sees it. VS Code for the web (code-server) defaults to "afterDelay": an
 * edit left unsaved for a second (say, while a test waits for diagnostics) is written to disk,
 * and a later `workbench.action.files.revert` then "reverts" to the edited file. Tests that edit
 * workspace files and revert them should call this first. It is left off for the rest of the run.
 */
async function ensureAutoSaveOff() {
  const files = vscode.workspace.getConfiguration('files');
  if (files.get('autoSave') !== 'off') await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  await waitFor(() => vscode.workspace.getConfiguration('files').get('autoSave') === 'off', { message: 'files.autoSave to be "off"' });
}

module.exports.ensureAutoSaveOff = ensureAutoSaveOff;
