// Feature providers on an in-memory workspace (no LSP connection).
import { strict as assert } from 'node:assert';
import { catalogueDocument } from '../../server/src/features/catalogueDocument';
import { codeActions, editDistance } from '../../server/src/features/codeActions';
import { codeLenses, resolveCodeLens } from '../../server/src/features/codeLens';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/protocol';
import { catalogueUri } from '../../server/src/features/shared';
import { completion, nextClauseNumber, resolveCompletionItem } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { documentSymbols, foldingRanges } from '../../server/src/features/symbols';
import { CompletionItemTag, DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { warmUp } from '../../server/src/lsp/warmUp';
import { parse, workspace } from './fixtures';

const PART = 'Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.2 Two.\nH4.3 Three.\n';

describe('feature providers', () => {
  it('numbers a new clause: the next integer at the end of a Part, an inserted number between two', () => {
    const units = parse(PART).units;
    assert.deepEqual(nextClauseNumber(units, PART.length), { part: 'H4', number: 'H4.4' });
    assert.deepEqual(nextClauseNumber(units, PART.indexOf('H4.3')), { part: 'H4', number: 'H4.2A' });
    const inserted = parse('Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.1A Inserted.\nH4.2 Two.\n');
    assert.equal(nextClauseNumber(inserted.units, inserted.text.indexOf('H4.2'))?.number, 'H4.1B');
  });

  it('offers the new clause number when a line starts with a clause id', () => {
    const text = `${PART}H4.`;
    const index = workspace({ 'file:///h.sec': text });
    const list = completion(index, 'file:///h.sec', text.length);
    assert.deepEqual(list?.items.map((item) => [item.label, item.detail, item.textEdit?.newText]), [['H4.4', 'H4.4 — new clause in H4', 'H4.4 ']]);
  });

  it('offers the new clause as snippets numbered by the server, placeholders in drafting order, also under the word "clause"', () => {
    const text = `${PART}\ncla`;
    const index = workspace({ 'file:///h.sec': text });
    const list = completion(index, 'file:///h.sec', text.length, { snippets: true })!;
    assert.deepEqual(list.items.map((item) => [item.label, item.insertTextFormat, item.textEdit?.newText]), [
      ['clause', 2, 'H4.4 ${1:Clause text.}$0'],
      ['clause-list', 2, 'H4.4 ${1:The DCC shall}:\n(a) ${2:first obligation}; ${3|and,or|}\n(b) ${4:second obligation}.$0'],
    ]);
    const edit = list.items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
    assert.deepEqual([edit.range.start.character, edit.range.end.character], [0, 3], 'the typed word is replaced');
    // Between H4.1 and H4.2 the number is an inserted one, as Insert Clause After gives.
    const between = `${PART.replace('H4.2 Two.', 'H4.1A One A.\n\nH4.2 Two.')}`;
    const at = between.indexOf('\nH4.2') ;
    const inserted = workspace({ 'file:///h.sec': between.slice(0, at) + '\nclause' + between.slice(at) });
    const items = completion(inserted, 'file:///h.sec', at + '\nclause'.length, { snippets: true })!.items;
    assert.match(String(items[0].textEdit?.newText), /^H4\.1B /);
  });

  it('completes "Section H4." with the clauses of every file that writes Part H4, each from the definition that counts', () => {
    const files = {
      'file:///h.sec': 'Section H: DCC Services\nH4 Processing\nH4.1 One.\nH4.2 [Not used]\nH4.3 Three.\n',
      'file:///draft.sec': 'Insert new Section H4.4 after Section H4.3:\n{++H4.4 The new fourth clause.++}\n',
      'file:///cite.sec': 'See Section H4.\n',
    };
    const index = workspace(files);
    const list = completion(index, 'file:///cite.sec', 'See Section H4.'.length)!;
    assert.deepEqual(list.items.map((item) => [item.label, item.labelDetails?.description, item.tags]), [
      ['H4.1', 'h.sec', undefined],
      ['H4.2', 'h.sec', [CompletionItemTag.Deprecated]],
      ['H4.3', 'h.sec', undefined],
      ['H4.4', 'draft.sec', undefined],
    ]);
    const resolved = resolveCompletionItem(index, list.items[3]);
    assert.equal(resolved.documentation, 'The new fourth clause.', 'read without its tracked-change marks');
  });

  it('gives each Section and Part its title as detail, its first line when resolved, and marks deprecated ones', () => {
    const text = 'See Section ';
    const index = workspace(
      { 'file:///x.sec': 'Section X: Transition\nX3 Effective Provisions\nX3.1 The listed provisions take effect.\n', 'file:///d.sec': text },
      { deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }] },
    );
    const list = completion(index, 'file:///d.sec', text.length)!;
    const x3 = list.items.find((item) => item.label === 'X3')!;
    assert.equal(x3.detail, 'Effective Provisions');
    assert.deepEqual(x3.tags, [CompletionItemTag.Deprecated]);
    assert.equal(resolveCompletionItem(index, x3).documentation, 'X3.1 The listed provisions take effect.');
    const g2 = list.items.find((item) => item.label === 'G2')!;
    assert.equal(g2.detail, 'System Security: Obligations on the DCC');
    assert.equal(g2.labelDetails?.description, 'SEC catalogue');
    assert.equal(g2.tags, undefined);
  });

  it('gives the edit range once for the whole list when the editor supports item defaults', () => {
    const text = 'See Section ';
    const index = workspace({ 'file:///d.sec': text });
    const shared = completion(index, 'file:///d.sec', text.length, { editRangeDefault: true })!;
    assert.deepEqual(shared.itemDefaults?.editRange, { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } });
    assert.ok(shared.items.length > 150 && shared.items.every((item) => item.textEdit === undefined));
    const each = completion(index, 'file:///d.sec', text.length)!;
    assert.ok(each.items.every((item) => item.textEdit !== undefined));
    assert.equal(each.items.find((item) => item.label === 'H4')?.detail, 'Processing Service Requests');
  });

  it('lays a catalogue entry out as SEC text, which the parser reads as the Code, with no Markdown in it', () => {
    const index = workspace({ 'file:///d.sec': 'See Section G2 and Schedule 8.\n' });
    const part = catalogueDocument(index, catalogueUri('Section G2'))!;
    assert.deepEqual(parse(part).units.map((unit) => [unit.id, unit.title]), [['Section G', 'Security'], ['Section G2', 'System Security: Obligations on the DCC']]);
    assert.match(part, /\{>>From SEC catalogue \(SEC version 6\.19, 25 October 2019\).*Its text is not in the workspace/);
    const section = catalogueDocument(index, catalogueUri('Section G'))!;
    assert.ok(parse(section).units.filter((unit) => unit.kind === 'part').length >= 5, 'a Section lists its Parts as Part headings');
    assert.match(section, /^\d+\.\d+ \d{1,2} [A-Z][a-z]+ \d{4}\nReason for change: /m, 'Version Control rows as the Code writes them');
    const schedule = catalogueDocument(index, catalogueUri('Schedule 8'))!;
    assert.match(schedule, /^Schedule 8: Great Britain Companion Specification Version 3\.2$/m);
    for (const text of [part, section, schedule]) assert.doesNotMatch(text, /^#|\*\*|^- /m);
    assert.equal(catalogueDocument(index, 'sec-catalogue:/Section%20G2.md'), part, 'a URI from an earlier version still opens');
  });

  it('puts a lens above every Part and clause counting its citations, resolved to a click that lists them', () => {
    const files = { 'file:///h.sec': PART, 'file:///c1.sec': 'See Section H4.2 and H4.2(a).\n', 'file:///c2.sec': 'See Sections H4.1-H4.3.\n' };
    const index = workspace(files);
    const lenses = codeLenses(index, 'file:///h.sec');
    assert.deepEqual(lenses.map((lens) => [(lens.data as { id: string }).id, lens.range.start.line, lens.command]), [
      ['Section H4', 1, undefined], ['Section H4.1', 2, undefined], ['Section H4.2', 3, undefined], ['Section H4.3', 4, undefined],
    ]);
    const titles = lenses.map((lens) => resolveCodeLens(index, lens).command!.title);
    assert.deepEqual(titles, ['cited by 5 · 2 files', 'cited by 1 · 1 file', 'cited by 3 · 2 files', 'cited by 1 · 1 file']);
    const click = resolveCodeLens(index, lenses[2]).command!;
    assert.equal(click.command, SHOW_REFERENCES_COMMAND);
    const [uri, position, locations] = click.arguments as [string, { line: number; character: number }, Array<{ uri: string; range: { start: { line: number; character: number } } }>];
    assert.deepEqual([uri, position], ['file:///h.sec', { line: 3, character: 0 }]);
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.character]), [['file:///c1.sec', 4], ['file:///c1.sec', 21], ['file:///c2.sec', 4]]);
    const alone = workspace({ 'file:///h.sec': PART });
    assert.deepEqual(resolveCodeLens(alone, codeLenses(alone, 'file:///h.sec')[1]).command, { title: 'not cited', command: '' });
  });

  it('puts a lens above each instruction of a draft: the unit it changes and who else cites it', () => {
    const draft = 'Delete Section H4.2.\nIn Section H4.3, replace "Three" with "3".\nInsert new Section H4.3A after Section H4.3.\n';
    const index = workspace({ 'file:///h.sec': PART, 'file:///m.sec': draft, 'file:///c.sec': 'See Section H4.2.\n' });
    const lenses = codeLenses(index, 'file:///m.sec').filter((lens) => (lens.data as { instruction?: number }).instruction !== undefined);
    const commands = lenses.map((lens) => resolveCodeLens(index, lens).command!);
    assert.deepEqual(commands.map((command) => command.title), [
      'deletes Section H4.2 · cited by 1 · 1 file',
      // Its own mention does not count; the insertion's after it does.
      'changes the wording of Section H4.3 · cited by 1 · 1 file',
      'inserts Section H4.3A after Section H4.3',
    ]);
    const listed = (commands[0].arguments![2] as Array<{ uri: string }>).map((location) => location.uri);
    assert.deepEqual(listed, ['file:///h.sec', 'file:///c.sec'], 'the deleted clause, then who cites it');
  });

  it('counts transpositions as one edit when suggesting ids', () => {
    assert.equal(editDistance('H4.21', 'H4.12'), 1);
    assert.equal(editDistance('X5.9', 'X5.4'), 1);
    assert.equal(editDistance('X5.9', 'X6.4'), 2);
  });

  it('suggests existing ids one edit away from a broken reference', () => {
    const index = workspace({ 'file:///h.sec': `${PART}H4.12 Twelve.\n`, 'file:///d.sec': 'See Section H4.21.\n' });
    const actions = codeActions(index, 'file:///d.sec', { start: 0, end: 20 });
    assert.deepEqual(actions.map((action) => action.title), ['Did you mean Section H4.12?', 'Did you mean Section H4.1?', 'Did you mean Section H4.2?']);
    assert.equal(actions[0].isPreferred, true);
    const edit = actions[0].edit!.changes!['file:///d.sec'][0];
    assert.equal(edit.newText, 'H4.12');
  });

  it('hovers a catalogue target with its Version Control history', () => {
    const index = workspace({ 'file:///d.sec': 'See Appendix AK.\n' });
    const value = (hover(index, 'file:///d.sec', 6)!.contents as { value: string }).value;
    assert.match(value, /\*\*Appendix AK\*\* — SEC Variation Testing Approach Document for SMETS1 Services/);
    assert.match(value, /\*\*6\.19\*\* \(25 October 2019\)/);
    assert.match(value, /\*From SEC catalogue \(SEC version 6\.19, 25 October 2019\)\*/);
  });

  it('says on hover that a clause number took its document from the text before it', () => {
    const text = 'Formats are set by the DCC User Interface Specification. Users follow clause 3.6.3.\n';
    const index = workspace({ 'file:///d.sec': text });
    const value = (hover(index, 'file:///d.sec', text.indexOf('clause 3.6.3') + 2)!.contents as { value: string }).value;
    assert.match(value, /\*\*Appendix AD 3\.6\.3\*\*/);
    assert.match(value, /"clause 3\.6\.3" names no document: Appendix AD is the one named just before it\. Write "of Appendix AD"/);
  });

  it('counts the citations of a unit on hover, before and after the reverse map is built', () => {
    const files = { 'file:///h.sec': PART, 'file:///c1.sec': 'See Section H4.2 and H4.2.\n', 'file:///c2.sec': 'See Sections H4.1-H4.3.\r\nNext line.\r\n' };
    const count = (index: ReturnType<typeof workspace>) => (hover(index, 'file:///h.sec', PART.indexOf('H4.2'))!.contents as { value: string }).value;
    const fresh = workspace(files);
    for (const uri of fresh.uris()) fresh.resolve(uri);
    assert.match(count(fresh), /Cited by \*\*3\*\* references from \*\*2\*\* files/);
    const built = workspace(files);
    built.prepareIncremental();
    assert.equal(count(built), count(fresh));
  });

  it('warms up without changing what any file resolves to', () => {
    const files = {
      'file:///h.sec': PART,
      'file:///c.sec': 'See Section H4.2 and Section H9, Appendix AK and Section X5.4.\n',
      'file:///m.sec': 'Amend Section H4 as follows:\n{--H4.3 Three.--}\nSee Section H4.3.\n',
    };
    const warmed = workspace(files);
    warmUp(warmed);
    const fresh = workspace(files);
    assert.deepEqual(warmed.uris().sort(), fresh.uris().sort());
    for (const uri of Object.keys(files)) assert.deepEqual(warmed.resolve(uri), fresh.resolve(uri), uri);
  });

  it('reads a character past the end of a line as the end of that line', () => {
    const lines = new LineIndex('H4.1 One.\r\nH4.2 Two.\nlast');
    assert.equal(lines.offsetAt({ line: 0, character: 80 }), 9, 'before the CR LF');
    assert.equal(lines.offsetAt({ line: 1, character: 80 }), 20, 'before the LF');
    assert.equal(lines.offsetAt({ line: 2, character: 80 }), 25, 'the end of the text');
  });

  it('outlines Section > Part > cross-heading > clause > paragraph, and folds multi-line units', () => {
    const text = 'Section H: DCC Services\nH4 Processing\n\nEligibility\n\nH4.1 One:\n(a) first;\n(b) second.\nH4.2 Two.\n';
    const summary = workspace({ 'file:///h.sec': text }).summary('file:///h.sec')!;
    const [section] = documentSymbols(summary);
    const heading = section.children![0].children![0];
    assert.equal(heading.name, 'Eligibility');
    assert.deepEqual(heading.children!.map((clause) => clause.name), ['H4.1', 'H4.2']);
    assert.deepEqual(heading.children![0].children!.map((paragraph) => paragraph.name), ['(a)', '(b)']);
    assert.ok(foldingRanges(summary).some((range) => range.startLine === 5 && range.endLine === 7));
  });

  it('names and describes each outline symbol as the Code reads: headings as written, clauses and paragraphs with their words', () => {
    const text = 'Section H: DCC Services\nH4 Processing\n\nEligibility\n\nH4.1 The DCC shall:\n(a) first do this;\n(b) then that.\n';
    const [section] = documentSymbols(workspace({ 'file:///h.sec': text }).summary('file:///h.sec')!);
    const part = section.children![0];
    const heading = part.children![0];
    const clause = heading.children![0];
    const read = (symbol: DocumentSymbol) => [symbol.name, symbol.detail, symbol.kind];
    assert.deepEqual(
      [section, part, heading, clause, ...clause.children!].map(read),
      [
        ['Section H: DCC Services', undefined, SymbolKind.Module],
        ['H4 Processing', undefined, SymbolKind.Namespace],
        ['Eligibility', undefined, SymbolKind.String],
        ['H4.1', 'The DCC shall:', SymbolKind.Number],
        ['(a)', 'first do this;', SymbolKind.EnumMember],
        ['(b)', 'then that.', SymbolKind.EnumMember],
      ],
    );
  });
});
