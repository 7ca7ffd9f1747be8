// The report as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), which code
// scanning services and IDE viewers read: one run of the tool `secls`, a rule per diagnostic
// code (with its help page), a result per diagnostic with its region. Written piece by piece,
// a file's results at a time; a test validates it against the official 2.1.0 schema.

import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagnosticCode, Severity } from '../core/model/types';
import { CODE_SUMMARIES } from '../core/resolve/codeSummaries';
import { DEFAULT_SEVERITIES } from '../core/resolve/diagnostics';
import { LineIndex } from '../core/text/lineIndex';
import type { Counts, FileReport } from './fileReports';
import type { ReportFormat } from './reportFormats';

/** Where each code is explained: the user-facing README's table, on the project's site (package.json `repository`). */
export const HELP_BASE = 'https://github.com/sec-language-tools/sec-language-tools/blob/main/README.extension.md';
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULES = Object.keys(CODE_SUMMARIES) as DiagnosticCode[];

function rule(code: DiagnosticCode): unknown {
  const severity = DEFAULT_SEVERITIES[code];
  return {
    id: code,
    name: code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
    shortDescription: { text: CODE_SUMMARIES[code] },
    helpUri: `${HELP_BASE}#${code}`,
    defaultConfiguration: severity === 'off' ? { enabled: false, level: 'none' } : { level: LEVEL[severity] },
  };
}

export class SarifReport implements ReportFormat {
  private written = 0;

  constructor(private readonly cwd: string, private readonly version: string) {}

  start(): string {
    const driver = { name: 'secls', version: this.version, informationUri: 'https://github.com/sec-language-tools/sec-language-tools', rules: RULES.map(rule) };
    const run = JSON.stringify({ tool: { driver }, columnKind: 'utf16CodeUnits', originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(this.cwd).href}/` } } });
    // The run's object left open: its results follow.
    return `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[${run.slice(0, -1)},"results":[`;
  }

  *entry(report: FileReport): Iterable<string> {
    if (report.diagnostics.length === 0) return;
    const index = new LineIndex(report.text);
    const artifact = this.artifactLocation(report.path);
    for (const diagnostic of report.diagnostics) {
      const start = index.positionAt(diagnostic.start);
      const end = index.positionAt(diagnostic.end);
      const region = { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
      const result = {
        ruleId: diagnostic.code, ruleIndex: RULES.indexOf(diagnostic.code), level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message }, locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
      };
      yield `${this.written++ > 0 ? ',' : ''}\n${JSON.stringify(result)}`;
    }
  }

  end(_counts: Counts, _checked: number): string {
    return '\n]}]}\n';
  }

  /** Relative to the checkout (SRCROOT), as code scanning resolves it; a file outside it by its own URI. */
  private artifactLocation(path: string): { uri: string; uriBaseId?: string } {
    const rel = relative(this.cwd, path);
    if (rel === '' || rel.startsWith('..')) return { uri: pathToFileURL(path).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
}
