// A measuring stick, not a checker: the least work any JavaScript checker of the benchmark
// workspace has to do, timed the way `npm run bench` times `secls check` (a fresh Node per
// run, wall time including start-up). It reads every file, makes a unit of every Part and
// clause line (and, with --paragraphs, of every paragraph line, as a full parse would), runs
// the citation anchors' regular expression over the text and looks each cited id up once,
// memoised, walking up to the nearest existing unit when it is missing. It does none of the
// rest: no titles or title checks, no numbering or duplicate checks, no cross-headings,
// Schedules, Appendices, document names, external references, ranges, bullets or split
// lines, no positions, no diagnostics or output. What `secls check` costs beyond this is the
// price of what it checks.
// Defined terms (issue 14): it reads the table rows of Section A1 (`Term means`), enters each
// term's words in a trie (its plural and possessive forms too), and walks the trie from every
// capitalised word of the text, longest match first. No scopes, quotations, titles, case
// mismatches or near misses.
// Usage: node bench/lower-bound.mjs [--runs 5] [--paragraphs]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const paragraphs = args.includes('--paragraphs');

// The same pattern as server/src/core/parse/anchors.ts, copied so that this stick measures
// plain JavaScript, not our build.
const ANCHORS =
  /\b(?:SEC[ \t]+)?(?:Sections?|SECTIONS?|sections?|Schedules?|SCHEDULES?|schedules?|Appendix|APPENDIX|appendix|Appendices|APPENDICES|appendices|Clauses?|CLAUSES?|clauses?|Conditions?|CONDITIONS?|conditions?|Paragraphs?|PARAGRAPHS?|paragraphs?)\b|\bSECMP[ \t]?\d{4}(?!\d)|\b[A-Z]\d{1,2}[A-Z]?\.\d{1,3}[A-Z]?(?![A-Za-z0-9])|^[ \t]*[\u2022\u00b7\u25aa\u25e6*-][ \t]*(?=[A-Z]\d)/gm;

const isUpper = (code) => code >= 65 && code <= 90;
const isDigit = (code) => code >= 48 && code <= 57;
const isLower = (code) => code >= 97 && code <= 122;

/** End of a Section id (`H4`, `H4.12A`, `H4.12(a)(ii)`) starting at `at`, or -1. */
function readId(text, at) {
  if (!isUpper(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1))) return -1;
  let i = at + 2;
  while (isDigit(text.charCodeAt(i))) i++;
  if (isUpper(text.charCodeAt(i)) && !isUpper(text.charCodeAt(i + 1))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
    if (isUpper(text.charCodeAt(i))) i++;
  }
  while (text.charCodeAt(i) === 40) {
    let close = i + 1;
    while (isLower(text.charCodeAt(close))) close++;
    if (close === i + 1 || text.charCodeAt(close) !== 41) break;
    i = close + 1;
  }
  return i;
}

function paragraphLevel(label) {
  if (/^\([ivx]+\)$/.test(label)) return 1;
  return /^\([A-Z]\)$/.test(label) ? 2 : 0;
}

function loadUnits(texts) {
  const units = new Map();
  for (const text of texts) {
    let clause = null;
    const open = [];
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const first = text.charCodeAt(start);
      const idEnd = isUpper(first) ? readId(text, start) : -1;
      if (idEnd > 0 && (text.charCodeAt(idEnd) === 32 || text.charCodeAt(idEnd) === 9)) {
        const id = `Section ${text.slice(start, idEnd)}`;
        const unit = { id, start, end, notUsed: text.startsWith('[Not used]', idEnd + 1), parent: null };
        if (!units.has(id)) units.set(id, unit);
        if (id.includes('.')) {
          clause = unit;
          open.length = 0;
        }
      } else if (paragraphs && first === 40 && clause) {
        const label = text.slice(start, text.indexOf(')', start) + 1);
        open.length = paragraphLevel(label);
        open.push(label);
        const id = clause.id + open.join('');
        if (!units.has(id)) units.set(id, { id, start, end, notUsed: false, parent: clause });
      }
      start = end + 1;
    }
  }
  return units;
}

