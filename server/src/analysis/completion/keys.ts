/**
 * Key completion from the bundled schema: the fields allowed in the mapping at the cursor (inside
 * nested objects and list items), required ones first, each with its type and documentation, and
 * inserting the right structure as a snippet (`tolerations` → a list item with key, operator,
 * effect). Keys already present are left out, and so are read-only fields the system fills in.
 */
import { schemaAt, propertyNames } from '../schema';
import type { PathSegment } from '../schemaTypes';
import { formatKeyDoc, keyDoc, shortName } from '../hover/keyDocs';
import type { CursorContext } from './context';
import { choice, curatedBody, indentBody, isMap, isObject, itemBody } from './snippets';
import type { CompletionEntry } from './types';

/** Whether the value at a path has its own proposals (enums, cluster labels...): insert, then ask again. */
export type HasValues = (path: readonly PathSegment[]) => boolean;

function hidden(containerPath: readonly PathSegment[], name: string, description: string | undefined): boolean {
  if (containerPath.length === 0 && name === 'status') return true;
  if (name === 'managedFields') return true;
  // ObjectMeta's system-populated fields (uid, resourceVersion, creationTimestamp...).
  return /\bRead-only\b/.test(description ?? '') && !/\bDeprecated\b/i.test(description ?? '');
}

/** The schema keys of the mapping at `containerPath`, minus those already written. */
export function schemaKeyEntries(ctx: CursorContext, containerPath: PathSegment[], hasValues: HasValues): CompletionEntry[] {
  const container = schemaAt(containerPath);
  if (!container || !isObject(container.schema)) return [];
  const entries: CompletionEntry[] = [];
  for (const name of propertyNames(container.schema)) {
    if (ctx.siblings.has(name)) continue;
    const path = [...containerPath, name];
    const doc = keyDoc(path);
    if (!doc || hidden(containerPath, name, doc.description)) continue;
    const inserted = ctx.hasColon ? { text: name, retrigger: false } : ctx.flow ? flowKeyInsertText(path, hasValues) : keyInsertText(ctx, path, hasValues);
    entries.push({
      label: name,
      kind: 'property',
      detail: doc.required ? `${doc.type} · required` : doc.type,
      documentation: formatKeyDoc(doc),
      insertText: inserted.text,
      snippet: !ctx.hasColon,
      replace: ctx.replace,
      sortText: `${doc.required ? 0 : doc.deprecated ? 2 : 1}_${name}`,
      ...(doc.deprecated ? { deprecated: true } : {}),
      ...(inserted.retrigger ? { retrigger: true } : {}),
    });
  }
  return entries;
}

/** `name: ...` for the key at `path`, as a snippet with the structure its type needs. */
function keyInsertText(ctx: CursorContext, path: PathSegment[], hasValues: HasValues): { text: string; retrigger: boolean } {
  const name = path[path.length - 1] as string;
  const node = schemaAt(path)!;
  const { schema } = node;
  const childPad = Math.max(0, ctx.column + 2 - ctx.lineIndent);
  const dashPad = Math.max(0, ctx.column + ctx.sequenceIndent - ctx.lineIndent);
  const enumValues = (schema.enum ?? []).filter((value): value is string => typeof value === 'string' && value !== '');
  if (enumValues.length > 0) return { text: `${name}: ${choice(1, enumValues)}`, retrigger: false };
  if (schema.type === 'boolean') return { text: `${name}: ${choice(1, ['true', 'false'])}`, retrigger: false };
  if (schema.type === 'array') {
    const body = itemBody(path);
    const item = schemaAt([...path, 0]);
    const retrigger = body === '' && (item !== undefined && (isObject(item.schema) || hasValues([...path, 0])));
    return { text: `${name}:\n${' '.repeat(dashPad)}- ${indentBody(body || '$0', dashPad + 2)}`, retrigger };
  }
  if (isObject(schema)) {
    const body = curatedBody(node.definition);
    return { text: `${name}:\n${' '.repeat(childPad)}${indentBody(body ?? '$0', childPad)}`, retrigger: body === undefined };
  }
  if (isMap(schema)) return { text: `${name}:\n${' '.repeat(childPad)}$0`, retrigger: hasValues(path) };
  return { text: `${name}: $0`, retrigger: hasValues(path) };
}

/** `name: ...` inside a flow collection: `{$0}` or `[$0]` for objects, maps and lists, no line breaks. */
function flowKeyInsertText(path: PathSegment[], hasValues: HasValues): { text: string; retrigger: boolean } {
  const name = path[path.length - 1] as string;
  const { schema } = schemaAt(path)!;
  const enumValues = (schema.enum ?? []).filter((value): value is string => typeof value === 'string' && value !== '');
  if (enumValues.length > 0) return { text: `${name}: ${choice(1, enumValues)}`, retrigger: false };
  if (schema.type === 'boolean') return { text: `${name}: ${choice(1, ['true', 'false'])}`, retrigger: false };
  if (schema.type === 'array') return { text: `${name}: [$0]`, retrigger: hasValues([...path, 0]) };
  if (isObject(schema)) return { text: `${name}: {$0}`, retrigger: true };
  if (isMap(schema)) return { text: `${name}: {$0}`, retrigger: hasValues(path) };
  return { text: `${name}: $0`, retrigger: hasValues(path) };
}

/**
 * For an empty or half-typed list item whose type has a known body (a toleration, a container, a
 * node selector requirement): one entry inserting the whole item.
 */
export function itemSnippetEntry(ctx: CursorContext): CompletionEntry | undefined {
  if (ctx.kind !== 'item' || ctx.hasColon || ctx.siblings.size > 0) return undefined;
  const listPath = ctx.path.slice(0, -1);
  const item = schemaAt(ctx.path);
  const body = itemBody(listPath);
  if (!item?.definition || body === '') return undefined;
  const keys = body
    .split('\n')
    .filter((line) => /^[A-Za-z]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')));
  return {
    label: `${shortName(item.definition)} (${keys.join(', ')})`,
    kind: 'snippet',
    detail: `a new ${shortName(item.definition)}`,
    insertText: indentBody(body, ctx.column - ctx.lineIndent),
    snippet: true,
    replace: ctx.replace,
    sortText: `0_`,
    filterText: keys[0] ?? '',
  };
}
