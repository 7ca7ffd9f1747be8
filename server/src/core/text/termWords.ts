// Words as defined terms are read: letters and digits, with an apostrophe or hyphen inside a
// word ("Non-Domestic", "Party's") and a closing apostrophe after a plural ("Parties'"). The
// definitions reader and the term matcher both read words through here, so that a term and
// its uses are cut the same way.

const enum Code {
  Apostrophe = 39,
  RightQuote = 0x2019,
  Hyphen = 45,
  Ampersand = 38,
  LowerS = 115,
}

export function isLetterOrDigit(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

export function isUpperCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isInnerMark(code: number): boolean {
  return code === Code.Apostrophe || code === Code.RightQuote || code === Code.Hyphen;
}

/** The end of the word starting at `start` (a letter, digit or `&`). */
export function wordEnd(text: string, start: number): number {
  if (text.charCodeAt(start) === Code.Ampersand) return start + 1;
  let at = start;
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    const lower = code | 32;
    if ((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && isLetterOrDigit(code))) at++;
    else if (isInnerMark(code) && at + 1 < length && isLetterOrDigit(text.charCodeAt(at + 1))) at += 2;
    // "Parties'": the apostrophe of a plural possessive belongs to the word.
    else if ((code === Code.Apostrophe || code === Code.RightQuote) && text.charCodeAt(at - 1) === Code.LowerS) return at + 1;
    else break;
  }
  return at;
}

export function isWordStart(code: number): boolean {
  return isLetterOrDigit(code) || code === Code.Ampersand;
}

/** Lower-case connectors that may stand between the capitalised words of a term ("Secretary of State"). */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'or', 'by', 'with', 'under', 'from', 'at', 'a', 'an', '&']);

/**
 * The forms of a written word that may be an inflection of a term's last word: the word,
 * then without a possessive, then without a plural ending ("Parties'" → "Parties" → "Party").
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  let bare = word;
  if (/['\u2019]s$/.test(bare)) bare = bare.slice(0, -2);
  else if (/s['\u2019]$/.test(bare)) bare = bare.slice(0, -1);
  if (bare !== word) forms.push(bare);
  if (bare.endsWith('ies') && bare.length > 4) forms.push(`${bare.slice(0, -3)}y`);
  if (bare.endsWith('es') && bare.length > 3) forms.push(bare.slice(0, -2));
  if (bare.endsWith('s') && !bare.endsWith('ss') && bare.length > 2) forms.push(bare.slice(0, -1));
  return forms;
}

/**
 * A word's key for "may this file contain this term?": lower case, without a possessive or a
 * plural `s`, hashed into 16 bits. Every form of a term's word gives the same key.
 */
export function wordKey(text: string, start: number, end: number): number {
  let stop = end;
  let code = text.charCodeAt(stop - 1);
  if (code === Code.Apostrophe || code === Code.RightQuote) code = text.charCodeAt(--stop - 1);
  else if (stop - start > 2 && text.charCodeAt(stop - 1) === Code.LowerS && (text.charCodeAt(stop - 2) === Code.Apostrophe || text.charCodeAt(stop - 2) === Code.RightQuote)) stop -= 2;
  if (stop - start > 2 && (text.charCodeAt(stop - 1) | 32) === Code.LowerS) stop--;
  let hash = 2166136261;
  for (let at = start; at < stop; at++) hash = Math.imul(hash ^ (text.charCodeAt(at) | 32), 16777619);
  return (hash ^ (hash >>> 16)) & 0xffff;
}

/** A set of word keys: 64k bits, 8 KB. */
export class WordKeys {
  private readonly bits = new Uint32Array(2048);

  add(key: number): void {
    this.bits[key >>> 5] |= 1 << (key & 31);
  }

  addAll(other: WordKeys): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i] |= other.bits[i];
  }

  has(key: number): boolean {
    return (this.bits[key >>> 5] & (1 << (key & 31))) !== 0;
  }
}

/** The keys of a term's words ("Service Requests" and "Service Request" give the same). */
export function termKeys(term: string): number[] {
  return termWordsOf(term).map((word) => wordKey(word, 0, word.length));
}

/** A term's words. */
export function termWordsOf(term: string): string[] {
  const words: string[] = [];
  for (let at = 0; at < term.length; at++) {
    if (!isWordStart(term.charCodeAt(at))) continue;
    const end = wordEnd(term, at);
    words.push(term.slice(at, end));
    at = end - 1;
  }
  return words;
}