function resolveAll(texts, units) {
  const memo = new Map();
  const resolve = (target) => {
    let status = memo.get(target);
    if (status === undefined) {
      const unit = units.get(target);
      if (unit) status = unit.notUsed ? 'deprecated' : 'ok';
      else {
        let ancestor = target;
        do ancestor = ancestor.slice(0, Math.max(ancestor.lastIndexOf('('), ancestor.lastIndexOf('.'), 8));
        while (ancestor.length > 8 && !units.has(ancestor));
        status = ancestor.length > 8 ? 'broken' : 'unverified';
      }
      memo.set(target, status);
    }
    return status;
  };
  let references = 0;
  let problems = 0;
  for (const text of texts) {
    ANCHORS.lastIndex = 0;
    for (let match; (match = ANCHORS.exec(text)) !== null;) {
      references++;
      if (isUpper(match[0].charCodeAt(0)) && isDigit(match[0].charCodeAt(1))) {
        if (resolve(`Section ${match[0]}`) !== 'ok') problems++;
        continue;
      }
      if (!match[0].startsWith('Section')) continue;
      // "Section H4.2", "Sections H4.2, H4.3 and H4.5", "Section H4.2 to H4.9".
      for (let i = ANCHORS.lastIndex; ;) {
        while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10) i++;
        const end = readId(text, i);
        if (end < 0) break;
        references++;
        if (resolve(`Section ${text.slice(i, end)}`) !== 'ok') problems++;
        const separator = [', ', ' and ', ' to '].find((word) => text.startsWith(word, end));
        if (!separator) break;
        i = end + separator.length;
      }
    }
  }
  return { references, problems, targets: memo.size };
}

const TERM_ROW = /^([A-Z][A-Za-z0-9'-]*(?:[ \t]+(?:[A-Z0-9][A-Za-z0-9'-]*|of|and|for|the|to|in|on|or|by|with)){0,11})[ \t]+(?:means|has the meaning|shall have the meaning)\b/gm;

function loadTerms(texts) {
  const root = new Map();
  for (const text of texts) {
    TERM_ROW.lastIndex = 0;
    for (let match; (match = TERM_ROW.exec(text)) !== null;) {
      const words = match[1].split(/[ \t]+/);
      const last = words.pop();
      for (const form of [last, `${last}s`, `${last}es`, `${last}'s`, `${last}s'`]) {
        let node = root;
        for (const word of [...words, form]) {
          if (!node.has(word)) node.set(word, { next: new Map(), term: null });
          const child = node.get(word);
          node = child.next;
          if (word === form) child.term ??= match[1];
        }
      }
    }
  }
  return root;
}

const isWordCode = (code) => isUpper(code) || isLower(code) || isDigit(code) || code === 39 || code === 45;

function matchTerms(texts, root) {
  let uses = 0;
  for (const text of texts) {
    for (let at = 0; at < text.length; at++) {
      if (!isUpper(text.charCodeAt(at)) || (at > 0 && isWordCode(text.charCodeAt(at - 1)))) continue;
      let node = root;
      let best = -1;
      for (let start = at; ;) {
        let end = start;
        while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
        const child = node.get(text.slice(start, end));
        if (!child) break;
        if (child.term) best = end;
        node = child.next;
        if (node.size === 0 || text.charCodeAt(end) !== 32) break;
        start = end + 1;
      }
      if (best !== -1) {
        uses++;
        at = best;
      }
    }
  }
  return uses;
}

if (args[0] === '--once') {
  const workspace = args[1];
  const files = readdirSync(workspace).filter((name) => name.endsWith('.sec'));
  const texts = files.map((name) => readFileSync(join(workspace, name), 'utf8'));
  const units = loadUnits(texts);
  const found = resolveAll(texts, units);
  const termUses = matchTerms(texts, loadTerms(texts));
  console.log(JSON.stringify({ units: units.size, ...found, termUses }));
} else {
  const workspace = join(dirname(here), 'workspace');
  const at = args.indexOf('--runs');
  const runs = at === -1 ? 5 : Number(args[at + 1]);
  const times = [];
  let counts;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [here, '--once', workspace, ...(paragraphs ? ['--paragraphs'] : [])], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(run.stderr || `exit ${run.status}`);
    counts = JSON.parse(run.stdout);
  }
  times.sort((a, b) => a - b);
  console.log(`lower bound${paragraphs ? ' (every paragraph a unit)' : ''}: ${counts.units} units, ${counts.references} anchors and ids, ${counts.targets} distinct targets`);
  console.log(`wall time over ${runs} runs: median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[runs - 1].toFixed(0)} ms`);
}
