// `secls check`: loads files from disk into a one-shot workspace index and reports.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, SecConfig } from '../core/config/config';
import type { Catalogue } from '../core/catalogue/catalogue';
import { configuredCatalogue } from '../core/catalogue/load';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import type { CoreDiagnostic } from '../core/model/types';
import { readCatalogueFiles } from '../node/catalogueFiles';
import { excluder, findSecFiles } from '../node/findFiles';
import { readTextFile, UnreadableFileError } from '../node/readTextFile';
import { CheckGroup, GroupOptions } from './checkGroup';
import { Counts, countReport, emptyCounts, FileReport } from './fileReports';
import { FormatName, ReportFormat, reportFormat } from './reportFormats';
import { Output, Sink } from './output';

export { UsageError } from './checkGroup';

export interface CheckOptions {
  format: FormatName;
  /** The tool's version, for reports that name it (SARIF). */
  version: string;
  catalogue: boolean;
  paths: string[];
  cwd: string;
  /** Where messages that are not the report go: files that could not be read, warnings. */
  stderr: (line: string) => void;
}

function invalidConfig(path: string, text: string, problems: Array<Omit<CoreDiagnostic, 'severity' | 'code'>>): FileReport {
  return { path, text, references: [], diagnostics: problems.map((problem) => ({ ...problem, severity: 'warning', code: 'invalid-config' })) };
}

export interface LoadedConfig {
  config?: SecConfig;
  /** The configuration's problems, as a file of the report. */
  report?: FileReport;
  /** The embedded catalogue, or the newer one sec.config.json names. */
  catalogue: Catalogue;
}

/** The root's sec.config.json: a file that is invalid, or cannot be read at all, is reported and the defaults apply. */
export function loadConfig(root: string): LoadedConfig {
  const path = resolve(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) return { catalogue: embeddedCatalogue() };
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const message = `sec.config.json cannot be read (${error.message}); using the defaults.`;
    return { catalogue: embeddedCatalogue(), report: invalidConfig(path, '', [{ start: 0, end: 0, message }]) };
  }
  const { config, problems } = parseConfig(text);
  let catalogue = embeddedCatalogue();
  if (config.cataloguePath) {
    const loaded = configuredCatalogue(text, config.cataloguePath, readCatalogueFiles(root, config.cataloguePath), catalogue);
    catalogue = loaded.catalogue;
    problems.push(...loaded.problems);
  }
  return problems.length === 0 ? { config, catalogue } : { config, catalogue, report: invalidConfig(path, text, problems) };
}

/** The files to check, in order; a path that is neither a file nor a folder is reported to `problem`. */
export function collectFiles(options: CheckOptions, config: SecConfig | undefined, root: string, problem: (message: string) => void): string[] {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const isExcluded = excluder(root, config?.exclude ?? []);
  const files = new Set<string>();
  for (const given of paths) {
    const path = resolve(options.cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      problem(`cannot read ${given}: no such file or folder`);
      continue;
    }
    // A file named explicitly is checked whatever its extension; folders give their *.sec files.
    if (stats.isDirectory()) for (const file of findSecFiles(path, isExcluded)) files.add(file);
    else if (stats.isFile()) files.add(path);
    else problem(`cannot read ${given}: not a regular file (a FIFO, device or socket): only files are read`);
  }
  return [...files];
}

/** The configuration's report first, when there is one, then the files' as they are resolved. */
function* reportsWith(configReport: FileReport | undefined, reports: Iterable<FileReport>): Generator<FileReport> {
  if (configReport) yield configReport;
  yield* reports;
}

/** Writes each file's report as it is resolved, in the chosen format. */
async function writeReports(format: ReportFormat, reports: Iterable<FileReport>, count: number, out: Output): Promise<Counts> {
  const counts = emptyCounts();
  out.write(format.start(count));
  for (const report of reports) {
    countReport(counts, report);
    for (const part of format.entry(report)) if (out.write(part)) await out.flush();
  }
  return counts;
}

/** Checks the files and writes the report to `sink`; resolves to the exit status. */
export async function runCheck(options: CheckOptions, sink: Sink): Promise<number> {
  const first = options.paths.length > 0 ? resolve(options.cwd, options.paths[0]) : options.cwd;
  let root = options.cwd;
  try {
    root = statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    // collectFiles reports the unreadable path.
  }
  let unreadable = 0;
  const problem = (message: string): void => {
    unreadable++;
    options.stderr(`secls: ${message}`);
  };
  const { config, report: configReport, catalogue } = loadConfig(root);
  const files = collectFiles(options, config, root, problem);
  const groupOptions: GroupOptions = {
    cwd: options.cwd,
    catalogue,
    config: { ...(config ?? defaultConfig()), catalogue: options.catalogue && (config?.catalogue ?? true) },
  };
  const group = new CheckGroup(groupOptions, files);
  group.load(problem, (message) => options.stderr(`secls: warning: ${message}`));
  const checked = group.checked.length;
  const entries = checked + (configReport ? 1 : 0);
  const out = new Output(sink);
  const format = reportFormat(options.format, options.cwd, options.version);
  const counts = await writeReports(format, reportsWith(configReport, group.reports()), entries, out);
  out.write(format.end(counts, checked, entries));
  await out.flush();
  return unreadable > 0 ? 2 : counts.severities.error > 0 ? 1 : 0;
}
