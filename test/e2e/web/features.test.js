// What the desktop extension offers, in the web worker: the examples' problems in the Problems
// panel (sec.config.json and the catalogue it names read through the editor), code links,
// hover, definition, references, completion, code lenses, outline, a quick fix, rename, Insert
// Clause After, the amended text and the redline. Every edit is undone before the test ends;
// the workspace is a copy of examples/ made for this run.
'use strict';
const vscode = require('vscode');
const { EXAMPLES, EXPECTED_PROBLEMS } = require('../common');
const {
  assert, askWorkbench, diagnosticCode, hoverText, openWorkspaceFile, positionOf, readWorkspaceText, screenshot, waitFor, workspaceUri,
} = require('./helpers');

const { draft: DRAFT, sectionX: SECTION_X, appendixAK: APPENDIX_AK } = EXAMPLES;
const SEVERE = (d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

async function draftProblems(uri) {
  return waitFor(() => {
    const all = vscode.languages.getDiagnostics(uri).filter(SEVERE);
    return all.length === EXPECTED_PROBLEMS.length ? all : undefined;
  }, { message: `${EXPECTED_PROBLEMS.length} problems in ${DRAFT}; have ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => diagnosticCode(d)))}` });
}

/** Discards the unsaved edits of these documents. */
async function revert(documents) {
  for (const document of documents) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, { message: `${document.uri.path} reverted` });
  }
}

