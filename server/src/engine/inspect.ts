/**
 * A closer look at one node for one simulated DaemonSet: every untolerated taint, every
 * nodeSelector entry and affinity term with its result, and what is free. For hover, rules and
 * quick fixes; computed on demand (the preview itself stays lazy).
 */
import { failingRequirement, formatRequirement } from './nodeAffinity';
import { freeResources, portConflict } from './placement';
import type { DaemonSetSimulation } from './simulate';
import { blocksDaemonPod, tolerated } from './taints';
import type { ClusterNode, Resources, Taint } from './types';

/** Everything the engine knows about one node for one DaemonSet. */
export interface NodeInspection {
  node: ClusterNode;
  /** NoSchedule/NoExecute taints the daemon pod does not tolerate, in node order. */
  untoleratedTaints: Taint[];
  /** Each nodeSelector entry and whether the node's label matches it. */
  nodeSelector: { key: string; value: string; nodeValue: string | null; matches: boolean }[];
  /** Each required affinity term: null when it matches, else the first failing requirement or error. */
  affinityTerms: { index: number; failure: string | null }[];
  /** Free resources for this DaemonSet (allocatable minus other pods' requests); null without allocatable. */
  free: Resources | null;
  /** The host port conflict that keeps the pod Pending, if any. */
  hostPortConflict: { port: number; protocol: string; pod: string } | null;
}

/**
 * The NoSchedule/NoExecute taints of `node` the daemon pod does not tolerate, in node order
 * (`inspectNode`'s `untoleratedTaints`, without the rest of the inspection: the untolerated-taint
 * rule asks for every skipped node of every DaemonSet).
 */
export function untoleratedTaintsOf(simulation: DaemonSetSimulation, node: ClusterNode): Taint[] {
  const { tolerations } = simulation.context.ds;
  return node.taints.filter((t) => blocksDaemonPod(t) && !tolerated(tolerations, t));
}

/** Inspects node `nodeName` for a simulated DaemonSet; null when the cluster has no such node. */
export function inspectNode(simulation: DaemonSetSimulation, nodeName: string): NodeInspection | null {
  const ctx = simulation.context;
  const index = ctx.cluster.nodeIndex.get(nodeName);
  if (index === undefined) return null;
  const node = ctx.cluster.nodes[index]!;
  const conflict = portConflict(ctx, index);
  return {
    node,
    untoleratedTaints: untoleratedTaintsOf(simulation, node),
    nodeSelector: ctx.ds.nodeSelector.map(([key, value]) => {
      const has = Object.prototype.hasOwnProperty.call(node.labels, key);
      return { key, value, nodeValue: has ? node.labels[key]! : null, matches: has && node.labels[key] === value };
    }),
    affinityTerms: (ctx.ds.affinity?.terms ?? []).map((term) => {
      if (term.errors.length > 0) return { index: term.index, failure: term.errors[0]!.message };
      const r = failingRequirement(term, node);
      return { index: term.index, failure: r ? formatRequirement(r) : null };
    }),
    free: node.allocatable ? freeResources(ctx, index) : null,
    hostPortConflict: conflict ? { port: conflict.wanted.port, protocol: conflict.wanted.protocol, pod: conflict.pod } : null,
  };
}
