// npm run bench:server — the language server on the generated workspace (default 20 MB),
// driven over stdio like an editor. Reports start-up to all diagnostics, edit-to-diagnostics
// latency (debounce excluded), hover / definition / completion latency, hover on a defined
// term's use, semantic tokens of a whole ~400 KB file (when the server offers them) and peak
// memory.
// Usage: node bench/server.mjs [SAMPLES] [--baseline DIST_DIR] [--rounds N]
//   --baseline: also runs the server of another build (its dist/ folder), alternately with
//   this one, N rounds each (default 3), and prints both builds' medians and their ratio: the
//   machine drifts, so builds are compared in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'bench', 'workspace');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const SAMPLES = Number(args.find((arg, i) => /^\d+$/.test(arg) && !args[i - 1]?.startsWith('--')) ?? 200);
const baseline = option('--baseline', null);
const rounds = Number(option('--rounds', baseline ? '3' : '1'));

if (!existsSync(join(workspace, 'summary.json'))) {
  spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), '--out', workspace, '--quiet'], { stdio: 'inherit' });
}
// Which files must receive diagnostics: the CLI's verdict on the same files.
const report = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--json', workspace], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
const expectedFiles = new Set(report.files.filter((f) => f.diagnostics.length > 0).map((f) => pathToFileURL(join(root, f.path)).toString()));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Starts a build's server on the workspace; resolves once every file with problems has its diagnostics. */
async function startServer(dist) {
  const started = now();
  const child = spawn(process.execPath, [join(dist, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const server = { child, connection, published: new Map(), onPublish: () => {}, capabilities: {} };
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    server.published.set(params.uri, { at: now(), diagnostics: params.diagnostics });
    server.onPublish(params);
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.listen();
  const rootUri = pathToFileURL(workspace).toString();
  const initialized = await connection.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    initializationOptions: { diagnosticsDelayMs: 0 },
    // What VS Code 1.100 declares for the parts measured here.
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        semanticTokens: {
          dynamicRegistration: true, requests: { range: true, full: { delta: true } }, formats: ['relative'],
          tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property',
            'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp',
            'operator', 'decorator', 'label'],
          tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification',
            'documentation', 'defaultLibrary'],
          multilineTokenSupport: false, overlappingTokenSupport: false, serverCancelSupport: true, augmentsSyntaxTokens: true,
        },
      },
    },
  });
  server.capabilities = initialized?.capabilities ?? {};
  connection.sendNotification('initialized', {});
  await new Promise((resolve) => {
    server.onPublish = () => {
      if ([...expectedFiles].every((uri) => server.published.has(uri))) resolve();
    };
  });
  server.startup = now() - started;
  server.onPublish = () => {};
  return server;
}

const peakMemoryMb = (server) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) / 1024;

/** Times each request on positions of real references. */
async function timeRequests(server, method) {
  const files = report.files.filter((f) => f.references.length > 0);
  const times = [];
  for (let i = 0; times.length < SAMPLES; i++) {
    const file = files[(i * 7) % files.length];
    const reference = file.references[(i * 7919) % file.references.length];
    if (reference.status === 'external') continue;
    const uri = pathToFileURL(join(root, file.path)).toString();
    const t = now();
    await server.connection.sendRequest(method, { textDocument: { uri }, position: { line: reference.range.start.line, character: reference.range.start.character + 9 } });
    times.push(now() - t);
  }
  return times;
}

/** Applies `changeFor(i)` 100 times to the open file, timing each from didChange to the file's publishDiagnostics. */
async function timeEdits(server, edited, changeFor) {
  const times = [];
  for (let i = 0; i < Math.min(SAMPLES, 100); i++) {
    const t = now();
    const done = new Promise((resolve) => {
      server.onPublish = (params) => {
        if (params.uri === edited.uri) resolve();
      };
    });
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited.uri, version: ++edited.version }, contentChanges: [changeFor(i)] });
    await done;
    times.push(now() - t);
  }
  server.onPublish = () => {};
  return times;
}

const on = (line, from, to = from) => ({ start: { line, character: from }, end: { line, character: to } });
/** Typing `text` at a place, then taking it out again: each edit changes the file's diagnostics, so each is published. */
const typeInAndOut = (line, character, text) => (i) => (i % 2 === 0 ? { range: on(line, character), text } : { range: on(line, character, character + text.length), text: '' });

/**
 * The edits, in the file that defines Section H4 (cited from 8 other files): a clause
 * renumbered onto a number its Part has (a duplicate: the hardest case) and back; renumbered to
 * a free number and back; a broken citation typed into a clause's wording and out; and at the
 * start of a line, a broken id typed into a reference that begins its line and out — a line
 * starting "Section K9.42 ..." and a line starting with an id that a "Section" ending the line
 * before cites — two edits on one line, then two on the other.
 */
