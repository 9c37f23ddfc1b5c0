/**
 * Fixes for cluster-aware findings: tolerate a taint that keeps the pod off some nodes (the
 * toleration `ToleratesTaint` matches: key, `Equal` with the value when the taint has one, else
 * `Exists`, and the effect), and replace a node label key or value no node has with the cluster's
 * closest one.
 */
import { podSpecPath, record } from '../rules/fields';
import type { LabelFixData } from '../rules/unknownLabel';
import { appendItem, renameKey, replaceValue } from './yamlEdit';
import { dataOf, fix, pathOf, type Fixer } from './types';

export const addToleration: Fixer = ({ finding, edit }) => {
  const taint = record(dataOf(finding).taint);
  if (!taint || typeof taint.key !== 'string' || typeof taint.effect !== 'string' || typeof (taint.value ?? '') !== 'string') return [];
  const value = (taint.value as string | undefined) ?? '';
  const toleration = value === '' ? { key: taint.key, operator: 'Exists', effect: taint.effect } : { key: taint.key, operator: 'Equal', value, effect: taint.effect };
  const shown = `${taint.key}${value ? `=${value}` : ''}:${taint.effect}`;
  return fix(`Add a toleration for ${shown}`, appendItem(edit, [...podSpecPath, 'tolerations'], toleration), false);
};

export const replaceLabel: Fixer = ({ finding, edit }) => {
  const data = dataOf(finding) as Partial<LabelFixData>;
  const path = pathOf(data.path);
  if (!path || typeof data.suggestion !== 'string') return [];
  if (data.part === 'key') return fix(`Change the label key to \`${data.suggestion}\``, renameKey(edit, path, data.suggestion), true);
  if (data.part === 'value') return fix(`Change the label value to \`${data.suggestion}\``, replaceValue(edit, path, data.suggestion), true);
  return [];
};
