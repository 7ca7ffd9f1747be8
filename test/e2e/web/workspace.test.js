// Indexing in the browser, where the server cannot read the disk: files it was never shown
// are found with vscode.workspace.findFiles and read through vscode.workspace.fs, changes
// come through the client's file watcher, and sec.exclude and sec.config.json's exclude are
// honoured. Writes only to this run's copy of examples/, and puts back what it changed.
'use strict';
const vscode = require('vscode');
const { assert, diagnosticCode, openWorkspaceFile, readWorkspaceText, sleep, waitFor, workspaceUri } = require('./helpers');

const DRAFT = 'amendments/secmp0099-draft.sec';
const CONFIG_FILE = 'sec.config.json';

const write = (name, text) => vscode.workspace.fs.writeFile(workspaceUri(name), new TextEncoder().encode(text));
const remove = (name) => vscode.workspace.fs.delete(workspaceUri(name), { recursive: true }).then(undefined, () => undefined);
const codesOf = (name) => vscode.languages.getDiagnostics(workspaceUri(name)).map(diagnosticCode);

async function restartAndWaitForTheDraft() {
  await vscode.commands.executeCommand('sec.restartServer');
  const draft = workspaceUri(DRAFT);
  await waitFor(() => vscode.languages.getDiagnostics(draft).length > 0, { message: 'the draft\'s diagnostics after a restart' });
}

describe('the workspace\'s files, read through the editor', () => {
  let config;

  before(async () => {
    config = await readWorkspaceText(CONFIG_FILE);
    await openWorkspaceFile(DRAFT);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceUri(DRAFT)).length > 0, { message: 'the draft indexed' });
  });

  after(async () => {
    await write(CONFIG_FILE, config);
    await vscode.workspace.getConfiguration('sec').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await remove('scratch');
    await remove('drafts');
    await restartAndWaitForTheDraft();
  });

  it('checks a file created and deleted outside any editor, told by the file watcher', async () => {
    await write('scratch/new.sec', 'Cite Section X5.9.\n');
    await waitFor(() => codesOf('scratch/new.sec').includes('broken-reference'), { message: 'diagnostics of scratch/new.sec, never opened' });
    await remove('scratch/new.sec');
    await waitFor(() => codesOf('scratch/new.sec').length === 0, { message: 'the deleted file\'s diagnostics to go' });
  });

  it('leaves out what sec.config.json\'s exclude and the sec.exclude setting exclude', async () => {
    await write('scratch/kept.sec', 'Cite Section X5.9.\n');
    await write('drafts/old.sec', 'Cite Section X5.9.\n');
    await waitFor(() => codesOf('scratch/kept.sec').length > 0 && codesOf('drafts/old.sec').length > 0, { message: 'both files checked before the exclusions' });
    const excluding = JSON.parse(config);
    excluding.exclude = ['scratch/**'];
    await write(CONFIG_FILE, JSON.stringify(excluding, null, 2));
    await vscode.workspace.getConfiguration('sec').update('exclude', ['drafts/**'], vscode.ConfigurationTarget.Global);
    await restartAndWaitForTheDraft();
    await sleep(1000); // what the server publishes, it publishes together
    assert.deepEqual([codesOf('scratch/kept.sec'), codesOf('drafts/old.sec')], [[], []], 'diagnostics of the excluded files');
    assert.ok(codesOf(DRAFT).includes('deprecated-reference'), 'the rest of sec.config.json still applies');
  });
});
