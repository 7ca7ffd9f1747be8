// The TextMate grammar loaded the way VS Code loads it (vscode-textmate + oniguruma, through
// vscode-tmgrammar-test's registry), for the grammar tests that tokenize text themselves.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index';
import { LineIndex } from '../../server/src/core/text/lineIndex';

function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'syntaxes', 'sec.tmLanguage.json')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('syntaxes/sec.tmLanguage.json not found above ' + __dirname);
    dir = up;
  }
}

export const root = findRoot();
export const grammarPath = path.join(root, 'syntaxes', 'sec.tmLanguage.json');
export const registry = createRegistry([{ path: grammarPath, scopeName: 'source.sec' } as never]);

export interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
export interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}

export async function loadGrammar(): Promise<Grammar> {
  const grammar = (await registry.loadGrammar('source.sec')) as unknown as Grammar | null;
  assert.ok(grammar, 'grammar source.sec not loaded');
  return grammar;
}

export function tokenize(grammar: Grammar, text: string): { line: string; tokens: Token[] }[] {
  let state: unknown = null;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return { line, tokens: r.tokens };
  });
}

/**
 * A whole text tokenized line by line, looked up by text offset: the parser speaks in offsets,
 * the grammar in lines and columns.
 */
export class TokenizedText {
  private readonly index: LineIndex;
  private readonly lines: { line: string; tokens: Token[] }[];

  constructor(grammar: Grammar, readonly text: string) {
    this.index = new LineIndex(text);
    this.lines = tokenize(grammar, text);
  }

  /** Index of the line holding `offset`. */
  lineOf(offset: number): number {
    return this.index.positionAt(offset).line;
  }

  lineStart(line: number): number {
    return this.index.lineStart(line);
  }

  lineText(line: number): string {
    return this.lines[line].line;
  }

  /** Scopes of the character at `offset` (empty at a line break). */
  scopesAt(offset: number): string[] {
    const { line, character } = this.index.positionAt(offset);
    return this.lines[line].tokens.find((t) => t.startIndex <= character && character < t.endIndex)?.scopes ?? [];
  }

  /** The tokens of a line, with their text and their offsets in the whole text. */
  tokensOf(line: number): { start: number; end: number; text: string; scopes: string[] }[] {
    const { line: text, tokens } = this.lines[line];
    const start = this.lineStart(line);
    return tokens.map((t) => ({
      start: start + t.startIndex,
      end: start + t.endIndex,
      text: text.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  }

  /** `where: "text" has [scopes]`, for failure messages. */
  describe(offset: number, length = 1): string {
    const line = this.lineOf(offset);
    return `line ${line + 1} "${this.lines[line].line}": "${this.text.slice(offset, offset + length)}" has [${this.scopesAt(offset).join(' ')}]`;
  }
}
