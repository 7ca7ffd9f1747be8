#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's
// runTests({ vscodeExecutablePath }): it runs the extension tests in a real VS Code 1.100
// (code-server's web workbench + its Node extension host), shown in headless Chromium.
//
// Understood arguments (what runTests passes, and a few more):
//   <folder>|<file.code-workspace>   the workspace to open (first positional argument)
//   --extensionDevelopmentPath=P     (repeatable) the extension(s) under test
//   --extensionTestsPath=P           the test runner module (index.js) run in the extension host
//   --install-extension <P.vsix|id>  (repeatable, also with =) installed with code-server first
//   --version                        prints a VS Code-like version and exits
//   --extensions-dir= --user-data-dir= and Electron-only flags (--no-sandbox, ...) are ignored:
//   each run gets fresh ones in its own temp folder.
// Environment:
//   SEC_E2E_TOOLS_DIR            where install-tools.sh put the tools (default <repo>/.tools/e2e)
//   SEC_E2E_TIMEOUT_MS           overall timeout (default 600000 = 10 min); exit 124 when hit
//   SEC_E2E_SCREENSHOT_DIR       enables screenshots: a test logs a marker (see test/e2e/suite/helpers.js)
//                                and the shim writes <dir>/<name>.png; one is also taken on failure
//   SEC_E2E_USER_SETTINGS        JSON object merged into the user settings.json
//   SEC_E2E_VERBOSE=1            also print code-server's output, the workbench's own log lines
//                                and the browser console
//   SEC_E2E_KEEP_TMP=1           keep the run's temp folder (logs, user data) and print its path
//   SEC_E2E_LOG_DIR              copy the workbench logs handed over at exit into this folder
//   SEC_E2E_CHROMIUM             browser executable (default /usr/bin/chromium)
//   SEC_E2E_DEBUG_RAW=1          print the raw codeAutomationLog calls
//   SEC_E2E_REPLIES_DIR          lets tests ask what the workbench shows (a marker line, see
//                                test/e2e/web/helpers.js askWorkbench): the answer is written as
//                                JSON into this folder, where a test in any extension host,
//                                even a web worker with no fs, reads it through vscode.workspace.fs
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { format, inspect } from 'node:util';
import { CHROMIUM, launchChromium } from './chromium.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'e2e'));
const CODE_SERVER = path.join(TOOLS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TIMEOUT_MS = Number(process.env.SEC_E2E_TIMEOUT_MS || 600_000);
const VERBOSE = process.env.SEC_E2E_VERBOSE === '1';
const KEEP_TMP = process.env.SEC_E2E_KEEP_TMP === '1';
const SCREENSHOT_DIR = process.env.SEC_E2E_SCREENSHOT_DIR ? path.resolve(process.env.SEC_E2E_SCREENSHOT_DIR) : '';
const LOG_DIR = process.env.SEC_E2E_LOG_DIR ? path.resolve(process.env.SEC_E2E_LOG_DIR) : '';
// Must match test/e2e/suite/helpers.js.
const SCREENSHOT_MARKER = /\[sec-e2e:screenshot\] ([A-Za-z0-9._-]+)/;
// Must match test/e2e/web/helpers.js.
const ASK_MARKER = /\[sec-e2e:ask\] (\{.*\})\s*$/;
const REPLIES_DIR = process.env.SEC_E2E_REPLIES_DIR ? path.resolve(process.env.SEC_E2E_REPLIES_DIR) : '';

const log = (...a) => console.log('[code-shim]', ...a);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// ------------------------------------------------------------------------------------------
// Arguments
// ------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = { devPaths: [], testsPath: '', folder: '', installExtensions: [], version: false, ignored: [] };
  const IGNORED_WITH_VALUE = new Set(['--extensions-dir', '--user-data-dir', '--locale', '--log', '--logsPath']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    if (a === '--version' || a === '-v') out.version = true;
    else if (name === '--extensionDevelopmentPath') out.devPaths.push(value ?? argv[++i]);
    else if (name === '--extensionTestsPath') out.testsPath = value ?? argv[++i];
    else if (name === '--install-extension') out.installExtensions.push(value ?? argv[++i]);
    else if (IGNORED_WITH_VALUE.has(name)) { out.ignored.push(a); if (value === undefined) i++; }
    else if (a.startsWith('-')) out.ignored.push(a);
    else if (!out.folder) out.folder = a;
    else out.ignored.push(a);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));

