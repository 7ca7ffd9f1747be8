// One file's part of the `secls check` output, and the counts behind the summary line:
// files are formatted one by one as they are resolved, and written out as they are (output.ts).

import type { CoreDiagnostic, DefinedTerm, Severity } from '../core/model/types';
import type { TermUse } from '../core/resolve/termMatcher';
import type { ResolvedReference } from '../core/resolve/diagnostics';
import type { ReferenceStatus } from '../core/resolve/statuses';
import { LineIndex, OffsetRange, Position } from '../core/text/lineIndex';
import { relative } from 'node:path';

export interface FileReport {
  path: string;
  text: string;
  references: readonly ResolvedReference[];
  diagnostics: CoreDiagnostic[];
  /** The terms the file defines, and its uses of defined terms (absent: none, as for a configuration's report). */
  definitions?: readonly DefinedTerm[];
  termUses?: readonly TermUse[];
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

/** `path:line:col  severity  code  message` for each diagnostic, one line at a time. */
export function* humanLines(report: FileReport, cwd: string): Generator<string> {
  if (report.diagnostics.length === 0) return;
  const index = new LineIndex(report.text);
  const path = displayPath(report.path, cwd);
  for (const diagnostic of report.diagnostics) {
    const position = index.positionAt(diagnostic.start);
    yield `${path}:${position.line + 1}:${position.character + 1}  ${diagnostic.severity}  ${diagnostic.code}  ${diagnostic.message}\n`;
  }
}

const json = JSON.stringify;

/** A position object at an indentation, as JSON.stringify(…, null, 2) prints it. */
function positionJson(position: Position, pad: string): string {
  return `{\n${pad}  "line": ${position.line},\n${pad}  "character": ${position.character}\n${pad}}`;
}

/** A range object whose key is at `pad`. */
function rangeJson(index: LineIndex, span: OffsetRange, pad: string): string {
  const inner = `${pad}  `;
  return `{\n${inner}"start": ${positionJson(index.positionAt(span.start), inner)},\n${inner}"end": ${positionJson(index.positionAt(span.end), inner)}\n${pad}}`;
}

function referenceJson(index: LineIndex, { reference, resolution }: ResolvedReference): string {
  // A missing target is left out, as JSON.stringify leaves out an undefined property.
  const target = resolution.target === undefined ? '' : `          "target": ${json(resolution.target)},\n`;
  return `        {\n          "text": ${json(reference.text)},\n          "range": ${rangeJson(index, reference, '          ')},\n` +
    `${target}          "status": ${json(resolution.status)}\n        }`;
}

function definitionJson(index: LineIndex, definition: DefinedTerm): string {
  return `        {\n          "term": ${json(definition.term)},\n          "range": ${rangeJson(index, definition, '          ')},\n` +
    `          "scope": ${json(definition.scope?.id ?? 'code')}\n        }`;
}

function termUseJson(index: LineIndex, text: string, use: TermUse): string {
  return `        {\n          "text": ${json(text.slice(use.start, use.end))},\n          "range": ${rangeJson(index, use, '          ')},\n` +
    `          "term": ${json(use.term)}\n        }`;
}

function diagnosticJson(index: LineIndex, diagnostic: CoreDiagnostic): string {
  return `        {\n          "range": ${rangeJson(index, diagnostic, '          ')},\n          "severity": ${json(diagnostic.severity)},\n` +
    `          "code": ${json(diagnostic.code)},\n          "message": ${json(diagnostic.message)}\n        }`;
}

/** An array of items under a key of the entry: `[]`, or one item per line group. */
function* arrayJson<T>(items: readonly T[], item: (value: T) => string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  for (let i = 0; i < items.length; i++) yield i === 0 ? item(items[i]) : `,\n${item(items[i])}`;
  yield '\n      ]';
}

/**
 * The file's entry of the JSON report, in pieces (one per reference and diagnostic): exactly
 * what `JSON.stringify(entry, null, 2)` indented by four spaces printed, without building the
 * entry's objects or its whole text.
 */
export function* jsonEntry(report: FileReport, cwd: string): Generator<string> {
  const index = new LineIndex(report.text);
  yield `    {\n      "path": ${json(displayPath(report.path, cwd))},\n      "references": `;
  yield* arrayJson(report.references, (entry) => referenceJson(index, entry));
  yield ',\n      "definitions": ';
  yield* arrayJson(report.definitions ?? [], (definition) => definitionJson(index, definition));
  yield ',\n      "termUses": ';
  yield* arrayJson(report.termUses ?? [], (use) => termUseJson(index, report.text, use));
  yield ',\n      "diagnostics": ';
  yield* arrayJson(report.diagnostics, (diagnostic) => diagnosticJson(index, diagnostic));
  yield '\n    }';
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

/** The JSON document before its `count` file entries (which are separated by ",\n"). */
export function jsonDocumentStart(count: number): string {
  return count === 0 ? '{\n  "files": []' : '{\n  "files": [\n';
}

/** The JSON document after its file entries: the summary. */
export function jsonDocumentEnd(counts: Counts, fileCount: number, entries: number): string {
  const summary = JSON.stringify(summaryOf(counts, fileCount), null, 2).replace(/\n/g, '\n  ');
  return `${entries === 0 ? '' : '\n  ]'},\n  "summary": ${summary}\n}\n`;
}
