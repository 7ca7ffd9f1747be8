// Times `secls consolidate` of the drafts bench/drafts.mjs writes into the benchmark workspace,
// and checks the result as any workspace: it must have no broken reference the baseline lacks.
// Usage: node bench/consolidate.mjs [--runs 5] [--count 10]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '5'));
const count = option('--count', '10');
const workspace = join(root, 'bench', 'workspace');
const draftsDir = join(root, 'bench', 'drafts');
const cli = join(root, 'dist', 'cli.js');

if (!existsSync(join(workspace, 'summary.json'))) {
  console.error('No benchmark workspace: run node bench/run.mjs (or bench/generate.mjs) first.');
  process.exit(1);
}
spawnSync(process.execPath, [join(root, 'bench', 'drafts.mjs'), '--count', count], { stdio: 'inherit' });
const drafts = readdirSync(draftsDir).filter((name) => name.endsWith('.sec')).sort().map((name) => join(draftsDir, name));
const scratch = mkdtempSync(join(tmpdir(), 'sec-consolidate-bench-'));

function consolidate(out) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', join(root, 'bench', 'report-usage.cjs'), cli, 'consolidate', workspace, ...drafts, '-o', out, '--date', '2026-12-31'], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = JSON.parse(/BENCH_USAGE (.*)/.exec(result.stderr)[1]);
  return { wallMs, maxRssMb: usage.maxRssKb / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function brokenReferences(folder) {
  const result = spawnSync(process.execPath, [cli, 'check', '--json', folder], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const report = JSON.parse(result.stdout);
  return report.files.flatMap((file) => file.diagnostics).filter((diagnostic) => diagnostic.code === 'broken-reference').length;
}

try {
  const times = [];
  const memories = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const out = join(scratch, `out-${i}`);
    last = consolidate(out);
    if (last.status !== 0) throw new Error(`consolidate exited ${last.status}:\n${last.stderr}`);
    times.push(last.wallMs);
    memories.push(last.maxRssMb);
    if (i < runs - 1) rmSync(out, { recursive: true, force: true });
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(last.stdout.split('\n')[0].replace(/ into .* as /, ' as '));
  console.log(`secls consolidate of ${drafts.length} drafts into the 20 MB workspace, over ${runs} runs: median ${median.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; peak memory (max RSS) ${Math.max(...memories).toFixed(0)} MB`);
  const before = brokenReferences(workspace);
  const after = brokenReferences(join(scratch, `out-${runs - 1}`));
  console.log(`broken references: ${before} in the baseline (planted), ${after} in the consolidated workspace${after > before ? ' — NEW BROKEN REFERENCES' : ''}`);
  if (after > before || median > 2000) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
