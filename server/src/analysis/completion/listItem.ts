/**
 * Completion inside the DaemonSet items of a list document (`kind: List` as `kubectl get
 * daemonsets -o yaml` prints it, `DaemonSetList`, lists nested in lists), as the model reads them
 * (model.ts `daemonSetModels`): the cursor's path `items.2.spec...` becomes the item's own
 * `spec...`, so keys and values complete as in a DaemonSet written on its own. Read from the
 * lines of the list: the root's `kind` (a regular expression over the lines, like a DaemonSet
 * document's), then each item's `kind` and `apiVersion` at its key column, reading only the
 * item's lines.
 */
import type { PathSegment } from '../schemaTypes';
import { sequenceIndentOf, type Anchor, type CursorContext } from './context';
import { indentOf, isBlank, lineItems, type Line } from './lines';

/** How deep lists nested in lists are followed (model.ts `maxListDepth`). */
const maxListDepth = 8;

const listKindLine = /^kind:[ \t]*(["']?)[A-Za-z0-9]*List\1[ \t]*(?:#.*)?$/;

/** Whether the lines are a list document (a root `kind` ending in `List`), cheaply by text. */
export function isListDocument(lines: readonly Line[]): boolean {
  return lines.some((line) => listKindLine.test(line.text));
}

/** A mapping of the document: its lines `[from, to)` and its keys' column. */
interface Mapping {
  from: number;
  to: number;
  col: number;
}

/** The DaemonSet item holding the cursor: the context from the item's root, and the item's text as a document. */
export interface ListItemContext {
  ctx: CursorContext;
  /** The item's lines with its indentation (and dash) removed: a DaemonSet document of its own. */
  text: () => string;
}

/**
 * The cursor's context relative to the DaemonSet item of a list document that holds it, or
 * undefined when the cursor is not inside one (on the list's own keys, in an item that is not a
 * DaemonSet, in a flow-style list). On the item's first line (`- ap|`), its root keys. Call only
 * when `isListDocument` holds (the root's `kind` is not read again).
 */
export function listItemContext(ctx: CursorContext | undefined): ListItemContext | undefined {
  if (ctx === undefined) return undefined;
  const { lines, path, anchors } = ctx;
  const first = anchors[0];
  if (first === undefined || first.col !== 0) return undefined;
  let mapping: Mapping = { from: 0, to: lines.length, col: 0 };
  for (let depth = 0; depth < maxListDepth; depth++) {
    const at = depth * 2;
    const dash = anchors[at + 1];
    if (path[at] !== 'items' || typeof path[at + 1] !== 'number' || dash === undefined || anchors[at]!.col !== mapping.col) return undefined;
    if (depth > 0 && !fieldsOf(lines, mapping).kind?.endsWith('List')) return undefined;
    const item = itemMapping(lines, dash);
    if (item === undefined) return undefined;
    const { kind, apiVersion } = fieldsOf(lines, item);
    if (kind === 'DaemonSet') {
      if (apiVersion !== undefined && isCustomGroup(apiVersion)) return undefined;
      return { ctx: rebased(ctx, at + 2, sequenceIndentOf(lines.slice(item.from, item.to), ctx.sequenceIndent)), text: () => itemText(lines, item) };
    }
    mapping = item;
  }
  return undefined;
}

/**
 * `ctx` with the first `drop` segments of its path (the list and item) removed, and the item's own
 * sequence indentation (`items:\n- ` in kubectl's output says nothing about how the item indents).
 */
function rebased(ctx: CursorContext, drop: number, sequenceIndent: number): CursorContext {
  const path: PathSegment[] = ctx.path.slice(drop);
  const anchors = ctx.anchors.slice(drop);
  // `- ap|`: the item itself is being written, so its first key.
  if (ctx.kind === 'item' && path.length === 0) return { ...ctx, kind: 'key', path, anchors, sequenceIndent };
  return { ...ctx, path, anchors, sequenceIndent };
}

/** The mapping of the item whose dash is at `dash`: to the next line not indented past the dash. */
function itemMapping(lines: readonly Line[], dash: Anchor): Mapping | undefined {
  const items = lineItems(lines[dash.line]!.text);
  const at = items.findIndex((item) => item.type === 'dash' && item.col === dash.col);
  const next = items[at + 1];
  // A key, or a word being typed as the first key (`- ap|`); not a nested sequence or a flow collection.
  if (next !== undefined && (next.type === 'dash' || (next.type === 'scalar' && /^[[{]/.test(next.rest ?? '')))) return undefined;
  let col: number | undefined = next?.col;
  let to = dash.line + 1;
  for (; to < lines.length; to++) {
    const text = lines[to]!.text;
    if (isBlank(text)) continue;
    const indent = indentOf(text);
    if (indent <= dash.col) break;
    col ??= indent;
  }
  return col === undefined ? undefined : { from: dash.line, to, col };
}

/** `kind` and `apiVersion` of a mapping, unquoted, when written as plain scalars. */
function fieldsOf(lines: readonly Line[], mapping: Mapping): { kind?: string; apiVersion?: string } {
  const fields: { kind?: string; apiVersion?: string } = {};
  for (let l = mapping.from; l < mapping.to; l++) {
    const text = lines[l]!.text;
    // Keys of the mapping start their line at its column, except the first one after an item's dash.
    if (l !== mapping.from && indentOf(text) !== mapping.col) continue;
    if (!/^["']?(?:kind|apiVersion)\b/.test(text.slice(mapping.col))) continue;
    const key = lineItems(text).find((item) => item.col === mapping.col);
    if (key?.type !== 'key' || (key.key !== 'kind' && key.key !== 'apiVersion')) continue;
    const value = unquoted(key.rest ?? '');
    if (value !== undefined) fields[key.key] ??= value;
  }
  return fields;
}

function unquoted(rest: string): string | undefined {
  const match = /^(["']?)([^"'\s]+)\1$/.exec(rest);
  return match?.[2];
}

/** Whether an apiVersion names a custom resource group (a dot in the group: `apps.kruise.io/v1alpha1`). */
function isCustomGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash).includes('.');
}

/** The item's lines from its key column (its dash and indentation removed). */
function itemText(lines: readonly Line[], item: Mapping): string {
  const out: string[] = [];
  for (let l = item.from; l < item.to; l++) {
    const text = lines[l]!.text;
    out.push(l === item.from || indentOf(text) >= item.col ? text.slice(item.col) : text.trimStart().startsWith('#') ? '' : text.trim());
  }
  return out.join('\n');
}
