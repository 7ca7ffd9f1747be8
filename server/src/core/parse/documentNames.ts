import { readWords, titleWords } from './words';

export interface NameEntry {
  /** A document title or abbreviation: "SEC Variation Testing Approach Document", "DUIS". */
  name: string;
  /** The document it names: `Appendix AK`, or a version such as `Schedule 9 v1.2`. */
  target: string;
}

export interface NameMatch {
  target: string;
  /** Offset just after the last word of the name. */
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  target?: string;
}

const MAX_NAME_WORDS = 16;

/** Finds the longest document title or abbreviation starting at an offset (word trie). */
export class DocumentNames {
  private readonly root: TrieNode = { next: new Map() };
  private readonly byTarget = new Map<string, string[]>();

  /**
   * `sectionLetters`: the letters of the Code's Sections (`ABCDEFGHIJKLMNPTXZ`), when a
   * catalogue says which exist; a bare id with another letter ("Matrix V12.4") is not an SEC
   * id. Without one, every capital may be a Section.
   */
  constructor(entries: readonly NameEntry[] = [], private readonly sectionLetters?: string) {
    for (const entry of entries) this.add(entry);
  }

  /** Could a bare id starting with this capital be an SEC clause? */
  isSectionLetter(code: number): boolean {
    return this.sectionLetters === undefined || this.sectionLetters.includes(String.fromCharCode(code));
  }

  add(entry: NameEntry): void {
    const words = titleWords(entry.name);
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.target ??= entry.target;
    const names = this.byTarget.get(entry.target) ?? [];
    names.push(entry.name);
    this.byTarget.set(entry.target, names);
  }

  /** Names (titles and abbreviations) registered for a target. */
  namesOf(target: string): readonly string[] {
    return this.byTarget.get(target) ?? [];
  }

  match(text: string, offset: number): NameMatch | null {
    const words = readWords(text, offset, MAX_NAME_WORDS, true);
    let node = this.root;
    let best: NameMatch | null = null;
    for (const token of words) {
      const child = node.next.get(token.word);
      if (!child) break;
      node = child;
      if (node.target) best = { target: node.target, end: token.end };
    }
    return best;
  }
}
