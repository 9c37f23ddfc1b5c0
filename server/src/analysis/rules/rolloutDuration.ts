/**
 * A rolling update estimated to take longer than `daemonscope.rolloutDurationThresholdMinutes`
 * (default 30) on the configured cluster: waves of `maxUnavailable` (or `maxSurge`) nodes, each
 * taking the pod start time plus `minReadySeconds` (pkg/controller/daemon/update.go; the engine's
 * closed-form plan). Information: it may be intended; raising the budget speeds it up.
 */
import { DiagnosticCode } from '../codes';
import { clusterView, plural } from './clusterRule';
import { findingAt } from './fields';
import type { Rule } from './rule';

export const rolloutDurationRule: Rule = {
  name: 'rolloutDuration',
  codes: [DiagnosticCode.RolloutSlow],
  check(model, context) {
    const threshold = context.options.rolloutDurationThresholdMinutes;
    const view = clusterView(model, context);
    const rollout = view?.simulation.preview.rollout;
    if (!view || !rollout || threshold <= 0 || rollout.estimatedSeconds === null || rollout.estimatedSeconds <= threshold * 60) return [];
    const minutes = Math.round(rollout.estimatedSeconds / 60);
    const waves = rollout.waves?.length ?? 0;
    const budget = rollout.maxSurge > 0 ? `maxSurge ${rollout.maxSurge}` : `maxUnavailable ${rollout.maxUnavailable}`;
    return [
      findingAt(model, {
        code: DiagnosticCode.RolloutSlow,
        severity: 'info',
        message: `The rolling update takes about ${plural(minutes, 'minute')} on ${view.label}: ${plural(waves, 'wave')} of at most ${budget}, over the ${threshold}-minute threshold (daemonscope.rolloutDurationThresholdMinutes). Raise ${rollout.maxSurge > 0 ? 'maxSurge' : 'maxUnavailable'} (for example to "10%") to go faster.`,
        path: view.simulation.model.rolloutPath,
      }),
    ];
  },
};
