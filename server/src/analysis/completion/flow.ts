/**
 * The cursor inside a one-line YAML flow collection (`nodeSelector: {kubernetes.io/os: li|}`,
 * `tolerations: [{key: |}]`, `- {operator: Exists, effect: |}`, or a collection opened on a line
 * above and still open): which map key or sequence item it
 * is on, what is typed, and the other keys of the same map, so keys and values are proposed as in
 * block style. Scans the line's text from the opening bracket; anything it cannot read (a complex
 * key, a comment, a closed collection) gives no context rather than a wrong one.
 */
import type { PathSegment } from '../schemaTypes';
import type { CursorContext } from './context';
import { unquote } from './lines';

/** One open collection, innermost last. */
interface Frame {
  kind: 'map' | 'seq';
  path: PathSegment[];
  /** Map: the entries written before the cursor (key → scalar value, '' for a collection). */
  entries: Map<string, string>;
  /** Map: the key of the entry being written, once its `:` is read. */
  key: string | undefined;
  /** Seq: the index of the item being written. */
  index: number;
}

/** What the caller knows: where the flow collection sits and the fields every context carries. */
export interface FlowStart {
  /** The path of the value the collection is (the key's path, or a sequence item's). */
  path: PathSegment[];
  /** The text from the opening bracket to the cursor (lines joined by spaces), and from the cursor to the end of the line. */
  before: string;
  after: string;
  offset: number;
  /** For items of the outermost sequence: the block key that holds it (its siblings matter). */
  holder: CursorContext['holder'];
  base: Pick<CursorContext, 'lines' | 'cursorLine' | 'lineIndent' | 'sequenceIndent'>;
  column: number;
}

const keyWord = /^[A-Za-z0-9_$./~-]*$/;

