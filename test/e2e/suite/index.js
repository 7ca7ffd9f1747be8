// The mocha runner that VS Code loads inside the extension host (--extensionTestsPath).
// Plain CommonJS: no compile step. Runs every test/e2e/suite/*.test.js (or only the files
// whose name matches SEC_E2E_GREP_FILES, a regular expression), each test with a timeout,
// so that the run always ends and the shim gets an exit code.
'use strict';
const path = require('path');
const fs = require('fs');

// Mocha comes from the e2e tools folder (.tools/e2e), not from the extension's dependencies.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'e2e'));
// (mocha 12's entry point is an ES module re-exporting lib/mocha.cjs; Node 20.19+ can require it.)
const mochaModule = require(path.join(TOOLS_DIR, 'node_modules', 'mocha'));
const Mocha = typeof mochaModule === 'function' ? mochaModule : mochaModule.default || mochaModule.Mocha;

function run() {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false, // the output goes through the workbench's log, which has no terminal
    reporter: 'spec',
    timeout: Number(process.env.SEC_E2E_TEST_TIMEOUT_MS || 30000),
    slow: 5000,
    grep: process.env.SEC_E2E_GREP || undefined,
  });
  const filter = process.env.SEC_E2E_GREP_FILES ? new RegExp(process.env.SEC_E2E_GREP_FILES) : null;
  // This folder, plus any given in SEC_E2E_SUITE_DIRS (separated by ':'), e.g. an extension's own.
  const dirs = [__dirname, ...(process.env.SEC_E2E_SUITE_DIRS || '').split(path.delimiter).filter(Boolean)];
  const files = [];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.test.js') && (!filter || filter.test(f))) files.push(path.join(path.resolve(dir), f));
    }
  }
  for (const f of files) mocha.addFile(f);
  console.log(`[e2e] mocha: ${files.length} test file(s): ${files.map((f) => path.basename(f)).join(', ')}`);

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error('no test/e2e/suite/*.test.js file to run'));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = failures, pending = 0 } = runner.stats || {};
        // For test/e2e/run.mjs, which prints the closing "N passed, N failed" line.
        if (process.env.SEC_E2E_RESULTS_FILE) {
          try {
            fs.writeFileSync(process.env.SEC_E2E_RESULTS_FILE, JSON.stringify({ passed: passes, failed, skipped: pending }));
          } catch (e) {
            console.error(`[e2e] could not write ${process.env.SEC_E2E_RESULTS_FILE}: ${e.message}`);
          }
        }
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else if (passes === 0) reject(new Error('no e2e test ran (all skipped or filtered out)'));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
