// Quoted wording is found whatever the line breaks and spacing between its words: an
// instruction quotes a clause as it reads, not as the file happens to be wrapped.
import { lastNotAbove } from './sorted';

const WORD = /\S+/g;
/** Searches of one text are sped up by an index of its 4-character pieces once they are many and the text is long. */
const GRAM = 4;
const INDEXED_FROM_SEARCH = 4;
const INDEXED_FROM_LENGTH = 1 << 16;
const BUCKET_BITS = 18;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

function gramHash(text: string, at: number): number {
  let hash = 0;
  for (let i = 0; i < GRAM; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(at + i)) | 0;
  return (hash ^ (hash >>> BUCKET_BITS)) & BUCKET_MASK;
}

/** Where each 8-character piece of a text starts, by hash bucket, in increasing order within each. */
class GramIndex {
  private readonly offsets = new Int32Array((1 << BUCKET_BITS) + 1);
  private readonly positions: Int32Array;

  constructor(private readonly text: string) {
    const count = Math.max(0, text.length - GRAM + 1);
    const hashes = new Int32Array(count);
    for (let at = 0; at < count; at++) this.offsets[(hashes[at] = gramHash(text, at)) + 1]++;
    for (let bucket = 0; bucket < BUCKET_MASK + 1; bucket++) this.offsets[bucket + 1] += this.offsets[bucket];
    const next = this.offsets.slice(0, BUCKET_MASK + 1);
    this.positions = new Int32Array(count);
    for (let at = 0; at < count; at++) this.positions[next[hashes[at]]++] = at;
  }

  /** The first occurrence of a needle of GRAM characters or more: only the places holding its rarest piece are compared. */
  indexOf(needle: string): number {
    let best = -1;
    let bestSize = Infinity;
    for (let j = 0; j + GRAM <= needle.length; j++) {
      const bucket = gramHash(needle, j);
      const size = this.offsets[bucket + 1] - this.offsets[bucket];
      if (size < bestSize) [best, bestSize] = [j, size];
    }
    const bucket = gramHash(needle, best);
    for (let k = this.offsets[bucket]; k < this.offsets[bucket + 1]; k++) {
      const start = this.positions[k] - best;
      if (start >= 0 && this.text.startsWith(needle, start)) return start;
    }
    return -1;
  }
}

/**
 * A text to search for quoted wording, any run of whitespace standing for any other. Linear:
 * the text's words are joined by single spaces once and searched as one string, never
 * matched by a backtracking pattern; many searches of a long text (an amendment of
 * thousands of instructions against one Part) look up an index instead of reading it again.
 */
export class LooseText {
  private readonly joined: string;
  private readonly joinedStarts: number[] = [];
  private readonly textStarts: number[] = [];
  private searches = 0;
  private index: GramIndex | undefined;

  /** `indexedFrom`: the length from which many searches use the index (tests lower it). */
  constructor(text: string, private readonly indexedFrom = INDEXED_FROM_LENGTH) {
    const words: string[] = [];
    let joinedLength = 0;
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
      this.joinedStarts.push(joinedLength);
      this.textStarts.push(match.index);
      words.push(match[0]);
      joinedLength += match[0].length + 1;
    }
    this.joined = words.join(' ');
  }

  /** Where the quoted wording first occurs, as offsets into the text; null when it does not. */
  find(quoted: string): { start: number; end: number } | null {
    const needle = quoted.replace(/\s+/g, ' ').trim();
    if (needle === '') return { start: 0, end: 0 };
    const at = this.search(needle);
    if (at === -1) return null;
    // The needle starts and ends with a word character, so both ends fall inside words.
    return { start: this.toText(at), end: this.toText(at + needle.length - 1) + 1 };
  }

  private search(needle: string): number {
    if (needle.length < GRAM || this.joined.length < this.indexedFrom || ++this.searches < INDEXED_FROM_SEARCH) return this.joined.indexOf(needle);
    this.index ??= new GramIndex(this.joined);
    return this.index.indexOf(needle);
  }

  private toText(joined: number): number {
    const word = lastNotAbove(this.joinedStarts, joined);
    return this.textStarts[word] + (joined - this.joinedStarts[word]);
  }
}

/** Where `quoted` first occurs in `text`, any whitespace standing for any other; null when it does not. */
export function findLoosely(text: string, quoted: string): { start: number; end: number } | null {
  return new LooseText(text).find(quoted);
}
