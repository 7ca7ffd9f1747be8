// The grammar held against the parser on the real SEC text. The seed is read from ../shared at
// run time and never copied here (published SEC text stays out of the repository), so every
// expectation below is derived from what the parser reads in it: whatever the parser takes
// for a heading or a reference, the editor must colour as one. The hand-written .test.sec
// files pin the details of each rule; this pins the rules on the whole real Contents and
// Version Control table, where a rule that is right on a made-up line can still miss.
import { strict as assert } from 'node:assert';
import type { ParsedDocument, Reference, Unit } from '../../server/src/core/model/types';
import { readParagraphLabel } from '../../server/src/core/parse/unitLabels';
import { parse } from '../unit/fixtures';
import { seedText } from '../unit/seedText';
import { loadGrammar, TokenizedText } from './tokens';

type Span = { start: number; end: number };

/**
 * Checks that every non-blank character of [start, end) has all the `required` scopes and
 * none of the `forbidden` ones; records one failure per span so a report stays readable.
 */
function expectScopes(tokens: TokenizedText, failures: string[], what: string, span: Span, required: string[], forbidden: string[] = []): void {
  for (let at = span.start; at < span.end; at++) {
    if (/\s/.test(tokens.text[at])) continue;
    const scopes = tokens.scopesAt(at);
    const missing = required.filter((s) => !scopes.includes(s));
    const unwanted = forbidden.filter((s) => scopes.includes(s));
    if (missing.length || unwanted.length) {
      failures.push(`${what}: ${tokens.describe(at)}` + (missing.length ? ` missing [${missing.join(' ')}]` : '') + (unwanted.length ? ` unwanted [${unwanted.join(' ')}]` : ''));
      return;
    }
  }
}

function lineSpan(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end === -1 ? text.length : end };
}

/**
 * The Contents read as the headings it lists. The parser reads a table of contents as defining
 * nothing, so the lines that make it one are blanked (offsets kept) until the parser no longer
 * sees a table of contents; what is left is a run of Section, Part and Appendix headings and
 * Schedule references, read by the same code that reads them in the body of a document.
 */
function contentsAsHeadings(seed: string, contents: Span): ParsedDocument {
  let text = seed.slice(0, contents.start).replace(/[^\n]/g, ' ') + seed.slice(contents.start, contents.end);
  for (let tries = 0; tries < 10; tries++) {
    const parsed = parse(text);
    if (parsed.contents.length === 0) return parsed;
    const line = lineSpan(text, parsed.contents[0].start);
    text = text.slice(0, line.start) + ' '.repeat(line.end - line.start) + text.slice(line.end);
  }
  throw new Error('the Contents still reads as a table of contents after blanking 10 lines');
}

/** A unit's keyword ("Section", "Appendix"; none for a Part) and its number, as offsets. */
function labelParts(unit: Unit): { keyword: Span | null; number: Span } {
  const space = unit.label.lastIndexOf(' ');
  if (space === -1) return { keyword: null, number: { start: unit.labelStart, end: unit.labelEnd } };
  const id = unit.label.slice(space + 1);
  return { keyword: { start: unit.labelStart, end: unit.labelStart + space }, number: { start: unit.labelEnd - id.length, end: unit.labelEnd } };
}

const VERSION_SUFFIX = / v(\d+(?:\.\d+)*)$/;
const KEYWORD_KINDS: Record<string, string> = {
  section: 'section', sections: 'section', appendix: 'appendix', appendices: 'appendix',
  schedule: 'schedule', schedules: 'schedule', clause: 'clause', clauses: 'clause',
};

/** The grammar's name for the kind of a reference: the keyword written, else what it cites. */
function grammarKind(reference: Reference): string {
  if (reference.kind === 'external') return 'external';
  const keyword = /^(?:SEC\s+)?([A-Za-z]+)\s/.exec(reference.text);
  if (keyword && KEYWORD_KINDS[keyword[1].toLowerCase()]) return KEYWORD_KINDS[keyword[1].toLowerCase()];
  assert.ok(reference.target, `reference "${reference.text}" has no target`);
  if (reference.target.startsWith('SECMP')) return 'modification';
  return reference.target.split(' ')[0].toLowerCase();
}

