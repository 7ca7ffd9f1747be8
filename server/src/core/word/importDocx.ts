// A Word document as a .sec drafting file: tracked insertions and deletions as CriticMarkup,
// comments as {>> <<} where they are anchored, automatic list numbers as literal labels.
// Pure: bytes in, text and problems out; the caller reads and writes the files.
import { scanChanges } from '../text/criticMarkup';
import { criticMarkup } from './criticText';
import { BodyReader, WordParagraph } from './documentBody';
import { readDocxParts } from './docxPackage';
import { listLabels } from './listLabels';
import { readNumbering, readStyles } from './numberingDefinitions';
import { readComments, WordComment } from './wordComments';
import { lineAt, Piece, WordFormatError, WordProblem } from './wordModel';

export interface WordImportOptions {
  /** Comments by anyone else are prefixed with their author's name ("Jane Doe: …"). */
  author?: string;
}

export interface WordImportResult {
  text: string;
  problems: WordProblem[];
}

function commentText(comment: WordComment, options: WordImportOptions): string {
  return comment.author === '' || comment.author === options.author ? comment.text : `${comment.author}: ${comment.text}`;
}

function documentPieces(paragraphs: WordParagraph[], labels: Piece[][], comments: Map<string, WordComment>, options: WordImportOptions): Piece[] {
  // A comment stands at its reference mark; one without a mark (some producers) at the end of its range.
  const referenced = new Set<string>();
  for (const paragraph of paragraphs) for (const piece of paragraph.pieces) if (piece.kind === 'comment' && piece.anchor === 'reference') referenced.add(piece.id);
  const pieces: Piece[] = [];
  paragraphs.forEach((paragraph, i) => {
    pieces.push(...labels[i]);
    for (const piece of paragraph.pieces) {
      if (piece.kind !== 'comment') pieces.push(piece);
      else if (piece.anchor === 'reference' || !referenced.has(piece.id)) {
        const comment = comments.get(piece.id);
        if (comment !== undefined) pieces.push({ kind: 'comment', text: commentText(comment, options) });
      }
    }
    pieces.push({ kind: paragraph.mark, text: paragraph.separator });
  });
  return pieces;
}

function convert(bytes: Uint8Array, options: WordImportOptions): WordImportResult {
  const parts = readDocxParts(bytes);
  const reader = new BodyReader();
  const paragraphs = reader.read(parts.document, parts.documentPath);
  const comments = readComments(parts.comments, reader);
  const problems: WordProblem[] = [];
  const labels = listLabels(paragraphs, readNumbering(parts.numbering), readStyles(parts.styles), (message) => problems.push({ severity: 'warning', message }));
  const text = criticMarkup(documentPieces(paragraphs, labels, comments, options));
  for (const [what, count] of reader.leftOut) problems.push({ severity: 'warning', message: `${what} are not imported (${count} left out)` });
  // Text that itself looks like CriticMarkup ("{++" typed in Word) would be read as changes.
  for (const malformed of scanChanges(text).malformed) {
    problems.push({ severity: 'error', line: lineAt(text, malformed.start), message: `the document's text contains CriticMarkup delimiters, so the imported file has malformed changes: ${malformed.message}` });
  }
  return { text, problems };
}

/** The .sec text of a .docx; throws WordFormatError when the bytes are not a Word document this tool can read. */
export function docxToSec(bytes: Uint8Array, options: WordImportOptions = {}): WordImportResult {
  try {
    return convert(bytes, options);
  } catch (error) {
    if (error instanceof WordFormatError) throw error;
    // A hostile document can break a library in ways no check foresees (nesting deep enough to
    // exhaust the stack, for one): still a document that cannot be read, not a crash.
    throw new WordFormatError(`the document could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
