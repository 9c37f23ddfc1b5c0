/**
 * Fixes for cluster-aware findings: tolerate the taints that keep the pod off some nodes (the
 * toleration `ToleratesTaint` matches: key, `Equal` with the value when the taint has one, else
 * `Exists`, and the effect), and replace a node label key or value no node has with the cluster's
 * closest one.
 */
import { formatTaint } from '../../engine';
import { podSpecPath, record } from '../rules/fields';
import type { LabelFixData } from '../rules/unknownLabel';
import type { TaintData } from '../rules/untoleratedTaint';
import { appendItem, appendItems, renameKey, replaceValue } from './yamlEdit';
import { dataOf, fix, pathOf, type Fixer } from './types';

/** A taint from fix data, or undefined when it is not `{key, effect}` strings with an optional string `value`. */
function taintFrom(raw: unknown): TaintData | undefined {
  const taint = record(raw);
  if (!taint || typeof taint.key !== 'string' || typeof taint.effect !== 'string') return undefined;
  const value = taint.value ?? '';
  return typeof value === 'string' ? { key: taint.key, value, effect: taint.effect } : undefined;
}

/**
 * The taints of a finding's data: `{taints: [...]}`, or `{taint: {...}}` as servers before one
 * finding per DaemonSet published it (a diagnostic the editor sends back may be that old).
 * Undefined when any entry is malformed.
 */
function taintsOf(data: Record<string, unknown>): TaintData[] | undefined {
  const raw = Array.isArray(data.taints) ? (data.taints as unknown[]) : data.taint !== undefined ? [data.taint] : [];
  const taints = raw.map(taintFrom);
  return taints.length > 0 && taints.every((t) => t !== undefined) ? (taints as TaintData[]) : undefined;
}

/** The toleration `ToleratesTaint` matches for `taint`: `Equal` with its value, or `Exists` when it has none. */
function tolerationFor(taint: TaintData): Record<string, string> {
  return taint.value === '' ? { key: taint.key, operator: 'Exists', effect: taint.effect } : { key: taint.key, operator: 'Equal', value: taint.value, effect: taint.effect };
}

/**
 * One fix per taint, and with two or more one that adds them all in one edit. None is preferred:
 * skipping tainted nodes is often intended, so Fix All and `check --fix` leave it alone.
 */
export const addToleration: Fixer = ({ finding, edit }) => {
  const taints = taintsOf(dataOf(finding));
  if (!taints) return [];
  const path = [...podSpecPath, 'tolerations'];
  const each = taints.flatMap((taint) => fix(`Add a toleration for ${formatTaint(taint)}`, appendItem(edit, path, tolerationFor(taint)), false));
  if (taints.length < 2) return each;
  return [...each, ...fix(`Add tolerations for all ${taints.length} taints`, appendItems(edit, path, taints.map(tolerationFor)), false)];
};

export const replaceLabel: Fixer = ({ finding, edit }) => {
  const data = dataOf(finding) as Partial<LabelFixData>;
  const path = pathOf(data.path);
  if (!path || typeof data.suggestion !== 'string') return [];
  if (data.part === 'key') return fix(`Change the label key to \`${data.suggestion}\``, renameKey(edit, path, data.suggestion), true);
  if (data.part === 'value') return fix(`Change the label value to \`${data.suggestion}\``, replaceValue(edit, path, data.suggestion), true);
  return [];
};
