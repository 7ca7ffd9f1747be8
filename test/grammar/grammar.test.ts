// Runs the TextMate grammar checks inside mocha, so that they run wherever the
// unit tests run:
// - the generated grammar is in sync with syntaxes/generate-sec-grammar.mjs;
// - every test/grammar/*.test.sec file passes (same engine and same assertion
//   syntax as the `vscode-tmgrammar-test` CLI);
// - every scope ends in ".sec";
// - each snippet in snippets/sec.json is valid snippet syntax and, expanded with
//   its default values, is highlighted as the construct it is meant to create;
// - long lines stay fast (no quadratic or catastrophic patterns).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';
import { parseScopeAssertion } from 'vscode-tmgrammar-test/dist/unit/parsing';
import { Grammar, grammarPath, loadGrammar, registry, root, tokenize } from './tokens';

// ------------------------------------------------------------------ snippet expansion

/** Expands a VS Code snippet body with its default values; throws on malformed syntax. */
function expandSnippet(body: string, variables: Record<string, string>): string {
  const values = new Map<string, string>();
  let pos = 0;
  function parse(stopAtBrace: boolean): string {
    let out = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\') {
        const next = body[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          out += next;
          pos += 2;
          continue;
        }
        out += ch;
        pos++;
        continue;
      }
      if (ch === '}' && stopAtBrace) return out;
      if (ch !== '$') {
        out += ch;
        pos++;
        continue;
      }
      // $1, $VAR
      const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
      if (simple) {
        pos += simple[0].length;
        out += resolve(simple[1], undefined);
        continue;
      }
      if (body[pos + 1] !== '{') {
        out += ch;
        pos++;
        continue;
      }
      pos += 2;
      const name = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
      if (!name) throw new Error(`bad placeholder at ${pos} in ${body}`);
      pos += name[1].length;
      let value: string | undefined;
      if (body[pos] === ':') {
        pos++;
        value = parse(true);
      } else if (body[pos] === '|') {
        const end = body.indexOf('|}', pos + 1);
        if (end < 0) throw new Error(`unterminated choice in ${body}`);
        const choices = body.slice(pos + 1, end).split(',');
        assert.ok(choices.length >= 2 && choices.every((c) => c.length > 0), `bad choice list in ${body}`);
        value = choices[0];
        pos = end + 1;
      }
      if (body[pos] !== '}') throw new Error(`unterminated placeholder in ${body}`);
      pos++;
      out += resolve(name[1], value);
    }
    if (stopAtBrace) throw new Error(`unterminated placeholder in ${body}`);
    return out;
  }
  function resolve(name: string, fallback: string | undefined): string {
    if (/^\d+$/.test(name)) {
      if (!values.has(name) && fallback !== undefined) values.set(name, fallback);
      return values.get(name) ?? fallback ?? '';
    }
    assert.ok(name in variables, `unknown snippet variable ${name}`);
    return variables[name] || fallback || '';
  }
  return parse(false);
}

// ------------------------------------------------------------------ tests

