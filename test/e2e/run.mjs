#!/usr/bin/env node
// Runs the end-to-end suite (test/e2e/suite/*.test.js) in a real VS Code 1.100: the standard
// @vscode/test-electron runTests(), with scripts/e2e/code-shim.mjs as the "VS Code executable"
// (code-server + headless Chromium). Install the tools first: bash scripts/e2e/install-tools.sh
//
// Usage: node test/e2e/run.mjs [workspace-folder]
// Env:
//   SEC_E2E_WORKSPACE        workspace folder to open (default <repo>/examples; the argument wins)
//   SEC_E2E_EXTENSION_PATH   extension under test (default: the repository root); 'none' for
//                            an empty stub, when the extension comes from a .vsix (below)
//   SEC_E2E_TESTS_PATH       test runner module (default test/e2e/suite/index.js)
//   SEC_E2E_GREP / SEC_E2E_GREP_FILES   run only matching tests / test files
//   SEC_E2E_INSTALL_EXTENSION  a .vsix (or several, separated by ':') installed into the run's
//                            fresh extensions folder before VS Code starts
//   and the shim's: SEC_E2E_SCREENSHOT_DIR, SEC_E2E_TIMEOUT_MS, SEC_E2E_VERBOSE, SEC_E2E_KEEP_TMP, ...
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'e2e'));
const SHIM = path.join(REPO_ROOT, 'scripts', 'e2e', 'code-shim.mjs');

const fail = (msg) => {
  console.error(`[e2e] ${msg}`);
  process.exit(1);
};

const testElectron = path.join(TOOLS_DIR, 'node_modules', '@vscode', 'test-electron');
if (!fs.existsSync(testElectron)) fail(`${testElectron} not found; run: bash scripts/e2e/install-tools.sh`);
const { runTests } = createRequire(path.join(TOOLS_DIR, 'package.json'))('@vscode/test-electron');

const workspace = path.resolve(process.argv[2] || process.env.SEC_E2E_WORKSPACE || path.join(REPO_ROOT, 'examples'));
// 'none': only the extensions installed with SEC_E2E_INSTALL_EXTENSION; VS Code still needs an
// extension under development to run tests, so an empty stub stands in.
const extensionPath =
  process.env.SEC_E2E_EXTENSION_PATH === 'none'
    ? path.join(HERE, 'stub-extension')
    : path.resolve(process.env.SEC_E2E_EXTENSION_PATH || REPO_ROOT);
const testsPath = path.resolve(process.env.SEC_E2E_TESTS_PATH || path.join(HERE, 'suite', 'index.js'));

if (!fs.existsSync(workspace)) fail(`workspace folder ${workspace} does not exist`);
if (!fs.existsSync(path.join(extensionPath, 'package.json'))) fail(`no package.json in the extension path ${extensionPath}`);
if (!fs.existsSync(testsPath)) fail(`tests module ${testsPath} does not exist`);
try {
  const main = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(extensionPath, main)) && !fs.existsSync(path.resolve(extensionPath, `${main}.js`))) {
    console.warn(`[e2e] warning: the extension's main (${main}) does not exist; build it first (npm run build)`);
  }
} catch (e) {
  fail(`cannot read ${extensionPath}/package.json: ${e.message}`);
}

// The shim must be executable (runTests spawns it directly); a checkout may have lost the bit.
try {
  fs.accessSync(SHIM, fs.constants.X_OK);
} catch {
  fs.chmodSync(SHIM, 0o755);
}

const launchArgs = [workspace];
for (const vsix of (process.env.SEC_E2E_INSTALL_EXTENSION || '').split(path.delimiter).filter(Boolean)) {
  launchArgs.push(`--install-extension=${path.resolve(vsix)}`);
}

console.log(`[e2e] extension: ${extensionPath}`);
console.log(`[e2e] workspace: ${workspace}`);
console.log(`[e2e] tests:     ${testsPath}`);
const resultsFile = path.join(os.tmpdir(), `sec-e2e-results-${process.pid}.json`);
fs.rmSync(resultsFile, { force: true });
// The closing line, "e2e: N passed, N failed, N skipped", from what the suite wrote.
function summary() {
  try {
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    fs.rmSync(resultsFile, { force: true });
    return `e2e: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  } catch {
    return '';
  }
}
const started = Date.now();
try {
  await runTests({
    vscodeExecutablePath: SHIM,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    launchArgs,
    // The shim gives every run fresh user-data and extensions folders; no .vscode-test/ needed.
    reuseMachineInstall: true,
    extensionTestsEnv: {
      SEC_E2E_TOOLS_DIR: TOOLS_DIR,
      SEC_E2E_WORKSPACE: workspace,
      SEC_E2E_EXTENSION_PATH: extensionPath,
      SEC_E2E_RESULTS_FILE: resultsFile,
    },
  });
  console.log(`[e2e] passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const line = summary();
  if (line) console.log(line);
} catch (err) {
  console.error(`[e2e] FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${err?.message || err}`);
  const line = summary();
  // stdout, after stderr has been flushed, so that it is the closing line
  if (line) console.log(line);
  else console.log('[e2e] no test results (the suite did not run to its end)');
  process.exitCode = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
}
