#!/usr/bin/env node
// Builds the .vsix (`npm run package`) and checks what is in it: only the allowed files (the
// allow-list of .vscodeignore: dist/*.js without source maps, syntaxes, snippets, the language
// configuration, package.json, README, CHANGELOG, LICENSE, the icon), every required file, every
// file package.json refers to (main, icon, language configuration, grammars, snippets), every
// bundle used by the extension, the user README with its screenshots embedded (VS Code's
// extension page loads images only from https: and data: URIs) and every other link resolving
// inside the package (or to the project's own pages), the manifest's identity, a size below
// 1 MB, and the web extension's bundles (package.json `browser`) loadable in a web worker:
// requiring nothing but `vscode`, the language server's worker bundle under 500 KB. The build must not prompt nor warn: vsce asks "Do you want to continue?" on a
// terminal (and aborts on Enter) where a pipe would answer yes, so it runs on a pseudo-terminal
// with its input closed when `script` (util-linux) is there, and any vsce WARNING fails the check.
// Exits 1 when something is wrong, 2 when the build fails.
//
// Usage: node scripts/package-check.mjs [--no-build] [--vsix FILE] [--max-bytes N]
//   --no-build   check an existing .vsix instead of running `npm run package` first
//   --vsix FILE  the .vsix to check (default: sec-language-tools.vsix, what `npm run package` writes)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const build = !args.includes('--no-build');
const vsix = path.resolve(ROOT, option('--vsix') || 'sec-language-tools.vsix');
const maxBytes = Number(option('--max-bytes') || 1024 * 1024);
/** VS Code for the Web downloads the server's worker bundle at each start of the extension. */
const MAX_WORKER_BYTES = 500 * 1000;
const WORKER_BUNDLE = 'extension/dist/browserServer.js';

