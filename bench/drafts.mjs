#!/usr/bin/env node
// Deterministic drafts against the benchmark workspace, for timing `secls consolidate` (and
// `secls check` with drafts in the workspace). Each draft amends clauses (a substitution and an
// insertion of words each), inserts a new clause at the end of a Part, leaves a clause
// "[Not used]" and, every other draft, renumbers a clause (H1.7 as H1.7A), which consolidation
// carries through every reference of the 20 MB. No two drafts touch the same Part, so the
// drafts consolidate together.
//
//   node bench/drafts.mjs [--workspace bench/workspace] [--out bench/drafts] [--count 10] [--seed 1]
//
// Same arguments and workspace => byte-identical drafts. Plain Node.js, no dependencies.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const workspace = resolve(option('--workspace', join(here, 'workspace')));
const out = resolve(option('--out', join(here, 'drafts')));
const count = Number(option('--count', '10'));
let state = Number(option('--seed', '1')) >>> 0 || 1;

/** xorshift32: small and deterministic. */
function random() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const CLAUSE = /^([A-Z]\d{1,2}[A-Z]?)\.(\d{1,3})(?= )/;

/** Every Part of the Section files: its clauses' blocks (label line to the blank line), in order. */
function readParts() {
  const parts = new Map();
  for (const name of readdirSync(workspace).filter((file) => /^section-.*\.sec$/.test(file)).sort()) {
    const lines = readFileSync(join(workspace, name), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const match = CLAUSE.exec(lines[i]);
      if (!match) continue;
      let end = i;
      while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
      const part = parts.get(match[1]) ?? { id: match[1], clauses: [] };
      part.clauses.push({ id: `${match[1]}.${match[2]}`, number: Number(match[2]), block: lines.slice(i, end + 1) });
      parts.set(match[1], part);
      i = end;
    }
  }
  return [...parts.values()].filter((part) => part.clauses.length >= 8);
}

/** The block with one word substituted and words inserted after another, in CriticMarkup. */
function amended(block) {
  const text = block.join('\n');
  const words = [...text.matchAll(/(?<=[ \n])([a-z]{5,})(?=[ ,.\n])/g)];
  if (words.length < 4) return null;
  const first = words[1 + Math.floor(random() * Math.floor(words.length / 2 - 1))];
  const second = words[Math.floor(words.length / 2) + 1 + Math.floor(random() * (words.length - Math.floor(words.length / 2) - 1))];
  if (!first || !second || second.index <= first.index + first[0].length) return null;
  return text.slice(0, first.index) + `{~~${first[0]}~>${first[0]}ly~~}` + text.slice(first.index + first[0].length, second.index + second[0].length) +
    '{++ and promptly++}' + text.slice(second.index + second[0].length);
}

function draft(n, part, renumber) {
  const name = `MP${9000 + n}`;
  const lines = [`Draft Legal Text for ${name}: Benchmark Modification ${n}`, 'Drafted against SEC version 6.19', ''];
  const live = part.clauses.filter((clause) => !/\[Not used\]/.test(clause.block[0]) && !/^\S+A /.test(clause.block[0]));
  const chosen = new Set();
  const take = () => {
    for (let tries = 0; tries < 50; tries++) {
      const clause = pick(live);
      if (!chosen.has(clause) && clause !== part.clauses[part.clauses.length - 1]) {
        chosen.add(clause);
        return clause;
      }
    }
    return null;
  };
  for (let k = 0; k < 3; k++) {
    const clause = take();
    const body = clause && amended(clause.block);
    if (body) lines.push(`Amend Section ${clause.id} as follows:`, '', body, '');
  }
  const last = part.clauses[part.clauses.length - 1];
  const next = `${part.id}.${last.number + 1}`;
  lines.push(`Insert a new Section ${next} after Section ${last.id}:`, '', `{++${next} The DCC shall report on this benchmark's change ${n} to the Panel.++}`, '');
  const notUsed = take();
  if (notUsed) lines.push(`Delete Section ${notUsed.id} and replace it with [Not used]`, '');
  const moved = renumber ? take() : null;
  if (moved && !part.clauses.some((clause) => clause.id === `${moved.id}A`)) lines.push(`Renumber Section ${moved.id} as Section ${moved.id}A`, '');
  return { file: `${name.toLowerCase()}-draft.sec`, text: `${lines.join('\n')}\n` };
}

const parts = readParts();
if (parts.length < count) throw new Error(`only ${parts.length} Parts with enough clauses in ${workspace}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const used = new Set();
const written = [];
for (let n = 1; n <= count; n++) {
  let part = pick(parts);
  while (used.has(part.id)) part = pick(parts);
  used.add(part.id);
  const { file, text } = draft(n, part, n % 2 === 1);
  writeFileSync(join(out, file), text);
  written.push(file);
}
console.log(`${written.length} drafts in ${out}: ${written.join(', ')}`);
