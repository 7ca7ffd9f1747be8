// The term index kept across edits: equal to a fresh one whatever the edits (uses, term
// diagnostics, the glossary), and settled once, not again at every question (a hover asks the
// glossary two or three times).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import { summarize } from '../../server/src/core/index/summary';
import type { FileSummary } from '../../server/src/core/index/summary';
import { TermIndex } from '../../server/src/core/index/termIndex';
import { applyStep, edits } from './editSteps';
import { catalogue, parse } from './fixtures';

const URIS = ['file:///a.sec', 'file:///b.sec', 'file:///c.sec'];
const LINES = [
  'Section A: Definitions', 'A1 Definitions', 'A1.1 In this Code:', 'Service Request means a request to the DCC.', '"Party" means a party.',
  'Smart Metering Inventory   means the inventory', 'Record                     kept by the DCC.', 'Section H: DCC Services', 'H14 Testing',
  'H14.1 In this Section H14:', '"Test Device" means a device.', 'H14.2 Each Party sends Service Requests with a Test Device.',
  'The Smart Metering Inventory Record is kept.', "A Servce Request, Service requests and the Party's and Parties' rights.",
  'Users of the DCC (each a "User").', 'Each User shall use the DCC User Interface.', '',
];

const edit = edits({
  uris: URIS, lines: LINES, maxLines: 10,
  inserted: ['', 'S', 's', ' ', '\n', '"', 'Request', ' Record', '\n"Data Item" means an item.\n'],
});

/** What the term features see of every file, and the glossary. */
function termSnapshot(index: EditorIndex): unknown {
  const files = index.uris().sort().map((uri) => {
    const resolution = index.resolve(uri);
    return {
      uri,
      uses: resolution.termUses.map((use) => [use.start, use.end, use.term]),
      diagnostics: resolution.diagnostics.map((d) => [d.start, d.end, d.code, d.message]),
    };
  });
  const glossary = [...index.glossary().entries.values()].filter((entry) => entry.defined).map((entry) => [entry.term, entry.definitions.length]).sort();
  return { files, glossary };
}

describe('term index', () => {
  it('equals a fresh index after any sequence of edits, asked between them', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), (steps) => {
        const incremental = new EditorIndex({ catalogue });
        const contents = new Map<string, string>();
        for (const step of steps) {
          applyStep(incremental, contents, step);
          termSnapshot(incremental);
        }
        const fresh = new EditorIndex({ catalogue });
        for (const [uri, text] of [...contents].sort()) fresh.updateFile(uri, text);
        assert.deepEqual(termSnapshot(incremental), termSnapshot(fresh));
      }),
      { numRuns: 400 },
    );
  });

  it('settles once, and again only when a file or the glossary has changed', () => {
    const files = new Map<string, FileSummary>();
    const put = (uri: string, text: string) => files.set(uri, summarize(uri, parse(text)));
    put('file:///a.sec', '"Service Request" means a request.\n');
    put('file:///b.sec', 'Users send Service Requests.\n');
    let asked = 0;
    const terms = new TermIndex({ files, isDraft: () => false, defines: () => false, sectionLetters: () => (asked++, ['A']), incremental: true });
    assert.deepEqual(terms.usesOf('file:///b.sec').map((use) => use.term), ['Service Request']);
    const settled = asked;
    for (let i = 0; i < 100; i++) terms.glossary();
    assert.equal(asked, settled, 'nothing worked out again');
    put('file:///c.sec', 'A Service Request.\n');
    assert.deepEqual(terms.usesOf('file:///c.sec').map((use) => use.term), ['Service Request'], 'a new file is matched');
    assert.ok(asked > settled);
    const before = asked;
    put('file:///a.sec', '"Service Order" means a request.\n');
    terms.fileChanged('file:///a.sec', parse('"Service Request" means a request.\n').definitions, files.get('file:///a.sec')!.parsed.definitions);
    assert.deepEqual(terms.usesOf('file:///c.sec'), [], 'a definition changed: settled again');
    assert.ok(asked > before);
  });
});
