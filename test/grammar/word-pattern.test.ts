// Checks language-configuration.json the way VS Code uses it:
// - wordPattern: VS Code compiles the string with `new RegExp(pattern)`, adds the
//   "g" flag, and takes as "the word" the match that contains the cursor
//   (double-click, Ctrl+D, word-based completion, rename pre-selection);
// - Enter: the first onEnterRule whose `beforeText` matches the text before the
//   cursor decides the indentation of the new line; without one, an open bracket
//   at the end of the line indents it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface OnEnterRule {
  beforeText: string | { pattern: string; flags?: string };
  afterText?: string | { pattern: string; flags?: string };
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}
interface LanguageConfiguration {
  wordPattern: string | { pattern: string; flags?: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  onEnterRules?: OnEnterRule[];
  comments?: { blockComment?: [string, string] };
}

function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'language-configuration.json')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('language-configuration.json not found above ' + __dirname);
    dir = up;
  }
}

const root = findRoot();
const config = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

function toRegExp(value: string | { pattern: string; flags?: string }, extraFlags = ''): RegExp {
  const pattern = typeof value === 'string' ? value : value.pattern;
  const flags = typeof value === 'string' ? '' : value.flags ?? '';
  return new RegExp(pattern, Array.from(new Set((flags + extraFlags).split(''))).join(''));
}

const wordRegExp = toRegExp(config.wordPattern, 'g');

/** The word VS Code selects when the cursor is at `offset` (as in getWordAtText). */
function wordAt(text: string, offset: number): string | undefined {
  wordRegExp.lastIndex = 0;
  for (let m = wordRegExp.exec(text); m; m = wordRegExp.exec(text)) {
    if (m[0].length === 0) throw new Error('wordPattern matched an empty string');
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
    if (m.index > offset) return undefined;
  }
  return undefined;
}

/** Asserts that every position inside `word` (first, middle, last character; first occurrence at or after `from`) selects exactly `word`. */
function assertWholeWord(sentence: string, word: string, from = 0): void {
  const at = sentence.indexOf(word, from);
  assert.ok(at >= 0, `"${word}" not in "${sentence}"`);
  for (const offset of [at, at + Math.floor(word.length / 2), at + word.length - 1]) {
    assert.equal(wordAt(sentence, offset), word, `cursor at ${offset} in "${sentence}"`);
  }
}

