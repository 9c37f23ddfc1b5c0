/**
 * Fixes for `spec.selector` (pkg/apis/apps/validation `ValidateDaemonSetSpec`): make the template
 * labels match the selector or the selector match the labels (two fixes, neither preferred: only
 * the author knows which is right; the selector is immutable once created), and select the
 * template's labels when the selector is empty or missing.
 */
import { labelsOf } from '../labelSelector';
import { record, recordAt } from '../rules/fields';
import { selectorPath, templateLabelsPath, type SelectorFixData } from '../rules/selector';
import { insertValue, mergeInsertions, replaceValue, type TextEdit } from './yamlEdit';
import { dataOf, type FixInput, type Fixer, type QuickFix } from './types';

function entriesOf(input: FixInput): SelectorFixData['entries'] | undefined {
  const entries = dataOf(input.finding).entries;
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const ok = entries.every((e) => record(e) && typeof e.key === 'string' && typeof e.selector === 'string' && (typeof e.template === 'string' || e.template === null));
  return ok ? (entries as SelectorFixData['entries']) : undefined;
}

/** Every edit, or undefined when one of them cannot be built (the fix would be partial). */
function all(edits: (TextEdit | undefined)[]): TextEdit[] | undefined {
  return edits.every((edit) => edit !== undefined) ? (edits as TextEdit[]) : undefined;
}

export const fixSelectorMismatch: Fixer = (input) => {
  const entries = entriesOf(input);
  if (!entries) return [];
  const fixes: QuickFix[] = [];
  // Labels that are missing go in as one mapping, so several insertions never collide.
  const missing = Object.fromEntries(entries.filter((e) => e.template === null).map((e) => [e.key, e.selector]));
  const labelEdits: (TextEdit | undefined)[] = entries.filter((e) => e.template !== null).map((e) => replaceValue(input.edit, [...templateLabelsPath, e.key], e.selector));
  if (Object.keys(missing).length > 0) {
    const hasLabels = Object.keys(recordAt(input.value, templateLabelsPath) ?? {}).length > 0;
    if (hasLabels) {
      for (const [key, value] of Object.entries(missing)) labelEdits.push(insertValue(input.edit, [...templateLabelsPath, key], value));
    } else labelEdits.push(insertValue(input.edit, templateLabelsPath, missing));
  }
  const labels = all(labelEdits);
  if (labels) fixes.push({ title: 'Change the template labels to match `spec.selector`', edits: mergeInsertions(labels), isPreferred: false });
  if (entries.every((e) => e.template !== null)) {
    const selector = all(entries.map((e) => replaceValue(input.edit, [...selectorPath, 'matchLabels', e.key], e.template)));
    if (selector) fixes.push({ title: 'Change `spec.selector` to match the template labels', edits: selector, isPreferred: false });
  }
  return fixes;
};

/** Where a new `selector` goes in `spec`: first, as kubectl and most manifests write it. */
export const selectorPlacement = { before: ['minReadySeconds', 'revisionHistoryLimit', 'updateStrategy', 'template'] };

/** Sets `spec.selector.matchLabels` to the template's labels (selector missing, `{}`, or empty matchLabels). */
export function selectTemplateLabels(input: FixInput, title: string): QuickFix[] {
  const labels = labelsOf(recordAt(input.value, ['spec', 'template'])?.metadata);
  if (Object.keys(labels).length === 0) return [];
  const edit = insertValue(input.edit, [...selectorPath, 'matchLabels'], labels, selectorPlacement);
  return edit ? [{ title, edits: [edit], isPreferred: true }] : [];
}

export const fixEmptySelector: Fixer = (input) => selectTemplateLabels(input, 'Select the template labels in `spec.selector.matchLabels`');
