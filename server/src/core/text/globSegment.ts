// One segment of a glob (the part between two `/`), compiled to a matcher that never
// backtracks: a plain name is compared, stars between plain text are found left to right
// with indexOf (the leftmost place for each piece is always a right one), and anything with
// `?` or `[...]` runs as a set of positions advanced one character at a time.

export interface SegmentMatcher {
  matches(name: string): boolean;
  /** The name itself when the segment has no wildcard. */
  literal?: string;
  /** True for `*`: any name. */
  any?: boolean;
}

type Token =
  | { kind: 'char'; code: number }
  | { kind: 'star' }
  | { kind: 'one' }
  | { kind: 'class'; negated: boolean; ranges: number[] };

type ErrorOf = (message: string) => Error;

/** `[...]` from `open`; returns the token and the index of its `]`. */
function readClass(text: string, open: number, error: ErrorOf): { token: Token; close: number } {
  let i = open + 1;
  const negated = text[i] === '!' || text[i] === '^';
  if (negated) i++;
  const ranges: number[] = [];
  const start = i;
  for (; i < text.length; i++) {
    if (text[i] === ']' && i > start) return { token: { kind: 'class', negated, ranges }, close: i };
    if (text[i] === '\\') i++;
    const low = text.charCodeAt(i);
    let high = low;
    if (text[i + 1] === '-' && i + 2 < text.length && text[i + 2] !== ']') {
      i += text[i + 2] === '\\' ? 3 : 2;
      high = text.charCodeAt(i);
      if (high < low) throw error(`has a backwards range "${text[i - 2]}-${text[i]}" in "[...]"`);
    }
    ranges.push(low, high);
  }
  throw error('has an unclosed "["');
}

function tokenize(text: string, error: ErrorOf): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') tokens.push({ kind: 'char', code: text.charCodeAt(++i) });
    else if (char === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'one' });
    else if (char === '[') {
      const { token, close } = readClass(text, i, error);
      tokens.push(token);
      i = close;
    } else tokens.push({ kind: 'char', code: text.charCodeAt(i) });
  }
  return tokens;
}

function accepts(token: Token, code: number): boolean {
  if (token.kind === 'char') return token.code === code;
  if (token.kind !== 'class') return true;
  let inside = false;
  for (let r = 0; r < token.ranges.length && !inside; r += 2) inside = code >= token.ranges[r] && code <= token.ranges[r + 1];
  return inside !== token.negated;
}

/** Plain text and stars only: the pieces between the stars, found in order. */
function starMatcher(pieces: string[]): SegmentMatcher {
  const prefix = pieces[0];
  const suffix = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((piece) => piece !== '');
  const fixed = prefix.length + suffix.length;
  if (fixed === 0 && middle.length === 0) return { any: true, matches: () => true };
  return {
    matches: (name) => {
      if (name.length < fixed || !name.startsWith(prefix) || !name.endsWith(suffix)) return false;
      let at = prefix.length;
      const end = name.length - suffix.length;
      for (const piece of middle) {
        const found = name.indexOf(piece, at);
        if (found === -1 || found + piece.length > end) return false;
        at = found + piece.length;
      }
      return true;
    },
  };
}

/** Any tokens: the set of positions reached, one character at a time (length of name × tokens). */
function tokenMatcher(tokens: Token[]): SegmentMatcher {
  const size = tokens.length + 1;
  const close = (set: Uint8Array): void => {
    for (let t = 0; t < tokens.length; t++) if (set[t] && tokens[t].kind === 'star') set[t + 1] = 1;
  };
  return {
    matches: (name) => {
      let states = new Uint8Array(size);
      let next = new Uint8Array(size);
      states[0] = 1;
      close(states);
      for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        next.fill(0);
        for (let t = 0; t < tokens.length; t++) {
          if (!states[t]) continue;
          if (tokens[t].kind === 'star') next[t] = 1;
          else if (accepts(tokens[t], code)) next[t + 1] = 1;
        }
        close(next);
        [states, next] = [next, states];
      }
      return states[tokens.length] === 1;
    },
  };
}

export function compileSegment(text: string, error: ErrorOf): SegmentMatcher {
  const tokens = tokenize(text, error);
  if (tokens.every((token) => token.kind === 'char' || token.kind === 'star')) {
    const pieces = [''];
    for (const token of tokens) {
      if (token.kind === 'star') pieces.push('');
      else pieces[pieces.length - 1] += String.fromCharCode(token.code);
    }
    if (pieces.length === 1) return { literal: pieces[0], matches: (name) => name === pieces[0] };
    return starMatcher(pieces);
  }
  return tokenMatcher(tokens);
}
