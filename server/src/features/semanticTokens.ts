// Semantic tokens (textDocument/semanticTokens/full and /range): each use of a defined term is
// a `definedTerm` token, and each definition's term the same with the `declaration` modifier,
// so that a drafter sees at a glance which phrases carry a defined meaning. Worked out from the
// file's uses (kept by the index) and its definitions, both in order, merged in one pass; a
// term that wraps over a line break gives one token per line (LSP tokens are single-line).
// Encoded as LSP wants: five numbers a token, its line and start relative to the token before.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { FileSummary } from '../core/index/summary';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Glossary } from '../core/resolve/glossary';
import type { TermUse } from '../core/resolve/termMatcher';
import { countBefore } from '../core/text/sorted';
import { definitionSpans, Span } from './terms';

/** package.json declares `definedTerm` (superType `variable`) under contributes.semanticTokenTypes. */
export const TOKEN_TYPES = ['definedTerm'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const DEFINED_TERM = 0;
const DECLARATION = 1 << 0;

interface Token extends Span {
  modifiers: number;
}

/** The tokens of a file, or of the part of it a range covers (offsets; `end` excluded). */
export function semanticTokens(index: WorkspaceIndex, uri: string, range?: Span): SemanticTokens {
  const summary = index.summary(uri);
  if (!summary) return { data: [] };
  const uses = index.resolve(uri).termUses;
  const declarations = declarationSpans(summary, index.glossary());
  return { data: encode(summary, merged(uses, declarations, range)) };
}

/** The terms of the file's definitions that count, in order. */
function declarationSpans(summary: FileSummary, glossary: Glossary): Span[] {
  const spans: Span[] = [];
  let sorted = true;
  for (const definition of summary.parsed.definitions) {
    const entry = glossary.byDefinition.get(definition);
    if (!entry) continue;
    for (const span of definitionSpans(entry, definition, summary.parsed.text)) {
      if (spans.length > 0 && span.start < spans[spans.length - 1].start) sorted = false;
      spans.push(span);
    }
  }
  // A wrapped term's next-line words may come after a later definition on the term's own line.
  return sorted ? spans : spans.sort((a, b) => a.start - b.start);
}

/** The first index of items (sorted by start, not overlapping) whose end is after `offset`. */
function firstEndingAfter(items: ReadonlyArray<Span>, offset: number): number {
  return countBefore(items, (item) => item.end <= offset);
}

/** Uses and declarations in order, only those a range (if any) overlaps. */
function merged(uses: readonly TermUse[], declarations: readonly Span[], range: Span | undefined): Token[] {
  const tokens: Token[] = [];
  const stop = range ? range.end : Infinity;
  let u = range ? firstEndingAfter(uses, range.start) : 0;
  let d = range ? firstEndingAfter(declarations, range.start) : 0;
  while (true) {
    const use = u < uses.length && uses[u].start < stop ? uses[u] : undefined;
    const declaration = d < declarations.length && declarations[d].start < stop ? declarations[d] : undefined;
    if (!use && !declaration) break;
    const next = use && (!declaration || use.start < declaration.start) ? use : declaration!;
    if (next === use) u++;
    else d++;
    // Tokens never overlap (a wrapped definition's next-line words may also end a use).
    if (tokens.length > 0 && next.start < tokens[tokens.length - 1].end) continue;
    tokens.push({ start: next.start, end: next.end, modifiers: next === use ? 0 : DECLARATION });
  }
  return tokens;
}

/** LSP's relative encoding, each token cut at line breaks (its words on each line; the breaks and the spaces around them left out). */
function encode(summary: FileSummary, tokens: readonly Token[]): number[] {
  const { lines } = summary;
  const text = summary.parsed.text;
  const data: number[] = [];
  let line = 0;
  let previousLine = 0;
  let previousStart = 0;
  const emit = (start: number, end: number, modifiers: number): void => {
    while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= start) line++;
    const character = start - lines.lineStart(line);
    data.push(line - previousLine, line === previousLine ? character - previousStart : character, end - start, DEFINED_TERM, modifiers);
    previousLine = line;
    previousStart = character;
  };
  for (const { start, end, modifiers } of tokens) {
    let from = start;
    for (let at = start; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code !== 10 && code !== 13) continue;
      let to = at;
      while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
      if (to > from) emit(from, to, modifiers);
      from = code === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      while (from < end && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
      at = from - 1;
    }
    if (end > from) emit(from, end, modifiers);
  }
  return data;
}
