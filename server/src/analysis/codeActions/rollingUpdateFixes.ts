/**
 * Fixes for `spec.updateStrategy` (pkg/apis/apps/validation `ValidateRollingUpdateDaemonSet`:
 * exactly one of maxUnavailable and maxSurge is non-zero; defaults.go: maxUnavailable 1,
 * maxSurge 0). `maxSurge` written alone is a surge the author wants, so adding
 * `maxUnavailable: 0` is the preferred fix; with both written the intent is unclear.
 */
import { rollingUpdatePath, strategyPath } from '../rules/rollingUpdate';
import { record } from '../rules/fields';
import { insertValue, removePair, replaceValue, setValue } from './yamlEdit';
import { dataOf, fix, type Fixer } from './types';

function written(data: Record<string, unknown>): { maxUnavailable: boolean; maxSurge: boolean } | undefined {
  const w = record(data.written);
  if (!w || typeof w.maxUnavailable !== 'boolean' || typeof w.maxSurge !== 'boolean') return undefined;
  return { maxUnavailable: w.maxUnavailable, maxSurge: w.maxSurge };
}

export const fixBothSet: Fixer = ({ finding, edit }) => {
  const w = written(dataOf(finding));
  if (!w) return [];
  const surge = w.maxUnavailable
    ? fix('Set `maxUnavailable: 0` to keep the surge', replaceValue(edit, [...rollingUpdatePath, 'maxUnavailable'], 0), false)
    : fix('Add `maxUnavailable: 0` to keep the surge', insertValue(edit, [...rollingUpdatePath, 'maxUnavailable'], 0, { before: ['maxSurge'] }), true);
  return [...surge, ...fix('Remove `maxSurge` (replace pods one at a time)', removePair(edit, [...rollingUpdatePath, 'maxSurge']), false)];
};

export const fixBothZero: Fixer = ({ edit }) => fix('Set `maxUnavailable: 1`', setValue(edit, [...rollingUpdatePath, 'maxUnavailable'], 1, { before: ['maxSurge'] }), true);

export const fixIgnoredRollingUpdate: Fixer = ({ edit }) => [
  ...fix('Remove the ignored `rollingUpdate`', removePair(edit, rollingUpdatePath), false),
  ...fix('Change `type` to `RollingUpdate`', replaceValue(edit, [...strategyPath, 'type'], 'RollingUpdate'), false),
];