function codeServerVersion() {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(TOOLS_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'product.json'), 'utf8'));
    return { version: pkg.version, commit: pkg.commit };
  } catch {
    return null;
  }
}

if (args.version) {
  const v = codeServerVersion();
  if (!v) {
    console.error(`code-shim: code-server not installed in ${TOOLS_DIR} (run scripts/e2e/install-tools.sh)`);
    process.exit(1);
  }
  console.log(`${v.version}\n${v.commit}\n${process.arch}`);
  process.exit(0);
}

if (!fs.existsSync(CODE_SERVER)) {
  console.error(`code-shim: ${CODE_SERVER} not found; run: bash scripts/e2e/install-tools.sh`);
  process.exit(1);
}
if (!args.testsPath && args.installExtensions.length === 0) {
  console.error('code-shim: --extensionTestsPath=... is required (this shim only runs extension tests)');
  process.exit(2);
}
if (args.ignored.length && VERBOSE) log('ignoring', args.ignored.join(' '));

const toolsRequire = createRequire(path.join(TOOLS_DIR, 'package.json'));

// ------------------------------------------------------------------------------------------
// The run's own folders and settings
// ------------------------------------------------------------------------------------------
const RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-e2e-'));
const dirs = {
  tmp: path.join(RUN_DIR, 'tmp'),
  config: path.join(RUN_DIR, 'xdg-config'),
  data: path.join(RUN_DIR, 'xdg-data'),
  cache: path.join(RUN_DIR, 'xdg-cache'),
  userData: path.join(RUN_DIR, 'user-data'),
  extensions: path.join(RUN_DIR, 'extensions'),
  browserProfile: path.join(RUN_DIR, 'chromium-profile'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
let extraSettings = {};
if (process.env.SEC_E2E_USER_SETTINGS) {
  try {
    extraSettings = JSON.parse(process.env.SEC_E2E_USER_SETTINGS);
  } catch (e) {
    console.error(`code-shim: SEC_E2E_USER_SETTINGS is not JSON: ${e.message}`);
    process.exit(2);
  }
}
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'telemetry.telemetryLevel': 'off',
      // The web workbench saves edits after a delay by default: tests must never write the examples.
      'files.autoSave': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      ...extraSettings,
    },
    null,
    2,
  ),
);

const childEnv = {
  ...process.env,
  TMPDIR: dirs.tmp,
  XDG_CONFIG_HOME: dirs.config,
  XDG_DATA_HOME: dirs.data,
  XDG_CACHE_HOME: dirs.cache,
  EXTENSIONS_GALLERY: '{}',
};
// Not for the extension host: these would confuse an `npm`/`node` it starts.
delete childEnv.ELECTRON_RUN_AS_NODE;
delete childEnv.VSCODE_IPC_HOOK_CLI;

const codeServerBaseArgs = [
  '--auth', 'none',
  '--user-data-dir', dirs.userData,
  '--extensions-dir', dirs.extensions,
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--ignore-last-opened',
];

// ------------------------------------------------------------------------------------------
// Cleanup: always stop code-server's process group and the browser
// ------------------------------------------------------------------------------------------
let server = null; // child process (own process group)
let browser = null;
let cleaning = null;
const serverLogPath = path.join(RUN_DIR, 'code-server.log');
const serverLog = fs.createWriteStream(serverLogPath);

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* gone */ }
  }
}

async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      killGroup(server, 'SIGTERM');
      const ok = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!ok) killGroup(server, 'SIGKILL');
    }
    // Leftovers of the group (extension host, watchers) even when the leader is gone.
    if (server) {
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* none left */ }
    }
    await new Promise((r) => serverLog.end(r));
    if (KEEP_TMP) log(`kept ${RUN_DIR}`);
    else fs.rmSync(RUN_DIR, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
}

let exiting = false;
async function finish(code, reason, { testsReported = false } = {}) {
  if (exiting) return;
  exiting = true;
  if (reason) log(reason);
  if (code !== 0) {
    if (page && SCREENSHOT_DIR) await takeScreenshot('failure').catch(() => {});
    // The tests said why they failed; anything else may be explained by code-server's output.
    if (!VERBOSE && !testsReported) {
      const tail = safeRead(serverLogPath).split('\n').filter((l) => l.trim()).slice(-40).join('\n');
      if (tail) console.log(`[code-shim] last lines of code-server's output:\n${tail}`);
    }
  }
  await cleanup().catch((e) => console.error('code-shim: cleanup failed:', e));
  log(`exit ${code} after ${elapsed()}`);
  process.exit(code);
}

