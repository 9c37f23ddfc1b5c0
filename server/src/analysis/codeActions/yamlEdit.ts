/**
 * Minimal text edits on a YAML document, addressed by path: insert a key (creating missing
 * parents), append list items, remove a key, replace a value, rename a key. Each edit touches
 * only the lines it must, in the file's indentation style (block or flow, as the surrounding
 * collection is written), and keeps comments and key order. Every function returns undefined
 * when the path cannot be edited safely (written through an alias or a merge key, a shape it
 * does not expect); callers then offer no fix.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { findPair, locate } from '../locate';
import type { PathSegment } from '../path';
import type { Span } from '../types';
import { columnOf, lineStart, nextLineStart, renderFlow, renderItem, renderPair, renderScalar, type YamlStyle } from './yamlStyle';

/** Replace `span` of the file text with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
  /**
   * The same edit in LSP snippet syntax, with tab stops on placeholder values (`${1:100m}`),
   * for editors that accept snippet edits; `newText` is what everything else applies.
   */
  snippet?: string;
}

/** The document being edited, its file text and style. */
export interface EditContext {
  text: string;
  document: Document.Parsed;
  style: YamlStyle;
}

/**
 * Where a new key goes among its siblings (in the mapping where the insertion happens, which is
 * the deepest existing one): after the last of `after` present, else before the first of
 * `before` present, else at the end.
 */
export interface Placement {
  after?: readonly string[];
  before?: readonly string[];
}

function isNullScalar(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** True for a written empty collection: `{}` or `[]`. */
function isEmptyCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true && node.items.length === 0;
}

/** The end of what a pair writes: its value's end, else its key's. */
function pairEnd(pair: Pair): number | undefined {
  const value = pair.value as Node | null;
  if (value && value.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])) return value.range[1];
  const key = pair.key as Node | null;
  return key?.range?.[1];
}

function keyStart(pair: Pair): number | undefined {
  const key = pair.key as Node | null;
  return isScalar(key) ? key.range?.[0] : undefined;
}

/** Builds `{a: {b: value}}` for the missing segments `['a', 'b']`; a number segment makes a one-item list. */
function nest(segments: readonly PathSegment[], value: unknown): unknown {
  return segments.reduceRight<unknown>((inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }), value);
}

