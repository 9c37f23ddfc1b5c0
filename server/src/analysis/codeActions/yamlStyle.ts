/**
 * How a YAML file is written, so inserted text looks like its neighbours: the indentation step,
 * whether block sequences are indented under their key (`key:\n  - a` or `key:\n- a`), and the
 * line ending. Also the text rendering of values in that style (block and flow).
 */
import { Document, isMap, isScalar, isSeq, stringify, visit, type Node, type Scalar } from 'yaml';

/** The writing style of one file. */
export interface YamlStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** True when a block sequence under a key is indented (`key:\n  - a`). */
  indentSeq: boolean;
  /** `\n` or `\r\n`. */
  eol: string;
  /** True for a document written as JSON (a flow mapping with double-quoted keys): flow insertions are JSON too. */
  json: boolean;
}

/** The 0-based offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column (0-based, UTF-16 units) of `offset` in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The offset just after the line break that ends the line holding `offset - 1` (`text.length` at the end). */
export function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

const maxSamples = 64;

function mostCommon(counts: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The style of `document` in `text`, from the first block mappings and sequences it holds.
 * Defaults (no nesting to learn from): two spaces, indented sequences.
 */
export function detectStyle(document: Document.Parsed, text: string): YamlStyle {
  const indents = new Map<number, number>();
  let indented = 0;
  let flush = 0;
  let samples = 0;
  visit(document, {
    Pair(_, pair) {
      if (samples >= maxSamples) return visit.BREAK;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isScalar(key) || !key.range || !value || !value.range) return undefined;
      if (text.slice(lineStart(text, key.range[0]), key.range[0]).trim().replace(/^-\s*/, '') !== '') return undefined;
      const keyColumn = columnOf(text, key.range[0]);
      if (isMap(value) && !value.flow && value.items.length > 0 && isScalar(value.items[0]!.key) && value.items[0]!.key.range) {
        const step = columnOf(text, value.items[0]!.key.range[0]) - keyColumn;
        if (step > 0) {
          indents.set(step, (indents.get(step) ?? 0) + 1);
          samples++;
        }
      } else if (isSeq(value) && !value.flow && value.items.length > 0) {
        const step = columnOf(text, value.range[0]) - keyColumn;
        if (step > 0) indented++;
        else if (step === 0) flush++;
        samples++;
      }
      return undefined;
    },
  });
  const root = document.contents;
  const firstKey = isMap(root) && root.flow ? root.items[0]?.key : undefined;
  const json = isScalar(firstKey) && firstKey.type === 'QUOTE_DOUBLE';
  return { indent: mostCommon(indents, 2), indentSeq: indented >= flush, eol: text.includes('\r\n') ? '\r\n' : '\n', json };
}

const stringifyOptions = { version: '1.1', lineWidth: 0, minContentWidth: 0 } as const;

/** A scalar as YAML 1.1 text, quoted when needed (`"true"`, `"yes"`), or in the quote style of `like`. */
export function renderScalar(value: unknown, like?: Scalar['type']): string {
  if (like === 'QUOTE_DOUBLE' && typeof value !== 'string') return JSON.stringify(value);
  if (typeof value === 'string') {
    if (like === 'QUOTE_DOUBLE') return JSON.stringify(value);
    if (like === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  return stringify(value, stringifyOptions).replace(/\r?\n$/, '');
}

function indentLines(body: string, column: number, eol: string): string {
  const pad = ' '.repeat(column);
  return body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => pad + line)
    .join(eol) + eol;
}

/** `key: value` as block lines starting at `column`, each ending with the file's line break. */
export function renderPair(key: string, value: unknown, column: number, style: YamlStyle): string {
  const body = stringify({ [key]: value }, { ...stringifyOptions, indent: style.indent, indentSeq: style.indentSeq });
  return indentLines(body, column, style.eol);
}

/** `- item` as block lines with the dash at `column`. */
export function renderItem(item: unknown, column: number, style: YamlStyle): string {
  const body = stringify([item], { ...stringifyOptions, indent: style.indent, indentSeq: style.indentSeq });
  return indentLines(body, column, style.eol);
}

/** A value in flow style on one line: `{key: x, values: [a, "true"]}`; JSON in a JSON document. */
export function renderFlow(value: unknown, json = false): string {
  if (json) return JSON.stringify(value);
  const document = new Document(value, { version: '1.1' });
  visit(document, {
    Map(_, map) {
      map.flow = true;
    },
    Seq(_, seq) {
      seq.flow = true;
    },
  });
  return document.toString({ ...stringifyOptions, flowCollectionPadding: false }).replace(/\r?\n$/, '');
}
