/** The YAML node under an offset: its path in the document and whether it is a key or a value. */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { nodeSpan } from '../locate';
import type { PathSegment } from '../schemaTypes';
import type { Span } from '../types';

/** What the cursor is on. */
export interface NodeAt {
  /** Path of the pair (for a key) or of the value. */
  path: PathSegment[];
  on: 'key' | 'value';
  /** The key or scalar value under the cursor (for a collection value: its first line's extent is not used). */
  span: Span;
}

function contains(span: Span | undefined, offset: number): span is Span {
  return span !== undefined && span.start <= offset && offset <= span.end;
}

/**
 * The key or value at `offset` in `document`, following mappings and sequences as written (not
 * through aliases). Undefined between nodes, in comments, or on an alias. Never throws.
 */
export function nodeAt(document: Document.Parsed, offset: number): NodeAt | undefined {
  let node: unknown = document.contents;
  const path: PathSegment[] = [];
  for (let guard = 0; guard < 512; guard++) {
    if (isAlias(node)) return undefined;
    if (isScalar(node)) {
      const span = nodeSpan(node);
      return contains(span, offset) ? { path, on: 'value', span } : undefined;
    }
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keySpan = isScalar(pair.key) ? nodeSpan(pair.key) : undefined;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        if (contains(keySpan, offset)) return { path: [...path, key], on: 'key', span: keySpan };
        const valueSpan = pair.value && typeof pair.value === 'object' && 'range' in pair.value ? nodeSpan(pair.value as Node) : undefined;
        if (contains(valueSpan, offset)) {
          path.push(key);
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (next === undefined && item && typeof item === 'object' && 'range' in item && contains(nodeSpan(item as Node), offset)) {
          path.push(index);
          next = item;
        }
      });
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return undefined;
}
