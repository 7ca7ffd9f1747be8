// Word-level difference between two texts, whitespace aside: words (runs of letters and
// digits) and single punctuation marks are compared, never the spaces and line breaks between
// them. Myers' algorithm on what lies between the common start and end, with a bound on how
// different the texts may be: a hover shows a difference, not a rewrite.

export interface WordToken {
  text: string;
  /** Whitespace came before it in its text. */
  spaced: boolean;
  /** That whitespace held a line break. */
  newline: boolean;
}

export type WordDiffPart = { kind: 'same' | 'removed' | 'added'; tokens: WordToken[] };

// A number such as H4.10 or 4.2.1 is one word; a full stop after a word is not part of it.
const TOKEN = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const WORD = /[\p{L}\p{N}]/u;

export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const gap = text.slice(last, match.index);
    tokens.push({ text: match[0], spaced: gap !== '', newline: gap.includes('\n') });
    last = match.index + match[0].length;
  }
  return tokens;
}

/** Tokens compared between the common start and end, and changes, at most: beyond these the texts are too far apart to show. */
const MAX_MIDDLE = 2000;
const MAX_CHANGES = 200;

/** The shortest edit script between `a` and `b` (Myers), as the index pairs kept; null when beyond the bounds. */
function commonPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(offset, MAX_CHANGES); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m);
    }
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], offset: number, n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) pairs.push([--x, --y]);
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

function push(parts: WordDiffPart[], kind: WordDiffPart['kind'], tokens: WordToken[]): void {
  if (tokens.length === 0) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.tokens.push(...tokens);
  else parts.push({ kind, tokens });
}

/** How `from` becomes `to`, word by word; null when they differ too much to say (see the bounds above). */
export function wordDiff(from: string, to: string): WordDiffPart[] | null {
  const a = wordTokens(from);
  const b = wordTokens(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start].text === b[start].text) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1].text === b[endB - 1].text) {
    endA--;
    endB--;
  }
  if (endA - start + endB - start > MAX_MIDDLE) return null;
  const pairs = commonPairs(a.slice(start, endA).map((t) => t.text), b.slice(start, endB).map((t) => t.text));
  if (pairs === null) return null;
  const parts: WordDiffPart[] = [];
  push(parts, 'same', a.slice(0, start));
  let x = start;
  let y = start;
  for (const [i, j] of pairs) {
    push(parts, 'removed', a.slice(x, start + i));
    push(parts, 'added', b.slice(y, start + j));
    push(parts, 'same', [a[start + i]]);
    x = start + i + 1;
    y = start + j + 1;
  }
  push(parts, 'removed', a.slice(x, endA));
  push(parts, 'added', b.slice(y, endB));
  push(parts, 'same', a.slice(endA));
  return parts;
}

/** Words removed and added, counted (punctuation is not): how far apart two texts are. */
export function changedWords(parts: readonly WordDiffPart[]): number {
  return parts.reduce((sum, part) => sum + (part.kind === 'same' ? 0 : part.tokens.filter((token) => WORD.test(token.text)).length), 0);
}
