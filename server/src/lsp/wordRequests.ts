// "Export to Word" and "Import Word Document" in the editor: the server converts (with the
// converters secls uses, loaded from their own bundle on the first request) and answers with
// bytes or text; it writes nothing. The client writes the document where the user chooses, or
// opens the imported text as a new, unsaved document.
import { DEFAULT_WORD_AUTHOR, revisionDate } from '../core/config/wordSettings';
import type { EditorIndex } from '../core/index/editorIndex';
import { fileName } from '../core/model/uris';
import { describeChanges } from '../core/word/changeSummary';
import { wordEngines } from '../core/word/load';
import { MAX_DOCX_FILE_BYTES, MAX_EXPORT_TEXT_BYTES, megabytes, WordProblem } from '../core/word/wordModel';
import type { WordExport, WordImport, WordImportParams } from '../protocol';

function described(problems: readonly WordProblem[], name: string): string[] {
  return problems.map((problem) => `${problem.severity}: ${problem.line === undefined ? name : `${name}:${problem.line}`}: ${problem.message}`);
}

export async function exportWord(index: EditorIndex, uri: string): Promise<WordExport | null> {
  const text = index.summary(uri)?.parsed.text;
  if (text === undefined) return null;
  const name = fileName(uri);
  const size = Buffer.byteLength(text);
  if (size > MAX_EXPORT_TEXT_BYTES) {
    return { problems: [], error: `${name} is ${megabytes(size)}, above the ${megabytes(MAX_EXPORT_TEXT_BYTES)} a Word export takes at once; export it in parts.` };
  }
  const settings = index.configuration.word ?? {};
  const author = settings.author ?? DEFAULT_WORD_AUTHOR;
  const date = settings.date ?? revisionDate(new Date().toISOString())!;
  const result = await wordEngines().secToDocx(text, { author, date, title: name });
  return {
    data: Buffer.from(result.bytes).toString('base64'),
    summary: `${describeChanges(result.summary)} as tracked changes by ${author}`,
    problems: described(result.problems, name),
  };
}

export function importWord(index: EditorIndex, { data, name }: WordImportParams): WordImport {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > MAX_DOCX_FILE_BYTES) {
    return { problems: [], error: `${name} is ${megabytes(bytes.length)}, above the ${megabytes(MAX_DOCX_FILE_BYTES)} limit for a Word document.` };
  }
  const { docxToSec, WordFormatError } = wordEngines();
  try {
    const result = docxToSec(bytes, { author: index.configuration.word?.author ?? DEFAULT_WORD_AUTHOR });
    return { text: result.text, problems: described(result.problems, name) };
  } catch (error) {
    if (error instanceof WordFormatError) return { problems: [], error: `Cannot import ${name}: ${error.message}.` };
    throw error;
  }
}