describe('SEC TextMate grammar', function () {
  this.timeout(30_000);
  let grammar: Grammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is in sync with syntaxes/generate-sec-grammar.mjs', () => {
    execFileSync(process.execPath, [path.join(root, 'syntaxes', 'generate-sec-grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('uses only scope names suffixed .sec', () => {
    const json = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
    assert.equal(json.scopeName, 'source.sec');
    const bad: string[] = [];
    (function walk(node: unknown): void {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'name' || key === 'contentName') && typeof value === 'string' && !value.split(' ').every((s) => s.endsWith('.sec'))) bad.push(value);
        walk(value);
      }
    })([json.patterns, json.repository]);
    assert.deepEqual(bad, []);
  });

  const testDir = path.join(root, 'test', 'grammar');
  const cases = fs.readdirSync(testDir).filter((f) => f.endsWith('.test.sec'));
  it('has grammar test files', () => assert.ok(cases.length >= 5, `found ${cases.length}`));
  it('has no assertion line that the runner would silently ignore', () => {
    // e.g. "# <--- - a.sec - b.sec" (two "-") parses to nothing instead of failing
    const ignored: string[] = [];
    for (const file of cases) {
      fs.readFileSync(path.join(testDir, file), 'utf8')
        .split(/\r?\n/)
        .forEach((line, i) => {
          if (/^#\s*(\^|<~*-)/.test(line) && parseScopeAssertion(i, 1, line).length === 0) ignored.push(`${file}:${i + 1}: ${line}`);
        });
    }
    assert.deepEqual(ignored, []);
  });
  for (const file of cases) {
    it(`passes ${file}`, async () => {
      const testCase = parseGrammarTestCase(fs.readFileSync(path.join(testDir, file), 'utf8'));
      const failures = await runGrammarTestCase(registry, testCase);
      const report = failures.map(
        (f) =>
          `${file}:${f.line + 1}: "${testCase.source[f.srcLine].slice(f.start, f.end)}" in "${testCase.source[f.srcLine]}"` +
          (f.missing.length ? ` missing [${f.missing.join(' ')}]` : '') +
          (f.unexpected.length ? ` unexpected [${f.unexpected.join(' ')}]` : '') +
          ` actual [${f.actual.join(' ')}]`,
      );
      assert.deepEqual(report, []);
    });
  }

  // 20 000 characters is VS Code's default editor.maxTokenizationLineLength. The
  // bound is generous (these take well under a second); it catches the 10x-100x
  // slow-downs of quadratic or backtracking patterns.
  it('tokenizes long lines in (near) linear time', () => {
    const units = ['Section H1, ', 'Schedule 8 – GBCS v3.0 ', 'Section 88 (1) and ', 'H4.3 ', 'Ab Cd, ', '(a)', '“', '{++a++} '];
    for (const unit of units) {
      const line = unit.repeat(Math.ceil(20_000 / unit.length));
      grammar.tokenizeLine(line, null); // warm up (regex compilation)
      const start = process.hrtime.bigint();
      grammar.tokenizeLine(line, null);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.ok(ms < 5000, `${JSON.stringify(unit)} x ${line.length / unit.length}: ${ms.toFixed(0)} ms`);
    }
  });

  describe('snippets/sec.json', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'sec.json'), 'utf8')) as Record<
      string,
      { prefix: string | string[]; body: string | string[]; description: string }
    >;
    const variables = {
      TM_SELECTED_TEXT: '',
      CURRENT_DATE: '01',
      CURRENT_MONTH_NAME: 'April',
      CURRENT_YEAR: '2025',
    };

    it('has a prefix, a body and a description for every snippet, and no duplicate prefixes', () => {
      const seen = new Set<string>();
      for (const [name, s] of Object.entries(snippets)) {
        const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
        assert.ok(prefixes.length > 0 && prefixes.every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefixes ${prefixes}`);
        for (const p of prefixes) {
          assert.ok(!seen.has(p), `duplicate prefix ${p}`);
          seen.add(p);
        }
        assert.ok(s.description && s.description.length > 10, `${name}: description`);
        assert.ok(Array.isArray(s.body) ? s.body.length > 0 : s.body.length > 0, `${name}: body`);
      }
    });

    // [line of the expansion, text on that line, scope expected on its first character]
    const expectations: Record<string, [number, string, string][]> = {
      Section: [
        [0, 'Section', 'markup.heading.section.sec'],
        [0, 'H', 'constant.numeric.section.sec'],
        [2, 'H1', 'markup.heading.part.sec'],
        [4, 'H1.1', 'constant.numeric.clause.sec'],
      ],
      Part: [
        [0, 'H4', 'constant.numeric.part.sec'],
        [0, 'Part Title', 'entity.name.section.sec'],
        [2, 'H4.1', 'constant.numeric.clause.sec'],
      ],
      'Paragraph list': [
        [0, '(a)', 'constant.numeric.paragraph.sec'],
        [1, '(b)', 'constant.numeric.paragraph.sec'],
      ],
      'Sub-paragraph list': [
        [0, '(i)', 'constant.numeric.paragraph.sec'],
        [1, '(ii)', 'constant.numeric.paragraph.sec'],
      ],
      'Sub-sub-paragraph list': [[1, '(B)', 'constant.numeric.paragraph.sec']],
      Definition: [
        [0, 'Term', 'entity.name.type.definition.sec'],
        [0, 'means', 'keyword.other.definition.sec'],
      ],
      'Definition (curly quotes)': [
        [0, '“', 'punctuation.definition.string.begin.sec'],
        [0, 'Term', 'entity.name.type.definition.sec'],
      ],
      'Inline definition': [[0, 'Term', 'entity.name.type.definition.sec']],
      Schedule: [
        [0, 'Schedule', 'markup.heading.schedule.sec'],
        [0, '8', 'constant.numeric.schedule.sec'],
        [0, 'Version', 'keyword.other.version.sec'],
        [2, 'Introduction', 'markup.heading.numbered.sec'],
        [4, '1.1', 'constant.numeric.clause.sec'],
      ],
      Appendix: [
        [0, 'Appendix', 'markup.heading.appendix.sec'],
        [0, 'AK', 'constant.numeric.appendix.sec'],
        [2, '1', 'constant.numeric.clause.sec'],
        [4, '1.1', 'constant.numeric.clause.sec'],
      ],
      'Not used clause': [[0, '[Not used]', 'comment.line.not-used.sec']],
      'CriticMarkup insertion': [[0, 'inserted text', 'markup.inserted.critic.sec']],
      'CriticMarkup deletion': [[0, 'deleted text', 'markup.deleted.critic.sec']],
      'CriticMarkup substitution': [
        [0, 'old text', 'markup.deleted.critic.sec'],
        [0, 'new text', 'markup.inserted.critic.sec'],
      ],
      'CriticMarkup comment': [[0, 'comment', 'comment.block.critic.sec']],
      'CriticMarkup highlight with comment': [
        [0, 'highlighted text', 'markup.bold.highlight.critic.sec'],
        [0, 'comment', 'comment.block.critic.sec'],
      ],
      'Modification legal text header': [
        [0, 'SECMP', 'keyword.other.reference.modification.sec'],
        [0, '0000', 'variable.other.reference.modification.sec'],
        [2, 'Version', 'keyword.other.version.sec'],
        [5, 'Version', 'keyword.other.version.sec'],
        [5, '7.0', 'constant.numeric.version.sec'],
        [7, 'like this', 'markup.inserted.critic.sec'],
        [9, 'Section', 'markup.heading.section.sec'],
      ],
    };

    it('tabs through placeholders in the order they are written, ending after the text, and indents nothing', () => {
      for (const [name, s] of Object.entries(snippets)) {
        const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
        const stops = [...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])).filter((n, i, all) => n > 0 && all.indexOf(n) === i);
        assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name}: tab stops ${stops}`);
        // "${0:text}" would leave the cursor in front of its text when the snippet ends.
        assert.doesNotMatch(body, /\$\{0:/, `${name}: the final stop has a placeholder`);
        assert.doesNotMatch(body, /^[ \t]+\S/m, `${name}: an indented line`);
      }
    });

    it('leaves new clauses to the server, which numbers them', () => {
      const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
      assert.deepEqual(prefixes.filter((p) => /^(?:sec-)?clause/.test(p)), []);
    });

    it('has an expectation for every snippet', () => {
      assert.deepEqual(Object.keys(snippets).sort(), Object.keys(expectations).sort());
    });

    for (const [name, checks] of Object.entries(expectations)) {
      it(`expands "${name}" into text the grammar recognises`, () => {
        const s = snippets[name];
        assert.ok(s, `snippet ${name} missing`);
        const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
        const text = expandSnippet(body, variables).replace(/\t/g, '    ');
        const lines = tokenize(grammar, text);
        for (const [lineNo, needle, scope] of checks) {
          const line = lines[lineNo];
          assert.ok(line, `${name}: no line ${lineNo} in\n${text}`);
          const at = line.line.indexOf(needle);
          assert.ok(at >= 0, `${name}: "${needle}" not on line ${lineNo}: ${line.line}`);
          const token = line.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
          assert.ok(token?.scopes.includes(scope), `${name}: "${needle}" on "${line.line}" has [${token?.scopes.join(' ')}], expected ${scope}`);
        }
      });
    }
  });
});
