/**
 * Maps a path in a document to where it is written: the key's span, the value's span, and the
 * whole `key: value` pair. Later rules, hover, completion and quick fixes all use this.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { PathSegment } from './schemaTypes';
import type { Span } from './types';

/** Where a path is written. Offsets into the file text. */
export interface Location {
  /** How many segments of the path were found (`path.length` when `exact`). */
  depth: number;
  /** True when the whole path exists as written (not through an alias or merge key). */
  exact: boolean;
  /** The key of the deepest pair found, when the last found segment is a mapping key. */
  key?: Span;
  /** The value node of the deepest segment found (absent for `key:` with nothing after it). */
  value?: Span;
  /** From the key's start to the value's end, when the last found segment is a mapping key. */
  pair?: Span;
  /** The deepest node found (the document contents for `[]`). */
  node?: Node;
}

/** The span of a node: its start to the end of its value, without trailing comments. */
export function nodeSpan(node: Node): Span | undefined {
  return node.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** The last pair whose key is `key` (as the API server keeps the last of duplicate keys). */
export function findPair(map: { items: Pair[] }, key: string): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    const pairKey = pair.key;
    if (isScalar(pairKey) ? String(pairKey.value) === key : pairKey === key) return pair;
  }
  return undefined;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}

/**
 * Finds `path` in `document`. Follows mapping keys (strings) and sequence indexes (numbers) as
 * written; stops at an alias or at a key that only exists through a `<<` merge, reporting how far
 * it got. Never throws.
 */
export function locate(document: Document.Parsed, path: readonly PathSegment[]): Location {
  let node: unknown = document.contents;
  let location: Location = { depth: 0, exact: path.length === 0, node: (node as Node | null) ?? undefined };
  if (node && typeof node === 'object' && 'range' in node) location.value = nodeSpan(node as Node);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    if (isAlias(node)) return location;
    let next: unknown;
    let key: Span | undefined;
    if (isMap(node) && typeof segment === 'string') {
      const pair = findPair(node, segment);
      if (!pair) return location;
      key = isScalar(pair.key) ? nodeSpan(pair.key) : undefined;
      next = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      if (next === undefined) return location;
    } else {
      return location;
    }
    const value = next && !isEmptyScalar(next) && typeof next === 'object' && 'range' in next ? nodeSpan(next as Node) : undefined;
    location = {
      depth: depth + 1,
      exact: depth + 1 === path.length,
      key,
      value,
      pair: key ? { start: key.start, end: value?.end ?? key.end } : undefined,
      node: (next as Node | null) ?? undefined,
    };
    node = next;
  }
  return location;
}

/**
 * A short span that stands for a collection: the first key of a mapping (a list item `- name: x`
 * is shown by its `name`), or the first line of anything else. Undefined without a node.
 */
export function headSpan(node: Node | undefined): Span | undefined {
  if (isMap(node) && node.items.length > 0 && isScalar(node.items[0].key)) return nodeSpan(node.items[0].key);
  return undefined;
}

/**
 * The best span to underline for `path`: its value (`prefer: 'value'`) or its key
 * (`prefer: 'key'`), falling back to the other. When the path is not written out (missing, behind
 * an alias or a merge key) it is the key of the nearest existing parent, and for the document
 * root `fallback` (typically the document's `kind` key), so a squiggle never covers a whole block.
 */
export function spanAt(document: Document.Parsed, path: readonly PathSegment[], prefer: 'key' | 'value', fallback: Span): Span {
  const location = locate(document, path);
  if (location.depth === 0) return path.length === 0 ? (location.value ?? fallback) : fallback;
  if (!location.exact) return location.key ?? headSpan(location.node) ?? location.value ?? fallback;
  const first = prefer === 'key' ? location.key : location.value;
  const second = prefer === 'key' ? location.value : location.key;
  return first ?? second ?? fallback;
}
