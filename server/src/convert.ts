/**
 * Plain analysis results to LSP types: offsets to `Range`, `Finding` to `Diagnostic`. The only
 * server file that knows positions.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes } from './analysis/codeActions';
import type { DiagnosticCode } from './analysis/codes';
import type { ParsedFile } from './analysis/parse';
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

/**
 * Quick-fix code actions for the Daemonscope diagnostics among `diagnostics` (as the client sent
 * them back: range, code and `data`), computed on `file`, the current parse of `document`. With
 * `snippets` (the client accepts snippet edits, LSP 3.18), placeholder values become tab stops.
 */
export function toCodeActions(document: TextDocument, file: ParsedFile, diagnostics: readonly Diagnostic[], snippets = false): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'daemonscope' || typeof diagnostic.code !== 'string') continue;
    const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    for (const fix of quickFixes({ code: diagnostic.code as DiagnosticCode, span, data: diagnostic.data }, file)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit:
          snippets && fix.edits.some((edit) => edit.snippet !== undefined)
            ? {
                documentChanges: [
                  {
                    textDocument: { uri: document.uri, version: document.version },
                    edits: fix.edits.map((edit) =>
                      edit.snippet !== undefined ? { range: toRange(document, edit.span), snippet: { kind: 'snippet', value: edit.snippet } } : { range: toRange(document, edit.span), newText: edit.newText },
                    ),
                  },
                ],
              }
            : { changes: { [document.uri]: fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })) } },
      });
    }
  }
  return actions;
}
