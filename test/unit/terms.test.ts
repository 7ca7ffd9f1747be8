// Defined terms (issue 14): the definition forms, scopes and pointers the parser reads; the
// uses the matcher finds; the diagnostics; both indexes agreeing. Fixtures written for the project.
import { strict as assert } from 'node:assert';
import { OneShotIndex } from '../../server/src/core/index/oneShotIndex';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import type { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import { isNear } from '../../server/src/core/resolve/termMatcher';
import { catalogue, parse } from './fixtures';
import { assertLinear } from './growth';

const GLOSSARY = [
  'Section A: Definitions',
  'A1 Definitions',
  'A1.1 In this Code, these expressions have these meanings:',
  'Service Request means a request for a service made by a User.',
  'Service Request Variant means a kind of Service Request.',
  'Smart Metering Inventory means the register kept by the DCC of every',
  'Record which is held.',
  'Testing Services has the meaning given to that expression in Section H14.1 (Testing Services).',
  '\u201cParty\u201d means a party to this Code.',
  'User means a Party that uses services.',
  'Smart Metering System means a set of devices installed together.',
  'Code of Connection means the rules for connecting.',
  '',
].join('\n');

const SECTION_H = [
  'Section H: DCC Services',
  'H14 Testing',
  'H14.1 The DCC shall provide Testing Services to each User (the "Test Participant"). A Party\'s Service Requests and each Smart Metering Inventory Record.',
  'H14.2 A person who wishes to accede to this Code (an Applicant) may apply under the Code of Connection.',
  'H14.3 See Section H14.1 (Testing Services) and the "Service Request" quoted.',
  '',
].join('\n');

function load(Index: typeof EditorIndex | typeof OneShotIndex, files: Record<string, string>): WorkspaceIndex {
  const index = new Index({ catalogue: null });
  for (const [uri, text] of Object.entries(files)) index.updateFile(uri, text);
  return index;
}

function usesIn(index: WorkspaceIndex, uri: string): string[] {
  const text = index.summary(uri)!.parsed.text;
  return index.resolve(uri).termUses.map((use) => `${text.slice(use.start, use.end)}=${use.term}`);
}

function problems(index: WorkspaceIndex, uri: string): string[] {
  const text = index.summary(uri)!.parsed.text;
  return index.resolve(uri).diagnostics.filter((d) => d.code !== 'broken-reference' && d.code !== 'numbering-order').map((d) => `${d.code}:${text.slice(d.start, d.end)}`);
}

describe('defined terms: definitions', () => {
  it('reads each form: table rows, quoted (straight and curly), inline, and an unquoted term in brackets', () => {
    const terms = parse(`${GLOSSARY}\n${SECTION_H}`).definitions;
    const byTerm = new Map(terms.map((term) => [term.term, term.form]));
    assert.equal(byTerm.get('Service Request'), 'table');
    assert.equal(byTerm.get('Code of Connection'), 'table');
    assert.equal(byTerm.get('Party'), 'quoted');
    assert.equal(byTerm.get('Test Participant'), 'inline');
    assert.equal(byTerm.get('Applicant'), 'parenthetical');
    assert.ok(!byTerm.has('The DCC'), 'a sentence is not a table row');
    const qualified = parse('A1.1 Terms:\nCommissioned, in relation to a Device, means installed and working.\nEnrolled in respect of a Smart Metering System means known to the DCC.\n').definitions;
    assert.deepEqual(qualified.map((term) => [term.term, term.form]), [['Commissioned', 'table'], ['Enrolled', 'table']]);
    const quoted = parse('"Alt Forum" means the forum; (the \u201cPanel\u201d) and ("Board") apply.').definitions.map((term) => term.term);
    assert.deepEqual(quoted, ['Alt Forum', 'Panel', 'Board']);
  });

  it('keeps the words a wrapped table row leaves on the next line, and the pointer of a definition given elsewhere', () => {
    const terms = parse(GLOSSARY).definitions;
    const inventory = terms.find((term) => term.term === 'Smart Metering Inventory')!;
    assert.equal(inventory.continuation?.text, 'Record');
    const testing = terms.find((term) => term.term === 'Testing Services')!;
    assert.ok(testing.pointerFrom !== undefined);
    assert.match(GLOSSARY.slice(testing.pointerFrom, testing.definitionEnd), /^\s*Section H14\.1/);
    assert.equal(terms.find((term) => term.term === 'User')!.pointerFrom, undefined);
  });

  it('scopes a definition to the unit its lead-in names, and an Appendix\'s to the Appendix', () => {
    const text = 'Section A: Definitions\nA2 Local\nA2.1 In this Part A2: "Local Thing" means a thing.\nA2.2 A Local Thing.\nA3 Other\nA3.1 A Local Thing here is not one.\n' +
      'Appendix AK: A Document\n1 Definitions\n1.1 "Doc Term" means a thing of this document.\n';
    const terms = parse(text).definitions;
    assert.equal(terms.find((term) => term.term === 'Local Thing')!.scope?.id, 'Section A2');
    assert.equal(terms.find((term) => term.term === 'Doc Term')!.scope?.id, 'Appendix AK');
    const index = load(EditorIndex, { 'file:///a.sec': text });
    const uses = index.resolve('file:///a.sec').termUses.map((use) => text.slice(0, use.start).split('\n').length);
    assert.deepEqual(uses, [4], 'used in A2.2, not in A3.1');
  });

  it('reads deleted definitions as defining nothing and inserted ones as defining', () => {
    const terms = parse('A1.1 Terms:\n{--Old Term means a thing.--}\n{++New Term means a thing.++}\n').definitions.map((term) => term.term);
    assert.deepEqual(terms, ['New Term']);
  });
});

describe('defined terms: uses', () => {
  for (const Index of [EditorIndex, OneShotIndex]) {
    it(`finds uses longest first, with plural and possessive endings, never in a citation's title, a quotation or the definition (${Index.name})`, () => {
      const index = load(Index, { 'file:///a.sec': GLOSSARY, 'file:///h.sec': SECTION_H });
      const uses = usesIn(index, 'file:///h.sec');
      assert.deepEqual(uses, [
        'Testing Services=Testing Services', 'User=User', 'Party\'s=Party', 'Service Requests=Service Request',
        'Smart Metering Inventory Record=Smart Metering Inventory Record', 'Code of Connection=Code of Connection',
      ]);
    });
  }

  it('prefers the longer term where both are defined, and reads the shorter where the longer is not written', () => {
    const index = load(EditorIndex, { 'file:///a.sec': GLOSSARY, 'file:///b.sec': 'B1.1 A Service Request Variant and a Service Request.\n' });
    assert.deepEqual(usesIn(index, 'file:///b.sec'), ['Service Request Variant=Service Request Variant', 'Service Request=Service Request']);
  });

  it('reads a wrapped term as the shorter term while the longer expression is used nowhere', () => {
    const glossary = 'A1.1 Terms:\nSmart Metering Inventory means the register of every\nRecord held.\n';
    const index = load(EditorIndex, { 'file:///a.sec': glossary, 'file:///b.sec': 'B1.1 The Smart Metering Inventory is kept.\n' });
    assert.deepEqual(usesIn(index, 'file:///b.sec'), ['Smart Metering Inventory=Smart Metering Inventory']);
    index.updateFile('file:///c.sec', 'C1.1 Each Smart Metering Inventory Record.\n');
    assert.deepEqual(usesIn(index, 'file:///c.sec'), ['Smart Metering Inventory Record=Smart Metering Inventory Record']);
    assert.deepEqual(usesIn(index, 'file:///b.sec'), [], 'the shorter reading is no longer a term');
  });

  it('matches every term against a long text in linear time', () => {
    const index = load(EditorIndex, { 'file:///a.sec': GLOSSARY });
    assertLinear((size) => 'H1.1 The Service Requests of a User under the Code of Connection and a Services Request. '.repeat(size), (text) => {
      index.updateFile('file:///b.sec', text);
      return index.resolve('file:///b.sec');
    }, 300, 'term uses');
  });
});

describe('defined terms: diagnostics', () => {
  it('warns of a term written with other capitals, and informs of a near miss, never of a shorter phrase', () => {
    const index = load(EditorIndex, {
      'file:///a.sec': GLOSSARY,
      'file:///b.sec': 'B1.1 A Service request and a Services Request and a Smart Meter System; a Request; Services are given; a service request.\n',
    });
    assert.deepEqual(problems(index, 'file:///b.sec'), ['term-case-mismatch:Service request', 'near-miss-term:Services Request', 'near-miss-term:Smart Meter System']);
    const miss = index.resolve('file:///b.sec').diagnostics.find((d) => d.code === 'near-miss-term')!;
    assert.deepEqual(miss.data, { suggestions: ['Service Request'] });
  });

  it('warns of a term defined twice in the same scope, not of a pointer beside the definition it points at', () => {
    const index = load(EditorIndex, {
      'file:///a.sec': 'A1.1 Terms:\nWidget means a thing.\nGadget has the meaning given to it in Section B1.1.\n',
      'file:///b.sec': 'B1.1 A thing (the "Gadget") and another.\n"Widget" means another thing.\n',
    });
    assert.deepEqual(problems(index, 'file:///a.sec'), ['duplicate-definition:Widget']);
    assert.deepEqual(problems(index, 'file:///b.sec'), ['duplicate-definition:Widget']);
  });

  it('hints at an unused local term, and at an unused term of the Code only when the workspace holds the whole Code', () => {
    const text = 'A1 Terms\nA1.1 Terms:\nWidget means a thing.\nA2 Local\nA2.1 In this Part A2: "Local Thing" means a thing.\n';
    const part = load(EditorIndex, { 'file:///a.sec': `Section A: Definitions\n${text}` });
    assert.deepEqual(problems(part, 'file:///a.sec'), ['unused-definition:Local Thing']);
    const whole = new EditorIndex({ catalogue });
    whole.updateFile('file:///a.sec', `Section A: Definitions\n${text}`);
    for (const letter of catalogue.sectionLetters()) if (letter !== 'A') whole.updateFile(`file:///${letter}.sec`, `Section ${letter}: A Section\n`);
    assert.deepEqual(problems(whole, 'file:///a.sec'), ['unused-definition:Widget', 'unused-definition:Local Thing']);
  });

  it('re-checks the defining file when an edit elsewhere removes the last use of its term (whole Code)', () => {
    const index = new EditorIndex({ catalogue });
    index.updateFile('file:///a.sec', 'Section A: Definitions\nA1 Terms\nA1.1 Terms:\nWidget means a thing.\n');
    for (const letter of catalogue.sectionLetters()) if (letter !== 'A') index.updateFile(`file:///${letter}.sec`, `Section ${letter}: A Section\n`);
    const user = 'B1.1 Each Widget is kept.\n';
    index.updateFile('file:///b.sec', user);
    for (const uri of index.uris()) index.resolve(uri);
    assert.deepEqual(problems(index, 'file:///a.sec'), []);
    const at = user.indexOf('Widget');
    const affected = index.updateFile('file:///b.sec', user.replace('Widget', 'Gadget'), { start: at, end: at + 6, newLength: 6 });
    assert.ok(affected.includes('file:///a.sec'), 'the defining file is named');
    assert.deepEqual(problems(index, 'file:///a.sec'), ['unused-definition:Widget']);
  });

  it('re-checks the other file of a duplicate definition when the definition moves (its message says where)', () => {
    const index = load(EditorIndex, { 'file:///c.sec': '"Party" means a party.', 'file:///a.sec': '"Party" means a party.' });
    for (const uri of index.uris()) index.resolve(uri);
    const affected = index.updateFile('file:///a.sec', 'Section X: Transition\n"Party" means a party.');
    assert.ok(affected.includes('file:///c.sec'), 'the other definer is named');
    assert.match(index.resolve('file:///c.sec').diagnostics.find((d) => d.code === 'duplicate-definition')!.message, /a\.sec line 2/);
  });

  it('checks a pointer as a reference: a pointer to nothing is broken', () => {
    const index = load(EditorIndex, { 'file:///a.sec': 'Section A: Definitions\nA1 Terms\nA1.1 Terms:\nGadget has the meaning given to it in Section A1.9.\n' });
    const broken = index.resolve('file:///a.sec').diagnostics.find((d) => d.code === 'broken-reference');
    assert.ok(broken, 'the pointer is checked');
  });

  it('compares a near miss by one word: one letter or one inflection', () => {
    assert.ok(isNear(['services', 'request'], ['Service', 'Request']));
    assert.ok(isNear(['smart', 'meter', 'system'], ['Smart', 'Metering', 'System']));
    assert.ok(!isNear(['service', 'desk'], ['Service', 'Request']));
    assert.ok(isNear(['other', 'user'], ['Other', 'Users']));
    assert.ok(!isNear(['big', 'user'], ['Bog', 'User']), 'words under four letters are not compared');
  });
});

describe('defined terms: both indexes', () => {
  it('give the same uses and diagnostics', () => {
    const files = { 'file:///a.sec': GLOSSARY, 'file:///h.sec': SECTION_H, 'file:///b.sec': 'B1.1 A Service request and a Services Request.\n' };
    const one = load(OneShotIndex, files);
    const editor = load(EditorIndex, files);
    for (const uri of Object.keys(files)) {
      assert.deepEqual(usesIn(one, uri), usesIn(editor, uri), uri);
      assert.deepEqual(problems(one, uri), problems(editor, uri), uri);
    }
  });
});
