// Helpers for the web suite (test/e2e/web/*.test.js), which runs in VS Code for the Web's web
// worker extension host: no Node there (no fs, no path, no process, no assert), only the
// `vscode` API, so these reach files through vscode.workspace.fs. They also run in a Node
// extension host (the desktop's run of timing.test.js, for comparison), unchanged.
'use strict';
const vscode = require('vscode');
const { diagnosticCode, positionOf, hoverText } = require('../common');

/** Handed in by test/e2e/web.mjs when it bundles the suite (esbuild `define`); absent on the desktop. */
// eslint-disable-next-line no-undef
const CONFIG = typeof __SEC_E2E_WEB__ === 'object' ? __SEC_E2E_WEB__ : {};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `predicate` (sync or async) until it returns a truthy value, or throws after `timeoutMs`. */
async function waitFor(predicate, { timeoutMs = 20000, intervalMs = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await predicate();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
}

/** Node's assert is not in a web worker: the few checks the suite makes, each with its message. */
const assert = {
  ok(value, message) {
    if (!value) throw new Error(`expected ${message || 'a truthy value'}`);
  },
  equal(actual, expected, message) {
    if (actual !== expected) throw new Error(`${message || 'values differ'}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
  },
  deepEqual(actual, expected, message) {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`${message || 'values differ'}:\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`);
    }
  },
  match(text, pattern, message) {
    if (!pattern.test(String(text))) throw new Error(`${message || 'no match'}: ${JSON.stringify(String(text).slice(0, 400))} does not match ${pattern}`);
  },
};

function workspaceFolder() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

/** A workspace file's URI (path relative to the first workspace folder). */
const workspaceUri = (relativePath) => vscode.Uri.joinPath(workspaceFolder(), relativePath);

/** A workspace file's text as stored (not as edited in an open editor). */
async function readWorkspaceText(relativePath) {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
}

async function openWorkspaceFile(relativePath) {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** A file on the machine that serves the workspace (code-server's), by absolute path: where the shim writes. */
function serverFile(path) {
  const root = workspaceFolder();
  return root.with({ path, query: '', fragment: '' });
}

/** Waits for a file the shim writes, by absolute path, and returns its bytes. */
async function shimFile(path, timeoutMs) {
  const uri = serverFile(path);
  return waitFor(async () => vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => undefined), { timeoutMs, message: path });
}

let asked = 0;

/**
 * Asks the shim (scripts/e2e/code-shim.mjs) what the workbench shows, which no extension API
 * tells: a marker line in the log, answered in a JSON file under the run's replies folder.
 */
async function askWorkbench(question, { timeoutMs = 20000 } = {}) {
  if (!CONFIG.repliesDir) throw new Error('no replies folder: the suite was not bundled by test/e2e/web.mjs');
  const reply = `${CONFIG.repliesDir}/${Date.now()}-${++asked}.json`;
  console.log(`[sec-e2e:ask] ${JSON.stringify({ ...question, reply })}`);
  return JSON.parse(new TextDecoder().decode(await shimFile(reply, timeoutMs)));
}

/** A screenshot of the workbench when the run keeps them (SEC_E2E_SCREENSHOT_DIR), as the desktop suite's helper takes them. */
async function screenshot(name, { timeoutMs = 20000, settleMs = 300 } = {}) {
  if (!CONFIG.screenshotDir) return undefined;
  await vscode.workspace.fs.delete(serverFile(`${CONFIG.screenshotDir}/${name}.png`)).then(undefined, () => undefined);
  await sleep(settleMs);
  console.log(`[sec-e2e:screenshot] ${name}`);
  await shimFile(`${CONFIG.screenshotDir}/${name}.png`, timeoutMs);
  return `${CONFIG.screenshotDir}/${name}.png`;
}

module.exports = {
  CONFIG, sleep, waitFor, assert, workspaceUri, readWorkspaceText, openWorkspaceFile, diagnosticCode, positionOf, hoverText, askWorkbench, screenshot,
};
