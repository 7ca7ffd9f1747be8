// An independent count of the defined terms' uses in a generated workspace, to check the
// generator's terms.json and, when the build reports them, the build's "termUses".
//
//   node bench/terms-check.mjs [WORKSPACE] [--dist DIR] [--show N]
//
// The count is one regular expression of every term of bench/glossary.mjs (longest first,
// the words separated by any white space, line breaks included), with a plural s/es and a
// possessive 's/s' after it, at word boundaries (a hyphen is part of a word). Not counted:
// what lies inside a reference that `secls check --json` reports (with a cited title after
// it: "Section H3 (DCC User Interface)", "Appendix AK '...'"), inside double quotes, and the
// defined term of each glossary row. Uses in headings are counted (terms.json says how many).
// It also counts the multi-word terms written with other capitalisation (there should be none).
//
// It prints the totals, each file and term whose count differs from terms.json, and, when the
// build's report has "termUses", the uses found by one and not the other (first N, with context).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY } from './glossary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const workspace = resolve(args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(root, 'bench', 'workspace'));
const cli = join(resolve(option('--dist', join(root, 'dist'))), 'cli.js');
const show = Number(option('--show', '10'));

const terms = GLOSSARY.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => line.replace(/^\S+ /, '').replace(/ = .*/, ''));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (list) => [...list].sort((a, b) => b.length - a.length).map((t) => t.split(' ').map(escape).join('\\s+')).join('|');
const USE = new RegExp(`(?<![A-Za-z0-9\\-'])(${alternatives(terms)})(?:es|s)?(?:'s|')?(?![A-Za-z0-9\\-])`, 'g');
const multiWord = new Set(terms.filter((t) => t.includes(' ')));
const ANY_CASE = new RegExp(`(?<![A-Za-z0-9\\-'])(${alternatives(multiWord)})(?![A-Za-z0-9\\-])`, 'gi');

const run = spawnSync(process.execPath, [cli, 'check', '--json', workspace], { maxBuffer: 1 << 30, encoding: 'utf8' });
const report = JSON.parse(run.stdout);
const glossary = JSON.parse(readFileSync(join(workspace, 'terms.json'), 'utf8'));
const buildHasUses = report.files.some((file) => Array.isArray(file.termUses));

let found = 0;
let written = 0;
let filesDiffering = 0;
let caseMismatches = 0;
let buildUses = 0;
let onlyHere = 0;
let onlyBuild = 0;
const perTerm = new Map();
const shown = [];
for (const file of report.files) {
  const path = resolve(file.path);
  if (!path.startsWith(workspace)) continue;
  const name = path.split('/').pop();
  const text = readFileSync(path, 'utf8');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (p) => lineStarts[p.line] + p.character;
  const position = (at) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return `${lo + 1}:${at - lineStarts[lo]}`;
  };
  const masks = [];
  for (const reference of file.references) {
    let end = offset(reference.range.end);
    const title = /^[ \n](\([^)]*\)|'[^']*')/.exec(text.slice(end, end + 200));
    if (title) end += title[0].length;
    masks.push([offset(reference.range.start), end]);
  }
  for (const entry of glossary.terms) {
    if (entry.file !== name) continue;
    const start = lineStarts[entry.line - 1] + entry.character;
    masks.push([start, start + entry.term.length + 2]);
  }
  for (const quoted of text.matchAll(/"[^"\n]*"/g)) masks.push([quoted.index, quoted.index + quoted[0].length]);
  masks.sort((a, b) => a[0] - b[0]);
  const masked = (at) => {
    let lo = 0, hi = masks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (masks[mid][1] <= at) lo = mid + 1;
      else if (masks[mid][0] > at) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const starts = new Map();
  for (const match of text.matchAll(USE)) {
    if (masked(match.index)) continue;
    const term = match[1].replace(/\s+/g, ' ');
    starts.set(match.index, term);
    perTerm.set(term, (perTerm.get(term) ?? 0) + 1);
  }
  for (const match of text.matchAll(ANY_CASE)) {
    if (masked(match.index) || multiWord.has(match[1].replace(/\s+/g, ' '))) continue;
    caseMismatches++;
    if (shown.length < show) shown.push(`other capitalisation ${name}:${position(match.index)} ${JSON.stringify(match[0])}`);
  }
  const want = glossary.usesByFile[name]?.uses ?? 0;
  found += starts.size;
  written += want;
  if (starts.size !== want) {
    filesDiffering++;
    if (shown.length < show) shown.push(`${name}: ${starts.size} uses found, ${want} in terms.json`);
  }
  if (buildHasUses) {
    const theirs = new Set((file.termUses ?? []).map((use) => offset(use.range.start)));
    buildUses += theirs.size;
    const context = (at) => JSON.stringify(text.slice(Math.max(0, at - 25), at + 45));
    for (const at of starts.keys()) {
      if (theirs.has(at)) continue;
      onlyHere++;
      if (shown.length < show) shown.push(`not in the build's termUses: ${name}:${position(at)} ${context(at)}`);
    }
    for (const at of theirs) {
      if (starts.has(at)) continue;
      onlyBuild++;
      if (shown.length < show) shown.push(`only in the build's termUses: ${name}:${position(at)} ${context(at)}`);
    }
  }
}
let termsDiffering = 0;
for (const entry of glossary.terms) {
  if ((perTerm.get(entry.term) ?? 0) === entry.uses) continue;
  termsDiffering++;
  if (shown.length < show) shown.push(`${entry.term}: ${perTerm.get(entry.term) ?? 0} uses found, ${entry.uses} in terms.json`);
}
for (const line of shown) console.log(line);
console.log(`${glossary.terms.length} terms; uses found ${found}, terms.json ${written}; files differing ${filesDiffering}, terms differing ${termsDiffering}; multi-word terms with other capitalisation ${caseMismatches}`);
if (buildHasUses) console.log(`the build's termUses: ${buildUses}; found here and not by the build ${onlyHere}, by the build and not here ${onlyBuild}`);
else console.log("the build's report has no termUses");
process.exitCode = found === written && caseMismatches === 0 && (!buildHasUses || onlyHere + onlyBuild === 0) ? 0 : 1;
