// The mocha run in the web worker extension host. test/e2e/web.mjs bundles this with mocha's
// browser build (which sets the global `mocha`) and every test/e2e/web/*.test.js into one file,
// since a web worker extension host loads a single script and can require nothing but 'vscode'.
// No results file can be written from a worker: the counts go to the log as a marker line,
// which web.mjs reads.
'use strict';

/* global mocha */
/** `grep`: run only the tests whose title matches (SEC_E2E_GREP, handed in by web.mjs). */
function runSuite(loadTests, grep) {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000, slow: 5000 });
  if (grep) mocha.grep(new RegExp(grep));
  loadTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats || {};
      console.log(`[sec-e2e:results] ${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}`);
      if (failures > 0) reject(new Error(`${failures} web e2e test(s) failed`));
      else if (passes === 0) reject(new Error('no web e2e test ran'));
      else resolve();
    });
  });
}

module.exports = { runSuite };
