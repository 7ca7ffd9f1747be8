// Times the defined-term features on a large file: semantic tokens (whole file and a screenful)
// and hovers, on a ~400 KB Section dense with uses of a thousand defined terms.
// Usage: npm run compile && node bench/terms.mjs [--size-kb 400] [--terms 1000] [--runs 30]
// Prints the file's size and uses, then median and p99 of each measure, in milliseconds:
//   first resolve   the index matching and resolving the file (once, what opening it costs);
//   tokens/full     semanticTokens over the whole file, the index warm (what the editor asks after each pause);
//   tokens/edit     an edit of one line, then tokens/full (the file's uses matched again);
//   tokens/range    semanticTokens over 60 lines;
//   hover           a hover on a use, at random places.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (path) => require(join(root, 'out', path));
const { EditorIndex } = out('server/src/core/index/editorIndex');
const { defaultConfig } = out('server/src/core/config/config');
const { embeddedCatalogue } = out('server/src/core/embeddedCatalogue');
const { semanticTokens } = out('server/src/features/semanticTokens');
const { hover } = out('server/src/features/hover');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const sizeKb = option('--size-kb', 400);
const termCount = option('--terms', 1000);
const runs = option('--runs', 30);

// A seeded generator: the same workspace every run.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const WORDS = ['Access', 'Agent', 'Alert', 'Anomaly', 'Asset', 'Billing', 'Business', 'Capacity', 'Certificate', 'Change', 'Charging', 'Command',
  'Communications', 'Consumer', 'Contract', 'Credit', 'Data', 'Device', 'Energy', 'Enrolment', 'Event', 'Firmware', 'Gateway', 'Hub', 'Incident',
  'Interface', 'Inventory', 'Key', 'Load', 'Meter', 'Network', 'Notice', 'Operator', 'Party', 'Payment', 'Premises', 'Profile', 'Register',
  'Release', 'Report', 'Request', 'Response', 'Security', 'Service', 'Supply', 'Switch', 'Tariff', 'Test', 'Threshold', 'Token', 'Trial', 'User'];
const PROSE = ['the', 'shall', 'ensure', 'that', 'each', 'is', 'sent', 'within', 'five', 'days', 'of', 'receipt', 'and', 'any', 'such', 'notice',
  'must', 'be', 'given', 'to', 'in', 'accordance', 'with', 'this', 'clause', 'where', 'applicable', 'unless', 'otherwise', 'agreed'];

const terms = new Set();
while (terms.size < termCount) terms.add(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(WORDS)).join(' '));
const termList = [...terms];
const definitions = ['Section A: Definitions and Interpretation', '', 'A1 Definitions', '', 'A1.1 In this Code, the expressions below have the meanings given to them:', '',
  ...termList.map((term) => `${term} means a thing of that name for the purposes of this Code.`), ''].join('\n');

/** Prose with a use of a term every few words, some plural, some wrapped over a line break. */
function usesText(targetBytes) {
  const lines = ['Section H: DCC Services', ''];
  let size = 0;
  for (let part = 1; size < targetBytes; part++) {
    lines.push(`H${part} Part ${part}`, '');
    for (let clause = 1; clause <= 40 && size < targetBytes; clause++) {
      const words = [];
      for (let i = 0; i < 60; i++) words.push(i % 6 === 0 ? `${pick(termList)}${random() < 0.3 ? 's' : ''}` : pick(PROSE));
      const text = `H${part}.${clause} ${words.join(' ')}.`;
      // Reflowed at about 90 characters, as an export from Word is: terms break over lines too.
      const wrapped = text.replace(/(.{1,90})(?: |$)/g, '$1\n').trimEnd();
      lines.push(wrapped, '');
      size += wrapped.length + 2;
    }
  }
  return lines.join('\n');
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(2)}  p99 ${at(0.99).toFixed(2)}  max ${sorted[sorted.length - 1].toFixed(2)}`;
};
const time = (run) => {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const uses = usesText(sizeKb * 1024);
const index = new EditorIndex({ catalogue: embeddedCatalogue(), config: defaultConfig() });
index.updateFile('file:///bench/a.sec', definitions);
index.updateFile('file:///bench/h.sec', uses);
const first = time(() => index.resolve('file:///bench/h.sec'));
const termUses = index.resolve('file:///bench/h.sec').termUses;
const wrapped = termUses.filter((use) => uses.slice(use.start, use.end).includes('\n')).length;
console.log(`h.sec: ${(uses.length / 1024).toFixed(0)} KB, ${uses.split('\n').length} lines, ${termUses.length} uses (${wrapped} over a line break) of ${termList.length} terms`);
console.log(`first resolve   ${first.toFixed(2)} ms (matching and resolving the file: the index's work, once)`);

let tokens = 0;
const full = Array.from({ length: runs }, () => time(() => (tokens = semanticTokens(index, 'file:///bench/h.sec').data.length / 5)));
console.log(`tokens/full     ${stats(full)}  (${tokens} tokens)`);

let text = uses;
const edits = Array.from({ length: runs }, (_, i) => {
  const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const edited = `${text.slice(0, at)}${i % 2 === 0 ? 'X' : ''}${text.slice(at + (i % 2 === 0 ? 0 : 1))}`;
  const elapsed = time(() => {
    index.updateFile('file:///bench/h.sec', edited, { start: at, end: at + (i % 2 === 0 ? 0 : 1), newLength: i % 2 === 0 ? 1 : 0 });
    semanticTokens(index, 'file:///bench/h.sec');
  });
  text = edited;
  return elapsed;
});
console.log(`tokens/edit     ${stats(edits)}  (an edit, then tokens/full)`);

const summary = index.summary('file:///bench/h.sec');
const ranges = Array.from({ length: runs }, () => {
  const line = Math.floor(random() * (summary.lines.lineCount - 60));
  const range = { start: summary.lines.lineStart(line), end: summary.lines.lineStart(line + 60) };
  return time(() => semanticTokens(index, 'file:///bench/h.sec', range));
});
console.log(`tokens/range    ${stats(ranges)}  (60 lines)`);

const current = index.resolve('file:///bench/h.sec').termUses;
const hovers = Array.from({ length: 2000 }, () => {
  const use = pick(current);
  return time(() => {
    if (!hover(index, 'file:///bench/h.sec', use.start + 1)) throw new Error('no hover on a use');
  });
});
console.log(`hover           ${stats(hovers)}  (2000 hovers on uses)`);
