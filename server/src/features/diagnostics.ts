// Core diagnostics → LSP diagnostics, each with its stable code and a link to where the
// code is explained (node/codeExplanations.ts finds it).
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { CoreDiagnostic, Severity } from '../core/model/types';
import type { LineIndex } from '../core/text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `explanationOf`: the link that explains a code, if there is one. */
export function toLspDiagnostics(lines: LineIndex, diagnostics: readonly CoreDiagnostic[], explanationOf?: (code: string) => string | undefined): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const result: Diagnostic = {
      range: lines.rangeOf(diagnostic),
      severity: SEVERITY[diagnostic.severity],
      code: diagnostic.code,
      source: 'sec',
      message: diagnostic.message,
    };
    const href = explanationOf?.(diagnostic.code);
    if (href) result.codeDescription = { href };
    if (diagnostic.code === 'deprecated-reference') result.tags = [DiagnosticTag.Deprecated];
    if (diagnostic.data) result.data = diagnostic.data;
    return result;
  });
}
