// End-to-end tests of renumbering and the amendment commands in a real VS Code 1.100, on the
// examples/ workspace: rename (and its refusal), the "Renumber the clauses of ..." code action,
// sec.insertClauseAfter, sec.showAmendedText and sec.showRedline. Everything expected is
// computed from the example files on disk, not written in by hand. Nothing is saved: every
// edit is reverted before the test ends.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { waitFor, screenshot, openWorkspaceFile, sleep, diagnosticCode, workspacePath, ensureAutoSaveOff } = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';
/** The second example draft: its conflict with DRAFT is its only warning. */
const SECOND_DRAFT = 'amendments/mp101-draft.sec';
const SECTION_H = 'section-h-dcc-services.sec';
const SECTION_X = 'section-x-transition.sec';
const SERVER_TIMEOUT_MS = 20000;
const AMENDED_SCHEME = 'sec-amended';

// ---- The example workspace, read from disk -----------------------------------------------------

/** Every *.sec file of the workspace folder, relative paths ('/'-separated), sorted. */
function secFiles() {
  const root = workspacePath('.');
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sec')) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const readDisk = (relativePath) => fs.readFileSync(workspacePath(relativePath), 'utf8');

/** The text as it stands with deletions, the old side of substitutions and comments removed (what cites). */
function liveText(text) {
  return text
    .replace(/\{--[\s\S]*?--\}/g, '')
    .replace(/\{~~[\s\S]*?~>([\s\S]*?)~~\}/g, '$1')
    .replace(/\{>>[\s\S]*?<<\}/g, '')
    .replace(/\{\+\+|\+\+\}/g, '');
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A clause id written as a whole token: not part of a longer id (X5.4 but not X5.41, X5.4A, X5.4.1 or AX5.4). */
const tokenRegex = (id) => new RegExp(`(?<![A-Za-z0-9.])${escapeRegExp(id)}(?![A-Za-z0-9]|\\.\\d)`, 'g');
const countToken = (text, id) => (text.match(tokenRegex(id)) || []).length;

/** Clause definitions: lines that start with a clause number ("X5.4 A document ..."), file by file, in order. */
function clauseDefinitions() {
  const definitions = [];
  for (const file of secFiles()) {
    readDisk(file).split(/\r?\n/).forEach((line, lineNumber) => {
      const m = /^(([A-Z]\d{1,2}[A-Z]?)\.(\d+)([A-Z]?)) /.exec(line);
      if (m) definitions.push({ id: m[1], part: m[2], number: Number(m[3]), suffix: m[4], file, line: lineNumber });
    });
  }
  return definitions;
}

/** The clauses of a Part as written, in order of appearance. */
function clausesOfPart(part) {
  return clauseDefinitions().filter((d) => d.part === part);
}

/** A Part is sequential when its clauses are exactly PART.1, PART.2, ... PART.n in that order. */
function isSequential(part) {
  return clausesOfPart(part).every((clause, i) => clause.id === `${part}.${i + 1}`);
}

/**
 * The clause cited (in live text) from the most other files, at least `minOtherFiles`, that is
 * defined once and never written in deleted text or comments (so every written occurrence is
 * renamed). Returns its definition and the files that contain it.
 */
/**
 * Is the clause an end of a written range somewhere ("H10.9 to H10.13", "H10.9-H10.13")? Given
 * a number past the other end, the range would be inverted, which rename refuses by design.
 */
function endsARange(raw, id) {
  const written = escapeRegExp(id);
  return new RegExp(`(?<![A-Za-z0-9.])${written}\\s*(?:to|-|\u2013)\\s*[A-Z]\\d|[A-Z]\\d[\\dA-Z.]*\\s*(?:to|-|\u2013)\\s*${written}(?![A-Za-z0-9]|\\.\\d)`).test(raw);
}

function clauseCitedFromOtherFiles(minOtherFiles) {
  const files = secFiles().map((file) => ({ file, raw: readDisk(file) }));
  const definitions = clauseDefinitions();
  let best = null;
  for (const definition of definitions) {
    if (definitions.filter((d) => d.id === definition.id).length !== 1) continue;
    if (files.some(({ raw }) => endsARange(raw, definition.id))) continue;
    if (files.some(({ raw }) => countToken(raw, definition.id) !== countToken(liveText(raw), definition.id))) continue;
    const citing = files.filter(({ file, raw }) => file !== definition.file && countToken(raw, definition.id) > 0).map(({ file }) => file);
    if (citing.length >= minOtherFiles && (!best || citing.length > best.citing.length)) best = { ...definition, citing };
  }
  assert.ok(best, `a clause of the examples cited from at least ${minOtherFiles} other files`);
  return best;
}

// ---- VS Code helpers -------------------------------------------------------------------------

const ERROR_OR_WARNING = (d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

/** Waits until the server has indexed the workspace: the draft's two broken references are published. */
async function serverReady() {
  const draft = await openWorkspaceFile(DRAFT);
  await waitFor(
    () => vscode.languages.getDiagnostics(draft.uri).filter((d) => diagnosticCode(d) === 'broken-reference').length === 2,
    { timeoutMs: SERVER_TIMEOUT_MS, message: `the broken-reference diagnostics of ${DRAFT}` },
  );
  return draft;
}

/** Reverts the document's editor (discarding unsaved edits) and checks it is back to `original`. */
async function revert(document, original) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !document.isDirty && document.getText() === original, { message: `${document.uri.fsPath} reverted` });
}

/**
 * Runs `body(original)`, which edits `document`, then always reverts the document; a failure of
 * the body is what is reported, even when the revert fails too.
 */
async function thenRevert(document, body) {
  const original = document.getText();
  let failure;
  try {
    await body(original);
  } catch (error) {
    failure = error;
  }
  try {
    await revert(document, original);
  } catch (error) {
    if (!failure) failure = error;
    else console.log(`[e2e] could not revert ${document.uri.fsPath} either: ${error.message}`);
  }
  if (failure) throw failure;
}

/** The document's text with the TextEdits applied (they do not overlap). */
function applyTextEdits(document, edits) {
  let text = document.getText();
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const edit of sorted) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

/** Waits until `document` has a line for which `predicate(line)` holds; on timeout, says which lines were added. */
async function waitForLine(document, original, predicate, description) {
  try {
    return await waitFor(() => {
      const lines = document.getText().split(/\r?\n/);
      return lines.some(predicate) ? lines : undefined;
    }, { timeoutMs: SERVER_TIMEOUT_MS, message: description });
  } catch (error) {
    const before = new Set(original.split(/\r?\n/));
    const added = document.getText().split(/\r?\n/).filter((l) => !before.has(l));
    throw new Error(`${error.message}; lines added instead: ${JSON.stringify(added)}`);
  }
}

/** Records every content change of any document until `stop()`. */
function recordChanges() {
  const changes = [];
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0) changes.push(`${e.document.uri.toString()}: ${JSON.stringify(e.contentChanges.map((c) => c.text))}`);
  });
  return { changes, stop: () => listener.dispose() };
}