/** Inserts `key: value` into a written mapping. */
function insertIntoMap(context: EditContext, map: YAMLMap, key: string, value: unknown, placement: Placement): TextEdit | undefined {
  const { text, style } = context;
  const names = map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  const afterIndex = Math.max(-1, ...(placement.after ?? []).map((name) => names.lastIndexOf(name)));
  if (map.flow) {
    const close = map.range ? text.lastIndexOf('}', map.range[1]) : -1;
    if (close < 0) return undefined;
    const entry = `${style.json ? JSON.stringify(key) : renderScalar(key)}: ${renderFlow(value, style.json)}`;
    if (map.items.length === 0) return { span: { start: close, end: close }, newText: entry };
    const anchor = map.items[afterIndex >= 0 ? afterIndex : map.items.length - 1]!;
    const end = pairEnd(anchor);
    const start = keyStart(anchor);
    if (end === undefined || start === undefined) return undefined;
    // One entry per line stays one entry per line.
    const ownLine = text.slice(lineStart(text, start), start).trim() === '';
    const separator = ownLine ? `,${style.eol}${' '.repeat(columnOf(text, start))}` : ', ';
    return { span: { start: end, end }, newText: `${separator}${entry}` };
  }
  const first = keyStart(map.items[0]!);
  if (first === undefined) return undefined;
  const column = columnOf(text, first);
  const lines = renderPair(key, value, column, style);
  const beforeIndex = (placement.before ?? []).map((name) => names.indexOf(name)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (afterIndex < 0 && beforeIndex !== undefined) {
    const start = keyStart(map.items[beforeIndex]!);
    // Only when that key starts its own line (not `- key:` of a list item).
    if (start !== undefined && text.slice(lineStart(text, start), start).trim() === '') {
      const at = lineStart(text, start);
      return { span: { start: at, end: at }, newText: lines };
    }
  }
  const anchor = map.items[afterIndex >= 0 ? afterIndex : map.items.length - 1]!;
  const end = pairEnd(anchor);
  if (end === undefined) return undefined;
  const at = nextLineStart(text, end);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { span: { start: at, end: at }, newText: (needsBreak ? style.eol : '') + lines };
}

/** Appends `items` (one or more) to a written sequence, as one edit. */
function appendToSeq(context: EditContext, seq: YAMLSeq, items: readonly unknown[]): TextEdit | undefined {
  const { text, style } = context;
  if (seq.flow) {
    const close = seq.range ? text.lastIndexOf(']', seq.range[1]) : -1;
    if (close < 0) return undefined;
    const entries = items.map((item) => renderFlow(item, style.json)).join(', ');
    if (seq.items.length === 0) return { span: { start: close, end: close }, newText: entries };
    const last = seq.items[seq.items.length - 1] as Node;
    return last.range ? { span: { start: last.range[1], end: last.range[1] }, newText: `, ${entries}` } : undefined;
  }
  if (!seq.range) return undefined;
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const at = nextLineStart(text, last.range[1]);
  const needsBreak = at === text.length && !text.endsWith('\n');
  const column = columnOf(text, seq.range[0]);
  return { span: { start: at, end: at }, newText: (needsBreak ? style.eol : '') + items.map((item) => renderItem(item, column, style)).join('') };
}

/** Gives a `key:` with no value (or `~`/`null`) the value `value`. `keyNode` is the pair's key. */
function fillNull(context: EditContext, keySpan: Span, valueNode: unknown, value: unknown): TextEdit {
  const { text, style } = context;
  if (isScalar(valueNode) && valueNode.range && valueNode.range[1] > valueNode.range[0]) {
    // `key: null` or `key: ~`: the value in flow style in its place.
    return { span: { start: valueNode.range[0], end: valueNode.range[1] }, newText: renderFlow(value, style.json) };
  }
  const column = columnOf(text, keySpan.start);
  const isList = Array.isArray(value);
  const childColumn = column + (isList && !style.indentSeq ? 0 : style.indent);
  const body = isList ? (value as unknown[]).map((item) => renderItem(item, childColumn, style)).join('') : renderBlockBody(value, childColumn, style);
  const at = nextLineStart(text, keySpan.end);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { span: { start: at, end: at }, newText: (needsBreak ? style.eol : '') + body };
}

function renderBlockBody(value: unknown, column: number, style: YamlStyle): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => renderPair(key, inner, column, style))
      .join('');
  }
  return ' '.repeat(column) + renderScalar(value) + style.eol;
}

/**
 * Sets `path` to `value` where `path` is not written yet (or is written as `key:` with no value,
 * `null`, `{}` or `[]`), creating missing parent mappings. A number as the last existing
 * segment's child appends to that list. Returns undefined when `path` already has a value.
 */
export function insertValue(context: EditContext, path: readonly PathSegment[], value: unknown, placement: Placement = {}): TextEdit | undefined {
  const { document } = context;
  const own = locate(document, path);
  if (own.exact) {
    if (isEmptyCollection(own.node)) return { span: { start: own.node!.range![0], end: own.node!.range![1] }, newText: renderFlow(value, context.style.json) };
    if (isNullScalar(own.node) && own.key) return fillNull(context, own.key, own.node, value);
    return undefined;
  }
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = locate(document, path.slice(0, depth));
    if (!parent.exact) continue;
    const segment = path[depth]!;
    const rest = nest(path.slice(depth + 1), value);
    const node = parent.node;
    if (isAlias(node)) return undefined;
    if (isMap(node) && typeof segment === 'string') {
      // A key that exists only through a merge key (`<<`) cannot be edited here.
      if (findPair(node, '<<')) return undefined;
      return insertIntoMap(context, node, segment, rest, placement);
    }
    if (isSeq(node) && typeof segment === 'number') return segment === node.items.length ? appendToSeq(context, node, [rest]) : undefined;
    if ((isNullScalar(node) || isEmptyCollection(node)) && parent.key) {
      const full = nest([segment], rest);
      if (isEmptyCollection(node)) return { span: { start: node!.range![0], end: node!.range![1] }, newText: renderFlow(full, context.style.json) };
      return fillNull(context, parent.key, node, full);
    }
    return undefined;
  }
  return undefined;
}

/** Appends `item` to the list at `path`, creating the list (and its parents) when missing. */
export function appendItem(context: EditContext, path: readonly PathSegment[], item: unknown, placement: Placement = {}): TextEdit | undefined {
  return appendItems(context, path, [item], placement);
}

