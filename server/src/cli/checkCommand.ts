// `secls check`: loads files from disk into a one-shot workspace index and reports.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, SecConfig } from '../core/config/config';
import type { Catalogue } from '../core/catalogue/catalogue';
import { configuredCatalogue } from '../core/catalogue/load';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import { readCatalogueFiles } from '../node/catalogueFiles';
import { excluder, findSecFiles } from '../node/findFiles';
import { readTextFile } from '../node/readTextFile';
import { CheckGroup, GroupOptions, UsageError } from './checkGroup';
import { countReport, emptyCounts, FileReport, humanLines, humanSummary, jsonDocument, jsonEntry } from './fileReports';

export { UsageError } from './checkGroup';

export interface CheckOptions {
  json: boolean;
  catalogue: boolean;
  paths: string[];
  cwd: string;
}

export interface LoadedConfig {
  config?: SecConfig;
  /** The configuration's problems, as a file of the report. */
  report?: FileReport;
  catalogue: Catalogue;
}

export function loadConfig(root: string): LoadedConfig {
  const path = resolve(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) return { catalogue: embeddedCatalogue() };
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { config, problems } = parseConfig(text);
  let catalogue = embeddedCatalogue();
  if (config.cataloguePath) {
    const loaded = configuredCatalogue(text, config.cataloguePath, readCatalogueFiles(root, config.cataloguePath), catalogue);
    catalogue = loaded.catalogue;
    problems.push(...loaded.problems);
  }
  if (problems.length === 0) return { config, catalogue };
  return {
    config,
    catalogue,
    report: {
      path,
      text,
      references: [],
      diagnostics: problems.map((problem) => ({ ...problem, severity: 'warning', code: 'invalid-config' })),
    },
  };
}

export function collectFiles(options: CheckOptions, config: SecConfig | undefined, root: string): string[] {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const isExcluded = excluder(root, config?.exclude ?? []);
  const files = new Set<string>();
  for (const given of paths) {
    const path = resolve(options.cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or folder`);
    }
    // A file named explicitly is checked whatever its extension; folders give their *.sec files.
    if (stats.isDirectory()) for (const file of findSecFiles(path, isExcluded)) files.add(file);
    else files.add(path);
  }
  return [...files];
}

export function runCheck(options: CheckOptions): { output: string; exitCode: number } {
  const first = options.paths.length > 0 ? resolve(options.cwd, options.paths[0]) : options.cwd;
  let root = options.cwd;
  try {
    root = statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    // collectFiles reports the unreadable path.
  }
  const { config, report: configReport, catalogue } = loadConfig(root);
  const files = collectFiles(options, config, root);
  const groupOptions: GroupOptions = {
    json: options.json,
    cwd: options.cwd,
    catalogue,
    config: { ...(config ?? defaultConfig()), catalogue: options.catalogue && (config?.catalogue ?? true) },
  };
  const counts = emptyCounts();
  const chunks: string[] = [];
  if (configReport) {
    countReport(counts, configReport);
    chunks.push(options.json ? jsonEntry(configReport, options.cwd) : humanLines(configReport, options.cwd));
  }
  const group = new CheckGroup(groupOptions, files);
  group.load();
  chunks.push(...group.report(counts));
  const output = options.json
    ? jsonDocument(chunks, counts, files.length)
    : chunks.join('') + humanSummary(counts, files.length);
  return { output, exitCode: counts.severities.error > 0 ? 1 : 0 };
}
