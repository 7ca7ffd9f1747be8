// Rename and renumber across the workspace, checked reference by reference.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { insertClauseAfter, insertClauseCommand, renumberPart, renumberPartAction, renumberPartCommand } from '../../server/src/features/amendments';
import { prepareRename, RefusedEdit, rename } from '../../server/src/features/rename';
import { catalogue, workspace } from './fixtures';

/** Applies a WorkspaceEdit to in-memory files (changes or documentChanges). */
function apply(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  const perFile: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) perFile[uri] = edits;
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) perFile[change.textDocument.uri] = change.edits as Array<{ range: never; newText: string }>;
  }
  for (const [uri, edits] of Object.entries(perFile)) {
    const lines = new LineIndex(result[uri]);
    const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
      .sort((a, b) => b.start - a.start);
    let text = result[uri];
    for (const e of offsets) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    result[uri] = text;
  }
  return result;
}

function partText(clauses: string[]): string {
  return `Section H: DCC Services\nH4 Processing Service Requests\n${clauses.map((label, i) => `${label} Body number ${i + 1}.`).join('\n')}\n`;
}

describe('rename and renumber', () => {
  it('renames a clause and every reference to it in three files, lists and ranges included', () => {
    const files = {
      'file:///h.sec': partText(['H4.1', 'H4.2', 'H4.3', 'H4.4']),
      'file:///a.sec': 'See Section H4.3 and Sections H4.1, H4.3(a) and H4.4.\n',
      'file:///b.sec': 'Apply H4.2-H4.3 and Section\nH4.3.\n',
    };
    const index = workspace(files);
    const offset = files['file:///h.sec'].indexOf('H4.3 ');
    assert.equal(prepareRename(index, 'file:///h.sec', offset).placeholder, 'H4.3');
    const after = apply(files, rename(index, 'file:///h.sec', offset, 'H4.3A'));
    assert.match(after['file:///h.sec'], /^H4\.3A Body number 3\.$/m);
    assert.equal(after['file:///a.sec'], 'See Section H4.3A and Sections H4.1, H4.3A(a) and H4.4.\n');
    assert.equal(after['file:///b.sec'], 'Apply H4.2-H4.3A and Section\nH4.3A.\n');
  });

  it('renames from a reference too, and refuses an id that exists or a range that would invert', () => {
    const files = { 'file:///h.sec': partText(['H4.1', 'H4.2', 'H4.3']), 'file:///a.sec': 'See Section H4.2 and H4.1-H4.2.\n' };
    const index = workspace(files);
    const offset = files['file:///a.sec'].indexOf('H4.2');
    assert.equal(prepareRename(index, 'file:///a.sec', offset).placeholder, 'H4.2');
    assert.throws(() => rename(index, 'file:///a.sec', offset, 'H4.3'), (error: Error) => error instanceof RefusedEdit && /H4\.3 already exists/.test(error.message));
    assert.throws(() => rename(index, 'file:///h.sec', files['file:///h.sec'].indexOf('H4.1 '), 'H4.7'), /would become inverted/);
    assert.throws(() => rename(index, 'file:///a.sec', offset, 'banana'), /is not a clause number/);
    assert.throws(() => prepareRename(index, 'file:///a.sec', 1), /Place the cursor/);
  });

  it('renumbers a 30-clause Part cited from five files, reference by reference, in one confirmed edit', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `H4.${i < 10 ? i + 1 : i + 3}`);
    labels.splice(5, 0, 'H4.5A');
    labels.pop();
    const files: Record<string, string> = { 'file:///h.sec': partText(labels) };
    for (let f = 0; f < 5; f++) {
      files[`file:///c${f}.sec`] = labels.filter((_, i) => i % 5 === f).map((label) => `Cite Section ${label}.`).join('\n') + '\n';
    }
    const index = workspace(files);
    const edit = renumberPart(index, 'Section H4');
    assert.equal(edit.changeAnnotations?.renumber.needsConfirmation, true);
    const after = apply(files, edit);
    const newLabels = labels.map((_, i) => `H4.${i + 1}`);
    assert.deepEqual([...after['file:///h.sec'].matchAll(/^(H4\.\w+) Body number (\d+)\.$/gm)].map((m) => [m[1], m[2]]),
      labels.map((_, i) => [newLabels[i], String(i + 1)]));
    for (let f = 0; f < 5; f++) {
      const expected = labels.map((old, i) => [old, newLabels[i]]).filter((_, i) => i % 5 === f).map(([, next]) => `Cite Section ${next}.`);
      assert.deepEqual(after[`file:///c${f}.sec`].trim().split('\n'), expected);
    }
  });

  it('leaves an already sequential Part unchanged', () => {
    const index = workspace({ 'file:///h.sec': partText(['H4.1', 'H4.2', 'H4.3']), 'file:///a.sec': 'See Section H4.2.\n' });
    assert.deepEqual(renumberPart(index, 'Section H4'), { changes: {} });
  });

  it('inserts a clause after the one under the cursor with the conventional number', () => {
    const text = partText(['H4.1', 'H4.2', 'H4.3']);
    const index = workspace({ 'file:///h.sec': text });
    assert.equal(insertClauseAfter(index, 'file:///h.sec', text.indexOf('H4.2 ')).label, 'H4.2A');
    const last = insertClauseAfter(index, 'file:///h.sec', text.indexOf('H4.3 '));
    assert.equal(last.label, 'H4.4');
    assert.match(apply({ 'file:///h.sec': text }, last.edit)['file:///h.sec'], /H4\.3 Body number 3\.\nH4\.4 \n$/);
  });

  it('renumbers the Part the cursor is in, from its heading or its body, and says when there is nothing to do', () => {
    const text = `${partText(['H4.1', 'H4.3'])}H5 Other\nH5.1 One.\n`;
    const index = workspace({ 'file:///h.sec': text });
    const fromBody = renumberPartCommand(index, 'file:///h.sec', text.indexOf('H4.3 ') + 5);
    assert.ok('edit' in fromBody);
    assert.equal(fromBody.label, 'Renumber Section H4');
    assert.match(apply({ 'file:///h.sec': text }, fromBody.edit)['file:///h.sec'], /^H4\.2 Body number 2\.$/m);
    assert.deepEqual(renumberPartCommand(index, 'file:///h.sec', text.indexOf('H4 ')), fromBody);
    assert.deepEqual(renumberPartCommand(index, 'file:///h.sec', text.indexOf('H5.1')), { message: 'The clauses of Section H5 are already numbered in sequence.' });
    assert.throws(() => renumberPartCommand(index, 'file:///h.sec', 0), (error: Error) => error instanceof RefusedEdit && /Place the cursor in a Part/.test(error.message));
  });

  it('offers Renumber Part as a code action on a Part heading only, running the server command at that position', () => {
    const text = partText(['H4.1', 'H4.3']);
    const index = workspace({ 'file:///h.sec': text });
    const heading = { line: 1, character: 0 };
    assert.deepEqual(renumberPartAction(index, 'file:///h.sec', text.indexOf('H4 '), heading)?.command,
      { title: 'Renumber Part', command: 'sec.server.renumberPart', arguments: ['file:///h.sec', heading] });
    assert.equal(renumberPartAction(index, 'file:///h.sec', text.indexOf('H4.3'), { line: 3, character: 0 }), null);
  });

  it('labels an inserted clause for the undo history with its number', () => {
    const text = partText(['H4.1', 'H4.2']);
    const outcome = insertClauseCommand(workspace({ 'file:///h.sec': text }), 'file:///h.sec', text.indexOf('H4.1 '));
    assert.ok('edit' in outcome);
    assert.equal(outcome.label, 'Insert clause H4.1A');
  });

  it('keeps every reference on the same unit after any renumber (property)', () => {
    const clauseNumbers = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.constantFrom('', 'A', 'B')), { minLength: 2, maxLength: 12, selector: ([n, s]) => `${n}${s}` })
      .map((list) => list.sort(([a, s], [b, t]) => a - b || s.localeCompare(t)).map(([n, s]) => `H4.${n}${s}`));
    fc.assert(fc.property(clauseNumbers, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (labels, picks) => {
      const cited = picks.map((p) => labels[p % labels.length]);
      const files = {
        'file:///h.sec': partText(labels),
        'file:///d.sec': cited.map((label, i) => (i % 2 ? `See Section ${label}.` : `See ${label}(a) and Sections ${label}, H4.99.`)).join('\n') + '\n',
      };
      const before = workspace(files);
      const textOf = (index: EditorIndex, uri: string) => index.resolve(uri).references
        .filter((r) => r.resolution.status === 'ok' && r.resolution.definition)
        .map((r) => index.textOf(r.resolution.definition!.unit.id)!.replace(/^H4\.\w+/, ''));
      const expected = textOf(before, 'file:///d.sec');
      let edit: WorkspaceEdit;
      try {
        edit = renumberPart(before, 'Section H4');
      } catch (error) {
        if (error instanceof RefusedEdit) return; // refused (e.g. a range would invert): nothing to check
        throw error;
      }
      const after = new EditorIndex({ catalogue });
      for (const [uri, text] of Object.entries(apply(files, edit))) after.updateFile(uri, text);
      assert.deepEqual(textOf(after, 'file:///d.sec'), expected);
      assert.deepEqual(after.resolve('file:///h.sec').diagnostics.filter((d) => d.code === 'numbering-order'), []);
    }), { numRuns: 200 });
  });
});
