// The defined-term features on an in-memory workspace (no LSP connection): hover, go to
// definition, find all references, rename, completion, outline, semantic tokens, quick fixes.
import { strict as assert } from 'node:assert';
import type { CompletionItem, DocumentSymbol, Location, LocationLink, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../../server/src/core/index/editorIndex';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { codeActions } from '../../server/src/features/codeActions';
import { completion } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { hover } from '../../server/src/features/hover';
import { references } from '../../server/src/features/references';
import { prepareRename, RefusedEdit, rename } from '../../server/src/features/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { inflectLike, rewriteUse } from '../../server/src/features/terms';
import { definitionsFile, workspace } from './fixtures';

const A = definitionsFile([
  'Service Request means a communication to the DCC requesting a',
  '  service under this Code.',
  'Smart Metering Inventory   means the inventory of devices',
  'Record                     kept by the DCC.',
  'DCC User Interface   has the meaning given to that expression in Section H3.1.',
  '"Party" means a party to this Code.',
]);

const H = [
  'Section H: DCC Services',
  '',
  'H3 DCC Interfaces',
  '',
  'H3.1 The DCC shall maintain an interface for Users (the "DCC User Interface").',
  '',
  'H14 Testing',
  '',
  'H14.1 In this Section H14:',
  '"Test Device" means a device used for testing.',
  '',
  "H14.2 Each Party shall send Service Requests with a Test Device, the Party's Service",
  'Request and the Smart Metering Inventory Record over the DCC User Interface.',
  "H14.3 Parties' Service Requests. Service requests. A Servce Request.",
  '',
].join('\n');

const X = [
  'Section X: Transition',
  '',
  'X1 General',
  '',
  'X1.1 In this Section X1:',
  '"Transition Date" means the date the Code takes effect.',
  '',
  'X1.2 On the Transition Date a Test Device is nothing special.',
  '',
].join('\n');

const FILES: Record<string, string> = { 'file:///a.sec': A, 'file:///h.sec': H, 'file:///x.sec': X };
const at = (text: string, needle: string, delta = 1): number => {
  const found = text.indexOf(needle);
  assert.ok(found >= 0, `"${needle}" is in the text`);
  return found + delta;
};
const hoverText = (index: EditorIndex, uri: string, offset: number): string => {
  const shown = hover(index, uri, offset);
  assert.ok(shown, 'a hover');
  return (shown.contents as { value: string }).value;
};
/** The text of each range, from the files. */
const textOf = (files: Record<string, string>, uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string => {
  const lines = new LineIndex(files[uri]);
  return files[uri].slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
};

function apply(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  for (const [uri, edits] of Object.entries(edit.changes ?? {}) as Array<[string, TextEdit[]]>) {
    const lines = new LineIndex(result[uri]);
    const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
    let text = result[uri];
    for (const e of offsets) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    result[uri] = text;
  }
  return result;
}

/** Semantic tokens decoded: [text, line, modifiers]. */
function decoded(text: string, data: number[]): Array<[string, number, number]> {
  const lines = new LineIndex(text);
  const tokens: Array<[string, number, number]> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    assert.equal(type, 0, 'the only token type, definedTerm');
    const start = lines.offsetAt({ line, character });
    tokens.push([text.slice(start, start + length), line, modifiers]);
  }
  return tokens;
}

describe('defined terms in the editor', () => {
  describe('hover', () => {
    it('shows the term, its definition, where it is defined (file, line, clause) and where it applies, over the use as written', () => {
      const index = workspace(FILES);
      const shown = hover(index, 'file:///h.sec', at(H, 'Service Requests with', 3))!;
      const value = (shown.contents as { value: string }).value;
      assert.match(value, /^\*\*Service Request\*\* — defined term/);
      assert.match(value, /> Service Request means a communication to the DCC requesting a {2}\n> service under this Code\./);
      assert.match(value, /Defined in a\.sec, line 7 · Section A1\.1/);
      assert.match(value, /Applies throughout the Code\./);
      assert.equal(textOf(FILES, 'file:///h.sec', shown.range!), 'Service Requests');
    });

    it('follows a pointer definition to the clause that gives the meaning and shows its text, and lists the other definitions', () => {
      const value = hoverText(workspace(FILES), 'file:///h.sec', at(H, 'DCC User Interface.'));
      assert.match(value, /has the meaning given to that expression in Section H3\.1/);
      assert.match(value, /Its meaning is given in \*\*Section H3\.1\*\* \(h\.sec, line 5\):\n\n> H3\.1 The DCC shall maintain an interface for Users/);
      assert.match(value, /Also defined in:\n- h\.sec, line 5 \(the whole Code\)/);
    });

    it('says when the clause a pointer names is not in the workspace', () => {
      const files = { 'file:///a.sec': 'Section A: Definitions\n\nA1 Definitions\n\nA1.1 In this Code:\nAlert Service   has the meaning given to that expression in Section H99.1.\n\nA1.2 An Alert Service applies.\n' };
      const value = hoverText(workspace(files), 'file:///a.sec', at(files['file:///a.sec'], 'Alert Service applies'));
      assert.match(value, /Its meaning is given in \*\*Section H99\.1\*\*.*, (which does not exist|whose text is not in the workspace)\./);
    });

    it('gives a local term its scope, a wrapped term its two lines, and a definition itself the same hover', () => {
      const index = workspace(FILES);
      assert.match(hoverText(index, 'file:///h.sec', at(H, 'Test Device,')), /Applies in \*\*Section H14\*\* only\./);
      const wrapped = hoverText(index, 'file:///h.sec', at(H, 'Inventory Record'));
      assert.match(wrapped, /^\*\*Smart Metering Inventory Record\*\*/);
      assert.match(wrapped, /> Smart Metering Inventory {3}means the inventory of devices {2}\n> Record {21}kept by the DCC\./);
      const own = hoverText(index, 'file:///a.sec', at(A, 'Record  '));
      assert.match(own, /^\*\*Smart Metering Inventory Record\*\* — defined term, defined here/);
    });

    it('answers from the file\'s own uses and definitions, never looking through the workspace', () => {
      const index = workspace(FILES);
      index.resolve('file:///h.sec');
      index.usesOfTerm = () => {
        throw new Error('a hover scanned the workspace');
      };
      assert.match(hoverText(index, 'file:///h.sec', at(H, "Party's")), /\*\*Party\*\*/);
      assert.equal(hover(index, 'file:///h.sec', at(H, 'shall send')), null, 'nothing over ordinary words');
    });

    it('still hovers references as references', () => {
      assert.match(hoverText(workspace(FILES), 'file:///a.sec', at(A, 'Section H3.1', 9)), /^\*\*Section H3\.1\*\*/);
    });
  });

  describe('go to definition and find all references', () => {
    it('goes from a use to the definition that applies there, the term selected', () => {
      const index = workspace(FILES);
      const links = definition(index, 'file:///h.sec', at(H, 'Test Device,')) as LocationLink[];
      assert.deepEqual(links.map((link) => [link.targetUri, textOf(FILES, link.targetUri, link.targetSelectionRange)]), [['file:///h.sec', 'Test Device']]);
      assert.equal(textOf(FILES, 'file:///h.sec', links[0].originSelectionRange!), 'Test Device');
      const service = definition(index, 'file:///h.sec', at(H, "Service\nRequest and")) as LocationLink[];
      assert.deepEqual(service.map((link) => [link.targetUri, link.targetSelectionRange.start.line]), [['file:///a.sec', 6]]);
      assert.match(textOf(FILES, 'file:///a.sec', service[0].targetRange), /^Service Request means .*\n {2}service under this Code\.$/);
    });

    it('finds every use in the workspace, from a use or from the definition, the definition too when asked', () => {
      const index = workspace(FILES);
      const texts = (locations: Location[]) => locations.map((location) => `${location.uri.slice(8)}:${textOf(FILES, location.uri, location.range)}`);
      const fromUse = references(index, 'file:///h.sec', at(H, 'Service Requests.'), false);
      assert.deepEqual(texts(fromUse), ['h.sec:Service Requests', 'h.sec:Service\nRequest', 'h.sec:Service Requests']);
      const fromDefinition = references(index, 'file:///a.sec', at(A, 'Service Request means'), true);
      assert.deepEqual(texts(fromDefinition), ['a.sec:Service Request', ...texts(fromUse)]);
      const party = references(index, 'file:///a.sec', at(A, 'Party"'), false);
      assert.deepEqual(texts(party), ['h.sec:Party', "h.sec:Party's", "h.sec:Parties'"]);
    });

    it('counts a local term\'s words elsewhere as no use of it', () => {
      const index = workspace(FILES);
      const uses = references(index, 'file:///h.sec', at(H, 'Test Device" means'), false);
      assert.deepEqual(uses.map((location) => location.uri), ['file:///h.sec'], 'not the words "Test Device" in Section X');
    });
  });

  describe('rename', () => {
    it('renames the definition and every use, keeping plurals, possessives and line breaks', () => {
      const index = workspace(FILES);
      assert.deepEqual(prepareRename(index, 'file:///h.sec', at(H, 'Service Requests with')).placeholder, 'Service Request');
      const renamed = apply(FILES, rename(index, 'file:///h.sec', at(H, 'Service Requests with'), 'Service Order'));
      assert.match(renamed['file:///a.sec'], /^Service Order means a communication/m);
      assert.match(renamed['file:///h.sec'], /send Service Orders with a Test Device, the Party's Service\nOrder and the Smart/);
      assert.match(renamed['file:///h.sec'], /Parties' Service Orders\. Service requests\./, 'a case mismatch is no use: left as written');
      const party = apply(FILES, rename(index, 'file:///a.sec', at(A, 'Party"'), 'Member'));
      assert.match(party['file:///a.sec'], /"Member" means a party/);
      assert.match(party['file:///h.sec'], /Each Member shall send .* the Member's Service\n.*\nH14\.3 Members' Service/);
    });

    it('renames a wrapped term on its two lines, and a term used across files from its definition', () => {
      const index = workspace(FILES);
      const renamed = apply(FILES, rename(index, 'file:///a.sec', at(A, 'Smart Metering'), 'Device Inventory'));
      assert.match(renamed['file:///a.sec'], /\nDevice Inventory {3}means the inventory of devices\n {21}kept by the DCC\./);
      assert.match(renamed['file:///h.sec'], /and the Device Inventory over the DCC User Interface/);
      const fresh = workspace(renamed);
      assert.deepEqual(references(fresh, 'file:///h.sec', at(renamed['file:///h.sec'], 'Device Inventory'), true).length, 2, 'the renamed term is defined and used');
    });

    it('refuses a name another term has (or would have as a plural), and names that are no term', () => {
      const index = workspace(FILES);
      const refused = (name: string, message: RegExp) => assert.throws(() => rename(index, 'file:///h.sec', at(H, 'Test Device,'), name), (error: Error) => error instanceof RefusedEdit && message.test(error.message));
      refused('Party', /"Party" is the defined term "Party" \(defined in a\.sec line 12\): choose another name for "Test Device"/);
      refused('Parties', /"Parties" would be read as a form of the defined term "Party"/);
      refused('Service requests', /"requests" is in lower case/);
      refused('service device', /must start with a capital letter/);
      refused('The Device', /never starts with "The"/);
      refused('Device of', /ends with "of"/);
      refused('Test, Device', /only letters, digits/);
      refused('DCC USER INTERFACE', /differs only in capitals from the defined term "DCC User Interface"/);
      assert.deepEqual(rename(index, 'file:///h.sec', at(H, 'Test Device,'), 'Test Device'), { changes: {} });
      assert.throws(() => prepareRename(index, 'file:///h.sec', at(H, 'shall send')), /Place the cursor on a clause or Part number, a reference to one, or a defined term/);
    });

    it('keeps an ending as written, or makes the new word\'s plural', () => {
      assert.equal(inflectLike('Requests', 'Request', 'Order'), 'Orders');
      assert.equal(inflectLike('Parties', 'Party', 'Member'), 'Members');
      assert.equal(inflectLike("Parties'", 'Party', 'Company'), "Companies'");
      assert.equal(inflectLike('Party\u2019s', 'Party', 'Business'), 'Business\u2019s');
      assert.equal(inflectLike('Users', 'User', 'Business'), 'Businesses');
      assert.equal(inflectLike('requests', 'Request', 'Request'), 'Requests');
      assert.equal(rewriteUse('service  requests', 'Service Request', 'Service Request'), 'Service  Requests');
      assert.equal(rewriteUse('Service\r\nRequest', 'Service Request', 'Data Order'), 'Data\r\nOrder');
      assert.equal(rewriteUse('Service Requests', 'Service Request', 'Order'), 'Orders');
    });
  });

  describe('completion', () => {
    const complete = (files: Record<string, string>, uri: string, offset: number): CompletionItem[] => completion(workspace(files), uri, offset)?.items ?? [];

    it('offers the terms in force after a capital letter in prose, local ones first, each with its definition\'s first line', () => {
      const text = `${H.slice(0, H.indexOf('H14.3'))}H14.3 Each T`;
      const items = complete({ ...FILES, 'file:///h.sec': text }, 'file:///h.sec', text.length);
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.deepEqual(sorted.map((item) => item.label), ['Test Device']);
      assert.equal(sorted[0].detail, '"Test Device" means a device used for testing.');
      const s = `${text.slice(0, -1)}S`;
      assert.deepEqual(complete({ ...FILES, 'file:///h.sec': s }, 'file:///h.sec', s.length).map((item) => item.label).sort(), ['Service Request', 'Smart Metering Inventory Record']);
      const x = `${X}X1.3 The T`;
      const inX = complete({ ...FILES, 'file:///x.sec': x }, 'file:///x.sec', x.length);
      assert.deepEqual(inX.map((item) => [item.label, item.sortText![0], item.labelDetails?.description]), [['Transition Date', '0', 'defined for Section X1']], 'not Section H14\'s Test Device');
    });

    it('ranks a local term before the Code\'s own', () => {
      const text = `${X}X1.3 The D`;
      const local = '\nX1.4 In this Section X1:\n"Data Point" means a point.\n';
      const items = complete({ ...FILES, 'file:///x.sec': text.replace('X1.3', `${local.trim()}\n\nX1.3`) }, 'file:///x.sec', text.length + local.trim().length + 2);
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.deepEqual(sorted.map((item) => item.label), ['Data Point', 'DCC User Interface']);
    });

    it('completes a term from its first words, replacing what was typed', () => {
      const text = `${X}X1.3 Each Service Re`;
      const items = complete({ ...FILES, 'file:///x.sec': text }, 'file:///x.sec', text.length);
      assert.deepEqual(items.map((item) => item.label), ['Service Request']);
      const edit = items[0].textEdit as TextEdit;
      assert.equal(textOf({ x: text }, 'x', edit.range), 'Service Re');
    });

    it('leaves reference completion as it was', () => {
      const section = `${X}X1.3 See Section H`;
      const labels = complete({ ...FILES, 'file:///x.sec': section }, 'file:///x.sec', section.length).map((item) => item.label);
      assert.ok(labels.includes('H14') && labels.includes('H3') && !labels.includes('Service Request'), labels.join(', '));
      const clause = `${X}X1.3 See Section H14.`;
      assert.deepEqual(complete({ ...FILES, 'file:///x.sec': clause }, 'file:///x.sec', clause.length).map((item) => item.label).filter((label) => label.startsWith('H14.')).slice(0, 3), ['H14.1', 'H14.2', 'H14.3']);
      assert.equal(completion(workspace(FILES), 'file:///x.sec', at(X, 'the date') + 3), null, 'nothing after a lower-case word');
    });
  });

  describe('outline', () => {
    it('lists each definition under the unit that holds it', () => {
      const index = workspace(FILES);
      const [section] = documentSymbols(index.summary('file:///a.sec')!, index.glossary());
      const a11 = section.children![0].children![0];
      assert.equal(a11.name, 'A1.1');
      assert.deepEqual(a11.children!.map((symbol) => symbol.name), ['Service Request', 'Smart Metering Inventory Record', 'DCC User Interface', 'Party']);
      const [h] = documentSymbols(index.summary('file:///h.sec')!, index.glossary());
      const find = (symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined =>
        symbols.find((symbol) => symbol.name === name) ?? symbols.map((symbol) => find(symbol.children ?? [], name)).find(Boolean);
      assert.deepEqual(find([h], 'H14.1')!.children!.map((symbol) => [symbol.name, symbol.detail]), [['Test Device', 'defined term, for Section H14']]);
      assert.equal(find([h], 'H3.1')!.children![0].name, 'DCC User Interface');
      assert.equal(documentSymbols(index.summary('file:///a.sec')!)[0].children![0].children![0].children!.length, 0, 'without the glossary, units only');
    });
  });

  describe('semantic tokens', () => {
    it('marks each use, and each definition as a declaration, a wrapped use once per line', () => {
      const index = workspace(FILES);
      assert.deepEqual(SEMANTIC_TOKENS_LEGEND, { tokenTypes: ['definedTerm'], tokenModifiers: ['declaration'] });
      const tokens = decoded(H, semanticTokens(index, 'file:///h.sec').data);
      assert.deepEqual(tokens, [
        ['DCC User Interface', 4, 1],
        ['Test Device', 9, 1],
        ['Party', 11, 0], ['Service Requests', 11, 0], ['Test Device', 11, 0], ["Party's", 11, 0], ['Service', 11, 0],
        ['Request', 12, 0], ['Smart Metering Inventory Record', 12, 0], ['DCC User Interface', 12, 0],
        ["Parties'", 13, 0], ['Service Requests', 13, 0],
      ]);
      assert.deepEqual(decoded(A, semanticTokens(index, 'file:///a.sec').data).map(([text, line, modifiers]) => `${text}@${line}/${modifiers}`),
        ['Service Request@6/1', 'Smart Metering Inventory@8/1', 'Record@9/1', 'DCC User Interface@10/1', 'Party@11/1']);
    });

    it('gives only the tokens a range overlaps, and cuts a use at a CRLF', () => {
      const index = workspace(FILES);
      const lines = new LineIndex(H);
      const range = { start: lines.offsetAt({ line: 12, character: 0 }), end: lines.offsetAt({ line: 13, character: 0 }) };
      assert.deepEqual(decoded(H, semanticTokens(index, 'file:///h.sec', range).data).map(([text]) => text), ['Service', 'Request', 'Smart Metering Inventory Record', 'DCC User Interface']);
      const crlf = H.replace(/\n/g, '\r\n');
      const windows = workspace({ ...FILES, 'file:///h.sec': crlf });
      const cut = decoded(crlf, semanticTokens(windows, 'file:///h.sec').data).filter(([, line]) => line === 11 || line === 12).map(([text, line]) => `${text}@${line}`);
      assert.deepEqual(cut.slice(-4), ['Service@11', 'Request@12', 'Smart Metering Inventory Record@12', 'DCC User Interface@12']);
    });

    it('follows a definition made or removed in another file', () => {
      const index = workspace(FILES);
      const before = decoded(X, semanticTokens(index, 'file:///x.sec').data).map(([text]) => text);
      assert.deepEqual(before, ['Transition Date', 'Transition Date']);
      index.updateFile('file:///a.sec', `${A}"Test Device" means any device.\n`);
      assert.deepEqual(decoded(X, semanticTokens(index, 'file:///x.sec').data).map(([text]) => text), ['Transition Date', 'Transition Date', 'Test Device']);
    });
  });

  describe('quick fixes', () => {
    it('writes a term with its capitals, keeping its plural; offers each term a near miss is near', () => {
      const text = 'Section T: Test\n\nT1 Part\n\nT1.1 Users send Service requests. Users use a Data Pert.\n"Data Port" means a port.\n"Data Part" means a part.\n';
      const files = { ...FILES, 'file:///t.sec': text };
      const actions = codeActions(workspace(files), 'file:///t.sec', { start: 0, end: text.length });
      const summary = actions.map((action) => {
        const [edit] = action.edit!.changes!['file:///t.sec'];
        return [action.title, action.isPreferred, textOf(files, 'file:///t.sec', edit.range), edit.newText, action.diagnostics![0].code];
      });
      assert.deepEqual(summary, [
        ['Replace with the defined term: "Service Requests"', true, 'Service requests', 'Service Requests', 'term-case-mismatch'],
        ['Did you mean "Data Part"?', true, 'Data Pert', 'Data Part', 'near-miss-term'],
        ['Did you mean "Data Port"?', false, 'Data Pert', 'Data Port', 'near-miss-term'],
      ]);
    });
  });
});