function safeRead(p) {
  try { return fs.readFileSync(p, 'utf8'); } catch { return ''; }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => finish(130, `got ${sig}, stopping`));
}
process.on('uncaughtException', (e) => finish(1, `error: ${e?.stack || e}`));
process.on('unhandledRejection', (e) => finish(1, `error: ${e?.stack || e}`));
setTimeout(() => finish(124, `TIMEOUT: no result after ${TIMEOUT_MS} ms (SEC_E2E_TIMEOUT_MS)`), TIMEOUT_MS);

// ------------------------------------------------------------------------------------------
// code-server
// ------------------------------------------------------------------------------------------
function runCodeServerOnce(extraArgs) {
  const r = spawnSync(process.execPath, [CODE_SERVER, ...codeServerBaseArgs, ...extraArgs], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return r;
}

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [CODE_SERVER, ...codeServerBaseArgs, '--bind-addr', '127.0.0.1:0'], {
      env: childEnv,
      cwd: dirs.tmp,
      detached: true, // own process group, so that the whole tree can be stopped
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    const onData = (d) => {
      serverLog.write(d);
      if (VERBOSE) process.stdout.write(String(d).replace(/^(?=.)/gm, '[code-server] '));
      buf += d;
      const m = buf.match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        buf = '';
        resolve(Number(m[1]));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('error', reject);
    server.once('exit', (code, signal) => {
      if (!exiting) finish(1, `code-server exited early (code ${code}, signal ${signal})`);
      reject(new Error('code-server exited'));
    });
  });
}

function getStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

async function waitHealthy(port) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await getStatus(`http://127.0.0.1:${port}/healthz`)) === 200) return;
    await sleep(200);
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

// ------------------------------------------------------------------------------------------
// Browser
// ------------------------------------------------------------------------------------------
let page = null;
let shotQueue = Promise.resolve();

function takeScreenshot(name) {
  shotQueue = shotQueue.then(async () => {
    if (!page || !SCREENSHOT_DIR) return;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    const tmp = `${file}.tmp-${process.pid}.png`;
    try {
      await page.screenshot({ path: tmp, timeout: 15_000 });
      fs.renameSync(tmp, file); // atomic: a test waiting for the file never sees half of it
      log(`screenshot ${path.relative(process.cwd(), file) || file}`);
    } catch (e) {
      log(`screenshot ${name} failed: ${e.message}`);
      fs.rmSync(tmp, { force: true });
      // Let a waiting test stop waiting: an empty .failed file.
      fs.writeFileSync(`${file}.failed`, String(e.message));
    }
  });
  return shotQueue;
}

// The workbench's own log lines that come with every run; shown only with SEC_E2E_VERBOSE=1.
// (codeAutomationLog carries both the workbench's log and, in extension-test mode, the
// extension host's console, with nothing to tell them apart.)
const WORKBENCH_NOISE = [
  /^Resolving connection token \(/,
  /^Resolved connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore: /,
];

function formatLogArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  // util.format applies mocha's "%s"/"%d" placeholders and drops "%c" CSS, like a console would.
  return typeof list[0] === 'string' ? format(...list) : list.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}

