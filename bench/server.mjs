// npm run bench:server — the language server on the generated workspace (default 20 MB),
// driven over stdio like an editor. Reports start-up to all diagnostics, edit-to-diagnostics
// latency (debounce excluded), hover / definition / completion latency and peak memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'bench', 'workspace');
const SAMPLES = Number(process.argv[2] ?? 200);

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
const ms = (value) => `${value.toFixed(2)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

const started = now();
const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const published = new Map();
let onPublish = () => {};
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  published.set(params.uri, { at: now(), diagnostics: params.diagnostics });
  onPublish(params);
});
connection.onNotification('window/logMessage', () => {});
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.listen();
const rootUri = pathToFileURL(workspace).toString();
await connection.sendRequest('initialize', {
  processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
  initializationOptions: { diagnosticsDelayMs: 0 },
  // What VS Code 1.100 declares for the parts measured here.
  capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } },
});
connection.sendNotification('initialized', {});
await new Promise((resolve) => {
  onPublish = () => {
    if ([...expectedFiles].every((uri) => published.has(uri))) resolve();
  };
});
const startup = now() - started;
onPublish = () => {};
const peakAfterStartupMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;

// Requests on positions of real references.
const files = report.files.filter((f) => f.references.length > 0);
const picks = [];
for (let i = 0; picks.length < SAMPLES; i++) {
  const file = files[(i * 7) % files.length];
  const reference = file.references[(i * 7919) % file.references.length];
  if (reference.status === 'external') continue;
  picks.push({ uri: pathToFileURL(join(root, file.path)).toString(), position: { line: reference.range.start.line, character: reference.range.start.character + 9 } });
}
async function time(method, paramsOf) {
  const times = [];
  for (const pick of picks) {
    const t = now();
    await connection.sendRequest(method, paramsOf(pick));
    times.push(now() - t);
  }
  return times;
}
const hover = await time('textDocument/hover', (p) => ({ textDocument: { uri: p.uri }, position: p.position }));
const definition = await time('textDocument/definition', (p) => ({ textDocument: { uri: p.uri }, position: p.position }));

// Edits: open the file that defines Section H4, toggle one clause's number, wait for its diagnostics.
// H4.5 becomes H4.9, a number the Part already has (a duplicate: the hardest case), and back.
const target = report.files.find((f) => /section-h-dcc-services\.sec$/.test(f.path));
const targetUri = pathToFileURL(join(root, target.path)).toString();
const text = readFileSync(join(root, target.path), 'utf8');
connection.sendNotification('textDocument/didOpen', { textDocument: { uri: targetUri, languageId: 'sec', version: 1, text } });
const lines = text.split('\n');
const clauseLine = lines.findIndex((line) => /^H4\.5 /.test(line));
let version = 1;

/** Applies `changeFor(i)` 100 times, timing each from didChange to the file's publishDiagnostics. */
async function timeEdits(changeFor) {
  const times = [];
  for (let i = 0; i < Math.min(SAMPLES, 100); i++) {
    const t = now();
    const done = new Promise((resolve) => {
      onPublish = (params) => {
        if (params.uri === targetUri) resolve();
      };
    });
    connection.sendNotification('textDocument/didChange', { textDocument: { uri: targetUri, version: ++version }, contentChanges: [changeFor(i)] });
    await done;
    times.push(now() - t);
  }
  onPublish = () => {};
  return times;
}

const on = (line, from, to) => ({ start: { line, character: from }, end: { line, character: to } });
const edits = await timeEdits((i) => ({ range: on(clauseLine, 0, 4), text: i % 2 === 0 ? 'H4.9' : 'H4.5' }));

// Renumbering to a number the Part does not have: H4.5 becomes H4.5A and back.
const fresh = await timeEdits((i) => (i % 2 === 0 ? { range: on(clauseLine, 4, 4), text: 'A' } : { range: on(clauseLine, 4, 5), text: '' }));

// Typing inside a clause's wording (no number changes) on a continuation line. The file's
// diagnostics are republished only when they change, so a citation of a broken target is
// typed in and taken out again to force one each time.
const proseLine = lines.findIndex((line, i) => i > clauseLine && /^[a-z]/.test(line) && line.length > 40);
const citation = ' Section H4.999';
const endOfProse = lines[proseLine].length;
const typing = await timeEdits((i) => (i % 2 === 0
  ? { range: on(proseLine, endOfProse, endOfProse), text: citation }
  : { range: on(proseLine, endOfProse, endOfProse + citation.length), text: '' }));

// Completion after "Section " and after "Section H4." typed at the end of the open file.
const endLine = lines.length;
connection.sendNotification('textDocument/didChange', {
  textDocument: { uri: targetUri, version: ++version },
  contentChanges: [{ range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } }, text: '\nSee Section H4.\nSee Section ' }],
});
// Completion is measured in the steady state: the edit that typed the prefixes has been checked.
await new Promise((resolve) => setTimeout(resolve, 500));
const completion = [];
for (let i = 0; i < SAMPLES; i++) {
  const t = now();
  const position = i % 2 === 0 ? { line: endLine + 1, character: 15 } : { line: endLine + 2, character: 12 };
  await connection.sendRequest('textDocument/completion', { textDocument: { uri: targetUri }, position });
  completion.push(now() - t);
}
const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
setTimeout(() => child.kill(), 500).unref();

const summary = JSON.parse(readFileSync(join(workspace, 'summary.json'), 'utf8'));
console.log(`workspace: ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MB; ${expectedFiles.size} files with diagnostics`);
console.log(`start-up to all diagnostics published: ${ms(startup)}`);
console.log(`edit-to-diagnostics (a clause renumbered onto an existing number, debounce excluded): p50 ${ms(percentile(edits, 50))}, p99 ${ms(percentile(edits, 99))}`);
console.log(`edit-to-diagnostics (a clause renumbered to a new number): p50 ${ms(percentile(fresh, 50))}, p99 ${ms(percentile(fresh, 99))}`);
console.log(`edit-to-diagnostics (a citation typed into a clause's wording): p50 ${ms(percentile(typing, 50))}, p99 ${ms(percentile(typing, 99))}`);
console.log(`hover: p50 ${ms(percentile(hover, 50))}, p99 ${ms(percentile(hover, 99))}`);
console.log(`definition: p50 ${ms(percentile(definition, 50))}, p99 ${ms(percentile(definition, 99))}`);
console.log(`completion: p50 ${ms(percentile(completion, 50))}, p99 ${ms(percentile(completion, 99))}`);
console.log(`server peak memory (VmHWM): ${peakAfterStartupMb.toFixed(0)} MB after start-up, ${peakMb.toFixed(0)} MB at the end (after ${edits.length + fresh.length + typing.length} edits of a ${(text.length / 1024).toFixed(0)} KB file)`);
process.exit(0);
