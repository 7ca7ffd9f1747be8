// The ways `secls check` writes its report (`--format`): each is written piece by piece as files
// are resolved (output.ts), so that memory does not grow with the number of files.

import type { Counts, FileReport } from './fileReports';
import { humanLines, humanSummary, jsonDocumentEnd, jsonDocumentStart, jsonEntry } from './fileReports';
import { githubAnnotations } from './githubAnnotations';
import { SarifReport } from './sarif';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface ReportFormat {
  /** Before the first file; `entries` is how many files' reports follow. */
  start(entries: number): string;
  /** One file's report, in pieces. */
  entry(report: FileReport): Iterable<string>;
  /** After the last file: `checked` files were read and resolved. */
  end(counts: Counts, checked: number, entries: number): string;
}

class TextFormat implements ReportFormat {
  constructor(private readonly cwd: string) {}
  start(): string {
    return '';
  }
  entry(report: FileReport): Iterable<string> {
    return humanLines(report, this.cwd);
  }
  end(counts: Counts, checked: number): string {
    return humanSummary(counts, checked);
  }
}

class JsonFormat implements ReportFormat {
  private written = 0;
  constructor(private readonly cwd: string) {}
  start(entries: number): string {
    return jsonDocumentStart(entries);
  }
  *entry(report: FileReport): Iterable<string> {
    if (this.written++ > 0) yield ',\n';
    yield* jsonEntry(report, this.cwd);
  }
  end(counts: Counts, checked: number, entries: number): string {
    return jsonDocumentEnd(counts, checked, entries);
  }
}

/** GitHub Actions workflow commands: each diagnostic an annotation on its file and line, then the summary. */
class GithubFormat extends TextFormat {
  constructor(private readonly root: string) {
    super(root);
  }
  override entry(report: FileReport): Iterable<string> {
    return githubAnnotations(report, this.root);
  }
}

/** `cwd`: paths in the report are relative to it, as CI tools resolve them against their checkout. */
export function reportFormat(name: FormatName, cwd: string, version: string): ReportFormat {
  switch (name) {
    case 'json': return new JsonFormat(cwd);
    case 'sarif': return new SarifReport(cwd, version);
    case 'github': return new GithubFormat(cwd);
    default: return new TextFormat(cwd);
  }
}
