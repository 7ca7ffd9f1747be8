#!/usr/bin/env node
// The end-to-end suite in VS Code for the Web's web worker extension host: code-server's web
// UI (VS Code 1.100.3, as the desktop suite uses it) runs an extension that has a `browser`
// entry and no `main` in a web worker of the browser, as vscode.dev and github.dev do.
//
//  1. A test copy of the extension, its package.json without `main`: only the web worker can
//     run it. From the repository's build (dist/browserClient.js, dist/browserServer.js), or
//     with --vsix FILE from a packaged .vsix (its minified bundles and readme.md).
//  2. test/e2e/web/*.test.js bundled with mocha's browser build into one script inside that
//     copy (a web worker extension host loads one file, and runs the tests in the host of the
//     extension that holds them: so they run in the web worker too).
//  3. test/e2e/run.mjs (the shim, code-server, headless Chromium) on a copy of examples/.
//  4. Unless --no-desktop: timing.test.js alone in the desktop's Node extension host, on
//     another copy, and the two hosts' first-diagnostics times compared.
//
// Usage: npm run build && node test/e2e/web.mjs [--vsix FILE] [--no-desktop]
// Env: SEC_E2E_TOOLS_DIR, SEC_E2E_SCREENSHOT_DIR, SEC_E2E_GREP and the shim's (scripts/e2e/README.md).
// Prints "e2e (web worker): N passed, N failed, N skipped" and the timings; exits non-zero on a failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { unzipSync } from 'fflate';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'e2e'));
const WEB_SUITE = path.join(HERE, 'web');
const args = process.argv.slice(2);
const vsix = args.includes('--vsix') ? path.resolve(args[args.indexOf('--vsix') + 1] || '') : '';
const desktop = !args.includes('--no-desktop');
/** The web worker's median may exceed the desktop's by this factor and margin (the machine is shared; five runs each). */
const SLOWER_FACTOR = 1.5;
const SLOWER_MARGIN_MS = 250;

const fail = (message) => {
  console.error(`[e2e-web] ${message}`);
  process.exit(2);
};

const RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-e2e-web-'));
const copyInto = (to, names) => {
  for (const name of names) fs.cpSync(path.join(REPO_ROOT, name), path.join(to, name), { recursive: true });
};

/** The extension as a browser-only extension: package.json without `main`. */
function testCopy() {
  const copy = path.join(RUN_DIR, 'extension');
  if (vsix) {
    if (!fs.existsSync(vsix)) fail(`${vsix} does not exist (npm run test:package builds it)`);
    for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(vsix)))) {
      if (!name.startsWith('extension/') || name.endsWith('/')) continue;
      fs.mkdirSync(path.dirname(path.join(copy, name.slice('extension/'.length))), { recursive: true });
      fs.writeFileSync(path.join(copy, name.slice('extension/'.length)), bytes);
    }
  } else {
    for (const bundle of ['browserClient.js', 'browserServer.js']) {
      if (!fs.existsSync(path.join(REPO_ROOT, 'dist', bundle))) fail(`dist/${bundle} is missing: npm run build first`);
    }
    fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
    for (const file of fs.readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => /^browser(Client|Server)\.js(\.map)?$/.test(f))) {
      fs.copyFileSync(path.join(REPO_ROOT, 'dist', file), path.join(copy, 'dist', file));
    }
    copyInto(copy, ['package.json', 'README.extension.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', 'syntaxes', 'snippets', 'images']);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8'));
  if (!manifest.browser) fail('package.json has no "browser" entry');
  delete manifest.main;
  fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  return { copy, extensionId: `${manifest.publisher}.${manifest.name}` };
}

