// Defined terms: `"Term" means ...`, `“Term” has the meaning given in ...`, and inline
// `(the "Term")`. Patterns are bounded: a term is at most 100 characters on one line.

import type { DefinedTerm } from '../model/types';
import { lineEndAt } from './lines';

const MEANS = /["\u201c]([A-Z][^"\u201c\u201d\n]{0,99})["\u201d][ \t]+(?:means|has the meaning|shall have the meaning|shall mean)\b/g;
const INLINE = /\((?:the|each a|each an|together the|a|an)[ \t]+["\u201c]([A-Z][^"\u201c\u201d\n]{0,99})["\u201d]\)/g;

export function parseDefinitions(text: string, skip: ReadonlyArray<{ start: number; end: number }>): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  // Every definition quotes its term: text without quotation marks defines nothing.
  if (!text.includes('"') && !text.includes('\u201c')) return terms;
  for (const pattern of [MEANS, INLINE]) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    // Matches come in order: the end of a line is looked for once per line, not once per definition on it.
    let lineEnd = -1;
    let region = 0;
    while ((match = pattern.exec(text)) !== null) {
      // The regions to skip are in order too: one pass over them per pattern.
      while (region < skip.length && skip[region].end <= match.index) region++;
      if (region < skip.length && skip[region].start <= match.index) continue;
      const start = match.index + match[0].indexOf(match[1]);
      if (start > lineEnd) lineEnd = lineEndAt(text, start);
      terms.push({ term: match[1], start, end: start + match[1].length, definitionEnd: lineEnd });
    }
  }
  return terms.sort((a, b) => a.start - b.start);
}
