// Amendment instructions written in prose, checked against the workspace:
//   Insert new Section H4.3A after Section H4.3
//   Delete Section X5.3
//   In Section H4.2(b), replace "x" with "y"
//   Renumber Section H4.5 as Section H4.6
// Patterns are anchored on their verbs and bounded (ids, quoted text up to 300 characters).

import type { Instruction } from '../model/types';

const ID = String.raw`([A-Z]\d{1,2}[A-Z]?(?:\.\d{1,3}[A-Z]?)?(?:\([a-zA-Z]{1,4}\)){0,3})`;
const GAP = String.raw`[ \t]+(?:\r?\n[ \t]*)?`;
const QUOTED = String.raw`["\u201c]([^"\u201c\u201d]{1,300})["\u201d]`;
const INSERT = new RegExp(String.raw`\bInsert${GAP}(?:a${GAP})?new${GAP}(?:Section|Clause|Paragraph)${GAP}${ID}${GAP}(after|before)${GAP}(?:Section${GAP})?${ID}`, 'g');
const DELETE = new RegExp(String.raw`\bDelete${GAP}(?:Section|Clause|Paragraph)${GAP}${ID}`, 'g');
const REPLACE = new RegExp(String.raw`\bIn${GAP}Section${GAP}${ID},?${GAP}replace${GAP}${QUOTED}${GAP}(?:with|by)${GAP}["\u201c]([^"\u201c\u201d]{0,300})["\u201d]`, 'g');
const RENUMBER = new RegExp(String.raw`\bRenumber${GAP}(?:Section${GAP})?${ID}${GAP}as${GAP}(?:Section${GAP})?${ID}`, 'g');

function sectionId(written: string): string {
  return `Section ${written}`;
}

/** Offset of the n-th capture group in a match (by searching after the previous one). */
function groupOffsets(match: RegExpExecArray): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (let g = 1; g < match.length; g++) {
    const value = match[g];
    if (value === undefined) {
      offsets.push(-1);
      continue;
    }
    const at = match[0].indexOf(value, from);
    offsets.push(match.index + at);
    from = at + value.length;
  }
  return offsets;
}

/** Each pattern's verb: a plain search for it is far cheaper than running the pattern over text without it. */
const VERBS = { insert: 'Insert', delete: 'Delete', replace: 'replace', renumber: 'Renumber' } as const;
/** One pass that finds whether any verb is there at all (most files have none). */
const ANY_VERB = /Insert|Delete|replace|Renumber/;

export function parseInstructions(text: string): Instruction[] {
  const found: Instruction[] = [];
  if (!ANY_VERB.test(text)) return found;
  for (const [kind, pattern] of [['insert', INSERT], ['delete', DELETE], ['replace', REPLACE], ['renumber', RENUMBER]] as const) {
    if (!text.includes(VERBS[kind])) continue;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const at = groupOffsets(match);
      const end = match.index + match[0].length;
      if (kind === 'insert') {
        found.push({
          kind, start: match.index, end, target: sectionId(match[3]), targetStart: at[2], targetEnd: at[2] + match[3].length,
          newId: sectionId(match[1]), newIdStart: at[0], newIdEnd: at[0] + match[1].length, position: match[2] as 'after' | 'before',
        });
      } else if (kind === 'delete') {
        found.push({ kind, start: match.index, end, target: sectionId(match[1]), targetStart: at[0], targetEnd: at[0] + match[1].length });
      } else if (kind === 'replace') {
        found.push({
          kind, start: match.index, end, target: sectionId(match[1]), targetStart: at[0], targetEnd: at[0] + match[1].length,
          find: match[2], findStart: at[1], findEnd: at[1] + match[2].length, replacement: match[3],
        });
      } else {
        found.push({
          kind, start: match.index, end, target: sectionId(match[1]), targetStart: at[0], targetEnd: at[0] + match[1].length,
          newId: sectionId(match[2]), newIdStart: at[1], newIdEnd: at[1] + match[2].length,
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
