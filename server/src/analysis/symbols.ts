/**
 * Document symbols for the Outline view and breadcrumbs: each DaemonSet of a file (as
 * `namespace/name`) with its containers and init containers. Read from the parsed documents, so
 * a DaemonSet with a syntax error still shows what can be read.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FileAnalysis } from './analyse';
import { findPair, headSpan, locate, nodeSpan } from './locate';
import type { DaemonSetModel } from './model';
import type { Span } from './types';

/** What a symbol stands for. */
export type SymbolKind = 'daemonSet' | 'container' | 'initContainer';

/** One symbol: its whole extent (`span`) and the part to select and reveal (`selection`, inside `span`). */
export interface DocumentSymbolEntry {
  name: string;
  detail: string;
  kind: SymbolKind;
  span: Span;
  selection: Span;
  children: DocumentSymbolEntry[];
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined && typeof node.value !== 'object' ? String(node.value) : undefined;
}

function stringAt(document: Document.Parsed, path: string[]): { text: string; span: Span | undefined } | undefined {
  const location = locate(document, path);
  const text = location.exact ? scalarText(location.node) : undefined;
  return text === undefined ? undefined : { text, span: location.value };
}

function containers(document: Document.Parsed, text: string, key: 'containers' | 'initContainers', kind: SymbolKind): DocumentSymbolEntry[] {
  const list = locate(document, ['spec', 'template', 'spec', key]);
  if (!location(list) || !isSeq(list.node)) return [];
  const entries: DocumentSymbolEntry[] = [];
  list.node.items.forEach((item, index) => {
    const written = item && typeof item === 'object' && 'range' in item ? nodeSpan(item as Node) : undefined;
    if (!written || !isMap(item)) return;
    const span = trimmed(written, text);
    const namePair = findPair(item, 'name');
    const name = scalarText(namePair?.value);
    const image = scalarText(findPair(item, 'image')?.value);
    const nameSpan = namePair && isScalar(namePair.value) ? nodeSpan(namePair.value) : undefined;
    entries.push({
      name: name ?? `(container ${index + 1})`,
      detail: [kind === 'initContainer' ? 'init container' : '', image ?? ''].filter((part) => part !== '').join(' · '),
      kind,
      span,
      selection: nameSpan ?? headSpan(item) ?? span,
      children: [],
    });
  });
  return entries;
}

function location(found: ReturnType<typeof locate>): boolean {
  return found.exact && found.node !== undefined;
}

function daemonSetSymbol(model: DaemonSetModel, text: string): DocumentSymbolEntry {
  const name = stringAt(model.document, ['metadata', 'name']);
  const namespace = stringAt(model.document, ['metadata', 'namespace']);
  const span = trimmed(model.span, text);
  const selection = name?.span ?? model.anchor;
  return {
    name: `${namespace ? `${namespace.text}/` : ''}${name?.text ?? '(unnamed)'}`,
    detail: 'DaemonSet',
    kind: 'daemonSet',
    span: { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) },
    selection,
    children: [...containers(model.document, text, 'initContainers', 'initContainer'), ...containers(model.document, text, 'containers', 'container')].sort((a, b) => a.span.start - b.span.start),
  };
}

/** A document's span without the comments, directives and `---` that open it and the blank lines and comments that trail it. */
function trimmed(span: Span, text: string): Span {
  let start = span.start;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0 || newline >= span.end) break;
    const line = text.slice(start, newline).trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith('%') && line !== '---') break;
    start = newline + 1;
  }
  let end = span.end;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(start, end) };
}

/** The symbols of every DaemonSet in the file, in document order; empty when nothing was parsed. */
export function documentSymbols(analysis: FileAnalysis): DocumentSymbolEntry[] {
  const text = analysis.file?.text;
  if (text === undefined) return [];
  return analysis.daemonSets.map((model) => daemonSetSymbol(model, text));
}
