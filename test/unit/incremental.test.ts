// The incremental index must always equal a full rebuild (Marksman's "paranoid" check),
// whatever sequence of edits, creations and deletions reaches it.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { applyStep, edits } from './editSteps';
import { catalogue, snapshot } from './fixtures';

const URIS = ['file:///a.sec', 'file:///b.sec', 'file:///c.sec'];
const LINES = [
  'Section X: Transition', 'X5 Incorporation of Certain Documents into this Code', 'X5.1 First.', 'X5.2 See Section X5.4.',
  'X5.3 [Not used]', 'X5.4 Fourth:', '(a) limb;', '(b) limb.', 'X5.9 Ninth.', 'Section H: DCC Services', 'H4 Processing Service Requests',
  'H4.1 One.', 'H4.12 Twelve.', 'Cite Section X5.9 and Section H4.12.', 'Cite Sections X5.1, X5.3 and X5.4(b).', 'Cite H4.1-H4.12.',
  'Cite Section H3 (DCC User Gateway).', 'Cite Section G2.14.', 'Appendix AK: SEC Variation Testing Approach Document for SMETS1 Services',
  '4 Testing', '4.2 Second.', 'Cite Clause 4.2 of Appendix AK.', '{++X5.5 Inserted.++}', '{--X5.4 Deleted.--}', 'Schedule 8: GBCS Version 9.9',
  'Cite Schedule 8 Version 9.9.', '',
  // Drafts: instructions that amend, insert, delete and renumber, which may meet other files' on the same units.
  'Draft Legal Text for MP101: A Change', 'Drafted against SEC version 6.19', 'Amend Section X5.1 as follows:', 'X5.1 {--First--}{++Second++}.',
  'Amend Section X5.4:', 'Fourth{++ and more++}:', 'Delete Section X5.3 and replace it with [Not used]', 'Insert a new Section X5.5 after Section X5.4:',
  'Renumber Section X5.4 as Section X5.8',
  // Defined terms: table rows (one wrapping), quoted, local, a pointer; uses, a near miss, a case mismatch.
  'A1.1 In this Code:', 'Service Request means a request.', 'Service Request Variant means a kind of request.', 'Smart Metering Inventory means the register of every',
  'Record held.', '"Party" means a party.', 'Testing Services has the meaning given to that expression in Section X5.4.', 'X5.6 In this Part X5: "Local Thing" means a thing.',
  'A Party\'s Service Requests and a Service Request Variant.', 'Each Smart Metering Inventory Record and Testing Services.', 'A Services Request; a Service request; a Local Thing.',
];

// Typing: small changes inside existing text, which the index re-parses in place when it can,
// told where the edit is (as the server tells it) or not.
const edit = edits({
  uris: URIS, lines: LINES, maxLines: 12, prepare: true,
  inserted: ['', '1', '4', '9', 'A', 'x', ' ', '.', '\n', 'Section X5.4 ', ' and H4.12', '\nSee Section X5.4.', 's', 'Request'],
});

const CITED = ['Section X5', 'Section X5.4', 'Section X5.4(b)', 'Section X5.9', 'Section H4.12', 'Section H3', 'Appendix AK 4.2', 'Schedule 8 v9.9'];

