// npm run bench: times `secls check` on the generated workspace (default 20 MB) and checks
// that it found exactly the problems the generator planted.
// Usage: node bench/run.mjs [--size-mb 20] [--runs 5] [--regenerate] [--baseline DIST_DIR] [--with DIR]
//   --baseline: also times the CLI of another build (its dist/ folder), alternately with this
//   one, and prints both medians and their ratio: the machine drifts, so builds are compared in
//   the same run. Their --json reports must be the same (unless --with adds files whose checks differ).
//   --with: checks DIR too, beside the workspace (the drafts bench/drafts.mjs writes, say).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const sizeMb = Number(option('--size-mb', '20'));
const runs = Number(option('--runs', '5'));
const workspace = join(root, 'bench', sizeMb === 20 ? 'workspace' : `workspace-${sizeMb}mb`);
const cli = join(root, 'dist', 'cli.js');
const baseline = option('--baseline', null);
const baselineCli = baseline ? join(resolve(baseline), 'cli.js') : null;
const also = option('--with', null);
const checked = also ? [workspace, resolve(also)] : [workspace];

const summaryPath = join(workspace, 'summary.json');
const stale = !existsSync(summaryPath) || JSON.parse(readFileSync(summaryPath, 'utf8')).sizeMb !== sizeMb;
if (stale || args.includes('--regenerate')) {
  console.log(`Generating a ${sizeMb} MB workspace in ${workspace} ...`);
  const generated = spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), '--size-mb', String(sizeMb), '--out', workspace, '--quiet'], { stdio: 'inherit' });
  if (generated.status !== 0) process.exit(1);
}
const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));

function measure(extra, program = cli) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', join(root, 'bench', 'report-usage.cjs'), program, 'check', ...extra, ...checked], {
    encoding: 'utf8', maxBuffer: 1 << 30,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = JSON.parse(/BENCH_USAGE (.*)/.exec(result.stderr)[1]);
  return { wallMs, maxRssMb: usage.maxRssKb / 1024, exitCode: result.status, stdout: result.stdout };
}

// Correctness first: the broken and deprecated references found must be the planted ones.
const check = measure(['--json']);
const report = JSON.parse(check.stdout);
// Keyed by file, line and code (two planted problems can share a line), counted.
const found = new Map();
let foundCount = 0;
for (const file of report.files.filter((entry) => resolve(entry.path).startsWith(workspace))) {
  for (const diagnostic of file.diagnostics) {
    if (diagnostic.code === 'broken-reference' || diagnostic.code === 'deprecated-reference') {
      const key = `${file.path.split('/').pop()}:${diagnostic.range.start.line + 1}:${diagnostic.code}`;
      found.set(key, (found.get(key) ?? 0) + 1);
      foundCount++;
    }
  }
}
const expected = JSON.parse(readFileSync(join(workspace, 'expected.json'), 'utf8'));
let missing = 0;
for (const item of expected) {
  const key = `${item.file}:${item.line}:${item.expected}-reference`;
  if (found.get(key)) found.set(key, found.get(key) - 1);
  else missing++;
}
const unexpected = foundCount - (expected.length - missing);

// Defined terms (issue 14): when the build reports definitions and term uses, their counts
// against what the generator wrote (terms.json). Whether a heading's words are uses is the
// build's choice, so a file's count may match the generator's with or without its headings.
const termsPath = join(workspace, 'terms.json');
let termLine = null;
if (existsSync(termsPath) && report.files.some((file) => Array.isArray(file.termUses))) {
  const glossary = JSON.parse(readFileSync(termsPath, 'utf8'));
  let uses = 0;
  let definitions = 0;
  let differing = 0;
  for (const file of report.files.filter((entry) => resolve(entry.path).startsWith(workspace))) {
    const n = file.termUses?.length ?? 0;
    uses += n;
    definitions += file.definitions?.length ?? 0;
    const written = glossary.usesByFile[file.path.split('/').pop()] ?? { uses: 0, inHeadings: 0 };
    if (n !== written.uses && n !== written.uses - written.inHeadings) differing++;
  }
  termLine = `defined terms: ${definitions} definitions reported (${summary.terms} written); ${uses} uses reported ` +
    `(${summary.termUses} written, ${summary.termUses - summary.termUsesInHeadings} outside headings); ` +
    `${differing} file(s) whose count matches neither (node bench/terms-check.mjs lists the uses that differ)`;
}

const timed = [{ name: 'this build', program: cli, times: [], memories: [] }];
if (baselineCli) timed.push({ name: 'baseline', program: baselineCli, times: [], memories: [] });
for (let i = 0; i < runs; i++) {
  // Alternately first and second: whichever runs first finds the machine as the last left it.
  for (const build of i % 2 === 0 ? timed : [...timed].reverse()) {
    const run = measure([], build.program);
    build.times.push(run.wallMs);
    build.memories.push(run.maxRssMb);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`workspace: ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MB, ${report.summary.references} references found (${summary.references} written)`);
console.log(`correctness: ${expected.length - missing}/${expected.length} planted problems reported, ${missing} missed, ${unexpected} unexpected broken/deprecated`);
if (termLine) console.log(termLine);
for (const { name, times, memories } of timed) {
  console.log(`${name}: secls check wall time over ${runs} runs: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; peak memory (max RSS) ${Math.max(...memories).toFixed(0)} MB`);
}
if (baselineCli) {
  const [mine, theirs] = timed;
  console.log(`ratio this build / baseline: wall time ${(median(mine.times) / median(theirs.times)).toFixed(2)} (medians), ${(Math.min(...mine.times) / Math.min(...theirs.times)).toFixed(2)} (minima); peak memory ${(Math.max(...mine.memories) / Math.max(...theirs.memories)).toFixed(2)}`);
  const same = measure(['--json'], baselineCli).stdout === check.stdout;
  console.log(`--json reports of the two builds: ${same ? 'identical' : also ? 'different (expected: the files --with adds are checked differently)' : 'DIFFERENT'}`);
  if (!same && !also) process.exitCode = 1;
}
if (missing > 0 || unexpected > 0) process.exitCode = 1;
