// Pieces of text under tracked changes written as CriticMarkup. Word splits one change into
// many elements (a run per formatting, a line per paragraph), so neighbouring pieces of one
// kind become one change; a deletion right before an insertion is a substitution, as a
// reviewer who types over a word means it.
import { Piece } from './wordModel';

function merged(pieces: Piece[]): Piece[] {
  const result: Piece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'comment' && piece.text === '') continue;
    const previous = result[result.length - 1];
    if (previous !== undefined && previous.kind === piece.kind && piece.kind !== 'comment') previous.text += piece.text;
    else result.push({ ...piece });
  }
  return result;
}

/** A substitution needs its `~>` and `~~}` to be the first ones after its opening. */
function canSubstitute(deleted: string, inserted: string): boolean {
  return !deleted.includes('~>') && !deleted.includes('~~}') && !inserted.includes('~~}');
}

export function criticMarkup(pieces: Piece[]): string {
  const parts: string[] = [];
  const all = merged(pieces);
  for (let i = 0; i < all.length; i++) {
    const piece = all[i];
    const next = all[i + 1];
    if (piece.kind === 'deletion' && next?.kind === 'insertion' && canSubstitute(piece.text, next.text)) {
      parts.push(`{~~${piece.text}~>${next.text}~~}`);
      i++;
    } else if (piece.kind === 'deletion') parts.push(`{--${piece.text}--}`);
    else if (piece.kind === 'insertion') parts.push(`{++${piece.text}++}`);
    else if (piece.kind === 'comment') parts.push(`{>>${piece.text}<<}`);
    else parts.push(piece.text);
  }
  return parts.join('');
}
