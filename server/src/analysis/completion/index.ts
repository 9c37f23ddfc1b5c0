/**
 * Completion in DaemonSet manifests: `completeAt(text, offset, options)` reads the cursor's context
 * from the lines of its document (so half-typed YAML works) and asks each module: schema keys
 * (keys.ts), schema values (values.ts), cluster labels, taints and nodes (clusterValues.ts), and
 * the DaemonSet skeleton for an empty document. Inside a DaemonSet item of a list document
 * (`kind: List`), the item completes as a DaemonSet of its own (listItem.ts). Other documents get
 * nothing, so Daemonscope can run beside other YAML tooling. Pure and cheap: no parse, no validation.
 */
import type { PathSegment } from '../schemaTypes';
import { schemaAt } from '../schema';
import { clusterKeyEntries, clusterValueEntries, hasClusterValues } from './clusterValues';
import { cursorContext, type CursorContext } from './context';
import { itemSnippetEntry, schemaKeyEntries } from './keys';
import { mirroredLabelEntries } from './labels';
import { isListDocument, listItemContext } from './listItem';
import { documentLines, isBlank, type Line } from './lines';
import { daemonSetSkeleton, isObject } from './snippets';
import type { CompletionEntry, CompletionOptions } from './types';
import { hasSchemaValues, schemaValueEntries } from './values';

export type { CompletionEntry, CompletionEntryKind, CompletionOptions } from './types';

const kindLine = /^kind:[ \t]*(["']?)DaemonSet\1[ \t]*(?:#.*)?$/;
const customApiVersion = /^apiVersion:[ \t]*["']?[^\s"'/#]*\.[^\s"'/#]*\//;

/** Whether the lines are a DaemonSet document (`kind: DaemonSet`, not a custom resource group). */
function isDaemonSet(lines: readonly Line[]): boolean {
  return lines.some((line) => kindLine.test(line.text)) && !lines.some((line) => customApiVersion.test(line.text));
}

/** The skeleton entry when the cursor's document is empty (or holds one word being typed). */
function skeletonEntry(lines: readonly Line[], cursorLine: number, offset: number): CompletionEntry | undefined {
  for (let l = 0; l < lines.length; l++) if (l !== cursorLine && !isBlank(lines[l]!.text)) return undefined;
  const line = lines[cursorLine]!;
  const word = line.text.trimEnd();
  if (!/^[A-Za-z]*$/.test(word) || offset - line.start > word.length) {
    if (!isBlank(line.text) || line.text.trimStart().startsWith('#')) return undefined;
  }
  return {
    label: 'DaemonSet',
    kind: 'snippet',
    detail: 'apps/v1 DaemonSet skeleton',
    documentation: 'A complete DaemonSet: matching selector and pod labels, one container with requests and a memory limit, a RollingUpdate strategy.',
    insertText: daemonSetSkeleton,
    snippet: true,
    replace: { start: line.start, end: line.start + line.text.length },
    filterText: 'daemonset apiVersion kind',
  };
}

const hasValues = (path: readonly PathSegment[]): boolean => hasSchemaValues(path) || hasClusterValues(path);

/** Keys for the mapping at `containerPath`: mirrored labels, cluster/resource keys, then schema keys (when enabled). */
function keyEntries(ctx: CursorContext, containerPath: PathSegment[], options: CompletionOptions, documentText: string): CompletionEntry[] {
  const entries = [...mirroredLabelEntries(ctx, containerPath, documentText), ...clusterKeyEntries(ctx, containerPath, options.cluster?.cluster)];
  if (options.schemaKeys) entries.push(...schemaKeyEntries(ctx, containerPath, hasValues));
  return entries;
}

/** Values for `path`: cluster proposals first, then schema values not already proposed. */
function valueEntries(ctx: CursorContext, path: PathSegment[], options: CompletionOptions): CompletionEntry[] {
  const entries = options.cluster ? clusterValueEntries(ctx, path, options.cluster.cluster) : [];
  const seen = new Set(entries.map((entry) => entry.label));
  for (const entry of schemaValueEntries(ctx, path)) if (!seen.has(entry.label)) entries.push(entry);
  return entries;
}

/**
 * Completion proposals at `offset` (0-based UTF-16) in `text` (a whole file). Empty outside
 * DaemonSet documents and DaemonSet items of lists (except the skeleton in an empty document), in
 * comments and block scalars.
 * Never throws for bad input.
 */
export function completeAt(text: string, offset: number, options: CompletionOptions): CompletionEntry[] {
  const doc = documentLines(text, offset);
  const { lines, cursorLine } = doc;
  const typed = options.trigger !== undefined && options.trigger !== '';
  const skeleton = typed ? undefined : skeletonEntry(lines, cursorLine, offset);
  if (skeleton) return [skeleton];
  let ctx: CursorContext | undefined;
  let documentText = (): string => text.slice(doc.span.start, doc.span.end);
  if (isDaemonSet(lines)) ctx = cursorContext(text, offset, doc);
  else if (isListDocument(lines)) {
    const found = listItemContext(cursorContext(text, offset, doc));
    ctx = found?.ctx;
    if (found) documentText = found.text;
  }
  // A typed trigger opens values and list items, and keys only where a flow map starts a new entry (`{a: b, |`).
  if (!ctx || (typed && ctx.kind === 'key' && !(ctx.flow && ctx.partial === '' && /[{,][ \t]*$/.test(text.slice(Math.max(0, offset - 16), offset))))) return [];
  switch (ctx.kind) {
    case 'key':
      return keyEntries(ctx, ctx.path, options, documentText());
    case 'value':
      return valueEntries(ctx, ctx.path, options);
    case 'item': {
      const item = schemaAt(ctx.path);
      if (item && isObject(item.schema)) {
        const whole = options.schemaKeys ? itemSnippetEntry(ctx) : undefined;
        return [...(whole ? [whole] : []), ...keyEntries(ctx, ctx.path, options, documentText())];
      }
      return valueEntries(ctx, ctx.path, options);
    }
  }
}
