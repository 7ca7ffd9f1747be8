// GitHub Actions annotations (workflow commands): `::error file=…,line=…,col=…,title=…::message`.
// A job that runs `secls check --format github` shows each problem on its line of the diff.

import type { Severity } from '../core/model/types';
import { LineIndex } from '../core/text/lineIndex';
import { displayPath, FileReport } from './fileReports';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow command data: %, CR and LF are escaped; property values also escape ':' and ','. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* githubAnnotations(report: FileReport, cwd: string): Generator<string> {
  if (report.diagnostics.length === 0) return;
  const index = new LineIndex(report.text);
  const file = escapeProperty(displayPath(report.path, cwd));
  for (const diagnostic of report.diagnostics) {
    const start = index.positionAt(diagnostic.start);
    const end = index.positionAt(diagnostic.end);
    const where = `file=${file},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
    yield `::${COMMAND[diagnostic.severity]} ${where},title=${escapeProperty(diagnostic.code)}::${escapeData(diagnostic.message)}\n`;
  }
}
