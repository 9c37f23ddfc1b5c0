/**
 * Plain analysis results to LSP types: offsets to `Range`, `Finding` to `Diagnostic`. The only
 * server file that knows positions.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes, type TextEdit } from './analysis/codeActions';
import type { DiagnosticCode } from './analysis/codes';
import type { CompletionEntry, CompletionEntryKind } from './analysis/completion';
import type { HoverResult } from './analysis/hover';
import type { ParsedFile } from './analysis/parse';
import type { DocumentSymbolEntry, SymbolKind as EntrySymbolKind } from './analysis/symbols';
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

/** The code action kind of Fix All (`editor.codeActionsOnSave`, the "Fix All" command). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.daemonscope`;

/**
 * The Fix All code action: `edits` (on the text of `document` at its current version; none
 * overlapping) as one edit, tied to that version when `versioned` (the client then refuses it if
 * the document changed meanwhile).
 */
export function toFixAllAction(document: TextDocument, edits: readonly TextEdit[], versioned: boolean): CodeAction {
  const lspEdits = edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  return {
    title: 'Fix all Daemonscope problems that have an unambiguous fix',
    kind: fixAllKind,
    edit: versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] } : { changes: { [document.uri]: lspEdits } },
  };
}

/** The offset (0-based UTF-16) of an LSP position. */
export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

const completionKinds: Record<CompletionEntryKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  label: CompletionItemKind.Constant,
  taint: CompletionItemKind.Constant,
  node: CompletionItemKind.Reference,
  resource: CompletionItemKind.Unit,
};

/** A completion item that replaces the entry's span (a text edit on the cursor's line). */
export function toCompletionItem(document: TextDocument, entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: completionKinds[entry.kind],
    textEdit: { range: toRange(document, entry.replace), newText: entry.insertText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  if (entry.sortText !== undefined) item.sortText = entry.sortText;
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

/** A Markdown hover over the entry's span. */
export function toHover(document: TextDocument, hover: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(document, hover.span) };
}

const symbolKinds: Record<EntrySymbolKind, SymbolKind> = {
  daemonSet: SymbolKind.Class,
  container: SymbolKind.Object,
  initContainer: SymbolKind.Object,
};

/** A hierarchical document symbol (Outline view, breadcrumbs). */
export function toDocumentSymbol(document: TextDocument, entry: DocumentSymbolEntry): DocumentSymbol {
  return {
    name: entry.name,
    detail: entry.detail,
    kind: symbolKinds[entry.kind],
    range: toRange(document, entry.span),
    selectionRange: toRange(document, entry.selection),
    children: entry.children.map((child) => toDocumentSymbol(document, child)),
  };
}
