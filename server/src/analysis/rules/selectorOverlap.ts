/**
 * Two DaemonSets of one namespace in one file whose selectors overlap: one selects the other's
 * pods (apimachinery `LabelSelectorAsSelector` against the other's template labels). Both
 * controllers then claim the same pods and fight over them (pkg/controller/daemon
 * `getDaemonPods` adopts any matching orphan; kubernetes.io/docs/concepts/workloads/controllers/daemonset,
 * "Pod Selector": "you should not normally create any Pods whose labels match this selector").
 * A warning on the selector, naming the other DaemonSet.
 */
import { DiagnosticCode } from '../codes';
import { failingRequirements, labelsOf, parseSelector } from '../labelSelector';
import type { DaemonSetModel } from '../model';
import { findingAt, record, recordAt } from './fields';
import type { Rule } from './rule';
import { selectorPath } from './selector';

/** Whether `selector`'s DaemonSet selects the pods of `other` (its template labels). */
function selects(selector: DaemonSetModel, other: DaemonSetModel): boolean {
  const parsed = parseSelector(record(selector.value?.spec)?.selector, selectorPath);
  if (parsed.kind !== 'requirements') return false;
  const failing = failingRequirements(parsed, labelsOf(recordAt(other.value, ['spec', 'template'])?.metadata));
  return failing !== undefined && failing.length === 0;
}

export const selectorOverlapRule: Rule = {
  name: 'selectorOverlap',
  codes: [DiagnosticCode.SelectorOverlap],
  check(model, context) {
    if (model.name === undefined) return [];
    const namespace = model.namespace ?? 'default';
    const others = context.daemonSets.filter(
      (other) => other !== model && other.value !== undefined && other.name !== undefined && other.name !== model.name && (other.namespace ?? 'default') === namespace,
    );
    const overlapping = others.filter((other) => selects(model, other) || selects(other, model));
    if (overlapping.length === 0) return [];
    const names = overlapping.map((other) => `${other.name} (line ${context.file.lineCounter.linePos(other.anchor.start).line})`);
    return [
      findingAt(model, {
        code: DiagnosticCode.SelectorOverlap,
        severity: 'warning',
        message: `The selectors of this DaemonSet and of ${names.join(', ')} in namespace ${namespace} overlap: one selects the other's pods, so both controllers claim them and fight. Give each DaemonSet a label of its own in its selector.`,
        path: selectorPath,
      }),
    ];
  },
};
