// Core diagnostics → LSP diagnostics, each with its stable code and a link to the README
// section that explains it.
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { CoreDiagnostic, Severity } from '../core/model/types';
import type { LineIndex } from '../core/text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostics(lines: LineIndex, diagnostics: readonly CoreDiagnostic[], documentationUri?: string): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const result: Diagnostic = {
      range: lines.rangeOf(diagnostic),
      severity: SEVERITY[diagnostic.severity],
      code: diagnostic.code,
      source: 'sec',
      message: diagnostic.message,
    };
    if (documentationUri) result.codeDescription = { href: `${documentationUri}#${diagnostic.code}` };
    if (diagnostic.code === 'deprecated-reference') result.tags = [DiagnosticTag.Deprecated];
    if (diagnostic.data) result.data = diagnostic.data;
    return result;
  });
}