async function timeAllEdits(server) {
  const target = report.files.find((f) => /section-h-dcc-services\.sec$/.test(f.path));
  const text = readFileSync(join(root, target.path), 'utf8');
  const edited = { uri: pathToFileURL(join(root, target.path)).toString(), version: 1 };
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: edited.uri, languageId: 'sec', version: 1, text } });
  const lines = text.split('\n');
  const clauseLine = lines.findIndex((line) => /^H4\.5 /.test(line));
  const duplicate = await timeEdits(server, edited, (i) => ({ range: on(clauseLine, 0, 4), text: i % 2 === 0 ? 'H4.9' : 'H4.5' }));
  const fresh = await timeEdits(server, edited, (i) => (i % 2 === 0 ? { range: on(clauseLine, 4), text: 'A' } : { range: on(clauseLine, 4, 5), text: '' }));
  const proseLine = lines.findIndex((line, i) => i > clauseLine && /^[a-z]/.test(line) && line.length > 40);
  const typing = await timeEdits(server, edited, typeInAndOut(proseLine, lines[proseLine].length, ' Section H4.999'));
  const sectionLine = lines.findIndex((line) => /^Section [A-Z]\d+\.\d+ /.test(line));
  const idLine = lines.findIndex((line, i) => /^[A-Z]\d+\.\d+ /.test(line) && /Section$/.test(lines[i - 1]));
  const inSection = typeInAndOut(sectionLine, 'Section '.length, 'H4.999 and ');
  const atId = typeInAndOut(idLine, 0, 'H4.999, ');
  const lineStart = await timeEdits(server, edited, (i) => (i % 4 < 2 ? inSection(i) : atId(i)));
  return { duplicate, fresh, typing, lineStart, endLine: lines.length, edited };
}

/** Completion after "Section " and after "Section H4." typed at the end of the open file. */
async function timeCompletion(server, edits) {
  const { endLine, edited } = edits;
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: edited.uri, version: ++edited.version },
    contentChanges: [{ range: on(endLine, 0), text: '\nSee Section H4.\nSee Section ' }],
  });
  // Completion is measured in the steady state: the edit that typed the prefixes has been checked.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = now();
    const position = i % 2 === 0 ? { line: endLine + 1, character: 15 } : { line: endLine + 2, character: 12 };
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: edited.uri }, position });
    times.push(now() - t);
  }
  return times;
}


/**
 * Where the defined terms are used: positions in the middle of a use, across the files (a line
 * of each file in turn, deterministic), outside references, never a glossary row's term.
 */
const termPositions = (() => {
  const termsPath = join(workspace, 'terms.json');
  if (!existsSync(termsPath)) return [];
  const glossary = JSON.parse(readFileSync(termsPath, 'utf8'));
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const terms = [...new Set(glossary.terms.map((t) => t.term))].sort((a, b) => b.length - a.length);
  const use = new RegExp(`(?<![A-Za-z0-9\\-'])(?:${terms.map(escape).join('|')})(?:es|s)?(?:'s|')?(?![A-Za-z0-9\\-])`, 'g');
  const files = report.files.filter((f) => f.references.length > 0);
  const texts = new Map();
  const positions = [];
  for (let i = 0; positions.length < SAMPLES && i < SAMPLES * 50; i++) {
    const file = files[(i * 7) % files.length];
    if (!texts.has(file.path)) texts.set(file.path, readFileSync(join(root, file.path), 'utf8').split('\n'));
    const lines = texts.get(file.path);
    const line = (i * 7919) % lines.length;
    const inReference = (from, to) => file.references.some((r) => r.range.start.line <= line && r.range.end.line >= line
      && (r.range.start.line < line || r.range.start.character < to) && (r.range.end.line > line || r.range.end.character > from));
    use.lastIndex = 0;
    for (let m; (m = use.exec(lines[line])) !== null;) {
      if (m.index === 0 || inReference(m.index, m.index + m[0].length)) continue;
      positions.push({ uri: pathToFileURL(join(root, file.path)).toString(), position: { line, character: m.index + (m[0].length >> 1) }, text: m[0] });
      break;
    }
  }
  return positions;
})();

let semanticTokensFile = null;

/** Hover on uses of defined terms: each time, and how many answers had content. */
async function timeTermHovers(server) {
  const times = [];
  let answered = 0;
  for (const { uri, position } of termPositions) {
    const t = now();
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    times.push(now() - t);
    if (hover && hover.contents) answered++;
  }
  return { times, answered };
}

/**
 * `textDocument/semanticTokens/full` on a Section file of about 400 KB (the closest to 400 KB
 * but the one the edits use), opened first and closed after: each time (the first is also
 * reported: code V8 has not compiled yet), the tokens' count and how many are of the type
 * definedTerm. Null when the server offers no semantic tokens.
 */
