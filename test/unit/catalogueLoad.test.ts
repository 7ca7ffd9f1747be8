// A catalogue the user loads from a newer Contents page: read by the embedded catalogue's own
// generator, merged from a folder, and never a reason to lose the embedded one.
import { strict as assert } from 'node:assert';
import { Catalogue } from '../../server/src/core/catalogue/catalogue';
import { configuredCatalogue, loadCatalogue, readCatalogueFile } from '../../server/src/core/catalogue/load';
import { defaultConfig } from '../../server/src/core/config/config';
import { catalogue as embedded, statuses, workspace } from './fixtures';
import { EditorIndex } from '../../server/src/core/index/editorIndex';

/** A Contents page in the seed's layout, written for these tests (the units after H15 and AM are invented). */
export const NEWER_CONTENTS = [
  ' Version Control',
  '',
  'Version',
  'Number',
  '',
  'Implementation Date Reason for Change Overview of Modifications incorporated',
  '',
  '7.0 2 March 2026 Modifications to SEC version 6.19 as',
  'directed by the Panel',
  '',
  'Designation of Section H16 and of Appendix AN; MP201',
  'and MP122A',
  '',
  'CONTENTS',
  '',
  'Section H: DCC Services',
  '',
  'H1 User Entry Process',
  '',
  'H16 Further Services Offered by the DCC',
  '',
  'Appendix AN: Example Onboarding Procedures',
  '',
].join('\n');

describe('loaded catalogue', () => {
  it('reads a Contents page with its Version Control row: entries, version, date, modifications', () => {
    const { data, problem } = readCatalogueFile({ name: 'contents.txt', text: NEWER_CONTENTS });
    assert.equal(problem, undefined);
    const catalogue = new Catalogue(data!);
    assert.equal(catalogue.get('Section H16')?.title, 'Further Services Offered by the DCC');
    assert.equal(catalogue.get('Appendix AN')?.kind, 'document');
    assert.deepEqual([catalogue.version, catalogue.date], ['7.0', '2 March 2026']);
    assert.ok(catalogue.namesModification('MP201') && catalogue.namesModification('MP122A'));
    assert.deepEqual(catalogue.history('Section H16').map((row) => row.version), ['7.0']);
  });

  it('reads a Contents page copied without its headings, and says so when a file has no Contents line', () => {
    const bare = readCatalogueFile({ name: 'bare.txt', text: 'Section H: DCC Services\n\nH16 Further Services\n' });
    assert.equal(new Catalogue(bare.data!).get('Section H16')?.title, 'Further Services');
    assert.equal(bare.data!.version, '');
    const none = readCatalogueFile({ name: 'notes.txt', text: 'Nothing here is a contents line.\n' });
    assert.equal(none.data, null);
    assert.deepEqual([none.problem?.file, none.problem?.line], ['notes.txt', 1]);
    assert.match(none.problem!.message, /no Contents line found/);
  });

  it('loads the JSON that `catalogue build` writes as the same catalogue, and points at a JSON error\'s line', () => {
    const { data } = readCatalogueFile({ name: 'contents.txt', text: NEWER_CONTENTS });
    const again = readCatalogueFile({ name: 'catalogue.json', text: JSON.stringify(data, null, 1) });
    assert.deepEqual(again.data, data);
    const broken = readCatalogueFile({ name: 'catalogue.json', text: '{\n "entries": [\n  oops\n ]\n}\n' });
    assert.equal(broken.data, null);
    assert.equal(broken.problem?.line, 3);
    const wrongShape = readCatalogueFile({ name: 'catalogue.json', text: '{ "entries": 3 }' });
    assert.match(wrongShape.problem!.message, /needs "entries", "names" and "history"/);
  });

  it('merges a folder of files, the latest version being the catalogue\'s', () => {
    const older = { name: 'a.txt', text: ' Version Control\n\n6.20 1 May 2020 Reason\n\nCONTENTS\n\nSection X: Transition\n\nX9 Later Provisions\n' };
    const { data, problems } = loadCatalogue([older, { name: 'b.txt', text: NEWER_CONTENTS }], 'folder');
    assert.deepEqual(problems, []);
    const catalogue = new Catalogue(data!);
    assert.ok(catalogue.get('Section X9') && catalogue.get('Section H16'));
    assert.deepEqual([catalogue.version, catalogue.history('Section H16').map((row) => row.version)], ['7.0', ['7.0']]);
  });

  it('reports an unreadable catalogue on the "catalogue" setting, naming file and line, and keeps the embedded one', () => {
    const configText = '{\n  "catalogue": "contents.txt"\n}\n';
    const missing = configuredCatalogue(configText, 'contents.txt', { files: [], error: 'no such file or folder' }, embedded);
    assert.equal(missing.catalogue, embedded);
    assert.equal(missing.problems.length, 1);
    assert.equal(configText.slice(missing.problems[0].start, missing.problems[0].end), '"catalogue"');
    assert.match(missing.problems[0].message, /Catalogue "contents.txt", line 1: no such file or folder; using the SEC catalogue \(SEC version 6\.19/);
    const loaded = configuredCatalogue(configText, 'contents.txt', { files: [{ name: 'contents.txt', text: NEWER_CONTENTS }] }, embedded);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.catalogue.version, '7.0');
    // A page listing only what is new leaves the rest of the embedded catalogue known.
    assert.ok(loaded.catalogue.get('Section H16') && loaded.catalogue.get('Section G2') && loaded.catalogue.namesModification('SECMP0045'));
    assert.equal(loaded.catalogue.get('Section H1')?.title, 'User Entry Process');
    const unversioned = configuredCatalogue(configText, 'new.txt', { files: [{ name: 'new.txt', text: 'Section H: DCC Services\n\nH16 More\n' }] }, embedded);
    assert.equal(unversioned.catalogue.describe(), 'the SEC catalogue (new.txt)', 'no version is claimed for a page without Version Control');
  });

  it('changes what resolves when the index is given the newer catalogue', () => {
    const text = 'See Section H16, Appendix AN and MP201.\n';
    const index = workspace({ 'file:///d.sec': text });
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section H16': 'unverified', 'Appendix AN': 'unverified', MP201: 'unverified' });
    const newer = new Catalogue(readCatalogueFile({ name: 'contents.txt', text: NEWER_CONTENTS }).data!);
    (index as EditorIndex).setConfig(defaultConfig(), undefined, newer);
    assert.deepEqual(statuses(index, 'file:///d.sec'), { 'Section H16': 'ok', 'Appendix AN': 'ok', MP201: 'ok' });
    assert.deepEqual(index.resolve('file:///d.sec').diagnostics, []);
  });
});
