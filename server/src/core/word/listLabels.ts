// Automatic list numbers turned into the literal labels a .sec file carries. Numbers are
// counted twice: as the document read before its tracked changes and as it reads after them.
// A paragraph whose mark is inserted is one paragraph with the next in the first reading, and
// one whose mark is deleted is one with the next in the second, so each reading numbers its own
// paragraphs; where the two differ the label is a change itself: `{~~H4.3~>H4.4~~}` for a
// clause renumbered by an insertion above it, `{++(c) ++}` for a new paragraph.
import { WordParagraph } from './documentBody';
import { ListCounters, ListLabel } from './listCounters';
import { listPosition, NumberingDefinitions, ParagraphNumbering, StyleTable } from './numberingDefinitions';
import { ChangeMark, Piece } from './wordModel';

interface Reading {
  /** The paragraph whose properties number a merged paragraph: the last one, whose mark survives. */
  lastOfGroup: number[];
  startsGroup: boolean[];
}

function reading(paragraphs: WordParagraph[], joined: ChangeMark): Reading {
  const lastOfGroup: number[] = new Array(paragraphs.length);
  let last = paragraphs.length - 1;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    if (paragraphs[i].mark !== joined) last = i;
    lastOfGroup[i] = last;
  }
  const startsGroup = paragraphs.map((_, i) => i === 0 || paragraphs[i - 1].mark !== joined);
  return { lastOfGroup, startsGroup };
}

function labelPieces(before: ListLabel | undefined, after: ListLabel | undefined): Piece[] {
  if (before === undefined) return after === undefined ? [] : [{ kind: 'insertion', text: after.label + after.suffix }];
  if (after === undefined) return [{ kind: 'deletion', text: before.label + before.suffix }];
  const pieces: Piece[] =
    before.label === after.label ? [{ kind: 'text', text: after.label }] : [{ kind: 'deletion', text: before.label }, { kind: 'insertion', text: after.label }];
  if (before.suffix === after.suffix) pieces.push({ kind: 'text', text: after.suffix });
  else pieces.push({ kind: 'deletion', text: before.suffix }, { kind: 'insertion', text: after.suffix });
  return pieces;
}

/** For each paragraph, the label pieces that open it (none for a paragraph outside any list). */
export function listLabels(paragraphs: WordParagraph[], definitions: NumberingDefinitions, styles: StyleTable, report: (message: string) => void): Piece[][] {
  const original = reading(paragraphs, 'insertion');
  const amended = reading(paragraphs, 'deletion');
  const originalCounters = new ListCounters(definitions, styles, report);
  const amendedCounters = new ListCounters(definitions, styles, report);
  const label = (counters: ListCounters, numbering: ParagraphNumbering): ListLabel | undefined => {
    const position = listPosition(definitions, styles, numbering);
    return position === undefined ? undefined : counters.next(position);
  };
  return paragraphs.map((_, i) => {
    const before = original.startsGroup[i] ? label(originalCounters, paragraphs[original.lastOfGroup[i]].originalNumbering) : undefined;
    const after = amended.startsGroup[i] ? label(amendedCounters, paragraphs[amended.lastOfGroup[i]].numbering) : undefined;
    return labelPieces(before, after);
  });
}