/** The suite as one CommonJS script: mocha's browser build, the runner, every test file. */
async function bundleSuite(copy, config) {
  const mocha = path.join(TOOLS_DIR, 'node_modules', 'mocha', 'mocha.js');
  if (!fs.existsSync(mocha)) fail(`${mocha} not found; run: bash scripts/e2e/install-tools.sh`);
  const tests = fs.readdirSync(WEB_SUITE).filter((f) => f.endsWith('.test.js')).sort();
  // Its UMD wrapper, bundled, would find the bundle's own `module` and replace its exports with
  // mocha: run as a script instead, it sets the global `mocha`, as in a browser page.
  const entry = [
    `new Function('module', 'exports', 'define', ${JSON.stringify(fs.readFileSync(mocha, 'utf8'))}).call(globalThis);`,
    `const { runSuite } = require(${JSON.stringify(path.join(WEB_SUITE, 'runner.js'))});`,
    `exports.run = () => runSuite(() => {`,
    ...tests.map((test) => `  require(${JSON.stringify(path.join(WEB_SUITE, test))});`),
    `}, ${JSON.stringify(process.env.SEC_E2E_GREP || '')});`,
  ].join('\n');
  const out = path.join(copy, 'e2e', 'index.js');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: WEB_SUITE, sourcefile: 'web-suite.js' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    outfile: out,
    external: ['vscode'],
    define: { __SEC_E2E_WEB__: JSON.stringify(config) },
    logLevel: 'warning',
  });
  console.log(`[e2e-web] suite: ${tests.join(', ')} → ${path.relative(RUN_DIR, out)}`);
  return out;
}

/** Runs test/e2e/run.mjs, echoing its output, and returns its exit status and the marker lines it printed. */
function runShim(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(HERE, 'run.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const markers = { results: null, timing: null };
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const marker = /\[sec-e2e:(results|timing)\] (\{.*\})/.exec(line);
        if (marker) markers[marker[1]] = JSON.parse(marker[2]);
      }
    });
    child.on('exit', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), ...markers }));
  });
}

function workspaceCopy(name) {
  const workspace = path.join(RUN_DIR, name);
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  return workspace;
}

let status = 0;
try {
  const { copy, extensionId } = testCopy();
  const repliesDir = path.join(RUN_DIR, 'replies');
  const screenshotDir = process.env.SEC_E2E_SCREENSHOT_DIR ? path.resolve(process.env.SEC_E2E_SCREENSHOT_DIR) : '';
  const tests = await bundleSuite(copy, { extensionId, repliesDir, screenshotDir });
  console.log(`[e2e-web] extension (no main): ${copy}${vsix ? ` from ${vsix}` : ''}`);
  const web = await runShim({
    SEC_E2E_EXTENSION_PATH: copy,
    SEC_E2E_TESTS_PATH: tests,
    SEC_E2E_WORKSPACE: workspaceCopy('workspace-web'),
    SEC_E2E_REPLIES_DIR: repliesDir,
  });
  const results = web.results ? `${web.results.passed} passed, ${web.results.failed} failed, ${web.results.skipped} skipped` : 'no test results';
  status = web.status !== 0 || !web.results ? web.status || 1 : 0;
  let comparison = '';
  if (desktop && web.timing) {
    const node = await runShim({
      SEC_E2E_EXTENSION_PATH: REPO_ROOT,
      SEC_E2E_WORKSPACE: workspaceCopy('workspace-desktop'),
      SEC_E2E_SUITE_DIRS: WEB_SUITE,
      SEC_E2E_GREP_FILES: '^timing\\.test\\.js$',
    });
    if (node.status !== 0 || !node.timing) {
      status ||= node.status || 1;
      comparison = 'desktop timing run failed';
    } else {
      const limit = Math.round(node.timing.median * SLOWER_FACTOR + SLOWER_MARGIN_MS);
      comparison = `first diagnostics after a restart, median of ${web.timing.times.length}: web worker ${web.timing.median} ms ${JSON.stringify(web.timing.times)}, `
        + `desktop ${node.timing.median} ms ${JSON.stringify(node.timing.times)} (limit ${limit} ms)`;
      if (web.timing.median > limit) {
        status ||= 1;
        comparison += ': the web worker is slower than the limit';
      }
    }
  }
  if (comparison) console.log(`[e2e-web] ${comparison}`);
  console.log(`e2e (web worker${vsix ? `, ${path.basename(vsix)}` : ''}): ${results}`);
} finally {
  if (process.env.SEC_E2E_KEEP_TMP === '1') console.log(`[e2e-web] kept ${RUN_DIR}`);
  else fs.rmSync(RUN_DIR, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(status);
