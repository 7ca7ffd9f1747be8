// The files of one `secls check` run: read and parsed into a one-shot workspace index, then
// resolved one by one.

import type { SecConfig } from '../core/config/config';
import type { Catalogue } from '../core/catalogue/catalogue';
import { OneShotIndex } from '../core/index/oneShotIndex';
import { readSourceFile, SourceFile, UnreadableFileError } from '../node/readTextFile';
import { displayPath, FileReport } from './fileReports';

export class UsageError extends Error {}

export interface GroupOptions {
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

  /** The files read (or too large to be read), in order: the others could not be, and are not reported on. */
  readonly checked: string[] = [];

  /**
   * Reads and parses every file it can. One that cannot be read does not stop the others:
   * `problem` hears why (and the run ends with status 2); `warning`, why one may not read as written.
   */
  load(problem: (message: string) => void, warning: (message: string) => void): void {
    for (const file of this.files) {
      const shown = displayPath(file, this.options.cwd);
      let source: SourceFile;
      try {
        source = readSourceFile(file);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        problem(`cannot read ${shown}: ${error.message}`);
        continue;
      }
      this.checked.push(file);
      if ('tooLarge' in source) {
        this.index.updateTooLarge(file, source.tooLarge);
        continue;
      }
      if (source.warning) warning(`${shown}: ${source.warning}`);
      this.index.updateFile(file, source.text);
    }
  }

  /** Each file checked, resolved, in order: one at a time, so that only one file's resolution is held. */
  *reports(): Generator<FileReport> {
    for (const file of this.checked) {
      const resolution = this.index.resolve(file);
      const { parsed } = this.index.summary(file)!;
      // A wrapped term is reported as the glossary reads it (with the words its next line completes it with).
      const glossary = parsed.definitions.length > 0 ? this.index.glossary() : undefined;
      const definitions = parsed.definitions.map((definition) => {
        const term = glossary?.byDefinition.get(definition)?.term ?? definition.term;
        return term === definition.term ? definition : { ...definition, term };
      });
      yield { path: file, text: parsed.text, references: resolution.references, diagnostics: resolution.diagnostics, definitions, termUses: resolution.termUses };
    }
  }
}