/** Offset of `word` standing alone in [from, to) of text, or -1. */
function findWord(text: string, word: string, from: number, to: number): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![A-Za-z0-9.])${escaped}(?![A-Za-z0-9])`).exec(text.slice(from, to));
  return match ? from + match.index : -1;
}

/** Inside a “curly quotation” opened earlier in the same paragraph. */
function insideQuotation(text: string, offset: number): boolean {
  const paragraphStart = Math.max(0, text.lastIndexOf('\n\n', offset));
  const before = text.slice(paragraphStart, offset);
  return before.lastIndexOf('“') > before.lastIndexOf('”');
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A row of the Version Control table: version, implementation date, then the reason. */
const VERSION_ROW = new RegExp(`^[ \\t]*(\\d{1,2}\\.\\d{1,2})[ \\t]+(\\d{1,2}[ \\t]+${MONTH}[ \\t]+\\d{4})(?!\\d)`);

describe('the SEC grammar on the seed text, against the parser', function () {
  this.timeout(60_000);
  let seed = '';
  let parsed: ParsedDocument;
  let tokens: TokenizedText;
  let contents: Span;
  let headings: ParsedDocument;
  let table: Span;
  let references: Reference[];

  before(async function () {
    seed = seedText(this);
    parsed = parse(seed);
    tokens = new TokenizedText(await loadGrammar(), seed);
    assert.equal(parsed.contents.length, 1, 'the parser should find the one table of contents of the seed');
    contents = parsed.contents[0];
    headings = contentsAsHeadings(seed, contents);
    const tableHeading = /^[ \t]*Version Control[ \t]*$/m.exec(seed);
    assert.ok(tableHeading && tableHeading.index < contents.start, 'no Version Control heading before the Contents');
    table = { start: tableHeading.index, end: contents.start };
    references = parsed.references.filter((r) => r.start >= table.start && r.end <= table.end && !r.viaRange);
  });

  describe('the Contents', () => {
    it('starts with a line coloured as a cross-heading', () => {
      const line = lineSpan(seed, contents.start);
      assert.ok(line.end > line.start);
      const failures: string[] = [];
      expectScopes(tokens, failures, 'CONTENTS line', line, ['markup.heading.cross-heading.sec']);
      assert.deepEqual(failures, []);
    });

    // [parser unit kind, the heading scope, the keyword scope, the number scope]
    const kinds: [string, string, string | null, string][] = [
      ['section', 'markup.heading.section.sec', 'keyword.other.section.sec', 'constant.numeric.section.sec'],
      ['part', 'markup.heading.part.sec', null, 'constant.numeric.part.sec'],
      ['appendix', 'markup.heading.appendix.sec', 'keyword.other.appendix.sec', 'constant.numeric.appendix.sec'],
    ];
    for (const [kind, heading, keywordScope, numberScope] of kinds) {
      it(`colours every ${kind} line the parser reads as a heading: number, title, and any keyword and version`, () => {
        const units = headings.units.filter((u) => u.kind === kind);
        assert.ok(units.length > 0, `the parser found no ${kind} heading in the Contents`);
        const failures: string[] = [];
        for (const unit of units) {
          const { keyword, number } = labelParts(unit);
          if (keywordScope) {
            assert.ok(keyword, `${unit.id}: label "${unit.label}" has no keyword`);
            expectScopes(tokens, failures, `${unit.id} keyword`, keyword, [heading, keywordScope]);
          }
          expectScopes(tokens, failures, `${unit.id} number`, number, [heading, numberScope]);
          const line = lineSpan(seed, unit.labelStart);
          const titleStart = seed.indexOf(unit.title, unit.labelEnd);
          assert.ok(titleStart >= 0 && titleStart < line.end, `${unit.id}: title "${unit.title}" not on its line`);
          const titleEnd = titleStart + unit.title.length;
          expectScopes(tokens, failures, `${unit.id} title`, { start: titleStart, end: titleEnd }, [heading, 'entity.name.section.sec'], ['markup.heading.cross-heading.sec']);
          const version = VERSION_SUFFIX.exec(unit.id);
          if (version) {
            const numberAt = seed.indexOf(version[1], titleEnd);
            assert.ok(numberAt >= 0 && numberAt < line.end, `${unit.id}: version not on its line`);
            expectScopes(tokens, failures, `${unit.id} version keyword`, { start: titleEnd, end: numberAt }, ['entity.name.section.sec', 'keyword.other.version.sec']);
            expectScopes(tokens, failures, `${unit.id} version`, { start: numberAt, end: numberAt + version[1].length }, ['constant.numeric.version.sec']);
          }
        }
        assert.deepEqual(failures, []);
      });
    }

    it('colours every Schedule line (no colon: a reference, not a heading) with its number and version', () => {
      const schedules = headings.references.filter((r) => r.target?.startsWith('Schedule ') && /^[ \t]*$/.test(seed.slice(lineSpan(seed, r.start).start, r.start)));
      assert.ok(schedules.length > 0, 'the parser found no Schedule line in the Contents');
      const failures: string[] = [];
      let versioned = 0;
      for (const schedule of schedules) {
        const id = schedule.target!.split(' ')[1];
        expectScopes(tokens, failures, `${schedule.target} keyword`, { start: schedule.start, end: schedule.start + 'Schedule'.length },
          ['meta.reference.schedule.sec', 'keyword.other.reference.schedule.sec'], ['markup.heading.schedule.sec']);
        expectScopes(tokens, failures, `${schedule.target} number`, { start: schedule.end - id.length, end: schedule.end }, ['variable.other.reference.schedule.sec']);
        const line = lineSpan(seed, schedule.start);
        const version = /([Vv]ersion)[ \t]+(\d+(?:\.\d+)*)[ \t]*$/.exec(seed.slice(schedule.end, line.end));
        if (version) {
          versioned++;
          const at = schedule.end + version.index;
          expectScopes(tokens, failures, `${schedule.target} version keyword`, { start: at, end: at + version[1].length }, ['keyword.other.version.sec']);
          const numberAt = at + version[0].indexOf(version[2], version[1].length);
          expectScopes(tokens, failures, `${schedule.target} version`, { start: numberAt, end: numberAt + version[2].length }, ['constant.numeric.version.sec']);
        }
      }
      assert.ok(versioned > 0, 'no Schedule line of the Contents names a version');
      assert.deepEqual(failures, []);
    });

    it('colours as a heading no line the parser does not read as one', () => {
      const headingScopes = ['markup.heading.section.sec', 'markup.heading.part.sec', 'markup.heading.appendix.sec', 'markup.heading.schedule.sec'];
      const parserLines = new Set(headings.units.filter((u) => u.kind !== 'docClause').map((u) => tokens.lineOf(u.labelStart)));
      const grammarLines = new Set<number>();
      for (let line = tokens.lineOf(contents.start); line <= tokens.lineOf(contents.end - 1); line++) {
        if (tokens.tokensOf(line).some((t) => t.scopes.some((s) => headingScopes.includes(s)))) grammarLines.add(line);
      }
      const extra = [...grammarLines].filter((line) => !parserLines.has(line)).map((line) => tokens.lineText(line));
      const missed = [...parserLines].filter((line) => !grammarLines.has(line)).map((line) => tokens.lineText(line));
      assert.deepEqual({ extra, missed }, { extra: [], missed: [] });
    });
  });

  describe('the Version Control table', () => {
    it('starts every reference the parser finds with the reference scopes of its kind', () => {
      assert.ok(references.length > 0, 'the parser found no reference in the Version Control table');
      const failures: string[] = [];
      for (const r of references) {
        if (insideQuotation(seed, r.start)) {
          // A quoted modification title is one string: the grammar does not look inside quotes.
          expectScopes(tokens, failures, `"${r.text}" in a quotation`, { start: r.start, end: r.start + 1 }, ['string.quoted.double.sec']);
          continue;
        }
        const kind = grammarKind(r);
        const meta = `meta.reference.${kind}.sec`;
        const firstWord = /^[A-Za-z]+/.exec(r.text)?.[0] ?? '';
        let keywordAt = r.start;
        if (firstWord === 'SEC') {
          expectScopes(tokens, failures, `"${r.text}" prefix`, { start: r.start, end: r.start + 3 }, [meta, 'keyword.other.reference.prefix.sec']);
          keywordAt = findWord(seed, r.text.split(/\s+/)[1], r.start + 3, r.end);
        }
        const keyword = /^[A-Za-z]+/.exec(seed.slice(keywordAt))?.[0] ?? '';
        const keywordSpan = { start: keywordAt, end: keywordAt + keyword.length };
        if (kind === 'external') {
          if (keyword) expectScopes(tokens, failures, `"${r.text}" keyword`, keywordSpan, [meta, 'keyword.other.reference.external.sec']);
          else expectScopes(tokens, failures, `"${r.text}" number`, { start: r.start, end: r.start + 1 }, [meta, 'constant.numeric.reference.external.sec']);
        } else if (kind === 'modification') {
          expectScopes(tokens, failures, `"${r.text}" keyword`, { start: keywordAt, end: keywordAt + 'SECMP'.length }, [meta, 'keyword.other.reference.modification.sec']);
        } else if (KEYWORD_KINDS[keyword.toLowerCase()]) {
          expectScopes(tokens, failures, `"${r.text}" keyword`, keywordSpan, [meta, `keyword.other.reference.${kind}.sec`]);
        } else {
          expectScopes(tokens, failures, `"${r.text}" id`, { start: r.start, end: r.start + 1 }, [meta, `variable.other.reference.${kind}.sec`]);
        }
      }
      assert.deepEqual(failures, []);
    });

    it('scopes the ids and versions of those references, and the numbers and instruments of external ones', () => {
      const failures: string[] = [];
      let instruments = 0;
      let versions = 0;
      for (const r of references) {
        if (insideQuotation(seed, r.start)) continue;
        const kind = grammarKind(r);
        if (kind === 'external') {
          const number = /\d+(?:\.\d+)*(?:[ \t]?\(\w{1,4}\))*/.exec(seed.slice(r.start, r.end));
          assert.ok(number, `"${r.text}": no number`);
          const at = r.start + number.index;
          expectScopes(tokens, failures, `"${r.text}" number`, { start: at, end: at + number[0].length },
            ['meta.reference.external.sec', 'constant.numeric.reference.external.sec'], ['variable.other.reference.section.sec']);
          // "of the" joins the number to its instrument; the grammar carries the reference over a
          // line break only when the line ends with one of those words.
          let lineStart = r.start;
          for (const piece of seed.slice(r.start, r.end).split('\n')) {
            for (const word of piece.matchAll(/\b(?:of|the)\b/g)) {
              expectScopes(tokens, failures, `"${r.text}" "${word[0]}"`, { start: lineStart + word.index, end: lineStart + word.index + word[0].length }, ['meta.reference.external.sec', 'keyword.operator.word.sec']);
            }
            if (!/\b(?:of|the)[ \t]*$/.test(piece)) break;
            lineStart += piece.length + 1;
          }
          // The grammar reads a line at a time: an instrument split over a line break is not one name.
          const instrumentAt = r.instrument ? seed.indexOf(r.instrument, at) : -1;
          if (instrumentAt >= 0 && instrumentAt < r.end) {
            instruments++;
            expectScopes(tokens, failures, `"${r.text}" instrument`, { start: instrumentAt, end: instrumentAt + r.instrument!.length }, ['support.type.external.sec']);
          }
          continue;
        }
        const target = r.target!;
        if (kind === 'modification') {
          expectScopes(tokens, failures, `"${r.text}" number`, { start: r.end - 4, end: r.end }, ['meta.reference.modification.sec', 'variable.other.reference.modification.sec']);
          continue;
        }
        // "Section X3.1" → X3.1; "Appendix AK 4.2" → AK (an Appendix) and 4.2 (a clause of it).
        const ids = target.replace(VERSION_SUFFIX, '').split(' ').slice(1);
        let written = 0;
        ids.forEach((id, i) => {
          const at = findWord(seed, id, r.start, r.end);
          if (at < 0) return;
          written++;
          const idKind = i > 0 || kind === 'clause' ? 'clause' : kind;
          expectScopes(tokens, failures, `"${r.text}" id ${id}`, { start: at, end: at + id.length }, [`meta.reference.${kind}.sec`, `variable.other.reference.${idKind}.sec`]);
        });
        if (written === 0) failures.push(`"${r.text}": none of ${ids.join(', ')} written in it`);
        const version = VERSION_SUFFIX.exec(target);
        if (version) {
          versions++;
          const numberAt = seed.lastIndexOf(version[1], r.end - 1);
          const keyword = /(?:Version|version|v)[ \t]*$/.exec(seed.slice(r.start, numberAt));
          assert.ok(numberAt >= r.start && keyword, `"${r.text}": version ${version[1]} not written`);
          const keywordStart = r.start + keyword.index;
          const keywordEnd = keywordStart + keyword[0].trimEnd().length;
          expectScopes(tokens, failures, `"${r.text}" version keyword`, { start: keywordStart, end: keywordEnd }, ['keyword.other.version.sec']);
          expectScopes(tokens, failures, `"${r.text}" version`, { start: numberAt, end: numberAt + version[1].length }, ['constant.numeric.version.sec']);
        }
      }
      assert.ok(instruments > 0 && versions > 0, `instruments ${instruments}, versions ${versions}: the table has both`);
      assert.deepEqual(failures, []);
    });

    it('joins lists with separators (also at a line end), ranges with a range operator, and list bullets', () => {
      const failures: string[] = [];
      let lists = 0;
      let ranges = 0;
      let bullets = 0;
      let wrapped = 0;
      references.forEach((r, i) => {
        const next = references[i + 1];
        if (r.rangeStart) {
          const partner = references.slice(i + 1).find((other) => other.target === r.rangePartner);
          assert.ok(partner, `"${r.text}": range end ${r.rangePartner} not found`);
          ranges++;
          expectScopes(tokens, failures, `range after "${r.text}"`, { start: r.end, end: partner.start }, ['keyword.operator.range.sec']);
        } else if (next && /^(?:\d|[A-Z]{1,2}(?![A-Za-z]))/.test(next.text)) {
          // The next reference is a bare id: on the same line, what joins them is list punctuation.
          const gap = /^([ \t]*)(,?)([ \t]*)((?:and|or)?)[ \t]*$/.exec(seed.slice(r.end, next.start));
          if (gap && (gap[2] || gap[4])) {
            lists++;
            const comma = r.end + gap[1].length;
            if (gap[2]) expectScopes(tokens, failures, `"," after "${r.text}"`, { start: comma, end: comma + 1 }, ['punctuation.separator.list.sec']);
            const word = comma + gap[2].length + gap[3].length;
            if (gap[4]) expectScopes(tokens, failures, `"${gap[4]}" after "${r.text}"`, { start: word, end: word + gap[4].length }, ['keyword.operator.word.list.sec']);
          }
        }
        // A comma closing the line may be followed by more ids on the next: it stays in the reference.
        const kind = grammarKind(r);
        if (['section', 'appendix', 'schedule'].includes(kind) && /^,[ \t]*(?:\r?\n|$)/.test(seed.slice(r.end))) {
          wrapped++;
          expectScopes(tokens, failures, `"," closing the line after "${r.text}"`, { start: r.end, end: r.end + 1 }, [`meta.reference.${kind}.sec`, 'punctuation.separator.list.sec']);
        }
        const bullet = /^[ \t]*([•▪◦●])[ \t]*$/.exec(seed.slice(lineSpan(seed, r.start).start, r.start));
        if (bullet) {
          bullets++;
          const at = lineSpan(seed, r.start).start + bullet.index + bullet[0].indexOf(bullet[1]);
          expectScopes(tokens, failures, `bullet before "${r.text}"`, { start: at, end: at + 1 }, ['punctuation.definition.list.begin.sec']);
        }
      });
      assert.ok(lists > 0 && wrapped > 0 && ranges > 0 && bullets > 0, `lists ${lists}, line-end commas ${wrapped}, ranges ${ranges}, bullets ${bullets}: the table has all`);
      assert.deepEqual(failures, []);
    });

    it('colours the titles cited after references that fit on one line, and quoted titles as strings', () => {
      const failures: string[] = [];
      const counts = { bracket: 0, dash: 0, quote: 0 };
      for (const r of references) {
        const title = r.title;
        if (!title) continue;
        const span = { start: title.start, end: title.start + title.raw.length };
        const kind = grammarKind(r);
        if (title.kind === 'quote') {
          counts.quote++;
          expectScopes(tokens, failures, `"${r.text}" opening quote`, { start: title.start - 1, end: title.start }, ['punctuation.definition.string.begin.sec']);
          for (let at = span.start; at < span.end; at++) {
            if (!/\s/.test(seed[at]) && !tokens.scopesAt(at).some((s) => s.startsWith('string.quoted.'))) {
              failures.push(`"${r.text}" quoted title: ${tokens.describe(at)}`);
              break;
            }
          }
          continue;
        }
        if (title.raw.includes('\n')) continue; // a line at a time: a title in brackets must close on its line
        // A dash title is recognised only in the "– ABBREVIATION v1.2" form: otherwise the dash
        // may as well start prose ("Section Z - Alt HAN ...").
        if (title.kind === 'dash' && (!VERSION_SUFFIX.test(r.target ?? '') || seed.slice(r.start, r.end).includes('\n'))) continue;
        counts[title.kind]++;
        expectScopes(tokens, failures, `"${r.text}" title`, span, [`meta.reference.${kind}.sec`, 'string.unquoted.title.sec']);
      }
      assert.ok(counts.bracket > 0 && counts.dash > 0 && counts.quote > 0, `titles checked: ${JSON.stringify(counts)}`);
      assert.deepEqual(failures, []);
    });

    it('puts in a reference nothing but what the parser reads as one, its title, keywords and punctuation', () => {
      const inReference = new Uint8Array(seed.length);
      const inTitle = new Uint8Array(seed.length);
      for (const r of references) {
        inReference.fill(1, r.start, r.end);
        if (r.title) inTitle.fill(1, r.title.start, r.title.start + r.title.raw.length);
      }
      const failures: string[] = [];
      for (let line = tokens.lineOf(table.start); line < tokens.lineOf(table.end); line++) {
        for (const token of tokens.tokensOf(line)) {
          if (!token.scopes.some((s) => s.startsWith('meta.reference.')) || !token.text.trim()) continue;
          const inside = inReference.subarray(token.start, token.end).some((x, i) => x === 1 && !/\s/.test(token.text[i]));
          const joins = token.scopes.some((s) => /^(?:punctuation|keyword\.operator|keyword\.other\.reference)\./.test(s));
          const title = token.scopes.includes('string.unquoted.title.sec') && inTitle[token.start] === 1;
          // A keyword closing a line may start a reference on the next: TextMate cannot look there.
          if (!inside && !joins && !title) failures.push(tokens.describe(token.start, token.end - token.start));
        }
      }
      assert.deepEqual(failures, []);
    });

    it('colours each row\'s version and date, and never a row as a cross-heading or a clause', () => {
      const failures: string[] = [];
      let rows = 0;
      let amended = 0;
      for (let line = tokens.lineOf(table.start); line < tokens.lineOf(table.end); line++) {
        const start = tokens.lineStart(line);
        const text = tokens.lineText(line);
        const row = VERSION_ROW.exec(text);
        if (row) {
          rows++;
          const versionAt = start + text.indexOf(row[1]);
          const dateAt = start + text.indexOf(row[2], versionAt - start + row[1].length);
          expectScopes(tokens, failures, 'row version', { start: versionAt, end: versionAt + row[1].length },
            ['meta.version-row.sec', 'constant.numeric.version.sec'], ['constant.numeric.clause.sec']);
          expectScopes(tokens, failures, 'row date', { start: dateAt, end: dateAt + row[2].length }, ['meta.version-row.sec', 'constant.numeric.date.sec']);
          expectScopes(tokens, failures, 'row', { start, end: start + text.length }, [], ['markup.heading.cross-heading.sec']);
        }
        // "... to SEC version 4.10 as": the version a row amends.
        for (const mention of text.matchAll(/\b(version)[ \t]+(\d+(?:\.\d+)+)/g)) {
          amended++;
          const at = start + mention.index;
          expectScopes(tokens, failures, 'version keyword', { start: at, end: at + mention[1].length }, ['keyword.other.version.sec']);
          const numberAt = at + mention[0].lastIndexOf(mention[2]);
          expectScopes(tokens, failures, 'version', { start: numberAt, end: numberAt + mention[2].length }, ['constant.numeric.version.sec']);
        }
      }
      assert.ok(rows > 0 && amended > 0, `rows ${rows}, amended versions ${amended}`);
      assert.deepEqual(failures, []);
    });
  });

  describe('the text around them', () => {
    it('colours the paragraph labels that start lines before the Contents, as the parser reads them', () => {
      const failures: string[] = [];
      let labels = 0;
      for (let line = 0; tokens.lineStart(line) < contents.start; line++) {
        const first = tokens.lineStart(line) + (/^[ \t]*/.exec(tokens.lineText(line))?.[0].length ?? 0);
        const end = readParagraphLabel(seed, first);
        if (end === -1) continue;
        labels++;
        expectScopes(tokens, failures, 'paragraph label', { start: first, end }, ['constant.numeric.paragraph.sec']);
        expectScopes(tokens, failures, 'paragraph "("', { start: first, end: first + 1 }, ['punctuation.definition.paragraph.begin.sec']);
        expectScopes(tokens, failures, 'paragraph ")"', { start: end - 1, end }, ['punctuation.definition.paragraph.end.sec']);
      }
      assert.ok(labels > 0, 'no paragraph label found before the Contents');
      assert.deepEqual(failures, []);
    });

    it('never colours as a cross-heading a line that follows a non-blank line', () => {
      const failures: string[] = [];
      for (let line = 1; line <= tokens.lineOf(seed.length); line++) {
        if (!tokens.lineText(line - 1).trim()) continue;
        if (tokens.tokensOf(line).some((t) => t.scopes.includes('markup.heading.cross-heading.sec'))) failures.push(tokens.lineText(line));
      }
      assert.deepEqual(failures, []);
    });
  });
});