describe('incremental workspace index', () => {
  it('equals a full rebuild after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (steps) => {
        const incremental = new EditorIndex({ catalogue });
        const contents = new Map<string, string>();
        for (const step of steps) {
          applyStep(incremental, contents, step);
          // Resolve between edits so stale cached resolutions would show.
          for (const uri of incremental.uris()) incremental.resolve(uri);
        }
        const rebuilt = new EditorIndex({ catalogue });
        for (const [uri, text] of [...contents].sort()) rebuilt.updateFile(uri, text);
        assert.deepEqual(snapshot(incremental), snapshot(rebuilt));
        for (const id of CITED) assert.deepEqual(incremental.citersOf(id).sort(), rebuilt.citersOf(id).sort(), `citers of ${id}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same citers before and after the dependencies of every file are worked out, across edits', () => {
    const index = new EditorIndex({ catalogue });
    index.updateFile('file:///a.sec', 'Cite Section X5.9.');
    index.updateFile('file:///b.sec', 'Cite Section H4.12.');
    index.updateFile('file:///c.sec', 'Cite Section X5.9 and Section H4.12.');
    for (const uri of index.uris()) index.resolve(uri);
    const citers = () => ['Section H3', 'Section X5', 'Section X5.9', 'Section H4.12', 'Section H'].map((id) => index.citersOf(id).sort());
    const before = [[], ['file:///a.sec', 'file:///c.sec'], ['file:///a.sec', 'file:///c.sec'], ['file:///b.sec', 'file:///c.sec'], ['file:///b.sec', 'file:///c.sec']];
    assert.deepEqual(citers(), before, 'read from the files');
    index.prepareIncremental();
    assert.deepEqual(citers(), before, 'from the dependency sets');
    index.updateFile('file:///a.sec', 'Cite Section H3.'); // a new summary, its set not yet worked out
    index.removeFile('file:///b.sec');
    index.updateFile('file:///d.sec', 'Cite H4.1-H4.12.');
    assert.deepEqual(citers(), [['file:///a.sec'], ['file:///c.sec'], ['file:///c.sec'], ['file:///c.sec', 'file:///d.sec'], ['file:///a.sec', 'file:///c.sec', 'file:///d.sec']]);
  });

  it('changes nothing when a file is updated with the text it has (an editor opening it)', () => {
    const index = new EditorIndex({ catalogue });
    const text = 'Section X: Transition\nX5 Incorporation\nX5.1 One.\nSee Section X5.9.\n';
    index.updateFile('file:///x.sec', text);
    const resolution = index.resolve('file:///x.sec');
    const parsed = index.summary('file:///x.sec')!.parsed;
    assert.deepEqual(index.updateFile('file:///x.sec', `${text}`), []);
    assert.equal(index.summary('file:///x.sec')!.parsed, parsed, 'not parsed again');
    assert.equal(index.resolve('file:///x.sec'), resolution, 'not resolved again');
  });

  it('re-resolves only the files that cite what changed', () => {
    const index = new EditorIndex({ catalogue });
    index.updateFile('file:///x.sec', 'Section X: Transition\nX5 Incorporation\nX5.1 One.\nX5.4 Four.\n');
    index.updateFile('file:///cites-x.sec', 'See Section X5.4.\n');
    index.updateFile('file:///cites-h.sec', 'See Section H4.2.\n');
    for (const uri of index.uris()) index.resolve(uri); // as an editor does when it publishes
    const affected = index.updateFile('file:///x.sec', 'Section X: Transition\nX5 Incorporation\nX5.1 One.\n');
    assert.deepEqual(affected.sort(), ['file:///cites-x.sec', 'file:///x.sec']);
    assert.equal(index.resolve('file:///cites-x.sec').diagnostics[0]?.code, 'broken-reference');
    // An edit that changes no definition re-resolves the edited file alone.
    assert.deepEqual(index.updateFile('file:///x.sec', 'Section X: Transition\nX5 Incorporation\nX5.1 One, reworded.\n'), ['file:///x.sec']);
  });
});

describe('incremental workspace index: what an edit re-checks', () => {
  it('re-checks every file whose diagnostics or term uses change, as an editor publishing only those would show', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 16 }), (steps) => {
        const index = new EditorIndex({ catalogue });
        const contents = new Map<string, string>();
        // What an editor shows: each file as last published, when the index named it as affected.
        const published = new Map<string, unknown>();
        const publish = (uris: readonly string[]) => {
          for (const uri of uris) published.set(uri, fileSnapshot(index, uri));
        };
        for (const step of steps) {
          if (step.kind === 'remove') published.delete(step.uri);
          publish(applyStep(index, contents, step));
        }
        const rebuilt = new EditorIndex({ catalogue });
        for (const [uri, text] of [...contents].sort()) rebuilt.updateFile(uri, text);
        for (const uri of [...contents.keys()].sort()) assert.deepEqual(published.get(uri), fileSnapshot(rebuilt, uri), uri);
      }),
      { numRuns: 600 },
    );
  });
});

function fileSnapshot(index: EditorIndex, uri: string): unknown {
  const result = index.resolve(uri);
  return {
    diagnostics: result.diagnostics.map((d) => [d.start, d.end, d.code, d.message]),
    termUses: result.termUses.map((use) => [use.start, use.end, use.term]),
  };
}
