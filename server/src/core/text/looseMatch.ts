// Quoted wording is found whatever the line breaks and spacing between its words: an
// instruction quotes a clause as it reads, not as the file happens to be wrapped.

const WORD = /\S+/g;

/**
 * Where `quoted` occurs in `text` with any run of whitespace standing for any other, as
 * offsets into `text`; null when it does not occur. Linear: the text's words are joined by
 * single spaces once and searched as one string, never matched by a backtracking pattern.
 */
export function findLoosely(text: string, quoted: string): { start: number; end: number } | null {
  const needle = quoted.replace(/\s+/g, ' ').trim();
  if (needle === '') return { start: 0, end: 0 };
  const joinedStarts: number[] = [];
  const textStarts: number[] = [];
  const words: string[] = [];
  let joinedLength = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    joinedStarts.push(joinedLength);
    textStarts.push(match.index);
    words.push(match[0]);
    joinedLength += match[0].length + 1;
  }
  const at = words.join(' ').indexOf(needle);
  if (at === -1) return null;
  // The needle starts and ends with a word character, so both ends fall inside words.
  const toText = (joined: number): number => {
    let low = 0;
    let high = joinedStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (joinedStarts[mid] <= joined) low = mid;
      else high = mid - 1;
    }
    return textStarts[low] + (joined - joinedStarts[low]);
  };
  return { start: toText(at), end: toText(at + needle.length - 1) + 1 };
}
