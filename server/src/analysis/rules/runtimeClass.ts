/**
 * `runtimeClassName` naming a RuntimeClass the configured cluster does not have (when it lists
 * any): its overhead and node selector (RuntimeClass admission, plugin/pkg/admission/runtimeclass)
 * cannot be applied to the simulation, and admission rejects pods naming a RuntimeClass that does
 * not exist (plugin/pkg/admission/runtimeclass/admission.go `prepareObjects`).
 * Information, since a cluster file may simply not include RuntimeClasses.
 */
import { DiagnosticCode } from '../codes';
import { clusterView } from './clusterRule';
import { findingAt } from './fields';
import type { Rule } from './rule';

export const runtimeClassRule: Rule = {
  name: 'runtimeClass',
  codes: [DiagnosticCode.PlacementRuntimeClassNotFound],
  check(model, context) {
    const view = clusterView(model, context);
    const engine = view?.simulation.findings.find((f) => f.code === 'runtime-class.not-found');
    if (!view || !engine) return [];
    return [
      findingAt(model, {
        code: DiagnosticCode.PlacementRuntimeClassNotFound,
        severity: 'info',
        message: `RuntimeClass ${view.simulation.model.runtimeClassName} is not in ${view.label}, so its overhead and node selector are not simulated (and the API server rejects pods naming a RuntimeClass that does not exist).`,
        path: engine.path,
        prefer: 'value',
      }),
    ];
  },
};
