/**
 * Fix for a removed apiVersion (`extensions/v1beta1`, `apps/v1beta2`; gone since Kubernetes 1.16):
 * change it to `apps/v1` and, since apps/v1 requires `spec.selector` where the old versions
 * defaulted it from the template labels, add one from those labels when it is missing.
 */
import { currentApiVersion } from '../model';
import { labelsOf } from '../labelSelector';
import { record, recordAt } from '../rules/fields';
import { selectorPath } from '../rules/selector';
import { selectorPlacement } from './selectorFixes';
import { insertValue, replaceValue } from './yamlEdit';
import type { Fixer } from './types';

export const fixRemovedApiVersion: Fixer = ({ edit, value }) => {
  const version = replaceValue(edit, ['apiVersion'], currentApiVersion);
  if (!version) return [];
  const spec = record(value?.spec);
  const labels = labelsOf(recordAt(value, ['spec', 'template'])?.metadata);
  if (spec?.selector != null || Object.keys(labels).length === 0) {
    return [{ title: `Change to \`apiVersion: ${currentApiVersion}\``, edits: [version], isPreferred: true }];
  }
  const selector = insertValue(edit, [...selectorPath, 'matchLabels'], labels, selectorPlacement);
  if (!selector) return [];
  return [{ title: `Change to \`apiVersion: ${currentApiVersion}\` and add \`spec.selector\` from the template labels`, edits: [version, selector], isPreferred: true }];
};
