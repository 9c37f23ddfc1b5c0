/**
 * The rolling update will stall on the configured cluster (the engine's plan of
 * pkg/controller/daemon/update.go `rollingUpdate`): Pending pods that use the whole maxUnavailable
 * budget, or surge pods that can never start beside the old ones. A warning naming the cluster.
 * A surge blocked by a host port is `rollout.surge-host-port` (it holds on every cluster).
 */
import { DiagnosticCode } from '../codes';
import { clusterView } from './clusterRule';
import { findingAt } from './fields';
import type { Rule } from './rule';
import { firstHostPort, surges } from './surgeHostPort';

export const rolloutStallRule: Rule = {
  name: 'rolloutStall',
  codes: [DiagnosticCode.RolloutStall],
  check(model, context) {
    const view = clusterView(model, context);
    const stall = view?.simulation.preview.rollout.stall;
    if (!view || !stall) return [];
    if (surges(model.value) && firstHostPort(model.value)) return [];
    const engine = view.simulation.findings.find((f) => f.code === 'rollout.stall');
    return [
      findingAt(model, {
        code: DiagnosticCode.RolloutStall,
        severity: 'warning',
        message: `On ${view.label}, the rolling update will stall: ${stall.reason}`,
        path: engine?.path ?? view.simulation.model.rolloutPath,
      }),
    ];
  },
};
