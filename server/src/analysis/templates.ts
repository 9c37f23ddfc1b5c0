/**
 * Go/Helm template detection. A file with `{{ ... }}` outside quoted strings, block scalars and
 * comments is a template, not a manifest: analysing it would report nonsense, so it is skipped.
 * `{{` inside a quoted or block scalar is data (a Go template in a container argument, a
 * fluent-bit config in a ConfigMap) and does not count.
 */
import { isScalar, visit } from 'yaml';
import type { ParsedFile } from './parse';
import type { Span } from './types';

/** The span of the first template action (`{{ ... }}`) in the file, or undefined when there is none. */
export function findTemplateSyntax(file: ParsedFile): Span | undefined {
  const { text } = file;
  let at = text.indexOf('{{');
  if (at < 0) return undefined;
  const quoted: Span[] = [];
  for (const { document } of file.documents) {
    visit(document, {
      Scalar(_key, node) {
        if (!isScalar(node) || !node.range || node.type === 'PLAIN') return;
        quoted.push({ start: node.range[0], end: node.range[1] });
      },
    });
  }
  quoted.sort((a, b) => a.start - b.start);
  while (at >= 0) {
    const close = text.indexOf('}}', at + 2);
    if (close < 0) return undefined;
    if (!inside(quoted, at) && !inComment(text, at)) return { start: at, end: close + 2 };
    at = text.indexOf('{{', at + 2);
  }
  return undefined;
}

function inside(spans: readonly Span[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return true;
  }
  return false;
}

function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, offset));
}
