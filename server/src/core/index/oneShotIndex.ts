// The CLI's index: every file is loaded once, then each is checked once, in order. Nothing
// is kept for a next time, so a one-shot check does less than an editor's index, each way
// held equal to it by a property test (test/unit/oneShot.test.ts; docs/performance.md says
// what each saves):
//   - files are parsed for what they define; each file's citations are scanned only when it
//     is checked, and dropped with its report (parseForCheck);
//   - definitions are looked up in the tables of the files that have text of the cited
//     document (documentDefinitions.ts), not in a map of every id in the workspace;
//   - the paragraphs of Section clauses are read when first cited (paragraphsOnDemand.ts).

import { CitationScan, parseForCheck, scanCitations } from '../parse/parseDocument';
import type { Reference } from '../model/types';
import { entry } from '../resolve/checker';
import { DocumentDefinitions } from './documentDefinitions';
import { FileSummary, summarize } from './summary';
import { FileResolution, IndexBase, IndexOptions, MAX_FILE_SIZE, tooLarge } from './workspaceIndex';

export class OneShotIndex extends IndexBase {
  protected readonly lookup = new DocumentDefinitions();
  /** What scanning each file's citations needs, kept from its parse until it is checked. */
  private readonly citations = new Map<string, CitationScan>();

  constructor(options: IndexOptions) {
    super(options);
  }

  /** Checks a file against the files as they are now: its citations scanned, resolved and diagnosed afresh. */
  resolve(uri: string): FileResolution {
    const summary = this.files.get(uri);
    const scan = this.citations.get(uri);
    if (!summary) return { uri, references: [], diagnostics: [], termUses: [] };
    const citations = scan ? scanCitations(scan, this.names) : { references: [], instructions: [], problems: [] };
    const references = citations.references.map((reference) => entry(reference, this.checker.resolve(reference)));
    const problems = citations.problems.length > 0 ? summary.parsed.diagnostics.concat(citations.problems) : summary.parsed.diagnostics;
    const diagnostics = this.checker.diagnostics(uri, problems, references, citations.instructions);
    return this.withTerms({ uri, references, diagnostics }, citations.references);
  }

  /** The file's citations, scanned afresh (they are not kept). */
  referencesOf(uri: string): readonly Reference[] {
    const scan = this.citations.get(uri);
    return scan ? scanCitations(scan, this.names).references : [];
  }

  /**
   * Loads a file. Nothing resolved is kept, so no other file has a resolution to refresh:
   * the answer is the file alone (listing every file on each load made loading quadratic).
   */
  updateFile(uri: string, text: string): string[] {
    return this.put(uri, this.load(uri, text));
  }

  /** A file too large to be read at all (its size on disk): one diagnostic, and nothing of its text kept. */
  updateTooLarge(uri: string, bytes: number): string[] {
    this.citations.delete(uri);
    return this.put(uri, summarize(uri, tooLarge('', bytes)));
  }

  private put(uri: string, summary: FileSummary): string[] {
    this.checker.forget();
    const previous = this.files.get(uri);
    this.files.set(uri, summary);
    this.lookup.set(summary);
    this.deletions.replace(uri, previous?.parsed, summary.parsed);
    this.noteFile(uri, summary);
    this.terms.fileChanged(uri, previous?.parsed.definitions, summary.parsed.definitions);
    return [uri];
  }

  private load(uri: string, text: string): FileSummary {
    if (text.length > MAX_FILE_SIZE) {
      this.citations.delete(uri);
      return summarize(uri, tooLarge(text));
    }
    const { parsed, citations, paragraphs } = parseForCheck(text);
    this.citations.set(uri, citations);
    return summarize(uri, parsed, { paragraphs });
  }

  removeFile(uri: string): string[] {
    const previous = this.files.get(uri);
    if (!previous) return [];
    this.checker.forget();
    this.files.delete(uri);
    this.citations.delete(uri);
    this.lookup.delete(uri);
    this.deletions.replace(uri, previous.parsed, undefined);
    this.noteFile(uri, undefined);
    this.terms.fileChanged(uri, previous.parsed.definitions, undefined);
    return [];
  }

  protected keepsMatches(): boolean {
    return false;
  }

  protected reload(uri: string, text: string): void {
    this.updateFile(uri, text);
  }
}
