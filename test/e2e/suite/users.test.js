// End-to-end tests of what a user meets (issue 16): code links that open their explanation,
// the extension page's README, secls from the command palette, completion across files,
// snippets and Enter, catalogue pages, code lenses. They run against the repository and,
// with `npm run test:e2e:vsix`, against the installed .vsix, where what is checked is what
// the package really ships.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { waitFor, screenshot, openWorkspaceFile, sleep, EXTENSION_ID, diagnosticCode, positionOf, workspacePath } = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';
const SECTION_H = 'section-h-dcc-services.sec';
const SERVER_TIMEOUT_MS = 20000;
const installed = Boolean(process.env.SEC_E2E_INSTALL_EXTENSION);

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const descriptionOf = (item) => (typeof item.label === 'string' ? undefined : item.label.description);

/** The diagnostics of a file once the server has checked it. */
async function diagnosticsOf(uri, atLeast = 1) {
  return waitFor(() => {
    const all = vscode.languages.getDiagnostics(uri);
    return all.length >= atLeast ? all : undefined;
  }, { timeoutMs: SERVER_TIMEOUT_MS, message: `diagnostics of ${uri.fsPath}` });
}

/** An untitled SEC document shown in an editor; `close` discards it. */
async function scratch(content) {
  const document = await vscode.workspace.openTextDocument({ language: 'sec', content });
  const editor = await vscode.window.showTextDocument(document);
  return {
    document,
    editor,
    close: async () => {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  };
}

/** Completion at a position, with the first `resolve` items resolved (documentation). */
async function completionsAt(uri, position, trigger, resolve = 0) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position, trigger, resolve);
  return (list && list.items) || [];
}

