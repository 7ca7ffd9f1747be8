// A one-shot check (the CLI) parses and looks definitions up its own way (citations scanned
// while resolving, ids looked up in each file's table): it must say exactly what an editor's
// index says of the same files.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { OneShotIndex } from '../../server/src/core/index/oneShotIndex';
import type { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import { withoutFields } from './compare';
import { catalogue } from './fixtures';

const URIS = ['file:///a.sec', 'file:///b.sec', 'file:///c.sec'];
// Sections split over files, Parts implied by their clauses, the same id in two files,
// versioned Schedules, deletions and insertions, paragraphs.
const LINES = [
  'Section X: Transition', 'X5 Incorporation of Certain Documents into this Code', 'X5.1 First.', 'X5.3 [Not used]', 'X5.4 Fourth:',
  '(a) limb;', '(b) limb.', 'X6 Another Part', 'X6.1 One.', 'Section H: DCC Services', 'H4 Processing Service Requests', 'H4.1 One.',
  'H4.12 Twelve.', 'Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services', '4 Testing', '4.2 Second.',
  'Schedule 8: GBCS Version 9.9', 'SECMP0045: A Modification', '{++X5.5 Inserted.++}', '{--X5.4 Deleted.--}', '',
  'Cite Section X5.9, Section X5.4(b) and Section H4.12.', 'Cite Sections X5, X6.1 and H4.1-H4.12 and Section H (DCC Services).',
  'Cite Clause 4.2 of Appendix AK and Schedule 8 Version 9.9 and Schedule 8.', 'Cite SECMP0045 and Section X5.3 and Section G2.14.',
  // Drafts: instructions that amend, insert, delete and renumber, which may meet other files' on the same units.
  'Draft Legal Text for MP101: A Change', 'Drafted against SEC version 6.19', 'Amend Section X5.1 as follows:', 'X5.1 {--First--}{++Second++}.',
  'Amend Section X5.4:', 'Fourth{++ and more++}:', 'Delete Section X5.3 and replace it with [Not used]', 'Insert a new Section X5.5 after Section X5.4:',
  'Renumber Section X5.4 as Section X5.8',
];
/**
 * What differs by design: a one-shot parse leaves the paragraphs of Section clauses out of its
 * units and appends them when first cited, so a unit's parent has another index there (units
 * are told apart by their ids, which are compared).
 */
const LEFT_OUT = ['definitions.unit.parent', 'files.references.resolution.definition.unit.parent'];

const IDS = [
  'Section X', 'Section X5', 'Section X5.1', 'Section X5.4', 'Section X5.4(a)', 'Section X5.4(b)', 'Section X5.9', 'Section X6',
  'Section X6.1', 'Section H', 'Section H4', 'Section H4.12', 'Appendix AK', 'Appendix AK 4', 'Appendix AK 4.2', 'Schedule 8',
  'Schedule 8 v9.9', 'SECMP0045', 'Section G2',
];

/** What an index says of the files, whole (see `LEFT_OUT`): resolutions, diagnostics, definitions and titles. */
function observed(index: WorkspaceIndex, uris: string[]): unknown {
  return withoutFields({
    files: uris.map((uri) => index.resolve(uri)),
    definitions: IDS.map((id) => index.definitionsOf(id)),
    titles: IDS.map((id) => index.titlesOf(id)),
  }, LEFT_OUT);
}

describe('one-shot check', () => {
  it('resolves and looks up definitions exactly as the editor index does', () => {
    const files = fc.array(fc.constantFrom(...LINES), { maxLength: 14 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(fc.tuple(files, files, files), (texts) => {
      const editor = new EditorIndex({ catalogue });
      const oneShot = new OneShotIndex({ catalogue });
      URIS.forEach((uri, i) => {
        editor.updateFile(uri, texts[i]);
        oneShot.updateFile(uri, texts[i]);
      });
      assert.deepEqual(observed(oneShot, URIS), observed(editor, URIS));
    }), { numRuns: 400 });
  });

  it('answers each load with the loaded file alone, so that loading many files stays linear', () => {
    const oneShot = new OneShotIndex({ catalogue });
    const uris = Array.from({ length: 50 }, (_, i) => `file:///f${i}.sec`);
    uris.forEach((uri, i) => assert.deepEqual(oneShot.updateFile(uri, `X5.${i + 1} Cites Section X5.${i + 2}.`), [uri]));
    // No resolution is kept, so none can be stale: each file is resolved against the files as they are now.
    assert.equal(oneShot.resolve(uris[0]).references[0].resolution.status, 'ok');
    assert.deepEqual(oneShot.removeFile(uris[1]), []);
    assert.notEqual(oneShot.resolve(uris[0]).references[0].resolution.status, 'ok');
  });
});
