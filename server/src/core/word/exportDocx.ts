// A .sec drafting file as a Word document a reviewer can work in: CriticMarkup as tracked
// changes by the given author and date, comments as Word comments, the text line for line.
// Pure: text in, bytes out; the caller reads and writes the files.
import { Packer } from 'docx';
import { ChangeSummary, countChanges } from './changeSummary';
import { buildDocument, Revision } from './docxBuilder';
import { layoutSec } from './secLayout';
import { WordProblem } from './wordModel';

export interface WordExportOptions extends Revision {
  /** The document's title (Word's File › Info); the file name serves. */
  title?: string;
}

export interface WordExportResult {
  bytes: Uint8Array;
  problems: WordProblem[];
  summary: ChangeSummary;
}

export async function secToDocx(text: string, options: WordExportOptions): Promise<WordExportResult> {
  const { paragraphs, problems } = layoutSec(text);
  const document = buildDocument(paragraphs, { author: options.author, date: options.date }, options.title ?? '');
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  return { bytes, problems, summary: countChanges(text) };
}
