import { strict as assert } from 'node:assert';
import { CATALOGUE_DATA } from '../../server/src/core/catalogue/catalogueData';
import { generateCatalogue } from '../../server/src/core/catalogue/generate';
import { catalogue, names } from './fixtures';
import { seedText } from './seedText';

describe('embedded catalogue', () => {
  it('equals the generator output for the seed (committed data is up to date)', function () {
    const generated = generateCatalogue(seedText(this));
    assert.deepEqual(JSON.parse(JSON.stringify(generated)), JSON.parse(JSON.stringify(CATALOGUE_DATA)));
  });

  it('lists every Section, Part, Schedule version and Appendix version with its title', () => {
    assert.equal(catalogue.get('Section H')?.title, 'DCC Services');
    assert.equal(catalogue.get('Section N4A')?.title, 'Further Initial Enrolment Analysis');
    assert.equal(catalogue.get('Section K6B')?.kind, 'part');
    assert.deepEqual(catalogue.versionsOf('Schedule 8'), ['1.0', '1.1', '2.0', '2.1', '3.0', '3.1', '3.2']);
    assert.deepEqual(catalogue.versionsOf('Schedule 9'), ['1.2', '2.0', '3.0', '3.1', '4.0', '4.1', '4.2']);
    assert.deepEqual(catalogue.versionsOf('Appendix AD'), ['2.0', '3.0']);
    assert.equal(catalogue.get('Appendix AM')?.title, 'SMETS1 Supporting Requirements');
    assert.equal(catalogue.get('Schedule 8')?.title, 'Great Britain Companion Specification');
    assert.equal(catalogue.entries().filter((entry) => entry.kind === 'section').length, 18);
    assert.equal(catalogue.entries().filter((entry) => entry.kind === 'document' && entry.id.startsWith('Appendix')).length, 39);
  });

  it('knows document titles and abbreviations', () => {
    const cases: Array<[string, string]> = [
      ['GBCS', 'Schedule 8'], ['SMETS1', 'Schedule 9 v1.2'], ['CHTS', 'Schedule 10'], ['TSAT', 'Schedule 11'],
      ['TS Applicability Tables', 'Schedule 11'], ['DUIS', 'Appendix AD'], ['MMC', 'Appendix AF'], ['SVTAD', 'Appendix AK'],
      ['CTSD', 'Appendix R'], ['ETAD', 'Appendix J'], ['IEDP', 'Appendix AC'],
      ['SEC Variation Testing Approach Document for SMETS1 Services', 'Appendix AK'],
    ];
    for (const [name, target] of cases) assert.equal(names.match(name, 0)?.target, target, name);
  });

  it('gives each target the Version Control entries that mention it', () => {
    const history = catalogue.history('Appendix AK').map((entry) => entry.version);
    assert.deepEqual(history, ['5.22', '6.13', '6.19']);
    const n4a = catalogue.history('Section N4A');
    assert.deepEqual(n4a.map((entry) => [entry.version, entry.date]), [['5.3', '26 January 2017']]);
    assert.match(n4a[0].changes, /designation of a new Section N4A/);
    assert.deepEqual(catalogue.history('Schedule 8 v3.2').map((entry) => entry.version), ['6.16']);
  });
});