/**
 * Appends `items`, in order, to the list at `path` as one edit, creating the list (and its
 * parents) when missing. Undefined when `items` is empty or the path cannot be edited safely.
 */
export function appendItems(context: EditContext, path: readonly PathSegment[], items: readonly unknown[], placement: Placement = {}): TextEdit | undefined {
  if (items.length === 0) return undefined;
  const location = locate(context.document, path);
  if (location.exact && isSeq(location.node)) return appendToSeq(context, location.node, items);
  return insertValue(context, path, [...items], placement);
}

/** Removes the `key: value` pair at `path` (its whole lines in block style; the entry and a comma in flow style). */
export function removePair(context: EditContext, path: readonly PathSegment[]): TextEdit | undefined {
  const { text, document } = context;
  const key = path[path.length - 1];
  const parent = locate(document, path.slice(0, -1));
  if (typeof key !== 'string' || !parent.exact || !isMap(parent.node)) return undefined;
  const map = parent.node;
  const pair = findPair(map, key);
  if (!pair) return undefined;
  const index = map.items.indexOf(pair);
  const start = keyStart(pair);
  const end = pairEnd(pair);
  if (start === undefined || end === undefined) return undefined;
  const next = map.items[index + 1];
  if (map.flow) {
    if (next) {
      const nextStart = keyStart(next);
      return nextStart === undefined ? undefined : { span: { start, end: nextStart }, newText: '' };
    }
    const previous = map.items[index - 1];
    const previousEnd = previous ? pairEnd(previous) : undefined;
    return { span: { start: previousEnd ?? start, end }, newText: '' };
  }
  const from = lineStart(text, start);
  if (text.slice(from, start).trim() === '') return { span: { start: from, end: nextLineStart(text, end) }, newText: '' };
  // `- key: value` (the first key of a list item): the next key moves up behind the dash.
  const nextStart = next ? keyStart(next) : undefined;
  return nextStart === undefined ? undefined : { span: { start, end: nextStart }, newText: '' };
}

/** Replaces the scalar value at `path` with `value`, keeping its quote style; fills a `key:` with no value. */
export function replaceValue(context: EditContext, path: readonly PathSegment[], value: unknown): TextEdit | undefined {
  const location = locate(context.document, path);
  if (!location.exact) return undefined;
  const node = location.node;
  if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
    return { span: { start: node.range[0], end: node.range[1] }, newText: renderScalar(value, node.type) };
  }
  if (isNullScalar(node) && location.key) {
    const colon = context.text.indexOf(':', location.key.end);
    if (colon < 0) return undefined;
    return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${renderScalar(value)}` };
  }
  return undefined;
}

/** Renames the key at `path` to `name`, keeping its quote style. Undefined if `name` is already a sibling. */
export function renameKey(context: EditContext, path: readonly PathSegment[], name: string): TextEdit | undefined {
  const parent = locate(context.document, path.slice(0, -1));
  if (!parent.exact || !isMap(parent.node) || findPair(parent.node, name)) return undefined;
  const pair = findPair(parent.node, String(path[path.length - 1]));
  const key = pair?.key;
  if (!isScalar(key) || !key.range) return undefined;
  return { span: { start: key.range[0], end: key.range[1] }, newText: renderScalar(name, key.type) };
}

/** Sets `path` to `value` whether or not it is written: replace a scalar, else insert. */
export function setValue(context: EditContext, path: readonly PathSegment[], value: unknown, placement: Placement = {}): TextEdit | undefined {
  const location = locate(context.document, path);
  if (location.exact && isScalar(location.node) && location.node.value !== null) return replaceValue(context, path, value);
  return insertValue(context, path, value, placement);
}

/**
 * Applies non-overlapping edits to `text`. Insertions at the same offset appear in array order,
 * as LSP applies a `TextEdit[]`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.span.start - a.edit.span.start || b.edit.span.end - a.edit.span.end || b.index - a.index);
  let out = text;
  for (const { edit } of order) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

/** Merges insertions at the same offset into one edit (texts in order), so no two edits share a point. */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const same = out.find((e) => e.span.start === edit.span.start && e.span.end === e.span.start && edit.span.end === edit.span.start);
    if (same) same.newText += edit.newText;
    else out.push({ span: { ...edit.span }, newText: edit.newText });
  }
  return out;
}