/** Every file the .vsix may contain (paths inside the zip). */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt|\.md)?$/i,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/,
  /^extension\/snippets\/[^/]+\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/images\/icon\.png$/,
];
/** The only links of the README that may leave the package: the project's own pages. */
const ALLOWED_URL = /^https:\/\/github\.com\/sec-language-tools\/sec-language-tools(?:[/#?]|$)/;
/** Files that must be there whatever package.json says. */
const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/browserClient.js',
  WORKER_BUNDLE,
  'extension/images/icon.png',
];

// ---- A minimal zip reader (central directory; stored and deflated entries) ---------------------

function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n} in ${file}`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeader = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      compressedSize,
      read() {
        const dataStart = localHeader + 30 + buf.readUInt16LE(localHeader + 26) + buf.readUInt16LE(localHeader + 28);
        const data = buf.subarray(dataStart, dataStart + compressedSize);
        if (method === 0) return Buffer.from(data);
        if (method === 8) return zlib.inflateRawSync(data);
        throw new Error(`${name}: unsupported zip compression method ${method}`);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// ---- Build ------------------------------------------------------------------------------------

const PACKAGE_TIMEOUT_MS = 120_000;
const problems = [];

/** `npm run package` as a user runs it in a terminal, when one can be had: its output, or why it failed. */
function runPackage() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const script = ['/usr/bin/script', '/bin/script'].find((candidate) => fs.existsSync(candidate));
  // stdin closed: a question would read end-of-file (or wait) instead of an answer.
  const [command, commandArgs, how] = script
    ? [script, ['-qec', `${npm} run package`, '/dev/null'], 'on a pseudo-terminal, input closed']
    : [npm, ['run', 'package'], 'without a terminal (no `script` here)'];
  console.log(`package-check: npm run package (${how})`);
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: PACKAGE_TIMEOUT_MS });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  process.stdout.write(output);
  if (result.error?.code === 'ETIMEDOUT') return { output, failed: `it did not finish in ${PACKAGE_TIMEOUT_MS / 1000} s: waiting for an answer?` };
  if (result.status !== 0) return { output, failed: `exit ${result.status ?? result.signal}` };
  return { output };
}

if (build) {
  fs.rmSync(vsix, { force: true });
  const { output, failed } = runPackage();
  // (On a terminal vsce also says when npm has a newer vsce: news, not a problem of the package; the version is pinned.)
  const warnings = output.split('\n').filter((l) => /\bWARNING\b|Do you want to continue/.test(l) && !/latest version of @vscode\/vsce/.test(l));
  for (const line of warnings) problems.push(`packaging warns or asks: ${line.trim()}`);
  if (failed) {
    for (const p of problems) console.error(`package-check: FAIL ${p}`);
    console.error(`package-check: npm run package failed (${failed})`);
    process.exit(2);
  }
}
if (!fs.existsSync(vsix)) {
  console.error(`package-check: ${vsix} does not exist`);
  process.exit(2);
}

// ---- Checks -----------------------------------------------------------------------------------

const entries = readZip(vsix);
const names = new Set(entries.map((e) => e.name));
const bytes = fs.statSync(vsix).size;
const unpacked = entries.reduce((sum, e) => sum + e.size, 0);

for (const e of entries) {
  if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`not allowed in the package: ${e.name}`);
}
for (const name of REQUIRED) if (!names.has(name)) problems.push(`missing from the package: ${name}`);

// What package.json refers to must be in the package.
const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')?.read().toString('utf8') ?? '{}');
const referenced = [];
const refer = (what, p) => p && referenced.push([what, p]);
refer('main', pkg.main && (/\.js$/.test(pkg.main) ? pkg.main : `${pkg.main}.js`));
refer('browser', pkg.browser && (/\.js$/.test(pkg.browser) ? pkg.browser : `${pkg.browser}.js`));
if (!pkg.browser) problems.push('package.json has no "browser" entry: VS Code for the Web would not run the extension');
refer('icon', pkg.icon);
for (const language of pkg.contributes?.languages ?? []) refer(`language ${language.id} configuration`, language.configuration);
for (const grammar of pkg.contributes?.grammars ?? []) refer(`grammar ${grammar.scopeName}`, grammar.path);
for (const snippets of pkg.contributes?.snippets ?? []) refer(`snippets for ${snippets.language}`, snippets.path);
for (const [what, p] of referenced) {
  const inZip = `extension/${path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '')}`;
  if (!names.has(inZip)) problems.push(`package.json's ${what} (${p}) is not in the package`);
}
if (!pkg.icon) console.warn('package-check: warning: package.json has no "icon" (images/icon.png is packaged but not used)');

// The production build drops source maps: no bundle may point at a map that is not shipped.
for (const e of entries.filter((x) => /^extension\/dist\/[^/]+\.js$/.test(x.name))) {
  const tail = e.read().subarray(-300).toString('utf8');
  if (/sourceMappingURL=/.test(tail)) problems.push(`${e.name} refers to a source map; package with the production build`);
}

// The manifest's identity is package.json's.
const manifest = entries.find((e) => e.name === 'extension.vsixmanifest')?.read().toString('utf8') ?? '';
const identity = /<Identity\b[^>]*>/.exec(manifest)?.[0] ?? '';
const attr = (name) => new RegExp(`\\b${name}="([^"]*)"`).exec(identity)?.[1];
if (attr('Id') !== pkg.name || attr('Publisher') !== pkg.publisher || attr('Version') !== pkg.version) {
  problems.push(`manifest identity ${attr('Publisher')}.${attr('Id')}@${attr('Version')} is not package.json's ${pkg.publisher}.${pkg.name}@${pkg.version}`);
}

