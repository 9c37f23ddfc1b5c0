/**
 * Selector and pod labels completing each other: under `spec.selector.matchLabels` the pod
 * template's labels are proposed, and under `spec.template.metadata.labels` the selector's, since
 * the API server requires the selector to match the template's labels
 * (pkg/apis/apps/validation/validation.go `ValidateDaemonSetSpec`: "selector does not match
 * template labels"). Reads the cursor's document only.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { yamlParseOptions } from '../parse';
import type { PathSegment } from '../schemaTypes';
import type { CursorContext } from './context';
import { yamlScalar } from './clusterValues';
import type { CompletionEntry } from './types';

const selectorPath = ['spec', 'selector', 'matchLabels'];
const templatePath = ['spec', 'template', 'metadata', 'labels'];

function same(path: readonly PathSegment[], other: readonly string[]): boolean {
  return path.length === other.length && other.every((segment, i) => path[i] === segment);
}

/** The label pairs of the other side, for keys of `matchLabels` or of the template's `labels`. */
export function mirroredLabelEntries(ctx: CursorContext, path: readonly PathSegment[], documentText: string): CompletionEntry[] {
  const fromTemplate = same(path, selectorPath);
  if (!fromTemplate && !same(path, templatePath)) return [];
  const document = parseDocument(documentText, yamlParseOptions);
  const source = document.getIn(fromTemplate ? templatePath : selectorPath, true);
  if (!isMap(source)) return [];
  const entries: CompletionEntry[] = [];
  for (const pair of source.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value.value === null ? '' : String(pair.value.value);
    if (ctx.siblings.has(key)) continue;
    entries.push({
      label: `${key}: ${value}`,
      kind: 'label',
      detail: fromTemplate ? 'a pod template label' : 'from the selector (matchLabels)',
      documentation: 'The selector must match the pod template\'s labels, or the API server rejects the DaemonSet.',
      insertText: ctx.hasColon ? key : `${key}: ${yamlScalar(value)}`,
      snippet: false,
      replace: ctx.replace,
      sortText: `0_${key}`,
      filterText: key,
    });
  }
  return entries;
}