/** Images and links of a Markdown text: [alt/text, target]. */
function linksOf(markdown) {
  const links = [];
  for (const m of markdown.matchAll(/!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push([m[1], m[2]]);
  for (const m of markdown.matchAll(/<(?:img|a)\b[^>]*\b(?:src|href)="([^"]+)"/g)) links.push(['', m[1]]);
  for (const m of markdown.matchAll(/<(https?:\/\/[^>]+)>/g)) links.push(['', m[1]]);
  return links;
}

describe('SEC extension, as users meet it', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let extension;

  before(async () => {
    extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    await openWorkspaceFile(DRAFT);
    await waitFor(() => extension.isActive, { timeoutMs: SERVER_TIMEOUT_MS, message: 'the extension to activate' });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens each diagnostic code\'s explanation, inside the extension, from the code\'s link', async () => {
    const draft = await openWorkspaceFile(DRAFT);
    const diagnostics = await diagnosticsOf(draft.uri, 5);
    const codes = new Set(diagnostics.map(diagnosticCode));
    assert.ok(codes.has('broken-reference') && codes.has('title-mismatch'), `codes: ${[...codes]}`);
    for (const diagnostic of diagnostics) {
      const code = diagnosticCode(diagnostic);
      const target = diagnostic.code && diagnostic.code.target;
      assert.ok(target, `the ${code} diagnostic has a code link (codeDescription)`);
      assert.strictEqual(target.scheme, 'file');
      assert.ok(path.resolve(target.fsPath).startsWith(path.resolve(extension.extensionPath) + path.sep), `${target.fsPath} is inside ${extension.extensionPath}`);
      if (installed) assert.strictEqual(path.basename(target.fsPath), 'readme.md', 'the package\'s README, as vsce names it');
      assert.match(target.fragment, /^L\d+$/);
    }
    // Following the link, as a click in the Problems panel does, opens the explanation at its line.
    const broken = diagnostics.find((d) => diagnosticCode(d) === 'broken-reference');
    await vscode.commands.executeCommand('vscode.open', broken.code.target);
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.fsPath === broken.code.target.fsPath ? active : undefined;
    }, { message: 'the explanation to open' });
    const line = Number(broken.code.target.fragment.slice(1)) - 1;
    assert.strictEqual(editor.selection.active.line, line, 'the editor is at the line of the explanation');
    assert.match(editor.document.lineAt(line).text, /<a id="broken-reference"><\/a>`broken-reference` \| error \| The cited unit does not exist/);
  });

  it('shows a user\'s README on the extension page: features, settings, commands, codes, images that load from the package', async () => {
    // What VS Code shows on the extension page: the installed readme.md, or in the repository the file packaged as it.
    const readme = installed ? path.join(extension.extensionPath, 'readme.md') : path.join(extension.extensionPath, 'README.extension.md');
    const text = fs.readFileSync(readme, 'utf8');
    const contributes = extension.packageJSON.contributes;
    for (const command of contributes.commands) assert.ok(text.includes(`**${command.category}: ${command.title}**`), `the README describes ${command.category}: ${command.title}`);
    for (const setting of Object.keys(contributes.configuration.properties)) assert.ok(text.includes(`\`${setting}\``), `the README describes ${setting}`);
    assert.doesNotMatch(text, /npm (?:ci|test|run)|dependency-cruiser|architecture/i, 'no developer material');
    const images = linksOf(text).filter(([, target]) => /^data:image\/|\.(?:png|webp|jpe?g|gif|svg)$/i.test(target));
    assert.ok(images.length >= 3, `screenshots: ${images.map(([, t]) => t.slice(0, 40))}`);
    // The extension page loads images only from https: and data: URIs: the package embeds its screenshots.
    if (installed) assert.deepStrictEqual(images.filter(([, t]) => !t.startsWith('data:image/')).map(([, t]) => t), []);
    for (const [, target] of linksOf(text)) {
      if (/^https:\/\/github\.com\/sec-language-tools\//.test(target) || target.startsWith('#') || target.startsWith('data:image/')) continue;
      const file = path.resolve(path.dirname(readme), decodeURIComponent(target));
      assert.ok(file.startsWith(path.resolve(extension.extensionPath) + path.sep) && fs.existsSync(file), `${target} resolves inside the extension`);
    }
    if (process.env.SEC_E2E_SCREENSHOT_DIR) {
      await vscode.commands.executeCommand('extension.open', EXTENSION_ID);
      await sleep(3000);
      await screenshot('extension-page');
    }
  });

  it('runs secls on the workspace from the command palette, where a process can run', async () => {
    const menu = extension.packageJSON.contributes.menus.commandPalette.find((entry) => entry.command === 'sec.checkWorkspace');
    assert.match(menu.when, /processExecutionSupported/, 'hidden where no process can run (a web extension host)');
    let started;
    const listener = vscode.tasks.onDidStartTaskProcess((event) => {
      if (event.execution.task.source === 'secls') started = event.execution.task.execution;
    });
    let statuses;
    try {
      statuses = await vscode.commands.executeCommand('sec.checkWorkspace');
    } finally {
      listener.dispose();
    }
    assert.deepStrictEqual(statuses, [1], 'secls found the sample\'s deliberate errors (exit status 1)');
    assert.ok(started, 'a secls task process started');
    const [cli, ...args] = started.args;
    assert.strictEqual(cli, path.join(extension.extensionPath, 'dist', 'cli.js'), 'the packaged CLI');
    assert.deepStrictEqual(args, ['check']);
    // The same command line, run here, prints the report the task's terminal showed.
    const run = spawnSync(process.execPath, started.args, { cwd: started.options.cwd, env: { ...process.env, ...started.options.env }, encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(run.stdout, /secmp0099-draft\.sec:\d+:\d+ {2}error {2}broken-reference/);
    // (The terminal-kill commands wait on the task terminal here; its terminal object closes at once.)
    for (const terminal of vscode.window.terminals) terminal.dispose();
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('completes "Section H4." with the clauses of both files that write Part H4, with titles, files, first lines and deprecated marks', async () => {
    const content = 'The DCC shall act under Section H4.';
    const { document, close } = await scratch(content);
    try {
      const at = document.positionAt(content.length);
      const items = await waitFor(async () => {
        const found = await completionsAt(document.uri, at, '.', 30);
        return found.some((item) => labelOf(item) === 'H4.14') ? found : undefined;
      }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'H4.14, which only the draft inserts, among the completions' });
      const byLabel = new Map(items.map((item) => [labelOf(item), item]));
      assert.strictEqual(descriptionOf(byLabel.get('H4.14')), path.basename(DRAFT));
      assert.strictEqual(descriptionOf(byLabel.get('H4.12')), SECTION_H);
      assert.deepStrictEqual(byLabel.get('H4.7').tags, [vscode.CompletionItemTag.Deprecated], 'H4.7 [Not used] is struck out');
      assert.strictEqual(byLabel.get('H4.12').tags, undefined);
      assert.strictEqual(byLabel.get('H4.1').detail, 'Eligibility Generally', 'a clause is described by its cross-heading');
      const h41 = fs.readFileSync(workspacePath(SECTION_H), 'utf8').split(/\r?\n/).find((line) => line.startsWith('H4.1 '));
      const documentation = byLabel.get('H4.1').documentation;
      assert.strictEqual(typeof documentation === 'string' ? documentation : documentation && documentation.value, h41.slice('H4.1 '.length));
      const order = (label) => byLabel.get(label).sortText;
      assert.ok(order('H4.3') < order('H4.3A') && order('H4.9') < order('H4.10') && order('H4.13') < order('H4.14'), 'in the Code\'s order');
    } finally {
      await close();
    }
  });

  it('offers a new clause numbered by the server as a snippet, and Enter after a clause keeps the new line flush left', async () => {
    const content = 'Section Q: Trial\n\nQ1 Trial Part\n\nQ1.1 The DCC shall:\n(a) first;\n\nQ1.2 Second clause.\n\n';
    const { document, editor, close } = await scratch(content);
    try {
      const end = document.positionAt(content.length);
      const items = await waitFor(async () => {
        const found = await completionsAt(document.uri, end, undefined);
        return found.some((item) => labelOf(item) === 'Q1.3') ? found : undefined;
      }, { timeoutMs: SERVER_TIMEOUT_MS, message: 'the new clause Q1.3' });
      const clause = items.find((item) => labelOf(item) === 'Q1.3');
      assert.ok(clause.insertText instanceof vscode.SnippetString, 'a snippet');
      assert.strictEqual(clause.insertText.value, 'Q1.3 ${1:Clause text.}$0');
      // Enter at the end of a clause line: the next line starts at the margin, as the examples are written.
      const clauseLine = document.lineAt(4);
      editor.selection = new vscode.Selection(clauseLine.range.end, clauseLine.range.end);
      await vscode.commands.executeCommand('type', { text: '\n' });
      await waitFor(() => document.lineCount === content.split('\n').length + 1, { message: 'the new line' });
      assert.strictEqual(document.lineAt(5).text, '', 'no indentation on the new line');
      assert.strictEqual(editor.selection.active.character, 0);
    } finally {
      await close();
    }
  });

  it('goes from a catalogue-only reference to a page laid out as the Code, not raw Markdown', async () => {
    const draft = await openWorkspaceFile(DRAFT);
    await diagnosticsOf(draft.uri, 5);
    const links = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft.uri, positionOf(draft, 'Section G2.14', 9));
    const target = links[0].targetUri || links[0].uri;
    assert.strictEqual(target.scheme, 'sec-catalogue');
    const page = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(page);
    assert.strictEqual(page.languageId, 'sec', 'shown as SEC text, coloured by the SEC grammar');
    assert.match(page.getText(), /^Section G: Security\n\nG2 System Security: Obligations on the DCC\n/);
    assert.doesNotMatch(page.getText(), /^#|\*\*|^- /m, 'no Markdown markup');
    await screenshot('catalogue-page');
  });

  it('shows code lenses counting citations (a click lists them) and what each instruction changes, and hides them when switched off', async () => {
    const section = await openWorkspaceFile(SECTION_H);
    await diagnosticsOf((await openWorkspaceFile(DRAFT)).uri, 5);
    const line = fs.readFileSync(workspacePath(SECTION_H), 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith('H4.12 '));
    const lensAt = async (uri, lineNumber) => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 200);
      return (lenses || []).find((lens) => lens.range.start.line === lineNumber);
    };
    const lens = await waitFor(() => lensAt(section.uri, line), { timeoutMs: SERVER_TIMEOUT_MS, message: 'a lens above H4.12' });
    const references = await vscode.commands.executeCommand('vscode.executeReferenceProvider', section.uri, new vscode.Position(line, 1));
    const citations = references.filter((location) => !(location.uri.toString() === section.uri.toString() && location.range.start.line === line));
    const files = new Set(citations.map((location) => location.uri.toString()));
    assert.strictEqual(lens.command.title, `cited by ${citations.length} · ${files.size} file${files.size === 1 ? '' : 's'}`);
    assert.ok(citations.length >= 2, 'H4.12 is cited by the draft and by H4.13');
    const [uri, position, locations] = lens.command.arguments;
    assert.ok(uri instanceof vscode.Uri && position instanceof vscode.Position && locations.every((l) => l instanceof vscode.Location), 'arguments in VS Code\'s types');
    const editor = await vscode.window.showTextDocument(section);
    editor.revealRange(new vscode.Range(line - 11, 0, line - 11, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments); // the references peek; throws on bad arguments
    await sleep(800);
    await screenshot('codelens');
    await vscode.commands.executeCommand('closeReferenceSearch');
    const draft = await openWorkspaceFile(DRAFT);
    const instructionLine = draft.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Insert a new Section H4.14'));
    const instruction = await waitFor(() => lensAt(draft.uri, instructionLine), { message: 'a lens above the instruction' });
    assert.strictEqual(instruction.command.title, 'inserts Section H4.14 after Section H4.13');
    const settings = vscode.workspace.getConfiguration('sec');
    await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await lensAt(section.uri, line)) === undefined, { timeoutMs: SERVER_TIMEOUT_MS, message: 'no lenses once sec.codeLens.enabled is off' });
    } finally {
      await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => lensAt(section.uri, line), { timeoutMs: SERVER_TIMEOUT_MS, message: 'the lenses back' });
  });

  describe('screenshots for the README (with SEC_E2E_SCREENSHOT_DIR)', () => {
    before(function () {
      if (!process.env.SEC_E2E_SCREENSHOT_DIR) this.skip();
    });

    it('hover on a reference', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      const draft = await openWorkspaceFile(DRAFT);
      await diagnosticsOf(draft.uri, 5);
      const editor = await vscode.window.showTextDocument(draft);
      const at = positionOf(draft, 'Section X5.4', 9);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      // The first request may find the hover widget not ready yet: ask twice.
      for (let attempt = 0; attempt < 2; attempt++) {
        await sleep(700);
        await vscode.commands.executeCommand('editor.action.showHover');
      }
      await sleep(1200);
      await screenshot('readme-hover');
    });

    it('completion after "Section H4.", filtered, with the selected clause\'s details', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const content = 'Transition would follow Section X5.4.\nThe DCC shall act under Section H4.';
      const { editor, document, close } = await scratch(content);
      try {
        const end = document.positionAt(content.length);
        editor.selection = new vscode.Selection(end, end);
        await completionsAt(document.uri, end, '.');
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await sleep(1000);
        await vscode.commands.executeCommand('type', { text: '1' });
        await sleep(800);
        await vscode.commands.executeCommand('toggleSuggestionDetails');
        await sleep(1200);
        await screenshot('readme-completion');
        await vscode.commands.executeCommand('hideSuggestWidget');
      } finally {
        await close();
      }
    });
  });
});