describe('language-configuration.json', () => {
  describe('wordPattern', () => {
    const ids = ['H4.12', 'H4.3A', 'N4A', 'X5.4(b)(ii)', 'SECMP0045', '4.2.1'];

    for (const id of ids) {
      it(`selects ${id} as one word inside a sentence`, () => {
        assertWholeWord(`The DCC shall comply with ${id} forthwith.`, id);
        assertWholeWord(`See Section ${id}.`, id); // full stop after the id is not part of it
        assertWholeWord(`(as set out in ${id}), and`, id); // nor are brackets around it
        assertWholeWord(`${id}; and`, id);
      });
    }

    it('selects other SEC ids as one word', () => {
      for (const id of ['H3.22(a)(ii)', 'D2A', 'K6B', 'H10.13', 'v1.2', '88(1)', 'SMETS1', '22.27']) {
        assertWholeWord(`pursuant to ${id} of the code`, id);
      }
    });

    it('keeps the two ends of a range apart', () => {
      const s = 'Sections H10.9-H10.13 apply';
      assert.equal(wordAt(s, s.indexOf('H10.9')), 'H10.9');
      assert.equal(wordAt(s, s.indexOf('H10.13') + 2), 'H10.13');
    });

    it('still selects ordinary words', () => {
      const s = 'The Secretary of State’s powers, re-designation and “Energy Licences” (as defined).';
      assertWholeWord(s, 'Secretary');
      assertWholeWord(s, 'State’s');
      assertWholeWord(s, 'powers');
      assertWholeWord(s, 're', s.indexOf('re-'));
      assertWholeWord(s, 'designation');
      assertWholeWord(s, 'Energy');
      assertWholeWord(s, 'Licences');
      assertWholeWord(s, 'defined');
      assert.equal(wordAt(s, s.indexOf(',')), undefined, 'punctuation is not a word');
      assert.equal(wordAt(s, s.indexOf('“')), undefined, 'quotes are not part of a word');
    });

    it('does not glue words to CriticMarkup delimiters', () => {
      const s = 'the {++new++} and {--old--} text {~~a~>b~~}';
      assertWholeWord(s, 'new');
      assertWholeWord(s, 'old');
      assert.equal(wordAt(s, s.indexOf('a~>')), 'a');
      assert.equal(wordAt(s, s.indexOf('b~~')), 'b');
    });

    it('never matches the empty string (VS Code rejects such patterns)', () => {
      assert.equal(toRegExp(config.wordPattern).test(''), false);
      assert.equal(toRegExp(config.wordPattern).exec(' ')?.[0], undefined);
    });

    it('runs in linear time on long and awkward lines', () => {
      const lines = [
        'H4.3'.repeat(5000),
        '(a)'.repeat(5000),
        'A1'.repeat(5000) + '.',
        'x'.repeat(50_000),
        '1.'.repeat(20_000),
      ];
      const start = Date.now();
      for (const line of lines) {
        wordRegExp.lastIndex = 0;
        while (wordRegExp.exec(line)) {
          /* consume all matches */
        }
      }
      assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
    });
  });

  describe('Enter (onEnterRules and brackets)', () => {
    const rules = (config.onEnterRules ?? []).map((rule) => ({
      before: toRegExp(rule.beforeText),
      indent: rule.action.indent,
    }));
    const opens = config.brackets.map(([open]) => open.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const opensAtEnd = new RegExp(`(?:${opens.join('|')})\\s*$`);
    /** Whether VS Code indents the new line after pressing Enter at the end of `line`: the first matching rule decides, else an open bracket at the end. */
    const indentsAfter = (line: string) => {
      const rule = rules.find((r) => r.before.test(line));
      return rule ? rule.indent === 'indent' || rule.indent === 'indentOutdent' : opensAtEnd.test(line);
    };
    const exampleLines = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return exampleLines(full);
        return entry.name.endsWith('.sec') ? fs.readFileSync(full, 'utf8').split(/\r?\n/) : [];
      });

    it('keeps the new line flush left after a clause, a paragraph or a heading, as the house style writes them', () => {
      for (const line of [
        'H4.3 The DCC shall:',
        'H4.3A Each User shall, in respect of each Smart Metering System,',
        '4.2.1 Each notice shall be in writing:',
        '(a) each of the following:',
        '(a) the DCC shall comply; and',
        'Section H: DCC Services',
        'H4 Processing Service Requests',
        'H4.5 [Not used]',
        'H4.6 Not used',
        '1.0 14 October 2019 Drafted for the Panel to review',
        '4.10 18 April 2016',
        'made under Section 88(1) of the Energy Act 2008',
        'M4.1 and Condition 17 of the DCC Licence',
      ]) {
        assert.equal(indentsAfter(line), false, line);
      }
    });

    it('never indents after a line of the examples, which are all flush left', () => {
      const lines = exampleLines(path.join(root, 'examples'));
      assert.ok(lines.length > 100, `${lines.length} example lines`);
      assert.deepEqual(lines.filter((line) => /^\s+\S/.test(line)), [], 'no example line is indented');
      assert.deepEqual(lines.filter(indentsAfter), []);
    });
  });

  describe('pairs', () => {
    const closes = new Map(config.autoClosingPairs.map((p) => [p.open, p.close]));

    it('auto-closes brackets, straight and curly quotes and CriticMarkup', () => {
      const expected: [string, string][] = [
        ['(', ')'],
        ['[', ']'],
        ['"', '"'],
        ['“', '”'],
        ['‘', '’'],
        ['{++', '++}'],
        ['{--', '--}'],
        ['{~~', '~~}'],
        ['{>>', '<<}'],
      ];
      for (const [open, close] of expected) assert.equal(closes.get(open), close, open);
    });

    it('has a single-character pair contained in every CriticMarkup pair (so "{" then "++" gives "{++|++}")', () => {
      assert.equal(closes.get('{'), '}');
      for (const [open, close] of closes) {
        if (open.length > 1) assert.ok(open.startsWith('{') && close.endsWith('}'), open);
      }
    });

    it('surrounds selections with brackets and quotes', () => {
      const surround = new Map(config.surroundingPairs);
      for (const [open, close] of [['(', ')'], ['[', ']'], ['"', '"'], ['“', '”']]) assert.equal(surround.get(open), close);
    });

    it('maps block comments to CriticMarkup comments', () => {
      assert.deepEqual(config.comments?.blockComment, ['{>>', '<<}']);
    });
  });
});
