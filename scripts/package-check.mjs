#!/usr/bin/env node
// Builds the .vsix (`npm run package`) and checks what is in it: only the allowed files (the
// allow-list of .vscodeignore: dist/*.js without source maps, syntaxes, snippets, the language
// configuration, package.json, README, CHANGELOG, LICENSE, the icon), every required file, every
// file package.json refers to (main, icon, language configuration, grammars, snippets), the
// manifest's identity, and a size below 1 MB. Exits 1 when something is wrong, 2 when the build fails.
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
/** Files that must be there whatever package.json says. */
const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
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

if (build) {
  fs.rmSync(vsix, { force: true });
  console.log('package-check: npm run package');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`package-check: npm run package failed (exit ${result.status ?? result.signal})`);
    process.exit(2);
  }
}
if (!fs.existsSync(vsix)) {
  console.error(`package-check: ${vsix} does not exist`);
  process.exit(2);
}

// ---- Checks -----------------------------------------------------------------------------------

const problems = [];
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
