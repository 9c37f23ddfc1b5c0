/**
 * Where the cursor is in YAML that may be half-typed: the path of the mapping or value being
 * typed, what is typed so far, and the span a completion replaces. Read from the lines of the
 * cursor's document by indentation (not from the parser's tree), so `    ty|` under
 * `updateStrategy:`, a key without its colon and an empty `- ` item all resolve.
 */
import type { PathSegment } from '../schemaTypes';
import type { Span } from '../types';
import { flowContext, leavesFlowOpen } from './flow';
import { documentLines, indentOf, type DocumentLines, isBlank, lineItems, opensBlock, startsBlockScalar, unquote, type Line, type LineItem } from './lines';

/** What the cursor is on. */
export type CursorKind =
  /** A key of the mapping at `path` (possibly half-typed, possibly empty). */
  | 'key'
  /** The value at `path` (after `key: `, or a scalar sequence item). */
  | 'value'
  /** Right after a sequence dash (`- ` or `- partial`): the item at `path`, a mapping or a scalar. */
  | 'item';

/** The cursor's context in its document. */
export interface CursorContext {
  kind: CursorKind;
  /** key: the mapping's path; value: the value's path; item: the item's path (ends with its index). */
  path: PathSegment[];
  /** What is typed so far (without quotes). */
  partial: string;
  /** The value or item is typed inside quotes (`"tr|`), so proposals are inserted bare. */
  quoted: boolean;
  /** What a completion replaces: the partial word and the rest of that word after the cursor. */
  replace: Span;
  /** key/item: a `:` already follows the word, so only the name is inserted. */
  hasColon: boolean;
  /** value: the cursor is right after `key:` with no space, so values are inserted with one. */
  needsSpace: boolean;
  /** Other keys of the same mapping and their scalar values as written ('' for none or a block). */
  siblings: Map<string, string>;
  /** Column of the key or item being typed, and the indentation of the cursor line. */
  column: number;
  lineIndent: number;
  /** Spaces between a key and the dashes of its sequence in this document (2, or 0 for `key:\n- a`). */
  sequenceIndent: number;
  /** The lines of the cursor's document. */
  lines: Line[];
  cursorLine: number;
  /** For a sequence item: the key that holds the sequence (`values:`), to read its siblings. */
  holder?: { line: number; col: number; itemStart: boolean };
  /** For an item of a flow sequence inside a flow map (`{key: k, values: [|]}`): that map's entries. */
  holderEntries?: Map<string, string>;
  /** Inside a flow collection (`{a: b, |}`): keys are inserted as `name: ` without block structure. */
  flow?: true;
  /**
   * Where each segment of `path` read from block structure is written: the line and column of
   * its key, or of its item's dash. Covers the path's block prefix (not the segments inside a
   * flow collection); lets a caller find the lines of an ancestor (a list document's item).
   */
  anchors: Anchor[];
}

/** A line and column in the cursor's document (see `CursorContext.anchors`). */
export interface Anchor {
  line: number;
  col: number;
}

/** A structural position: an item on a line. */
interface Position {
  line: number;
  items: LineItem[];
  index: number;
}

