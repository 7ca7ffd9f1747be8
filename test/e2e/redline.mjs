#!/usr/bin/env node
// Checks the standalone HTML redline (`secls redline`) in a real browser: builds the redline of
// the sample amendment with the built CLI, opens it in headless Chromium (playwright-core from
// the e2e tools folder, the same launch flags as scripts/e2e/code-shim.mjs) and checks what a
// reader sees against the draft's own CriticMarkup: one <ins> per insertion, one <del> per
// deletion (a substitution gives one of each), underlined vs struck through in different
// colours, one margin note per comment, the header's counts, no markup left. Saves a full-page
// screenshot to docs/screenshots/redline.png.
//
// Usage: npm run build && node test/e2e/redline.mjs [--source FILE.sec] [--html FILE.html] [--screenshot FILE.png]
//   --source      the drafting file (default examples/amendments/secmp0099-draft.sec)
//   --html        check this HTML instead of running the CLI (e.g. a copy altered by hand)
//   --screenshot  where to save the screenshot (default docs/screenshots/redline.png; with
//                 --html, none unless given, so that a hand-altered page never replaces it)
// Env: SEC_E2E_TOOLS_DIR (default .tools/e2e), SEC_E2E_CHROMIUM (default /usr/bin/chromium).
// Prints "redline: N passed, N failed"; exits 1 when a check fails, 2 when it cannot run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/e2e/chromium.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'e2e'));
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function usage(message) {
  console.error(`redline: ${message}`);
  console.error('usage: node test/e2e/redline.mjs [--source FILE.sec] [--html FILE.html] [--screenshot FILE.png]');
  process.exit(2);
}

const options = { source: path.join(REPO_ROOT, 'examples', 'amendments', 'secmp0099-draft.sec'), html: '', screenshot: '' };
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (!['source', 'html', 'screenshot'].includes(name) || !process.argv[i + 1]) usage(`bad argument "${process.argv[i]}"`);
  options[name] = path.resolve(process.argv[++i]);
}

const playwrightDir = path.join(TOOLS_DIR, 'node_modules', 'playwright-core');
if (!fs.existsSync(playwrightDir)) usage(`${playwrightDir} not found; run: bash scripts/e2e/install-tools.sh`);
if (!fs.existsSync(CHROMIUM)) usage(`no browser at ${CHROMIUM} (SEC_E2E_CHROMIUM)`);
if (!fs.existsSync(options.source)) usage(`no such file ${options.source}`);
const { chromium } = createRequire(path.join(TOOLS_DIR, 'package.json'))('playwright-core');

// ---- What the draft says, with a simple scan of its CriticMarkup ---------------------------------
const sourceText = fs.readFileSync(options.source, 'utf8').replace(/^\uFEFF/, '');
const expected = { insertions: [], deletions: [], comments: [] };
for (const m of sourceText.matchAll(/\{\+\+([\s\S]*?)\+\+\}|\{--([\s\S]*?)--\}|\{~~([\s\S]*?)~>([\s\S]*?)~~\}|\{>>([\s\S]*?)<<\}/g)) {
  if (m[1] !== undefined) expected.insertions.push(m[1]);
  else if (m[2] !== undefined) expected.deletions.push(m[2]);
  else if (m[3] !== undefined) {
    expected.deletions.push(m[3]); // a substitution: the old text deleted ...
    expected.insertions.push(m[4]); // ... and the new text inserted
  } else expected.comments.push(m[5]);
}
// The same counts straight from the opening markers, as a cross-check of the scan.
const opening = (marker) => sourceText.split(marker).length - 1;
const markerCounts = { insertions: opening('{++') + opening('{~~'), deletions: opening('{--') + opening('{~~'), comments: opening('{>>') };

