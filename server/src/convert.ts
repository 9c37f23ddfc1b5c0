/**
 * Plain analysis results to LSP types: offsets to `Range`, `Finding` to `Diagnostic`. The only
 * server file that knows positions.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from './analysis/types';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP range of a span of offsets (0-based UTF-16, as LSP counts). */
export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A diagnostic with source `daemonscope`, the finding's code, and its `data` for code actions. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.span),
    severity: severities[finding.severity],
    source: 'daemonscope',
    code: finding.code,
    message: finding.message,
  };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