/** Runs `action` with a fresh editor on `relativePath` whose cursor is at `position`. */
async function editorAt(relativePath, position) {
  const document = await openWorkspaceFile(relativePath);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

describe('SEC amendments: renumbering and amendment commands', function () {
  this.timeout(SERVER_TIMEOUT_MS + 20000);

  // The example files as on disk before the tests: nothing may be saved.
  const onDisk = new Map();

  before(async () => {
    await ensureAutoSaveOff(); // else an edit left for a second is saved (VS Code for the web)
    for (const file of secFiles()) onDisk.set(file, readDisk(file));
    await serverReady();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('rename', () => {
    it('renames a clause cited from two other files, with one WorkspaceEdit over every file', async () => {
      const clause = clauseCitedFromOtherFiles(2);
      const touchedFiles = [clause.file, ...clause.citing].sort();
      // The next unused number of the same Part (X5.7 when X5 ends at X5.6).
      const part = clausesOfPart(clause.part);
      const newId = `${clause.part}.${Math.max(...part.map((c) => c.number)) + 1}`;
      assert.ok(secFiles().every((file) => countToken(readDisk(file), newId) === 0), `${newId} is written nowhere yet`);
      console.log(`[e2e] renaming ${clause.id} (defined in ${clause.file}, cited from ${clause.citing.join(', ')}) to ${newId}`);

      const definingDocument = await openWorkspaceFile(clause.file);
      const at = new vscode.Position(clause.line, 1); // inside the clause's own number
      const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', definingDocument.uri, at, newId);
      assert.ok(edit instanceof vscode.WorkspaceEdit, `a WorkspaceEdit; got ${edit}`);
      const entries = edit.entries();
      const edited = entries.map(([uri]) => path.relative(workspacePath('.'), uri.fsPath).split(path.sep).join('/')).sort();
      assert.ok(edited.length >= 3, `the edit touches at least 3 files; it touches ${edited.join(', ')}`);
      assert.deepStrictEqual(edited, touchedFiles, 'the edit touches exactly the defining file and the files citing it');
      for (const [uri, textEdits] of entries) {
        const document = await vscode.workspace.openTextDocument(uri);
        const original = document.getText();
        assert.strictEqual(original, fs.readFileSync(uri.fsPath, 'utf8'), `${uri.fsPath} is unmodified`);
        for (const textEdit of textEdits) {
          assert.strictEqual(document.getText(textEdit.range), clause.id, `each edit replaces "${clause.id}" (${uri.fsPath}:${textEdit.range.start.line + 1})`);
          assert.strictEqual(textEdit.newText, newId);
        }
        // Every written occurrence of the old number, and nothing else, becomes the new one.
        const expected = original.replace(tokenRegex(clause.id), newId);
        assert.strictEqual(applyTextEdits(document, textEdits), expected, `${uri.fsPath} after the rename`);
        assert.strictEqual(countToken(expected, newId), countToken(original, clause.id));
      }
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'executing the rename provider applied nothing');
    });

    it('refuses to rename a clause to a number that already exists (the promise rejects with the server\'s message)', async () => {
      const clause = clauseCitedFromOtherFiles(2);
      const part = clausesOfPart(clause.part);
      const existing = part[part.findIndex((c) => c.id === clause.id) - 1] || part.find((c) => c.id !== clause.id);
      const definingDocument = await openWorkspaceFile(clause.file);
      const at = new vscode.Position(clause.line, 1);
      // The server answers textDocument/rename with a ResponseError (InvalidRequest); the client
      // rethrows it, the extension host turns the thrown Error into a rejectReason, and the API
      // command vscode.executeDocumentRenameProvider throws new Error(rejectReason): the promise
      // rejects with exactly the server's message (it does not resolve to undefined or an empty edit).
      let outcome;
      try {
        outcome = { value: await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', definingDocument.uri, at, existing.id) };
      } catch (error) {
        outcome = { error };
      }
      assert.ok(outcome.error, `the rename to ${existing.id} is refused; it resolved to ${outcome.value && JSON.stringify(outcome.value.entries ? outcome.value.entries() : outcome.value)}`);
      assert.ok(outcome.error instanceof Error, `rejects with an Error: ${outcome.error}`);
      assert.strictEqual(
        outcome.error.message,
        `Section ${existing.id} already exists: choose another number for Section ${clause.id}.`,
        'the rejection carries the server\'s message',
      );
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'nothing was edited');
      // The same position with a free number still renames: the refusal was about the number.
      const free = `${clause.part}.${Math.max(...part.map((c) => c.number)) + 1}`;
      const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', definingDocument.uri, at, free);
      assert.ok(edit && edit.size >= 3, 'a rename to a free number is not refused');
    });
  });

  describe('renumbering a Part (code action)', () => {
    /** The code actions offered on the label of a Part heading. */
    async function actionsOnPartHeading(relativePath, part) {
      const document = await openWorkspaceFile(relativePath);
      const line = document.getText().split(/\r?\n/).findIndex((l) => l.startsWith(`${part} `));
      assert.ok(line >= 0, `a heading line "${part} ..." in ${relativePath}`);
      const range = new vscode.Range(line, 0, line, part.length);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, range);
      return { document, line, actions: actions || [] };
    }

    it('offers "Renumber the clauses of Section H4" (refactor.rewrite, with a command) on the heading of Part H4', async () => {
      const { document, line, actions } = await actionsOnPartHeading(SECTION_H, 'H4');
      const action = actions.find((a) => a.title === 'Renumber the clauses of Section H4');
      assert.ok(action, `the renumber action is offered; have: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
      assert.ok(action.kind && action.kind.value === vscode.CodeActionKind.RefactorRewrite.value, `kind refactor.rewrite; it is ${action.kind && action.kind.value}`);
      assert.ok(vscode.CodeActionKind.Refactor.contains(action.kind));
      assert.ok(action.command && typeof action.command.command === 'string', 'the action carries a command');
      assert.ok(!action.edit, 'the action computes its edit when run (a command), not up front');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(action.command.command), `the action's command ${action.command.command} is registered`);
      // Part H4 is not numbered in sequence in the sample (H4.3A), so running the action would
      // renumber 10 clauses over several files behind a confirmation (the refactor preview):
      // it is deliberately not run here.
      assert.ok(!isSequential('H4'), `Part H4 of the sample is not sequential: ${clausesOfPart('H4').map((c) => c.id).join(', ')}`);
      // Asked for refactor.rewrite actions only, it is still offered; asked for quick fixes only, it is not.
      const heading = new vscode.Range(line, 0, line, 2);
      const refactors = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, heading, vscode.CodeActionKind.RefactorRewrite.value);
      assert.ok((refactors || []).some((a) => a.title === action.title), 'offered under the refactor.rewrite filter');
      const quickFixes = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, heading, vscode.CodeActionKind.QuickFix.value);
      assert.ok(!(quickFixes || []).some((a) => a.title === action.title), 'not offered as a quick fix');
    });

    it('does not offer it on a clause line', async () => {
      const document = await openWorkspaceFile(SECTION_H);
      const line = clausesOfPart('H4')[0].line;
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, 0, line, 2))) || [];
      assert.ok(!actions.some((a) => /^Renumber the clauses of/.test(a.title)), `no renumber action on ${clausesOfPart('H4')[0].id}: ${actions.map((a) => a.title).join(' | ')}`);
    });

    it('runs the action on a Part already in sequence (X5): nothing is edited', async () => {
      assert.ok(isSequential('X5'), `Part X5 of the sample is sequential: ${clausesOfPart('X5').map((c) => c.id).join(', ')}`);
      const { document, line, actions } = await actionsOnPartHeading(SECTION_X, 'X5');
      const action = actions.find((a) => a.title === 'Renumber the clauses of Section X5');
      assert.ok(action && action.command, `the renumber action for X5 is offered; have: ${actions.map((a) => a.title).join(' | ')}`);
      await editorAt(SECTION_X, new vscode.Position(line, 0));
      await thenRevert(document, async (original) => {
        const recorder = recordChanges();
        try {
          await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
          // The palette command does the same from the cursor.
          await vscode.commands.executeCommand('sec.renumberPart');
          await sleep(500); // an edit applied by the server would arrive as workspace/applyEdit meanwhile
        } finally {
          recorder.stop();
        }
        assert.deepStrictEqual(recorder.changes, [], 'no document was changed');
        assert.strictEqual(document.getText(), original);
        assert.ok(!document.isDirty, `${SECTION_X} is not dirty`);
        assert.ok(!allTabs().some((t) => /refactor|preview/i.test(t.label) && !(t.input instanceof vscode.TabInputText)), 'no refactor preview opened');
      });
    });
  });

  describe('sec.insertClauseAfter', () => {
    it('inserts the next number after the last clause of Part X5, then reverts', async () => {
      const clauses = clausesOfPart('X5');
      const last = clauses[clauses.length - 1];
      const expected = `X5.${last.number + 1}`;
      const document = await openWorkspaceFile(SECTION_X);
      assert.ok(!document.getText().split(/\r?\n/).some((l) => l.startsWith(`${expected} `) || l === expected), `no ${expected} yet`);
      // Inside the last clause's text, on its second line.
      const at = new vscode.Position(last.line + 1, 4);
      assert.ok(at.line < document.lineCount);
      await editorAt(SECTION_X, at);
      await thenRevert(document, async (original) => {
        await vscode.commands.executeCommand('sec.insertClauseAfter');
        const lines = await waitForLine(document, original, (l) => l.startsWith(expected), `a line starting with ${expected}`);
        const inserted = lines.findIndex((l) => l.startsWith(expected));
        assert.match(lines[inserted], new RegExp(`^${escapeRegExp(expected)}(\\s|$)`), `the new line: "${lines[inserted]}"`);
        assert.ok(inserted > last.line + 1, `the new clause comes after ${last.id}'s text (line ${inserted + 1})`);
        assert.ok(document.isDirty, 'the edit is unsaved');
        // Exactly one line was added; the rest is untouched.
        assert.deepStrictEqual(lines.filter((_, i) => i !== inserted), original.split(/\r?\n/), 'only the new line was added');
      });
    });

    it('inserts an A-number between two clauses (after X5.3: X5.3A), then reverts', async () => {
      const clauses = clausesOfPart('X5');
      const middle = clauses[2];
      assert.ok(clauses[3] && !middle.suffix, 'a clause with a following one');
      const expected = `${middle.id}A`;
      const document = await openWorkspaceFile(SECTION_X);
      await editorAt(SECTION_X, new vscode.Position(middle.line, 10));
      await thenRevert(document, async (original) => {
        await vscode.commands.executeCommand('sec.insertClauseAfter');
        const lines = await waitForLine(document, original, (l) => l.startsWith(`${expected} `) || l === expected, `a line starting with ${expected}`);
        const inserted = lines.findIndex((l) => l.startsWith(expected));
        const next = lines.findIndex((l) => l.startsWith(`${clauses[3].id} `));
        assert.ok(inserted > middle.line && inserted < next, `${expected} (line ${inserted + 1}) is between ${middle.id} and ${clauses[3].id} (line ${next + 1})`);
      });
    });
  });

  describe('sec.showAmendedText', () => {
    let amended;

    after(async () => {
      // The amended view is a sec document too, so the server checks it (see the report on
      // this test file); hand it back as plain text so that it does not leave diagnostics
      // (its text keeps the draft's deliberate mistakes) for the tests that follow.
      if (amended && !amended.isClosed && amended.languageId === 'sec') {
        await vscode.languages.setTextDocumentLanguage(amended, 'plaintext');
        await waitFor(() => vscode.languages.getDiagnostics(amended.uri).length === 0, { timeoutMs: SERVER_TIMEOUT_MS, message: 'the amended view\'s diagnostics to go' });
      }
    });

    it('opens the draft with its changes accepted and no markup', async () => {
      const draft = await openWorkspaceFile(DRAFT);
      const source = draft.getText();
      // What the draft inserts, deletes and substitutes, read from it.
      const insertions = [...source.matchAll(/\{\+\+([\s\S]*?)\+\+\}/g)].map((m) => m[1]);
      const deletions = [...source.matchAll(/\{--([\s\S]*?)--\}/g)].map((m) => m[1]);
      const substitutions = [...source.matchAll(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g)].map((m) => ({ before: m[1], after: m[2] }));
      const comments = [...source.matchAll(/\{>>([\s\S]*?)<<\}/g)].map((m) => m[1]);
      assert.ok(insertions.includes('within one hour') && deletions.includes('as soon as reasonably practicable'), 'the draft changes H4.10\'s "as soon as reasonably practicable" to "within one hour"');
      assert.ok(substitutions.length > 0 && comments.length > 0);

      await vscode.window.showTextDocument(draft);
      await vscode.commands.executeCommand('sec.showAmendedText');
      amended = await waitFor(
        () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === AMENDED_SCHEME && d.uri.query === draft.uri.toString()),
        { timeoutMs: SERVER_TIMEOUT_MS, message: 'a sec-amended document for the draft' },
      );
      await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document === amended), { message: 'the amended text shown in an editor' });
      assert.strictEqual(amended.languageId, 'sec');
      assert.ok(amended.uri.path.endsWith('secmp0099-draft.sec (amended)'), `uri ${amended.uri.toString()}`);
      const text = amended.getText();

      assert.ok(text.includes('the DCC shall notify Users \nwithin one hour and shall apply'), 'H4.10 reads "within one hour"');
      assert.ok(!text.includes('as soon as reasonably practicable'), 'the deleted words are gone');
      for (const inserted of insertions) assert.ok(text.includes(inserted), `the insertion "${inserted}" is there`);
      for (const deleted of deletions) assert.ok(!text.includes(deleted), `the deletion "${deleted}" is gone`);
      for (const { before, after } of substitutions) {
        assert.ok(text.includes(`within ${after} Working Days`) || text.includes(after), `the substitution's new text "${after}" is there`);
        assert.ok(!text.includes(`within ${before} Working Days`), `the substitution's old text "${before}" is gone`);
      }
      for (const comment of comments) assert.ok(!text.includes(comment.trim()), `the comment "${comment}" is gone`);
      for (const marker of ['{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}']) {
        assert.ok(!text.includes(marker), `no "${marker}" marker left`);
      }
      // The unchanged text is all there, in the same order.
      assert.strictEqual(text.split('\n').length, source.split('\n').length, 'the same number of lines');
      assert.ok(text.includes('Designation of the revised procedures would follow Section X5.4.'));
      // It is the same text as the command line's `secls apply`.
      const extension = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'sec-language-tools');
      const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
      if (fs.existsSync(cli)) {
        const run = require('child_process').spawnSync(process.execPath, [cli, 'apply', draft.uri.fsPath], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
        assert.strictEqual(run.status, 0, `secls apply: ${run.stderr}`);
        assert.strictEqual(text, run.stdout, 'the amended view equals `secls apply`');
      }
    });
  });

  describe('sec.showRedline', () => {
    it('opens a "Redline: secmp0099-draft.sec" webview beside the draft, then closes it', async () => {
      const title = `Redline: ${path.basename(DRAFT)}`;
      const redlineTabs = () => allTabs().filter((t) => t.input instanceof vscode.TabInputWebview && t.label === title);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.deepStrictEqual(redlineTabs(), [], 'no redline open yet');
      const draft = await openWorkspaceFile(DRAFT);
      await vscode.window.showTextDocument(draft, { preview: false });
      await vscode.commands.executeCommand('sec.showRedline');
      const [tab] = await waitFor(() => (redlineTabs().length ? redlineTabs() : undefined), { timeoutMs: SERVER_TIMEOUT_MS, message: `a webview tab "${title}"` });
      assert.strictEqual(redlineTabs().length, 1, 'one redline tab');
      assert.match(tab.input.viewType, /sec\.redline$/, `viewType ${tab.input.viewType}`);
      // Beside the draft: its own editor group, with the draft still open in the first one.
      const draftGroup = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === draft.uri.toString()));
      assert.ok(draftGroup, 'the draft is still open');
      assert.notStrictEqual(tab.group.viewColumn, draftGroup.viewColumn, 'the redline opens beside the draft');
      if (process.env.SEC_E2E_SCREENSHOT_DIR) {
        await vscode.commands.executeCommand('notifications.clearAll');
        await sleep(1500); // let the webview paint
        await screenshot('redline-view');
      }
      assert.ok(await vscode.window.tabGroups.close(tab), 'the redline tab closes');
      await waitFor(() => redlineTabs().length === 0, { message: 'the redline tab to close' });
    });

    it('does nothing but warn when no SEC editor is active', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const before = allTabs().length;
      await vscode.commands.executeCommand('sec.showRedline');
      await sleep(300);
      assert.strictEqual(allTabs().length, before, 'no tab opened');
      assert.ok(!allTabs().some((t) => t.input instanceof vscode.TabInputWebview));
    });
  });

  // (In a describe of its own so that mocha runs it last, after the nested describes above.)
  describe('afterwards', () => {
    it('leaves no document dirty and no error or warning outside the draft (but the second draft\'s side of their conflict)', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const draft = await openWorkspaceFile(DRAFT);
      const second = vscode.Uri.file(workspacePath(SECOND_DRAFT)).toString();
      const expected = (uri, d) => uri.toString() === second && diagnosticCode(d) === 'amendment-conflict';
      const outside = () => vscode.languages.getDiagnostics()
        .filter(([uri, ds]) => uri.toString() !== draft.uri.toString() && ds.some((d) => ERROR_OR_WARNING(d) && !expected(uri, d)))
        .map(([uri]) => uri.toString());
      try {
        await waitFor(() => outside().length === 0, { timeoutMs: SERVER_TIMEOUT_MS, message: 'no error/warning outside the draft' });
      } catch (error) {
        assert.fail(`${error.message}; have: ${outside().join(', ')}`);
      }
      const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
      assert.deepStrictEqual(dirty, [], 'no document left dirty');
      const changedOnDisk = [...onDisk].filter(([file, text]) => readDisk(file) !== text).map(([file]) => file);
      assert.deepStrictEqual(changedOnDisk, [], 'no example file was saved');
    });
  });
});
