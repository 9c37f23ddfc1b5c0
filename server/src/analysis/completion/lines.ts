/**
 * Line-level YAML reading for completion, where the text is half-typed and the parser's tree
 * cannot be trusted: the lines of the document around an offset, and what each line opens
 * (sequence dashes, then a `key:` or a scalar). Pure string work; never throws.
 */
import type { Span } from '../types';

/** One line of a document: its text (without the newline) and the offset where it starts. */
export interface Line {
  text: string;
  start: number;
}

/** What a line opens, left to right: `- - key: value` is dash, dash, key. */
export interface LineItem {
  type: 'dash' | 'key' | 'scalar';
  /** 0-based column (UTF-16 units). */
  col: number;
  /** The key, unquoted (type `key`). */
  key?: string;
  /** What follows `key:` without a trailing comment, trimmed (type `key`); the text (type `scalar`). */
  rest?: string;
}

/** The lines of the YAML document that holds `offset`, and the index of the line with `offset`. */
export interface DocumentLines {
  lines: Line[];
  cursorLine: number;
  /** The document's text range (separators `---`/`...` excluded). */
  span: Span;
}

const separator = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/;

/**
 * The lines of the document holding `offset`: from after the previous `---`/`...` line (or the
 * start) to before the next one (or the end). Scans only that document, so it stays cheap in a
 * file of many documents.
 */
export function documentLines(text: string, offset: number): DocumentLines {
  const at = Math.max(0, Math.min(offset, text.length));
  const cursorStart = lineStart(text, at);
  let start = cursorStart;
  // A cursor on a `---` line itself belongs to the document that follows.
  if (!separator.test(text.slice(cursorStart, cursorStart + 4))) {
    while (start > 0) {
      const previous = lineStart(text, start - 1);
      if (separator.test(text.slice(previous, previous + 4))) break;
      start = previous;
    }
  } else {
    start = Math.min(text.length, lineEnd(text, cursorStart) + 1);
  }
  const lines: Line[] = [];
  let cursorLine = 0;
  let position = Math.min(start, text.length);
  for (;;) {
    const end = lineEnd(text, position);
    const lineText = text.slice(position, end);
    if (position > start && separator.test(lineText)) break;
    if (position <= at) cursorLine = lines.length;
    lines.push({ text: lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText, start: position });
    if (end >= text.length) break;
    position = end + 1;
  }
  const last = lines[lines.length - 1];
  return { lines, cursorLine, span: { start: Math.min(start, text.length), end: last ? last.start + last.text.length : start } };
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The column of the first character that is not a space (the line length for a blank line). */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

/** True for a line that is empty, blank or only a comment. */
export function isBlank(line: string): boolean {
  const i = indentOf(line);
  return i >= line.length || line[i] === '#' || line.slice(i).trim() === '';
}

const plainKey = /^([A-Za-z0-9_$./~][^:#]*?|[A-Za-z0-9_$./~])[ \t]*:(?=[ \t]|$)/;
const quotedKey = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;

/** Removes a trailing ` # comment` that is outside quotes. */
export function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

/** Unquotes a YAML scalar written on one line (`"a"`, `'a'`, `a`). */
export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** What `line` opens (see `LineItem`). A blank or comment line opens nothing. */
export function lineItems(line: string): LineItem[] {
  const items: LineItem[] = [];
  let col = indentOf(line);
  while (col < line.length) {
    const c = line[col];
    if (c === '#') break;
    if (c === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
      items.push({ type: 'dash', col });
      col++;
      while (col < line.length && (line[col] === ' ' || line[col] === '\t')) col++;
      continue;
    }
    const source = line.slice(col);
    const match = quotedKey.exec(source) ?? plainKey.exec(source);
    if (match) {
      const key = unquote(match[1]!);
      items.push({ type: 'key', col, key, rest: stripComment(source.slice(match[0].length)).trim() });
    } else {
      items.push({ type: 'scalar', col, rest: stripComment(source) });
    }
    break;
  }
  return items;
}

/**
 * Whether what follows `key:` makes the key a parent of the lines below: nothing, a comment, an
 * anchor or a tag. A block scalar indicator (`|`, `>`) or an inline value does not.
 */
export function opensBlock(rest: string): boolean {
  const withoutProperties = rest.replace(/^(?:[&!][^\s]*\s*)+/, '');
  return withoutProperties === '';
}

/** Whether `rest` starts a block scalar (`|`, `>-`, `|2+`...), after any anchor or tag. */
export function startsBlockScalar(rest: string): boolean {
  return /^(?:[&!][^\s]*\s+)*[|>][-+0-9]*$/.test(rest);
}
