// `secls check`: loads files from disk into a one-shot workspace index and reports.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, SecConfig } from '../core/config/config';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { CoreDiagnostic } from '../core/model/types';
import type { ResolvedReference } from '../core/resolve/diagnostics';
import type { ReferenceStatus } from '../core/resolve/statuses';
import { LineIndex } from '../core/text/lineIndex';
import { excluder, findSecFiles } from '../node/findFiles';
import { readTextFile } from '../node/readTextFile';

export interface CheckOptions {
  json: boolean;
  catalogue: boolean;
  paths: string[];
  cwd: string;
}

export class UsageError extends Error {}

interface FileReport {
  path: string;
  text: string;
  references: readonly ResolvedReference[];
  diagnostics: CoreDiagnostic[];
}

const STATUSES: ReferenceStatus[] = ['ok', 'unverified', 'broken', 'deprecated', 'external', 'ambiguous'];

function loadConfig(root: string): { config?: SecConfig; report?: FileReport } {
  const path = resolve(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { config, problems } = parseConfig(text);
  if (problems.length === 0) return { config };
  return {
    config,
    report: {
      path,
      text,
      references: [],
      diagnostics: problems.map((problem) => ({ ...problem, severity: 'warning', code: 'invalid-config' })),
    },
  };
}

function collectFiles(options: CheckOptions, config: SecConfig | undefined, root: string): string[] {
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
  const { config, report: configReport } = loadConfig(root);
  const effectiveConfig = config && !options.catalogue ? { ...config, catalogue: false } : config;
  const files = collectFiles(options, config, root);
  const index = new WorkspaceIndex({
    catalogue: embeddedCatalogue(),
    config: effectiveConfig ?? (options.catalogue ? undefined : { ...parseConfig('{}').config, catalogue: false }),
    incremental: false,
  });
  const texts = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readTextFile(file);
    } catch (error) {
      throw new UsageError(`cannot read ${relative(options.cwd, file) || file}: ${(error as Error).message}`);
    }
    texts.set(file, text);
    index.updateFile(file, text);
  }
  const reports: FileReport[] = configReport ? [configReport] : [];
  for (const file of files) {
    const resolution = index.resolve(file);
    reports.push({
      path: file,
      text: texts.get(file)!,
      references: resolution.references,
      diagnostics: resolution.diagnostics,
    });
  }
  const errors = reports.reduce((count, report) => count + report.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const output = options.json ? formatJson(reports, options.cwd) : formatHuman(reports, options.cwd, files.length);
  return { output, exitCode: errors > 0 ? 1 : 0 };
}

function summarize(reports: readonly FileReport[], fileCount: number) {
  const byStatus: Record<ReferenceStatus, number> = { ok: 0, unverified: 0, broken: 0, deprecated: 0, external: 0, ambiguous: 0 };
  const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
  let references = 0;
  for (const report of reports) {
    for (const { resolution } of report.references) {
      byStatus[resolution.status]++;
      references++;
    }
    for (const diagnostic of report.diagnostics) bySeverity[diagnostic.severity]++;
  }
  return { files: fileCount, references, statuses: byStatus, errors: bySeverity.error, warnings: bySeverity.warning, information: bySeverity.information, hints: bySeverity.hint };
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function formatHuman(reports: readonly FileReport[], cwd: string, fileCount: number): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    const index = new LineIndex(report.text);
    for (const diagnostic of report.diagnostics) {
      const position = index.positionAt(diagnostic.start);
      lines.push(`${displayPath(report.path, cwd)}:${position.line + 1}:${position.character + 1}  ${diagnostic.severity}  ${diagnostic.code}  ${diagnostic.message}`);
    }
  }
  const summary = summarize(reports, fileCount);
  const statuses = STATUSES.map((status) => `${summary.statuses[status]} ${status}`).join(', ');
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${plural(summary.files, 'file')}, ${plural(summary.references, 'reference')} (${statuses}): ` +
      `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.information} information, ${plural(summary.hints, 'hint')}`,
  );
  return lines.join('\n') + '\n';
}

function formatJson(reports: readonly FileReport[], cwd: string): string {
  const files = reports.map((report) => {
    const index = new LineIndex(report.text);
    return {
      path: displayPath(report.path, cwd),
      references: report.references.map(({ reference, resolution }) => ({
        text: reference.text,
        range: index.rangeOf(reference),
        target: resolution.target,
        status: resolution.status,
      })),
      diagnostics: report.diagnostics.map((diagnostic) => ({
        range: index.rangeOf(diagnostic),
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
      })),
    };
  });
  const fileCount = reports.filter((report) => !report.path.endsWith(CONFIG_FILE_NAME)).length;
  return JSON.stringify({ files, summary: summarize(reports, fileCount) }, null, 2) + '\n';
}
