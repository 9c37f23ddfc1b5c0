/**
 * Helpers for the cluster-aware rules: the memoised simulation of a DaemonSet on the configured
 * cluster (undefined without one: the rules then stay silent), and how messages name the cluster
 * and list nodes.
 */
import type { DaemonSetSimulation } from '../../engine';
import type { DaemonSetModel } from '../model';
import type { RuleContext } from './rule';

/** A simulation and the cluster's name for messages ("the embedded cluster", "cluster file nodes.yaml"). */
export interface ClusterView {
  simulation: DaemonSetSimulation;
  label: string;
  nodeCount: number;
}

/** The simulation of `model` on the context's cluster, or undefined when there is no cluster. */
export function clusterView(model: DaemonSetModel, context: RuleContext): ClusterView | undefined {
  const simulations = context.simulations;
  const simulation = simulations?.of(model);
  if (!simulations || !simulation) return undefined;
  return { simulation, label: simulations.context.label, nodeCount: simulations.context.cluster.nodes.length };
}

/** `n node` / `n nodes`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Up to `max` names joined with commas, then "and N more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
