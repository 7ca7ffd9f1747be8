// Title words: the unit in which headings, cited titles and document names are compared.
// Comparison ignores case, punctuation, `&` versus `and`, and a plural `s`.

export interface WordToken {
  /** Normalised form. */
  word: string;
  /** The word as written (for acronyms, which need the capitals). */
  raw: string;
  start: number;
  end: number;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 38 || // &
    (code >= 0xc0 && !(code >= 0x2000 && code <= 0x2bff)) // letters, not the punctuation block
  );
}

/** Characters that end a title or a name: sentence ends, brackets, quotes, bullets. */
export function isStopCode(code: number): boolean {
  return (
    code === 46 || // .
    code === 59 || // ;
    code === 40 || // (
    code === 41 || // )
    code === 34 || // "
    code === 0x201c || // “
    code === 0x201d || // ”
    code === 0x2018 || // ‘
    code === 0x2019 || // ’
    code === 0x2022 || // •
    code === 0xb7 || // ·
    code === 0x25aa // ▪
  );
}


export function normalizeWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word === '&') return 'and';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
  return word;
}

/**
 * Reads words from `offset` until a stop character, `maxWords`, or (if asked) a blank line.
 * A decimal point inside a number ("3.2") is part of the word; a full stop ends the run.
 */
export function readWords(text: string, offset: number, maxWords: number, stopAtBlankLine = false): WordToken[] {
  const words: WordToken[] = [];
  const limit = text.length;
  let i = offset;
  let breaks = 0;
  while (i < limit && words.length < maxWords) {
    const code = text.charCodeAt(i);
    if (isStopCode(code) && !(code === 46 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1))) break;
    if (!isWordCode(code)) {
      if (code === 10 && ++breaks >= 2 && stopAtBlankLine) break;
      i++;
      continue;
    }
    breaks = 0;
    const start = i;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 46 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) {
        i++;
        continue;
      }
      if (!isWordCode(c) || isStopCode(c)) break;
      i++;
    }
    const raw = text.slice(start, i);
    words.push({ word: normalizeWord(raw), raw, start, end: i });
  }
  return words;
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

export function titleWords(title: string): string[] {
  return readWordsUnbounded(title).map((token) => token.word);
}

/** Like readWords but does not stop at punctuation: for headings, whose punctuation is not significant. */
export function readWordsUnbounded(text: string): WordToken[] {
  const words: WordToken[] = [];
  const pattern = /[A-Za-z0-9&\u00c0-\u1fff\u2c00-\uffff]+(?:\.[0-9]+)*/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const raw = match[0];
    words.push({ word: normalizeWord(raw), raw, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

export function normalizeTitle(title: string): string {
  return titleWords(title).join(' ');
}
