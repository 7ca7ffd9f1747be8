// The files of one `secls check` run: read and parsed into a one-shot workspace index, then
// resolved and formatted one by one.

import { relative } from 'node:path';
import type { SecConfig } from '../core/config/config';
import type { Catalogue } from '../core/catalogue/catalogue';
import { OneShotIndex } from '../core/index/oneShotIndex';
import { readTextFile } from '../node/readTextFile';
import { Counts, countReport, FileReport, humanLines, jsonEntry } from './fileReports';

export class UsageError extends Error {}

export interface GroupOptions {
  json: boolean;
  cwd: string;
  /** The effective configuration (--no-catalogue already applied). */
  config: SecConfig;
  /** The embedded catalogue, or the one sec.config.json names. */
  catalogue: Catalogue;
}

export class CheckGroup {
  private readonly index: OneShotIndex;

  constructor(private readonly options: GroupOptions, private readonly files: readonly string[]) {
    this.index = new OneShotIndex({ catalogue: options.catalogue, config: options.config });
  }

  /** Reads and parses every file; throws UsageError naming a file that cannot be read. */
  load(): void {
    for (const file of this.files) {
      let text: string;
      try {
        text = readTextFile(file);
      } catch (error) {
        throw new UsageError(`cannot read ${relative(this.options.cwd, file) || file}: ${(error as Error).message}`);
      }
      this.index.updateFile(file, text);
    }
  }

  /** Each file's output (human lines or JSON entry), in order; adds to the counts. */
  report(counts: Counts): string[] {
    return this.files.map((file) => {
      const resolution = this.index.resolve(file);
      const report: FileReport = { path: file, text: this.index.summary(file)!.parsed.text, references: resolution.references, diagnostics: resolution.diagnostics };
      countReport(counts, report);
      return this.options.json ? jsonEntry(report, this.options.cwd) : humanLines(report, this.options.cwd);
    });
  }
}
