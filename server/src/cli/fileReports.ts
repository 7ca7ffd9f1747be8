// One file's part of the `secls check` output, and the counts behind the summary line:
// files are formatted one by one as they are resolved, and the parts joined at the end.

import type { CoreDiagnostic, Severity } from '../core/model/types';
import type { ResolvedReference } from '../core/resolve/diagnostics';
import type { ReferenceStatus } from '../core/resolve/statuses';
import { LineIndex } from '../core/text/lineIndex';
import { relative } from 'node:path';

export interface FileReport {
  path: string;
  text: string;
  references: readonly ResolvedReference[];
  diagnostics: CoreDiagnostic[];
}

export const STATUSES: readonly ReferenceStatus[] = ['ok', 'unverified', 'broken', 'deprecated', 'external', 'ambiguous'];

export interface Counts {
  references: number;
  statuses: Record<ReferenceStatus, number>;
  severities: Record<Severity, number>;
}

export function emptyCounts(): Counts {
  return {
    references: 0,
    statuses: { ok: 0, unverified: 0, broken: 0, deprecated: 0, external: 0, ambiguous: 0 },
    severities: { error: 0, warning: 0, information: 0, hint: 0 },
  };
}

export function countReport(counts: Counts, report: FileReport): void {
  for (const { resolution } of report.references) counts.statuses[resolution.status]++;
  counts.references += report.references.length;
  for (const diagnostic of report.diagnostics) counts.severities[diagnostic.severity]++;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** `path:line:col  severity  code  message` for each diagnostic ('' when there is none). */
export function humanLines(report: FileReport, cwd: string): string {
  if (report.diagnostics.length === 0) return '';
  const index = new LineIndex(report.text);
  const path = displayPath(report.path, cwd);
  let lines = '';
  for (const diagnostic of report.diagnostics) {
    const position = index.positionAt(diagnostic.start);
    lines += `${path}:${position.line + 1}:${position.character + 1}  ${diagnostic.severity}  ${diagnostic.code}  ${diagnostic.message}\n`;
  }
  return lines;
}

/** The file's entry of the JSON report, indented as JSON.stringify(report, null, 2) indents it. */
export function jsonEntry(report: FileReport, cwd: string): string {
  const index = new LineIndex(report.text);
  const entry = {
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
  return `    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
}

export function summaryOf(counts: Counts, fileCount: number) {
  const { severities } = counts;
  return {
    files: fileCount, references: counts.references, statuses: counts.statuses,
    errors: severities.error, warnings: severities.warning, information: severities.information, hints: severities.hint,
  };
}

export function humanSummary(counts: Counts, fileCount: number): string {
  const summary = summaryOf(counts, fileCount);
  const statuses = STATUSES.map((status) => `${summary.statuses[status]} ${status}`).join(', ');
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(summary.files, 'file')}, ${plural(summary.references, 'reference')} (${statuses}): ` +
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.information} information, ${plural(summary.hints, 'hint')}\n`;
}

/** The whole JSON document from its file entries, as JSON.stringify(..., null, 2) would print it. */
export function jsonDocument(entries: readonly string[], counts: Counts, fileCount: number): string {
  const files = entries.length === 0 ? '[]' : `[\n${entries.join(',\n')}\n  ]`;
  const summary = JSON.stringify(summaryOf(counts, fileCount), null, 2).replace(/\n/g, '\n  ');
  return `{\n  "files": ${files},\n  "summary": ${summary}\n}\n`;
}