// Every bundle is used: main and browser, what each client starts (the server, the server's
// worker; secls for "Check Workspace"), and what those load (the Word converters, dist/word.js,
// which the Node server and secls require on demand).
const entryOf = (entry) => `extension/${path.posix.normalize(String(entry ?? '')).replace(/^\.\//, '').replace(/(?<!\.js)$/, '.js')}`;
const clientEntries = [entryOf(pkg.main), entryOf(pkg.browser)];
const bundleText = (name) => entries.find((e) => e.name === name)?.read().toString('utf8') ?? '';
const bundles = entries.filter((x) => /^extension\/dist\/[^/]+\.js$/.test(x.name));
const used = new Map(bundles.filter((e) => clientEntries.includes(e.name)).map((e) => [e.name, e.read().toString('utf8')]));
for (let grew = true; grew; ) {
  grew = false;
  for (const e of bundles.filter((x) => !used.has(x.name))) {
    const bundle = path.posix.basename(e.name);
    if ([...used.values()].some((code) => code.includes(`"${bundle}"`) || code.includes(`'${bundle}'`) || code.includes(`"./${bundle}"`))) {
      used.set(e.name, e.read().toString('utf8'));
      grew = true;
    }
  }
}
for (const e of bundles) if (!used.has(e.name)) problems.push(`${e.name} is packaged but the extension never uses it`);

// The web extension's bundles load in a web worker: nothing of Node, the worker bundle small.
for (const [name, allowed] of [[entryOf(pkg.browser), ['vscode']], [WORKER_BUNDLE, []]]) {
  const required = [...new Set([...bundleText(name).matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
  for (const module of required.filter((m) => !allowed.includes(m))) problems.push(`${name} requires "${module}", which a web worker cannot load`);
}
const workerBytes = entries.find((e) => e.name === WORKER_BUNDLE)?.size ?? 0;
if (workerBytes >= MAX_WORKER_BYTES) problems.push(`${WORKER_BUNDLE} is ${workerBytes} bytes, not below ${MAX_WORKER_BYTES}`);
else console.log(`package-check: ${WORKER_BUNDLE}: ${workerBytes} bytes minified (below ${MAX_WORKER_BYTES})`);

// The README is the user's, and everything it shows or links to is in the package.
const readme = entries.find((e) => /^extension\/readme\.md$/i.test(e.name))?.read().toString('utf8') ?? '';
if (/\bnpm (?:ci|test|run)\b/.test(readme)) problems.push('extension/readme.md is the developer README (it says how to build and test); package README.extension.md');
const anchors = new Set([...readme.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
for (const m of readme.matchAll(/^#+\s+(.+)$/gm)) anchors.add(m[1].trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'));
const targets = [
  ...[...readme.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
  ...[...readme.matchAll(/<(?:img|a)\b[^>]*?\b(?:src|href)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]),
  ...[...readme.matchAll(/<((?:https?|file):[^>\s]+)>/g)].map((m) => m[1]),
  ...[...readme.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]),
];
for (const target of targets) {
  if (target.startsWith('#')) {
    if (!anchors.has(target.slice(1))) problems.push(`readme.md links to #${target.slice(1)}, which it does not have`);
  } else if (/^data:image\/(?:webp|png|jpeg|gif);base64,[A-Za-z0-9+/]+=*$/.test(target)) {
    // An embedded screenshot: in the package by construction.
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    if (!ALLOWED_URL.test(target)) problems.push(`readme.md links outside the package: ${target.slice(0, 80)}`);
  } else {
    const inZip = path.posix.join('extension', decodeURIComponent(target.split(/[?#]/)[0]));
    if (!inZip.startsWith('extension/') || !names.has(inZip)) problems.push(`readme.md refers to ${target}, which is not in the package`);
    // An image file, even packaged, is blocked by the extension page's content security policy.
    else if (/\.(?:png|webp|jpe?g|gif|svg)$/i.test(target)) problems.push(`readme.md shows ${target}, which VS Code's extension page does not load; embed it`);
  }
}
if (!targets.some((target) => target.startsWith('data:image/'))) problems.push('readme.md shows no screenshot');

if (bytes >= maxBytes) problems.push(`the package is ${bytes} bytes, not below ${maxBytes}`);

// ---- Report -----------------------------------------------------------------------------------

for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
}
console.log(`package-check: ${path.relative(process.cwd(), vsix) || vsix}: ${entries.length} files, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB; ${unpacked} bytes unpacked)`);
if (problems.length > 0) {
  for (const p of problems) console.error(`package-check: FAIL ${p}`);
  console.error(`package-check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('package-check: OK');
