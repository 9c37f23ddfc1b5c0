/**
 * Hover on the update strategy: `maxUnavailable`/`maxSurge` resolved against the nodes that should
 * run the pod ("25% of 7 nodes = 2, rounded up", pkg/controller/daemon/update.go
 * `updatedDesiredNodeCounts` with intstr `GetScaledValueFromIntOrPercent`, rounding up), and what
 * `OnDelete` and `RollingUpdate` mean for this DaemonSet.
 */
import { parseIntOrPercent, type DaemonSetSimulation } from '../../engine';
import { rolloutPhrase } from './summary';

/** The resolved number of `field` for this simulation, with how it was computed. */
export function intOrPercentHover(field: 'maxUnavailable' | 'maxSurge', written: unknown, simulation: DaemonSetSimulation): string {
  const plan = simulation.preview.rollout;
  if (plan.strategy === 'OnDelete') return `\`${field}\` is ignored: \`updateStrategy.type\` is OnDelete, so pods are replaced only when someone deletes them.`;
  const desired = simulation.counts.runs + simulation.counts.pending;
  const nodes = `${desired} node${desired === 1 ? '' : 's'}`;
  const parsed = parseIntOrPercent(written);
  const resolved = plan[field];
  let how: string;
  if (parsed === null) how = `not set: the default, ${resolved}`;
  else if ('problem' in parsed) how = `${JSON.stringify(written)} ${parsed.problem}: the API server rejects it; the default is shown`;
  else if (parsed.percent) {
    const exact = (parsed.value * desired) % 100 === 0;
    how = `${parsed.value}% of ${nodes} = ${Math.ceil((parsed.value * desired) / 100)}${exact ? '' : ', rounded up'}`;
  } else how = `${parsed.value}`;
  const lines = [`**${field}: ${resolved}** — ${how} (the nodes that should run the pod: ${simulation.counts.runs} running, ${simulation.counts.pending} pending)`];
  if (plan.maxUnavailable === 1 && plan.maxSurge === 0 && parsed !== null && !('problem' in parsed) && parsed.value === 0 && field === 'maxUnavailable') {
    lines.push('Both maxUnavailable and maxSurge are 0: the API server rejects this; the controller would fall back to maxUnavailable 1.');
  }
  lines.push(`Rollout: ${rolloutPhrase(simulation)}.`);
  return lines.join('\n\n');
}

/** What the strategy type means here. Source: k8s.io/api apps/v1 types.go DaemonSetUpdateStrategyType. */
export function strategyHover(type: unknown, simulation: DaemonSetSimulation | undefined): string | undefined {
  if (type === 'OnDelete') {
    return '**OnDelete**: template changes reach running pods only when someone deletes them; the controller then creates the new version on that node. Nothing rolls out by itself, and `maxUnavailable`/`maxSurge` are ignored.';
  }
  if (type === 'RollingUpdate' && simulation) {
    const plan = simulation.preview.rollout;
    return `**RollingUpdate**: maxUnavailable ${plan.maxUnavailable}, maxSurge ${plan.maxSurge}; rollout: ${rolloutPhrase(simulation)}.`;
  }
  return undefined;
}