// ---- The redline ---------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-redline-'));
let htmlFile = options.html;
if (!htmlFile) {
  if (!fs.existsSync(CLI)) usage(`${CLI} not found; run: npm run build`);
  htmlFile = path.join(tmp, 'redline.html');
  const run = spawnSync(process.execPath, [CLI, 'redline', options.source, '-o', htmlFile], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0 || !fs.existsSync(htmlFile)) usage(`secls redline failed (exit ${run.status}): ${run.stderr || run.stdout}`);
} else if (!fs.existsSync(htmlFile)) usage(`no such file ${htmlFile}`);
const screenshotFile = options.screenshot || (options.html ? '' : path.join(REPO_ROOT, 'docs', 'screenshots', 'redline.png'));

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${!ok && detail ? `\n         ${detail}` : ''}`);
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const profile = path.join(tmp, 'chromium-profile');
fs.mkdirSync(profile, { recursive: true });
let browser;
try {
  browser = await launchChromium(chromium, { TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), HOME: profile });
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });

  const seen = await page.evaluate(() => {
    const style = (el) => {
      const s = getComputedStyle(el);
      return { line: s.textDecorationLine, color: s.color, background: s.backgroundColor };
    };
    const body = document.querySelector('main pre');
    const legend = document.querySelector('header .legend');
    return {
      title: document.title,
      hasBody: Boolean(body),
      insertions: [...document.querySelectorAll('main pre ins')].map((el) => ({ text: el.textContent, ...style(el) })),
      deletions: [...document.querySelectorAll('main pre del')].map((el) => ({ text: el.textContent, ...style(el) })),
      anchors: [...document.querySelectorAll('main pre .comment-anchor')].map((el) => el.textContent),
      notes: [...document.querySelectorAll('aside .note')].map((el) => ({
        number: el.querySelector('b') ? el.querySelector('b').textContent : '',
        text: el.textContent.replace(/^\d+/, ''),
        visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0,
      })),
      legend: legend ? legend.textContent : '',
      bodyText: body ? body.textContent : '',
      pageText: document.body.innerText,
      notesBesideText: (() => {
        const aside = document.querySelector('aside');
        return Boolean(body && aside && aside.getBoundingClientRect().left >= body.getBoundingClientRect().right);
      })(),
    };
  });

  console.log(`redline of ${path.relative(process.cwd(), options.source)}: ${htmlFile}`);
  check('the scan of the draft agrees with its opening markers',
    expected.insertions.length === markerCounts.insertions && expected.deletions.length === markerCounts.deletions && expected.comments.length === markerCounts.comments,
    `scan ${expected.insertions.length}/${expected.deletions.length}/${expected.comments.length}, markers ${JSON.stringify(markerCounts)}`);
  check('the draft has insertions, deletions and comments to show', expected.insertions.length > 0 && expected.deletions.length > 0 && expected.comments.length > 0);
  check('the page has a body', seen.hasBody);
  check(`one <ins> per insertion (${expected.insertions.length})`, seen.insertions.length === expected.insertions.length,
    `found ${seen.insertions.length}: ${JSON.stringify(seen.insertions.map((i) => i.text))}`);
  check(`one <del> per deletion (${expected.deletions.length})`, seen.deletions.length === expected.deletions.length,
    `found ${seen.deletions.length}: ${JSON.stringify(seen.deletions.map((d) => d.text))}`);
  check('each <ins> holds the inserted text, in order', same(seen.insertions.map((i) => i.text), expected.insertions),
    `${JSON.stringify(seen.insertions.map((i) => i.text))} vs ${JSON.stringify(expected.insertions)}`);
  check('each <del> holds the deleted text, in order', same(seen.deletions.map((d) => d.text), expected.deletions),
    `${JSON.stringify(seen.deletions.map((d) => d.text))} vs ${JSON.stringify(expected.deletions)}`);
  check('insertions are underlined', seen.insertions.length > 0 && seen.insertions.every((i) => /underline/.test(i.line) && !/line-through/.test(i.line)),
    JSON.stringify(seen.insertions.map((i) => i.line)));
  check('deletions are struck through', seen.deletions.length > 0 && seen.deletions.every((d) => /line-through/.test(d.line)),
    JSON.stringify(seen.deletions.map((d) => d.line)));
  const insColors = new Set(seen.insertions.map((i) => i.color));
  const delColors = new Set(seen.deletions.map((d) => d.color));
  const textColor = await page.evaluate(() => getComputedStyle(document.querySelector('main pre')).color);
  check('insertions and deletions have different colours, each different from the text',
    insColors.size === 1 && delColors.size === 1 && ![...insColors].some((c) => delColors.has(c)) && !insColors.has(textColor) && !delColors.has(textColor),
    `ins ${[...insColors]}, del ${[...delColors]}, text ${textColor}`);
  check(`one margin note per comment (${expected.comments.length})`, seen.notes.length === expected.comments.length,
    `found ${seen.notes.length} .note`);
  check('the notes carry the comments, numbered 1..n, and are visible', same(seen.notes.map((n) => n.text), expected.comments)
    && seen.notes.every((n, i) => n.number === String(i + 1) && n.visible), JSON.stringify(seen.notes));
  check('each note has its numbered anchor in the text', same(seen.anchors, expected.comments.map((_, i) => String(i + 1))), JSON.stringify(seen.anchors));
  check('the notes sit in the margin, beside the text', seen.notesBesideText);
  const counts = /inserted\s*(\d+)\s*·\s*deleted\s*(\d+)\s*·\s*(\d+)\s*comments?/.exec(seen.legend);
  check('the header\'s counts match the draft', Boolean(counts) && Number(counts[1]) === expected.insertions.length
    && Number(counts[2]) === expected.deletions.length && Number(counts[3]) === expected.comments.length, `header: "${seen.legend}"`);
  check('the title names the file', seen.title.includes(path.basename(options.source)), seen.title);
  const leftovers = ['{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}'].filter((m) => seen.pageText.includes(m));
  check('no CriticMarkup left in the page', leftovers.length === 0, `found ${leftovers.join(' ')}`);
  // Everything outside the changes is shown as written.
  const unchanged = sourceText.replace(/\{\+\+[\s\S]*?\+\+\}|\{--[\s\S]*?--\}|\{~~[\s\S]*?~~\}|\{>>[\s\S]*?<<\}/g, '\u0000').split('\u0000');
  const bodyWithout = seen.bodyText;
  let at = 0;
  const missing = unchanged.find((piece) => {
    const found = bodyWithout.indexOf(piece, at);
    if (found < 0) return true;
    at = found + piece.length;
    return false;
  });
  check('the unchanged text is all there, in order', missing === undefined, `missing: ${JSON.stringify(missing && missing.slice(0, 80))}`);
  check('no script errors', pageErrors.length === 0, pageErrors.join('; '));

  if (screenshotFile) {
    fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
    const partial = `${screenshotFile}.tmp-${process.pid}.png`;
    await page.screenshot({ path: partial, fullPage: true });
    fs.renameSync(partial, screenshotFile); // atomic: never half a PNG
    check('screenshot saved', fs.statSync(screenshotFile).size > 5000, screenshotFile);
    console.log(`screenshot: ${path.relative(process.cwd(), screenshotFile)}`);
  }
} catch (error) {
  failed++;
  console.log(`  FAIL ${error && error.stack ? error.stack : error}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
console.log(`redline: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