/** The command palette's entries for a query (`>` is typed by the palette itself). */
async function paletteEntries(query) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${query}`);
  await sleep(800); // the list filters as it is typed
  const entries = await page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') || row.textContent || ''));
  await page.keyboard.press('Escape');
  return entries;
}

/** What each webview frame shows: its <ins> and <del> elements and its text. */
async function webviews() {
  const shown = [];
  for (const frame of page.frames()) {
    const content = await frame.evaluate(() => (document.body ? {
      ins: document.querySelectorAll('ins').length, del: document.querySelectorAll('del').length, text: document.body.innerText.slice(0, 2000),
    } : null)).catch(() => null);
    if (content && (content.ins > 0 || content.del > 0)) shown.push({ url: frame.url().slice(0, 200), ...content });
  }
  return shown;
}

/** Answers a test's question ([sec-e2e:ask]) in the JSON file it names, inside SEC_E2E_REPLIES_DIR only. */
async function answer(question) {
  const reply = path.resolve(String(question.reply || ''));
  if (!REPLIES_DIR || !reply.startsWith(`${REPLIES_DIR}${path.sep}`)) return log(`ignoring a question outside SEC_E2E_REPLIES_DIR: ${question.reply}`);
  let result;
  try {
    if (question.what === 'palette') result = { entries: await paletteEntries(String(question.query || '')) };
    else if (question.what === 'webviews') result = { webviews: await webviews() };
    else result = { error: `unknown question ${question.what}` };
  } catch (e) {
    result = { error: e.message };
  }
  fs.mkdirSync(path.dirname(reply), { recursive: true });
  fs.writeFileSync(`${reply}.tmp`, JSON.stringify(result));
  fs.renameSync(`${reply}.tmp`, reply); // atomic: the test never reads half an answer
}

function onAutomationLog(type, args) {
  if (process.env.SEC_E2E_DEBUG_RAW) console.log('RAW', type, JSON.stringify(args));
  const text = formatLogArgs(args);
  const asked = ASK_MARKER.exec(text);
  if (asked) {
    let question;
    try {
      question = JSON.parse(asked[1]);
    } catch {
      return log(`unreadable question: ${asked[1]}`);
    }
    shotQueue = shotQueue.then(() => answer(question)); // one at a time, between screenshots
    return;
  }
  const shot = SCREENSHOT_MARKER.exec(text);
  if (shot) {
    if (SCREENSHOT_DIR) takeScreenshot(shot[1]);
    else if (VERBOSE) log(`screenshot ${shot[1]} asked for, but SEC_E2E_SCREENSHOT_DIR is not set`);
    return;
  }
  if (!VERBOSE && type !== 'error' && type !== 'warn' && WORKBENCH_NOISE.some((re) => re.test(text))) return;
  const out = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
  out.write(`${type === 'error' || type === 'warn' ? `[${type}] ` : ''}${text}\n`);
}

async function writeExitLogs(logs) {
  if (!LOG_DIR || !Array.isArray(logs)) return;
  for (const entry of logs) {
    if (!entry || typeof entry.relativePath !== 'string') continue;
    const file = path.join(LOG_DIR, entry.relativePath);
    if (!file.startsWith(LOG_DIR)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.contents ?? '');
  }
  log(`workbench logs written to ${LOG_DIR}`);
}

async function main() {
  // Extensions given with --install-extension are installed first, into this run's extensions dir.
  for (const ext of args.installExtensions) {
    const target = ext.endsWith('.vsix') ? path.resolve(ext) : ext;
    log(`installing extension ${target}`);
    const r = runCodeServerOnce(['--install-extension', target, '--force']);
    const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
    if (out) console.log(out.replace(/^/gm, '[code-server] '));
    if (r.status !== 0) return finish(1, `--install-extension ${ext} failed (exit ${r.status ?? r.signal ?? r.error})`);
  }
  if (!args.testsPath) return finish(0, 'extensions installed; no --extensionTestsPath, nothing to run');

  const port = await startServer();
  await waitHealthy(port);
  log(`code-server ${codeServerVersion()?.version ?? '?'} ready on 127.0.0.1:${port} (${elapsed()})`);

  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [
    ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(args.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = new URLSearchParams();
  if (args.folder) {
    const abs = path.resolve(args.folder);
    if (abs.endsWith('.code-workspace')) query.set('workspace', abs);
    else query.set('folder', abs);
  } else {
    query.set('ew', 'true'); // empty window
  }
  query.set('payload', JSON.stringify(payload));
  const url = `http://${authority}/?${query.toString()}`;

  const { chromium } = toolsRequire('playwright-core');
  browser = await launchChromium(chromium, { TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, HOME: dirs.browserProfile });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('crash', () => finish(1, 'the browser page crashed'));
  if (VERBOSE) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => VERBOSE && console.log(`[browser pageerror] ${e.message}`));

  await page.exposeFunction('codeAutomationLog', (type, logArgs) => onAutomationLog(type, logArgs));
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    await writeExitLogs(logs).catch((e) => log(`could not write logs: ${e.message}`));
    await shotQueue; // screenshots asked for just before the end
    const n = Number(code);
    finish(Number.isInteger(n) ? n : 1, `tests finished with exit code ${code} (${elapsed()})`, { testsReported: true });
  });

  log(`opening the workbench (${args.folder ? path.resolve(args.folder) : 'no folder'})`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
}

main().catch((e) => finish(1, `error: ${e?.stack || e}`));