async function timeSemanticTokens(server) {
  const provider = server.capabilities.semanticTokensProvider;
  if (!provider || !provider.full) return null;
  const legend = provider.legend ?? { tokenTypes: [] };
  const sizes = report.files.filter((f) => /section-.*\.sec$/.test(f.path) && !/section-h-dcc-services\.sec$/.test(f.path))
    .map((f) => ({ f, size: statSync(join(root, f.path)).size }));
  const target = sizes.sort((a, b) => Math.abs(a.size - 409600) - Math.abs(b.size - 409600))[0].f;
  const text = readFileSync(join(root, target.path), 'utf8');
  const uri = pathToFileURL(join(root, target.path)).toString();
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sec', version: 1, text } });
  const times = [];
  let result = null;
  for (let i = 0; i < Math.min(SAMPLES, 50); i++) {
    const t = now();
    result = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    times.push(now() - t);
  }
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const data = result?.data ?? [];
  const definedTerm = legend.tokenTypes.indexOf('definedTerm');
  let terms = 0;
  for (let k = 3; k < data.length; k += 5) if (data[k] === definedTerm) terms++;
  return { times, tokens: data.length / 5, definedTerms: definedTerm === -1 ? 0 : terms, kb: Buffer.byteLength(text) / 1024, file: target.path.split('/').pop() };
}

/** One run of a build's server: every figure, in milliseconds or megabytes. */
async function measure(dist) {
  const server = await startServer(dist);
  const memoryAfterStartup = peakMemoryMb(server);
  const hover = await timeRequests(server, 'textDocument/hover');
  const definition = await timeRequests(server, 'textDocument/definition');
  const termHover = await timeTermHovers(server);
  const tokens = await timeSemanticTokens(server);
  const edits = await timeAllEdits(server);
  const completion = await timeCompletion(server, edits);
  const memoryAtEnd = peakMemoryMb(server);
  await server.connection.sendRequest('shutdown');
  server.connection.sendNotification('exit');
  setTimeout(() => server.child.kill(), 500).unref();
  const figures = { 'start-up to all diagnostics published': server.startup };
  const latencies = {
    'edit-to-diagnostics, a clause renumbered onto an existing number': edits.duplicate,
    'edit-to-diagnostics, a clause renumbered to a new number': edits.fresh,
    "edit-to-diagnostics, a citation typed into a clause's wording": edits.typing,
    'edit-to-diagnostics, an id typed into a reference that begins its line': edits.lineStart,
    hover, definition, completion,
    'hover on a defined term': termHover.times,
  };
  for (const [name, values] of Object.entries(latencies)) {
    figures[`${name}, p50`] = values.length ? percentile(values, 50) : null;
    figures[`${name}, p99`] = values.length ? percentile(values, 99) : null;
  }
  figures['hover on a defined term: answers with content (of the samples)'] = termHover.answered;
  figures['semantic tokens, whole file, first'] = tokens ? tokens.times[0] : null;
  figures['semantic tokens, whole file, p50'] = tokens ? percentile(tokens.times, 50) : null;
  figures['semantic tokens, whole file, p99'] = tokens ? percentile(tokens.times, 99) : null;
  figures['semantic tokens: the file (KB)'] = tokens ? tokens.kb : null;
  if (tokens) semanticTokensFile = tokens.file;
  figures['semantic tokens: tokens (count)'] = tokens ? tokens.tokens : null;
  figures['semantic tokens: of the type definedTerm (count)'] = tokens ? tokens.definedTerms : null;
  figures['peak memory after start-up (MB)'] = memoryAfterStartup;
  figures['peak memory at the end (MB)'] = memoryAtEnd;
  return figures;
}

const builds = [{ name: 'this build', dist: join(root, 'dist') }];
if (baseline) builds.push({ name: 'baseline', dist: resolve(baseline) });
const runs = builds.map(() => []);
for (let round = 0; round < rounds; round++) {
  // Alternately first and second: whichever runs first finds the machine as the last left it.
  const order = round % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => i).reverse();
  for (const i of order) runs[i].push(await measure(builds[i].dist));
}

const median = (values) => {
  const known = values.filter((v) => v !== null && v !== undefined);
  return known.length ? percentile(known, 50) : null;
};
const summary = JSON.parse(readFileSync(join(workspace, 'summary.json'), 'utf8'));
console.log(`workspace: ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MB; ${expectedFiles.size} files with diagnostics; ${termPositions.length} defined-term uses to hover; ${rounds} round(s)` +
  (semanticTokensFile ? `; semantic tokens of ${semanticTokensFile}` : ''));
const format = (name, value) => {
  if (value === null) return name.startsWith('semantic tokens') ? 'n/a (server has no semantic tokens)' : 'n/a';
  if (name.includes('(MB)')) return `${value.toFixed(0)} MB`;
  if (name.includes('(KB)')) return `${value.toFixed(0)} KB`;
  if (name.includes('(count)') || name.includes('(of the samples)')) return `${value}`;
  return `${value.toFixed(2)} ms`;
};
const names = [...new Set(runs.flatMap((list) => list.flatMap((figures) => Object.keys(figures))))];
for (const name of names) {
  const mine = median(runs[0].map((figures) => figures[name] ?? null));
  if (!baseline) {
    console.log(`${name}: ${format(name, mine)}`);
    continue;
  }
  const theirs = median(runs[1].map((figures) => figures[name] ?? null));
  const ratio = mine !== null && theirs !== null && theirs !== 0 && !/\((?:count|of the samples|KB)\)/.test(name) ? `, ratio ${(mine / theirs).toFixed(2)}` : '';
  console.log(`${name}: ${format(name, mine)} (baseline ${format(name, theirs)}${ratio})`);
}
process.exit(0);