/** The context inside a flow collection, or undefined where it cannot be read with confidence. */
export function flowContext(start: FlowStart): Omit<CursorContext, 'anchors'> | undefined {
  const scanned = scan(start.before, start.path);
  if (scanned === undefined) return undefined;
  const { stack, token } = scanned;
  const top = stack[stack.length - 1];
  if (top === undefined) return undefined; // the collection closed before the cursor
  const quoted = /^["']/.test(token);
  const partial = quoted ? token.slice(1) : token;
  const common = { ...start.base, quoted, hasColon: false, needsSpace: false, column: start.column, flow: true as const };
  if (top.kind === 'map' && top.key === undefined) {
    if (quoted || !keyWord.test(partial)) return undefined;
    const tail = /^[A-Za-z0-9_$./~-]*/.exec(start.after)![0];
    const siblings = new Map([...top.entries, ...restOfMap(start.after.slice(tail.length))]);
    return {
      ...common,
      kind: 'key',
      path: top.path,
      partial,
      replace: { start: start.offset - partial.length, end: start.offset + tail.length },
      hasColon: /^[ \t]*:/.test(start.after.slice(tail.length)),
      siblings,
    };
  }
  const tail = quoted ? /^[^"',\]}]*/.exec(start.after)![0] : /^[^\s,\]}"']*/.exec(start.after)![0];
  const replace = { start: start.offset - partial.length, end: start.offset + tail.length };
  if (top.kind === 'map') {
    const siblings = new Map([...top.entries, ...restOfMap(start.after.slice(tail.length))]);
    siblings.delete(top.key!);
    return { ...common, kind: 'value', path: [...top.path, top.key!], partial, replace, needsSpace: start.before.endsWith(':'), siblings };
  }
  // An item of a sequence: its holder is the map around the sequence, or the block key.
  const parent = stack[stack.length - 2];
  const holderEntries = parent?.kind === 'map' ? new Map(parent.entries) : undefined;
  return {
    ...common,
    kind: 'value',
    path: [...top.path, top.index],
    partial,
    replace,
    siblings: new Map(),
    ...(holderEntries ? { holderEntries } : parent === undefined && start.holder ? { holder: start.holder } : {}),
  };
}

/**
 * Whether a flow collection opened on a line (`first`, from its bracket) is still open at the end
 * of `text` (from the same bracket to the cursor): open at the end of its own line and not
 * closed since. A first line that cannot be read counts as closed (block reading goes on).
 */
export function leavesFlowOpen(first: string, text: string): boolean {
  const own = scan(first, []);
  if (own === undefined || own.stack.length === 0) return false;
  const all = scan(text, []);
  return all === undefined || all.stack.length > 0;
}

/** Reads `text` (from the opening bracket): the open collections and the scalar being typed. */
function scan(text: string, path: PathSegment[]): { stack: Frame[]; token: string } | undefined {
  const stack: Frame[] = [];
  let token = '';
  let quote = '';
  let closed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      token += c;
      if (c === '\\' && quote === '"' && i + 1 < text.length) token += text[++i];
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") token += text[++i];
        else quote = '';
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (closed) return { stack, token: '' }; // the collection closed: what follows is outside it
      if (c !== '{' && c !== '[') {
        if (/\s/.test(c)) continue;
        return undefined;
      }
    }
    if (c === '{' || c === '[') {
      if (token.trim() !== '') return undefined;
      const childPath = top === undefined ? path : top.kind === 'seq' ? [...top.path, top.index] : top.key === undefined ? undefined : [...top.path, top.key];
      if (childPath === undefined) return undefined; // a collection as a key
      stack.push({ kind: c === '{' ? 'map' : 'seq', path: childPath, entries: new Map(), key: undefined, index: 0 });
      token = '';
    } else if (c === '}' || c === ']') {
      if (top === undefined || top.kind !== (c === '}' ? 'map' : 'seq')) return undefined;
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'map' && parent.key !== undefined) parent.entries.set(parent.key, '');
      if (parent === undefined) closed = true;
      token = '';
    } else if (c === ',') {
      if (top!.kind === 'map') {
        if (top!.key !== undefined && !top!.entries.has(top!.key)) top!.entries.set(top!.key, unquote(token.trim()));
        else if (top!.key === undefined && token.trim() !== '') top!.entries.set(unquote(token.trim()), '');
        top!.key = undefined;
      } else {
        top!.index++;
      }
      token = '';
    } else if (c === ':' && top!.kind === 'map' && top!.key === undefined && (i + 1 === text.length || /[\s,\]}]/.test(text[i + 1]!) || /^\s*["']/.test(token))) {
      top!.key = unquote(token.trim());
      token = '';
    } else if ((c === '"' || c === "'") && token.trim() === '') {
      quote = c;
      token = c;
    } else if (c === '#' && i > 0 && /\s/.test(text[i - 1]!)) {
      return undefined; // a comment: the rest of the line is not YAML
    } else {
      token += c;
    }
  }
  return { stack, token: quote === '' ? token.trimStart() : token };
}

/**
 * The entries of the current map after the cursor, up to its closing brace (keys with scalar
 * values; '' for a collection). The slot at the cursor itself is skipped.
 */
function restOfMap(after: string): Map<string, string> {
  const entries = new Map<string, string>();
  let depth = 0;
  let token = '';
  let key: string | undefined;
  let inSlot = true; // still in the entry being typed
  let quote = '';
  const finish = (): void => {
    if (!inSlot && key !== undefined) entries.set(key, unquote(token.trim()));
    else if (!inSlot && token.trim() !== '') entries.set(unquote(token.trim()), '');
  };
  for (let i = 0; i < after.length; i++) {
    const c = after[i]!;
    if (quote !== '') {
      token += c;
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      token += c;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) token = '';
    } else if (depth > 0) {
      continue;
    } else if (c === ',') {
      finish();
      inSlot = false;
      key = undefined;
      token = '';
    } else if (c === ':' && key === undefined && (i + 1 === after.length || /[\s,\]}]/.test(after[i + 1]!))) {
      key = unquote(token.trim());
      token = '';
    } else if (c === '#' && i > 0 && /\s/.test(after[i - 1]!)) {
      break;
    } else {
      token += c;
    }
  }
  finish();
  return entries;
}
