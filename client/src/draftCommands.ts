// The client's side of the commands on drafts and Word documents. The server computes (the
// conflicts, a consolidation, a .docx, an imported text); these functions only show, ask and
// write: read-only documents and a diff, quick picks, save and open dialogs, and files written
// through vscode.workspace.fs, never by the server. Each is small and takes the request sender,
// so that any client (VS Code on the desktop or the web) can share them.
import * as vscode from 'vscode';
import {
  ConflictPair, ConsolidatedFile, ConsolidationPreview, consolidationPreviewRequest, CustomRequest, DraftChangeLocation, exportWordRequest, importWordRequest,
} from '../../server/src/protocol';

/** Sends a custom request to the server; undefined when there is no server to ask. */
export type Send = <Params, Result>(request: CustomRequest<Params, Result>, params: Params) => Promise<Result | undefined>;

/** Read-only documents of a consolidation's preview: the baseline and the consolidated text of a file. */
export const CONSOLIDATION_SCHEME = 'sec-consolidation';

function activeSecDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'sec') return document;
  void vscode.window.showWarningMessage('Open a SEC (.sec) file first.');
  return undefined;
}

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The texts the preview's documents show, by URI; a provider serves them. */
export class ConsolidationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private generation = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This preview is no longer available: run SEC: Preview Consolidation again.';
  }

  /** The two documents of one file's preview (each preview gets URIs of its own, so an open one is never stale). */
  add(file: ConsolidatedFile): { baseline: vscode.Uri; consolidated: vscode.Uri } {
    const name = fileNameOf(vscode.Uri.parse(file.uri));
    const query = String(++this.generation);
    const baseline = vscode.Uri.from({ scheme: CONSOLIDATION_SCHEME, path: `/baseline/${name}`, query });
    const consolidated = vscode.Uri.from({ scheme: CONSOLIDATION_SCHEME, path: `/consolidated/${name}`, query });
    this.texts.set(baseline.toString(), file.baseline);
    this.texts.set(consolidated.toString(), file.consolidated);
    return { baseline, consolidated };
  }
}

/**
 * SEC: Preview Consolidation: the open file consolidated, against its baseline, as a diff of two
 * read-only documents. Resolves to what the server said (the documents shown, or why none).
 */
export async function previewConsolidation(send: Send, documents: ConsolidationDocuments): Promise<ConsolidationPreview | undefined> {
  const document = activeSecDocument();
  if (!document) return undefined;
  const preview = (await send(consolidationPreviewRequest, { uri: document.uri.toString() })) ?? undefined;
  if (!preview) return undefined;
  if (preview.refusals.length > 0) {
    void vscode.window.showErrorMessage(`Cannot consolidate ${preview.drafts.join(', ')}: ${preview.refusals.join(' ')}`);
  } else if (preview.files.length === 0) {
    void vscode.window.showInformationMessage(preview.drafts.length === 0 ? 'No draft in the workspace changes this file.' : 'The drafts change nothing in the Code\'s text.');
  } else {
    const file = preview.files.length === 1 ? preview.files[0] : await pickFile(preview.files);
    if (file) await showDiff(documents.add(file), preview.drafts);
  }
  return preview;
}

async function showDiff({ baseline, consolidated }: { baseline: vscode.Uri; consolidated: vscode.Uri }, drafts: readonly string[]): Promise<void> {
  const title = `${fileNameOf(baseline)}: baseline ↔ with ${drafts.join(', ')}`;
  await vscode.commands.executeCommand('vscode.diff', baseline, consolidated, title, { preview: true });
}

async function pickFile(files: ConsolidatedFile[]): Promise<ConsolidatedFile | undefined> {
  const items = files.map((file) => ({ label: fileNameOf(vscode.Uri.parse(file.uri)), file }));
  return (await vscode.window.showQuickPick(items, { title: 'The draft changes several files: which one?' }))?.file;
}

async function reveal(location: DraftChangeLocation, column: vscode.ViewColumn): Promise<void> {
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, viewColumn: column, preview: false });
}

/**
 * SEC: Show Modification Conflicts: every pair of drafts' changes on one unit (`listConflicts`
 * asks the server); choosing one shows both instructions side by side.
 */
export async function showConflicts(listConflicts: () => Promise<ConflictPair[] | undefined>): Promise<ConflictPair[]> {
  const pairs = (await listConflicts()) ?? [];
  if (pairs.length === 0) {
    void vscode.window.showInformationMessage('No two drafts in the workspace change the same unit.');
    return pairs;
  }
  const items = pairs.map((pair) => ({
    label: `${pair.appliesCleanly ? '$(check)' : '$(warning)'} ${pair.first.description} · ${pair.second.description}`,
    detail: pair.verdict,
    pair,
  }));
  const chosen = await vscode.window.showQuickPick(items, { title: `${pairs.length} pair${pairs.length === 1 ? '' : 's'} of changes on the same unit`, matchOnDetail: true });
  if (chosen) {
    await reveal(chosen.pair.first, vscode.ViewColumn.One);
    await reveal(chosen.pair.second, vscode.ViewColumn.Two);
  }
  return pairs;
}

/** Base64 without Node's Buffer, which a web extension host lacks. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * SEC: Export to Word: the open file as a .docx with tracked changes, written where the user
 * chooses (`target`, when a caller such as a test gives one, instead of asking).
 */
export async function exportToWord(send: Send, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = activeSecDocument();
  if (!document) return undefined;
  const exported = await send(exportWordRequest, { uri: document.uri.toString() });
  if (!exported?.data) {
    void vscode.window.showErrorMessage(exported?.error ?? 'This file is not part of the SEC workspace.');
    return undefined;
  }
  const source = document.uri;
  const defaultUri = source.scheme === 'file' ? source.with({ path: source.path.replace(/(\.sec)?$/, '.docx') }) : undefined;
  const chosen = target ?? (await vscode.window.showSaveDialog({ defaultUri, filters: { 'Word document': ['docx'] }, title: 'Export to Word' }));
  if (!chosen) return undefined;
  await vscode.workspace.fs.writeFile(chosen, fromBase64(exported.data));
  void vscode.window.showInformationMessage(`Exported ${fileNameOf(chosen)}: ${exported.summary}.`);
  if (exported.problems.length > 0) void vscode.window.showWarningMessage(exported.problems.join(' '));
  return chosen;
}

/**
 * SEC: Import Word Document: a .docx the user chooses (or `given`), read back into CriticMarkup
 * and opened as a new, unsaved SEC document.
 */
export async function importWordDocument(send: Send, given?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const [source] = given ? [given] : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word document': ['docx'] }, title: 'Import Word Document' })) ?? [];
  if (!source) return undefined;
  const name = fileNameOf(source);
  const imported = await send(importWordRequest, { data: toBase64(await vscode.workspace.fs.readFile(source)), name });
  if (imported?.text === undefined) {
    void vscode.window.showErrorMessage(imported?.error ?? `Cannot import ${name}.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'sec', content: imported.text });
  await vscode.window.showTextDocument(document);
  if (imported.problems.length > 0) void vscode.window.showWarningMessage(imported.problems.join(' '));
  return document;
}