/** The context at `offset`; undefined in comments, block scalars or unreadable places. */
export function cursorContext(text: string, offset: number, doc: DocumentLines = documentLines(text, offset)): CursorContext | undefined {
  const { lines, cursorLine } = doc;
  const line = lines[cursorLine];
  if (!line) return undefined;
  const column = offset - line.start;
  const before = line.text.slice(0, column);
  const after = line.text.slice(column);
  if (/(^|[ \t])#/.test(before) && !/["']/.test(before)) return undefined;
  // Inside the indentation of a line that has content further right.
  if (/^[ \t]*$/.test(before) && /^[ \t]+\S/.test(after)) return undefined;
  if (/-$/.test(before) && lineItems(before).at(-1)?.type === 'dash') return undefined;
  const items = lineItems(before);
  const last = items[items.length - 1];
  const base = { lines, cursorLine, lineIndent: indentOf(line.text), sequenceIndent: sequenceIndentOf(lines) };
  const opened = openFlowAbove(lines, cursorLine, before);
  if (opened !== undefined) return opened.path === undefined ? undefined : anchored(flowContext({ path: opened.path, before: opened.text, after, offset, holder: opened.holder, base, column: opened.col }), opened.anchors);

  if (last?.type === 'key') {
    // `key: partial` or `key:|`.
    const valueText = before.slice(before.indexOf(':', last.col + rawKeyLength(before, last.col)) + 1);
    const typed = valueText.trimStart();
    const start: Node = { type: 'key', col: last.col, line: cursorLine, items, index: items.length - 1 };
    const itemStart = items.length > 1;
    if (/^[[{]/.test(typed)) {
      const found = pathOf(lines, start, true);
      const holder = { line: cursorLine, col: last.col, itemStart };
      return found === undefined ? undefined : anchored(flowContext({ path: found.path, before: typed, after, offset, holder, base, column: last.col }), found.anchors);
    }
    if (/^[|>&*!]/.test(typed)) return undefined;
    const quoted = typed.startsWith('"') || typed.startsWith("'");
    const partial = quoted ? typed.slice(1) : typed;
    const found = pathOf(lines, start, true);
    if (found === undefined) return undefined;
    return {
      ...base,
      kind: 'value',
      path: found.path,
      anchors: found.anchors,
      partial,
      quoted,
      replace: { start: offset - partial.length, end: offset + valueTail(after, quoted) },
      hasColon: false,
      needsSpace: valueText === '',
      siblings: siblingsOf(lines, cursorLine, last.col, itemStart),
      column: last.col,
    };
  }

  // A flow collection as a sequence item: `- {key: |}`.
  if (last?.type === 'scalar' && /^[[{]/.test(last.rest!) && items.length > 1 && items[items.length - 2]!.type === 'dash') {
    const dash = items[items.length - 2]!;
    const found = pathOf(lines, { type: 'dash', col: dash.col, line: cursorLine, items: items.slice(0, -1), index: items.length - 2 }, true);
    return found === undefined ? undefined : anchored(flowContext({ path: found.path, before: before.slice(last.col), after, offset, holder: undefined, base, column: last.col }), found.anchors);
  }
  // A key being typed (`ty`, or nothing yet), or an item after a dash (`- `, `- na`).
  const word = last?.type === 'scalar' ? last.rest! : '';
  if (last?.type === 'scalar' && last.col + word.length !== before.length) return undefined;
  const own = last?.type === 'scalar' ? items.slice(0, -1) : items;
  const afterDash = own.length > 0;
  const quote = /^["']/.test(word) ? word[0]! : '';
  const partial = word.slice(quote.length);
  if (!wordPattern.test(partial) || (quote !== '' && !afterDash)) return undefined;
  const tail = quote ? /^[^"'#]*["']?/.exec(after)![0] : /^[A-Za-z0-9_$./~-]*/.exec(after)![0];
  const hasColon = /^[ \t]*:(?:[ \t]|$)/.test(after.slice(tail.length));
  const replace = { start: offset - partial.length, end: offset + tail.length };
  if (!afterDash) {
    const col = last?.type === 'scalar' ? last.col : column;
    const found = pathOf(lines, { type: 'key', col, line: cursorLine, items: [], index: 0 }, false);
    if (found === undefined) return undefined;
    return { ...base, kind: 'key', path: found.path, anchors: found.anchors, partial, quoted: false, replace, hasColon, needsSpace: false, siblings: siblingsOf(lines, cursorLine, col, false), column: col };
  }
  const dash = own[own.length - 1]!;
  const col = last?.type === 'scalar' ? last.col : column;
  const found = pathOf(lines, { type: 'dash', col: dash.col, line: cursorLine, items: own, index: own.length - 1 }, true);
  if (found === undefined) return undefined;
  const holder = holderOf(found.firstParent);
  return { ...base, kind: 'item', path: found.path, anchors: found.anchors, partial, quoted: quote !== '', replace, hasColon, needsSpace: false, siblings: siblingsOf(lines, cursorLine, col, true), column: col, ...(holder ? { holder } : {}) };
}

/** How far up a flow collection opened on an earlier line is looked for. */
const flowLookBack = 50;

/**
 * A flow collection opened on a line above the cursor's and still open at the cursor
 * (`tolerations: [` … `  {key: |}`): the text from its bracket to the cursor, joined by spaces,
 * and its path (undefined when that cannot be read). Looks at the nearest line above that opens
 * one; undefined when that one closed, or there is none.
 */
function openFlowAbove(lines: Line[], cursorLine: number, before: string): { text: string; path: PathSegment[] | undefined; anchors: Anchor[]; col: number; holder: CursorContext['holder'] } | undefined {
  for (let l = cursorLine - 1; l >= Math.max(0, cursorLine - flowLookBack); l--) {
    const text = lines[l]!.text;
    if (isBlank(text)) continue;
    const items = lineItems(text);
    const last = items[items.length - 1];
    let bracket = -1;
    if (last?.type === 'key') {
      const m = /:[ \t]*[[{]/.exec(text.slice(last.col + rawKeyLength(text, last.col)));
      if (m && /^[[{]/.test(last.rest ?? '')) bracket = last.col + rawKeyLength(text, last.col) + m.index + m[0].length - 1;
    } else if (last?.type === 'scalar' && /^[[{]/.test(last.rest ?? '') && items.length > 1 && items[items.length - 2]!.type === 'dash') {
      bracket = last.col;
    }
    if (bracket < 0) continue;
    const joined = [text.slice(bracket), ...lines.slice(l + 1, cursorLine).map((x) => x.text), before].join(' ');
    if (!leavesFlowOpen(text.slice(bracket), joined)) return undefined;
    if (last!.type === 'key') {
      const found = pathOf(lines, { type: 'key', col: last!.col, line: l, items, index: items.length - 1 }, true);
      return { text: joined, path: found?.path, anchors: found?.anchors ?? [], col: last!.col, holder: { line: l, col: last!.col, itemStart: items.length > 1 } };
    }
    const dash = items[items.length - 2]!;
    const found = pathOf(lines, { type: 'dash', col: dash.col, line: l, items: items.slice(0, -1), index: items.length - 2 }, true);
    return { text: joined, path: found?.path, anchors: found?.anchors ?? [], col: last!.col, holder: undefined };
  }
  return undefined;
}

/** A flow context with the anchors of its block prefix. */
function anchored(ctx: Omit<CursorContext, 'anchors'> | undefined, anchors: Anchor[]): CursorContext | undefined {
  return ctx === undefined ? undefined : { ...ctx, anchors };
}

function holderOf(position: Position | undefined): CursorContext['holder'] {
  const item = position?.items[position.index];
  if (!position || item?.type !== 'key') return undefined;
  return { line: position.line, col: item.col, itemStart: position.index > 0 };
}

/** The keys beside the key that holds the sequence of an item (`key` and `operator` beside `values`). */
export function holderSiblings(ctx: CursorContext): Map<string, string> {
  if (ctx.holderEntries) return ctx.holderEntries;
  return ctx.holder ? siblingsOf(ctx.lines, ctx.holder.line, ctx.holder.col, ctx.holder.itemStart) : new Map();
}

const wordPattern = /^[A-Za-z0-9_$./~-]*$/;

function rawKeyLength(before: string, col: number): number {
  const c = before[col];
  if (c === '"' || c === "'") {
    const close = before.indexOf(c, col + 1);
    return close < 0 ? 1 : close - col + 1;
  }
  return 0;
}

/** How much of the value after the cursor belongs to the word being replaced. */
function valueTail(after: string, quoted: boolean): number {
  if (quoted) {
    const close = after.search(/["']/);
    return close < 0 ? /^[^#]*/.exec(after)![0].trimEnd().length : close;
  }
  return /^[^\s#,\]}]*/.exec(after)![0].length;
}

/** A structural node: item `index` of line `line` (`index === items.length` for a key not written yet). */
interface Node {
  type: 'key' | 'dash';
  col: number;
  line: number;
  items: LineItem[];
  index: number;
}

/**
 * The path of the node `start` (`includeStart`) or of its container: each ancestor's key, or
 * its index for a sequence item. Undefined when an ancestor cannot hold children (a scalar, a
 * block scalar, an inline value) or the document root is a sequence.
 */
function pathOf(lines: Line[], start: Node, includeStart: boolean): { path: PathSegment[]; anchors: Anchor[]; firstParent: Position | undefined } | undefined {
  const segments: PathSegment[] = [];
  const anchors: Anchor[] = [];
  let node = start;
  let firstParent: Position | undefined;
  for (let guard = 0; guard < 256; guard++) {
    const found = parentOf(lines, node);
    if (found === null) return undefined;
    if (node === start) firstParent = found.parent;
    if (node !== start || includeStart) {
      segments.push(node.type === 'dash' ? found.siblingsBefore : node.items[node.index]!.key!);
      anchors.push({ line: node.line, col: node.col });
    }
    if (found.parent === undefined) return node.type === 'key' ? { path: segments.reverse(), anchors: anchors.reverse(), firstParent } : undefined;
    const item = found.parent.items[found.parent.index]!;
    if (item.type === 'scalar') return undefined;
    if (item.type === 'key' && !opensBlock(item.rest ?? '')) return undefined;
    node = { type: item.type, col: item.col, ...found.parent };
  }
  return undefined;
}

/**
 * The parent of a node: the item left of it on its line, else the nearest line above with an
 * item at a smaller column (for a dash, also a key at the same column: `key:\n- item`).
 * `parent` undefined means the document root. `siblingsBefore` counts earlier items of the same
 * sequence (for a dash). null when the node sits inside a block scalar.
 */
function parentOf(lines: Line[], node: Node): { parent: Position | undefined; siblingsBefore: number } | null {
  if (node.index > 0) return { parent: { line: node.line, items: node.items, index: node.index - 1 }, siblingsBefore: 0 };
  let siblingsBefore = 0;
  for (let l = node.line - 1; l >= 0; l--) {
    const text = lines[l]!.text;
    if (isBlank(text)) continue;
    const indent = indentOf(text);
    if (indent > node.col) continue;
    const items = lineItems(text);
    if (indent === node.col && node.type === 'dash' && items[0]?.type === 'dash') {
      siblingsBefore++;
      continue;
    }
    if (indent === node.col && node.type === 'key') continue;
    for (let j = items.length - 1; j >= 0; j--) {
      const item = items[j]!;
      if (item.col < node.col || (node.type === 'dash' && item.type === 'key' && item.col === node.col)) {
        if (item.type === 'key' && startsBlockScalar(item.rest ?? '')) return null;
        return { parent: { line: l, items, index: j }, siblingsBefore };
      }
    }
  }
  return { parent: undefined, siblingsBefore };
}

/**
 * Keys of the mapping whose keys sit at column `col`, around line `cursorLine` (not counting the
 * cursor line's own key), with their scalar values. `itemStart`: the cursor line starts the
 * mapping (a `- ` item), so nothing above belongs to it.
 */
function siblingsOf(lines: Line[], cursorLine: number, col: number, itemStart: boolean): Map<string, string> {
  const siblings = new Map<string, string>();
  const add = (item: LineItem | undefined): void => {
    if (item?.type === 'key' && item.col === col && !siblings.has(item.key!)) siblings.set(item.key!, startsBlockScalar(item.rest ?? '') ? '' : unquote(item.rest ?? ''));
  };
  if (!itemStart) {
    for (let l = cursorLine - 1; l >= 0; l--) {
      const text = lines[l]!.text;
      if (isBlank(text)) continue;
      const indent = indentOf(text);
      if (indent > col) continue;
      const items = lineItems(text);
      if (indent === col) {
        add(items[0]);
        continue;
      }
      add(items.find((item) => item.col === col));
      break;
    }
  }
  for (let l = cursorLine + 1; l < lines.length; l++) {
    const text = lines[l]!.text;
    if (isBlank(text)) continue;
    const indent = indentOf(text);
    if (indent > col) continue;
    if (indent < col) break;
    add(lineItems(text)[0]);
  }
  return siblings;
}

/** How far these lines indent a sequence under its key (the first `key:` followed by a `- ` line); `fallback` when none does. */
export function sequenceIndentOf(lines: readonly Line[], fallback = 2): number {
  for (let l = 0; l + 1 < lines.length; l++) {
    const text = lines[l]!.text;
    if (!/:[ \t]*$/.test(text)) continue;
    let next = l + 1;
    while (next < lines.length && isBlank(lines[next]!.text)) next++;
    const following = lines[next]?.text;
    if (following === undefined) break;
    const dash = indentOf(following);
    if (following[dash] !== '-') continue;
    const items = lineItems(text);
    const key = items[items.length - 1];
    if (key?.type === 'key') return Math.max(0, dash - key.col);
  }
  return fallback;
}