describe('SEC in the web worker: checks, navigation and amendments', () => {
  let draft;

  before(async () => {
    draft = await openWorkspaceFile(DRAFT);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fills the Problems panel with the examples\' deliberate problems, no others', async () => {
    const problems = await draftProblems(draft.uri);
    const secondDraft = await readWorkspaceText(EXAMPLES.secondDraft);
    const secondDraftConflictLine = secondDraft.split(/\r?\n/).findIndex((line) => line.startsWith('Amend Section H4.10')) + 1;
    for (const [needle, code] of EXPECTED_PROBLEMS) {
      const at = positionOf(draft, needle);
      const found = problems.find((d) => d.range.start.isEqual(at));
      assert.ok(found, `a problem at "${needle}"`);
      assert.equal(diagnosticCode(found), code, `the code of "${needle}"`);
    }
    const elsewhere = vscode.languages.getDiagnostics()
      .filter(([uri]) => uri.toString() !== draft.uri.toString())
      .flatMap(([uri, ds]) => ds.filter(SEVERE).map((d) => `${uri.path}:${d.range.start.line + 1} ${diagnosticCode(d)}`));
    // MP101's side of the conflict with the draft: the one problem outside it (examples/README.md).
    assert.deepEqual(elsewhere.map((problem) => problem.replace(/^.*\//, '')), [`mp101-draft.sec:${secondDraftConflictLine} amendment-conflict`], 'problems outside the draft');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('web-problems');
  });

  it('links each code to its explanation in the extension\'s README', async () => {
    const [problem] = await draftProblems(draft.uri);
    const target = problem.code.target;
    assert.ok(target, 'a code link');
    const line = Number(/^L(\d+)$/.exec(target.fragment)[1]);
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(target.with({ fragment: '' })));
    assert.match(readme.split(/\r?\n/)[line - 1], new RegExp(`<a id="${diagnosticCode(problem)}"></a>`), `line ${line} of ${target.path}`);
  });

  it('hovers a reference with the text of its target, read from another file', async () => {
    await draftProblems(draft.uri);
    const text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', draft.uri, positionOf(draft, 'Section X5.4', 9)));
    const target = (await readWorkspaceText(SECTION_X)).split('\n').find((l) => l.startsWith('X5.4 '));
    assert.ok(text.includes(target.slice(5, 60)), `the hover quotes X5.4; it is: ${text}`);
    assert.match(text, /section-x-transition\.sec, line \d+/, 'the hover says where X5.4 is');
  });

  it('goes to a definition in another file, and to the catalogue\'s page for a target only it knows', async () => {
    const [first] = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft.uri, positionOf(draft, 'Section X5.4', 9));
    const uri = first.targetUri || first.uri;
    const range = first.targetSelectionRange || first.targetRange || first.range;
    assert.equal(uri.toString(), workspaceUri(SECTION_X).toString(), 'X5.4 is defined in Section X');
    assert.match((await readWorkspaceText(SECTION_X)).split('\n')[range.start.line], /^X5\.4 /, 'on its own line');
    const [catalogue] = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft.uri, positionOf(draft, 'Section G2.14', 9));
    const page = await vscode.workspace.openTextDocument(catalogue.targetUri || catalogue.uri);
    assert.equal(page.uri.scheme, 'sec-catalogue', 'a catalogue page');
    assert.match(page.getText(), /G2/, 'the page of Section G2');
  });

  it('finds references across files, and counts them in code lenses', async () => {
    const sectionX = await openWorkspaceFile(SECTION_X);
    const at = positionOf(sectionX, 'X5.4 ', 1);
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', sectionX.uri, at);
    const files = [...new Set(locations.map((l) => l.uri.path.replace(/^.*\//, '')))].sort();
    assert.deepEqual(files, [APPENDIX_AK, 'secmp0099-draft.sec', SECTION_X].sort(), 'the files that cite X5.4, and its own');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', sectionX.uri, 100);
    const lens = lenses.find((l) => l.range.start.line === at.line && l.command);
    assert.ok(lens, 'a resolved lens above X5.4');
    assert.match(lens.command.title, /cited by 2 · 2 files/, 'its count');
  });

  it('completes the clauses of a Part and gives the outline', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'sec', content: 'Under Section X5.' });
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, document.positionAt(17), '.');
      const found = ((list && list.items) || []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.includes('X5.4') ? found : undefined;
    }, { message: 'completion with X5.4' });
    assert.ok(labels.every((label) => label.startsWith('X5.')), `only clauses of X5: ${labels}`);
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', workspaceUri(SECTION_X));
    assert.ok(symbols.length > 0 && JSON.stringify(symbols.map((s) => s.name)).includes('X'), 'an outline of Section X');
  });

  it('fixes a title with its quick fix, then reverts', async () => {
    const [mismatch] = (await draftProblems(draft.uri)).filter((d) => diagnosticCode(d) === 'title-mismatch');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', draft.uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /DCC User Interface/.test(a.title));
    try {
      assert.ok(fix && (await vscode.workspace.applyEdit(fix.edit)), 'the quick fix applies');
      await waitFor(() => !vscode.languages.getDiagnostics(draft.uri).some((d) => diagnosticCode(d) === 'title-mismatch'), { message: 'the title-mismatch to go' });
    } finally {
      await revert([draft]);
    }
  });

  it('renames a clause and every reference to it in the workspace, then reverts', async () => {
    const sectionX = await openWorkspaceFile(SECTION_X);
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', sectionX.uri, positionOf(sectionX, 'X5.4 ', 1), 'X5.40');
    const files = edit.entries().map(([uri]) => uri.path.replace(/^.*\//, '')).sort();
    assert.deepEqual(files, [APPENDIX_AK, 'secmp0099-draft.sec', SECTION_X].sort(), 'the files the rename edits');
    const documents = [];
    try {
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applies');
      for (const name of [SECTION_X, APPENDIX_AK, DRAFT]) documents.push(await vscode.workspace.openTextDocument(workspaceUri(name)));
      assert.match(documents[0].getText(), /^X5\.40 /m, 'the clause renumbered');
      assert.match(documents[1].getText(), /Section X5\.40\b/, 'Appendix AK cites X5.40');
      assert.match(documents[2].getText(), /Section X5\.40\./, 'the draft cites X5.40');
    } finally {
      await revert(documents);
    }
  });

  it('inserts a clause after the one at the cursor, then reverts', async () => {
    const sectionX = await openWorkspaceFile(SECTION_X);
    const editor = await vscode.window.showTextDocument(sectionX);
    const at = positionOf(sectionX, 'X5.4 ', 1);
    editor.selection = new vscode.Selection(at, at);
    try {
      await vscode.commands.executeCommand('sec.insertClauseAfter');
      await waitFor(() => /^X5\.4A\b/m.test(sectionX.getText()), { message: 'a new clause X5.4A' });
    } finally {
      await revert([sectionX]);
    }
  });

  it('shows the amended text and the redline of the draft', async () => {
    draft = await openWorkspaceFile(DRAFT);
    await vscode.commands.executeCommand('sec.showAmendedText');
    const amended = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'sec-amended'), { message: 'the amended text' });
    assert.match(amended.getText(), /within one hour/, 'the insertion accepted');
    assert.ok(!amended.getText().includes('{++'), 'no markup left');
    await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('sec.showRedline');
    const title = 'Redline: secmp0099-draft.sec';
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label === title);
    const [tab] = await waitFor(() => (tabs().length ? tabs() : undefined), { message: `a webview "${title}"` });
    assert.match(tab.input.viewType, /sec\.redline$/, 'the redline view');
    // What the browser shows in the webview: insertions and deletions as elements, not markup.
    const shown = await waitFor(async () => {
      const { webviews } = await askWorkbench({ what: 'webviews' });
      return webviews && webviews.find((w) => /within one hour/.test(w.text)) ;
    }, { message: 'the redline rendered in a webview' });
    assert.ok(shown.ins > 0 && shown.del > 0, `insertions and deletions rendered: ${JSON.stringify(shown).slice(0, 300)}`);
    await screenshot('web-redline');
  });
});
